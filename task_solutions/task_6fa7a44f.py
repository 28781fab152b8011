"""The grid is stacked on top of its own upside-down mirror image, doubling its height."""

from omniarc.dsl import *


def transform(grid):
    return concatenate_vertical([grid, flip_vertical(grid)])


def generate_input(rng):
    while True:
        colors = rng.choice([1, 2, 4, 5, 6, 7, 8, 9], size=int(rng.integers(3, 5)), replace=False)
        grid = as_grid(rng.choice(colors, size=(3, 3)))
        if len(palette(grid)) == len(colors):
            return grid
