"""The 3x3 grid is mirrored over its main diagonal: rows become columns."""

from omniarc.dsl import *


def transform(grid):
    return transpose(grid)


def generate_input(rng):
    while True:
        colors = rng.choice([1, 2, 3, 4, 5, 6, 8, 9], size=3, replace=False)
        grid = as_grid(rng.choice(colors, size=(3, 3)))
        if len(palette(grid)) == 3 and not is_symmetric(grid, "diagonal"):
            return grid
