"""Each coloured cell in the top row zigzags down the grid: on every second row it splits to the two cells
diagonally beside it, then comes back to its own column."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    for turns in range(4):
        turned = rotate(grid, turns)
        if np.all(turned[1:] == background):
            result = make_grid(*turned.shape, background)
            for col in np.flatnonzero(turned[0] != background):
                for row in range(turned.shape[0]):
                    cells = [(row, col)] if row % 2 == 0 else [(row, col - 1), (row, col + 1)]
                    result = paint_cells(result, cells, turned[0, col])
            return rotate(result, -turns)
    return copy_grid(grid)


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
