"""Of the hollow rectangles, the one enclosing the largest area gives its colour to a 2x2 output."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    boxes = find_objects(grid, background=background_color(grid))
    biggest = max(boxes, key=lambda box: box.height * box.width)
    return make_grid(2, 2, biggest.color)


def generate_input(rng):
    while True:
        first, second = rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE, MAROON])[:2]
        grid = make_grid(10, 10)
        taken = np.zeros((10, 10), dtype=bool)
        areas = []
        for color in (first, second):
            rows, cols = int(rng.integers(3, 11)), int(rng.integers(3, 11))
            row, col = int(rng.integers(0, 11 - rows)), int(rng.integers(0, 11 - cols))
            if taken[max(row - 1, 0) : row + rows + 1, max(col - 1, 0) : col + cols + 1].any():
                break
            grid = draw_outline(grid, (row, col, row + rows, col + cols), color)
            taken[row : row + rows, col : col + cols] = True
            areas.append(rows * cols)
        if len(areas) == 2 and areas[0] != areas[1]:
            return grid
