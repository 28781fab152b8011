"""Four grey bars stand on the floor; recolour them by height: the tallest blue, then red, green and yellow
for the shortest."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    bars = sort_objects(find_objects(grid), "size", descending=True)
    for color, bar in zip([BLUE, RED, GREEN, YELLOW], bars, strict=False):
        result = paint_object(result, bar, color)
    return result


def generate_input(rng):
    grid = make_grid(9, 9)
    for col, height in zip([1, 3, 5, 7], rng.choice(range(2, 10), size=4, replace=False), strict=True):
        grid = draw_line(grid, (8, col), "up", GRAY, length=int(height))
    return grid
