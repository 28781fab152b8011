"""A green shape slides towards the red line until it touches it, and an azure line is drawn right
behind the shape, on its side away from the red line."""

import numpy as np
from omniarc.dsl import *


def push_to_red_column(grid):
    """Solve the task for a grid whose red line is a column."""
    wall = int(np.argwhere(grid[0] == RED)[0][0])
    shape = object_from_mask(grid, grid == GREEN)
    if shape.left < wall:
        moved, line = shape.moved_to(shape.top, wall - shape.width), wall - shape.width - 1
    else:
        moved, line = shape.moved_to(shape.top, wall + 1), wall + shape.width + 1
    result = paint_object(erase_object(grid, shape), moved)
    result[:, line] = AZURE
    return result


def transform(grid):
    red_is_row = np.all(grid[np.any(grid == RED, axis=1)] == RED)
    return transpose(push_to_red_column(transpose(grid))) if red_is_row else push_to_red_column(grid)


def generate_input(rng):
    red_is_row = rng.random() < 0.5
    cross, length = (5, 17) if red_is_row else (4, int(rng.integers(16, 19)))
    while True:
        shape_w = int(rng.integers(2, 5))
        shape = rng.random((cross, shape_w)) < 0.6
        if np.all(np.any(shape, axis=1)) and len(find_objects(shape.astype(int))) == 1:
            if bounding_box(shape) == (0, 0, cross, shape_w):
                break
    while True:
        wall, left = int(rng.integers(0, length)), int(rng.integers(0, length - shape_w + 1))
        if (
            left + shape_w < wall - 1
            and wall - shape_w - 1 >= 0
            or left > wall + 1
            and wall + shape_w + 1 < length
        ):
            break
    grid = make_grid(cross, length)
    grid[:, wall] = RED
    grid = paint_object(grid, Object(shape, GREEN, (0, left)))
    return transpose(grid) if red_is_row else grid
