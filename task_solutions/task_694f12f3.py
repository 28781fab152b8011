"""Two yellow rectangles: the inside of the bigger one (all but its edge cells) turns red, the inside of the
smaller one turns blue."""

from omniarc.dsl import *


def transform(grid):
    small, big = sort_objects(find_objects(grid), "size")
    result = grid
    for rectangle, color in ((small, BLUE), (big, RED)):
        top, left, bottom, right = rectangle.bbox
        result = fill_box(result, (top + 1, left + 1, bottom - 1, right - 1), color)
    return result


def generate_input(rng):
    while True:
        grid = make_grid(10, 10)
        sizes = rng.integers(3, 7, size=(2, 2))
        for height, width in sizes:
            top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
            grid = fill_box(grid, (top, left, top + height, left + width), YELLOW)
        areas = [int(h * w) for h, w in sizes]
        found = find_objects(grid, connectivity=8)
        if areas[0] != areas[1] and sorted(shape.size for shape in found) == sorted(areas):
            if all(shape.is_rectangle for shape in found):
                return grid
