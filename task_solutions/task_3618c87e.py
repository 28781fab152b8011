"""Each blue cell sits on a grey post; it drops through the post into the grey floor, replacing the floor
cell below it, and leaves black behind."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for row, col in np.argwhere(grid == BLUE):
        result[row, col] = BLACK
        result[-1, col] = BLUE
    return result


def generate_input(rng):
    grid = make_grid(5, 5)
    grid[4] = GRAY
    for col in rng.choice(5, size=int(rng.integers(1, 3)), replace=False):
        grid[2, col] = BLUE
        grid[3, col] = GRAY
    return grid
