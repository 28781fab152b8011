"""Every coloured dot turns grey and falls straight towards the thick grey band, piling up against it."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    for turned in (False, True):
        work = transpose(grid) if turned else grid
        edges = set(work[0]) | set(work[-1])
        band = [row for row in range(work.shape[0]) if len(set(work[row])) == 1 and work[row, 0] not in edges]
        if band:
            break
    band_color = work[band[0], 0]
    background = most_common_color(work, exclude=band_color)
    work = np.where(work == background, background, band_color)
    top, bottom = band[0], band[-1] + 1
    above = apply_gravity(work[:top], "down", background=background)
    below = apply_gravity(work[bottom:], "up", background=background)
    result = concatenate_vertical([above, work[top:bottom], below])
    return transpose(result) if turned else result


def generate_input(rng):
    grid = make_grid(14, 14)
    thickness = int(rng.integers(2, 6))
    start = int(rng.integers(2, 12 - thickness))
    grid[start : start + thickness] = GRAY
    free = np.argwhere(grid == BLACK)
    picks = free[rng.permutation(len(free))[: int(rng.integers(7, 13))]]
    grid = paint_cells(grid, [tuple(cell) for cell in picks], int(rng.choice([BLUE, RED, GREEN, YELLOW])))
    return transpose(grid) if rng.random() < 0.5 else grid
