"""The grid is a repeating multiplication-table pattern with black holes cut into it; fill the holes
by continuing the repeating pattern."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    for color in palette(grid):
        completed = complete_tiling(grid, unknown_color=color)
        if color not in completed:
            return completed
    return copy_grid(grid)


def generate_input(rng):
    period = int(rng.integers(5, 10))
    index = np.arange(18) % period
    full = (np.outer(index, index) % period + 1).astype(np.int8)
    while True:
        grid = copy_grid(full)
        for _ in range(int(rng.integers(2, 6))):
            height, width = rng.integers(2, 6, size=2)
            top, left = rng.integers(0, 18 - height + 1), rng.integers(0, 18 - width + 1)
            grid[top : top + height, left : left + width] = BLACK
        if np.array_equal(transform(grid), full):
            return grid
