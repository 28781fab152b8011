"""Pixels sit at both ends of some rows; when the two ends of a row have the same colour, the whole row is
filled with it."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the end pixels may have any colours"}


def transform(grid):
    background = background_color(grid)
    by_rows = np.all(grid[:, 1:-1] == background)
    rows = grid if by_rows else transpose(grid)
    result = copy_grid(rows)
    for row in range(rows.shape[0]):
        if rows[row, 0] != background and rows[row, 0] == rows[row, -1]:
            result[row] = rows[row, 0]
    return result if by_rows else transpose(result)


def generate_input(rng):
    grid = make_grid(10, 10)
    rows = np.arange(1, int(rng.choice([8, 10])), 2)
    left = rng.choice(range(1, 10), size=len(rows), replace=False)
    right = rng.permutation(left)
    grid[rows, 0], grid[rows, -1] = left, right
    return grid
