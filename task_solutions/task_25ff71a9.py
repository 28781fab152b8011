"""The shape moves down by one row."""

from omniarc.dsl import *


def transform(grid):
    return shift(grid, 1, 0, fill=background_color(grid))


def generate_input(rng):
    grid = make_grid(3, 3)
    while len(find_objects(grid, connectivity=8)) != 1:
        grid = make_grid(3, 3)
        grid[:2][rng.random((2, 3)) < 0.4] = rng.choice([1, 2])
    return grid
