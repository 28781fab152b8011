"""Black lines split the grid into noisy single-colour blocks; the output has one cell per block, in its
colour, keeping the blocks' layout."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    blocks = grid_cells(grid, line_color=BLACK)
    rows = len({block.top for block in blocks})
    colors = [most_common_color(crop(grid, block), exclude=BLACK) for block in blocks]
    return as_grid(np.reshape(colors, (rows, -1)))


def random_sizes(rng, parts, total_low, total_high):
    """Block lengths (each at least 3) of parts blocks whose sum plus separators lies in the range."""
    while True:
        sizes = rng.integers(3, 16, size=parts)
        if total_low <= np.sum(sizes) + parts - 1 <= total_high:
            return [int(size) for size in sizes]


def generate_input(rng):
    rows, cols = int(rng.integers(2, 4)), int(rng.integers(2, 4))
    heights = random_sizes(rng, rows, 18, 23)
    widths = random_sizes(rng, cols, 17, 28)
    colors = [1, 2, 3, 4, 6, 7, 8]
    picks = [rng.choice(colors, size=cols, replace=False) for _ in range(rows)]
    while True:
        bands = []
        for height, row_colors in zip(heights, picks, strict=True):
            blocks = [
                (rng.random((height, width)) < 0.8) * int(color)
                for width, color in zip(widths, row_colors, strict=True)
            ]
            bands.append(concatenate_horizontal(blocks, separator_color=BLACK))
        grid = concatenate_vertical(bands, separator_color=BLACK)
        if len(grid_cells(grid, line_color=BLACK)) == rows * cols:
            return grid
