"""Each azure L-shape of three cells gets its missing fourth corner filled in blue, completing a 2x2
square."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    corners = find_objects(grid, background=background_color(grid))
    result = grid
    for corner in corners:
        result = fill_box(result, corner, BLUE)
    return paint_objects(result, corners)


def generate_input(rng):
    for _attempt in range(200):
        grid = make_grid(7, 7)
        taken = np.zeros((7, 7), dtype=bool)
        for _ in range(int(rng.integers(2, 5))):
            row, col = int(rng.integers(0, 6)), int(rng.integers(0, 6))
            if taken[max(row - 1, 0) : row + 3, max(col - 1, 0) : col + 3].any():
                continue
            grid[row : row + 2, col : col + 2] = AZURE
            grid[row + int(rng.integers(2)), col + int(rng.integers(2))] = BLACK
            taken[row : row + 2, col : col + 2] = True
        if taken.sum() >= 8:
            return grid
    return grid
