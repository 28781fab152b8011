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
            block = np.where(rng.random((rows, cols)) < 0.65, RED, grid[row : row + rows, col : col + cols])
            grid[row : row + rows, col : col + cols] = block
            taken[row : row + rows, col : col + cols] = True
            area += rows * cols
        if area < 15:
            continue
        output = transform(grid)
        if np.isin(output, [RED, YELLOW]).sum() == area and (output == YELLOW).any():
            return grid
    return grid
