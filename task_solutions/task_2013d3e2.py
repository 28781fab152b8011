"""A shape looks the same after every quarter turn; the output is its top-left quarter."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shape may use any colours"}


def transform(grid):
    shape = crop_to_content(grid, background=background_color(grid))
    height, width = grid_shape(shape)
    return shape[: height // 2, : width // 2]


def generate_input(rng):
    colors = rng.permutation(range(1, 10))[: rng.integers(3, 5)]
    closeness = np.add.outer(np.arange(3), np.arange(3))
    while True:
        quarter = np.where(rng.random((3, 3)) < 0.2 + 0.2 * closeness, rng.choice(colors, size=(3, 3)), BLACK)
        if (quarter[0].any() or quarter[:, 0].any()) and len(palette(quarter)) > 2:
            break
    shape = make_grid(6, 6)
    shape[:3, :3] = quarter
    shape = np.maximum.reduce([rotate(shape, quarter_turns=k) for k in range(4)])
    top, left = int(rng.integers(0, 5)), int(rng.integers(0, 5))
    grid = make_grid(10, 10)
    grid[top : top + 6, left : left + 6] = shape
    return grid
