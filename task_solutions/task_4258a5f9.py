"""Every grey cell is surrounded by a ring of blue cells."""

from omniarc.dsl import *


def transform(grid):
    dots = find_objects(grid)
    result = grid
    for dot in dots:
        result = fill_box(result, (dot.top - 1, dot.left - 1, dot.top + 2, dot.left + 2), BLUE)
    return paint_objects(result, dots)


def generate_input(rng):
    grid = make_grid(9, 9)
    dots = []
    for _ in range(40):
        row, col = int(rng.integers(0, 9)), int(rng.integers(0, 9))
        if len(dots) < 5 and all(max(abs(row - r), abs(col - c)) >= 3 for r, c in dots):
            dots.append((row, col))
    return paint_cells(grid, dots, GRAY)
