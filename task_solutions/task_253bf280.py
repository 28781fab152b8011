"""Azure cells that share a row or a column are joined by a green line drawn between them."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    marks = grid != background_color(grid)
    result = copy_grid(grid)
    for row in range(grid.shape[0]):
        cols = np.flatnonzero(marks[row])
        if cols.size > 1:
            result[row, cols[0] : cols[-1] + 1] = GREEN
    for col in range(grid.shape[1]):
        rows = np.flatnonzero(marks[:, col])
        if rows.size > 1:
            result[rows[0] : rows[-1] + 1, col] = GREEN
    return np.where(marks, grid, result)


def generate_input(rng):
    height, width = int(rng.integers(3, 13)), int(rng.integers(3, 14))
    grid = make_grid(height, width)
    used_rows, used_cols, segments = set(), set(), []
    pairs, singles = int(rng.choice([0, 1, 1, 2, 2, 3])), int(rng.integers(0, 3))
    for kind in ["pair"] * pairs + ["single"] * max(singles, pairs == 0):
        for _ in range(20):
            row, col = int(rng.integers(0, height)), int(rng.integers(0, width))
            cells = [(row, col)]
            if kind == "pair" and rng.random() < 0.5:
                cells.append((row + int(rng.integers(2, 12)), col))
            elif kind == "pair":
                cells.append((row, col + int(rng.integers(2, 12))))
            rows, cols = {r for r, _ in cells}, {c for _, c in cells}
            if max(rows) >= height or max(cols) >= width or rows & used_rows or cols & used_cols:
                continue
            if kind == "pair" and any(crosses(cells, other) for other in segments):
                continue
            used_rows |= {r + d for r in rows for d in (-1, 0, 1)}
            used_cols |= {c + d for c in cols for d in (-1, 0, 1)}
            segments += [cells] if kind == "pair" else []
            grid = paint_cells(grid, cells, AZURE)
            break
    return grid


def crosses(first, second):
    """True when two straight segments (given by their end cells) share a cell."""
    return bool(segment_cells(first) & segment_cells(second))


def segment_cells(ends):
    """The set of cells of a horizontal or vertical segment between two end cells."""
    (row1, col1), (row2, col2) = ends
    return {(r, c) for r in range(row1, row2 + 1) for c in range(col1, col2 + 1)}
