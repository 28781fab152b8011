"""One yellow shape carries blue and green decorations; every other yellow shape with its red marker is the
same shape turned or mirrored, and gets the same decorations in the matching orientation."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = find_objects(grid, connectivity=8, single_color=False, background=background)
    template = max(shapes, key=lambda shape: len(shape.colors))
    result = copy_grid(grid)
    variants = orientations(template.as_grid(background))
    for shape in shapes:
        colors, picture = shape.colors, shape.as_grid(background)
        for variant in variants:
            core = np.where(np.isin(variant, colors), variant, background)
            if grids_equal(crop_to_content(core, background=background), picture):
                top, left, _, _ = bounding_box(core != background)
                placed = Object(variant != background, variant, (shape.top - top, shape.left - left))
                result = paint_object(result, placed)
    return result


def random_decorated_shape(rng):
    """A yellow shape in a 3x3, 2x4 or 1x5 box with a red marker and blue/green cells touching it, cropped."""
    while True:
        box_height, box_width = [(3, 3), (3, 3), (2, 4), (1, 5)][int(rng.integers(4))]
        height, width = box_height + 2, box_width + 2
        canvas = make_grid(height, width)
        cells = [(int(rng.integers(1, box_height + 1)), int(rng.integers(1, box_width + 1)))]
        target = int(rng.integers(box_width, min(box_height * box_width, 6) + 1))
        while len(cells) < target:
            row, col = cells[int(rng.integers(len(cells)))]
            drow, dcol = [(0, 1), (1, 0), (0, -1), (-1, 0)][int(rng.integers(4))]
            inside = 1 <= row + drow <= box_height and 1 <= col + dcol <= box_width
            if inside and (row + drow, col + dcol) not in cells:
                cells.append((row + drow, col + dcol))
        canvas = paint_cells(canvas, cells, YELLOW)
        ring = [
            (r, c)
            for r in range(height)
            for c in range(width)
            if canvas[r, c] == BLACK
            and any(
                0 <= r + dr < height and 0 <= c + dc < width and canvas[r + dr, c + dc] == YELLOW
                for dr, dc in [(0, 1), (1, 0), (0, -1), (-1, 0)]
            )
        ]
        picks = rng.permutation(len(ring))[: int(rng.integers(3, 6))]
        canvas = paint_cells(canvas, [ring[picks[0]]], RED)
        for index in picks[1:]:
            canvas = paint_cells(canvas, [ring[index]], int(rng.choice([BLUE, GREEN])))
        core = np.where(np.isin(canvas, [YELLOW, RED]), canvas, 0)
        core_variants = [grid_key(crop_to_content(v)) for v in orientations(core)]
        if len(set(core_variants)) == 8 and len(picks) > 1:
            return crop_to_content(canvas)


def free_corners(taken, height, width):
    """Top-left corners, off the border, where a height x width piece and the 1-cell ring around it
    cover no taken cell."""
    return [(row + 1, col + 1) for row, col in find_pattern(taken, make_grid(height + 2, width + 2))]


def generate_input(rng):
    height, width = int(rng.integers(13, 15)), int(rng.integers(13, 16))
    template = random_decorated_shape(rng)
    pieces = [template]
    for _ in range(int(rng.integers(2, 4))):
        variant = orientations(template)[int(rng.integers(1, 8))]
        pieces.append(variant)
    for _attempt in range(200):
        grid = make_grid(height, width)
        taken = make_grid(height, width)
        placed = True
        for index, piece in enumerate(pieces):
            options = free_corners(taken, *piece.shape)
            if not options:
                placed = False
                break
            row, col = options[int(rng.integers(len(options)))]
            shown = piece if index == 0 else np.where(np.isin(piece, [YELLOW, RED]), piece, 0)
            grid[row : row + piece.shape[0], col : col + piece.shape[1]] = shown
            taken[row : row + piece.shape[0], col : col + piece.shape[1]] = 1
        if placed:
            return grid
    return grid
