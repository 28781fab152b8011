"""A shape touches one corner of a small symmetric X; it is mirrored across the X's middle row and column,
so four copies surround the X, one at each corner."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the X and the shape may have any two colours"}


def transform(grid):
    parts = find_objects(grid, connectivity=8)
    centre = next(p for p in parts if symmetries(p.as_grid())[:2] == ["horizontal", "vertical"])
    rest = erase_object(grid, centre)
    shape = object_from_mask(rest, rest != BLACK)
    mirror_top = 2 * centre.top + centre.height - shape.top - shape.height
    mirror_left = 2 * centre.left + centre.width - shape.left - shape.width
    upside_down = shape.flipped_vertical().moved_to(mirror_top, shape.left)
    sideways = shape.flipped_horizontal().moved_to(shape.top, mirror_left)
    opposite = upside_down.flipped_horizontal().moved_to(mirror_top, mirror_left)
    return paint_objects(grid, [upside_down, sideways, opposite])


def random_corner_shape(rng):
    """An 8-connected shape filling its box, with its bottom-right cell set, not symmetric both ways."""
    while True:
        height, width = int(rng.integers(3, 5)), int(rng.integers(3, 5))
        mask = rng.random((height, width)) < 0.55
        mask[-1, -1] = True
        blobs = find_objects(mask.astype(int), connectivity=8)
        if (
            len(blobs) == 1
            and blobs[0].bbox == (0, 0, height, width)
            and not (np.all(mask == mask[::-1]) and np.all(mask == mask[:, ::-1]))
        ):
            return mask


def generate_input(rng):
    shape_color, centre_color = (int(c) for c in rng.choice(range(1, 10), size=2, replace=False))
    shape = random_corner_shape(rng)
    height, width = shape.shape
    figure = make_grid(height + 3, width + 3)
    figure = paint_object(figure, Object(shape, shape_color))
    cross = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=bool)
    figure = paint_object(figure, Object(cross, centre_color, (height, width)))
    mirrored_rows, mirrored_cols = rng.random() < 0.5, rng.random() < 0.5
    figure = flip_vertical(figure) if mirrored_rows else figure
    figure = flip_horizontal(figure) if mirrored_cols else figure
    size = int(rng.integers(12, 16))
    top = int(rng.integers(0, size - 2 * height - 2)) + height * mirrored_rows
    left = int(rng.integers(0, size - 2 * width - 2)) + width * mirrored_cols
    return paint_object(make_grid(size, size), Object(figure != BLACK, figure, (top, left)))
