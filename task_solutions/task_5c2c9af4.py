"""Three dots lie evenly spaced on a diagonal. Around the middle dot, draw concentric square outlines whose
half-widths are every multiple of the dots' spacing, until the squares leave the grid."""

from omniarc.dsl import *


def transform(grid):
    dots = find_objects(grid)
    color = dots[0].color
    row, col = dots[1].position
    step = dots[1].top - dots[0].top
    result = copy_grid(grid)
    for radius in range(step, 2 * max(grid.shape), step):
        result = draw_outline(result, (row - radius, col - radius, row + radius + 1, col + radius + 1), color)
    return result


GENERATOR_EXEMPTIONS = {"colors": "the dots may have any colour; the real inputs show only four"}


def generate_input(rng):
    size = int(rng.integers(23, 29))
    step = int(rng.integers(2, 7))
    row, col = (int(v) for v in rng.integers(step, size - step, size=2))
    slope = int(rng.choice([-1, 1]))
    cells = [(row + k * step, col + slope * k * step) for k in (-1, 0, 1)]
    return paint_cells(make_grid(size, size), cells, int(rng.integers(1, 10)))
