"""The grid is tiled twice across and twice down; then every coloured cell gets azure cells on its four
diagonal corners wherever those are black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    tiled = tile(grid, 2, 2)
    result = copy_grid(tiled)
    for row, col in np.argwhere(tiled != background):
        corners = [(row + drow, col + dcol) for drow in (-1, 1) for dcol in (-1, 1)]
        result = paint_cells(result, corners, AZURE)
    return np.where(tiled != background, tiled, result)


GENERATOR_EXEMPTIONS = {"colors": "the cells may have any colour but azure; the real inputs show five"}


def generate_input(rng):
    height, width = int(rng.integers(2, 7)), int(rng.integers(3, 6))
    color = int(rng.choice([1, 2, 3, 4, 5, 6, 7, 9]))
    grid = make_grid(height, width)
    count = int(rng.integers(1, min(3, height * width // 6) + 1))
    for index in rng.choice(height * width, size=count, replace=False):
        grid = paint_cells(grid, [(int(index) // width, int(index) % width)], color)
    return grid
