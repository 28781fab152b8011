"""A noisy grid holds one rectangular frame of a single colour; the output is the content inside the frame."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the frame and the noise may use any colours"}


def is_frame(obj):
    return min(obj.height, obj.width) > 2 and np.all(obj.mask[[0, -1]]) and np.all(obj.mask[:, [0, -1]])


def transform(grid):
    frame = largest_object([obj for obj in find_objects(grid, background=None) if is_frame(obj)])
    top, left, bottom, right = frame.bbox
    return crop(grid, (top + 1, left + 1, bottom - 1, right - 1))


def generate_input(rng):
    height, width = int(rng.integers(13, 24)), int(rng.integers(16, 22))
    colors = rng.permutation(range(1, 10))
    noise = [BLACK, *colors[: rng.integers(3, 5)]]
    weights = rng.dirichlet(np.ones(len(noise)) * 3)
    grid = rng.choice(noise, size=(height, width), p=weights)
    inner_h, inner_w = int(rng.integers(3, min(10, height - 3))), int(rng.integers(3, min(11, width - 3)))
    top, left = int(rng.integers(0, height - inner_h - 1)), int(rng.integers(0, width - inner_w - 1))
    return draw_outline(grid, (top, left, top + inner_h + 2, left + inner_w + 2), colors[-1])
