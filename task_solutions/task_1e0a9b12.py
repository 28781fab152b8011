"""Every coloured cell falls straight down until it lands on the bottom or on another cell."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the falling cells may have any colours"}


def transform(grid):
    return apply_gravity(grid, "down", background=background_color(grid))


def generate_input(rng):
    size = int(rng.integers(4, 7))
    while True:
        grid = make_grid(size, size)
        columns = rng.choice(size, size=int(rng.integers(4, min(5, size) + 1)), replace=False)
        colors = rng.choice(range(1, 10), size=len(columns), replace=False)
        for col, color in zip(columns, colors, strict=True):
            count = int(rng.choice([1, 1, 2, 3]))
            grid[rng.choice(size, size=count, replace=False), col] = color
        if not grids_equal(grid, transform(grid)):
            return grid
