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


def random_pattern(rng, cells):
    """An on/off pattern with something in every row and column, not completely on."""
    while True:
        pattern = rng.random((cells, cells)) < 0.6
        if np.all(np.any(pattern, axis=0)) and np.all(np.any(pattern, axis=1)) and not np.all(pattern):
            return pattern


def random_key(rng, cells, big_color):
    """A square of random colours that, with black and the big shape's colour, shows at least nine colours."""
    while True:
        key = rng.integers(1, 10, (cells, cells))
        if len(set(key.flatten().tolist()) | {BLACK, big_color}) >= 9:
            return key


def generate_input(rng):
    while True:
        cells, block = int(rng.integers(3, 5)), int(rng.integers(3, 6))
        height, width = int(rng.integers(21, 28)), int(rng.integers(21, 26))
        side = cells * block
        if side + cells + 2 > max(height, width) - 2:
            continue
        big_color = int(rng.choice([1, 2, 3, 8]))
        big = upscale(random_pattern(rng, cells).astype(int) * big_color, block)
        key = random_key(rng, cells, big_color)
        top, left = int(rng.integers(1, height - side)), int(rng.integers(1, width - side))
        row, col = int(rng.integers(1, height - cells)), int(rng.integers(1, width - cells))
        apart = row > top + side or row + cells < top or col > left + side or col + cells < left
        if apart:
            grid = make_grid(height, width)
            grid[top : top + side, left : left + side] = big
            grid[row : row + cells, col : col + cells] = key
            return grid
