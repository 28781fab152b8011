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
        for variant in orientations(shape.as_grid(background=background)):
            placed = fit_onto_markers(variant, shape.color, markers, background)
            while placed is not None:
                result = paint_object(result, placed)
                markers = erase_object(markers, placed, background=background)
                placed = fit_onto_markers(variant, shape.color, markers, background)
    return result


def fit_onto_markers(shape, body_color, markers, background):
    """The shape grid placed (as an object) so that each cell neither background nor body colour lands on a
    marker of that colour; None if it fits nowhere."""
    keys = [(row, col) for row, col in np.argwhere((shape != background) & (shape != body_color))]
    first_row, first_col = keys[0]
    for row, col in np.argwhere(markers == shape[first_row, first_col]):
        top, left = row - first_row, col - first_col
        cells = [(top + key_row, left + key_col) for key_row, key_col in keys]
        if all(0 <= r < markers.shape[0] and 0 <= c < markers.shape[1] for r, c in cells):
            if all(markers[r, c] == shape[k] for (r, c), k in zip(cells, keys, strict=True)):
                return object_from_mask(shape, shape != background).moved(top, left)
    return None


GENERATOR_EXEMPTIONS = {"colors": "the body and marker colours may be any colours; the real inputs miss some"}


TEMPLATE_DRAWS = 16  # candidate boxes drawn and labelled together
MAX_TEMPLATE_SIDES = (6, 5)


def spanning_blobs(rng):
    """Endless side-connected shapes with 7..12 cells filling a 3..6 x 3..5 box: in each box drawn at random
    (55% of cells set) the largest blob, kept only when it spans the whole box."""
    max_height, max_width = MAX_TEMPLATE_SIDES
    while True:
        heights = rng.integers(3, max_height + 1, size=TEMPLATE_DRAWS)
        widths = rng.integers(3, max_width + 1, size=TEMPLATE_DRAWS)
        # the boxes side by side in one strip, an empty column after each, so one labelling finds every blob
        rows, cols = np.arange(max_height)[:, None, None], np.arange(max_width + 1)
        inside = (rows < heights[:, None]) & (cols < widths[:, None])
        strip = ((rng.random(inside.shape) < 0.55) & inside).reshape(max_height, -1)
        heights, widths = heights.tolist(), widths.tolist()
        blobs_by_draw = {}
        for blob in find_objects(strip.astype(np.int8)):
            blobs_by_draw.setdefault(blob.left // (max_width + 1), []).append(blob)
        for draw, blobs in sorted(blobs_by_draw.items()):
            box = (heights[draw], widths[draw])
            spanning = [blob for blob in blobs if (blob.height, blob.width) == box]  # one at most
            if spanning and largest_object(blobs) is spanning[0] and 7 <= spanning[0].size <= 12:
                yield spanning[0].moved_to(0, 0)


def random_template(rng, blobs, body_color, marker_colors):
    """The next of blobs (see spanning_blobs) with three non-collinear cells in the marker colours."""
    for blob in blobs:
        cells = blob.cells
        keys = [cells[int(index)] for index in rng.choice(len(cells), size=3, replace=False)]
        (r1, c1), (r2, c2), (r3, c3) = keys
        if (r2 - r1) * (c3 - c1) != (r3 - r1) * (c2 - c1):
            pixels = paint_cells(make_grid(blob.height, blob.width), cells, body_color)
            for key, color in zip(keys, marker_colors, strict=True):
                pixels = paint_cells(pixels, [key], int(color))
            return Object(blob.mask, pixels)


def random_orientation(rng, shape):
    """The shape in one of its eight rotations and mirror images, at random."""
    turn = int(rng.integers(8))
    return (shape.flipped_horizontal() if turn >= 4 else shape).rotated(turn % 4)


def random_free_spot(rng, shape, grid_shape, boxes):
    """A copy of shape moved to a random spot whose box keeps a gap from every box in boxes, or None."""
    tops = np.arange(grid_shape[0] - shape.height + 1)[:, None]
    lefts = np.arange(grid_shape[1] - shape.width + 1)
    free = np.ones((len(tops), len(lefts)), dtype=bool)
    for top, left, bottom, right in boxes:
        free &= (tops + shape.height < top) | (bottom < tops) | (lefts + shape.width < left) | (right < lefts)
    spots = np.flatnonzero(free)
    if len(spots) == 0:
        return None
    return shape.moved_to(*divmod(int(spots[rng.integers(len(spots))]), len(lefts)))


def may_fit_elsewhere(markers):
    """Whether some triangle of lone markers, one cell of each colour from any target, has the side lengths
    of a target's own triangle (markers: targets x colours x (row, col)). Only then can a shape's markers
    fit anywhere but on its own target."""
    count = len(markers)
    picks = np.indices((count, count, count)).reshape(3, -1).T  # which target each colour's cell is from
    triangles = markers[picks, np.arange(3)]
    sides = ((triangles - np.roll(triangles, 1, axis=1)) ** 2).sum(axis=2)
    own_sides = [sides[(picks == target).all(axis=1)][0] for target in range(count)]
    return sum(int((sides == side).all(axis=1).sum()) for side in own_sides) > count


def generate_input(rng):
    height, width = int(rng.integers(14, 25)), int(rng.integers(14, 20))
    body_color, *marker_colors = (int(color) for color in rng.choice(range(1, 10), size=4, replace=False))
    while True:
        grid, expected, boxes, markers = make_grid(height, width), make_grid(height, width), [], []
        shape_count, blobs = int(rng.integers(1, 3)), spanning_blobs(rng)
        for _ in range(shape_count):
            template = random_template(rng, blobs, body_color, marker_colors)
            source = random_free_spot(rng, template, grid.shape, boxes)
            boxes += [source.bbox] if source else []
            target = random_free_spot(rng, random_orientation(rng, template), grid.shape, boxes)
            if source is None or target is None:
                break
            boxes.append(target.bbox)
            lone = target.mask & (target.pixels != body_color)
            grid = paint_object(grid, source)
            grid = paint_object(grid, Object(lone, target.pixels, target.position))
            expected = paint_object(expected, target)
            markers.append(
                [np.argwhere(target.pixels == color)[0] + target.position for color in marker_colors]
            )
        else:
            # a shape fits its own target in one way only (three markers of distinct colours, not in a line);
            # when it may fit elsewhere too, the program must still find every shape's own target
            if not may_fit_elsewhere(np.array(markers)) or grids_equal(transform(grid), expected):
                return grid
