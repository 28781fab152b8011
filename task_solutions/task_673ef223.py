"""Two equal red bars stand on opposite side edges. Each azure dot beside one bar becomes yellow and is joined
to that bar by an azure line; the matching row of the other bar gets an azure line across the whole grid."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    bars = objects_of_color(find_objects(grid), RED)
    dots = np.argwhere(grid == AZURE)
    source = next(bar for bar in bars if bar.top <= dots[0][0] < bar.top + bar.height)
    target = bars[1] if source is bars[0] else bars[0]
    toward_source = "left" if source.left == 0 else "right"
    away_from_target = "right" if target.left == 0 else "left"
    result = copy_grid(grid)
    for row, col in dots:
        result = draw_line(result, (row, col), toward_source, AZURE, stop_at_obstacle=True)
        result = paint_cells(result, [(row, col)], YELLOW)
        start = (row - source.top + target.top, target.left + direction_offset(away_from_target)[1])
        result = draw_line(result, start, away_from_target, AZURE)
    return result


def generate_input(rng):
    height, width = int(rng.integers(19, 22)), int(rng.integers(8, 13))
    length = int(rng.integers(4, 7))
    top_row = int(rng.integers(0, height // 2 - length + 1))
    bottom_row = int(rng.integers(height // 2, height - length + 1))
    top_col = int(rng.choice([0, width - 1]))
    grid = fill_box(make_grid(height, width), (top_row, top_col, top_row + length, top_col + 1), RED)
    bottom_col = width - 1 - top_col
    grid = fill_box(grid, (bottom_row, bottom_col, bottom_row + length, bottom_col + 1), RED)
    start = top_row if rng.random() < 0.8 else bottom_row
    rows = rng.choice(np.arange(start, start + length), size=int(rng.integers(1, 4)), replace=False)
    cells = [(int(row), int(rng.integers(2, width - 2))) for row in rows]
    return paint_cells(grid, cells, AZURE)
