"""Each V-shaped figure is filled in: in every row (every column for a V lying on its side), the gap
between the figure's outermost cells is painted in its colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the figures may have any colours"}


def transform(grid):
    background = background_color(grid)
    result = copy_grid(grid)
    for figure in find_objects(grid, connectivity=8, background=background):
        upright = figure.width > figure.height
        mask = figure.mask if upright else figure.mask.T
        between = np.maximum.accumulate(mask, axis=1) & np.maximum.accumulate(mask[:, ::-1], axis=1)[:, ::-1]
        filled = between if upright else between.T
        result = paint_object(result, Object(filled, figure.color, figure.position))
    return result


def v_shape(arm):
    """Mask of two diagonal arms of length arm meeting on a 2x2 stem."""
    mask = np.zeros((arm + 2, 2 * arm + 2), bool)
    for row in range(arm):
        mask[row, [row, 2 * arm + 1 - row]] = True
    mask[arm:, arm : arm + 2] = True
    return mask


def generate_input(rng):
    while True:
        grid = make_grid(10, 10)
        colors = rng.permutation(range(1, 10))[: rng.integers(1, 4)]
        for color in colors:
            mask = v_shape(int(rng.integers(1, 4)))
            top, left = int(rng.integers(0, 11 - mask.shape[0])), int(rng.integers(0, 11 - mask.shape[1]))
            region = grid[
                max(top - 1, 0) : top + mask.shape[0] + 1, max(left - 1, 0) : left + mask.shape[1] + 1
            ]
            if not region.any():
                grid = paint_object(grid, Object(mask, int(color), (top, left)))
        if len(palette(grid)) == len(colors) + 1:
            return grid
