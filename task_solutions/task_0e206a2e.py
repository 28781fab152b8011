"""Each shape carries a few cells of marker colours; elsewhere lone marker cells form the same pattern,
possibly turned or mirrored. Every shape is moved (turned or mirrored as needed) so its markers cover the
lone ones."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    pieces = find_objects(grid, single_color=False, background=background)
    shapes = [piece for piece in pieces if 1 < len(piece.colors) < piece.size]
    markers = paint_objects(copy_grid(grid), shapes, background)
    result = make_grid(*grid.shape, background)
    for shape in shapes:
        for variant in orientations(shape):
            placed = fit_onto_markers(variant, markers)
            while placed is not None:
                result = paint_object(result, placed)
                markers = erase_object(markers, placed, background=background)
                placed = fit_onto_markers(variant, markers)
    return result


def orientations(shape):
    """The shape in all eight rotations and mirror images."""
    return [base.rotated(turns) for base in (shape, shape.flipped_horizontal()) for turns in range(4)]


def fit_onto_markers(shape, markers):
    """The shape moved so that every cell not of its main colour lands on a marker of that colour, or None."""
    keys = [(row, col) for row, col in np.argwhere(shape.mask & (shape.pixels != shape.color))]
    first_row, first_col = keys[0]
    for row, col in np.argwhere(markers == shape.pixels[first_row, first_col]):
        top, left = row - first_row, col - first_col
        cells = [(top + key_row, left + key_col) for key_row, key_col in keys]
        if all(0 <= r < markers.shape[0] and 0 <= c < markers.shape[1] for r, c in cells):
            if all(markers[r, c] == shape.pixels[k] for (r, c), k in zip(cells, keys, strict=True)):
                return shape.moved_to(top, left)
    return None


GENERATOR_EXEMPTIONS = {"colors": "the body and marker colours may be any colours; the real inputs miss some"}


def random_template(rng, body_color, marker_colors):
    """A side-connected shape filling its box, with three non-collinear cells in the marker colours."""
    while True:
        height, width = int(rng.integers(3, 7)), int(rng.integers(3, 6))
        cells = rng.random((height, width)) < 0.55
        if cells.sum() < 7 or not (cells.any(axis=0).all() and cells.any(axis=1).all()):
            continue  # too few cells, or an empty row or column: no shape can fill the box
        blobs = find_objects(cells.astype(int))
        blob = largest_object(blobs)
        if (blob.height, blob.width) != (height, width) or not 7 <= blob.size <= 12:
            continue
        cells = blob.cells
        keys = [cells[int(index)] for index in rng.choice(len(cells), size=3, replace=False)]
        (r1, c1), (r2, c2), (r3, c3) = keys
        if (r2 - r1) * (c3 - c1) != (r3 - r1) * (c2 - c1):
            pixels = paint_cells(make_grid(height, width), cells, body_color)
            for key, color in zip(keys, marker_colors, strict=True):
                pixels = paint_cells(pixels, [key], int(color))
            return Object(blob.mask, pixels)


def random_free_spot(rng, shape, grid_shape, boxes):
    """A copy of shape moved to a random spot whose box keeps a gap from every box in boxes, or None."""
    for _ in range(50):
        top = int(rng.integers(0, grid_shape[0] - shape.height + 1))
        left = int(rng.integers(0, grid_shape[1] - shape.width + 1))
        moved = shape.moved_to(top, left)
        if all(boxes_apart(moved.bbox, box) for box in boxes):
            return moved
    return None


def boxes_apart(first, second):
    """True when the two (top, left, bottom, right) boxes neither overlap nor touch."""
    return first[2] < second[0] or second[2] < first[0] or first[3] < second[1] or second[3] < first[1]


def generate_input(rng):
    height, width = int(rng.integers(14, 25)), int(rng.integers(14, 20))
    body_color, *marker_colors = (int(color) for color in rng.choice(range(1, 10), size=4, replace=False))
    while True:
        grid, expected, boxes = make_grid(height, width), make_grid(height, width), []
        for _ in range(int(rng.integers(1, 3))):
            template = random_template(rng, body_color, marker_colors)
            source = random_free_spot(rng, template, grid.shape, boxes)
            boxes += [source.bbox] if source else []
            target = random_free_spot(rng, orientations(template)[int(rng.integers(0, 8))], grid.shape, boxes)
            if source is None or target is None:
                break
            boxes.append(target.bbox)
            markers = [cell for cell in target.cells if grid_value(target, cell) != body_color]
            grid = paint_object(grid, source)
            for cell in markers:
                grid = paint_cells(grid, [cell], grid_value(target, cell))
            expected = paint_object(expected, target)
        else:
            if grids_equal(transform(grid), expected):
                return grid


def grid_value(shape, cell):
    """The colour of the shape at grid cell (row, col)."""
    return int(shape.pixels[cell[0] - shape.top, cell[1] - shape.left])
