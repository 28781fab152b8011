"""The grid is made of single-colour stripes, some several cells thick; each stripe is shrunk to one cell,
leaving one row (or column) of the stripe colours in order."""

import numpy as np
from omniarc.dsl import *


def merge_repeated_rows(grid):
    keep = [0] + [row for row in range(1, len(grid)) if np.any(grid[row] != grid[row - 1])]
    return grid[keep]


def transform(grid):
    return transpose(merge_repeated_rows(transpose(merge_repeated_rows(grid))))


def generate_input(rng):
    while True:
        stripes = int(rng.integers(2, 6))
        colors = [int(rng.choice([1, 2, 3, 4, 6, 8]))]
        while len(colors) < stripes:
            color = int(rng.choice([1, 2, 3, 4, 6, 8]))
            if color != colors[-1]:
                colors.append(color)
        line = np.repeat(colors, rng.integers(1, 4, size=stripes))
        across = rng.random() < 0.5
        if 3 <= len(line) <= (6 if across else 9):
            grid = as_grid(np.tile(line, (int(rng.integers(2 if across else 3, 5)), 1)))
            return transpose(grid) if across else grid
