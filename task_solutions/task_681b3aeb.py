"""Two pieces of different colours fit together like a jigsaw into a full 3x3 square; the output is that
square."""

import numpy as np
from omniarc.dsl import *


def fitted_squares(first, second):
    squares = []
    for top, left in [(r, c) for r in range(4 - first.height) for c in range(4 - first.width)]:
        for row, col in [(r, c) for r in range(4 - second.height) for c in range(4 - second.width)]:
            square = paint_objects(make_grid(3, 3), [first.moved_to(top, left), second.moved_to(row, col)])
            if count_color(square, BLACK) == 0 and first.size + second.size == 9:
                squares.append(square)
    return squares


def transform(grid):
    first, second = find_objects(grid)
    return fitted_squares(first, second)[0]


GENERATOR_EXEMPTIONS = {"colors": "the two pieces may have any two colours; the real inputs show six"}


def random_pieces(rng):
    """Two one-piece shapes of different colours that fit together into a 3x3 square in exactly one way."""
    while True:
        split = rng.random((3, 3)) < 0.5
        if not 2 <= np.count_nonzero(split) <= 7:
            continue
        colors = [int(c) for c in rng.choice(np.arange(1, 10), size=2, replace=False)]
        pieces = [object_from_mask(np.where(split, colors[0], colors[1]), mask) for mask in (split, ~split)]
        one_piece_each = all(len(find_objects(piece.as_grid())) == 1 for piece in pieces)
        if one_piece_each and len(fitted_squares(*pieces)) == 1:
            return pieces


def generate_input(rng):
    pieces = random_pieces(rng)
    while True:
        grid = make_grid(10, 10)
        for piece in pieces:
            top, left = int(rng.integers(0, 11 - piece.height)), int(rng.integers(0, 11 - piece.width))
            grid = paint_object(grid, piece.moved_to(top, left))
        if len(find_objects(grid, connectivity=8, single_color=False)) == 2:
            return grid
