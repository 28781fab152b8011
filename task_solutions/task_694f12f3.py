"""Two yellow rectangles: the inside of the bigger one (all but its edge cells) turns red, the inside of the
smaller one turns blue."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    small, big = sort_objects(find_objects(grid), "size")
    result = grid
    for rectangle, color in ((small, BLUE), (big, RED)):
        top, left, bottom, right = rectangle.bbox
        result = fill_box(result, (top + 1, left + 1, bottom - 1, right - 1), color)
    return result


def random_rectangle_pair(rng, tries=32):
    """Two random boxes (top, left, bottom, right) of 3..6 x 3..6 cells in a 10x10 grid, a cell apart (not
    even touching at a corner) and of different areas, or None: `tries` pairs are drawn at once and the
    first good one is kept."""
    sizes = rng.integers(3, 7, size=(tries, 2, 2))  # (try, box, (rows, cols))
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
    for box in boxes:
        grid = fill_box(grid, box, YELLOW)
    return grid
