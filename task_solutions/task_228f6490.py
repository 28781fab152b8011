"""Grey blocks have holes. Each hole receives the loose piece of exactly its shape (the one whose colour no
other piece shares, when several fit); the other pieces stay put."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pieces may have any colours other than grey"}


def loose_pieces(grid, background):
    """The shapes not of the block colour (the most common colour after the background)."""
    block_color = most_common_color(grid, exclude=background)
    return [piece for piece in find_objects(grid, background=background) if piece.color != block_color]


def transform(grid):
    background = background_color(grid)
    pieces = loose_pieces(grid, background)
    colors = [piece.color for piece in pieces]
    result = copy_grid(grid)
    for hole in enclosed_regions(grid, background=background):
        fitting = [piece for piece in pieces if same_shape(hole, piece)]
        unique = [piece for piece in fitting if colors.count(piece.color) == 1]
        if fitting:
            piece = (unique or fitting)[0]
            result = paint_object(erase_object(result, piece, background=background), hole, piece.color)
    return result


def beside(mask):
    """The cells that share a side with a True cell of the boolean mask."""
    framed = np.zeros((mask.shape[0] + 2, mask.shape[1] + 2), dtype=bool)
    framed[1:-1, 1:-1] = mask
    return framed[:-2, 1:-1] | framed[2:, 1:-1] | framed[1:-1, :-2] | framed[1:-1, 2:]


def random_blob(rng, cells, height, width):
    """A random side-connected mask of up to `cells` cells grown inside a height x width box."""
    mask = np.zeros((height, width), dtype=bool)
    mask[rng.integers(0, height), rng.integers(0, width)] = True
    for _ in range(cells - 1):
        options = np.argwhere(beside(mask) & ~mask)
        if len(options) == 0:
            break
        mask[tuple(options[rng.integers(0, len(options))])] = True
    top, left, bottom, right = bounding_box(mask)
    return mask[top:bottom, left:right]


def free_corner(rng, grid, height, width):
    """A random top-left corner where a height x width box finds only black cells, or None."""
    corners = find_pattern(grid, make_grid(height, width))
    return corners[int(rng.integers(len(corners)))] if corners else None


def random_layout(rng):
    """Two grey blocks with a hole each, a piece of each hole's shape and 2-4 same-coloured small pieces,
    or None when something did not fit. Holes are cut after the pieces are placed, so none lands in one."""
    grid, holes, cutouts = make_grid(10, 10), [], []
    for _ in range(2):
        height, width = int(rng.integers(4, 6)), int(rng.integers(4, 7))
        hole = random_blob(rng, int(rng.integers(2, 6)), height - 2, width - 2)
        corner = free_corner(rng, grid, height, width)
        if corner is None:
            return None
        top, left = corner
        grid = fill_box(grid, (top, left, top + height, left + width), GRAY)
        row = top + int(rng.integers(1, height - hole.shape[0]))
        col = left + int(rng.integers(1, width - hole.shape[1]))
        cutouts.append(Object(hole, BLACK, (row, col)))
        holes.append(hole)
    colors = rng.permutation([c for c in range(1, 10) if c != GRAY])
    pieces = [(hole, colors[i]) for i, hole in enumerate(holes)]
    for _ in range(int(rng.integers(2, 5))):
        pieces.append((random_blob(rng, int(rng.integers(1, 5)), 3, 3), colors[2]))
    for mask, color in pieces:
        room = np.where(beside(grid == color), GRAY, grid)  # no piece touches one of its colour
        corner = free_corner(rng, room, *mask.shape)
        if corner is None:
            return None
        grid = paint_object(grid, Object(mask, int(color), corner))
    grid = paint_objects(grid, cutouts)
    return grid if is_clean(grid, holes, len(pieces)) else None


def generate_input(rng):
    while True:
        grid = random_layout(rng)
        if grid is not None:
            return grid


def is_clean(grid, holes, piece_count):
    """True when every hole has exactly one fitting unique piece and no piece merged with another."""
    pieces = loose_pieces(grid, BLACK)
    colors = [piece.color for piece in pieces]
    unique = [piece for piece in pieces if colors.count(piece.color) == 1]
    regions = enclosed_regions(grid)
    fits = [sum(same_shape(region, piece) for piece in unique) for region in regions]
    return len(pieces) == piece_count and len(regions) == len(holes) and fits == [1] * len(holes)
