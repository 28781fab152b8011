"""Each lone red or green cell receives a copy of the shape that holds a cell of the same colour, placed so
the two cells coincide; copies around red cells are mirrored left-right, copies around green cells are not."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = find_objects(grid, connectivity=8, single_color=False, background=background_color(grid))
    templates = [shape for shape in shapes if shape.size > 1]
    result = grid
    for lone in filter_objects(shapes, size=1):
        for template in templates:
            if lone.color in template.colors:
                copy = template.flipped_horizontal() if lone.color == RED else template
                row, col = np.argwhere(copy.pixels == lone.color)[0]
                result = paint_object(result, copy.moved_to(lone.top - row, lone.left - col))
    return result


def random_template(rng, key, body):
    """A 3x3-box shape of body colour, 8-connected, holding one key cell, not left-right symmetric."""
    while True:
        mask = rng.random((3, 3)) < 0.55
        shape = np.where(mask, body, BLACK)
        cells = np.argwhere(mask)
        if len(cells) < 4:
            continue
        row, col = cells[int(rng.integers(len(cells)))]
        shape[row, col] = key
        pieces = find_objects(shape, connectivity=8, single_color=False)
        if len(pieces) == 1 and not is_symmetric(shape, "horizontal"):
            return crop_to_content(shape)


def free_corners(taken, height, width):
    """Top-left corners where a height x width piece and the 1-cell ring around it cover no taken cell; taken
    is the grid padded by one cell (window sums of an integral image)."""
    sums = np.zeros((taken.shape[0] + 1, taken.shape[1] + 1), dtype=np.int32)
    sums[1:, 1:] = taken.cumsum(0).cumsum(1)
    height, width = height + 2, width + 2
    return np.argwhere(
        sums[height:, width:] - sums[:-height, width:] - sums[height:, :-width] + sums[:-height, :-width] == 0
    )


def generate_input(rng):
    keys = [[RED], [GREEN], [RED, GREEN], [RED, GREEN]][int(rng.integers(4))]
    bodies = rng.permutation([BLUE, YELLOW, AZURE])
    pieces = []
    for key, body in zip(keys, bodies, strict=False):
        template = random_template(rng, key, body)
        pieces.append((template, template))
        copy = flip_horizontal(template) if key == RED else template
        lone = np.where(copy == key, key, BLACK)
        pieces += [(copy, lone)] * int(rng.integers(1, 3 if len(keys) == 1 else 2))
    for _attempt in range(200):
        grid = make_grid(13, 13)
        taken = np.zeros((15, 15), dtype=np.int32)
        for footprint, shown in pieces:
            height, width = footprint.shape
            options = free_corners(taken, height, width)
            if not len(options):
                break
            row, col = options[int(rng.integers(len(options)))]
            grid[row : row + height, col : col + width] = shown
            taken[row + 1 : row + height + 1, col + 1 : col + width + 1] = 1
        else:
            return grid
    return grid
