"""The top-left square is built of nested L-shaped bands of colour (its diagonal gives the band colours);
the output, twice as large, continues the same bands outward, repeating the colour sequence."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the bands may have any colours"}


def transform(grid):
    colors = np.array([color for color in np.diagonal(grid) if color != BLACK])
    size = 2 * grid.shape[0]
    band = np.maximum(np.arange(size)[:, None], np.arange(size)[None, :])
    return as_grid(colors[band % len(colors)])


def generate_input(rng):
    bands = int(rng.integers(4, 6))
    palette_ = rng.choice(range(1, 10), size=int(rng.integers(2, 5)), replace=False)
    while True:
        colors = np.append(rng.choice(palette_, size=bands), [BLACK] * (5 - bands))
        if len(set(colors[:bands])) == len(palette_):
            break
    band = np.maximum(np.arange(5)[:, None], np.arange(5)[None, :])
    return colors[band]
