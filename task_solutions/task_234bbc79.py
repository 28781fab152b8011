"""Coloured pieces are linked by grey joints. Chain them left to right: each piece moves so its left grey
joint sits just right of the previous piece's right grey joint, every grey joint takes its piece's
colour, and the empty columns are dropped."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pieces may have any colours other than grey"}


def transform(grid):
    background = background_color(grid)
    pieces = find_objects(grid, connectivity=8, single_color=False, background=background)
    pieces = sort_objects(pieces, "left")
    counts = color_counts(grid)
    palettes = [piece.colors for piece in pieces]
    shared = [color for color in palettes[0] if all(color in palette for palette in palettes)]
    joint = min(shared, key=lambda color: counts[color])
    result = make_grid(*grid_shape(grid), background)
    anchor, width = None, 0
    for piece, palette in zip(pieces, palettes, strict=True):
        joints = sorted([cell for cell in piece.cells if grid[cell] == joint], key=lambda cell: cell[1])
        drow, dcol = (0, 0) if anchor is None else (anchor[0] - joints[0][0], anchor[1] + 1 - joints[0][1])
        color = [c for c in palette if c != joint][0]
        moved = piece.recolored(color).moved(drow, dcol)
        result = paint_object(result, moved)
        anchor, width = (joints[-1][0] + drow, joints[-1][1] + dcol), moved.left + moved.width
    return result[:, :width]


def random_piece(draws, has_left, has_right):
    """Cells (row, col, joint): optional left joint, a body path going right/up/down, optional right joint.

    draws: four uniform numbers in [0, 1) picking the path's length (0 to 2 steps), its steps (right twice
    as likely as up or down) and the side of the right joint."""
    cells = [(0, 0, True)] if has_left else []
    row, col = 0, len(cells)
    body = [(row, col)]
    for draw in draws[1 : 1 + int(draws[0] * 3)]:
        drow, dcol = [(0, 1), (0, 1), (-1, 0), (1, 0)][int(draw * 4)]
        if (row + drow, col + dcol) not in body:
            row, col = row + drow, col + dcol
            body.append((row, col))
    cells += [(r, c, False) for r, c in body]
    if has_right:
        drow, dcol = [(0, 1), (-1, 0), (1, 0)][int(draws[3] * 3)]
        if (row + drow, col + dcol) in body:
            drow, dcol = 0, 1
        cells.append((row + drow, col + dcol, True))
    return cells


def chain_fits(pieces, start_row):
    """True when chaining the pieces (as transform does) keeps every cell inside rows 0..2."""
    anchor = None
    for cells in pieces:
        joints = [(r, c) for r, c, joint in cells if joint]
        offset = (
            (start_row, 0) if anchor is None else (anchor[0] - joints[0][0], anchor[1] + 1 - joints[0][1])
        )
        if any(not 0 <= r + offset[0] <= 2 for r, _, _ in cells):
            return False
        right = max(joints, key=lambda cell: cell[1])
        anchor = (right[0] + offset[0], right[1] + offset[1])
    return True


def generate_input(rng):
    while True:
        count = 3 if rng.random() < 2 / 3 else 4
        draws = rng.random((count, 4))
        pieces = [random_piece(draws[index], index > 0, index < count - 1) for index in range(count)]
        widths = [max(c for _, c, _ in cells) + 1 for cells in pieces]
        rows = [[r for r, _, _ in cells] for cells in pieces]
        heights = np.array([max(piece_rows) - min(piece_rows) + 1 for piece_rows in rows])
        if max(heights) > 3 or not 9 <= sum(widths) + count - 1 <= 11:
            continue
        if not chain_fits(pieces, int(rng.integers(0, 3))):
            continue
        grid, left = make_grid(3, sum(widths) + count - 1), 0
        tops = rng.integers(0, 4 - heights) - [min(piece_rows) for piece_rows in rows]
        colors = rng.choice([c for c in range(1, 10) if c != GRAY], size=count)
        for cells, width, top, color in zip(pieces, widths, tops, colors, strict=True):
            for r, c, joint in cells:
                grid[top + r, left + c] = GRAY if joint else color
            left += width + 1
        return grid
