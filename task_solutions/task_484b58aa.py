"""The grid is covered by a repeating pattern with black rectangles cut out of it; the black holes are filled
in by continuing the pattern."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return complete_tiling(grid, unknown_color=BLACK)


def random_pattern(rng, size):
    """Rows that are shifted copies of one colour sequence, sometimes interleaved with a simple stripe row."""
    while True:
        colors = rng.permutation(np.arange(1, 10))[: int(rng.integers(5, 8))]  # 5-7 distinct colours
        length, step = int(rng.integers(len(colors), 19)), int(rng.integers(1, 6))
        extra = colors[rng.integers(len(colors), size=length - len(colors))]  # each colour at least once
        base = rng.permutation(np.concatenate([colors, extra]))
        # row r is the sequence rolled right by step * r, repeated across the width
        rows, cols = np.arange(size)[:, None], np.arange(size)
        pattern = base[(cols % len(base) - step * rows) % len(base)]
        if rng.random() < 0.3:
            stripe = np.array([colors[0], colors[1]])[np.arange(size) % 2]
            pattern[1::2] = stripe
        if row_period(pattern) <= 10:
            return pattern


def generate_input(rng):
    while True:
        pattern = random_pattern(rng, 29)
        grid = copy_grid(pattern)
        for _ in range(int(rng.integers(2, 6))):
            height, width = int(rng.integers(2, 8)), int(rng.integers(2, 8))
            top, left = int(rng.integers(0, 30 - height)), int(rng.integers(0, 30 - width))
            grid = fill_box(grid, (top, left, top + height, left + width), BLACK)
        if grids_equal(transform(grid), pattern):
            return grid
