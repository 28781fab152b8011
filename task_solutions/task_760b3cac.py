"""The azure pattern is mirrored onto the side its yellow stand points to: if the yellow shape's top cell
is on its left, a mirror copy appears just left of the azure pattern, otherwise just right of it."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    yellow = object_from_mask(grid, grid == YELLOW)
    azure = object_from_mask(grid, grid == AZURE)
    step = -azure.width if yellow.mask[0, 0] else azure.width
    return paint_object(grid, azure.flipped_horizontal().moved(0, step))


def generate_input(rng):
    while True:
        pattern = rng.random((3, 3)) < 0.55
        if np.all(np.any(pattern, axis=0)) and np.all(np.any(pattern, axis=1)):
            break
    grid = make_grid(6, 9)
    grid[0:3, 3:6] = pattern * AZURE
    top_cell = (3, int(rng.choice([3, 5])))
    return paint_cells(grid, [top_cell, (4, 3), (4, 4), (4, 5), (5, 4)], YELLOW)
