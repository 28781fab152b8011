"""Each colour appears in exactly two cells; they are opposite corners of a rectangle, which is filled
with that colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the corner pairs may have any colours"}


def transform(grid):
    result = copy_grid(grid)
    for color in palette(grid):
        if color != BLACK:
            result = fill_box(result, bounding_box(grid == color), color)
    return result


def generate_input(rng):
    while True:
        height, width = int(rng.integers(6, 11)), int(rng.integers(8, 12))
        grid = make_grid(height, width)
        taken = np.zeros((height, width), dtype=bool)
        colors = rng.choice(range(1, 10), size=int(rng.integers(1, 3)), replace=False)
        for color in colors:
            rect_h, rect_w = int(rng.integers(2, min(height, 6) + 1)), int(rng.integers(2, min(width, 8) + 1))
            top, left = int(rng.integers(0, height - rect_h + 1)), int(rng.integers(0, width - rect_w + 1))
            box = (max(top - 1, 0), max(left - 1, 0), top + rect_h + 1, left + rect_w + 1)
            if np.any(taken[box[0] : box[2], box[1] : box[3]]):
                break
            taken[top : top + rect_h, left : left + rect_w] = True
            corners = [(top, left), (top + rect_h - 1, left + rect_w - 1)]
            if rng.random() < 0.5:
                corners = [(top, left + rect_w - 1), (top + rect_h - 1, left)]
            grid = paint_cells(grid, corners, int(color))
        else:
            return grid
