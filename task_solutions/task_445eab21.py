"""Of the hollow rectangles, the one enclosing the largest area gives its colour to a 2x2 output."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    boxes = find_objects(grid, background=background_color(grid))
    biggest = max(boxes, key=lambda box: box.height * box.width)
    return make_grid(2, 2, biggest.color)


def random_rectangle_pair(rng, tries=64):
    """Two random boxes (top, left, bottom, right) of 3..10 x 3..10 cells in a 10x10 grid, a cell apart and of
    different areas, or None: `tries` pairs are drawn at once and the first good one is kept."""
    sizes = rng.integers(3, 11, size=(tries, 2, 2))  # (try, box, (rows, cols))
    corners = rng.integers(0, 11 - sizes)
    ends = corners + sizes
    apart = np.any((ends[:, 0] < corners[:, 1]) | (ends[:, 1] < corners[:, 0]), axis=1)
    areas = sizes.prod(axis=2)
    good = np.flatnonzero(apart & (areas[:, 0] != areas[:, 1]))
    if len(good) == 0:
        return None
    return [(*corners[good[0], box].tolist(), *ends[good[0], box].tolist()) for box in range(2)]


def generate_input(rng):
    while (boxes := random_rectangle_pair(rng)) is None:
        pass
    grid = make_grid(10, 10)
    for box, color in zip(
        boxes, rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE, MAROON]), strict=False
    ):
        grid = draw_outline(grid, box, int(color))
    return grid
