"""A grey fence in the top-left corner holds a small sample shape. The shape elsewhere in the grid with
exactly the same form as the sample is painted grey."""

import numpy as np
from omniarc.dsl import *
from omniarc.task_solutions.sampling import random_connected_mask


def transform(grid):
    shapes = [shape for shape in find_objects(grid, connectivity=8) if shape.color != GRAY]
    sample = next(shape for shape in shapes if shape.top < 3 and shape.left < 3)
    result = copy_grid(grid)
    for shape in shapes:
        if shape is not sample and same_shape(shape, sample):
            result = paint_object(result, shape, GRAY)
    return result


def try_place(rng, grid, mask, color):
    height, width = mask.shape
    for _ in range(50):
        top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
        if top < 5 and left < 5:
            continue
        if np.all(grid[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1] == BLACK):
            placed = np.zeros(grid.shape, dtype=bool)
            placed[top : top + height, left : left + width] = mask
            return paint_mask(grid, placed, color)
    return None


def generate_input(rng):
    while True:
        colors = [int(c) for c in rng.permutation([1, 2, 3, 4, 6, 7, 8, 9])]
        grid = fill_box(fill_box(make_grid(10, 10), (3, 0, 4, 4), GRAY), (0, 3, 4, 4), GRAY)
        sample = random_connected_mask(rng, 3, 3, int(rng.integers(3, 6)))
        corner = np.zeros((10, 10), dtype=bool)
        top, left = int(rng.integers(0, 4 - sample.shape[0])), int(rng.integers(0, 4 - sample.shape[1]))
        corner[top : top + sample.shape[0], left : left + sample.shape[1]] = sample
        grid = paint_mask(grid, corner, colors[0])
        masks = [sample]
        while len(masks) < int(rng.integers(4, 7)):
            other = random_connected_mask(rng, 3, 4, int(rng.integers(2, 6)))
            if not any(other.shape == mask.shape and np.array_equal(other, mask) for mask in masks):
                masks.append(other)
        masks[1] = sample
        for mask, color in zip(masks[1:], colors[1 : len(masks)], strict=True):
            grid = try_place(rng, grid, mask, color)
            if grid is None:
                break
        else:
            return grid
