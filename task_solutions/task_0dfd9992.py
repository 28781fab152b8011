"""The grid is a repeating colour pattern with black holes punched in it; fill the holes by continuing the
pattern."""

from omniarc.dsl import *


def transform(grid):
    for color in palette(grid):
        completed = complete_tiling(grid, unknown_color=color)
        if color not in completed:
            return completed
    return copy_grid(grid)


def generate_input(rng):
    period = int(rng.integers(4, 10))
    sequence = rng.integers(0, 4, size=period)
    while len(set((sequence[:, None] + sequence[None, :]).ravel())) < 5:
        sequence = rng.integers(0, 4, size=period)
    colors = rng.permutation(range(1, 10))
    pattern = colors[sequence[:, None] + sequence[None, :]]
    full = tile(pattern, 30 // period + 1, 30 // period + 1)[:21, :21]
    while True:
        grid = copy_grid(full)
        for _ in range(int(rng.integers(3, 7))):
            height, width = int(rng.integers(2, 6)), int(rng.integers(2, 6))
            top, left = int(rng.integers(0, 22 - height)), int(rng.integers(0, 22 - width))
            grid = fill_box(grid, (top, left, top + height, left + width), BLACK)
        if grids_equal(transform(grid), full):
            return grid
