"""Each red bar at the bottom slides straight up until it meets the blue shape hanging from the top."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return apply_gravity(grid, "up")


def generate_input(rng):
    grid = make_grid(10, 10)
    depth = int(rng.integers(3, 6))
    left = int(rng.integers(1, 3))
    right = int(rng.integers(left + 5, 11))
    grid[:depth, left:right] = BLUE
    columns = rng.permutation(np.arange(left, right))[: int(rng.integers(1, 5))]
    for col in columns:
        blue_depth = int(rng.integers(1, depth))
        grid[blue_depth:depth, col] = BLACK
        length = int(rng.integers(1, 10 - depth))
        grid[10 - length :, col] = RED
    return grid
