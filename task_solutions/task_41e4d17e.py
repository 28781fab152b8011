"""Magenta lines run across the whole grid through the middle row and middle column of every hollow blue
square, passing only over background cells."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    height, width = grid_shape(grid)
    lines = make_grid(height, width)
    for square in find_objects(grid, background=background):
        row, col = square.top + square.height // 2, square.left + square.width // 2
        lines = fill_box(fill_box(lines, (row, 0, row + 1, width), 1), (0, col, height, col + 1), 1)
    return paint_mask(grid, (lines == 1) & (grid == background), MAGENTA)


def generate_input(rng):
    while True:
        grid = make_grid(15, 15, AZURE)
        corners = [
            (int(rng.integers(0, 11)), int(rng.integers(0, 11))) for _ in range(int(rng.integers(1, 3)))
        ]
        if (
            len(corners) == 2
            and max(abs(corners[0][0] - corners[1][0]), abs(corners[0][1] - corners[1][1])) < 6
        ):
            continue
        for row, col in corners:
            grid = draw_outline(grid, (row, col, row + 5, col + 5), BLUE)
        return grid
