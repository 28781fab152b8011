"""The blue 2x2 square shoots a blue diagonal line up-left from its top-left corner to the edge, and the red
2x2 square shoots a red diagonal line down-right from its bottom-right corner to the edge."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for square in find_objects(grid):
        top, left, bottom, right = square.bbox
        if square.color == BLUE:
            result = draw_line(result, (top - 1, left - 1), "up_left", BLUE)
        else:
            result = draw_line(result, (bottom, right), "down_right", RED)
    return result


def generate_input(rng):
    while True:
        grid = make_grid(10, 10)
        blue_row, blue_col, red_row, red_col = (int(v) for v in rng.integers(0, 9, size=4))
        if min(blue_row, blue_col) < 2 or max(red_row, red_col) > 6:
            continue
        if abs(blue_row - red_row) < 3 and abs(blue_col - red_col) < 3:
            continue
        grid = fill_box(grid, (blue_row, blue_col, blue_row + 2, blue_col + 2), BLUE)
        grid = fill_box(grid, (red_row, red_col, red_row + 2, red_col + 2), RED)
        line_cells = min(blue_row, blue_col) + 8 - max(red_row, red_col)
        if count_color(transform(grid), BLACK) == 100 - 8 - line_cells:
            return grid
