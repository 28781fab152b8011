"""Each yellow shape sits in a 3x3 box; the empty cells of its box are filled with orange."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid, connectivity=8):
        result = paint_object(fill_box(result, shape, ORANGE), shape)
    return result


def random_shape_in_3x3(rng):
    while True:
        mask = rng.random((3, 3)) < 0.6
        if 4 <= np.count_nonzero(mask) <= 7 and len(find_objects(mask.astype(int), connectivity=8)) == 1:
            if bounding_box(mask) == (0, 0, 3, 3):
                return mask


def generate_input(rng):
    while True:
        (top1, left1), (top2, left2) = rng.integers(0, 7, size=(2, 2))
        if abs(top1 - top2) < 3 and abs(left1 - left2) < 3:
            continue
        grid = make_grid(9, 9)
        for top, left in ((top1, left1), (top2, left2)):
            shape = np.zeros((9, 9), dtype=bool)
            shape[top : top + 3, left : left + 3] = random_shape_in_3x3(rng)
            grid = paint_mask(grid, shape, YELLOW)
        if len(find_objects(grid, connectivity=8)) == 2:
            return grid
