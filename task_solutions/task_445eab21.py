"""Of the hollow rectangles, the one enclosing the largest area gives its colour to a 2x2 output."""

from omniarc.dsl import *
from omniarc.task_solutions.sampling import random_box_pair


def transform(grid):
    boxes = find_objects(grid, background=background_color(grid))
    biggest = max(boxes, key=lambda box: box.height * box.width)
    return make_grid(2, 2, biggest.color)


def generate_input(rng):
    while (boxes := random_box_pair(rng, 3, 10, tries=64)) is None:
        pass
    grid = make_grid(10, 10)
    for box, color in zip(
        boxes, rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE, MAROON]), strict=False
    ):
        grid = draw_outline(grid, box, int(color))
    return grid
