"""A red square frame and a small 3x3 shape: the output is the frame with the shape enlarged to fill its
inside exactly."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    frame = largest_object(objects_of_color(find_objects(grid), RED))
    shape = crop(grid, bounding_box((grid != BLACK) & (grid != RED)))
    return pad(upscale(shape, (frame.height - 2) // shape.shape[0]), 1, RED)


GENERATOR_EXEMPTIONS = {"colors": "the shape may have any colour but red; the real inputs show four"}


def boxes_apart(first, second):
    return first[0] > second[2] or second[0] > first[2] or first[1] > second[3] or second[1] > first[3]


def generate_input(rng):
    while True:
        height, width = int(rng.integers(18, 25)), int(rng.integers(21, 27))
        size = 3 * int(rng.integers(1, 5)) + 2
        mask = rng.random((3, 3)) < 0.55
        if not np.any(mask) or bounding_box(mask) != (0, 0, 3, 3):
            continue
        if len(find_objects(mask.astype(np.int8), connectivity=8)) > 1:
            continue
        top, left = int(rng.integers(0, height - size + 1)), int(rng.integers(0, width - size + 1))
        frame = (top, left, top + size, left + size)
        top, left = int(rng.integers(0, height - 2)), int(rng.integers(0, width - 2))
        if boxes_apart(frame, (top, left, top + 3, left + 3)):
            shape = object_from_mask(mask.astype(np.int8), mask).moved(top, left)
            color = int(rng.choice([1, 3, 4, 5, 6, 7, 8, 9]))
            return paint_object(draw_outline(make_grid(height, width), frame, RED), shape, color)
