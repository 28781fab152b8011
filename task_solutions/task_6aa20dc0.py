"""A small multi-coloured motif shows how its corner colours sit around its main colour. Elsewhere the corner
colours appear alone, possibly enlarged, rotated or mirrored; complete each such copy with the main colour."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = find_objects(grid, single_color=False, background=background, connectivity=8)
    motif = crop(grid, max(shapes, key=lambda shape: len(shape.colors)))
    main = most_common_color(motif, exclude=background)
    result = copy_grid(grid)
    for scale in {shape.height for shape in shapes}:
        for variant in orientations(upscale(motif, scale)):
            for row, col in find_pattern(grid, replace_color(variant, main, background)):
                result = paint_object(result, object_from_mask(variant, variant == main).moved(row, col))
    return result


def random_motif(rng, background, main, corners):
    while True:
        upper = np.where(rng.random((3, 3)) < 0.6, main, background)
        motif = np.triu(upper) + np.triu(upper, 1).T
        motif[0, 0], motif[2, 2] = corners
        shapes = find_objects(motif, single_color=False, background=background, connectivity=8)
        if len(shapes) == 1 and count_color(motif, main) >= 3:
            return orientations(motif.astype(np.int8))[int(rng.integers(8))]


def free_spot(rng, taken, height, width, size):
    for _ in range(100):
        top, left = int(rng.integers(0, height - size + 1)), int(rng.integers(0, width - size + 1))
        box = (top, left, top + size, left + size)
        if all(box[0] > b[2] or b[0] > box[2] or box[1] > b[3] or b[1] > box[3] for b in taken):
            return box
    return None


GENERATOR_EXEMPTIONS = {"colors": "background, main and corner colours may be any; the real inputs show six"}


def generate_input(rng):
    while True:
        height, width = int(rng.integers(20, 23)), int(rng.integers(19, 23))
        background, main, first, second = (int(c) for c in rng.choice(10, size=4, replace=False))
        motif = random_motif(rng, background, main, (first, second))
        grid, expected, boxes = make_grid(height, width, background), make_grid(height, width, background), []
        scales = [int(s) for s in rng.choice([1, 2, 3], size=int(rng.integers(1, 4)))]
        for index, scale in enumerate([1, *scales]):
            box = free_spot(rng, boxes, height, width, 3 * scale)
            if box is None:
                break
            boxes.append(box)
            variant = upscale(motif if index == 0 else orientations(motif)[int(rng.integers(8))], scale)
            shown = variant != background if index == 0 else np.isin(variant, [first, second])
            grid = paint_object(grid, object_from_mask(variant, shown).moved(*box[:2]))
            expected = paint_object(
                expected, object_from_mask(variant, variant != background).moved(*box[:2])
            )
        if len(boxes) == len(scales) + 1 and grids_equal(transform(grid), expected):
            return grid
