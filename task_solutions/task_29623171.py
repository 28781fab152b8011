"""Grey lines split the grid into nine boxes holding scattered coloured cells. The box (or boxes, on a
tie) with the most coloured cells is filled completely with that colour; all other boxes are emptied."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    boxes = grid_cells(grid)
    background = most_common_color(crop(grid, boxes[0]))
    counts = [np.count_nonzero(crop(grid, box) != background) for box in boxes]
    fullest = boxes[counts.index(max(counts))]
    color = most_common_color(crop(grid, fullest), exclude=background)
    result = copy_grid(grid)
    for box, count in zip(boxes, counts, strict=True):
        result = fill_box(result, box, color if count == max(counts) else background)
    return result


def generate_input(rng):
    grid = make_grid(11, 11)
    grid[[3, 7], :] = GRAY
    grid[:, [3, 7]] = GRAY
    color = rng.choice([1, 2, 3, 4])
    for top in (0, 4, 8):
        for left in (0, 4, 8):
            cells = rng.choice(9, size=int(rng.integers(0, 5)), replace=False)
            grid[top + cells // 3, left + cells % 3] = color
    return grid
