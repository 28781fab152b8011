"""Solid rectangles are sprinkled with noise cells of a second colour. Noise inside a rectangle (touching
at least two of its cells, counting noise already restored) takes its colour; all other noise turns black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    color = most_common_color(grid, exclude=BLACK)
    result = copy_grid(grid)
    while True:
        solid = np.where(result == color, 1, 0)
        neighbours = shift(solid, 1, 0) + shift(solid, -1, 0) + shift(solid, 0, 1) + shift(solid, 0, -1)
        joining = (result != BLACK) & (result != color) & (neighbours >= 2)
        if not np.any(joining):
            return np.where(result == color, color, BLACK)
        result = paint_mask(result, joining, color)


def generate_input(rng):
    height, width = int(rng.integers(12, 14)), int(rng.integers(14, 18))
    color, noise = (int(c) for c in rng.choice([[3, 8], [2, 1], [5, 4], [3, 1], [2, 8], [5, 8]]))
    while True:
        clean = make_grid(height, width)
        for _ in range(int(rng.integers(3, 6))):
            rows, cols = int(rng.integers(3, 8)), int(rng.integers(3, 9))
            top, left = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
            if np.sum(clean[max(top - 1, 0) : top + rows + 1, max(left - 1, 0) : left + cols + 1]) == 0:
                clean = fill_box(clean, (top, left, top + rows, left + cols), color)
        sprinkle = rng.random((height, width)) < 0.07
        grid = paint_mask(clean, sprinkle, noise)
        if len(palette(grid)) == 3 and grids_equal(transform(grid), clean) and count_color(clean, color) > 40:
            return grid
