"""One blue shape carries red marker cells; every other red square (or matching set of red squares) is such
a marker blown up, and the blue shape is drawn around it at the same scale, cut off at the grid's edge."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    parts = find_objects(grid, connectivity=8, single_color=False)
    template = next(part for part in parts if len(part.colors) == 2)
    marker = next(c for c in template.colors if count_color(grid, c) > count_color(template.pixels, c))
    body = next(c for c in template.colors if c != marker)
    keys = np.argwhere(template.pixels == marker)
    targets = [
        obj for obj in find_objects(grid) if obj.color == marker and not objects_overlap(obj, template)
    ]
    result = copy_grid(grid)
    for target in targets:
        scale = target.height
        for key_row, key_col in keys:
            top, left = target.top - scale * key_row, target.left - scale * key_col
            if all(is_marker_block(grid, top + scale * r, left + scale * c, scale, marker) for r, c in keys):
                stamp = upscale(template.pixels, scale) == body
                result = paint_object(result, Object(stamp, body, (int(top), int(left))))
    return result


def is_marker_block(grid, top, left, scale, marker):
    block = grid[max(top, 0) : top + scale, max(left, 0) : left + scale]
    return top >= 0 and left >= 0 and block.shape == (scale, scale) and np.all(block == marker)


def is_solid_blob(shape):
    """True when the cells touch every row and column of the box, number at least 3 and form one piece."""
    if shape.sum() < 3 or not shape.any(axis=0).all() or not shape.any(axis=1).all():
        return False
    return len(find_objects(shape.astype(int))) == 1


def cells_beside(mask):
    """Cells outside the mask sharing a side with a mask cell."""
    near = np.zeros_like(mask)
    near[1:] |= mask[:-1]
    near[:-1] |= mask[1:]
    near[:, 1:] |= mask[:, :-1]
    near[:, :-1] |= mask[:, 1:]
    return near & ~mask


def random_template(rng):
    """A small connected blue shape with one or two red cells beside it (not beside each other)."""
    while True:
        # one draw for the box size (1..3 x 1..4) and its cells (each filled with chance 0.7)
        draws = rng.random(14)
        shape = (draws[2:] < 0.7).reshape(3, 4)[: 1 + int(draws[0] * 3), : 1 + int(draws[1] * 4)]
        if not is_solid_blob(shape):
            continue
        pixels = pad(shape.astype(int) * BLUE, 1)
        free = np.argwhere(cells_beside(pixels == BLUE))
        chosen = free[rng.permutation(len(free))[: int(rng.integers(1, 3))]]
        if len(chosen) == 2 and np.abs(chosen[0] - chosen[1]).sum() == 1:
            continue
        pixels[chosen[:, 0], chosen[:, 1]] = RED
        return crop_to_content(pixels)


MARGIN = 18  # room around the grid for a blown-up template cut off at the edge (at most 3 x 6 cells)


def generate_input(rng):
    template = random_template(rng)
    keys = np.argwhere(template == RED)
    first_key, last_key = keys.min(axis=0), keys.max(axis=0) + 1
    while True:
        height, width = int(rng.integers(14, 18)), int(rng.integers(12, 22))
        grid = np.zeros((height + 2 * MARGIN, width + 2 * MARGIN), dtype=np.int8)
        expected, taken = grid.copy(), np.zeros((height, width), dtype=bool)
        copies = int(rng.integers(1, 3 if len(keys) == 2 else 4))
        for index, scale in enumerate([1, *rng.integers(1, 4, size=copies)]):
            size = np.array(template.shape) * scale
            if index:  # only the red marker is shown, and it must lie inside the grid
                low, high = -first_key * scale, (height, width) - last_key * scale
            else:
                low, high = np.zeros(2, dtype=int), (height, width) - size
            if np.any(high < low):
                break
            top, left = rng.integers(low, high + 1)
            bottom, right = top + size[0], left + size[1]
            if taken[max(top - 1, 0) : bottom + 1, max(left - 1, 0) : right + 1].any():
                break
            taken[max(top - 1, 0) : bottom + 1, max(left - 1, 0) : right + 1] = True
            stamp = upscale(template, scale)
            shown = np.where(stamp == RED, stamp, 0) if index else stamp
            area = (slice(top + MARGIN, bottom + MARGIN), slice(left + MARGIN, right + MARGIN))
            np.copyto(grid[area], shown, where=shown > 0)
            np.copyto(expected[area], stamp, where=stamp > 0)
        else:
            grid, expected = grid[MARGIN:-MARGIN, MARGIN:-MARGIN], expected[MARGIN:-MARGIN, MARGIN:-MARGIN]
            if len(keys) == 1 or grids_equal(transform(grid), expected):  # one red cell matches one way only
                return grid
