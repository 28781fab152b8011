"""Lines split the grid into equal cells. One coloured cell is surrounded by a pattern of other coloured
cells; every other cell of that centre colour gets the same surrounding pattern."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    cells = grid_cells(grid)
    rows = len({cell.top for cell in cells})
    layout = np.array([grid[cell.position] for cell in cells]).reshape(rows, -1)  # each cell is one colour
    background = most_common_color(layout)
    pieces = sort_objects(find_objects(layout, connectivity=8, single_color=False, background=background))
    template, lone = pieces[-1], pieces[:-1]
    center_color = lone[0].color
    anchor_row, anchor_col = np.argwhere(template.mask & (template.pixels == center_color))[0]
    for piece in lone:
        for row, col in piece.cells:
            layout = paint_object(layout, template.moved_to(row - anchor_row, col - anchor_col))
    result = copy_grid(grid)
    for cell, color in zip(cells, layout.flatten(), strict=True):
        if color != grid[cell.position]:
            result = fill_box(result, cell, color)
    return result


def generate_input(rng):
    size, count = [(2, 9), (2, 10), (3, 7), (4, 5), (4, 6)][int(rng.integers(5))]
    line_color, center, ring, corner = rng.permutation([RED, GREEN, YELLOW, MAGENTA, AZURE])[:4]
    pattern = np.full((3, 3), int(ring))
    pattern[1, 1] = center
    if rng.random() < 0.4:
        pattern[::2, ::2] = BLACK
    elif rng.random() < 0.5:
        pattern[::2, ::2] = corner
    for _attempt in range(200):
        layout = make_grid(count, count)
        centers = []
        for _ in range(int(rng.integers(2, 5))):
            row, col = int(rng.integers(0, count)), int(rng.integers(0, count))
            if all(max(abs(row - r), abs(col - c)) > 2 for r, c in centers):
                centers.append((row, col))
        if len(centers) < 2:
            continue
        row, col = centers[0]
        if not (1 <= row < count - 1 and 1 <= col < count - 1):
            continue
        layout[row - 1 : row + 2, col - 1 : col + 2] = pattern
        for row, col in centers[1:]:
            layout[row, col] = center
        full = upscale(layout, size)
        blocks = [full[r * size : (r + 1) * size] for r in range(count)]
        grid = concatenate_vertical(blocks, separator_color=int(line_color))
        columns = [grid[:, c * size : (c + 1) * size] for c in range(count)]
        return concatenate_horizontal(columns, separator_color=int(line_color))
    return grid
