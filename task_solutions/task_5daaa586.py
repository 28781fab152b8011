"""Two full-width and two full-height lines of four colours frame a rectangle; cut it out (lines included).
Inside it, every dot of the same colour as one of the frame lines is stretched into a line reaching that
frame line."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    rows = [r for r in range(grid.shape[0]) if np.all(grid[r] != 0)]
    cols = [c for c in range(grid.shape[1]) if np.all(grid[:, c] != 0)]
    frame = crop(grid, (rows[0], cols[0], rows[-1] + 1, cols[-1] + 1))
    inside = frame[1:-1, 1:-1]
    color = most_common_color(inside, exclude=BLACK)
    sides = {"up": frame[0, 1], "down": frame[-1, 1], "left": frame[1, 0], "right": frame[1, -1]}
    direction = next(side for side, side_color in sides.items() if side_color == color)
    for row, col in np.argwhere(inside == color):
        frame = draw_line(frame, (row + 1, col + 1), direction, color)
    return frame


GENERATOR_EXEMPTIONS = {"colors": "the four line colours may be any; the real inputs show only six colours"}


def generate_input(rng):
    while True:
        height, width = (int(v) for v in rng.integers(12, 23, size=2))
        top, bottom = sorted(int(v) for v in rng.choice(np.arange(1, height - 1), size=2, replace=False))
        left, right = sorted(int(v) for v in rng.choice(np.arange(1, width - 1), size=2, replace=False))
        if bottom - top < 5 or right - left < 5:
            continue
        colors = [int(c) for c in rng.choice(np.arange(1, 10), size=4, replace=False)]
        dots = rng.random((height, width)) < rng.uniform(0.06, 0.14)
        grid = paint_mask(make_grid(height, width), dots, int(rng.choice(colors)))
        boxes = [(top, 0, top + 1, width), (bottom, 0, bottom + 1, width)]
        boxes += [(0, left, height, left + 1), (0, right, height, right + 1)]
        for index in rng.permutation(4):
            grid = fill_box(grid, boxes[index], colors[index])
        inside = grid[top + 1 : bottom, left + 1 : right]
        if np.count_nonzero(inside) >= 3:
            return grid
