"""Two coloured walls with jagged teeth frame the grid. Every row and every column that runs all the way
across the inside without touching a tooth is painted green between the walls."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    walls = set(grid[0]) | set(grid[-1]) | set(grid[:, 0]) | set(grid[:, -1])
    background = [color for color in palette(grid) if color not in walls][0]
    result = copy_grid(grid)
    height, width = grid.shape
    for row in range(1, height - 1):
        if np.all(grid[row, 1:-1] == background):
            result[row, 1:-1] = GREEN
    for col in range(1, width - 1):
        if np.all(grid[1:-1, col] == background):
            result[1:-1, col] = GREEN
    return result


def wall_depths(rng, length):
    """Thickness of a wall along one side: runs of teeth 1 to 4 cells deep."""
    depths, depth = [], 1
    for _ in range(length):
        if rng.random() < 0.6:
            depth = int(rng.choice([1, 2, 2, 3, 3, 4]))
        depths.append(depth)
    return depths


def generate_input(rng):
    size = int(rng.integers(10, 15))
    first, second = rng.permutation([AZURE, RED])
    grid = make_grid(size, size)
    for index, depth in enumerate(wall_depths(rng, size)):
        grid[:depth, index] = first
    for index, depth in enumerate(wall_depths(rng, size)):
        grid[index, :depth] = first
    for index, depth in enumerate(wall_depths(rng, size)):
        grid[size - depth :, index] = second
    for index, depth in enumerate(wall_depths(rng, size)):
        grid[index, size - depth :] = second
    for row in rng.choice(range(3, size - 3), size=int(rng.integers(1, 4)), replace=False):
        grid[row, 1:-1] = BLACK
    for col in rng.choice(range(3, size - 3), size=int(rng.integers(1, 4)), replace=False):
        grid[1:-1, col] = BLACK
    grid = rotate(grid, int(rng.integers(4)))
    return flip_horizontal(grid) if rng.random() < 0.5 else grid
