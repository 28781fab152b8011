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
        top, left, bottom, right = room.bbox
        sealed = not (wall_rows[top:bottom].any() or wall_cols[left:right].any())  # crosses no wall line
        result = paint_object(result, room, GREEN if sealed else YELLOW)
    return result


def generate_input(rng):
    while True:
        pitch = int(rng.integers(4, 7))
        size = pitch * int(rng.integers(3, 7)) + pitch - 1
        if 19 <= size <= 29:
            break
    wall = int(rng.choice([1, 5, 8, 9]))
    on_line = np.arange(size) % pitch == pitch - 1
    walls = np.argwhere(on_line[:, None] != on_line[None, :])  # wall cells, not the crossings
    while True:
        grid = make_grid(size, size)
        grid[on_line, :] = wall
        grid[:, on_line] = wall
        gaps = walls[rng.permutation(len(walls))[: int(len(walls) * rng.uniform(0.05, 0.11))]]
        grid[gaps[:, 0], gaps[:, 1]] = BLACK
        rooms = find_objects(grid, background=wall)
        if any(room.size == (pitch - 1) ** 2 for room in rooms):  # a sealed room (every gap joins rooms)
            return grid
