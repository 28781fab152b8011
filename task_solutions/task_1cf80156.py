"""Cut out the single coloured shape: the output is the shape's bounding box."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the shape may have any colour"}


def transform(grid):
    return crop_to_content(grid, background=background_color(grid))


def generate_input(rng):
    while True:
        height, width = int(rng.integers(3, 6)), int(rng.integers(3, 7))
        shape = rng.random((height, width)) < 0.55
        shape_grid = shape.astype(int)
        if shape.any(axis=0).all() and shape.any(axis=1).all() and len(find_objects(shape_grid)) == 1:
            break
    grid_h, grid_w = int(rng.integers(10, 13)), 12
    top, left = int(rng.integers(0, grid_h - height + 1)), int(rng.integers(0, grid_w - width + 1))
    return paint_object(make_grid(grid_h, grid_w), Object(shape, int(rng.integers(1, 10)), (top, left)))
