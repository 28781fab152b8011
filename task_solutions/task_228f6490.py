"""Grey blocks have holes. Each piece whose colour no other piece shares moves into the hole of exactly its
shape; the decoy pieces, which share one colour, stay put."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pieces may have any colours other than grey"}


def unique_pieces(grid):
    """The non-grey shapes whose colour no other shape has."""
    pieces = [obj for obj in find_objects(grid) if obj.color != GRAY]
    colors = [piece.color for piece in pieces]
    return [piece for piece in pieces if colors.count(piece.color) == 1]


def transform(grid):
    result = copy_grid(grid)
    for hole in enclosed_regions(grid):
        for piece in unique_pieces(grid):
            if same_shape(hole, piece):
                result = paint_object(erase_object(result, piece), hole, piece.color)
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
    pieces = [obj for obj in find_objects(grid) if obj.color != GRAY]
    regions = enclosed_regions(grid)
    fits = [sum(same_shape(region, piece) for piece in unique_pieces(grid)) for region in regions]
    return len(pieces) == piece_count and len(regions) == len(holes) and fits == [1] * len(holes)
