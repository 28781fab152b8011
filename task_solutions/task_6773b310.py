"""Azure lines split the grid into 3x3 cells holding magenta dots. Each cell becomes one output pixel: blue if
it holds two magenta dots, black otherwise."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    counts = [count_color(part, MAGENTA) for part in split_by_lines(grid, line_color=AZURE)]
    return np.where(np.array(counts).reshape(3, 3) == 2, BLUE, BLACK).astype(np.int8)


def random_cell(rng, dots):
    cell = make_grid(3, 3)
    return paint_cells(cell, [divmod(int(i), 3) for i in rng.choice(9, size=dots, replace=False)], MAGENTA)


def generate_input(rng):
    doubles = rng.permutation([2] * int(rng.integers(2, 5)) + [1] * 9)[:9]
    cells = [random_cell(rng, int(dots)) for dots in doubles]
    rows = [concatenate_horizontal(cells[i : i + 3], separator_color=AZURE) for i in (0, 3, 6)]
    return concatenate_vertical(rows, separator_color=AZURE)
