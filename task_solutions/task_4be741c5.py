"""The grid is made of colour bands with ragged borders; the output lists the band colours in order, as a
single row when the bands run left to right, or a single column when they run top to bottom."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the bands may have any colours"}


def transform(grid):
    across = len(np.unique(grid[0])) > len(np.unique(grid[:, 0]))
    line = grid[0] if across else grid[:, 0]
    colors = np.array([list(dict.fromkeys(int(color) for color in line))])
    return colors if across else transpose(colors)


def generate_input(rng):
    height, width = int(rng.integers(9, 15)), int(rng.integers(7, 17))
    across = rng.random() < 0.5
    length, rows = (width, height) if across else (height, width)
    bands = int(rng.integers(2, min(4, length // 3) + 1))
    colors = rng.choice(range(1, 10), size=bands, replace=False)
    borders = np.sort(rng.choice(range(2, length - 1), size=bands - 1, replace=False))
    while np.any(np.diff(borders) < 3):
        borders = np.sort(rng.choice(range(2, length - 1), size=bands - 1, replace=False))
    lines = []
    for _ in range(rows):
        ragged = borders + rng.integers(-1, 2, size=bands - 1)
        lines.append(colors[np.searchsorted(ragged, np.arange(length), side="right")])
    grid = np.array(lines)
    return grid if across else transpose(grid)
