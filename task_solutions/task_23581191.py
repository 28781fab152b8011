"""An azure and an orange pixel each shoot lines across their whole row and column; where a line of one
meets a line of the other the cell turns red."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    first, second = find_objects(grid)
    for pixel in (first, second):
        result[pixel.top, :] = pixel.color
        result[:, pixel.left] = pixel.color
    result[first.top, second.left] = result[second.top, first.left] = RED
    return result


def generate_input(rng):
    grid = make_grid(9, 9)
    rows, cols = rng.choice(9, size=2, replace=False), rng.choice(9, size=2, replace=False)
    grid[rows[0], cols[0]], grid[rows[1], cols[1]] = AZURE, ORANGE
    return grid
