"""A blue shape with four-fold rotational symmetry is missing one arm (the left one in the examples); draw
the missing arm in red so the shape looks the same after a quarter turn."""

import numpy as np
from omniarc.dsl import *


def arm_to_add(grid, background):
    """Cells completing the shape's four-fold symmetry, taking its left arm to be the missing one."""
    shape = grid != background
    top, _, bottom, right = bounding_box(shape)
    left = right - (bottom - top)
    added = np.zeros(shape.shape, dtype=bool)
    if left >= 0:
        square = shape[top:bottom, left:right]
        whole = square | np.rot90(square, 1) | np.rot90(square, 2) | np.rot90(square, 3)
        added[top:bottom, left:right] = whole & ~square
    return added


def transform(grid):
    background = background_color(grid)
    options = [(arm_to_add(rotate(grid, turns), background), turns) for turns in range(4)]
    added, turns = min([option for option in options if option[0].any()], key=lambda option: option[0].sum())
    return rotate(paint_mask(rotate(grid, turns), added, RED), -turns)


def has_lone_cell(mask):
    """True when some True cell of the boolean mask has no True side neighbour."""
    beside = np.zeros(mask.shape, dtype=bool)
    beside[1:] |= mask[:-1]
    beside[:-1] |= mask[1:]
    beside[:, 1:] |= mask[:, :-1]
    beside[:, :-1] |= mask[:, 1:]
    return bool((mask & ~beside).any())


def generate_input(rng):
    for _ in range(100):
        size = int(rng.integers(8, 11))
        half = (size - 1) / 2
        rows, cols = np.indices((size, size)) - half
        top_arm = (rows < 0) & (np.abs(cols) <= -rows)
        mask = top_arm & (rng.random((size, size)) < rng.uniform(0.35, 0.6))
        mask[0, int(rng.integers(1, size - 1))] = True
        mask = mask | mask.T[::-1] | mask[::-1, ::-1] | mask[::-1].T  # with its three quarter turns
        left_arm = (cols < 0) & (np.abs(rows) < -cols)
        if has_lone_cell(mask) or not (mask & left_arm).any():
            continue  # cheap rejections first: a shape with a lone cell is not in one piece
        if len(find_objects(mask.astype(int), connectivity=4)) != 1:
            continue
        grid = make_grid(10, 10)
        top, left = int(rng.integers(0, 11 - size)), int(rng.integers(0, 11 - size))
        grid[top : top + size, left : left + size] = np.where(mask & ~left_arm, BLUE, BLACK)
        return grid
    raise RuntimeError("no symmetric shape found")
