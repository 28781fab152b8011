"""Each square has a border colour and a core colour. The two colours swap places, and the square grows a
border-coloured arm on every side, as thick as the core (its height above and below, its width left and
right), leaving the corners empty."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = grid
    for square in find_objects(grid, single_color=False, background=background_color(grid)):
        border, core = square.pixels[0, 0], square.pixels[1, 1]
        top, left, bottom, right = square.bbox
        reach_down, reach_across = square.height - 2, square.width - 2
        result = fill_box(result, (top - reach_down, left, bottom + reach_down, right), border)
        result = fill_box(result, (top, left - reach_across, bottom, right + reach_across), border)
        result = paint_object(
            result, Object(square.mask, swap_colors(square.pixels, border, core), square.position)
        )
    return result


def generate_input(rng):
    count = int(rng.choice([1, 1, 1, 2]))
    size = 10 if count == 1 else 12
    border, core = rng.permutation([BLUE, RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])[:2]
    for _attempt in range(200):
        grid = make_grid(size, size)
        taken = np.zeros((size, size), dtype=bool)
        for _ in range(count):
            side = int(rng.integers(3, 5))
            reach = side - 2
            row = int(rng.integers(reach, size - side - reach + 1))
            col = int(rng.integers(reach, size - side - reach + 1))
            area = (slice(row - reach, row + side + reach), slice(col - reach, col + side + reach))
            if taken[area].any():
                break
            taken[area] = True
            grid[row : row + side, col : col + side] = border
            grid[row + 1 : row + side - 1, col + 1 : col + side - 1] = core
        else:
            return grid
    return grid
