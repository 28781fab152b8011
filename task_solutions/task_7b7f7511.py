"""The grid is the same picture twice, side by side or one above the other; the output keeps just one
copy."""

from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    top = grid[: height // 2]
    if height % 2 == 0 and grids_equal(top, grid[height // 2 :]):
        return top
    return grid[:, : width // 2]


def generate_input(rng):
    while True:
        height, width = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        colors = rng.choice([1, 2, 3, 4, 5, 6, 8], size=int(rng.integers(3, 5)), replace=False)
        piece = as_grid(rng.choice(colors, size=(height, width)))
        grid = tile(piece, 1, 2) if rng.random() < 0.5 else tile(piece, 2, 1)
        if len(palette(piece)) == len(colors) and len(grid) >= 3 and grids_equal(transform(grid), piece):
            return grid
