"""Every black area fully enclosed by green walls is filled with yellow; black areas that reach the edge
stay black."""

from omniarc.dsl import *


def transform(grid):
    return fill_enclosed_regions(grid, YELLOW, background=background_color(grid))


def generate_input(rng):
    size = int(rng.integers(6, 21))
    while True:
        grid = make_grid(size, size)
        for _ in range(int(rng.integers(1, 2 + size // 5))):
            if rng.random() < 0.4:
                row, col = int(rng.integers(1, size - 1)), int(rng.integers(1, size - 1))
                ring = [(row - 1, col), (row, col - 1), (row, col + 1), (row + 1, col)]
                grid = paint_cells(grid, ring, GREEN)
                continue
            height, width = int(rng.integers(3, min(size, 9))), int(rng.integers(3, min(size, 9)))
            top, left = int(rng.integers(0, size - height + 1)), int(rng.integers(0, size - width + 1))
            grid = draw_outline(grid, (top, left, top + height, left + width), GREEN)
            if rng.random() < 0.3:
                row = top + int(rng.integers(1, height - 1))
                grid = paint_cells(grid, [(row, left + int(rng.choice([0, width - 1])))], BLACK)
        noise = rng.random((size, size)) < 0.05
        grid = paint_mask(grid, noise, GREEN)
        if count_color(transform(grid), YELLOW) > 0:
            return grid
