"""Several small shapes are scattered on the grid; the output is the shape that occurs most often."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    pieces = find_objects(grid, connectivity=8, background=background)
    shapes = [piece.as_grid(background) for piece in pieces]
    return max(shapes, key=lambda shape: sum(grids_equal(shape, other) for other in shapes))


def random_shape(rng):
    """A random 8-connected shape filling a 3x3 box."""
    while True:
        mask = rng.random((3, 3)) < 0.6
        if mask.sum() >= 8 or not (mask.any(axis=0).all() and mask.any(axis=1).all()):
            continue  # too full, or an empty row or column: cannot fill the box as one shape
        shape = np.where(mask, 1, 0)
        pieces = find_objects(shape, connectivity=8)
        if len(pieces) == 1 and pieces[0].height == 3 and pieces[0].width == 3 and mask.sum() < 8:
            return mask


def free_corners(taken):
    """Top-left corners where a 3x3 piece and the 1-cell ring around it cover no taken cell."""
    return find_pattern(pad(taken, 1), make_grid(5, 5))


def generate_input(rng):
    kinds = int(rng.integers(2, 4))
    colors = rng.permutation([BLUE, RED, GREEN, YELLOW, MAGENTA, AZURE])[:kinds]
    counts = sorted(rng.choice(np.arange(1, 5), size=kinds, replace=False), reverse=True)
    shapes = [np.where(random_shape(rng), int(color), BLACK) for color in colors]
    pieces = [shape for shape, count in zip(shapes, counts, strict=True) for _ in range(count)]
    for _attempt in range(200):
        grid = make_grid(14, 14)
        taken = make_grid(14, 14)
        for piece in pieces:
            options = free_corners(taken)
            if not options:
                break
            row, col = options[int(rng.integers(len(options)))]
            grid[row : row + 3, col : col + 3] = piece
            taken[row : row + 3, col : col + 3] = 1
        else:
            return grid
    return grid
