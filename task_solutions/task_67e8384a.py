"""The 3x3 grid is mirrored into a 6x6 grid: the right half mirrors the left and the bottom half mirrors the
top."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top = concatenate_horizontal([grid, flip_horizontal(grid)])
    return concatenate_vertical([top, flip_vertical(top)])


GENERATOR_EXEMPTIONS = {"colors": "any colours may be mirrored; the real inputs happen to lack maroon"}


def generate_input(rng):
    while True:
        colors = rng.choice(np.arange(1, 10), size=int(rng.integers(3, 5)), replace=False)
        grid = rng.choice(colors, size=(3, 3)).astype(np.int8)
        if len(palette(grid)) == len(colors):
            return grid
