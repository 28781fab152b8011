"""A few diagonal stripes of three colours are given; repeat them so the whole grid is covered by
anti-diagonal stripes cycling through those colours in the same order."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    period = len(palette(grid)) - 1
    rows, cols = np.indices(grid.shape)
    stripe = (rows + cols) % period
    result = make_grid(*grid.shape)
    for row, col in np.argwhere(grid != BLACK):
        result = paint_mask(result, stripe == (row + col) % period, grid[row, col])
    return result


GENERATOR_EXEMPTIONS = {"colors": "the three stripe colours may be any colours; the real inputs show five"}


def generate_input(rng):
    colors = [int(color) for color in rng.choice(range(1, 10), size=3, replace=False)]
    if rng.random() < 0.5:
        start = int(rng.integers(0, 11))
        shown = [start, start + 1, start + 2]
    else:
        shown = [int(rng.choice(range(residue, 13, 3))) for residue in range(3)]
    rows, cols = np.indices((7, 7))
    grid = make_grid(7, 7)
    for diagonal in shown:
        grid = paint_mask(grid, rows + cols == diagonal, colors[diagonal % 3])
    return grid
