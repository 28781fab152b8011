"""A cross of one colour splits the grid into four; the shape in the top-left quarter is mirrored into all
four corners of a grid without the cross, and painted in the cross's colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shape and the cross may have any two colours"}


def transform(grid):
    half = grid.shape[0] // 2
    quarter = np.where(grid[:half, :half] != BLACK, grid[half, half], BLACK)
    top = concatenate_horizontal([quarter, flip_horizontal(quarter)])
    return concatenate_vertical([top, flip_vertical(top)])


def generate_input(rng):
    half = int(rng.integers(3, 7))
    shape_color, line_color = (int(c) for c in rng.choice(range(1, 10), size=2, replace=False))
    while True:
        height, width = int(rng.integers(3, min(half, 5) + 1)), int(rng.integers(3, min(half, 4) + 1))
        shape = rng.random((height, width)) < 0.5
        blobs = find_objects(shape.astype(int), connectivity=8)
        if (
            len(blobs) == 1
            and blobs[0].bbox == (0, 0, height, width)
            and not is_symmetric(shape.astype(int), "horizontal")
        ):
            break
    grid = make_grid(2 * half + 1, 2 * half + 1)
    grid[half, :] = line_color
    grid[:, half] = line_color
    top, left = int(rng.integers(0, half - height + 1)), int(rng.integers(0, half - width + 1))
    return paint_object(grid, Object(shape, shape_color, (top, left)))
