"""Four same-coloured dots mark the corners of a box around a shape; the output is the inside of the box,
with the shape painted in the colour of the corner dots."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    box = crop_to_content(grid, background=background)
    inside = box[1:-1, 1:-1]
    return np.where(inside != background, box[0, 0], background)


def random_blob(rng, height, width, color):
    """A blob grown cell by cell from a random seed, filling about 25-50% of a height x width box."""
    blob = make_grid(height, width)
    cells = [(int(rng.integers(height)), int(rng.integers(width)))]
    target = max(3, int(height * width * rng.uniform(0.25, 0.5)))
    while len(cells) < target:
        row, col = cells[int(rng.integers(len(cells)))]
        row, col = row + int(rng.integers(-1, 2)), col + int(rng.integers(-1, 2))
        if 0 <= row < height and 0 <= col < width and (row, col) not in cells:
            cells.append((row, col))
    return paint_cells(blob, cells, color)


def generate_input(rng):
    height, width = int(rng.integers(7, 19)), int(rng.integers(7, 20))
    inner_height = int(rng.integers(3, min(9, height - 1)))
    inner_width = int(rng.integers(3, min(11, width - 1)))
    marker, color = rng.permutation([RED, GREEN, YELLOW, MAGENTA, AZURE])[:2]
    shape = random_blob(rng, inner_height, inner_width, color)
    grid = make_grid(height, width)
    top = int(rng.integers(0, height - inner_height - 1))
    left = int(rng.integers(0, width - inner_width - 1))
    grid[top + 1 : top + inner_height + 1, left + 1 : left + inner_width + 1] = shape
    for row in (top, top + inner_height + 1):
        for col in (left, left + inner_width + 1):
            grid[row, col] = marker
    return grid
