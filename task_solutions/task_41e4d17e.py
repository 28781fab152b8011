"""Magenta lines run across the whole grid through the middle row and middle column of every hollow blue
square, passing only over background cells."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    square = pad(make_grid(3, 3, background), 1, most_common_color(grid, exclude=background))
    lines = np.zeros(grid.shape, dtype=bool)
    for top, left in find_pattern(grid, square):
        lines[top + 2, :] = True
        lines[:, left + 2] = True
    return paint_mask(grid, lines & (grid == background), MAGENTA)


def generate_input(rng):
    while True:
        grid = make_grid(15, 15, AZURE)
        corners = [
            (int(rng.integers(0, 11)), int(rng.integers(0, 11))) for _ in range(int(rng.integers(1, 3)))
        ]
        if (
            len(corners) == 2
            and max(abs(corners[0][0] - corners[1][0]), abs(corners[0][1] - corners[1][1])) < 6
        ):
            continue
        for row, col in corners:
            grid = draw_outline(grid, (row, col, row + 5, col + 5), BLUE)
        return grid
