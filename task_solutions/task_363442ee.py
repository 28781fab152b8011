"""The 3x3 pattern in the top-left corner is copied onto every blue cell right of the grey line, centred
on it (the blue cell marks the middle of a 3x3 block)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    for turned in (False, True):
        work = transpose(grid) if turned else grid
        uniform = [col for col in range(work.shape[1]) if len(set(work[:, col])) == 1]
        bars = [col for col in uniform if work[0, col] != background]
        if bars:
            break
    sides = [(0, work[:, : bars[0]]), (bars[0] + 1, work[:, bars[0] + 1 :])]
    contents = [crop_to_content(side, background=background) for _, side in sides]
    solid = [content.size if np.all(content != background) else 0 for content in contents]
    pattern = contents[solid.index(max(solid))]
    offset, dots = sides[1 - solid.index(max(solid))]
    result = copy_grid(work)
    for row, col in np.argwhere(dots != background):
        top, left = row - pattern.shape[0] // 2, offset + col - pattern.shape[1] // 2
        result[top : top + pattern.shape[0], left : left + pattern.shape[1]] = pattern
    return transpose(result) if turned else result


def generate_input(rng):
    grid = make_grid(9, 13)
    colors = rng.choice([2, 3, 4, 6, 7, 8, 9], size=int(rng.integers(2, 4)), replace=False)
    grid[:3, :3] = rng.choice(colors, size=(3, 3))
    grid[:, 3] = GRAY
    for block in rng.choice(9, size=int(rng.integers(3, 7)), replace=False):
        grid[3 * (block // 3) + 1, 4 + 3 * (block % 3) + 1] = BLUE
    return grid
