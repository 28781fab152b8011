"""A yellow line splits the grid into two halves of red cells. Output green wherever exactly one of the
two halves has a red cell, black elsewhere."""

from omniarc.dsl import *


def transform(grid):
    top, bottom = split_by_lines(grid, line_color=YELLOW)
    return paint_mask(make_grid(*top.shape), (top == RED) != (bottom == RED), GREEN)


def generate_input(rng):
    grid = make_grid(13, 5)
    grid[rng.random((13, 5)) < 0.5] = RED
    grid[6] = YELLOW
    return grid
