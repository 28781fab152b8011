"""Every solid rectangle is hollowed out, keeping only its one-cell border."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = grid
    for box in find_objects(grid, background=background):
        top, left, bottom, right = box.bbox
        result = fill_box(result, (top + 1, left + 1, bottom - 1, right - 1), background)
    return result


def generate_input(rng):
    height, width = int(rng.integers(8, 19)), int(rng.integers(7, 20))
    colors = rng.permutation([BLUE, RED, GREEN, YELLOW, GRAY, MAGENTA, ORANGE, AZURE])
    for _attempt in range(100):
        grid = make_grid(height, width)
        taken = np.zeros((height, width), dtype=bool)
        count = 0
        for _ in range(int(rng.integers(1, 6)) * 3):
            rows, cols = int(rng.integers(3, 8)), int(rng.integers(3, 9))
            if rows + 2 > height or cols + 2 > width:
                continue
            row, col = int(rng.integers(1, height - rows)), int(rng.integers(1, width - cols))
            if count == 5 or taken[row - 1 : row + rows + 1, col - 1 : col + cols + 1].any():
                continue
            grid[row : row + rows, col : col + cols] = colors[count]
            taken[row : row + rows, col : col + cols] = True
            count += 1
        if count:
            return grid
    return grid
