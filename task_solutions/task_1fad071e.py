"""Count the 2x2 blue squares; the output is a 1x5 strip with that many blue cells from the left, the rest
black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    blues = objects_of_color(find_objects(grid, background=background), BLUE)
    squares = [blue for blue in blues if blue.size == 4 and blue.is_rectangle]
    result = make_grid(1, 5, background)
    result[0, : len(squares)] = BLUE
    return result


def generate_input(rng):
    while True:
        grid = make_grid(9, 9)
        # top-left corners where a square of each size still fits with an empty ring around it
        free = {1: np.ones((9, 9), dtype=bool), 2: np.ones((8, 8), dtype=bool)}
        pieces = [(BLUE, 2)] * int(rng.integers(1, 6)) + [(RED, 2)] * int(rng.integers(1, 5))
        pieces += [(BLUE, 1)] * int(rng.integers(1, 5))
        for color, size in pieces:
            corners = np.argwhere(free[size])
            if rng.random() < (1 - len(corners) / free[size].size) ** 30:  # as often as 30 random tries miss
                break
            row, col = corners[int(rng.integers(len(corners)))]
            grid[row : row + size, col : col + size] = color
            for other, corners_left in free.items():  # a square there would touch this one
                near_rows = slice(max(row - other, 0), row + size + 1)
                corners_left[near_rows, max(col - other, 0) : col + size + 1] = False
        else:
            return grid
