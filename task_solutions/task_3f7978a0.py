"""Two grey columns capped with azure cells frame a box among scattered azure cells; the output is that box,
from the top caps to the bottom caps."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    for turned in (False, True):
        work = transpose(grid) if turned else grid
        for color in palette(work):
            lines = object_from_mask(work, work == color)
            if lines.width > 1 and lines.size == 2 * lines.height and lines.mask[:, [0, -1]].all():
                top, left, bottom, right = lines.bbox
                box = crop(work, (top - 1, left, bottom + 1, right))
                return transpose(box) if turned else box


def generate_input(rng):
    height, width = int(rng.integers(9, 15)), int(rng.integers(9, 14))
    grid = np.where(rng.random((height, width)) < rng.uniform(0.1, 0.2), AZURE, BLACK)
    rows, cols = int(rng.integers(5, min(11, height + 1))), int(rng.integers(4, min(8, width + 1)))
    top, left = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
    for col in (left, left + cols - 1):
        grid[top : top + rows, col] = GRAY
        grid[top, col] = grid[top + rows - 1, col] = AZURE
    return grid
