"""Every blue 3x3 hollow square is replaced by a red plus sign of the same size; other blue shapes stay."""

import numpy as np
from omniarc.dsl import *

RING = [[1, 1, 1], [1, 0, 1], [1, 1, 1]]
PLUS = [[0, 2, 0], [2, 2, 2], [0, 2, 0]]


def transform(grid):
    result = copy_grid(grid)
    for top, left in find_pattern(grid, RING):
        result[top : top + 3, left : left + 3] = PLUS
    return result


def random_blob(rng):
    while True:
        height, width = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        mask = rng.random((height, width)) < 0.7
        if np.any(mask) and bounding_box(mask) == (0, 0, height, width) and np.count_nonzero(mask) < 8:
            if len(find_objects(mask.astype(np.int8))) == 1:
                return mask


def generate_input(rng):
    while True:
        blobs = [random_blob(rng) for _ in range(int(rng.integers(2, 5)))]
        grid, masks = make_grid(10, 10), [np.array(RING, dtype=bool)] * 2 + blobs
        for mask in masks:
            top, left = int(rng.integers(0, 11 - mask.shape[0])), int(rng.integers(0, 11 - mask.shape[1]))
            grid = paint_object(grid, object_from_mask(mask.astype(np.int8), mask).moved(top, left), BLUE)
        if len(find_objects(grid, connectivity=8)) == len(masks) and count_pattern(grid, RING) == 2:
            return grid
