"""The grid is two halves split by a blue column; the output marks in azure the cells that are black in both
halves."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    left, right = split_by_lines(grid, line_color=BLUE)
    both_black = (left == BLACK) & (right == BLACK)
    return paint_mask(make_grid(*grid_shape(left)), both_black, AZURE)


def generate_input(rng):
    halves = [np.where(rng.random((5, 3)) < rng.uniform(0.45, 0.7), MAROON, BLACK) for _ in range(2)]
    return concatenate_horizontal(halves, separator_color=BLUE)
