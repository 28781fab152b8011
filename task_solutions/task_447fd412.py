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


def random_template(rng):
    """A small connected blue shape with one or two red cells beside it (not beside each other)."""
    while True:
        height, width = int(rng.integers(1, 4)), int(rng.integers(1, 5))
        shape = rng.random((height, width)) < 0.7
        blobs = find_objects(shape.astype(int))
        if len(blobs) != 1 or blobs[0].size < 3 or blobs[0].bbox != (0, 0, height, width):
            continue
        pixels = pad(shape.astype(int) * BLUE, 1)
        free = [
            (r, c)
            for r, c in np.argwhere(pixels == BLACK)
            if any(
                pixels[r + dr, c + dc] == BLUE
                for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))
                if 0 <= r + dr < height + 2 and 0 <= c + dc < width + 2
            )
        ]
        count = int(rng.integers(1, 3))
        chosen = [free[int(i)] for i in rng.choice(len(free), size=count, replace=False)]
        if count == 2 and abs(chosen[0][0] - chosen[1][0]) + abs(chosen[0][1] - chosen[1][1]) == 1:
            continue
        return crop_to_content(paint_cells(pixels, [(int(r), int(c)) for r, c in chosen], RED))


def generate_input(rng):
    template = random_template(rng)
    keys = np.argwhere(template == RED)
    while True:
        height, width = int(rng.integers(14, 18)), int(rng.integers(12, 22))
        grid, expected = make_grid(height, width), make_grid(height, width)
        taken = np.zeros((height, width), dtype=bool)
        copies = int(rng.integers(1, 3 if len(keys) == 2 else 4))
        scales = [1] + [int(rng.integers(1, 4)) for _ in range(copies)]
        for index, scale in enumerate(scales):
            stamp = upscale(template, scale)
            low = -min(keys[:, 0]) * scale if index else 0
            low_col = -min(keys[:, 1]) * scale if index else 0
            high = height - (max(keys[:, 0]) + 1) * scale if index else height - stamp.shape[0]
            high_col = width - (max(keys[:, 1]) + 1) * scale if index else width - stamp.shape[1]
            if high < low or high_col < low_col:
                break
            top, left = int(rng.integers(low, high + 1)), int(rng.integers(low_col, high_col + 1))
            box = (max(top - 1, 0), max(left - 1, 0), top + stamp.shape[0] + 1, left + stamp.shape[1] + 1)
            if np.any(taken[box[0] : box[2], box[1] : box[3]]):
                break
            taken[box[0] : box[2], box[1] : box[3]] = True
            marker = Object(stamp == RED, RED, (top, left))
            grid = paint_object(grid, marker if index else Object(stamp > 0, stamp, (top, left)))
            expected = paint_object(expected, Object(stamp > 0, stamp, (top, left)))
        else:
            if grids_equal(transform(grid), expected):
                return grid
