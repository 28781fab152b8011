"""The largest rectangles made only of black cells, at least two cells tall and wide, are filled with
magenta."""

import numpy as np
from omniarc.dsl import *


def blank_boxes(grid):
    """Every all-black box at least two cells tall and wide."""
    height, width = grid_shape(grid)
    black = grid == BLACK
    boxes = []
    for top in range(height):
        for bottom in range(top + 2, height + 1):
            for left in range(width):
                for right in range(left + 2, width + 1):
                    if not black[top:bottom, left:right].all():
                        break  # every wider box holds the same coloured cell
                    boxes.append((top, left, bottom, right))
    return boxes


def box_area(box):
    return (box[2] - box[0]) * (box[3] - box[1])


def transform(grid):
    boxes = blank_boxes(grid)
    largest = max(box_area(box) for box in boxes)
    result = grid
    for box in boxes:
        if box_area(box) == largest:
            result = fill_box(result, box, MAGENTA)
    return result


def generate_input(rng):
    while True:
        height, width = int(rng.integers(2, 5)), int(rng.integers(20, 31))
        grid = np.where(rng.random((height, width)) < rng.uniform(0.5, 0.65), BLUE, BLACK)
        rows, cols = int(rng.integers(2, height + 1)), int(rng.integers(3, 6))
        top, left = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
        grid[top : top + rows, left : left + cols] = BLACK
        areas = [box_area(box) for box in blank_boxes(grid)]
        if areas.count(max(areas)) == 1 and max(areas) >= 6:
            return grid
