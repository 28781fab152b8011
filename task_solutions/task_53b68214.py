"""The picture repeats every few rows (possibly shifted sideways each time); the pattern is continued
downward until the grid is square."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pattern may have any colour"}


def transform(grid):
    height, width = grid.shape
    period, offset = next(
        (p, s)
        for p in range(1, height)
        for s in sorted(range(1 - width, width), key=abs)
        if grids_equal(shift(grid[:-p], 0, s), grid[p:])
    )
    result = copy_grid(grid)
    while result.shape[0] < width:
        result = concatenate_vertical([result, shift(result[-period:], 0, offset)])
    return result[:width]


def repeated_motif(motif, rows, left, offset):
    """A rows x 10 grid with the motif stacked from the top, each copy offset further right."""
    grid = make_grid(rows, 10)
    for index, top in enumerate(range(0, rows, motif.shape[0])):
        part = motif[: rows - top]
        grid[top : top + part.shape[0], left + offset * index : left + offset * index + part.shape[1]] = part
    return grid


def generate_input(rng):
    color = int(rng.choice(range(1, 10)))
    while True:
        period, motif_w = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        offset = int(rng.integers(1, 3)) if period > 1 and rng.random() < 0.3 else 0
        motif = (rng.random((period, motif_w)) < 0.6).astype(int) * color
        height = int(rng.integers(max(5, 2 * period + 1), 9))
        room = 10 - motif_w - offset * (height // period)
        if room >= 0 and np.all(np.any(motif, axis=1)) and np.any(motif[:, -1]):
            return repeated_motif(motif, height, int(rng.integers(0, room + 1)), offset)
