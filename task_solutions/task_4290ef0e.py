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


def random_spot(rng, taken, side):
    """A random (top, left) for a side x side ring with at most a third of it off the grid and a 1-cell
    gap to every taken cell (cells off the grid are free), or None when there is none."""
    height, width = grid_shape(taken)
    sums = np.zeros((height + 2 * side + 3, width + 2 * side + 3), dtype=int)  # sums[r, c]: taken cells
    sums[side + 2 : side + 2 + height, side + 2 : side + 2 + width] = taken  # above-left, with the grid
    sums = sums.cumsum(0).cumsum(1)  # framed by side + 1 free cells
    span = side + 2
    # around[top + side, left + side]: taken cells under the ring at (top, left) and its gap
    around = sums[span:, span:] - sums[:-span, span:] - sums[span:, :-span] + sums[:-span, :-span]
    low = -side // 3
    free = around[low + side : height - 2 * side // 3 + side, low + side : width - 2 * side // 3 + side] == 0
    spots = np.argwhere(free)
    if len(spots) == 0:
        return None
    row, col = spots[int(rng.integers(len(spots)))]
    return int(row) + low, int(col) + low


def generate_input(rng):
    while True:
        height, width = int(rng.integers(13, 20)), int(rng.integers(17, 20))
        largest = int(rng.integers(3, 6))
        radii = list(range(0 if rng.random() < 0.5 else 1, largest + 1))
        colors = rng.permutation([BLACK, BLUE, RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
        background, ring_colors = int(colors[0]), colors[1 : len(radii) + 1]
        grid = make_grid(height, width, background)
        taken = make_grid(height, width)
        expected = make_grid(2 * largest + 1, 2 * largest + 1, background)
        for radius, color in zip(radii[::-1], ring_colors, strict=True):
            ring = random_ring(rng, radius)
            side = 2 * radius + 1
            expected[largest - radius : largest + radius + 1, largest - radius : largest + radius + 1][
                ring
            ] = color
            spot = random_spot(rng, taken, side)
            if spot is None:
                break
            top, left = spot
            taken[max(top, 0) : max(top + side, 0), max(left, 0) : max(left + side, 0)] = 1
            grid = paint_object(grid, Object(ring, int(color), (top, left)))  # cells off the grid are cut
        else:
            if len(palette(grid)) == len(radii) + 1 and grids_equal(transform(grid), expected):
                return grid
