"""Each row with a coloured cell at both ends is filled: the left half with the left colour, the right
half with the right colour, and a grey cell in the middle where they meet."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    by_rows = np.all(grid[:, 1:-1] == background)
    rows = grid if by_rows else transpose(grid)
    result = copy_grid(rows)
    middle = rows.shape[1] // 2
    for row in range(rows.shape[0]):
        if rows[row, 0] != background and rows[row, -1] != background:
            result[row, :middle] = rows[row, 0]
            result[row, middle + 1 :] = rows[row, -1]
            result[row, middle] = GRAY
    return result if by_rows else transpose(result)


def generate_input(rng):
    grid = make_grid(5, 11)
    for row in rng.choice(5, size=int(rng.integers(1, 3)), replace=False):
        grid[row, [0, -1]] = rng.choice([1, 2, 3, 4, 6, 7, 8, 9], size=2, replace=False)
    return grid
