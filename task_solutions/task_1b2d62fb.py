"""The grid is two halves split by a blue column; the output marks in azure the cells that are black in both
halves."""

import numpy as np
from omniarc.dsl import *


def halves(grid):
    """The two halves either side of the middle line: a uniform middle column, else the middle row."""
    height, width = grid.shape
    if width % 2 == 1 and len(palette(grid[:, width // 2 : width // 2 + 1])) == 1:
        return grid[:, : width // 2], grid[:, width // 2 + 1 :]
    return grid[: height // 2], grid[height // 2 + 1 :]


def transform(grid):
    first, second = halves(grid)
    both_black = (first == BLACK) & (second == BLACK)
    return paint_mask(make_grid(*grid_shape(first)), both_black, AZURE)


def generate_input(rng):
    halves = [np.where(rng.random((5, 3)) < rng.uniform(0.45, 0.7), MAROON, BLACK) for _ in range(2)]
    return concatenate_horizontal(halves, separator_color=BLUE)
