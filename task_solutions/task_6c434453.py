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


def place_apart(rng, grid, mask):
    """Paint the mask in blue where it touches no other shape (not even at a corner); False if no spot."""
    height, width = mask.shape
    for _ in range(30):
        top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
        if not grid[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1].any():
            grid[top : top + height, left : left + width][mask] = BLUE
            return True
    return False


def generate_input(rng):
    while True:
        blobs = [random_blob(rng) for _ in range(int(rng.integers(2, 5)))]
        grid = make_grid(10, 10)
        if all(place_apart(rng, grid, mask) for mask in [np.array(RING, dtype=bool)] * 2 + blobs):
            if count_pattern(grid, RING) == 2:
                return grid
