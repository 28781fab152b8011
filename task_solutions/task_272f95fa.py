"""Two azure rows and two azure columns cut the grid into a 3x3 arrangement of areas. The area above
the centre turns red, the left one yellow, the centre magenta, the right one green and the one below
blue; the corner areas stay black."""

from omniarc.dsl import *

AREA_COLORS = [BLACK, RED, BLACK, YELLOW, MAGENTA, GREEN, BLACK, BLUE, BLACK]


def transform(grid):
    result = copy_grid(grid)
    for area, color in zip(grid_cells(grid, line_color=AZURE), AREA_COLORS, strict=True):
        result = fill_box(result, area, color)
    return result


def random_cuts(rng, length):
    """Two line positions leaving at least two cells in each of the three parts."""
    while True:
        first, second = sorted(rng.choice(range(2, length - 2), size=2, replace=False))
        if second - first >= 3:
            return first, second


def generate_input(rng):
    grid = make_grid(int(rng.integers(12, 19)), int(rng.integers(14, 20)))
    for row in random_cuts(rng, grid.shape[0]):
        grid[row] = AZURE
    for col in random_cuts(rng, grid.shape[1]):
        grid[:, col] = AZURE
    return grid
