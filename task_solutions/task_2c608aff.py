"""Single dots lie around a big rectangle. Each dot that lines up with the rectangle (shares one of its
rows or columns) is joined to it by a straight line of the dot's colour; the other dots stay as they are."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = most_common_color(grid)
    block = largest_object(find_objects(grid, background=background))
    top, left, bottom, right = block.bbox
    result = copy_grid(grid)
    for row, col in np.argwhere((grid != background) & (grid != block.color)):
        if top <= row < bottom:
            direction = "right" if col < left else "left"
        elif left <= col < right:
            direction = "down" if row < top else "up"
        else:
            continue
        result = draw_line(
            result, (row, col), direction, grid[row, col], stop_at_obstacle=True, background=background
        )
    return result


def generate_input(rng):
    while True:
        height, width = int(rng.integers(9, 20)), int(rng.integers(12, 22))
        background, fill, dot_color = rng.choice([1, 2, 3, 4, 5, 8], size=3, replace=False)
        grid = make_grid(height, width, background)
        block_height, block_width = int(rng.integers(3, 8)), int(rng.integers(3, 9))
        top = int(rng.integers(1, height - block_height))
        left = int(rng.integers(1, width - block_width))
        grid[top : top + block_height, left : left + block_width] = fill
        rows, cols = set(), set()
        for _ in range(int(rng.integers(1, 7))):
            row, col = int(rng.integers(height)), int(rng.integers(width))
            near = grid[max(row - 1, 0) : row + 2, max(col - 1, 0) : col + 2]
            if row not in rows and col not in cols and (near == background).all():
                grid[row, col] = dot_color
                rows.add(row)
                cols.add(col)
        if not grids_equal(transform(grid), grid):
            return grid
