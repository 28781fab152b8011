"""A yellow line splits the grid into two halves of red cells. Output green wherever exactly one of the
two halves has a red cell, black elsewhere."""

from omniarc.dsl import *


def halves(grid):
    """The two halves either side of the middle line: a uniform middle column, else the middle row."""
    height, width = grid.shape
    if width % 2 == 1 and len(palette(grid[:, width // 2 : width // 2 + 1])) == 1:
        return grid[:, : width // 2], grid[:, width // 2 + 1 :]
    return grid[: height // 2], grid[height // 2 + 1 :]


def transform(grid):
    first, second = halves(grid)
    return paint_mask(make_grid(*first.shape), (first != BLACK) != (second != BLACK), GREEN)


def generate_input(rng):
    grid = make_grid(13, 5)
    grid[rng.random((13, 5)) < 0.5] = RED
    grid[6] = YELLOW
    return grid
