"""Each row with a coloured cell at both ends is filled: the left half with the left colour, the right
half with the right colour, and a grey cell in the middle where they meet."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    middle = grid.shape[1] // 2
    for row in range(grid.shape[0]):
        if grid[row, 0] and grid[row, -1]:
            result[row, :middle] = grid[row, 0]
            result[row, middle + 1 :] = grid[row, -1]
            result[row, middle] = GRAY
    return result


def generate_input(rng):
    grid = make_grid(5, 11)
    for row in rng.choice(5, size=int(rng.integers(1, 3)), replace=False):
        grid[row, [0, -1]] = rng.choice([1, 2, 3, 4, 6, 7, 8, 9], size=2, replace=False)
    return grid
