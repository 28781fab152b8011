"""Crossing lines of one colour enclose some black areas: every enclosed area is filled with red and
all remaining black background turns green."""

import numpy as np
from omniarc.dsl import *


def spaced_positions(rng, count, size):
    """count distinct line positions inside 1..size-2, with at least two cells between neighbours (every
    such choice equally likely: distinct positions in a range shortened by the gaps, spread back out)."""
    shortened = rng.permutation(size - 2 - 2 * (count - 1))[:count]
    return np.sort(shortened) + 1 + 2 * np.arange(count)


def transform(grid):
    return replace_color(fill_enclosed_regions(grid, RED), BLACK, GREEN)


def generate_input(rng):
    height, width = int(rng.integers(22, 25)), int(rng.integers(21, 26))
    color = int(rng.choice([1, 4, 7, 8]))
    while True:
        grid = make_grid(height, width)
        cols = spaced_positions(rng, int(rng.integers(2, 5)), width)
        tops = rng.integers(0, height // 3, size=len(cols))
        bottoms = rng.integers(2 * height // 3, height, size=len(cols))
        for col, top, bottom in zip(cols, tops, bottoms, strict=True):
            grid[top : bottom + 1, col] = color
        rows = spaced_positions(rng, int(rng.integers(3, 6)), height)
        lefts = rng.integers(0, width // 2, size=len(rows))
        for row, left, right in zip(rows, lefts, rng.integers(lefts + width // 3, width), strict=True):
            grid[row, left : right + 1] = color
        if 10 <= count_color(transform(grid), RED) <= height * width // 3:
            return grid
