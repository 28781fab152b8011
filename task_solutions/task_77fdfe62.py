"""Blue lines frame an azure pattern and cut off four coloured corner cells. The output is the pattern
alone, each quarter of it painted in the colour of the nearest corner cell."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    pattern = grid[2:-2, 2:-2]
    corners = grid[:: height - 1, :: width - 1]
    return np.where(pattern != 0, upscale(corners, (height // 2 - 2, width // 2 - 2)), 0)


def generate_input(rng):
    size = int(rng.choice([6, 8, 10]))
    while True:
        pattern = rng.random((size - 4, size - 4)) < 0.5
        if np.all([np.any(part) for part in split_grid(pattern.astype(int), rows=2, cols=2)]):
            break
    grid = make_grid(size, size)
    grid[[1, size - 2], :] = BLUE
    grid[:, [1, size - 2]] = BLUE
    grid[2:-2, 2:-2] = pattern * AZURE
    corners = rng.choice([2, 3, 4, 5, 6, 7, 9], size=4, replace=False)
    for (row, col), color in zip(
        [(0, 0), (0, size - 1), (size - 1, 0), (size - 1, size - 1)], corners, strict=True
    ):
        grid = paint_cells(grid, [(row, col)], int(color))
    return grid
