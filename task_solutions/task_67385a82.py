"""Every group of two or more side-touching green cells turns azure; lone green cells stay green."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return paint_objects(grid, filter_objects(find_objects(grid), min_size=2), AZURE)


def generate_input(rng):
    while True:
        height, width = int(rng.integers(3, 6)), int(rng.integers(3, 7))
        grid = np.where(rng.random((height, width)) < rng.uniform(0.35, 0.55), GREEN, BLACK).astype(np.int8)
        sizes = [shape.size for shape in find_objects(grid)]
        if sizes and min(sizes) == 1 and max(sizes) >= 2:
            return grid
