"""A shape has red cells stuck to one of its sides. The shape is mirrored over that side (the mirror
image covers the red cells), and the black background becomes green."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    main, marker_color = sorted(
        [color for color in palette(grid) if color != background], key=lambda color: -count_color(grid, color)
    )
    shape = object_from_mask(grid, grid == main)
    marker = object_from_mask(grid, grid == marker_color)
    top, left, bottom, right = shape.bbox
    marker_top, marker_left, marker_bottom, marker_right = marker.bbox
    if marker_left >= right:
        mirror = shape.flipped_horizontal().moved(0, shape.width)
    elif marker_right <= left:
        mirror = shape.flipped_horizontal().moved(0, -shape.width)
    elif marker_top >= bottom:
        mirror = shape.flipped_vertical().moved(shape.height, 0)
    else:
        mirror = shape.flipped_vertical().moved(-shape.height, 0)
    return paint_objects(make_grid(*grid.shape, GREEN), [shape, mirror])


def random_shape(rng):
    """A side-connected shape filling a 2x2 to 3x3 bounding box."""
    while True:
        shape = make_grid(int(rng.integers(2, 4)), int(rng.integers(2, 4)))
        shape[rng.random(shape.shape) < 0.6] = 1
        objects = find_objects(shape)
        if len(objects) == 1 and objects[0].bbox == (0, 0, *shape.shape):
            return shape


def generate_input(rng):
    shape = random_shape(rng) * rng.choice([1, 4, 6, 7, 8])
    quarter_turns = int(rng.integers(4))
    # Build with the marker on the right, then turn the whole picture.
    height, width = shape.shape
    picture = make_grid(height, 2 * width)
    picture[:, :width] = shape
    picture[:, width][shape[:, -1] != 0] = RED
    picture = rotate(picture, quarter_turns)
    grid = make_grid(10, 10)
    top = int(rng.integers(0, 11 - picture.shape[0]))
    left = int(rng.integers(0, 11 - picture.shape[1]))
    grid[top : top + picture.shape[0], left : left + picture.shape[1]] = picture
    return grid
