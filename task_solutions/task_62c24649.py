"""The 3x3 grid is mirrored into a 6x6 grid: the right half mirrors the left and the bottom half mirrors the
top."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top = concatenate_horizontal([grid, flip_horizontal(grid)])
    return concatenate_vertical([top, flip_vertical(top)])


def generate_input(rng):
    while True:
        grid = rng.choice([BLUE, RED, GREEN], size=(3, 3)).astype(np.int8)
        grid[rng.random((3, 3)) < 0.3] = BLACK
        if len(palette(grid)) == 4:
            return grid
