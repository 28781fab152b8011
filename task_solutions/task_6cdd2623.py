"""Among scattered noise, the rarest colour marks pairs of facing cells on opposite edges. Each pair is joined
by a straight line of that colour across the grid, and all the noise is erased."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    color = least_common_color(grid, exclude=BLACK)
    height, width = grid.shape
    result = make_grid(height, width)
    for row, col in np.argwhere(grid == color):
        if col == 0:
            result = fill_box(result, (row, 0, row + 1, width), color)
        if row == 0:
            result = fill_box(result, (0, col, height, col + 1), color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "line and noise colours may be any; the real inputs happen to lack maroon"}


def generate_input(rng):
    while True:
        height, width = int(rng.integers(11, 17)), int(rng.integers(17, 23))
        line, *noise = (int(c) for c in rng.choice(np.arange(1, 10), size=3, replace=False))
        speckles = rng.random((height, width)) < rng.uniform(0.12, 0.22)
        grid = np.where(speckles, rng.choice(noise, (height, width)), BLACK).astype(np.int8)
        rows = [int(r) for r in rng.choice(np.arange(1, height - 1), size=2, replace=False)]
        cols = [int(c) for c in rng.choice(np.arange(1, width - 1), size=2, replace=False)]
        rows, cols = [[rows[:1], cols[:1]], [rows, []], [[], cols]][int(rng.choice(3, p=[0.6, 0.2, 0.2]))]
        ends = [(row, 0) for row in rows] + [(row, width - 1) for row in rows]
        ends += [(0, col) for col in cols] + [(height - 1, col) for col in cols]
        grid = paint_cells(grid, ends, line)
        lines_apart = all(abs(pair[0] - pair[1]) > 1 for pair in (rows, cols) if len(pair) == 2)
        if min(count_color(grid, color) for color in noise) > 6 and lines_apart:
            return grid
