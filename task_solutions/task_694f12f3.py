"""Two yellow rectangles: the inside of the bigger one (all but its edge cells) turns red, the inside of the
smaller one turns blue."""

from omniarc.dsl import *
from omniarc.task_solutions.sampling import random_box_pair


def transform(grid):
    small, big = sort_objects(find_objects(grid), "size")
    result = grid
    for rectangle, color in ((small, BLUE), (big, RED)):
        top, left, bottom, right = rectangle.bbox
        result = fill_box(result, (top + 1, left + 1, bottom - 1, right - 1), color)
    return result


def generate_input(rng):
    while (boxes := random_box_pair(rng, 3, 6)) is None:
        pass
    grid = make_grid(10, 10)
    for box in boxes:
        grid = fill_box(grid, box, YELLOW)
    return grid
