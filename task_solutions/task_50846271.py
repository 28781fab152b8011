"""Grey noise hides red plus signs (arms of 2 or 3 cells) whose cells are partly red and partly grey; each
plus sign is completed by turning its grey cells azure. The plus signs are found greedily: the all
non-black plus covering the most loose red cells first (the smaller one on ties)."""

import numpy as np
from omniarc.dsl import *


def plus_cells(grid, row, col, arm):
    height, width = grid.shape
    column = {(r, col) for r in range(max(row - arm, 0), min(row + arm + 1, height))}
    return column | {(row, c) for c in range(max(col - arm, 0), min(col + arm + 1, width))}


def cells_of(mask):
    return [(row, col) for row, col in np.argwhere(mask).tolist()]


def transform(grid):
    coloured, loose = set(cells_of(grid != BLACK)), set(cells_of(grid == RED))
    # a plus centre is a coloured cell with coloured cells (or the grid edge) on all four sides
    solid = np.pad(grid != BLACK, 1, constant_values=True)
    sides = solid[:-2, 1:-1] & solid[2:, 1:-1] & solid[1:-1, :-2] & solid[1:-1, 2:]
    crossings = set(cells_of(solid[1:-1, 1:-1] & sides))
    centres = sorted({cell for red in loose for cell in plus_cells(grid, *red, 3)} & crossings)
    pluses = [plus_cells(grid, row, col, arm) for row, col in centres for arm in (2, 3)]
    pluses = [cells for cells in pluses if cells <= coloured]
    result = copy_grid(grid)
    while loose and pluses:
        best = max(pluses, key=lambda cells: (len(cells & loose), -len(cells)))
        if not best & loose:
            break
        loose -= best
        result = paint_cells(result, [cell for cell in best if grid[cell] == GRAY], AZURE)
    return result


def generate_input(rng):
    while True:
        height, width = int(rng.integers(11, 21)), int(rng.integers(12, 23))
        arm = int(rng.integers(2, 4))
        grid = np.where(rng.random((height, width)) < 0.5, GRAY, BLACK).astype(np.int8)
        expected = copy_grid(grid)
        taken = np.zeros((height, width), dtype=bool)
        count = int(rng.integers(1, 5))
        for _ in range(count):
            row, col = (
                int(rng.integers(arm - 1, height - arm + 1)),
                int(rng.integers(arm - 1, width - arm + 1)),
            )
            if np.any(taken[max(row - arm - 1, 0) : row + arm + 2, max(col - arm - 1, 0) : col + arm + 2]):
                continue
            taken[max(row - arm - 1, 0) : row + arm + 2, max(col - arm - 1, 0) : col + arm + 2] = True
            cells = np.array(sorted(plus_cells(grid, row, col, arm)))
            shown = rng.random(len(cells)) < rng.uniform(0.4, 0.8)
            red, hidden = tuple(cells[shown].T), tuple(cells[~shown].T)
            grid[red], grid[hidden] = RED, GRAY
            expected[red], expected[hidden] = RED, AZURE
        if count_color(expected, AZURE) and grids_equal(transform(grid), expected):
            return grid
