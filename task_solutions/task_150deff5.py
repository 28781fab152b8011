"""The grey shape is exactly built from 2x2 squares and straight bars of three cells: paint the squares azure
and the bars red."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid, background=background_color(grid)):
        for color, cells in cover_with_pieces(set(shape.cells)) or []:
            result = paint_cells(result, cells, color)
    return result


def cover_with_pieces(todo):
    """(colour, cells) pieces covering the cells exactly: azure 2x2 squares and red 1x3 bars; or None."""
    if not todo:
        return []
    row, col = min(todo)
    options = [
        (AZURE, [(row, col), (row, col + 1), (row + 1, col), (row + 1, col + 1)]),
        (RED, [(row, col), (row, col + 1), (row, col + 2)]),
        (RED, [(row, col), (row + 1, col), (row + 2, col)]),
    ]
    for color, cells in options:
        if all(cell in todo for cell in cells):
            rest = cover_with_pieces(todo - set(cells))
            if rest is not None:
                return [(color, cells)] + rest
    return None


PIECE_SHAPES = [[(0, 0), (0, 1), (1, 0), (1, 1)], [(0, 0), (0, 1), (0, 2)], [(0, 0), (1, 0), (2, 0)]]


def count_covers(todo):
    """How many different ways the cell set splits into 2x2 squares and 1x3 bars."""
    if not todo:
        return 1
    row, col = min(todo)
    total = 0
    for shape in PIECE_SHAPES:
        for anchor_row, anchor_col in shape:
            cells = {(row + r - anchor_row, col + c - anchor_col) for r, c in shape}
            if min(cells) == (row, col) and cells <= todo:
                total += count_covers(todo - cells)
    return total


def generate_input(rng):
    height, width = int(rng.integers(8, 10)), int(rng.integers(9, 12))
    while True:
        cells = set()
        for _ in range(int(rng.integers(4, 8))):
            for _ in range(100):
                shape = PIECE_SHAPES[int(rng.integers(0, 3))]
                top, left = int(rng.integers(0, height - 2)), int(rng.integers(0, width - 2))
                piece = {(top + r, left + c) for r, c in shape}
                touching = any((r + dr, c + dc) in cells for r, c in piece for dr, dc in DIRECTIONS.values())
                if not piece & cells and (touching or not cells):
                    cells |= piece
                    break
        grid = paint_cells(make_grid(height, width), sorted(cells), GRAY)
        if len(find_objects(grid)) == 1 and count_covers(cells) == 1:
            return grid
