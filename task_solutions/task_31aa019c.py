"""Among scattered coloured cells, exactly one colour occurs only once. Keep just that cell, ring it with
red, and clear everything else."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    lone = [color for color, count in color_counts(grid).items() if count == 1][0]
    row, col = np.argwhere(grid == lone)[0]
    result = make_grid(*grid.shape, background_color(grid))
    result = fill_box(result, (row - 1, col - 1, row + 2, col + 2), RED)
    result[row, col] = lone
    return result


def generate_input(rng):
    while True:
        lone = int(rng.integers(1, 10))
        others = [color for color in range(1, 10) if color != lone]
        grid = make_grid(10, 10)
        cells = rng.choice(100, size=int(rng.integers(26, 36)), replace=False)
        grid[cells // 10, cells % 10] = rng.choice(others, size=len(cells))
        grid[int(rng.integers(1, 9)), int(rng.integers(1, 9))] = lone
        counts = color_counts(grid)
        if [color for color, count in counts.items() if count == 1 and color != BLACK] == [lone]:
            return grid
