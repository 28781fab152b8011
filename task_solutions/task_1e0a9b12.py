"""Every coloured cell falls straight down until it lands on the bottom or on another cell."""
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the falling cells may have any colours"}


def transform(grid):
    return apply_gravity(grid, "down")


def generate_input(rng):
    size = int(rng.integers(4, 7))
    while True:
        grid = make_grid(size, size)
        for col, color in enumerate(rng.permutation(range(1, 10))[:size]):
            count = int(rng.choice([0, 1, 1, 2, 3]))
            grid[rng.choice(size, size=count, replace=False), col] = color
        if not grids_equal(grid, transform(grid)):
            return grid
