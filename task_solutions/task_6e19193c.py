"""Each shape is a 2x2 square with one corner missing; from that missing corner a diagonal line of the
shape's colour shoots away from the shape (the missing corner itself stays empty) to the grid edge."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid, connectivity=8):
        row, col = (int(index) for index in np.argwhere(shape.mask == 0)[0])
        step = (2 * row - 1, 2 * col - 1)
        start = (shape.top + row + step[0], shape.left + col + step[1])
        result = draw_line(result, start, step, shape.color)
    return result


def ray_mask(size, top, left, row, col):
    """The cells of the diagonal shot from the missing corner (row, col) of the 2x2 box at (top, left)."""
    mask = np.zeros((size, size), dtype=bool)
    step_row, step_col = 2 * row - 1, 2 * col - 1
    row, col = top + row + step_row, left + col + step_col
    while 0 <= row < size and 0 <= col < size:
        mask[row, col] = True
        row, col = row + step_row, col + step_col
    return mask


def add_shape(rng, grid, areas, rays, color):
    """Paint one shape whose surroundings and ray keep clear of the others; False if no spot is found."""
    size = grid.shape[0]
    for _ in range(20):
        top, left = int(rng.integers(0, size - 1)), int(rng.integers(0, size - 1))
        row, col = int(rng.integers(2)), int(rng.integers(2))
        area = np.zeros((size, size), dtype=bool)
        area[max(top - 1, 0) : top + 3, max(left - 1, 0) : left + 3] = True
        ray = ray_mask(size, top, left, row, col)
        if ray.any() and not (area & (areas | rays)).any() and not (ray & (areas | rays)).any():
            grid[top : top + 2, left : left + 2] = color
            grid[top + row, left + col] = BLACK
            areas |= area
            rays |= ray
            return True
    return False


def generate_input(rng):
    size = 10
    color = int(rng.choice([7, 8, 9]))
    while True:
        grid = make_grid(size, size)
        areas, rays = np.zeros((size, size), dtype=bool), np.zeros((size, size), dtype=bool)
        if all(add_shape(rng, grid, areas, rays, color) for _ in range(int(rng.integers(2, 4)))):
            return grid
