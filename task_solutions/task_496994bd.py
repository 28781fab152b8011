"""The coloured rows at the top of the grid are mirrored onto the bottom, as if the grid were folded
upside down onto itself."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the stripes may have any colours"}


def transform(grid):
    return np.where(grid != BLACK, grid, flip_vertical(grid))


def generate_input(rng):
    width, rows = int(rng.integers(3, 7)), int(rng.integers(2, 4))
    first, second = (int(c) for c in rng.choice(range(1, 10), size=2, replace=False))
    grid = fill_box(make_grid(10, width), (0, 0, rows, width), second)
    return fill_box(grid, (0, 0, int(rng.integers(1, rows)), width), first)
