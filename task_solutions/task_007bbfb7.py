"""The 3x3 shape is blown up to 9x9: each coloured cell of the shape becomes a copy of the whole shape, each
black cell becomes a black 3x3 block."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return np.where(upscale(grid, grid.shape) != 0, tile(grid, *grid.shape), 0)


GENERATOR_EXEMPTIONS = {"colors": "the shape may have any non-black colour; the real inputs show only four"}


def generate_input(rng):
    color = int(rng.integers(1, 10))
    while True:
        mask = rng.random((3, 3)) < rng.uniform(0.3, 0.7)
        if 2 <= mask.sum() <= 7:
            return np.where(mask, color, 0).astype(np.int8)
