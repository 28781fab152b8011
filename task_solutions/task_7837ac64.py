"""A lattice of lines has some crossings coloured. Looking at the 4x4 crossings spanned by the coloured
ones, each of the 3x3 squares between them becomes one output cell: the colour of its four corners when
they all share one dot colour, black otherwise."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    line = most_common_color(grid, exclude=BLACK)
    top, left, bottom, right = bounding_box((grid != BLACK) & (grid != line))
    step = (bottom - top - 1) // 3
    dots = grid[top:bottom:step, left:right:step]
    result = make_grid(3, 3)
    for row in range(3):
        for col in range(3):
            corners = dots[row : row + 2, col : col + 2]
            if np.all(corners == corners[0, 0]) and corners[0, 0] != line:
                result[row, col] = corners[0, 0]
    return result


def random_answer(rng, colors):
    """A 3x3 answer touching all four sides whose differently coloured cells share no corner."""
    while True:
        answer = np.where(rng.random((3, 3)) < 0.45, rng.choice(colors, size=(3, 3)), 0)
        dots = np.zeros((4, 4), int)
        clash = False
        for row, col in np.argwhere(answer > 0):
            corners = dots[row : row + 2, col : col + 2]
            clash |= bool(np.any((corners > 0) & (corners != answer[row, col])))
            dots[row : row + 2, col : col + 2] = answer[row, col]
        spans = np.any(answer[0]) and np.any(answer[2]) and np.any(answer[:, 0]) and np.any(answer[:, 2])
        if not clash and spans:
            return dots


def generate_input(rng):
    step = int(rng.integers(3, 6))
    size = int(rng.integers(27, 30))
    line, *colors = [int(c) for c in rng.choice([1, 2, 3, 4, 6, 8], size=4, replace=False)]
    dots = random_answer(rng, colors[: int(rng.integers(1, 4))])
    grid = make_grid(size, size)
    lines = [index for index in range(size) if index % step == step - 1]
    grid[lines, :] = line
    grid[:, lines] = line
    first_row, first_col = (int(rng.integers(0, len(lines) - 3)) for _ in range(2))
    for (row, col), color in np.ndenumerate(dots):
        if color:
            grid[lines[first_row + row], lines[first_col + col]] = color
    return grid
