"""A small pattern that should look the same after a quarter turn has a few cells missing; fill them in so the
pattern is symmetric under quarter turns."""

from omniarc.dsl import *


def transform(grid):
    return complete_symmetry(grid, unknown_color=BLACK, kinds=["rotation_90"])


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
    while True:
        top, left = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        full = pad(pattern, top=top, left=left, bottom=5 - top, right=5 - left)
        cells = classes[str(rng.choice(list(classes)))]
        removed = [cells[int(index)] for index in rng.choice(4, size=int(rng.integers(1, 4)), replace=False)]
        grid = paint_cells(full, [(top + row, left + col) for row, col in removed], BLACK)
        if grids_equal(transform(grid), full):
            return grid
