"""Azure lines cut off a 2x2 colour key in one corner and a 6x6 green pattern in the opposite corner.
The output is the pattern with each 3x3 quarter painted in the key colour of the matching quarter."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    parts = sort_objects(grid_cells(grid, line_color=AZURE), "size")
    key, pattern = crop(grid, parts[0]), crop(grid, parts[-1])
    return np.where(pattern != BLACK, upscale(key, 3), BLACK)


def generate_input(rng):
    while True:
        pattern = (rng.random((6, 6)) < 0.45) * GREEN
        if all(np.any(part) for part in split_grid(pattern, rows=2, cols=2)):
            break
    key = make_grid(2, 2)
    while len(palette(key)) < 3:
        key = as_grid(rng.choice([1, 2, 4, 5, 6, 7], size=(2, 2)))
    pieces = [key, make_grid(2, 6), make_grid(6, 2), as_grid(pattern)]
    top = concatenate_horizontal(pieces[:2], separator_color=AZURE)
    bottom = concatenate_horizontal(pieces[2:], separator_color=AZURE)
    return rotate(concatenate_vertical([top, bottom], separator_color=AZURE), int(rng.integers(4)))
