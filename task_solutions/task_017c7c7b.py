"""The blue rows repeat with a fixed period; continue that repetition downwards until the grid is half as tall
again, and paint everything red instead of blue."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    height = grid.shape[0] * 3 // 2
    period = row_period(grid)
    extended = tile(grid[:period], height, 1)[:height]
    return np.where(extended != BLACK, RED, BLACK)


def generate_input(rng):
    while True:
        period = int(rng.integers(2, 5))
        rows = [rng.random(3) < 0.5 for _ in range(period)]
        if all(row.any() for row in rows):
            grid = tile([[BLUE if cell else BLACK for cell in row] for row in rows], 3, 1)[:6]
            if row_period(grid) == period:
                return grid
