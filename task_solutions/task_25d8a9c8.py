"""Every row made of a single colour becomes grey; every other row becomes black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = make_grid(*grid.shape, BLACK)
    for row in range(grid.shape[0]):
        if len(palette(grid[row : row + 1])) == 1:
            result[row] = GRAY
    return result


def generate_input(rng):
    colors = rng.choice([1, 2, 3, 4, 6, 7, 8, 9], size=int(rng.integers(2, 4)), replace=False)
    grid = make_grid(3, 3)
    for row in range(3):
        if rng.random() < 0.45:
            grid[row] = rng.choice(colors)
        else:
            while np.all(grid[row] == grid[row, 0]):
                grid[row] = rng.choice(colors, size=3)
    return grid
