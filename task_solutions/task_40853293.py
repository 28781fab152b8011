"""Each pair of same-coloured cells in one row or column is joined by a line of that colour; vertical lines
are drawn over horizontal ones where they cross."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    colors = [color for color in palette(grid) if color != background_color(grid)]
    result = grid
    for vertical in (False, True):
        for color in colors:
            (top, left), (bottom, right) = np.argwhere(grid == color)
            if (left == right) == vertical:
                result = draw_segment(result, (top, left), (bottom, right), color)
    return result


def generate_input(rng):
    height, width = int(rng.integers(20, 31)), int(rng.integers(10, 21))
    while True:
        colors = rng.permutation(np.arange(2, 10))
        segments = []
        verticals = int(rng.integers(2, 4))
        for index in range(5):
            vertical = index < verticals
            span, across = (height, width) if vertical else (width, height)
            start = int(rng.integers(0, span - 3))
            end = int(rng.integers(start + 3, min(span, start + 12)))
            line = int(rng.integers(1, across - 1))
            cells = [(s, line) if vertical else (line, s) for s in range(start, end + 1)]
            segments.append((cells, int(colors[index])))
        clash = any(
            set(cells) & {ends for ends in (other[0], other[-1])} or (len(set(cells) & set(other)) > 1)
            for i, (cells, _) in enumerate(segments)
            for j, (other, _) in enumerate(segments)
            if i != j
        )
        if not clash:
            grid = make_grid(height, width)
            for cells, color in segments:
                grid = paint_cells(grid, [cells[0], cells[-1]], color)
            return grid
