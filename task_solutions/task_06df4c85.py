"""Grid lines split the picture into small cells, a few of them coloured; every two cells of the same colour
in the same row or column of cells are joined by colouring the empty cells between them."""

from omniarc.dsl import *


def transform(grid):
    cells = grid_cells(grid)
    background = most_common_color([[cell.color for cell in cells]])
    coloured = [cell for cell in cells if cell.color != background]
    empty = [cell for cell in cells if cell.color == background]
    result = copy_grid(grid)
    for index, first in enumerate(coloured):
        for second in coloured[index + 1 :]:  # the later cell is below or right of the first
            lined_up = first.top == second.top or first.left == second.left
            if first.color == second.color and lined_up:
                for cell in empty:
                    if first.top <= cell.top <= second.top and first.left <= cell.left <= second.left:
                        result = fill_box(result, cell, first.color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "the line and cell colours may be any colours; the real inputs miss some"}


def generate_input(rng):
    count = int(rng.integers(7, 10))
    line_color, *colors = [int(color) for color in rng.choice(range(1, 10), size=4, replace=False)]
    colors = colors[: int(rng.integers(2, 4))]
    cells = make_grid(count, count)
    pairs = int(rng.integers(2, 5))
    for color, across in zip(rng.choice(colors, size=pairs), rng.random(pairs) < 0.5, strict=True):
        line, first, second = rng.permutation(count)[:3]
        if across:
            cells[line, [first, second]] = color
        else:
            cells[[first, second], line] = color
    singles = int(rng.integers(0, 3))
    cells[tuple(rng.integers(0, count, size=(2, singles)))] = rng.choice(colors, size=singles)
    grid = upscale(cells, 3)[:-1, :-1]
    grid[2::3, :] = line_color
    grid[:, 2::3] = line_color
    return grid
