"""An azure rectangle is laid over a blue pattern; the blue cells inside the rectangle turn green."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = [object_from_mask(grid, grid == color) for color in palette(grid)]
    covers = [shape for shape in shapes if len(palette(crop(grid, shape))) < len(shapes)]
    if not covers:
        return copy_grid(grid)
    cover = max(covers, key=lambda shape: shape.height * shape.width)
    top, left, bottom, right = cover.bbox
    window = crop(grid, cover)
    result = copy_grid(grid)
    result[top:bottom, left:right] = np.where(window != cover.color, GREEN, window)
    return result


def generate_input(rng):
    while True:
        if rng.random() < 0.3:
            grid = make_grid(17, 17)
            grid[rng.random((17, 17)) < 0.4] = BLUE
        else:
            pattern = make_grid(int(rng.integers(2, 5)), int(rng.integers(2, 5)))
            pattern[rng.random(pattern.shape) < 0.5] = BLUE
            grid = tile(pattern, 9, 9)[:17, :17]
        height, width = int(rng.integers(3, 6)), int(rng.integers(3, 9))
        top, left = int(rng.integers(0, 18 - height)), int(rng.integers(0, 18 - width))
        window = grid[top : top + height, left : left + width]
        edges = (window[0], window[-1], window[:, 0], window[:, -1])
        if BLUE in window and all(BLACK in edge for edge in edges):
            window[window == BLACK] = AZURE
            return grid
