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
    for shape in PIECE_SHAPES:  # the first cell left to cover is the first cell of its piece
        cells = {(row + r, col + c) for r, c in shape}
        if cells <= todo:
            total += count_covers(todo - cells)
    return total


def random_piece_tries(rng, height, width, tries=100, batch=25):
    """Up to `tries` random (piece shape index, top, left), drawn a batch at a time as they are needed."""
    for _ in range(tries // batch):
        yield from (rng.random((batch, 3)) * (len(PIECE_SHAPES), height - 2, width - 2)).astype(int).tolist()


def generate_input(rng):
    height, width = int(rng.integers(8, 10)), int(rng.integers(9, 12))
    while True:
        cells, around = set(), set()  # around: the cells next to a placed one, diagonals included
        for _ in range(int(rng.integers(4, 8))):
            for shape, top, left in random_piece_tries(rng, height, width):
                piece = {(top + r, left + c) for r, c in PIECE_SHAPES[shape]}
                if piece.isdisjoint(cells) and (not cells or not piece.isdisjoint(around)):
                    cells |= piece
                    around |= {(r + dr, c + dc) for r, c in piece for dr, dc in DIRECTIONS.values()}
                    break
        grid = paint_cells(make_grid(height, width), sorted(cells), GRAY)
        if len(find_objects(grid)) == 1 and count_covers(cells) == 1:
            return grid
