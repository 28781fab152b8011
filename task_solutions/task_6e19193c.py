"""Each shape is a 2x2 square with one corner missing; from that missing corner a diagonal line of the
shape's colour shoots away from the shape (the missing corner itself stays empty) to the grid edge."""

import numpy as np

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid, connectivity=8):
        top, left = shape.position
        for row in range(2):
            for col in range(2):
                if not shape.mask[row, col]:
                    drow, dcol = 2 * row - 1, 2 * col - 1
                    start = (top + row + drow, left + col + dcol)
                    result = draw_line(result, start, (drow, dcol), shape.color)
    return result


def generate_input(rng):
    size = 10
    color = int(rng.choice([7, 8, 9]))
    while True:
        grid = make_grid(size, size)
        count = int(rng.integers(2, 4))
        boxes = make_grid(size, size)
        for _ in range(count):
            top, left = int(rng.integers(0, size - 1)), int(rng.integers(0, size - 1))
            if np.sum(boxes[max(top - 1, 0) : top + 3, max(left - 1, 0) : left + 3]) > 0:
                break
            boxes = fill_box(boxes, (top, left, top + 2, left + 2), 1)
            grid = fill_box(grid, (top, left, top + 2, left + 2), color)
            corner = (top + int(rng.integers(0, 2)), left + int(rng.integers(0, 2)))
            grid = paint_cells(grid, [corner], BLACK)
        else:
            rays = (transform(grid) != grid) & (boxes == 0)
            added = count_color(transform(grid), color) - count_color(grid, color)
            if added >= count and added == np.sum(rays) and np.sum(rays & (boxes == 1)) == 0:
                if np.sum(transform(grid)[boxes == 1] != grid[boxes == 1]) == 0:
                    return grid
