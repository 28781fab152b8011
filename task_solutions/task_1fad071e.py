"""Count the 2x2 blue squares; the output is a 1x5 strip with that many blue cells from the left, the rest
black."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    blues = objects_of_color(find_objects(grid, background=background), BLUE)
    squares = [blue for blue in blues if blue.size == 4 and blue.is_rectangle]
    result = make_grid(1, 5, background)
    result[0, : len(squares)] = BLUE
    return result


def generate_input(rng):
    while True:
        grid = make_grid(9, 9)
        taken = make_grid(9, 9)
        pieces = [(BLUE, 2)] * int(rng.integers(1, 6)) + [(RED, 2)] * int(rng.integers(1, 5))
        pieces += [(BLUE, 1)] * int(rng.integers(1, 5))
        placed = 0
        for color, size in pieces:
            for _ in range(30):
                row, col = int(rng.integers(0, 10 - size)), int(rng.integers(0, 10 - size))
                if not taken[max(row - 1, 0) : row + size + 1, max(col - 1, 0) : col + size + 1].any():
                    grid = fill_box(grid, (row, col, row + size, col + size), color)
                    taken = fill_box(taken, (row, col, row + size, col + size), 1)
                    placed += 1
                    break
        if placed == len(pieces):
            return grid
