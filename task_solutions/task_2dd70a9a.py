"""A green pair of cells and a red pair of cells sit among azure obstacles. Extend the green pair along
its own direction until an obstacle blocks it, then turn towards the red pair, and keep going and
turning like this until the green path reaches the red pair."""

import numpy as np
from omniarc.dsl import *


def walk(grid, start, direction, goal, background):
    """Cells of a path going straight from start and turning towards goal at each obstacle (None if stuck)."""
    (row, col), (drow, dcol) = start, direction
    path, turned = [], False
    height, width = grid.shape
    while len(path) < grid.size:
        ahead_row, ahead_col = row + drow, col + dcol
        inside = 0 <= ahead_row < height and 0 <= ahead_col < width
        if inside and grid[ahead_row, ahead_col] == RED:
            return path
        if inside and grid[ahead_row, ahead_col] == background:
            row, col = ahead_row, ahead_col
            path.append((row, col))
            turned = False
        elif turned:
            return None
        else:
            if drow:
                drow, dcol = 0, int(np.sign(goal[1] - col))
            else:
                drow, dcol = int(np.sign(goal[0] - row)), 0
            turned = True
    return None


def transform(grid):
    green = object_from_mask(grid, grid == GREEN)
    goal = object_from_mask(grid, grid == RED).cells[0]
    axis = 0 if green.height == 2 else 1
    toward_goal = 1 if goal[axis] >= green.cells[0][axis] else -1
    for sign in (toward_goal, -toward_goal):
        direction = (sign, 0) if axis == 0 else (0, sign)
        start = green.cells[-1] if sign == 1 else green.cells[0]
        path = walk(grid, start, direction, goal, background_color(grid))
        if path is not None:
            return paint_cells(grid, path, GREEN)
    return copy_grid(grid)


def three_leg_layout(rng, size):
    """Green pair, red pair and the path between them, with leg one going up (None if it does not fit)."""
    green_col, red_col = rng.choice(size, size=2, replace=False)
    if abs(green_col - red_col) < 2:
        return None
    side = 1 if red_col > green_col else -1
    turn_row = int(rng.integers(1, size - 4))
    green_row = int(rng.integers(turn_row + 2, size - 1))
    gap = int(rng.integers(1, 5))
    red_top = turn_row - gap - 2 if rng.random() < 0.5 else turn_row + gap + 1
    if red_top < 0 or red_top + 2 > size:
        return None
    legs = [(row, green_col) for row in range(green_row - 1, turn_row - 1, -1)]
    legs += [(turn_row, col) for col in range(green_col + side, red_col + side, side)]
    step = -1 if red_top < turn_row else 1
    end = red_top + 2 if step == -1 else red_top - 1
    legs += [(row, red_col) for row in range(turn_row + step, end + step, step)]
    blocks = [(turn_row - 1, green_col), (turn_row, red_col + side)]
    return (green_row, green_col), (red_top, red_col), legs, blocks


def generate_input(rng):
    while True:
        size = int(rng.integers(10, 21))
        layout = three_leg_layout(rng, size)
        if layout is None:
            continue
        (green_row, green_col), (red_top, red_col), legs, blocks = layout
        grid = make_grid(size, size)
        grid[rng.random((size, size)) < 0.3] = AZURE
        grid = paint_cells(grid, blocks, AZURE)
        grid = paint_cells(grid, legs, BLACK)
        grid[green_row : green_row + 2, green_col] = GREEN
        grid[red_top : red_top + 2, red_col] = RED
        expected = paint_cells(grid, legs, GREEN)
        turns = int(rng.integers(4))
        grid, expected = rotate(grid, turns), rotate(expected, turns)
        if rng.random() < 0.5:
            grid, expected = flip_horizontal(grid), flip_horizontal(expected)
        if grids_equal(transform(grid), expected):
            return grid
