"""Cut out the single shape and repeat it twice side by side."""

from omniarc.dsl import *


def transform(grid):
    return tile(crop_to_content(grid, background=background_color(grid)), 1, 2)


def generate_input(rng):
    while True:
        shape = make_grid(3, 3)
        shape[rng.random((3, 3)) < 0.55] = rng.choice([1, 2, 3, 8])
        objects = find_objects(shape, connectivity=8)
        if len(objects) == 1 and objects[0].bbox == (0, 0, 3, 3):
            break
    grid = make_grid(8, 8)
    row, col = rng.integers(0, 6, size=2)
    grid[row : row + 3, col : col + 3] = shape
    return grid
