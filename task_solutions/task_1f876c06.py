"""Each colour appears on two cells lying on a common diagonal; join each pair with a diagonal line of its
colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pairs may have any colours"}


def transform(grid):
    background = background_color(grid)
    result = copy_grid(grid)
    for color in [color for color in palette(grid) if color != background]:
        start, end = object_from_mask(grid, grid == color).cells
        result = draw_segment(result, start, end, color)
    return result


def generate_input(rng):
    grid = make_grid(10, 10)
    near = np.zeros((10, 10), dtype=bool)  # the diagonals drawn so far and every cell touching them
    for color in rng.permutation(range(1, 10))[: rng.integers(3, 5)]:
        for _ in range(100):
            length = int(rng.integers(2, 10))
            row, col = int(rng.integers(0, 10 - length)), int(rng.integers(0, 10 - length))
            step = (-1, 1)[int(rng.integers(2))]  # the same draw as rng.choice([-1, 1]), 5x cheaper
            col = col + length if step < 0 else col
            rows, cols = row + np.arange(length + 1), col + step * np.arange(length + 1)
            if not near[rows, cols].any():
                for r, c in zip(rows, cols, strict=True):
                    near[max(r - 1, 0) : r + 2, max(c - 1, 0) : c + 2] = True
                grid[rows[0], cols[0]] = grid[rows[-1], cols[-1]] = color
                break
    return grid
