"""Four grey bars stand on the floor; recolour them by height: the tallest blue, then red, green and yellow
for the shortest."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    tops = {}
    for col in range(grid.shape[1]):
        rows = np.flatnonzero(grid[:, col] != background)
        if rows.size:
            tops[col] = rows[0]
    heights = sorted(set(tops.values()))
    result = copy_grid(grid)
    for col, top in tops.items():
        result[top:, col] = [BLUE, RED, GREEN, YELLOW][heights.index(top)]
    return result


def generate_input(rng):
    grid = make_grid(9, 9)
    for col, height in zip([1, 3, 5, 7], rng.choice(range(2, 10), size=4, replace=False), strict=True):
        grid = draw_line(grid, (8, col), "up", GRAY, length=int(height))
    return grid
