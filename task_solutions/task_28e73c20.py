"""Draw a green square spiral into the empty grid: start at the top-left corner going right, and turn
clockwise whenever the path would run off the grid or come next to its own earlier track."""

from omniarc.dsl import *


def can_step(grid, row, col, drow, dcol):
    """The next cell is free and inside the grid, and the cell after it is not already green."""
    height, width = grid.shape
    ahead, beyond = (row + drow, col + dcol), (row + 2 * drow, col + 2 * dcol)
    if not (0 <= ahead[0] < height and 0 <= ahead[1] < width) or grid[ahead] == GREEN:
        return False
    return not (0 <= beyond[0] < height and 0 <= beyond[1] < width and grid[beyond] == GREEN)


def transform(grid):
    result = copy_grid(grid)
    row, col, drow, dcol = 0, 0, 0, 1
    result[row, col] = GREEN
    turned = False
    while True:
        if can_step(result, row, col, drow, dcol):
            row, col = row + drow, col + dcol
            result[row, col] = GREEN
            turned = False
        elif turned:
            return result
        else:
            drow, dcol = dcol, -drow
            turned = True


def generate_input(rng):
    size = int(rng.integers(6, 19))
    return make_grid(size, size)
