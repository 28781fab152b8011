"""Each red bar at the bottom slides straight up until it meets the blue shape hanging from the top."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    for turns in range(4):
        turned = rotate(grid, turns)
        top, bottom = turned[0] != background, turned[-1] != background
        box_colors, bar_colors = set(turned[0][top]), set(turned[-1][bottom])
        one_each = len(box_colors) == 1 and len(bar_colors) == 1 and box_colors != bar_colors
        if one_each and not np.any(bottom & ~top):
            return rotate(apply_gravity(turned, "up", background=background), -turns)
    return copy_grid(grid)


def generate_input(rng):
    grid = make_grid(10, 10)
    depth = int(rng.integers(3, 6))
    left = int(rng.integers(1, 3))
    right = int(rng.integers(left + 5, 11))
    grid[:depth, left:right] = BLUE
    columns = rng.permutation(np.arange(left, right))[: int(rng.integers(1, 5))]
    for col in columns:
        blue_depth = int(rng.integers(1, depth))
        grid[blue_depth:depth, col] = BLACK
        length = int(rng.integers(1, 10 - depth))
        grid[10 - length :, col] = RED
    return grid
