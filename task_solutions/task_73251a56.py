"""The picture is mirror-symmetric about its main diagonal, which is a line of one colour, but black
rectangles hide parts of it. Each hidden cell is restored from its mirror cell; where that is hidden too,
it gets the diagonal's colour on the diagonal and the background (most common) colour elsewhere."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = complete_symmetry(grid, unknown_color=BLACK, kinds=["diagonal"])
    on_diagonal = np.eye(len(grid), dtype=bool)
    diagonal_color = most_common_color([np.diagonal(result)], exclude=BLACK)
    hidden = result == BLACK
    result = paint_mask(result, hidden & on_diagonal, diagonal_color)
    return paint_mask(result, hidden & ~on_diagonal, most_common_color(result, exclude=BLACK))


def generate_input(rng):
    size = 21
    count = int(rng.integers(6, 10))
    start = int(rng.integers(count))
    rows, cols = np.indices((size, size))
    near, far = np.minimum(rows, cols), np.maximum(rows, cols)
    step = np.where(near == far, 1, (far - near) // (near + 2))
    picture = (start + step) % count + 1
    on_diagonal = np.eye(size, dtype=bool)
    while True:
        grid = copy_grid(picture)
        for _ in range(int(rng.integers(2, 6))):
            height, width = int(rng.integers(2, 7)), int(rng.integers(2, 8))
            top, left = int(rng.integers(0, size - height)), int(rng.integers(0, size - width))
            grid = fill_box(grid, (top, left, top + height, left + width), BLACK)
        # where a cell and its mirror are both hidden, the picture must hold what the rule puts back there
        lost = (grid == BLACK) & (grid == BLACK).T
        if np.all(picture[lost & on_diagonal] == picture[0, 0]):
            if np.all(picture[lost & ~on_diagonal] == most_common_color(picture)):
                return grid
