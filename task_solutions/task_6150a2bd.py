"""The grid is rotated by half a turn (180 degrees)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return rotate(grid, 2)


GENERATOR_EXEMPTIONS = {"colors": "any colours may be rotated; the real inputs happen to lack maroon"}


def generate_input(rng):
    while True:
        colors = rng.choice(np.arange(1, 10), size=int(rng.integers(3, 6)), replace=False)
        grid = rng.choice(colors, size=(3, 3)).astype(np.int8)
        grid[rng.random((3, 3)) < 0.4] = BLACK
        if 4 <= len(palette(grid)) <= 6 and not is_symmetric(grid, "rotation_180"):
            return grid
