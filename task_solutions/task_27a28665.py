"""A 3x3 grid holds one of four shapes in any colour; the output is a single cell naming the shape:
blue for the bent ring, red for the X, green for the block with a detached corner, magenta for the plus
(in any orientation)."""

import numpy as np
from omniarc.dsl import *

SHAPE_CODES = [
    ([[1, 1, 0], [1, 0, 1], [0, 1, 0]], BLUE),
    ([[1, 0, 1], [0, 1, 0], [1, 0, 1]], RED),
    ([[0, 1, 1], [0, 1, 1], [1, 0, 0]], GREEN),
    ([[0, 1, 0], [1, 1, 1], [0, 1, 0]], MAGENTA),
]


def transform(grid):
    for background in palette(grid):
        content = crop_to_content(grid, background=background)
        size = content.shape[0]
        if size % 3 == 0 and content.shape == (size, size):
            shape = downscale(content, size // 3) != background
            for code_shape, code in SHAPE_CODES:
                if any(np.array_equal(shape, variant != 0) for variant in orientations(code_shape)):
                    return make_grid(1, 1, code)


def generate_input(rng):
    shape, _ = SHAPE_CODES[int(rng.integers(len(SHAPE_CODES)))]
    return np.array(shape, dtype=np.int8) * rng.choice([1, 2, 4, 5, 7, 8])
