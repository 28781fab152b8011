"""Count the colours of the 3x3 grid: with one colour the output has a grey top row, with two a grey main
diagonal, with three a grey anti-diagonal; all else is black."""

import numpy as np
from omniarc.dsl import *

MARKS_BY_COLOR_COUNT = {
    1: [(0, 0), (0, 1), (0, 2)],
    2: [(0, 0), (1, 1), (2, 2)],
    3: [(0, 2), (1, 1), (2, 0)],
}


def transform(grid):
    return paint_cells(make_grid(3, 3), MARKS_BY_COLOR_COUNT[len(palette(grid))], GRAY)


def generate_input(rng):
    while True:
        count = int(rng.integers(1, 4))
        colors = rng.choice([RED, GREEN, YELLOW], size=count, replace=False)
        grid = rng.choice(colors, size=(3, 3)).astype(np.int8)
        if len(palette(grid)) == count:
            return grid
