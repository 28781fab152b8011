"""Every coloured dot turns grey and falls straight towards the thick grey band, piling up against it."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    vertical = not np.any(np.all(grid == GRAY, axis=1))
    work = transpose(grid) if vertical else grid
    dots = most_common_color(work, exclude=[BLACK, GRAY])
    work = replace_color(work, dots, GRAY)
    band = np.flatnonzero(np.all(work == GRAY, axis=1))
    top, bottom = band[0], band[-1] + 1
    above = apply_gravity(work[:top], "down")
    below = apply_gravity(work[bottom:], "up")
    result = concatenate_vertical([above, work[top:bottom], below])
    return transpose(result) if vertical else result


def generate_input(rng):
    grid = make_grid(14, 14)
    thickness = int(rng.integers(2, 6))
    start = int(rng.integers(2, 12 - thickness))
    grid[start : start + thickness] = GRAY
    free = np.argwhere(grid == BLACK)
    picks = free[rng.permutation(len(free))[: int(rng.integers(7, 13))]]
    grid = paint_cells(grid, [tuple(cell) for cell in picks], int(rng.choice([BLUE, RED, GREEN, YELLOW])))
    return transpose(grid) if rng.random() < 0.5 else grid
