"""Lines split the grid into 3x3 cells; the top-left cell holds a shape. In every cell, the parts of that
shape that are missing are drawn in the line colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the lines and the shape may have any two colours"}


def transform(grid):
    cells = grid_cells(grid)
    first = cells[0]
    background = most_common_color(first.pixels)
    line_color = grid[first.height, 0] if first.height < grid.shape[0] else grid[0, first.width]
    source = max(cells, key=lambda cell: np.count_nonzero(cell.pixels != background))
    shape = source.pixels != background
    result = copy_grid(grid)
    for cell in cells:
        top, left, bottom, right = cell.bbox
        missing = shape & (cell.pixels == background)
        result[top:bottom, left:right] = np.where(missing, line_color, cell.pixels)
    return result


def generate_input(rng):
    line_color, shape_color = rng.choice(range(1, 10), size=2, replace=False)
    while True:
        shape = rng.random((3, 3)) < 0.5
        shape = shape | shape[::-1] | shape[:, ::-1] | shape[::-1, ::-1]
        if shape.sum() >= 4 and shape[1].any() and shape[:, 1].any():
            break
    parts = []
    for index in range(9):
        part = shape & (rng.random((3, 3)) < 0.5) if index and rng.random() < 0.4 else shape & (index == 0)
        parts.append(pad(np.where(part, shape_color, BLACK), 1))
    rows = [concatenate_horizontal(parts[i : i + 3], separator_color=line_color) for i in (0, 3, 6)]
    return concatenate_vertical(rows, separator_color=line_color)
