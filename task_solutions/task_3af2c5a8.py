"""The grid is mirrored to the right and then downwards, giving a picture twice as tall and twice as wide
that is symmetric both ways."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top = concatenate_horizontal([grid, flip_horizontal(grid)])
    return concatenate_vertical([top, flip_vertical(top)])


def generate_input(rng):
    color = int(rng.choice([GREEN, YELLOW, AZURE]))
    while True:
        grid = np.where(rng.random((3, 4)) < rng.uniform(0.3, 0.6), color, BLACK)
        if 0 < (grid == color).sum() < 12:
            return grid
