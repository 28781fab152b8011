"""Single pixels on the grid's edges each stamp their colour onto the nearest cell of the big azure block,
the one straight across from them."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the edge pixels may have any colour other than azure"}


def transform(grid):
    background = background_color(grid)
    block = largest_object(find_objects(grid, background=background))
    top, left, bottom, right = block.bbox
    result = copy_grid(grid)
    for row, col in np.argwhere((grid != background) & (grid != block.color)):
        result[min(max(row, top), bottom - 1), min(max(col, left), right - 1)] = grid[row, col]
    return result


def generate_input(rng):
    height, width = int(rng.integers(3, 6)), int(rng.integers(2, 5))
    top, left = int(rng.integers(2, 9 - height)), int(rng.integers(2, 9 - width))
    grid = fill_box(make_grid(10, 10), (top, left, top + height, left + width), AZURE)
    spots = [(0, c) for c in range(left, left + width)] + [(9, c) for c in range(left, left + width)]
    spots += [(r, 0) for r in range(top, top + height)] + [(r, 9) for r in range(top, top + height)]
    targets = set()
    for index in rng.permutation(len(spots))[: rng.integers(3, 7)]:
        row, col = spots[index]
        target = (min(max(row, top), top + height - 1), min(max(col, left), left + width - 1))
        if target not in targets:
            targets.add(target)
            grid[row, col] = rng.choice([c for c in range(1, 10) if c != AZURE])
    return grid
