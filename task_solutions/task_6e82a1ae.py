"""Every grey shape is recoloured by its size: shapes of four cells become blue, of three cells red, and
of two cells green."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for shape in find_objects(grid):
        result = paint_object(result, shape, {4: BLUE, 3: RED, 2: GREEN}[shape.size])
    return result


def grow_shape(rng, cells):
    """A side-connected set of cells (relative to (0, 0)) grown one random neighbour at a time."""
    shape = [(0, 0)]
    while len(shape) < cells:
        row, col = shape[int(rng.integers(len(shape)))]
        drow, dcol = [(0, 1), (1, 0), (0, -1), (-1, 0)][int(rng.integers(4))]
        if (row + drow, col + dcol) not in shape:
            shape.append((row + drow, col + dcol))
    top, left = min(r for r, _ in shape), min(c for _, c in shape)
    return [(r - top, c - left) for r, c in shape]


def generate_input(rng):
    size = 10
    while True:
        grid = make_grid(size, size)
        sizes = [2, 3, 4] + [int(rng.integers(2, 5)) for _ in range(int(rng.integers(1, 5)))]
        for cells in sizes:
            shape = grow_shape(rng, cells)
            for _ in range(50):
                top, left = int(rng.integers(0, size)), int(rng.integers(0, size))
                spot = [(top + r, left + c) for r, c in shape]
                if all(r < size and c < size for r, c in spot) and all(
                    np.sum(grid[max(r - 1, 0) : r + 2, max(c - 1, 0) : c + 2]) == 0 for r, c in spot
                ):
                    grid = paint_cells(grid, spot, GRAY)
                    break
        if len(find_objects(grid)) == len(sizes):
            return grid
