"""The picture is repeated four times in a 2x2 square, each copy turned a further quarter turn clockwise
around the square: original top-left, then top-right, bottom-right, bottom-left."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pictures may use any colours"}


def transform(grid):
    top = concatenate_horizontal([grid, rotate_clockwise(grid)])
    bottom = concatenate_horizontal([rotate(grid), rotate(grid, 2)])
    return concatenate_vertical([top, bottom])


def generate_input(rng):
    size = int(rng.integers(2, 4))
    colors = rng.choice(range(1, 10), size=int(rng.integers(2, 4)), replace=False)
    while True:
        grid = rng.choice(colors, size=(size, size))
        if len(palette(grid)) == len(colors):
            return grid
