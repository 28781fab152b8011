"""Grey marks along the top row and the right column pick columns and rows; every cell where a marked row
crosses a marked column turns red."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    crossings = np.outer(grid[:, -1] == GRAY, grid[0] == GRAY)
    return paint_mask(grid, crossings & (grid == BLACK), RED)


def generate_input(rng):
    grid = make_grid(10, 10)
    grid[0, rng.choice(9, size=rng.integers(3, 7), replace=False)] = GRAY
    grid[1 + rng.choice(9, size=rng.integers(2, 6), replace=False), 9] = GRAY
    return grid
