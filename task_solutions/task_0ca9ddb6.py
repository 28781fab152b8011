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
        grid = make_grid(9, 9)
        free = np.zeros((9, 9), dtype=bool)
        free[1:8, 1:8] = True  # dots keep off the border and at least 3 cells from each other
        for color in colors:
            spots = np.argwhere(free)
            if len(spots) == 0:
                break
            row, col = spots[int(rng.integers(len(spots)))]
            grid[row, col] = color
            free[max(row - 2, 0) : row + 3, max(col - 2, 0) : col + 3] = False
        else:
            return grid
