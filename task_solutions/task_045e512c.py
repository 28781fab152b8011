"""Small pieces of other colours sit one gap away from a 3x3 shape; the shape is copied again and again in the
direction of each piece, one gap apart, in that piece's colour, until it leaves the grid."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    pieces = find_objects(grid, connectivity=8, background=background_color(grid))
    shape = largest_object(pieces)
    step_row, step_col = shape.height + 1, shape.width + 1
    result = copy_grid(grid)
    for piece in [other for other in pieces if other is not shape]:
        drow = round((piece.center[0] - shape.center[0]) / step_row)
        dcol = round((piece.center[1] - shape.center[1]) / step_col)
        recolored = shape.recolored(piece.color)
        for k in range(1, max(grid.shape) // min(step_row, step_col) + 1):  # farther copies are off the grid
            result = paint_object(result, recolored.moved(k * drow * step_row, k * dcol * step_col))
    return result


GENERATOR_EXEMPTIONS = {"colors": "the shape and the pieces may have any colours; the real inputs miss two"}


def connected_codes():
    """The 3x3 boolean patterns (as 9-bit numbers, bit 3 * row + col) whose True cells are one 8-connected
    piece."""
    patterns = [(code >> np.arange(9) & 1).reshape(3, 3) for code in range(1, 512)]
    return {
        code
        for code, pattern in enumerate(patterns, start=1)
        if len(find_objects(pattern, connectivity=8)) == 1
    }


CONNECTED_CODES = connected_codes()


def is_connected(mask):
    """True when the True cells of the 3x3 boolean pattern form one 8-connected piece."""
    return int(mask.ravel() @ (1 << np.arange(9))) in CONNECTED_CODES


def random_connected_pattern(rng):
    """A 3x3 boolean pattern, 8-connected, touching all four sides of its box."""
    while True:
        mask = rng.random((3, 3)) < 0.65
        if 5 <= mask.sum() <= 8 and mask[0].any() and mask[2].any() and mask[:, 0].any() and mask[:, 2].any():
            if is_connected(mask):
                return mask


def generate_input(rng):
    mask = random_connected_pattern(rng)
    colors = [int(color) for color in rng.permutation(range(1, 10))]
    top, left = int(rng.integers(5, 11)), int(rng.integers(5, 12))
    grid = make_grid(21, 21)
    grid[top : top + 3, left : left + 3][mask] = colors[0]
    directions = rng.permutation(list(DIRECTIONS.values()))[: int(rng.integers(1, 4))]
    for drow, dcol in directions:
        color = colors[int(rng.integers(1, 4))]
        while True:
            part = mask & (rng.random((3, 3)) < 0.5)
            if 1 <= part.sum() < mask.sum() and is_connected(part):
                break
        row, col = top + 4 * drow, left + 4 * dcol
        grid[row : row + 3, col : col + 3][part] = color
    return grid
