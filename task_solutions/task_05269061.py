"""A few stripes are given, one for each colour of a repeating cycle; repeat them so the whole grid
is covered by parallel stripes (anti-diagonal in the examples) cycling through those colours in order."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    rows, cols = np.indices(grid.shape)
    for stripes in (rows + cols, rows - cols, rows, cols):
        shown = {int(stripe): grid[stripes == stripe][0] for stripe in np.unique(stripes[grid != BLACK])}
        period = len(shown)
        uniform = all(np.all(grid[stripes == stripe] == color) for stripe, color in shown.items())
        if uniform and len({stripe % period for stripe in shown}) == period:
            result = make_grid(*grid.shape)
            for stripe, color in shown.items():
                result = paint_mask(result, stripes % period == stripe % period, color)
            return result
    return copy_grid(grid)


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
