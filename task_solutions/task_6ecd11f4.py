"""A large one-colour shape is a small on/off pattern blown up into blocks; a small multicoloured
square has the same number of cells per side. The output is that coloured square with black wherever the
shrunken large shape is empty."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    pieces = find_objects(grid, connectivity=8, single_color=False)
    key = max(pieces, key=lambda piece: len(piece.colors))
    shape = crop_to_content(erase_object(grid, key))
    pattern = downscale(shape, shape.shape[0] // key.height)
    return np.where(pattern != 0, crop(grid, key), 0)


def generate_input(rng):
    while True:
        cells, block = int(rng.integers(3, 5)), int(rng.integers(3, 6))
        height, width = int(rng.integers(21, 28)), int(rng.integers(21, 26))
        pattern = rng.random((cells, cells)) < 0.6
        if not (np.all(np.any(pattern, axis=0)) and np.all(np.any(pattern, axis=1))):
            continue
        if np.sum(pattern) == cells * cells:
            continue
        big = upscale(pattern.astype(int) * int(rng.choice([1, 2, 3, 8])), block)
        key = rng.integers(1, 10, (cells, cells))
        if len(set(key.flatten().tolist()) | set(palette(big))) < 9:
            continue
        side = cells * block
        if side + cells + 2 > max(height, width) - 2:
            continue
        top, left = int(rng.integers(1, height - side)), int(rng.integers(1, width - side))
        row, col = int(rng.integers(1, height - cells)), int(rng.integers(1, width - cells))
        apart = row > top + side or row + cells < top or col > left + side or col + cells < left
        if apart:
            grid = make_grid(height, width)
            grid[top : top + side, left : left + side] = big
            grid[row : row + cells, col : col + cells] = key
            return grid
