"""Red cells lying at most two cells apart form a group; inside the bounding box of each group, every
cell that is not red turns yellow."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    red = least_common_color(grid)
    marks = color_mask(grid, red).astype(int)
    # smearing each marked cell one step down and right links marked cells up to two apart
    near = marks + shift(marks, 1, 0) + shift(marks, 0, 1) + shift(marks, 1, 1)
    result = copy_grid(grid)
    for group in find_objects(near, connectivity=8, single_color=False):
        top, left, bottom, right = bounding_box((crop(grid, group) == red) & group.mask)
        box = (group.top + top, group.left + left, group.top + bottom, group.left + right)
        inside = fill_box(make_grid(*grid_shape(grid)), box, 1) == 1
        result = paint_mask(result, inside & (grid != red), YELLOW)
    return result


def is_one_group(red):
    """True when the red cells of a block 2-3 rows high reach all four sides and no two neighbouring red
    columns are more than two apart: they form one group whose bounding box is the whole block."""
    columns = np.flatnonzero(red.any(axis=0))
    reach_sides = red[0].any() and red[-1].any() and columns[0] == 0 and columns[-1] == red.shape[1] - 1
    return reach_sides and np.all(np.diff(columns) <= 2)


def random_block(rng, rows, cols):
    """Where the red cells of a rows x cols block go (about 65% of it), forming one group over the block."""
    while True:
        red = rng.random((rows, cols)) < 0.65
        if red.any() and is_one_group(red):
            return red


def generate_input(rng):
    height, width = int(rng.integers(15, 18)), int(rng.integers(14, 19))
    noise_color = int(rng.choice([BLUE, GREEN, AZURE, MAROON]))
    for _attempt in range(500):
        grid = np.where(rng.random((height, width)) < rng.uniform(0.4, 0.6), noise_color, BLACK)
        taken = np.zeros((height, width), dtype=bool)
        area = 0
        for _ in range(int(rng.integers(3, 5))):
            rows, cols = int(rng.integers(2, 4)), int(rng.integers(2, 8))
            row, col = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
            if taken[max(row - 2, 0) : row + rows + 2, max(col - 2, 0) : col + cols + 2].any():
                continue
            red = random_block(rng, rows, cols)
            grid[row : row + rows, col : col + cols][red] = RED
            taken[row : row + rows, col : col + cols] = True
            area += rows * cols
        red_count = np.count_nonzero(grid == RED)
        if area >= 15 and red_count < area and least_common_color(grid) == RED:  # some cell turns yellow
            return grid
    return grid
