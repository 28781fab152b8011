"""Each colour shows part of a square ring that looks the same under every turn and mirror. The output
nests all the rings around one common centre, on the background colour, as large as the biggest ring."""

import numpy as np
from omniarc.dsl import *


def mirrored_offsets(cells, center):
    """The offsets of the cells from center together with all their turned and mirrored images."""
    offsets = set()
    for row, col in cells:
        for down, right in ((row - center[0], col - center[1]), (col - center[1], row - center[0])):
            offsets |= {(down, right), (-down, right), (down, -right), (-down, -right)}
    return offsets


def locate_ring(grid, color):
    """The smallest symmetric square ring whose cells inside the grid are exactly the cells of color."""
    height, width = grid_shape(grid)
    cells = [(int(row), int(col)) for row, col in np.argwhere(grid == color)]
    rows, cols = [row for row, _ in cells], [col for _, col in cells]
    for radius in range(height + width):
        for center_row in range(max(rows) - radius, min(rows) + radius + 1):
            for center_col in range(max(cols) - radius, min(cols) + radius + 1):
                ring = mirrored_offsets(cells, (center_row, center_col))
                on_ring = all(max(abs(down), abs(right)) == radius for down, right in ring)
                shown = [(center_row + down, center_col + right) for down, right in ring]
                visible = sum(0 <= row < height and 0 <= col < width for row, col in shown)
                if on_ring and visible == len(cells):
                    return radius, ring


def transform(grid):
    background = background_color(grid)
    colors = [color for color in palette(grid) if color != background]
    rings = [locate_ring(grid, color) for color in colors]
    size = max(radius for radius, _ in rings)
    result = make_grid(2 * size + 1, 2 * size + 1, background)
    for color, (_, ring) in zip(colors, rings, strict=True):
        result = paint_cells(result, [(size + down, size + right) for down, right in ring], color)
    return result


def random_ring(rng, radius):
    """A square ring of the given radius, symmetric under turns and mirrors, always with its corners."""
    if radius == 0:
        return np.ones((1, 1), dtype=bool)
    kept = [step == radius or rng.random() < 0.5 for step in range(radius + 1)]
    offsets = mirrored_offsets([(-radius, step) for step in range(radius + 1) if kept[step]], (0, 0))
    ring = np.zeros((2 * radius + 1, 2 * radius + 1), dtype=bool)
    for down, right in offsets:
        ring[radius + down, radius + right] = True
    return ring


def generate_input(rng):
    while True:
        height, width = int(rng.integers(13, 20)), int(rng.integers(17, 20))
        largest = int(rng.integers(3, 6))
        radii = list(range(0 if rng.random() < 0.5 else 1, largest + 1))
        colors = rng.permutation([BLACK, BLUE, RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
        background, ring_colors = int(colors[0]), colors[1 : len(radii) + 1]
        grid = make_grid(height, width, background)
        taken = np.zeros((height, width), dtype=bool)
        expected = make_grid(2 * largest + 1, 2 * largest + 1, background)
        for radius, color in zip(radii[::-1], ring_colors, strict=True):
            ring = random_ring(rng, radius)
            side = 2 * radius + 1
            expected[largest - radius : largest + radius + 1, largest - radius : largest + radius + 1][
                ring
            ] = color
            top = int(rng.integers(-side // 3, height - 2 * side // 3))
            left = int(rng.integers(-side // 3, width - 2 * side // 3))
            area = (
                slice(max(top - 1, 0), max(top + side + 1, 0)),
                slice(max(left - 1, 0), max(left + side + 1, 0)),
            )
            if taken[area].any():
                break
            taken[max(top, 0) : max(top + side, 0), max(left, 0) : max(left + side, 0)] = True
            canvas = pad(grid, side, background)
            canvas[top + side : top + 2 * side, left + side : left + 2 * side][ring] = color
            grid = canvas[side : side + height, side : side + width]
        else:
            if len(palette(grid)) == len(radii) + 1 and grids_equal(transform(grid), expected):
                return grid
