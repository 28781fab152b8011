"""Two coloured pixels, one in each half of the grid: each pixel paints its half's side columns, the grid's
outer row on its side, and its own row in its colour."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the two pixels may have any two different colours"}


def transform(grid):
    background = background_color(grid)
    height, width = grid_shape(grid)
    half = height // 2
    result = make_grid(height, width, background)
    for pixel in find_objects(grid, background=background):
        rows = slice(0, half) if pixel.top < half else slice(half, height)
        outer_row = 0 if pixel.top < half else height - 1
        result[rows, [0, width - 1]] = pixel.color
        result[[outer_row, pixel.top], :] = pixel.color
    return result


def generate_input(rng):
    grid = make_grid(10, 10)
    top_color, bottom_color = rng.choice(range(1, 10), size=2, replace=False)
    grid[2, rng.integers(0, 10)] = top_color
    grid[7, rng.integers(0, 10)] = bottom_color
    return grid
