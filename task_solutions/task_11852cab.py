"""Each small pattern of rings around a centre cell should look the same after a quarter turn but has a few
cells missing; fill every ring of the pattern in with its colour."""

import numpy as np
from omniarc.dsl import *

RINGS = [
    [(-2, -2), (-2, 2), (2, -2), (2, 2)],
    [(-2, 0), (0, -2), (0, 2), (2, 0)],
    [(-1, -1), (-1, 1), (1, -1), (1, 1)],
]


def is_center(padded, row, col, background):
    """True when (row, col) centres a 5x5 ring pattern: one full ring, cells only on rings, a clear margin.
    `padded` is the grid with 3 rows and columns of background added on every side."""
    window = crop(padded, (row, col, row + 7, col + 7))
    rings = [[window[3 + drow, 3 + dcol] for drow, dcol in ring] for ring in RINGS]
    if not any(len(set(colors)) == 1 and colors[0] != background for colors in rings):
        return False
    allowed = np.zeros((7, 7), dtype=bool)
    allowed[3, 3] = True
    for ring in RINGS:
        for drow, dcol in ring:
            allowed[3 + drow, 3 + dcol] = True
    return not np.any((window != background) & ~allowed)


def transform(grid):
    background = background_color(grid)
    padded = pad(grid, 3, background)
    result = copy_grid(grid)
    for row, col in np.argwhere(grid != background):
        if is_center(padded, row, col, background):
            for ring in RINGS:
                cells = [(row + drow, col + dcol) for drow, dcol in ring]
                colors = [grid[cell] for cell in cells if grid[cell] != background]
                if colors:
                    result = paint_cells(result, cells, colors[0])
    return result


GENERATOR_EXEMPTIONS = {"colors": "the pattern may use any colours; the real inputs show five"}


def generate_input(rng):
    corner, edge, center, inner = (int(color) for color in rng.choice(range(1, 10), size=4))
    pattern = make_grid(5, 5)
    classes = {
        "corner": [(0, 0), (0, 4), (4, 0), (4, 4)],
        "edge": [(0, 2), (2, 0), (2, 4), (4, 2)],
        "inner": [(1, 1), (1, 3), (3, 1), (3, 3)],
    }
    for name, color in (("corner", corner), ("edge", edge), ("inner", inner)):
        pattern = paint_cells(pattern, classes[name], color)
    pattern = paint_cells(pattern, [(2, 2)], center)
    top, left = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    full = pad(pattern, top=top, left=left, bottom=5 - top, right=5 - left)
    cells = classes[str(rng.choice(list(classes)))]
    removed = [cells[int(index)] for index in rng.choice(4, size=int(rng.integers(1, 4)), replace=False)]
    # the other two rings stay full, and no ring cell can pass for a centre (an outer ring cell has
    # background on its outer side; an inner one has the far edge and corner cells of the pattern around
    # it, and at most three of those five go missing): the program always restores the full pattern
    return paint_cells(full, [(top + row, left + col) for row, col in removed], BLACK)
