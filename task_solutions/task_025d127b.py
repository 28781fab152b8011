"""Each slanted outline shape slides one cell to the right, except its bottom row, which stays put, and no
cell may pass the shape's rightmost column."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = make_grid(*grid.shape, background)
    for shape in find_objects(grid, connectivity=8, background=background):
        bottom, right = shape.bbox[2] - 1, shape.bbox[3] - 1
        cells = [(row, col if row == bottom else min(col + 1, right)) for row, col in shape.cells]
        result = paint_cells(result, cells, shape.color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "a shape may have any colour; the real inputs show only four"}


def slanted_outline_cells(top, left, length, height):
    """Cells of a parallelogram outline whose sides lean down-right, one column per row."""
    cells = [(top, left + i) for i in range(length)]
    cells += [
        cell
        for i in range(1, height - 1)
        for cell in ((top + i, left + i - 1), (top + i, left + length - 1 + i))
    ]
    return cells + [(top + height - 1, left + height - 2 + i) for i in range(length)]


def generate_input(rng):
    height, width = int(rng.integers(8, 15)), int(rng.integers(9, 11))
    while True:
        grid, boxes = make_grid(height, width), []
        for color in rng.permutation(range(1, 10))[: int(rng.integers(1, 3))]:
            shape_height = int(rng.integers(3, min(6, height - 1)))
            length = int(rng.integers(3, width - shape_height + 1))
            top = int(rng.integers(1, height - shape_height + 1))
            left = int(rng.integers(1, width - length - shape_height + 3))
            box = (top, left, top + shape_height, left + length + shape_height - 2)
            boxes.append(box)
            grid = paint_cells(grid, slanted_outline_cells(top, left, length, shape_height), int(color))
        if all(boxes_apart(first, second) for i, first in enumerate(boxes) for second in boxes[i + 1 :]):
            return grid


def boxes_apart(first, second):
    """True when the two boxes neither overlap nor touch."""
    return first[2] < second[0] or second[2] < first[0] or first[3] < second[1] or second[3] < first[1]
