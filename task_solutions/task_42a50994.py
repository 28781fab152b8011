"""Cells that touch no other coloured cell, not even at a corner, are erased; connected groups stay."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = grid
    for lone in filter_objects(find_objects(grid, connectivity=8), size=1):
        result = erase_object(result, lone)
    return result


def generate_input(rng):
    height, width = int(rng.integers(11, 18)), int(rng.integers(9, 20))
    color = int(rng.choice([YELLOW, GRAY, MAGENTA, AZURE, GREEN]))
    return np.where(rng.random((height, width)) < rng.uniform(0.12, 0.2), color, BLACK)
