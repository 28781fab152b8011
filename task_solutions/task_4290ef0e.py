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
                # turns and mirrors keep a cell's distance from the centre: every cell must lie on the ring
                if any(max(abs(row - center_row), abs(col - center_col)) != radius for row, col in cells):
                    continue
                ring = mirrored_offsets(cells, (center_row, center_col))
                shown = [(center_row + down, center_col + right) for down, right in ring]
                if sum(0 <= row < height and 0 <= col < width for row, col in shown) == len(cells):
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


def random_spot(rng, boxes, height, width, side):
    """A random (top, left) for a side x side ring with at most a third of it off the grid and a 1-cell gap
    to every taken (top, left, bottom, right) box, or None when there is none."""
    low = -side // 3
    tops, lefts = np.arange(low, height - 2 * side // 3)[:, None], np.arange(low, width - 2 * side // 3)
    free = np.ones((len(tops), len(lefts)), dtype=bool)
    for top, left, bottom, right in boxes:
        free &= (tops + side < top) | (bottom < tops) | (lefts + side < left) | (right < lefts)
    spots = np.flatnonzero(free)
    if len(spots) == 0:
        return None
    row, col = divmod(int(spots[rng.integers(len(spots))]), len(lefts))
    return row + low, col + low


def generate_input(rng):
    while True:
        height, width = int(rng.integers(13, 20)), int(rng.integers(17, 20))
        largest = int(rng.integers(3, 6))
        radii = list(range(0 if rng.random() < 0.5 else 1, largest + 1))
        colors = rng.permutation([BLACK, BLUE, RED, GREEN, YELLOW, MAGENTA, ORANGE, AZURE])
        background, ring_colors = int(colors[0]), colors[1 : len(radii) + 1]
        grid = make_grid(height, width, background)
        boxes = []  # the rings' boxes, cut to the grid
        cut_rings = []  # (colour, radius, ring offsets) of the rings partly off the grid
        for radius, color in zip(radii[::-1], ring_colors, strict=True):
            ring = random_ring(rng, radius)
            side = 2 * radius + 1
            spot = random_spot(rng, boxes, height, width, side)
            if spot is None:
                break
            top, left = spot
            rows, cols = np.nonzero(ring)
            if not (0 <= top <= height - side and 0 <= left <= width - side):
                cut_rings.append((int(color), radius, set(zip(rows - radius, cols - radius, strict=True))))
            boxes.append((max(top, 0), max(left, 0), min(top + side, height), min(left + side, width)))
            rows, cols = rows + top, cols + left
            on_grid = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
            grid[rows[on_grid], cols[on_grid]] = color  # cells off the grid are cut
        else:
            # the program must find every ring: a whole one is found exactly (its corners fix its centre and
            # size), a cut one may be mistaken for another
            if len(palette(grid)) == len(radii) + 1 and all(
                locate_ring(grid, color) == (radius, offsets) for color, radius, offsets in cut_rings
            ):
                return grid
