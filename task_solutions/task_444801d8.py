"""Each cup, open at the top (or bottom), holds one cell of another colour; the cup's inside and the row
just beyond its opening are filled with that colour."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = grid
    for cup in find_objects(grid, background=background):
        if cup.size == 1:
            continue
        color = most_common_color(crop(grid, cup), exclude=[background, cup.color])
        top, left, bottom, right = cup.bbox
        opens_up = not cup.mask[0].all()
        box = (top - 1, left, bottom, right) if opens_up else (top, left, bottom + 1, right)
        region = fill_box(make_grid(*grid_shape(grid)), box, 1) == 1
        result = paint_mask(result, region & (grid == background), color)
    return result


def generate_input(rng):
    colors = rng.permutation([RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
    count = int(rng.integers(1, 3))
    while True:
        grid, taken = make_grid(10, 10), make_grid(10, 10)
        for index in range(count):
            height = int(rng.integers(3, 6))
            spots = find_pattern(taken, make_grid(height + 1, 5))  # the cup and the row above its opening
            if not spots:
                break
            above, col = spots[int(rng.integers(len(spots)))]
            row = above + 1
            grid = draw_outline(grid, (row, col, row + height, col + 5), BLUE)
            grid[row, col + 2] = BLACK
            grid[int(rng.integers(row + 1, row + height - 1)), col + 2] = colors[index]
            taken[above : row + height, max(col - 1, 0) : col + 6] = 1  # cups never touch side by side
        else:
            return grid
