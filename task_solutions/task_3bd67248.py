"""A coloured column runs down the left edge; draw a yellow line along the bottom row beside the column and
a red diagonal rising to the right from just above the yellow line's left end."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    for turns in range(4):
        turned = rotate(grid, turns)
        if len(set(turned[:, 0])) == 1 and turned[0, 0] != background:
            scale = [np.array_equal(column, turned[:, 0]) for column in turned.T].index(False)
            small = downscale(turned, scale)
            height, width = small.shape
            small = draw_line(small, (height - 2, 1), "up_right", RED)
            small = draw_line(small, (height - 1, 1), "right", YELLOW)
            return rotate(upscale(small, scale), -turns)
    return copy_grid(grid)


def generate_input(rng):
    size = int(rng.integers(3, 16))
    grid = make_grid(size, size)
    grid[:, 0] = int(rng.choice([GRAY, MAGENTA, GREEN, AZURE]))
    return grid
