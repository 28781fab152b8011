"""Each cup-shaped figure (open at the bottom) drops a yellow cell onto the bottom row, right below its
middle column."""

from omniarc.dsl import *


def transform(grid):
    bottom = grid.shape[0] - 1
    cells = [(bottom, cup.left + cup.width // 2) for cup in find_objects(grid)]
    return paint_cells(grid, cells, YELLOW)


def generate_input(rng):
    colors = [GREEN, GRAY, MAGENTA, AZURE]
    while True:
        height, width = int(rng.integers(5, 9)), int(rng.integers(5, 12))
        grid = make_grid(height, width)
        count = int(rng.integers(1, 4))
        cups = []
        for _ in range(count):
            top, left = int(rng.integers(0, height - 3)), int(rng.integers(0, width - 2))
            color = colors[int(rng.integers(0, len(colors)))]
            if any(abs(left - other) < 3 for other in cups):
                continue
            cups.append(left)
            grid = fill_box(grid, (top, left, top + 2, left + 3), color)
            grid = paint_cells(grid, [(top + 1, left + 1)], BLACK)
        if len(find_objects(grid)) == len(cups):
            return grid
