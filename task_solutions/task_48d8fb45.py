"""Several small shapes of one colour are scattered; a grey cell marks one of them from directly above.
The output is the marked shape cut out."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shapes may have any colour"}


def transform(grid):
    row, col = np.argwhere(grid == GRAY)[0]
    shapes = find_objects(replace_color(grid, GRAY, BLACK), connectivity=8)
    return object_at(shapes, (int(row) + 1, int(col))).as_grid()


def random_shape(rng):
    """An 8-connected random shape filling a 3x3 box."""
    while True:
        mask = rng.random((3, 3)) < 0.55
        if not (mask.any(axis=0).all() and mask.any(axis=1).all()):
            continue  # an empty row or column: no single shape can fill the box
        blobs = find_objects(mask.astype(int), connectivity=8)
        if len(blobs) == 1 and blobs[0].bbox == (0, 0, 3, 3):
            return mask


def generate_input(rng):
    color = int(rng.choice([c for c in range(1, 10) if c != GRAY]))
    while True:
        grid = make_grid(10, 10)
        taken = np.zeros((10, 10), dtype=bool)
        corners = []
        for _ in range(int(rng.integers(2, 4))):
            top, left = int(rng.integers(1, 8)), int(rng.integers(0, 8))
            if np.any(taken[top - 1 : top + 4, max(left - 1, 0) : left + 4]):
                break
            taken[top - 1 : top + 4, max(left - 1, 0) : left + 4] = True
            corners.append((top, left))
        else:  # the shapes are drawn once their 3x3 boxes have found room
            shapes = [Object(random_shape(rng), color, corner) for corner in corners]
            marked = shapes[int(rng.integers(0, len(shapes)))]
            heads = [(r, c) for r, c in marked.cells if r == marked.top]
            head = heads[int(rng.integers(0, len(heads)))]
            grid = paint_objects(grid, shapes)
            return paint_cells(grid, [(head[0] - 1, head[1])], GRAY)
