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


def random_piece(rng):
    """A closed rectangle outline, the same with a gap, or a short bent stroke, as a blue grid."""
    kind = int(rng.integers(3))
    rows, cols = int(rng.integers(3, 6)), int(rng.integers(3, 6))
    if kind < 2:
        piece = draw_outline(make_grid(rows, cols), (0, 0, rows, cols), BLUE)
        if kind == 1:
            edge = [(0, int(rng.integers(1, cols - 1))), (int(rng.integers(1, rows - 1)), cols - 1)]
            piece = paint_cells(piece, [edge[int(rng.integers(2))]], BLACK)
        return piece
    rows, cols = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    piece = make_grid(rows, cols, BLUE)
    return paint_cells(piece, [(rows - 1, cols - 1)], BLACK) if rows * cols > 2 else piece


def generate_input(rng):
    size = int(rng.choice([9, 12, 15]))
    while True:
        grid = make_grid(size, size)
        for _ in range(int(rng.integers(3, 4 + size // 3))):
            piece = rotate(random_piece(rng), int(rng.integers(4)))
            rows, cols = piece.shape
            top, left = int(rng.integers(0, size - rows + 1)), int(rng.integers(0, size - cols + 1))
            if np.sum(grid[max(top - 1, 0) : top + rows + 1, max(left - 1, 0) : left + cols + 1]) == 0:
                grid[top : top + rows, left : left + cols] = piece
        shapes = find_objects(grid)
        loops = sum(1 for shape in shapes if holes(shape))
        if 1 <= loops < len(shapes):
            return grid
