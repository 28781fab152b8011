"""Lines cross a plain background, cutting it into rectangles; the output has one background-coloured cell for
each rectangle, laid out as the rectangles are."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = most_common_color(grid)
    line_rows = np.all(grid != background, axis=1).sum()
    line_cols = np.all(grid != background, axis=0).sum()
    return make_grid(line_rows + 1, line_cols + 1, background)


GENERATOR_EXEMPTIONS = {
    "colors": "background and line colours may be any two colours; the real inputs show five"
}


def line_positions(rng, size, count):
    """Sorted positions of count lines inside 1..size-2, no two adjacent."""
    while True:
        positions = sorted(int(p) for p in rng.choice(range(1, size - 1), size=count, replace=False))
        if all(second - first > 1 for first, second in zip(positions, positions[1:], strict=False)):
            return positions


def generate_input(rng):
    size = int(rng.integers(11, 28))
    background, line = (int(color) for color in rng.choice(range(1, 10), size=2, replace=False))
    grid = make_grid(size, size, background)
    for row in line_positions(rng, size, int(rng.integers(1, 6))):
        grid = fill_box(grid, (row, 0, row + 1, size), line)
    for col in line_positions(rng, size, int(rng.integers(1, 5))):
        grid = fill_box(grid, (0, col, size, col + 1), line)
    return grid
