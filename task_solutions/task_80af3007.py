"""The grey shape is a 3x3 pattern blown up three times. Shrunk back to 3x3, the pattern is used as a
fractal: each of its filled cells becomes a copy of the whole pattern, each empty cell a black 3x3."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    pattern = downscale(crop_to_content(grid), 3)
    return np.where(upscale(pattern, 3) != BLACK, tile(pattern, 3, 3), BLACK)


def generate_input(rng):
    height, width = int(rng.integers(16, 18)), int(rng.integers(18, 20))
    while True:
        pattern = rng.random((3, 3)) < 0.6
        if np.all(np.any(pattern, axis=0)) and np.all(np.any(pattern, axis=1)) and not np.all(pattern):
            break
    grid = make_grid(height, width)
    top, left = int(rng.integers(1, height - 9)), int(rng.integers(1, width - 9))
    grid[top : top + 9, left : left + 9] = upscale(np.where(pattern, GRAY, BLACK), 3)
    return grid
