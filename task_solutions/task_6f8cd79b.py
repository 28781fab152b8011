"""The empty black grid gets a one-cell azure frame around its border."""

from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    return draw_outline(grid, (0, 0, height, width), AZURE)


def generate_input(rng):
    return make_grid(int(rng.integers(3, 8)), int(rng.integers(3, 7)))
