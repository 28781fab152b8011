"""A chevron-shaped hat hangs over scattered dots. In every column of the hat that has a dot somewhere below
it, a line of the dot colour runs from just under the hat down to the bottom edge."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    hat = largest_object(find_objects(grid, connectivity=8))
    dot_color = least_common_color(grid, exclude=[BLACK, hat.color])
    result = copy_grid(grid)
    for col in range(hat.left, hat.left + hat.width):
        bottom = max(row for row, hat_col in hat.cells if hat_col == col)
        if count_color(grid[bottom + 1 :, col : col + 1], dot_color) > 0:
            result = draw_line(result, (bottom + 1, col), "down", dot_color)
    return result


HAT = [(0, 3), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 4), (2, 5), (3, 0), (3, 6)]

GENERATOR_EXEMPTIONS = {"colors": "hat and dot colours may be any; the real inputs show eight"}


def generate_input(rng):
    while True:
        hat_color, dot_color = (int(c) for c in rng.choice(np.arange(1, 10), size=2, replace=False))
        top, left = int(rng.integers(1, 8)), int(rng.integers(0, 14))
        dots = rng.random((20, 20)) < rng.uniform(0.03, 0.05)
        dots[max(top - 1, 0) : top + 5, max(left - 1, 0) : left + 8] = False
        if 1 <= sum(np.any(dots[top + 4 :, left : left + 7], axis=0)) <= 3:  # 1 to 3 lines to draw
            grid = paint_cells(make_grid(20, 20), [(top + r, left + c) for r, c in HAT], hat_color)
            return paint_mask(grid, dots, dot_color)
