"""The picture is mirror-symmetric about its main diagonal, but black rectangles hide parts of it. Each
hidden cell is restored from its mirror cell; cells whose mirror is hidden too continue their diagonal
line (the colour of the cell down-right of them)."""

import numpy as np

from omniarc.dsl import *


def transform(grid):
    result = complete_symmetry(grid, unknown_color=BLACK, kinds=["diagonal"])
    for row, col in reversed(np.argwhere(result == BLACK).tolist()):
        result[row, col] = result[row + 1, col + 1]
    return result


def generate_input(rng):
    size = 21
    count = int(rng.integers(6, 10))
    start = int(rng.integers(count))
    rows, cols = np.indices((size, size))
    near, far = np.minimum(rows, cols), np.maximum(rows, cols)
    step = np.where(near == far, 1, (far - near) // (near + 2))
    picture = (start + step) % count + 1
    while True:
        grid = copy_grid(picture)
        for _ in range(int(rng.integers(2, 6))):
            height, width = int(rng.integers(2, 10)), int(rng.integers(2, 9))
            top, left = int(rng.integers(0, size - height)), int(rng.integers(0, size - width))
            grid = fill_box(grid, (top, left, top + height, left + width), BLACK)
        if grids_equal(transform(grid), picture):
            return grid
