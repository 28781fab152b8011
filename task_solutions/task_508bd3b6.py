"""A short azure diagonal points at a red wall along one edge; it is continued in green until it reaches
the wall, then bounces off the wall like a light ray and runs on in green to the grid's edge."""

import numpy as np
from omniarc.dsl import *


def ray(grid, cell, step):
    """The black cells from cell (excluded) along step until something else or the edge."""
    cells = []
    row, col = cell
    while 0 <= row + step[0] < grid.shape[0] and 0 <= col + step[1] < grid.shape[1]:
        if grid[row + step[0], col + step[1]] != BLACK:
            break
        row, col = row + step[0], col + step[1]
        cells.append((row, col))
    return cells


def transform(grid):
    ends = np.argwhere(grid == AZURE)[[0, -1]]
    step = np.sign(ends[1] - ends[0])
    wall_rows = np.all(grid[np.any(grid == RED, axis=1)] == RED)
    mirror = np.array([-1, 1] if wall_rows else [1, -1])
    for end, forward in ((ends[1], step), (ends[0], -step)):
        path = ray(grid, end, forward)
        last = path[-1] if path else tuple(end)
        hit = (last[0] + forward[0], last[1] + forward[1])
        if 0 <= hit[0] < grid.shape[0] and 0 <= hit[1] < grid.shape[1] and grid[hit] == RED:
            rebound = ray(grid, last, forward * mirror)
            return paint_cells(grid, path + rebound, GREEN)
    return copy_grid(grid)


def generate_input(rng):
    while True:
        thickness = int(rng.integers(2, 5))
        grid = fill_box(make_grid(12, 12), (0, 12 - thickness, 12, 12), RED)
        edge = rng.choice(["top", "bottom", "left"])
        row = {"top": 0, "bottom": 11}.get(edge, int(rng.integers(0, 12)))
        col = 0 if edge == "left" else int(rng.integers(0, 12 - thickness - 3))
        drow = {"top": 1, "bottom": -1}.get(edge, int(rng.choice([-1, 1])))
        length = int(rng.integers(2, 4))
        cells = [(row + drow * k, col + k) for k in range(length)]
        if not all(0 <= r < 12 for r, _ in cells):
            continue
        grid = rotate(paint_cells(grid, cells, AZURE), int(rng.integers(0, 4)))
        green = color_mask(transform(grid), GREEN)
        if np.sum(green) >= 5 and np.sum(np.any(green, axis=0)) >= 5:
            return grid
