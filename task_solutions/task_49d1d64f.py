"""The picture gets a one-cell frame: each edge row and column is copied once more outward, and the four
new corner cells stay black."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the picture may use any colours"}


def transform(grid):
    result = np.pad(grid, 1, mode="edge")
    result[[0, 0, -1, -1], [0, -1, 0, -1]] = BLACK
    return result


def generate_input(rng):
    height, width = int(rng.integers(2, 4)), int(rng.integers(2, 4))
    colors = rng.choice(range(1, 10), size=int(rng.integers(3, 6)), replace=False)
    while True:
        grid = rng.choice(colors, size=(height, width))
        if len(palette(grid)) >= 3:
            return grid
