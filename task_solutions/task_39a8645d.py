"""Several small shapes are scattered on the grid; the output is the shape that occurs most often."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    pieces = find_objects(grid, connectivity=8, background=background)
    shapes = [piece.as_grid(background) for piece in pieces]
    keys = [grid_key(shape) for shape in shapes]
    return max(shapes, key=lambda shape: keys.count(grid_key(shape)))


def random_shape(rng):
    """A random 8-connected shape filling a 3x3 box."""
    while True:
        mask = rng.random((3, 3)) < 0.6
        if mask.sum() >= 8 or not (mask.any(axis=0).all() and mask.any(axis=1).all()):
            continue  # too full, or an empty row or column: cannot fill the box as one shape
        if len(find_objects(mask.astype(int), connectivity=8)) == 1:
            return mask


def free_corners(taken):
    """Top-left corners where a 3x3 piece and the 1-cell ring around it cover no taken cell; taken is the
    grid padded by one cell (window sums of an integral image)."""
    sums = np.zeros((taken.shape[0] + 1, taken.shape[1] + 1), dtype=np.int32)
    sums[1:, 1:] = taken.cumsum(0).cumsum(1)
    window = sums[5:, 5:] - sums[:-5, 5:] - sums[5:, :-5] + sums[:-5, :-5]
    return np.argwhere(window == 0)


def generate_input(rng):
    kinds = int(rng.integers(2, 4))
    colors = rng.permutation([BLUE, RED, GREEN, YELLOW, MAGENTA, AZURE])[:kinds]
    counts = sorted(rng.choice(np.arange(1, 5), size=kinds, replace=False), reverse=True)
    shapes = [np.where(random_shape(rng), int(color), BLACK) for color in colors]
    pieces = [shape for shape, count in zip(shapes, counts, strict=True) for _ in range(count)]
    for _attempt in range(200):
        grid = make_grid(14, 14)
        taken = np.zeros((16, 16), dtype=np.int32)
        for piece in pieces:
            options = free_corners(taken)
            if not len(options):
                break
            row, col = options[int(rng.integers(len(options)))]
            grid[row : row + 3, col : col + 3] = piece
            taken[row + 1 : row + 4, col + 1 : col + 4] = 1
        else:
            return grid
    return grid
