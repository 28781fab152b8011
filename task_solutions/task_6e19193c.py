"""Each shape is a 2x2 square with one corner missing; from that missing corner a diagonal line of the
shape's colour shoots away from the shape (the missing corner itself stays empty) to the grid edge."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid, connectivity=8):
        row, col = (int(index) for index in np.argwhere(shape.mask == 0)[0])
        step = (2 * row - 1, 2 * col - 1)
        start = (shape.top + row + step[0], shape.left + col + step[1])
        result = draw_line(result, start, step, shape.color)
    return result


def generate_input(rng):
    size = 10
    color = int(rng.choice([7, 8, 9]))
    while True:
        grid = make_grid(size, size)
        areas, rays = [], []
        for _ in range(int(rng.integers(2, 4))):
            top, left = int(rng.integers(0, size - 1)), int(rng.integers(0, size - 1))
            shape = fill_box(make_grid(size, size), (top, left, top + 2, left + 2), color)
            shape = paint_cells(shape, [(top + int(rng.integers(2)), left + int(rng.integers(2)))], BLACK)
            rays.append(transform(shape) != shape)
            areas.append(fill_box(make_grid(size, size), (top - 1, left - 1, top + 3, left + 3), 1) > 0)
            grid = np.maximum(grid, shape)
        apart = all(
            not np.any(areas[i] & areas[j]) and not np.any(rays[i] & (areas[j] | rays[j]))
            for i in range(len(areas))
            for j in range(len(areas))
            if i != j
        )
        if apart and all(np.any(ray) for ray in rays):
            return grid
