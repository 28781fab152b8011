"""Black gaps split the picture into four speckled regions; three share a colour and one has its own: the
output is that odd region, cut out."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    regions = [object_from_mask(grid, grid == color) for color in palette(grid)]
    odd = min(regions, key=lambda region: region.height * region.width)
    return crop(grid, odd)


GENERATOR_EXEMPTIONS = {"colors": "the two region colours may be any colours; the real inputs show five"}


def speckled_region(rng, height, width, color):
    """A height x width block of color with scattered black cells, coloured on all four edges."""
    while True:
        block = np.where(rng.random((height, width)) < 0.65, color, BLACK)
        if all(edge.any() for edge in (block[0], block[-1], block[:, 0], block[:, -1])):
            return block


def generate_input(rng):
    height, width = int(rng.integers(15, 22)), int(rng.integers(17, 22))
    common, odd = (int(color) for color in rng.choice(range(1, 10), size=2, replace=False))
    while True:
        gap_top, gap_height = int(rng.integers(5, height - 6)), int(rng.integers(1, 6))
        gap_left, gap_width = int(rng.integers(5, width - 6)), int(rng.integers(1, 5))
        if gap_top + gap_height <= height - 5 and gap_left + gap_width <= width - 5:
            break
    rows = [(0, gap_top), (gap_top + gap_height, height)]
    cols = [(0, gap_left), (gap_left + gap_width, width)]
    odd_index = int(rng.integers(0, 4))
    grid = make_grid(height, width)
    for index in range(4):
        (top, bottom), (left, right) = rows[index // 2], cols[index % 2]
        color = odd if index == odd_index else common
        block = speckled_region(rng, bottom - top, right - left, color)
        grid = paint_mask(
            grid, pad(block, top=top, left=left, bottom=height - bottom, right=width - right) != 0, color
        )
    if count_color(grid, odd) < count_color(grid, common):
        return grid
    return generate_input(rng)
