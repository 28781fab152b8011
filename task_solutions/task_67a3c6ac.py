"""The grid is mirrored left to right."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return flip_horizontal(grid)


def generate_input(rng):
    while True:
        size = int(rng.integers(3, 8))
        grid = rng.choice([BLUE, RED, MAGENTA, ORANGE], size=(size, size)).astype(np.int8)
        if len(palette(grid)) == 4 and not is_symmetric(grid, "horizontal"):
            return grid
