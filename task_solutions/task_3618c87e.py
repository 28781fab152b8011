"""Each blue cell sits on a grey post; it drops through the post into the grey floor, replacing the floor
cell below it, and leaves black behind."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background, dot = background_color(grid), least_common_color(grid)
    for turns in range(4):
        turned = rotate(grid, turns)
        floor = turned[-1]
        if len(set(floor)) == 1 and floor[0] not in (background, dot):
            result = np.where(turned == dot, background, turned)
            result[-1, np.any(turned == dot, axis=0)] = dot
            return rotate(result, -turns)
    return copy_grid(grid)


def generate_input(rng):
    grid = make_grid(5, 5)
    grid[4] = GRAY
    for col in rng.choice(5, size=int(rng.integers(1, 3)), replace=False):
        grid[2, col] = BLUE
        grid[3, col] = GRAY
    return grid
