"""Every red cell gets yellow cells on its four diagonal corners and every blue cell gets orange cells on its
four sides; cells of other colours stay as they are."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for row, col in np.argwhere(grid == RED):
        corners = [(row + drow, col + dcol) for drow in (-1, 1) for dcol in (-1, 1)]
        result = paint_cells(result, corners, YELLOW)
    for row, col in np.argwhere(grid == BLUE):
        sides = [(row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)]
        result = paint_cells(result, sides, ORANGE)
    return result


def generate_input(rng):
    colors = [RED] * int(rng.integers(1, 3)) + [BLUE] * int(rng.integers(1, 3))
    colors += [int(rng.choice([MAGENTA, AZURE])) for _ in range(int(rng.integers(0, 3)))]
    while True:
        cells = [(int(rng.integers(1, 8)), int(rng.integers(1, 8))) for _ in colors]
        apart = all(
            max(abs(r1 - r2), abs(c1 - c2)) >= 3
            for i, (r1, c1) in enumerate(cells)
            for r2, c2 in cells[i + 1 :]
        )
        if apart:
            grid = make_grid(9, 9)
            for cell, color in zip(cells, colors, strict=True):
                grid = paint_cells(grid, [cell], color)
            return grid
