"""A full-height line crosses a full-width line; a yellow ring is drawn on the eight cells around the
crossing."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    row = next(r for r in range(grid.shape[0]) if np.all(grid[r] != BLACK))
    col = next(c for c in range(grid.shape[1]) if np.all(grid[:, c] != BLACK))
    return draw_outline(grid, (row - 1, col - 1, row + 2, col + 2), YELLOW)


GENERATOR_EXEMPTIONS = {"colors": "the two lines may have any colours but yellow; the real inputs show seven"}


def generate_input(rng):
    size = int(rng.integers(4, 13))
    row, col = (int(v) for v in rng.integers(1, size - 1, size=2))
    across, down = (int(c) for c in rng.choice([1, 2, 3, 5, 6, 7, 8, 9], size=2, replace=False))
    lines = [((row, 0, row + 1, size), across), ((0, col, size, col + 1), down)]
    grid = make_grid(size, size)
    for index in rng.permutation(2):
        grid = fill_box(grid, *lines[index])
    return grid
