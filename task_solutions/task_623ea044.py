"""A single dot shoots lines of its colour along both diagonals, in all four directions, to the edges."""

from omniarc.dsl import *


def transform(grid):
    dot = find_objects(grid)[0]
    result = copy_grid(grid)
    for direction in ("up_left", "up_right", "down_left", "down_right"):
        result = draw_line(result, dot.position, direction, dot.color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "the dot may have any colour; the real inputs show only four"}


def generate_input(rng):
    size = int(rng.integers(7, 18))
    row, col = (int(v) for v in rng.integers(1, size - 1, size=2))
    return paint_cells(make_grid(size, size), [(row, col)], int(rng.integers(1, 10)))
