"""A big figure built of equal square blocks (a 3x3 pattern blown up) sits among scattered noise cells of
another colour; the output is the 3x3 pattern, drawn in the noise colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the figure and the noise may have any two colours"}


def transform(grid):
    figure_color = largest_object(find_objects(grid)).color
    noise_color = most_common_color(grid, exclude=[BLACK, figure_color])
    figure = crop(grid, bounding_box(grid == figure_color)) == figure_color
    pattern = downscale(figure.astype(int), figure.shape[0] // 3)
    return np.where(pattern == 1, noise_color, BLACK)


def generate_input(rng):
    figure_color, noise_color = (int(c) for c in rng.choice(range(1, 10), size=2, replace=False))
    while True:
        pattern = rng.random((3, 3)) < 0.55
        if pattern.any() and bounding_box(pattern) == (0, 0, 3, 3) and np.sum(pattern) < 9:
            break
    scale = int(rng.integers(3, 6))
    height, width = int(rng.integers(20, 25)), int(rng.integers(23, 27))
    top, left = int(rng.integers(0, height - 3 * scale + 1)), int(rng.integers(0, width - 3 * scale + 1))
    grid = make_grid(height, width)
    noise = rng.random((height, width)) < rng.uniform(0.06, 0.12)
    grid[noise] = noise_color
    figure = np.zeros((height, width), dtype=bool)
    figure[top : top + 3 * scale, left : left + 3 * scale] = upscale(pattern.astype(int), scale) == 1
    grid[figure] = figure_color
    return grid
