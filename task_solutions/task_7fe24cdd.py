"""The 3x3 picture is turned a quarter clockwise three times; the four versions fill a 6x6 grid going
clockwise from the top-left corner."""

from omniarc.dsl import *


def transform(grid):
    top = concatenate_horizontal([grid, rotate_clockwise(grid, 1)])
    bottom = concatenate_horizontal([rotate_clockwise(grid, 3), rotate_clockwise(grid, 2)])
    return concatenate_vertical([top, bottom])


def generate_input(rng):
    while True:
        colors = rng.choice([0, 1, 2, 3, 5, 6, 8], size=int(rng.integers(3, 6)), replace=False)
        grid = as_grid(rng.choice(colors, size=(3, 3)))
        if len(palette(grid)) == len(colors) and not is_symmetric(grid, "rotation_90"):
            return grid
