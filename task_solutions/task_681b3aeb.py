"""Two pieces of different colours fit together like a jigsaw into a full 3x3 square; the output is that
square."""

import numpy as np
from omniarc.dsl import *


def fitted_squares(first, second):
    for top, left in [(r, c) for r in range(4 - first.height) for c in range(4 - first.width)]:
        for row, col in [(r, c) for r in range(4 - second.height) for c in range(4 - second.width)]:
            square = paint_objects(make_grid(3, 3), [first.moved_to(top, left), second.moved_to(row, col)])
            if count_color(square, BLACK) == 0 and first.size + second.size == 9:
                yield square


def transform(grid):
    first, second = find_objects(grid)
    return next(fitted_squares(first, second))


GENERATOR_EXEMPTIONS = {"colors": "the two pieces may have any two colours; the real inputs show six"}


def ways_to_fit(split):
    """How many ways the two parts of a 3x3 square (True and False cells) fit back into a 3x3 square."""
    first, second = (mask[np.ix_(mask.any(axis=1), mask.any(axis=0))] for mask in (split, ~split))
    ways = 0
    for top, left in np.ndindex(4 - first.shape[0], 4 - first.shape[1]):
        for row, col in np.ndindex(4 - second.shape[0], 4 - second.shape[1]):
            cover = np.zeros((3, 3), dtype=int)
            cover[top : top + first.shape[0], left : left + first.shape[1]] += first
            cover[row : row + second.shape[0], col : col + second.shape[1]] += second
            ways += bool((cover == 1).all())
    return ways


def one_way_splits():
    """Every split of the 3x3 square into two one-piece parts (2 to 7 cells True) that fit back together
    in exactly one way."""
    splits = []
    for code in range(512):
        split = (code >> np.arange(9) & 1).reshape(3, 3).astype(bool)
        if (
            2 <= split.sum() <= 7
            and len(find_objects(np.where(split, 1, 2))) == 2
            and ways_to_fit(split) == 1
        ):
            splits.append(split)
    return splits


ONE_WAY_SPLITS = one_way_splits()


def generate_input(rng):
    split = ONE_WAY_SPLITS[int(rng.integers(len(ONE_WAY_SPLITS)))]
    colors = rng.choice(np.arange(1, 10), size=2, replace=False)
    pieces = [object_from_mask(np.where(split, colors[0], colors[1]), mask) for mask in (split, ~split)]
    sizes = np.array([[piece.height, piece.width] for piece in pieces])
    while True:
        first, second = (
            piece.moved_to(top, left)
            for piece, (top, left) in zip(pieces, rng.integers(0, 11 - sizes), strict=True)
        )
        if not objects_touch(first, second, diagonal=True):  # apart, not even touching at a corner
            return paint_objects(make_grid(10, 10), [first, second])
