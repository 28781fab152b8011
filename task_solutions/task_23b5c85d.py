"""Several solid rectangles, some overlapping; the output is the smallest one."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the rectangles may have any colours"}


def transform(grid):
    shapes = find_objects(grid, background=background_color(grid))
    rectangles = [shape for shape in shapes if shape.is_rectangle]
    return smallest_object(rectangles).as_grid()


def generate_input(rng):
    while True:
        height, width = int(rng.integers(10, 21)), int(rng.integers(10, 21))
        grid = make_grid(height, width)
        colors = rng.permutation(range(1, 10))[: rng.integers(2, 6)]
        small_h, small_w = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        for index, color in enumerate(colors):
            low = 2 if index == len(colors) - 1 else max(small_h, small_w) + 1
            box_h, box_w = (
                (small_h, small_w)
                if index == len(colors) - 1
                else (rng.integers(low, min(height, 13) + 1), rng.integers(low, min(width, 13) + 1))
            )
            top, left = int(rng.integers(0, height - box_h + 1)), int(rng.integers(0, width - box_w + 1))
            grid = fill_box(grid, (top, left, top + box_h, left + box_w), int(color))
        shapes = find_objects(grid)
        sizes = sorted(shape.size for shape in shapes)
        smallest = smallest_object(shapes)
        if len(shapes) == len(colors) and smallest.color == colors[-1] and sizes[0] < sizes[1]:
            if smallest.size == small_h * small_w:
                return grid
