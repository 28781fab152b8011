"""Two rows and two columns of lines cut the grid into a 3x3 arrangement of areas. The area above
the centre turns red, the left one yellow, the centre magenta, the right one green and the one below
blue; the corner areas stay as they are."""

from omniarc.dsl import *

AREA_COLORS = {1: RED, 3: YELLOW, 4: MAGENTA, 5: GREEN, 7: BLUE}


def transform(grid):
    result = copy_grid(grid)
    for index, area in enumerate(grid_cells(grid)):
        result = fill_box(result, area, AREA_COLORS.get(index, area.color))
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
