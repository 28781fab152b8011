"""Two opposite edges of the grid are full lines of two colours; every green cell takes the colour of the
line it is closer to."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the two edge lines may have any colours other than green"}


def transform(grid):
    vertical = len(palette(grid[:, :1])) == 1 and len(palette(grid[:, -1:])) == 1
    lines = grid if vertical else transpose(grid)
    background = most_common_color(lines[:, 1:-1])
    half = lines.shape[1] / 2
    result = copy_grid(lines)
    for row, col in np.argwhere(lines[:, 1:-1] != background):
        result[row, col + 1] = lines[row, 0] if col + 1 < half else lines[row, -1]
    return result if vertical else transpose(result)


def generate_input(rng):
    first, second = rng.choice([c for c in range(1, 10) if c != GREEN], size=2, replace=False)
    grid = make_grid(10, 10)
    grid[:, 0], grid[:, -1] = first, second
    for _ in range(int(rng.integers(4, 10))):
        grid[rng.integers(0, 10), rng.integers(1, 9)] = GREEN
    return grid if rng.random() < 0.5 else transpose(grid)
