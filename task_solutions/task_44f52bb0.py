"""The answer is a single cell: blue when the 3x3 picture is the same as its left-right mirror image,
orange when it is not."""

from omniarc.dsl import *


def transform(grid):
    return make_grid(1, 1, BLUE if is_symmetric(grid, "horizontal") else ORANGE)


def generate_input(rng):
    while True:
        grid = (rng.random((3, 3)) < 0.5).astype(int) * RED
        if rng.random() < 0.5:
            grid[:, 2] = grid[:, 0]
        if 0 < count_color(grid, RED) < 9:
            return grid
