"""A blue rectangle outline (sometimes with one dividing line) is drawn with gaps; every gap in its lines
is filled with red. A row or column of the figure counts as a line when more than half of it is blue."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top, left, bottom, right = bounding_box(grid == BLUE)
    figure = grid[top:bottom, left:right] == BLUE
    line_rows = 2 * np.sum(figure, axis=1) > figure.shape[1]
    line_cols = 2 * np.sum(figure, axis=0) > figure.shape[0]
    result = copy_grid(grid)
    gaps = (line_rows[:, None] | line_cols[None, :]) & ~figure
    result[top:bottom, left:right][gaps] = RED
    return result


def generate_input(rng):
    height = int(rng.integers(9, 14))
    box_h, box_w = int(rng.integers(6, min(height - 2, 9) + 1)), int(rng.integers(7, 10))
    rows, cols = [0, box_h - 1], [0, box_w - 1]
    if rng.random() < 0.75:
        divider = rows if rng.random() < 0.5 else cols
        divider.append(int(rng.integers(2, (box_h if divider is rows else box_w) - 2)))
    lines = np.zeros((box_h, box_w), dtype=bool)
    lines[rows, :] = True
    lines[:, cols] = True
    while True:
        figure = lines & (rng.random((box_h, box_w)) < 0.7)
        full_rows = 2 * np.sum(figure, axis=1) > box_w
        full_cols = 2 * np.sum(figure, axis=0) > box_h
        if list(np.flatnonzero(full_rows)) == sorted(rows) and list(np.flatnonzero(full_cols)) == sorted(
            cols
        ):
            if bounding_box(figure) == (0, 0, box_h, box_w) and np.sum(lines & ~figure) >= 4:
                break
    top, left = int(rng.integers(1, height - box_h)), int(rng.integers(1, 13 - box_w))
    return paint_object(make_grid(height, 13), Object(figure, BLUE, (top, left)))
