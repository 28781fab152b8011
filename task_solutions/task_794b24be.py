"""Count the blue cells (one to four); the output marks that many red cells, filling the top row from the
left and then the centre."""

from omniarc.dsl import *


def transform(grid):
    count = count_color(grid, BLUE)
    return paint_cells(make_grid(3, 3), [(0, 0), (0, 1), (0, 2), (1, 1)][:count], RED)


def generate_input(rng):
    count = int(rng.integers(1, 5))
    cells = rng.permutation(9)[:count]
    return paint_cells(make_grid(3, 3), [(int(cell) // 3, int(cell) % 3) for cell in cells], BLUE)
