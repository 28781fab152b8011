"""A left-right symmetric shape is partly hidden under a solid rectangle of another colour. Remove the
rectangle and restore the hidden part of the shape by mirroring its visible half."""

import numpy as np
from omniarc.dsl import *


def mirror_line(visible, hidden):
    """(matches, twice the column) of the vertical mirror line mapping every visible cell onto a visible or
    hidden cell, choosing the one that matches most visible cells with each other (-1 matches if none)."""
    width = visible.shape[1]
    rows, cols = np.nonzero(visible)
    mirrored = np.arange(2 * width - 1)[:, None] - cols  # one row per candidate line (twice its column)
    inside = np.all((mirrored >= 0) & (mirrored < width), axis=1)
    mirrored = mirrored.clip(0, width - 1)
    onto_visible = visible[rows, mirrored]
    fits = inside & np.all(onto_visible | hidden[rows, mirrored], axis=1)
    matches = np.where(fits, onto_visible.sum(axis=1), -1)
    return int(matches.max()), int(matches.argmax())


def transform(grid):
    background = background_color(grid)
    colors = [color for color in palette(grid) if color != background]
    cover = [color for color in colors if object_from_mask(grid, grid == color).is_rectangle][0]
    shape = [color for color in colors if color != cover][0]
    works = (grid, transpose(grid))
    options = [(mirror_line(work == shape, work == cover), turned) for turned, work in enumerate(works)]
    (_, doubled), turned = max(options, key=lambda option: option[0][0])
    work = works[turned]
    rows, cols = np.nonzero(work == shape)
    result = make_grid(*work.shape, background)
    result[rows, cols] = shape
    result[rows, doubled - cols] = shape  # the mirror image
    return transpose(result) if turned else result


def generate_input(rng):
    while True:
        shape_color, cover_color = rng.choice([1, 2, 3, 5, 6, 8], size=2, replace=False)
        height, half = int(rng.integers(5, 9)), int(rng.integers(3, 6))
        left_half = make_grid(height, half)
        left_half[rng.random((height, half)) < 0.55] = shape_color
        odd_middle = rng.random() < 0.5
        right_half = flip_horizontal(left_half)[:, 1:] if odd_middle else flip_horizontal(left_half)
        shape = concatenate_horizontal([left_half, right_half])
        if len(find_objects(shape, connectivity=8)) != 1 or crop_to_content(shape).shape != shape.shape:
            continue
        full = make_grid(16, 16)
        top, left = int(rng.integers(1, 16 - height)), int(rng.integers(1, 16 - shape.shape[1]))
        full[top : top + height, left : left + shape.shape[1]] = shape
        cover_height, cover_width = int(rng.integers(3, 6)), int(rng.integers(3, 5))
        cover_top = int(rng.integers(top, top + height - cover_height + 1))
        axis = left + shape.shape[1] // 2  # the middle column, or the first one right of the mirror line
        cover_left = axis + int(odd_middle) if rng.random() < 0.5 else axis - cover_width
        if cover_left < 0 or cover_left + cover_width > 16:
            continue
        grid = copy_grid(full)
        grid[cover_top : cover_top + cover_height, cover_left : cover_left + cover_width] = cover_color
        if grids_equal(transform(grid), full) and count_color(grid, shape_color) < count_color(
            full, shape_color
        ):
            return grid
