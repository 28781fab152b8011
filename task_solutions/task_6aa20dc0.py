"""A small multi-coloured motif shows how its corner colours sit around its main colour. Elsewhere the corner
colours appear alone, possibly enlarged, rotated or mirrored; complete each such copy with the main colour."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = find_objects(grid, single_color=False, background=background, connectivity=8)
    motif = crop(grid, next(shape for shape in shapes if len(shape.colors) > 1))
    main = most_common_color(motif, exclude=background)
    result = copy_grid(grid)
    for scale in {shape.height for shape in shapes if shape.color != main}:
        variants = {grid_key(variant): variant for variant in orientations(upscale(motif, scale))}
        for variant in variants.values():
            for row, col in find_pattern(grid, replace_color(variant, main, background)):
                result = paint_object(result, object_from_mask(variant, variant == main).moved(row, col))
    return result


MOTIF_FREE_CELLS = ((1, 1), (0, 1), (0, 2), (1, 2))  # mirrored over the diagonal joining the two corners
MAIN_CHANCE = 0.6


def connected_motif_layouts():
    """Every main-colour layout of a 3x3 motif (corners at top-left and bottom-right, symmetric over that
    diagonal) that is one 8-connected shape with at least three main cells, and the chance of each."""
    layouts, chances = [], []
    for code in range(2 ** len(MOTIF_FREE_CELLS)):
        is_main = [bool(code >> bit & 1) for bit in range(len(MOTIF_FREE_CELLS))]
        layout = np.zeros((3, 3), dtype=bool)
        for (row, col), main in zip(MOTIF_FREE_CELLS, is_main, strict=True):
            layout[row, col] = layout[col, row] = main
        marked = np.where(layout, 1, 0)
        marked[0, 0] = marked[2, 2] = 2
        if layout.sum() >= 3 and len(find_objects(marked, single_color=False, connectivity=8)) == 1:
            layouts.append(layout)
            chances.append(np.prod(np.where(is_main, MAIN_CHANCE, 1 - MAIN_CHANCE)))
    return layouts, np.array(chances) / sum(chances)


MOTIF_LAYOUTS, MOTIF_CHANCES = connected_motif_layouts()


def random_orientation(rng, grid):
    turn = int(rng.integers(8))
    return np.rot90(grid[:, ::-1] if turn >= 4 else grid, turn % 4)


def random_motif(rng, background, main, corners):
    layout = MOTIF_LAYOUTS[rng.choice(len(MOTIF_LAYOUTS), p=MOTIF_CHANCES)]
    motif = np.where(layout, main, background).astype(np.int8)
    motif[0, 0], motif[2, 2] = corners
    return random_orientation(rng, motif)


def free_spot(rng, taken, height, width, size):
    """A random size x size box keeping at least one cell of space to every taken box, or None."""
    tops, lefts = np.arange(height - size + 1)[:, None], np.arange(width - size + 1)
    free = np.ones((len(tops), len(lefts)), dtype=bool)
    for top, left, bottom, right in taken:
        free &= (tops > bottom) | (top > tops + size) | (lefts > right) | (left > lefts + size)
    spots = np.flatnonzero(free)
    if len(spots) == 0:
        return None
    top, left = divmod(int(spots[rng.integers(len(spots))]), len(lefts))
    return top, left, top + size, left + size


def lone_corner_windows(grid, motif, main, background, scale):
    """How many windows of grid show the corner colours alone of the scaled motif in any orientation (the
    motif is symmetric over its corner diagonal, so its four rotations are all its orientations)."""
    corners = replace_color(upscale(motif, scale), main, background)
    patterns = np.array([np.rot90(corners, turns).ravel() for turns in range(4)])
    windows = np.lib.stride_tricks.sliding_window_view(grid, corners.shape)
    flat_windows = windows.reshape(*windows.shape[:2], 1, -1)
    return int(np.all(flat_windows == patterns, axis=3).sum())


GENERATOR_EXEMPTIONS = {"colors": "background, main and corner colours may be any; the real inputs show six"}


def generate_input(rng):
    while True:
        height, width = int(rng.integers(20, 23)), int(rng.integers(19, 23))
        background, main, first, second = (int(c) for c in rng.choice(10, size=4, replace=False))
        motif = random_motif(rng, background, main, (first, second))
        grid, boxes = make_grid(height, width, background), []
        scales = [int(s) for s in rng.choice([1, 2, 3], size=int(rng.integers(1, 4)))]
        for index, scale in enumerate([1, *scales]):
            box = free_spot(rng, boxes, height, width, 3 * scale)
            if box is None:
                break
            boxes.append(box)
            variant = upscale(motif if index == 0 else random_orientation(rng, motif), scale)
            area = (slice(box[0], box[2]), slice(box[1], box[3]))
            grid[area] = variant if index == 0 else replace_color(variant, main, background)
        # every copy must be found once, and no corner cells of different copies may pass for another copy
        if len(boxes) == len(scales) + 1 and len(scales) == sum(
            lone_corner_windows(grid, motif, main, background, scale) for scale in set(scales)
        ):
            return grid
