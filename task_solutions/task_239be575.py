"""Two red 2x2 squares lie among azure cells; the 1x1 output is azure when a side-connected path of azure
cells links the two squares, black otherwise."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    colors = [color for color in palette(grid) if color != BLACK]
    pieces = find_objects(grid)
    squares = [c for c in colors if all(p.size == 4 and p.is_rectangle for p in objects_of_color(pieces, c))]
    path = [color for color in colors if color != squares[0]][0]
    groups = find_objects(grid, connectivity=4, single_color=False)
    with_squares = [group for group in groups if squares[0] in group.colors]
    return make_grid(1, 1, path if len(with_squares) == 1 else BLACK)


def squares_linked(grid, corners):
    """True when one side-connected group of non-black cells holds both red squares (given by a corner)."""
    groups = find_objects(grid, single_color=False)
    return object_at(groups, corners[0]) is object_at(groups, corners[1])


def generate_input(rng):
    want_link = rng.random() < 0.5
    while True:
        draws = rng.random(6)  # the size (5..8 x 5..7) and both squares' top-left corners, uniform
        height, width = 5 + int(draws[0] * 4), 5 + int(draws[1] * 3)
        corners = (draws[2:].reshape(2, 2) * (height - 1, width - 1)).astype(int)
        if np.all(np.abs(corners[0] - corners[1]) < 3):
            continue
        grid = make_grid(height, width)
        grid[rng.random((height, width)) < rng.uniform(0.25, 0.4)] = AZURE
        for row, col in corners:
            grid[row : row + 2, col : col + 2] = RED
        if not (grid == AZURE).any():  # the squares covered every azure cell: no path colour to read
            continue
        if squares_linked(grid, [tuple(corner) for corner in corners]) == want_link:
            return grid
