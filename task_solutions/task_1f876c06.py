"""Each colour appears on two cells lying on a common diagonal; join each pair with a diagonal line of its
colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pairs may have any colours"}


def transform(grid):
    background = background_color(grid)
    result = copy_grid(grid)
    for color in [color for color in palette(grid) if color != background]:
        start, end = object_from_mask(grid, grid == color).cells
        result = draw_segment(result, start, end, color)
    return result


def random_diagonals(rng, count):
    """`count` random diagonals of 3..10 cells inside a 10x10 grid, going down-right or down-left: their
    (rows, cols) as count x 10 arrays, and which of the 10 entries are on the line."""
    draws = rng.random((4, count))
    lengths = 2 + (draws[0] * 8).astype(int)  # cells between the two ends
    tops, lefts = (draws[1] * (10 - lengths)).astype(int), (draws[2] * (10 - lengths)).astype(int)
    steps = np.where(draws[3] < 0.5, -1, 1)
    starts = np.where(steps < 0, lefts + lengths, lefts)
    rows, cols = tops[:, None] + np.arange(10), starts[:, None] + steps[:, None] * np.arange(10)
    on_line = np.arange(10) <= lengths[:, None]
    return rows.clip(0, 9), cols.clip(0, 9), on_line


def generate_input(rng):
    grid = make_grid(10, 10)
    near = np.zeros((10, 10), dtype=bool)  # the diagonals drawn so far and every cell touching them
    for color in rng.permutation(range(1, 10))[: rng.integers(3, 5)]:
        rows, cols, on_line = random_diagonals(rng, 100)  # 100 tries, the first one clear of others is kept
        clear = np.flatnonzero(~np.any(near[rows, cols] & on_line, axis=1))
        if len(clear):
            rows, cols = rows[clear[0]][on_line[clear[0]]], cols[clear[0]][on_line[clear[0]]]
            for r, c in zip(rows, cols, strict=True):
                near[max(r - 1, 0) : r + 2, max(c - 1, 0) : c + 2] = True
            grid[rows[0], cols[0]] = grid[rows[-1], cols[-1]] = color
    return grid
