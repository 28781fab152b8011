"""Two green squares touch corner to corner; add two azure squares of the same size on the other diagonal,
just outside the pair's corners."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for pair in find_objects(grid, connectivity=8, background=background_color(grid)):
        size = pair.height // 2
        top, left = pair.position
        if pair.mask[0, 0]:
            corners = [(top - size, left + 2 * size), (top + 2 * size, left - size)]
        else:
            corners = [(top - size, left - size), (top + 2 * size, left + 2 * size)]
        for row, col in corners:
            result = fill_box(result, (row, col, row + size, col + size), AZURE)
    return result


def generate_input(rng):
    while True:
        grid = make_grid(10, 10)
        footprints = make_grid(16, 16)
        count = int(rng.integers(1, 3))
        for _ in range(count):
            size = int(rng.integers(1, 4)) if count == 1 else 1
            top, left = int(rng.integers(0, 11 - 2 * size)), int(rng.integers(0, 11 - 2 * size))
            pair = np.kron(np.eye(2, dtype=bool), np.ones((size, size), bool))
            pair = pair if rng.random() < 0.5 else pair[:, ::-1]
            box = (top - size + 3, left - size + 3, top + 3 * size + 3, left + 3 * size + 3)
            if crop(footprints, box).any():
                break
            footprints = fill_box(footprints, box, 1)
            grid = paint_object(grid, Object(pair, GREEN, (top, left)))
        else:
            if not grids_equal(transform(grid), grid):
                return grid
