"""Each red cell becomes a red line down its whole column; then each green or blue cell becomes a line of its
colour across its whole row, drawn over the red lines."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    height, width = grid.shape
    result = make_grid(height, width, background_color(grid))
    for _, col in np.argwhere(grid == RED):
        result = fill_box(result, (0, col, height, col + 1), RED)
    for row, col in np.argwhere((grid == GREEN) | (grid == BLUE)):
        result = fill_box(result, (row, 0, row + 1, width), grid[row, col])
    return result


def generate_input(rng):
    height, width = int(rng.integers(9, 13)), int(rng.integers(8, 12))
    colors = (
        [RED] * int(rng.integers(1, 3)) + [GREEN] * int(rng.integers(1, 3)) + [BLUE] * int(rng.integers(1, 3))
    )
    rows = rng.choice(height, size=len(colors), replace=False)
    cols = rng.choice(width, size=len(colors), replace=False)
    grid = make_grid(height, width)
    for row, col, color in zip(rows, cols, colors, strict=True):
        grid = paint_cells(grid, [(int(row), int(col))], color)
    return grid
