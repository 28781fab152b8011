"""A grey column splits the grid into two halves; the output marks in red each cell that is coloured in both
halves, and leaves the rest black."""

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
    return np.where((first != BLACK) & (second != BLACK), RED, BLACK)


def generate_input(rng):
    halves = [np.where(rng.random((3, 3)) < 0.5, BLUE, BLACK) for _ in range(2)]
    return concatenate_horizontal(halves, separator_color=GRAY)
