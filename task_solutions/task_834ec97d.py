"""The single coloured cell drops one row. Above its new place, every other column (the dot's own column
and those an even distance from it) is filled with yellow from the top down to the dot's old row."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    dot = find_objects(grid)[0]
    row, col = dot.position
    result = make_grid(*grid_shape(grid))
    columns = np.arange(col % 2, grid_shape(grid)[1], 2)
    result[: row + 1, columns] = YELLOW
    return paint_object(result, dot.moved(1, 0))


def generate_input(rng):
    size = int(rng.integers(3, 13))
    row, col = int(rng.integers(0, size - 1)), int(rng.integers(0, size))
    return paint_cells(make_grid(size, size), [(row, col)], int(rng.choice([2, 3, 6, 9])))
