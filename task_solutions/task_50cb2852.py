"""Every solid rectangle keeps a one-cell border in its colour and its inside turns azure."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for rect in find_objects(grid):
        top, left, bottom, right = rect.bbox
        result = fill_box(result, (top + 1, left + 1, bottom - 1, right - 1), AZURE)
    return result


def generate_input(rng):
    while True:
        height, width = int(rng.integers(12, 15)), int(rng.integers(11, 16))
        grid = make_grid(height, width)
        taken = np.zeros((height, width), dtype=bool)
        for _ in range(int(rng.integers(2, 5))):
            rect_h, rect_w = int(rng.integers(3, 9)), int(rng.integers(3, 9))
            top, left = int(rng.integers(0, height - rect_h + 1)), int(rng.integers(0, width - rect_w + 1))
            box = (max(top - 1, 0), max(left - 1, 0), top + rect_h + 1, left + rect_w + 1)
            if not np.any(taken[box[0] : box[2], box[1] : box[3]]):
                taken[box[0] : box[2], box[1] : box[3]] = True
                grid = fill_box(
                    grid, (top, left, top + rect_h, left + rect_w), int(rng.choice([BLUE, RED, GREEN]))
                )
        if len(find_objects(grid)) >= 2:
            return grid
