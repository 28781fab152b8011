"""A grey column splits the grid into two halves; the output marks in red each cell that is coloured in both
halves, and leaves the rest black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    left, right = split_by_lines(grid, line_color=GRAY)
    return np.where((left != BLACK) & (right != BLACK), RED, BLACK)


def generate_input(rng):
    halves = [np.where(rng.random((3, 3)) < 0.5, BLUE, BLACK) for _ in range(2)]
    return concatenate_horizontal(halves, separator_color=GRAY)
