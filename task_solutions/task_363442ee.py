"""The 3x3 pattern in the top-left corner is copied onto every blue cell right of the grey line, centred
on it (the blue cell marks the middle of a 3x3 block)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    pattern = grid[:3, :3]
    result = copy_grid(grid)
    for row, col in np.argwhere(grid == BLUE):
        result[row - 1 : row + 2, col - 1 : col + 2] = pattern
    return result


def generate_input(rng):
    grid = make_grid(9, 13)
    colors = rng.choice([2, 3, 4, 6, 7, 8, 9], size=int(rng.integers(2, 4)), replace=False)
    grid[:3, :3] = rng.choice(colors, size=(3, 3))
    grid[:, 3] = GRAY
    for block in rng.choice(9, size=int(rng.integers(3, 7)), replace=False):
        grid[3 * (block // 3) + 1, 4 + 3 * (block % 3) + 1] = BLUE
    return grid
