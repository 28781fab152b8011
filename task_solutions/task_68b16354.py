"""The grid is flipped upside down."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return flip_vertical(grid)


def generate_input(rng):
    while True:
        size = int(rng.integers(5, 8))
        grid = rng.choice([BLUE, RED, GREEN, YELLOW, ORANGE, AZURE], size=(size, size)).astype(np.int8)
        if len(palette(grid)) == 6 and not is_symmetric(grid, "vertical"):
            return grid
