"""A lattice of walls has gaps. Black rooms with no gap in their walls turn green; rooms joined to others
through gaps turn yellow, together with the gap cells."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    wall = most_common_color(grid, exclude=BLACK)
    wall_rows = np.sum(grid == wall, axis=1) > len(grid[0]) // 2
    wall_cols = np.sum(grid == wall, axis=0) > len(grid) // 2
    result = copy_grid(grid)
    for room in find_objects(grid, background=wall):
        sealed = not any(wall_rows[row] or wall_cols[col] for row, col in room.cells)
        result = paint_object(result, room, GREEN if sealed else YELLOW)
    return result


def generate_input(rng):
    while True:
        pitch = int(rng.integers(4, 7))
        size = pitch * int(rng.integers(3, 7)) + pitch - 1
        if 19 <= size <= 29:
            break
    wall = int(rng.choice([1, 5, 8, 9]))
    lines = [index for index in range(size) if index % pitch == pitch - 1]
    while True:
        grid = make_grid(size, size)
        grid[lines, :] = wall
        grid[:, lines] = wall
        walls = [(row, col) for row in range(size) for col in range(size) if (row in lines) != (col in lines)]
        gaps = rng.permutation(len(walls))[: int(len(walls) * rng.uniform(0.05, 0.11))]
        grid = paint_cells(grid, [walls[int(index)] for index in gaps], BLACK)
        result = transform(grid)
        if count_color(result, GREEN) and count_color(result, YELLOW):
            return grid
