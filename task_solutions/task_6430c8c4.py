"""A yellow line splits the grid into an orange top half and a red bottom half. The output marks in green the
cells that are empty in both halves."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    top, bottom = split_by_lines(grid, line_color=YELLOW)
    return np.where((top == BLACK) & (bottom == BLACK), GREEN, BLACK).astype(np.int8)


def generate_input(rng):
    while True:
        top = np.where(rng.random((4, 4)) < rng.uniform(0.4, 0.65), ORANGE, BLACK)
        bottom = np.where(rng.random((4, 4)) < rng.uniform(0.35, 0.6), RED, BLACK)
        grid = concatenate_vertical([top, bottom], separator_color=YELLOW)
        if 0 < count_color(transform(grid), GREEN) < 8:
            return grid
