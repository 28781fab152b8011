"""A cross of lines cuts the grid into four equal quarters; output the quarter that holds the odd cell."""

from omniarc.dsl import *


def transform(grid):
    for part in split_by_lines(grid):
        if len(palette(part)) > 1:
            return part


def generate_input(rng):
    half = int(rng.integers(2, 7))
    background, line, odd = rng.choice([0, 1, 2, 3, 4, 8], size=3, replace=False)
    grid = make_grid(2 * half + 1, 2 * half + 1, background)
    grid[half, :] = line
    grid[:, half] = line
    row, col = rng.choice([*range(half), *range(half + 1, 2 * half + 1)], size=2)
    grid[row, col] = odd
    return grid
