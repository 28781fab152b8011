"""Grid lines split the picture into small cells, a few of them coloured; every two cells of the same colour
in the same row or column of cells are joined by colouring the empty cells between them."""

from omniarc.dsl import *


def transform(grid):
    cells = grid_cells(grid)
    background = most_common_color([[cell.color for cell in cells]])
    coloured = [cell for cell in cells if cell.color != background]
    result = copy_grid(grid)
    for index, first in enumerate(coloured):
        for second in coloured[index + 1 :]:  # the later cell is below or right of the first
            lined_up = first.top == second.top or first.left == second.left
            if first.color == second.color and lined_up:
                for cell in cells:
                    between = first.top <= cell.top <= second.top and first.left <= cell.left <= second.left
                    if between and cell.color == background:
                        result = fill_box(result, cell, first.color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "the line and cell colours may be any colours; the real inputs miss some"}


def generate_input(rng):
    count = int(rng.integers(7, 10))
    line_color, *colors = [int(color) for color in rng.choice(range(1, 10), size=4, replace=False)]
    colors = colors[: int(rng.integers(2, 4))]
    cells = make_grid(count, count)
    for _ in range(int(rng.integers(2, 5))):
        row, first, second = (int(value) for value in rng.choice(count, size=3, replace=False))
        pair = [(row, first), (row, second)] if rng.random() < 0.5 else [(first, row), (second, row)]
        cells = paint_cells(cells, pair, int(rng.choice(colors)))
    for _ in range(int(rng.integers(0, 3))):
        cells = paint_cells(
            cells, [(int(rng.integers(0, count)), int(rng.integers(0, count)))], int(rng.choice(colors))
        )
    grid = upscale(cells, 3)[:-1, :-1]
    for index in range(2, 3 * count - 1, 3):
        grid = fill_box(grid, (index, 0, index + 1, 3 * count - 1), line_color)
        grid = fill_box(grid, (0, index, 3 * count - 1, index + 1), line_color)
    return grid
