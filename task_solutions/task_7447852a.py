"""A red zigzag line splits the black strip into triangular pockets; counting pockets from the left,
the first and every third one after it is filled with yellow."""

from omniarc.dsl import *


def transform(grid):
    pockets = sort_objects(find_objects(grid, background=RED), "left")
    return paint_objects(grid, pockets[::3], YELLOW)


def generate_input(rng):
    width = int(rng.integers(10, 26))
    grid = make_grid(3, width)
    cells = [(abs((col + 2) % 4 - 2), col) for col in range(width)]
    return paint_cells(grid, cells, RED)
