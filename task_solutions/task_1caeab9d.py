"""Three copies of a shape in red, blue and yellow sit at different heights; move the red and yellow copies
up or down so their tops line up with the blue copy's top."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = [object_from_mask(grid, grid == color) for color in palette(grid) if color != background]
    blue_top = object_from_mask(grid, grid == BLUE).top
    moved = [shape.moved(blue_top - shape.top, 0) for shape in shapes]
    return paint_objects(make_grid(*grid_shape(grid), background), moved)


def random_shape(rng, height, width):
    """A random 8-connected mask filling a height x width box."""
    while True:
        mask = rng.random((height, width)) < 0.7
        if mask.any(axis=0).all() and mask.any(axis=1).all():
            if len(find_objects(mask.astype(int), connectivity=8)) == 1:
                return mask


def generate_input(rng):
    height, width = int(rng.choice([5, 10])), 10
    shape_h, shape_w = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    if shape_h * shape_w == 1:
        shape_h = 2
    shape = random_shape(rng, shape_h, shape_w)
    gaps = rng.multinomial(width - 3 * shape_w, np.ones(4) / 4)
    lefts = [int(gaps[: i + 1].sum()) + i * shape_w for i in range(3)]
    while True:
        tops = rng.integers(0, height - shape_h + 1, size=3)
        if len(set(tops.tolist())) > 1:
            break
    grid = make_grid(height, width)
    for color, top, left in zip(rng.permutation([BLUE, RED, YELLOW]), tops, lefts, strict=True):
        grid = paint_object(grid, Object(shape, int(color), (int(top), left)))
    return grid
