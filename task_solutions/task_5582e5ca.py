"""The whole grid is filled with the colour that occurs most often in it."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the cells may have any colours"}


def transform(grid):
    return make_grid(*grid.shape, most_common_color(grid))


def generate_input(rng):
    while True:
        colors = rng.choice(range(10), size=int(rng.integers(5, 7)), replace=False)
        grid = rng.choice(colors, size=(3, 3))
        counts = sorted(color_counts(grid).values())
        if len(counts) >= 5 and counts[-1] >= 3 and counts[-1] > counts[-2]:
            return grid
