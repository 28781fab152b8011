"""A coloured column runs down the left edge; draw a red diagonal from the top-right corner down to the
left, and a yellow line along the bottom row beside the column."""

from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    result = draw_line(grid, (0, width - 1), "down_left", RED, length=height - 1)
    return draw_line(result, (height - 1, 1), "right", YELLOW)


def generate_input(rng):
    size = int(rng.integers(3, 16))
    grid = make_grid(size, size)
    grid[:, 0] = int(rng.choice([GRAY, MAGENTA, GREEN, AZURE]))
    return grid
