"""Each small plus (a centre cell with four arms of another colour) grows: its arms get one cell longer, and
diagonal rays of the centre colour, two cells long, sprout from the centre."""

from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for cross in find_objects(grid, single_color=False, background=background_color(grid)):
        center = (cross.top + 1, cross.left + 1)
        arm_color, center_color = grid[cross.top, cross.left + 1], grid[center]
        for direction in ("up", "down", "left", "right"):
            result = draw_line(result, center, direction, arm_color, length=3)
        for direction in ("up_left", "up_right", "down_left", "down_right"):
            result = draw_line(result, center, direction, center_color, length=3)
    return result


GENERATOR_EXEMPTIONS = {
    "colors": "the centre and arm colours may be any two colours; the real inputs show six"
}


def generate_input(rng):
    center_color, arm_color = (int(color) for color in rng.choice(range(1, 10), size=2, replace=False))
    while True:
        centers = [(int(rng.integers(2, 10)), int(rng.integers(2, 10))) for _ in range(2)]
        (row1, col1), (row2, col2) = centers
        if abs(row1 - row2) >= 5 or abs(col1 - col2) >= 5:
            break
    grid = make_grid(12, 12)
    for row, col in centers:
        grid = paint_cells(grid, [(row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)], arm_color)
        grid = paint_cells(grid, [(row, col)], center_color)
    return grid
