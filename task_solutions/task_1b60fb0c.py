"""A blue shape with four-fold rotational symmetry is missing its left arm; draw the missing arm in red so
the shape looks the same after a quarter turn."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top, _, bottom, right = bounding_box(grid == BLUE)
    left = right - (bottom - top)
    square = crop(grid, (top, left, bottom, right))
    whole = np.maximum.reduce([rotate(square, quarter_turns=k) for k in range(4)])
    result = copy_grid(grid)
    result[top:bottom, left:right] = np.where(square == BLUE, BLUE, np.where(whole == BLUE, RED, BLACK))
    return result


def generate_input(rng):
    for _ in range(100):
        size = int(rng.integers(8, 11))
        half = (size - 1) / 2
        rows, cols = np.indices((size, size)) - half
        top_arm = (rows < 0) & (np.abs(cols) <= -rows)
        mask = top_arm & (rng.random((size, size)) < rng.uniform(0.35, 0.6))
        mask[0, int(rng.integers(1, size - 1))] = True
        mask = np.logical_or.reduce([np.rot90(mask, k) for k in range(4)])
        left_arm = (cols < 0) & (np.abs(rows) < -cols)
        if len(find_objects(mask.astype(int), connectivity=4)) != 1 or not (mask & left_arm).any():
            continue
        grid = make_grid(10, 10)
        top, left = int(rng.integers(0, 11 - size)), int(rng.integers(0, 11 - size))
        grid[top : top + size, left : left + size] = np.where(mask & ~left_arm, BLUE, BLACK)
        return grid
    raise RuntimeError("no symmetric shape found")
