"""Of the three coloured shapes, only one is mirror-symmetric left to right; the output is that shape cut
out of the grid."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    for shape in find_objects(grid, connectivity=8):
        if is_symmetric(shape.as_grid(), "horizontal"):
            return shape.as_grid()


def random_shape(rng, symmetric):
    """An 8-connected mask filling its 2..3 x 2..5 box, mirror-symmetric left-right or not."""
    while True:
        height, width = int(rng.integers(2, 4)), int(rng.integers(2, 6))
        mask = rng.random((height, width)) < 0.65
        if symmetric:
            mask = np.concatenate([mask[:, : (width + 1) // 2], mask[:, : width // 2][:, ::-1]], axis=1)
        pieces = find_objects(mask.astype(int), connectivity=8)
        if len(pieces) == 1 and pieces[0].height == height and pieces[0].width == width:
            if is_symmetric(mask.astype(int), "horizontal") == symmetric and np.sum(mask) >= 4:
                return mask


def place_apart(rng, grid, mask, color):
    """Paint the mask somewhere it keeps a free margin of one cell from other shapes; False if no spot."""
    height, width = mask.shape
    for _ in range(20):
        top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
        if not grid[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1].any():
            grid[top : top + height, left : left + width] = mask * color
            return True
    return False


def generate_input(rng):
    while True:
        grid = make_grid(10, 10)
        colors = rng.choice([2, 3, 4, 5, 6, 7, 8, 9], size=3, replace=False)
        if all(
            place_apart(rng, grid, random_shape(rng, index == 0), color) for index, color in enumerate(colors)
        ):
            return grid
