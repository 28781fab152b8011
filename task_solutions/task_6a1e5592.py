"""A red wall at the top has notches in its lower edge, and grey pieces lie on the floor. Each piece slides up
into a notch it fits exactly (its top part fills the notch, the rest hangs below) and turns blue; bigger
notches are served first, each piece used once."""

import numpy as np
from omniarc.dsl import *


def fitted(piece, notch, wall_height, width):
    """The piece moved up to the notch so that its part inside the wall fills the notch exactly, or None."""
    inside = piece.mask[: wall_height - notch.top]
    columns = np.flatnonzero(inside.any(axis=0))
    left = notch.left - columns[0]
    if (
        np.array_equal(inside[:, columns[0] : columns[-1] + 1], notch.mask)
        and 0 <= left <= width - piece.width
    ):
        return piece.moved_to(notch.top, left)
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
    ups = rng.random(width).tolist()
    cells += [(1, col) for col, up in zip(range(left, left + width), ups, strict=True) if up < 0.6]
    run = (left, left + width)
    chance = rng.random()
    hanging_rows = (chance >= 0.15) + (chance >= 0.6)  # 0, 1 or 2 rows below the wall: 15%, 45%, 40%
    for row in range(3, 3 + hanging_rows):
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


def fits_notch(piece, other):
    """True when the piece's top rows have the shape of the other piece's notch (its part inside the wall).
    Pieces come as (top_rows by row count 1 and 2, rows inside the wall)."""
    (piece_tops, _), (other_tops, other_rows) = piece, other
    return piece_tops[other_rows] == other_tops[other_rows]


def touches(cells, taken):
    """True when a cell lies beside or diagonally next to one of the taken cells."""
    return any(
        (row + drow, col + dcol) in taken for row, col in cells for drow in (-1, 0, 1) for dcol in (-1, 0, 1)
    )


def random_layout(rng):
    """Three or four pieces side by side in the wall's bottom rows, with the first floor column and the gaps
    between them on the floor; None when fewer fit, two touch, they take more than the floor's width, or a
    piece would fit another one's notch (each notch must have a single candidate)."""
    left, shapes, outlines, taken = int(rng.integers(1, 3)), [], [], set()
    floor_left, floor_gaps = int(rng.integers(0, 3)), rng.integers(0, 3, size=4).tolist()
    floor_end = floor_left
    while len(shapes) < 4 and left < 14:
        cells = random_piece_cells(rng, left)
        if len(cells) >= 3:
            cols = [col for _, col in cells]
            floor_end += max(cols) - min(cols) + 2 + floor_gaps[len(shapes)]
            outline = ({rows: top_rows(cells, rows) for rows in (1, 2)}, 3 - min(row for row, _ in cells))
            if (
                floor_end > 16
                or any(fits_notch(outline, other) or fits_notch(other, outline) for other in outlines)
                or touches(cells, taken)
            ):
                return None
            shapes.append(cells)
            outlines.append(outline)
            taken.update(cells)
            left = max(cols) + 2 + int(rng.integers(0, 3))
    return (shapes, floor_left, floor_gaps) if len(shapes) >= 3 else None


def generate_input(rng):
    while (layout := random_layout(rng)) is None:
        pass
    shapes, floor_left, floor_gaps = layout
    grid = fill_box(make_grid(10, 15), (0, 0, 3, 15), RED)
    for index, gap in zip(rng.permutation(len(shapes)), floor_gaps, strict=False):  # in random order
        rows, cols = np.array(shapes[index]).T
        grid[rows, cols] = BLACK  # the piece's notch in the wall
        grid[rows - rows.max() + 9, cols - cols.min() + floor_left] = GRAY  # the piece on the floor
        floor_left += cols.max() - cols.min() + 2 + gap
    return grid
