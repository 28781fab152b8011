"""Each cup, open at the top (or bottom), holds one cell of another colour; the cup's inside and the row
just beyond its opening are filled with that colour."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = grid
    for cup in find_objects(grid, background=background):
        if cup.size == 1:
            continue
        color = most_common_color(crop(grid, cup), exclude=[background, cup.color])
        top, left, bottom, right = cup.bbox
        opens_up = not cup.mask[0].all()
        box = (top - 1, left, bottom, right) if opens_up else (top, left, bottom + 1, right)
        region = fill_box(make_grid(*grid_shape(grid)), box, 1) == 1
        result = paint_mask(result, region & (grid == background), color)
    return result


def generate_input(rng):
    colors = rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
    count = int(rng.integers(1, 3))
    for _attempt in range(100):
        grid = make_grid(10, 10)
        taken = np.zeros((10, 10), dtype=bool)
        placed = 0
        for index in range(count):
            height = int(rng.integers(4, 6))
            row, col = int(rng.integers(1, 11 - height)), int(rng.integers(0, 6))
            if taken[row - 1 : row + height, col : col + 5].any():
                break
            grid = draw_outline(grid, (row, col, row + height, col + 5), BLUE)
            grid[row, col + 2] = BLACK
            grid[int(rng.integers(row + 1, row + height - 1)), col + 2] = colors[index]
            taken[max(row - 2, 0) : row + height + 1, max(col - 1, 0) : col + 6] = True
            placed += 1
        if placed == count:
            return grid
    return grid
