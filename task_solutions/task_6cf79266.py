"""In a field of random speckles, every fully black 3x3 square is filled with blue (scanning in reading order,
a square overlapping one already filled is skipped)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for top, left in find_pattern(grid, make_grid(3, 3, BLACK)):
        box = (top, left, top + 3, left + 3)
        if count_color(crop(result, box), BLACK) == 9:
            result = fill_box(result, box, BLUE)
    return result


GENERATOR_EXEMPTIONS = {"colors": "the speckle colour may be any; the real inputs show only four"}


def generate_input(rng):
    while True:
        color, squares = int(rng.choice([2, 3, 4, 5, 6, 7, 8, 9])), int(rng.integers(1, 4))
        grid = np.where(rng.random((20, 20)) < rng.uniform(0.5, 0.65), color, BLACK).astype(np.int8)
        for _ in range(squares):
            top, left = (int(v) for v in rng.integers(0, 18, size=2))
            grid = fill_box(grid, (top, left, top + 3, left + 3), BLACK)
        if count_color(transform(grid), BLUE) == 9 * squares:
            return grid
