"""Grey marks along the top row and the right column pick columns and rows; every cell where a marked row
crosses a marked column turns red."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    marks = grid != background_color(grid)
    side = 0 if marks[1:-1, 0].sum() > marks[1:-1, -1].sum() else -1
    edge = -1 if marks[-1, 1:-1].sum() > marks[0, 1:-1].sum() else 0
    rows = np.where(np.arange(grid.shape[0]) == edge % grid.shape[0], False, marks[:, side])
    cols = np.where(np.arange(grid.shape[1]) == side % grid.shape[1], False, marks[edge])
    return paint_mask(grid, np.outer(rows, cols) & ~marks, RED)


def generate_input(rng):
    grid = make_grid(10, 10)
    grid[0, rng.choice(9, size=rng.integers(3, 7), replace=False)] = GRAY
    grid[1 + rng.choice(9, size=rng.integers(2, 6), replace=False), 9] = GRAY
    return grid
