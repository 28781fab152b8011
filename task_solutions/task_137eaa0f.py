"""Several scattered pieces each hold one grey cell; stack them all on top of each other with their grey cells
together, giving the 3x3 picture around the shared grey centre."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    pieces = find_objects(grid, connectivity=8, single_color=False, background=background)
    center = [color for color in pieces[0].colors if all(color in piece.colors for piece in pieces)][0]
    stack = make_grid(9, 9, background)
    for piece in pieces:
        row, col = np.argwhere(piece.pixels == center)[0]
        stack = paint_object(stack, piece.moved_to(4 - row, 4 - col))
    return crop_to_content(stack, background=background)


NEIGHBOURS = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)]


def generate_input(rng):
    count = int(rng.integers(2, 4))
    colors = [int(color) for color in rng.choice([1, 2, 3, 4, 6, 7, 8, 9], size=count, replace=False)]
    while True:
        owners = rng.integers(-1, count, size=8)
        if set(range(count)) <= set(owners.tolist()):
            break
    grid, corners = make_grid(11, 11), []
    while len(corners) < count:
        top, left = int(rng.integers(0, 9)), int(rng.integers(0, 9))
        if all(abs(top - other_top) > 3 or abs(left - other_left) > 3 for other_top, other_left in corners):
            corners.append((top, left))
    for index, (top, left) in enumerate(corners):
        cells = [
            (top + row, left + col)
            for (row, col), owner in zip(NEIGHBOURS, owners, strict=True)
            if owner == index
        ]
        grid = paint_cells(paint_cells(grid, cells, colors[index]), [(top + 1, left + 1)], GRAY)
    return grid
