"""A red wall at the top has notches in its lower edge, and grey pieces lie on the floor. Each piece slides up
into a notch it fits exactly (its top part fills the notch, the rest hangs below) and turns blue; bigger
notches are served first, each piece used once."""

import numpy as np
from omniarc.dsl import *


def fitted(piece, notch, wall_height, width):
    hole = set(notch.cells)
    for col in range(max(notch.left - piece.width + 1, 0), min(notch.left, width - piece.width) + 1):
        moved = piece.moved_to(notch.top, col)
        if {cell for cell in moved.cells if cell[0] < wall_height} == hole:
            return moved
    return None


def transform(grid):
    wall_height = int(np.max(np.argwhere(grid == RED)[:, 0])) + 1
    notches = find_objects(grid[:wall_height], background=RED)
    pieces = objects_of_color(find_objects(grid), GRAY)
    result = replace_color(grid, GRAY, BLACK)
    for notch in sort_objects(notches, "size", descending=True):
        piece = next(piece for piece in pieces if fitted(piece, notch, wall_height, grid.shape[1]))
        result = paint_object(result, fitted(piece, notch, wall_height, grid.shape[1]), BLUE)
        pieces = [other for other in pieces if other is not piece]
    return result


def random_piece_cells(rng, left):
    width = int(rng.integers(1, min(3, 15 - left) + 1))
    cells = [(2, col) for col in range(left, left + width)]
    cells += [(1, col) for col in range(left, left + width) if rng.random() < 0.6]
    run = (left, left + width)
    for row in range(3, 3 + int(rng.choice(3, p=[0.15, 0.45, 0.4]))):
        start = int(rng.integers(max(run[0] - 1, 0), run[1]))
        end = int(rng.integers(max(start, run[0]) + 1, min(run[1] + 1, 15) + 1))
        run = (start, end)
        cells += [(row, col) for col in range(start, end)]
    return cells


def top_rows(cells, count):
    """The piece's cells in its first `count` rows, relative to their top-left corner."""
    top = min(row for row, _ in cells)
    part = [(row, col) for row, col in cells if row < top + count]
    left = min(col for _, col in part)
    return frozenset((row - top, col - left) for row, col in part)


def fits_only_its_notch(shapes):
    """True when no piece's top rows match another piece's notch, so each notch has a single candidate."""
    notches = [top_rows(cells, 3 - min(row for row, _ in cells)) for cells in shapes]
    return all(
        top_rows(piece, 1 + max(row for row, _ in notch)) != notch
        for i, notch in enumerate(notches)
        for j, piece in enumerate(shapes)
        if i != j
    )


def generate_input(rng):
    while True:
        left, shapes = int(rng.integers(1, 3)), []
        while len(shapes) < 4 and left < 14:
            cells = random_piece_cells(rng, left)
            if len(cells) >= 3:
                shapes.append(cells)
                left = max(col for _, col in cells) + 2 + int(rng.integers(0, 3))
        count = len(shapes)
        if count < 3 or not fits_only_its_notch(shapes):
            continue
        wall = fill_box(make_grid(10, 15), (0, 0, 3, 15), RED)
        pieces_in_place = paint_cells(wall, [cell for cells in shapes for cell in cells], GRAY)
        placed = objects_of_color(find_objects(pieces_in_place, connectivity=8), GRAY)
        if len(placed) != count:  # two pieces touch
            continue
        grid = paint_objects(wall, placed, BLACK)
        left = int(rng.integers(0, 3))
        for index in rng.permutation(count):
            piece = placed[index]
            grid = paint_object(grid, piece.moved_to(10 - piece.height, left))
            left += piece.width + 1 + int(rng.integers(0, 3))
        if left <= 16:
            return grid
