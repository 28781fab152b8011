"""A 5x5 grid holds a 2x2 block and a coloured right column and bottom row. The grid is blown up by the
number of its colours (black excluded), and red diagonal rays run out from the block's four corners
through black cells until they hit something."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    scale = len(palette(grid)) - 1
    result = upscale(grid, scale)
    block = find_objects(result[:-scale, :-scale])[0]
    for row, drow in ((block.top - 1, -1), (block.top + block.height, 1)):
        for col, dcol in ((block.left - 1, -1), (block.left + block.width, 1)):
            result = draw_line(result, (row, col), (drow, dcol), RED, stop_at_obstacle=True)
    return result


def generate_input(rng):
    runs = int(rng.integers(1, 5))
    block_color, *border_colors = rng.choice(
        [BLUE, GREEN, YELLOW, MAGENTA, ORANGE, AZURE, MAROON], runs + 1, replace=False
    )
    cuts = sorted(rng.choice(range(1, 5), size=runs - 1, replace=False))
    border = np.repeat(border_colors, np.diff([0, *cuts, 5]))
    grid = make_grid(5, 5)
    grid[4, :] = border
    grid[:, 4] = border
    top, left = int(rng.integers(0, 2)), int(rng.integers(0, 2))
    return fill_box(grid, (top, left, top + 2, left + 2), int(block_color))
