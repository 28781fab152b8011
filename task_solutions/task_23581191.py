"""An azure and an orange pixel each shoot lines across their whole row and column; where a line of one
meets a line of the other the cell turns red."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    first, second = [color for color in palette(grid) if color != background]
    lines = []
    for color in (first, second):
        mask = grid == color
        lines.append(mask.any(axis=1)[:, None] | mask.any(axis=0)[None, :])
    result = np.where(lines[1], second, np.where(lines[0], first, background))
    result = np.where(lines[0] & lines[1], RED, result)
    return np.where(grid != background, grid, result)


def generate_input(rng):
    grid = make_grid(9, 9)
    rows, cols = rng.choice(9, size=2, replace=False), rng.choice(9, size=2, replace=False)
    grid[rows[0], cols[0]], grid[rows[1], cols[1]] = AZURE, ORANGE
    return grid
