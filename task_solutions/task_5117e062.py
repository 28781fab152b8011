"""Among several small shapes, one has an azure cell in its middle; the output is that shape cut out, with
the azure cell in the shape's own colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shapes may have any colours other than azure"}


def transform(grid):
    shapes = find_objects(grid, connectivity=8, single_color=False)
    marked = next(shape for shape in shapes if AZURE in shape.colors)
    return replace_color(marked.as_grid(), AZURE, most_common_color(marked.as_grid(), exclude=[BLACK, AZURE]))


def random_shape(rng):
    """An 8-connected shape filling a 3x3 box, with its centre cell set."""
    while True:
        mask = rng.random((3, 3)) < 0.6
        mask[1, 1] = True
        if bounding_box(mask) == (0, 0, 3, 3) and np.sum(mask) >= 5:
            return mask


def generate_input(rng):
    colors = rng.choice([c for c in range(1, 10) if c != AZURE], size=int(rng.integers(3, 5)), replace=False)
    while True:
        grid = make_grid(13, 13)
        for index, color in enumerate(colors):
            for _ in range(50):
                top, left = int(rng.integers(0, 11)), int(rng.integers(0, 11))
                if not np.any(grid[max(top - 1, 0) : top + 4, max(left - 1, 0) : left + 4]):
                    break
            else:
                break
            shape = Object(random_shape(rng), int(color), (top, left))
            grid = paint_object(grid, shape)
            if index == 0:
                grid = paint_cells(grid, [(top + 1, left + 1)], AZURE)
        else:
            return grid
