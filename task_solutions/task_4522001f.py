"""A 2x2 block (with red at the grid centre) sits in one corner of the 3x3 grid; the output is 9x9 with
two 4x4 blocks of its colour on the diagonal from that same corner: one in the corner, one touching it
diagonally."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    color = most_common_color(grid, exclude=[BLACK, RED])
    result = fill_box(fill_box(make_grid(9, 9), (0, 0, 4, 4), color), (4, 4, 8, 8), color)
    if np.any(grid[:, 2]):
        result = flip_horizontal(result)
    if np.any(grid[2]):
        result = flip_vertical(result)
    return result


def generate_input(rng):
    grid = fill_box(make_grid(3, 3), (0, 0, 2, 2), GREEN)
    grid = paint_cells(grid, [(1, 1)], RED)
    return rotate(grid, int(rng.integers(0, 4)))
