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


# flat indices, in a 3x3 answer, of every two cells that share a side or a corner
TOUCHING = np.array(
    [(a, b) for a in range(9) for b in range(a + 1, 9) if max(abs(a // 3 - b // 3), abs(a % 3 - b % 3)) == 1]
).T


def corner_clash(answer):
    """True when two coloured cells of different colours share a side or a corner."""
    first, second = answer.ravel()[TOUCHING]
    return bool(np.any((first > 0) & (second > 0) & (first != second)))


def random_answer(rng, colors):
    """The 4x4 dots of a 3x3 answer touching all four sides whose differently coloured cells share no corner:
    each answer cell colours its four corner dots."""
    while True:
        coloured = rng.random((3, 3)) < 0.45
        if not (coloured[[0, 2]].any(axis=1).all() and coloured[:, [0, 2]].any(axis=0).all()):
            continue
        answer = np.where(coloured, np.array(colors)[rng.integers(len(colors), size=(3, 3))], 0)
        if not corner_clash(answer):
            dots = np.zeros((4, 4), int)
            for drow, dcol in [(0, 0), (0, 1), (1, 0), (1, 1)]:
                corners = dots[drow : drow + 3, dcol : dcol + 3]
                corners[:] = np.maximum(corners, answer)
            return dots


def generate_input(rng):
    step = int(rng.integers(3, 6))
    size = int(rng.integers(27, 30))
    line, *colors = [int(c) for c in rng.choice([1, 2, 3, 4, 6, 8], size=4, replace=False)]
    dots = random_answer(rng, colors[: int(rng.integers(1, 4))])
    grid = make_grid(size, size)
    lines = np.flatnonzero(np.arange(size) % step == step - 1)
    grid[lines, :] = line
    grid[:, lines] = line
    first_row, first_col = rng.integers(0, len(lines) - 3, size=2)
    crossings = np.ix_(lines[first_row : first_row + 4], lines[first_col : first_col + 4])
    grid[crossings] = np.where(dots > 0, dots, line)
    return grid
