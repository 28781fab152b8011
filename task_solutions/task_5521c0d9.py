"""Each rectangle standing on the bottom edge is lifted straight up by its own height."""

from omniarc.dsl import *


def transform(grid):
    rects = find_objects(grid)
    lifted = [rect.moved(-rect.height, 0) for rect in rects]
    return paint_objects(make_grid(*grid.shape), lifted)


def generate_input(rng):
    while True:
        grid = make_grid(15, 15)
        widths = [int(rng.integers(1, 6)) for _ in range(3)]
        gaps = [int(gap) for gap in rng.integers(1, 4, size=2)]
        if sum(widths) + sum(gaps) > 15:
            continue
        left = int(rng.integers(0, 16 - sum(widths) - sum(gaps)))
        for color, width, gap in zip(rng.permutation([BLUE, RED, YELLOW]), widths, [*gaps, 0], strict=True):
            height = int(rng.integers(1, 8))
            grid = fill_box(grid, (15 - height, left, 15, left + width), int(color))
            left += width + gap
        return grid
