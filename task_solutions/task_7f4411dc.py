"""Solid rectangles are surrounded by stray single cells of the same colour; the strays are erased.
A cell survives only when it belongs to some filled 2x2 square."""

import numpy as np
from omniarc.dsl import *


def in_filled_square(solid):
    corner = solid * shift(solid, 0, -1) * shift(solid, -1, 0) * shift(solid, -1, -1)
    return corner + shift(corner, 0, 1) + shift(corner, 1, 0) + shift(corner, 1, 1) > 0


def transform(grid):
    return np.where(in_filled_square(np.where(grid != BLACK, 1, 0)), grid, BLACK)


def generate_input(rng):
    size = int(rng.integers(7, 18))
    color = int(rng.choice([5, 6, 7, 8]))
    while True:
        clean, placed = make_grid(size, size), 0
        for _ in range(50):
            if placed == 1 + size // 5:
                break
            rows, cols = int(rng.integers(2, 6)), int(rng.integers(2, 6))
            top, left = int(rng.integers(0, size - rows + 1)), int(rng.integers(0, size - cols + 1))
            if not np.any(clean[max(top - 1, 0) : top + rows + 1, max(left - 1, 0) : left + cols + 1]):
                clean = fill_box(clean, (top, left, top + rows, left + cols), color)
                placed += 1
        strays = (rng.random((size, size)) < 0.06) & (clean == BLACK)
        lone = all(stray.size == 1 for stray in find_objects(np.where(strays, color, BLACK)))
        grid = paint_mask(clean, strays, color)
        if lone and np.any(strays) and grids_equal(transform(grid), clean):
            return grid
