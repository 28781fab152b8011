"""The 9x9 grid is a 3x3 arrangement of solid 3x3 blocks sprinkled with grey noise; the output shrinks
each block to one cell of its colour, ignoring the noise."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the blocks may have any colours other than grey"}


def transform(grid):
    return downscale(replace_color(grid, GRAY, BLACK), 3)


def generate_input(rng):
    colors = [c for c in range(1, 10) if c != GRAY]
    blocks = np.zeros(9, dtype=int)
    spots = rng.choice(9, size=int(rng.integers(2, 6)), replace=False)
    blocks[spots] = rng.choice(colors, size=len(spots), replace=False)
    grid = upscale(blocks.reshape(3, 3), 3)
    for block in rng.choice(9, size=int(rng.integers(3, 7)), replace=False):
        row, col = 3 * (block // 3) + int(rng.integers(0, 3)), 3 * (block % 3) + int(rng.integers(0, 3))
        grid[row, col] = GRAY
    return grid
