"""Each solid bar three cells thick gets holes punched along its middle line: every second cell, starting
with the second one, becomes background."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = grid
    for bar in find_objects(grid, background=background):
        if bar.height == 3:
            holes = [(bar.top + 1, col) for col in range(bar.left + 1, bar.left + bar.width, 2)]
        else:
            holes = [(row, bar.left + 1) for row in range(bar.top + 1, bar.top + bar.height, 2)]
        result = paint_cells(result, holes, background)
    return result


def random_bar_columns(rng, low, high):
    """An odd length of at least 5 and a start column so that the bar fits in columns low..high-1."""
    length = 2 * int(rng.integers(2, (high - low - 1) // 2 + 1)) + 1
    return int(rng.integers(low, high - length + 1)), length


def generate_input(rng):
    count = int(rng.integers(2, 4))
    height, width = (8, 11)[count - 2], int(rng.integers(20, 31))
    grid = make_grid(height, width)
    colors = rng.permutation([BLUE, YELLOW, GRAY, ORANGE, AZURE])
    split = int(rng.integers(7, width - 7))
    spans = [(0, width), (0, width)] if count == 2 else [(0, width), (0, split), (split + 1, width)]
    if count == 3 and rng.random() < 0.5:
        spans[1:] = spans[:0:-1]
    for top, (low, high), color in zip([1, 5, 8], spans, colors, strict=False):
        left, length = random_bar_columns(rng, low, high)
        grid[top : top + 3, left : left + length] = color
    return grid
