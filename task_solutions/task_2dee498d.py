"""The grid is one square pattern repeated three times side by side; output the pattern once."""

from omniarc.dsl import *


def transform(grid):
    return split_grid(grid, cols=3)[0]


def generate_input(rng):
    size = int(rng.integers(2, 6))
    colors = rng.choice(6, size=int(rng.integers(2, 4)), replace=False)
    return tile(rng.choice(colors, size=(size, size)), 1, 3)
