"""Full-length lines cross the grid; each loose cell of a line's colour moves straight to that line and sticks
to its near side, and loose cells matching no line vanish."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    height, width = grid.shape
    pieces = find_objects(grid, background=background)
    lines = [piece for piece in pieces if piece.height == height or piece.width == width]
    result = paint_objects(make_grid(height, width, background), lines)
    for row, col in np.argwhere((grid != background) & (result == background)):
        matching = objects_of_color(lines, grid[row, col])
        if not matching:
            continue
        line = matching[0]
        if line.height == height:
            target = (row, line.left - 1 if col < line.left else line.left + 1)
        else:
            target = (line.top - 1 if row < line.top else line.top + 1, col)
        result = paint_cells(result, [target], grid[row, col])
    return result


GENERATOR_EXEMPTIONS = {"colors": "lines and cells may have any colours; the real inputs show five"}


def generate_input(rng):
    height, width = int(rng.integers(15, 20)), int(rng.integers(14, 27))
    vertical = rng.random() < 0.5
    length = width if vertical else height
    while True:
        positions = sorted(
            int(p) for p in rng.choice(range(1, length - 1), size=int(rng.integers(1, 4)), replace=False)
        )
        if all(second - first > 3 for first, second in zip(positions, positions[1:], strict=False)):
            break
    colors = [int(color) for color in rng.choice(range(1, 10), size=len(positions) + 1, replace=False)]
    grid = make_grid(width if not vertical else height, length)
    for position, color in zip(positions, colors, strict=False):
        grid = fill_box(grid, (0, position, grid.shape[0], position + 1), color)
    near_line = {p + offset for p in positions for offset in (-1, 0, 1)}
    loose = 0
    while loose < int(rng.integers(4, 10)):
        row, col = int(rng.integers(0, grid.shape[0])), int(rng.integers(0, length))
        neighbours = [(row + dr, col + dc) for dr, dc in DIRECTIONS.values()]
        free = all(grid[r, c] == BLACK for r, c in neighbours if 0 <= r < grid.shape[0] and 0 <= c < length)
        if col not in near_line and free:
            color = colors[int(rng.integers(0, len(positions)))] if rng.random() < 0.75 else colors[-1]
            grid = paint_cells(grid, [(row, col)], color)
            loose += 1
    return grid if vertical else transpose(grid)
