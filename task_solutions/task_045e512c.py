"""Small pieces of other colours sit one gap away from a 3x3 shape; the shape is copied again and again in the
direction of each piece, one gap apart, in that piece's colour, until it leaves the grid."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    pieces = find_objects(grid, connectivity=8, background=background_color(grid))
    shape = largest_object(pieces)
    step_row, step_col = shape.height + 1, shape.width + 1
    result = copy_grid(grid)
    for piece in pieces:
        drow = round((piece.center[0] - shape.center[0]) / step_row)
        dcol = round((piece.center[1] - shape.center[1]) / step_col)
        recolored = shape.recolored(piece.color)
        for k in range(1, 15):  # a step is at least 2 cells: from k = 15 on, copies lie off any grid
            result = paint_object(result, recolored.moved(k * drow * step_row, k * dcol * step_col))
    return result


GENERATOR_EXEMPTIONS = {"colors": "the shape and the pieces may have any colours; the real inputs miss two"}


def is_connected(mask):
    """True when the True cells of the boolean pattern form one 8-connected piece."""
    return len(find_objects(mask.astype(int), connectivity=8)) == 1


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
    grid = paint_mask(
        make_grid(21, 21),
        pad(mask.astype(int), top=top, left=left, bottom=18 - top, right=18 - left) == 1,
        colors[0],
    )
    directions = rng.permutation(list(DIRECTIONS.values()))[: int(rng.integers(1, 4))]
    for drow, dcol in directions:
        color = colors[int(rng.integers(1, 4))]
        while True:
            part = mask & (rng.random((3, 3)) < 0.5)
            if 1 <= part.sum() < mask.sum() and is_connected(part):
                break
        for row, col in np.argwhere(part):
            grid = paint_cells(grid, [(top + 4 * drow + int(row), left + 4 * dcol + int(col))], color)
    return grid
