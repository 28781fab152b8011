"""Two red brackets face each other and a grey shape lies outside each. Every grey shape is mirrored across
the back of its nearest bracket, so it moves to the inside between the brackets."""

import numpy as np
from omniarc.dsl import *


def mirrored_cells(shape, bracket):
    top, left, bottom, right = bracket.bbox
    if shape.top >= bottom:
        return [(2 * (bottom - 1) - row, col) for row, col in shape.cells]
    if shape.top < top:
        return [(2 * top - row, col) for row, col in shape.cells]
    if shape.left >= right:
        return [(row, 2 * (right - 1) - col) for row, col in shape.cells]
    return [(row, 2 * left - col) for row, col in shape.cells]


def transform(grid):
    shapes = find_objects(grid, connectivity=8)
    brackets = objects_of_color(shapes, RED)
    result = replace_color(grid, GRAY, BLACK)
    for shape in objects_of_color(shapes, GRAY):
        distance = [abs(b.center[0] - shape.center[0]) + abs(b.center[1] - shape.center[1]) for b in brackets]
        result = paint_cells(result, mirrored_cells(shape, brackets[int(np.argmin(distance))]), GRAY)
    return result


def random_grey_mask(rng, height, max_width):
    while True:
        width = int(rng.integers(1, max_width + 1))
        mask = rng.random((height, width)) < 0.7
        if (
            np.any(mask)
            and bounding_box(mask) == (0, 0, height, width)
            and len(find_objects(mask.astype(np.int8))) == 1
        ):
            return mask


def generate_input(rng):
    length = int(rng.integers(5, 8))
    left = int(rng.integers(1, 15 - length))
    heights = [int(h) for h in rng.integers(1, 3, size=2)]
    top_base = int(rng.integers(heights[0] + 1, 5))
    bottom_base = int(rng.integers(top_base + 6, min(top_base + 9, 14 - heights[1])))
    grid = make_grid(15, 15)
    for base, arms in ((top_base, top_base + 1), (bottom_base, bottom_base - 1)):
        grid = fill_box(grid, (base, left, base + 1, left + length), RED)
        grid = paint_cells(grid, [(arms, left), (arms, left + length - 1)], RED)
    for base, step, height in ((top_base, -1, heights[0]), (bottom_base, 1, heights[1])):
        mask = random_grey_mask(rng, height, length - 2)
        col = left + 1 + int(rng.integers(0, length - 1 - mask.shape[1]))
        row = base + 2 * step if step > 0 else base - 1 - height
        placed = np.zeros((15, 15), dtype=bool)
        placed[row : row + height, col : col + mask.shape[1]] = mask
        grid = paint_mask(grid, placed, GRAY)
    return transpose(grid) if rng.random() < 0.5 else grid
