"""The grid is doubled in width by placing its left-right mirror image to its right."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return concatenate_horizontal([grid, flip_horizontal(grid)])


def generate_input(rng):
    return rng.choice([BLUE, MAGENTA, AZURE], size=(3, 3)).astype(np.int8)
