"""Among scattered single noise cells lies one solid shape; the output is that shape cut out."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shape and the noise may use any colours"}


def transform(grid):
    background = background_color(grid)
    return largest_object(find_objects(grid, background=background)).as_grid(background)


def generate_input(rng):
    colors = rng.permutation(range(1, 10))
    noise = colors[1 : rng.integers(2, 5)]
    while True:
        height, width = int(rng.integers(3, 6)), int(rng.integers(3, 5))
        shape = rng.random((height, width)) < 0.8
        if shape.any(axis=0).all() and shape.any(axis=1).all() and shape.sum() >= 7:
            if len(find_objects(shape.astype(int))) == 1:
                break
    grid = np.where(rng.random((30, 30)) < rng.uniform(0.06, 0.12), rng.choice(noise, size=(30, 30)), BLACK)
    top, left = int(rng.integers(1, 29 - height)), int(rng.integers(1, 29 - width))
    grid = fill_box(grid, (top - 1, left - 1, top + height + 1, left + width + 1), BLACK)
    grid = paint_object(grid, Object(shape, int(colors[0]), (top, left)))
    # no noise blob may be as big as the shape (blobs whose box holds fewer cells cannot be)
    shape_size = int(shape.sum())
    blobs = [blob for blob in find_objects(grid, connectivity=8) if blob.height * blob.width >= shape_size]
    if all(blob.size < shape_size for blob in blobs if blob.color != colors[0]):
        return grid
    return generate_input(rng)
