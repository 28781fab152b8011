"""Coloured cells sit on a 2-cell lattice (odd rows and columns); each becomes a 4x4 block in a grid
twice as large, so the lattice of cells is blown up by four."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the cells may have any colours"}


def transform(grid):
    return upscale(grid[1::2, 1::2], 4)


def generate_input(rng):
    colors = rng.choice(range(1, 10), size=int(rng.integers(4, 6)), replace=False)
    spots = rng.choice(25, size=int(rng.integers(len(colors), 8)), replace=False)
    lattice = np.zeros(25, dtype=int)
    lattice[spots] = np.concatenate([colors, rng.choice(colors, size=len(spots) - len(colors))])
    grid = make_grid(10, 10)
    grid[1::2, 1::2] = lattice.reshape(5, 5)
    return grid
