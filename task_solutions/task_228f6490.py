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


def random_blob(rng, cells, height, width):
    """A random side-connected mask of up to `cells` cells grown inside a height x width box."""
    mask = make_grid(height, width)
    mask[rng.integers(0, height), rng.integers(0, width)] = 1
    for _ in range(cells - 1):
        rows, cols = (
            shift(mask, 1, 0) | shift(mask, -1, 0) | shift(mask, 0, 1) | shift(mask, 0, -1)
        ).nonzero()
        options = [(r, c) for r, c in zip(rows, cols, strict=True) if not mask[r, c]]
        if not options:
            break
        mask[options[rng.integers(0, len(options))]] = 1
    return crop_to_content(mask) == 1


def place(rng, grid, mask, color):
    """Paint mask somewhere its bounding box finds only black cells; return None when nothing fits."""
    height, width = mask.shape
    for _ in range(50):
        top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
        if not crop(grid, (top, left, top + height, left + width)).any():
            return paint_object(grid, Object(mask, color, (top, left)))
    return None


def generate_input(rng):
    while True:
        grid, holes = make_grid(10, 10), []
        for _ in range(2):
            height, width = int(rng.integers(4, 6)), int(rng.integers(4, 7))
            hole = random_blob(rng, int(rng.integers(2, 6)), height - 2, width - 2)
            block = make_grid(height, width, GRAY)
            top, left = (
                int(rng.integers(1, height - hole.shape[0])),
                int(rng.integers(1, width - hole.shape[1])),
            )
            block[top : top + hole.shape[0], left : left + hole.shape[1]] = np.where(hole, BLACK, GRAY)
            grid = grid if grid is None else place(rng, grid, block != BLACK, GRAY)
            holes.append(hole)
        colors = rng.permutation([c for c in range(1, 10) if c != GRAY])
        pieces = [(hole, colors[i]) for i, hole in enumerate(holes)]
        for _ in range(int(rng.integers(2, 5))):
            pieces.append((random_blob(rng, int(rng.integers(1, 5)), 3, 3), colors[2]))
        for mask, color in pieces:
            grid = grid if grid is None else place(rng, grid, mask, int(color))
        if grid is not None and is_clean(grid, holes, len(pieces)):
            return grid


def is_clean(grid, holes, piece_count):
    """True when every hole has exactly one fitting unique piece and no piece merged with another."""
    pieces = loose_pieces(grid, BLACK)
    colors = [piece.color for piece in pieces]
    unique = [piece for piece in pieces if colors.count(piece.color) == 1]
    regions = enclosed_regions(grid)
    fits = [sum(same_shape(region, piece) for piece in unique) for region in regions]
    return len(pieces) == piece_count and len(regions) == len(holes) and fits == [1] * len(holes)
