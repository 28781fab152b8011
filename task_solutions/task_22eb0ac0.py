"""Pixels sit at both ends of some rows; when the two ends of a row have the same colour, the whole row is
filled with it."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the end pixels may have any colours"}


def transform(grid):
    result = copy_grid(grid)
    for row in range(grid.shape[0]):
        if grid[row, 0] != BLACK and grid[row, 0] == grid[row, -1]:
            result[row] = grid[row, 0]
    return result


def generate_input(rng):
    grid = make_grid(10, 10)
    rows = np.arange(1, int(rng.choice([8, 10])), 2)
    left = rng.choice(range(1, 10), size=len(rows), replace=False)
    right = rng.permutation(left)
    grid[rows, 0], grid[rows, -1] = left, right
    return grid
