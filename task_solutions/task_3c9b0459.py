"""The grid is turned upside down by a half turn (rotated 180 degrees)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return rotate(grid, 2)


def generate_input(rng):
    colors = rng.choice(np.arange(1, 10), size=int(rng.integers(2, 4)), replace=False)
    while True:
        grid = rng.choice(colors, size=(3, 3))
        if not is_symmetric(grid, "rotation_180"):
            return grid
