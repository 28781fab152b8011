"""Cells that touch no other coloured cell, not even at a corner, are erased; connected groups stay."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = grid
    for lone in find_objects(grid, connectivity=8, single_color=False, background=background):
        if lone.size == 1:
            result = erase_object(result, lone, background=background)
    return result


def generate_input(rng):
    height, width = int(rng.integers(11, 18)), int(rng.integers(9, 20))
    color = int(rng.choice([YELLOW, GRAY, MAGENTA, AZURE, GREEN]))
    return np.where(rng.random((height, width)) < rng.uniform(0.12, 0.2), color, BLACK)
