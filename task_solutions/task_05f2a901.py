"""The red shape slides straight towards the azure 2x2 square until it touches it."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = [object_from_mask(grid, grid == color) for color in palette(grid) if color != background]
    square = [shape for shape in shapes if shape.is_rectangle][0]
    mover = [shape for shape in shapes if shape.color != square.color][0]
    if mover.bbox[2] <= square.top:
        direction = "down"
    elif mover.top >= square.bbox[2]:
        direction = "up"
    else:
        direction = "right" if mover.left < square.left else "left"
    return move_object_until_blocked(grid, mover, direction, background=background)


def random_blob(rng, height, width):
    """A side-connected boolean shape filling a height x width box: random cells grown from one seed."""
    while True:
        mask = rng.random((height, width)) < 0.6
        if not (mask.any(axis=0).all() and mask.any(axis=1).all()):
            continue  # an empty row or column: no single shape can fill the box
        blobs = find_objects(mask.astype(int))
        if blobs:
            blob = largest_object(blobs)
            if blob.height == height and blob.width == width and blob.size >= height + width - 1:
                return blob.mask


def generate_input(rng):
    height, width = int(rng.integers(9, 15)), int(rng.integers(9, 11))
    while True:
        shape = Object(random_blob(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5))), RED)
        shape = shape.moved_to(
            int(rng.integers(0, height - shape.height + 1)), int(rng.integers(0, width - shape.width + 1))
        )
        top, left = int(rng.integers(0, height - 1)), int(rng.integers(0, width - 1))
        rows_overlap = shape.top < top + 2 and top < shape.bbox[2]
        cols_overlap = shape.left < left + 2 and left < shape.bbox[3]
        rows_apart = shape.bbox[2] < top or top + 2 < shape.top
        cols_apart = shape.bbox[3] < left or left + 2 < shape.left
        if (rows_overlap and cols_apart) or (cols_overlap and rows_apart):
            return paint_object(
                fill_box(make_grid(height, width), (top, left, top + 2, left + 2), AZURE), shape
            )
