"""The grid is the same picture twice, side by side or one above the other; the output keeps just one
copy (the grid is halved along its longer side)."""

from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    return grid[: height // 2] if height > width else grid[:, : width // 2]


def generate_input(rng):
    while True:
        height, width = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        colors = rng.choice([1, 2, 3, 4, 5, 6, 8], size=int(rng.integers(3, 5)), replace=False)
        piece = as_grid(rng.choice(colors, size=(height, width)))
        if len(palette(piece)) < len(colors):
            continue
        if 2 * width > height and height >= 3:
            return tile(piece, 1, 2)
        if 2 * height > width and width >= 2 and 2 * height <= 8:
            return tile(piece, 2, 1)
