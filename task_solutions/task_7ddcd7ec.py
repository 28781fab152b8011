"""A 2x2 square has single cells touching its corners diagonally; each such cell grows into a diagonal
line running away from the square to the grid edge."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = find_objects(grid)
    square = largest_object(shapes)
    result = copy_grid(grid)
    for dot in filter_objects(shapes, size=1):
        step = (int(np.sign(dot.top - square.top)), int(np.sign(dot.left - square.left)))
        result = draw_line(result, dot.position, step, dot.color)
    return result


def generate_input(rng):
    color = int(rng.choice([3, 4, 7, 8]))
    top, left = int(rng.integers(2, 7)), int(rng.integers(2, 7))
    grid = fill_box(make_grid(10, 10), (top, left, top + 2, left + 2), color)
    corners = [(top - 1, left - 1), (top - 1, left + 2), (top + 2, left - 1), (top + 2, left + 2)]
    chosen = rng.permutation(4)[: int(rng.integers(1, 5))]
    return paint_cells(grid, [corners[int(index)] for index in chosen], color)
