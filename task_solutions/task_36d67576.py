"""One yellow shape carries blue and green decorations; every other yellow shape with its red marker is the
same shape turned or mirrored, and gets the same decorations in the matching orientation."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = find_objects(grid, connectivity=8, single_color=False, background=background)
    template = max(shapes, key=lambda shape: len(shape.colors))
    full = template.as_grid(background)
    result = copy_grid(grid)
    for shape in shapes:
        picture = shape.as_grid(background)
        core = np.where(np.isin(full, shape.colors), full, background)
        cropped_core = crop_to_content(core, background=background)
        turned = zip(orientations(full), orientations(core), orientations(cropped_core), strict=True)
        for variant, core_variant, cropped_variant in turned:
            if grids_equal(cropped_variant, picture):
                top, left, _, _ = bounding_box(core_variant != background)
                placed = Object(variant != background, variant, (shape.top - top, shape.left - left))
                result = paint_object(result, placed)
    return result


SIDE_STEPS = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def without_decorations(piece):
    """The piece with only its yellow shape and red marker: what the other shapes show."""
    return np.where((piece == YELLOW) | (piece == RED), piece, 0).astype(np.int8)


def next_to_yellow(canvas):
    """Black cells sharing a side with a yellow cell."""
    yellow = canvas == YELLOW
    near = np.zeros_like(yellow)
    near[1:] |= yellow[:-1]
    near[:-1] |= yellow[1:]
    near[:, 1:] |= yellow[:, :-1]
    near[:, :-1] |= yellow[:, 1:]
    return near & (canvas == BLACK)


def random_decorated_shape(rng):
    """A yellow shape in a 3x3, 2x4 or 1x5 box with a red marker and blue/green cells touching it, cropped."""
    while True:
        box_height, box_width = [(3, 3), (3, 3), (2, 4), (1, 5)][int(rng.integers(4))]
        canvas = np.zeros((box_height + 2, box_width + 2), dtype=np.int8)
        cells = [(int(rng.integers(1, box_height + 1)), int(rng.integers(1, box_width + 1)))]
        target = int(rng.integers(box_width, min(box_height * box_width, 6) + 1))
        for cell_draw, step_draw in rng.random((60, 2)):
            (row, col), (drow, dcol) = cells[int(cell_draw * len(cells))], SIDE_STEPS[int(step_draw * 4)]
            inside = 1 <= row + drow <= box_height and 1 <= col + dcol <= box_width
            if inside and (row + drow, col + dcol) not in cells:
                cells.append((row + drow, col + dcol))
            if len(cells) == target:
                break
        if len(cells) < target:
            continue
        rows, cols = np.array(cells).T
        canvas[rows, cols] = YELLOW
        ring = np.argwhere(next_to_yellow(canvas))
        picks = ring[rng.permutation(len(ring))[: int(rng.integers(3, 6))]]
        canvas[tuple(picks[0])] = RED
        canvas[picks[1:, 0], picks[1:, 1]] = rng.choice([BLUE, GREEN], size=len(picks) - 1)
        core = crop_to_content(without_decorations(canvas))
        if len({(variant.shape, variant.tobytes()) for variant in orientations(core)}) == 8:
            return crop_to_content(canvas)


def free_corners(taken, height, width):
    """Top-left corners, off the border, where a height x width piece and the 1-cell ring around it
    cover no taken cell (window sums of an integral image)."""
    sums = np.zeros((taken.shape[0] + 1, taken.shape[1] + 1), dtype=np.int32)
    sums[1:, 1:] = taken.cumsum(0).cumsum(1)
    height, width = height + 2, width + 2
    window = sums[height:, width:] - sums[:-height, width:] - sums[height:, :-width] + sums[:-height, :-width]
    return np.argwhere(window == 0) + 1


def generate_input(rng):
    height, width = int(rng.integers(13, 15)), int(rng.integers(13, 16))
    template = random_decorated_shape(rng)
    turned = orientations(without_decorations(template))
    pieces = [template] + [turned[index] for index in rng.integers(1, 8, size=int(rng.integers(2, 4)))]
    for _attempt in range(200):
        grid = make_grid(height, width)
        taken = np.zeros((height, width), dtype=np.int32)
        placed = True
        for piece in pieces:
            options = free_corners(taken, *piece.shape)
            if not len(options):
                placed = False
                break
            row, col = options[int(rng.integers(len(options)))]
            grid[row : row + piece.shape[0], col : col + piece.shape[1]] = piece
            taken[row : row + piece.shape[0], col : col + piece.shape[1]] = 1
        if placed:
            return grid
    return grid
