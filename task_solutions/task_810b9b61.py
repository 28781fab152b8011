"""Every blue shape that forms a closed loop around a hole turns green; open or solid blue shapes stay
blue."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid):
        if holes(shape):
            result = paint_object(result, shape, GREEN)
    return result


def random_piece(rng, kind):
    """A closed rectangle outline (kind 0), the same with a gap (kind 1), or a short bent stroke (kind 2), as
    a blue grid."""
    if kind < 2:
        rows, cols = (int(side) for side in rng.integers(3, 6, size=2))
        piece = np.full((rows, cols), BLUE, dtype=np.int8)
        piece[1:-1, 1:-1] = BLACK
        if kind == 1:
            edge = [(0, int(rng.integers(1, cols - 1))), (int(rng.integers(1, rows - 1)), cols - 1)]
            piece[edge[int(rng.integers(2))]] = BLACK
        return piece
    rows, cols = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    piece = np.full((rows, cols), BLUE, dtype=np.int8)
    if rows * cols > 2:
        piece[rows - 1, cols - 1] = BLACK
    return piece


def generate_input(rng):
    size = int(rng.choice([9, 12, 15]))
    while True:
        grid = make_grid(size, size)
        loops = others = 0  # each placed piece is one shape: a closed loop or not
        count = int(rng.integers(3, 4 + size // 3))
        for kind, turns, spot in zip(
            rng.integers(3, size=count), rng.integers(4, size=count), rng.random((count, 2)), strict=True
        ):
            piece = np.rot90(random_piece(rng, kind), turns)
            rows, cols = piece.shape
            top, left = (spot * (size + 1 - np.array(piece.shape))).astype(int)  # any place inside the grid
            if not grid[max(top - 1, 0) : top + rows + 1, max(left - 1, 0) : left + cols + 1].any():
                grid[top : top + rows, left : left + cols] = piece
                loops, others = loops + (kind == 0), others + (kind != 0)
        if loops and others:
            return grid
