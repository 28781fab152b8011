"""The output is the picture's upside-down mirror image stacked on top of the picture itself."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the picture may use any two colours"}


def transform(grid):
    return concatenate_vertical([flip_vertical(grid), grid])


def generate_input(rng):
    colors = rng.choice(range(1, 10), size=2, replace=False)
    while True:
        grid = rng.choice(colors, size=(3, 4))
        if len(palette(grid)) == 2 and not is_symmetric(grid, "vertical"):
            return grid
