"""Grey lines split the grid into 3x3 cells, each with one coloured centre cell; every cell is filled
with the colour numbered five above its centre's colour (blue 1 becomes magenta 6, red 2 orange 7, ...)."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for cell in grid_cells(grid, line_color=GRAY):
        result = fill_box(result, cell.bbox, max(cell.colors) + 5)
    return result


def generate_input(rng):
    rows = int(rng.integers(1, 3))
    grid = make_grid(4 * rows - 1, 11)
    grid[:, [3, 7]] = GRAY
    grid[3::4, :] = GRAY
    for row in range(rows):
        for col in range(3):
            grid[4 * row + 1, 4 * col + 1] = int(rng.integers(1, 5))
    return grid
