"""Every grey cell is surrounded by a ring of blue cells."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    dots = grid != background_color(grid)
    result = grid
    for row, col in np.argwhere(dots):
        result = fill_box(result, (row - 1, col - 1, row + 2, col + 2), BLUE)
    return np.where(dots, grid, result)


def generate_input(rng):
    grid = make_grid(9, 9)
    dots = []
    for _ in range(40):
        row, col = int(rng.integers(0, 9)), int(rng.integers(0, 9))
        if len(dots) < 5 and all(max(abs(row - r), abs(col - c)) >= 3 for r, c in dots):
            dots.append((row, col))
    return paint_cells(grid, dots, GRAY)
