"""A red 3x3 ring sits around one dot of a dotted green line; the ring moves two cells along the line
(right for a horizontal line, down for a vertical one) to surround the next dot."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    ring = next(obj for obj in find_objects(grid) if obj.color == RED)
    dots = np.argwhere(grid == GREEN)
    horizontal = np.all(dots[:, 0] == dots[0, 0])
    moved = ring.moved(0, 2) if horizontal else ring.moved(2, 0)
    return paint_object(erase_object(grid, ring), moved)


def generate_input(rng):
    vertical = rng.random() < 0.5
    length, line = int(rng.integers(7, 14 if vertical else 18)), int(rng.integers(1, 6))
    grid = make_grid(7, length)
    first = int(rng.integers(0, 2))
    grid[line, first::2] = GREEN
    centre = int(rng.choice(range(first + 2 * (first == 0), length - 3, 2)))
    grid = draw_outline(grid, (line - 1, centre - 1, line + 2, centre + 2), RED)
    return transpose(grid) if vertical else grid
