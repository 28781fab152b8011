"""From the coloured cell on the bottom row, full-height lines of its colour fill every other column to
the right edge. The gaps between the lines are joined in a zigzag by grey cells, alternately on the top
row and on the bottom row."""

from omniarc.dsl import *


def transform(grid):
    height, width = grid_shape(grid)
    dot = find_objects(grid)[0]
    result = copy_grid(grid)
    for col in range(dot.left, width):
        step = col - dot.left
        if step % 2 == 0:
            result = draw_line(result, (0, col), "down", dot.color)
        else:
            result = paint_cells(result, [(0 if step % 4 == 1 else height - 1, col)], GRAY)
    return result


def generate_input(rng):
    col = int(rng.integers(0, 8))
    return paint_cells(make_grid(10, 10), [(9, col)], int(rng.choice([1, 2, 3, 4])))
