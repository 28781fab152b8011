"""Each coloured cell in the top row zigzags down the grid: on every second row it splits to the two cells
diagonally beside it, then comes back to its own column."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    height = grid_shape(grid)[0]
    top = grid[:1]
    sides = np.maximum(shift(top, 0, 1), shift(top, 0, -1))
    return tile(concatenate_vertical([top, sides]), (height + 1) // 2, 1)[:height]


def generate_input(rng):
    width = int(rng.integers(7, 13))
    grid = make_grid(6, width)
    count = int(rng.integers(1, 4))
    colors = rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
    columns = []
    for col in rng.permutation(width):
        if len(columns) < count and all(abs(col - other) >= 3 for other in columns):
            columns.append(int(col))
    for col, color in zip(columns, colors, strict=False):
        grid[0, col] = color
    return grid
