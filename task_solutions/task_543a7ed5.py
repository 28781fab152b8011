"""Every magenta rectangle on the azure background gets a green frame one cell outside it, and any azure
hole inside a rectangle is filled with yellow."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = fill_enclosed_regions(grid, YELLOW, background=AZURE)
    for rect in find_objects(grid, background=AZURE):
        top, left, bottom, right = rect.bbox
        result = draw_outline(result, (top - 1, left - 1, bottom + 1, right + 1), GREEN)
    return result


def generate_input(rng):
    while True:
        grid = make_grid(15, 15, AZURE)
        taken = np.zeros((15, 15), dtype=bool)
        for _ in range(int(rng.integers(2, 4))):
            height, width = int(rng.integers(3, 8)), int(rng.integers(3, 8))
            top, left = int(rng.integers(1, 15 - height)), int(rng.integers(1, 15 - width))
            if np.any(taken[top - 1 : top + height + 1, left - 1 : left + width + 1]):
                continue
            taken[top - 1 : top + height + 1, left - 1 : left + width + 1] = True
            grid = fill_box(grid, (top, left, top + height, left + width), MAGENTA)
            if rng.random() < 0.75:
                hole_top = top + int(rng.integers(1, height - 1))
                hole_left = left + int(rng.integers(1, width - 1))
                hole_bottom = int(rng.integers(hole_top + 1, top + height))
                hole_right = int(rng.integers(hole_left + 1, left + width))
                grid = fill_box(grid, (hole_top, hole_left, hole_bottom, hole_right), AZURE)
        if len(find_objects(grid, background=AZURE)) >= 2:
            return grid
