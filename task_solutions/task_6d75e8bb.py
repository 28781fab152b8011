"""The empty cells inside the bounding box of the azure shape are filled with red."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shape = find_objects(grid)[0]
    return paint_object(fill_box(grid, shape, RED), shape)


def generate_input(rng):
    while True:
        length, reach = int(rng.integers(4, 10)), int(rng.integers(4, 8))
        arms = rng.integers(1, reach + 1, size=length)
        arms[int(rng.integers(length))] = reach
        comb = (np.arange(reach)[None, :] < arms[:, None]).astype(np.int8) * AZURE
        comb = orientations(comb)[int(rng.integers(8))]
        height, width = int(rng.integers(7, 15)), int(rng.integers(8, 12))
        if comb.shape[0] + 2 > height or comb.shape[1] + 2 > width or count_color(comb, BLACK) < 4:
            continue
        top, left = int(rng.integers(1, height - comb.shape[0])), int(rng.integers(1, width - comb.shape[1]))
        return paint_object(make_grid(height, width), object_from_mask(comb, comb == AZURE).moved(top, left))
