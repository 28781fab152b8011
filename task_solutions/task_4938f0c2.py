"""A shape touches one corner of a 2x2 square; it is mirrored across the square's middle row and column,
so four copies sit around the square, one in each corner."""

from omniarc.dsl import *


def transform(grid):
    block = next(obj for obj in find_objects(grid) if obj.is_rectangle and obj.height == obj.width == 2)
    rest = erase_object(grid, block)
    shape = object_from_mask(rest, rest != BLACK)
    mirror_top = 2 * block.top + 2 - shape.top - shape.height
    mirror_left = 2 * block.left + 2 - shape.left - shape.width
    upside_down = shape.flipped_vertical().moved_to(mirror_top, shape.left)
    sideways = shape.flipped_horizontal().moved_to(shape.top, mirror_left)
    opposite = upside_down.flipped_horizontal().moved_to(mirror_top, mirror_left)
    return paint_objects(grid, [upside_down, sideways, opposite])


def random_corner_shape(rng):
    """An 8-connected shape filling its box, with its bottom-right cell set."""
    while True:
        height, width = int(rng.integers(3, 5)), int(rng.integers(3, 5))
        mask = rng.random((height, width)) < 0.55
        mask[-1, -1] = True
        blobs = find_objects(mask.astype(int), connectivity=8)
        if len(blobs) == 1 and blobs[0].bbox == (0, 0, height, width):
            return mask


def generate_input(rng):
    shape = random_corner_shape(rng)
    height, width = shape.shape
    figure = make_grid(2 * height + 2, 2 * width + 2)
    figure = paint_object(figure, Object(shape, RED))
    figure = fill_box(figure, (height, width, height + 2, width + 2), GREEN)
    if rng.random() < 0.15:
        figure = transform(figure)
    figure = flip_horizontal(figure) if rng.random() < 0.5 else figure
    figure = flip_vertical(figure) if rng.random() < 0.5 else figure
    grid_h, grid_w = int(rng.integers(10, 21)), int(rng.integers(10, 31))
    top = int(rng.integers(0, grid_h - figure.shape[0] + 1))
    left = int(rng.integers(0, grid_w - figure.shape[1] + 1))
    return paint_object(make_grid(grid_h, grid_w), Object(figure != BLACK, figure, (top, left)))
