"""Two coloured cells sit on the edges of a long grid; each becomes a line across the short side, and the pair
of lines repeats at the same spacing, alternating colours, all the way to the far end."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    tall = grid.shape[0] > grid.shape[1]
    wide = transpose(grid) if tall else grid
    cells = sorted(np.argwhere(wide != background).tolist(), key=lambda cell: cell[1])
    colors = [wide[row, col] for row, col in cells]
    start, step = cells[0][1], cells[1][1] - cells[0][1]
    result = make_grid(*wide.shape, background)
    for index, col in enumerate(range(start, wide.shape[1], step)):
        result = fill_box(result, (0, col, wide.shape[0], col + 1), colors[index % 2])
    return transpose(result) if tall else result


GENERATOR_EXEMPTIONS = {"colors": "the two line colours may be any two colours; the real inputs show five"}


def generate_input(rng):
    tall = rng.random() < 0.4
    height = int(rng.integers(8, 10)) if tall else int(rng.integers(7, 12))
    width = int(rng.integers(22, 25)) if tall else int(rng.integers(23, 28))
    first_col = int(rng.integers(2, 9))
    second_col = first_col + int(rng.integers(2, 6))
    colors = [int(color) for color in rng.choice(range(1, 10), size=2, replace=False)]
    cells = [(int(rng.choice([0, height - 1])), col) for col in (first_col, second_col)]
    grid = make_grid(height, width)
    for cell, color in zip(cells, colors, strict=True):
        grid = paint_cells(grid, [cell], color)
    return transpose(grid) if tall else grid
