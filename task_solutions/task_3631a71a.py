"""A symmetric mosaic has some rectangles painted over in one colour (maroon in the examples). Repaint them
by reading the hidden cells from their mirror images in the mosaic's symmetry."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    for color in sorted(palette(grid), key=lambda color: color != MAROON):
        completed = complete_symmetry(grid, unknown_color=color)
        if color not in completed:
            return completed
    return copy_grid(grid)


def symmetric_mosaic(rng):
    """A 32x32 mosaic symmetric under both mirrors and the diagonal, cut to its top-left 30x30."""
    colors = rng.choice(range(1, 9), size=int(rng.integers(7, 9)), replace=False)
    quarter = rng.choice(colors, size=(16, 16))
    quarter[rng.random((16, 16)) < 0.5] = BLACK
    blocks = int(rng.integers(4, 10))
    for (row, col), color in zip(
        rng.integers(0, 15, size=(blocks, 2)), rng.choice(colors, size=blocks), strict=True
    ):
        quarter[row : row + 2, col : col + 2] = color
    quarter = np.triu(quarter) + np.triu(quarter, 1).T  # the diagonal mirror: below it, copy above it
    half = concatenate_horizontal([quarter, flip_horizontal(quarter)])
    return concatenate_vertical([half, flip_vertical(half)])[:30, :30]


def is_recoverable(grid):
    """True when every maroon cell has an unpainted image under the mosaic's mirrors and diagonal."""
    known = np.zeros((32, 32), dtype=bool)
    known[:30, :30] = grid != MAROON
    known = known | known[::-1, :]  # upside-down mirror
    known = known | known[:, ::-1]  # left-right mirror
    known = known | known.T  # diagonal
    return bool(known[:30, :30].all())


def generate_input(rng):
    while True:
        grid = symmetric_mosaic(rng)
        for height, width in rng.integers(2, 9, size=(int(rng.integers(1, 5)), 2)):
            top, left = rng.integers(0, 31 - height), rng.integers(0, 31 - width)
            grid[top : top + height, left : left + width] = MAROON
        if is_recoverable(grid):
            return grid
