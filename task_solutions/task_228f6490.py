"""Grey blocks have holes. Each hole receives the loose piece of exactly its shape (the one whose colour no
other piece shares, when several fit); the other pieces stay put."""

import numpy as np
from omniarc.dsl import *
from omniarc.task_solutions.sampling import random_connected_mask

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


def free_corner(rng, grid, height, width):
    """A random top-left corner where a height x width box finds only black cells, or None."""
    taken = grid != BLACK
    taken_rows = np.logical_or.reduce([taken[row : len(taken) - height + row + 1] for row in range(height)])
    cols = taken.shape[1] - width + 1
    taken_boxes = np.logical_or.reduce([taken_rows[:, col : cols + col] for col in range(width)])
    corners = np.flatnonzero(~taken_boxes)
    if len(corners) == 0:
        return None
    return divmod(int(corners[rng.integers(len(corners))]), cols)


def random_layout(rng):
    """Two grey blocks with a hole each, a piece of each hole's shape and 2-4 same-coloured small pieces,
    or None when something did not fit. Holes are cut after the pieces are placed, so none lands in one."""
    grid, holes, cutouts = make_grid(10, 10), [], []
    for _ in range(2):
        height, width = int(rng.integers(4, 6)), int(rng.integers(4, 7))
        hole = random_connected_mask(rng, height - 2, width - 2, int(rng.integers(2, 6)))
        corner = free_corner(rng, grid, height, width)
        if corner is None:
            return None
        top, left = corner
        grid[top : top + height, left : left + width] = GRAY
        row = top + int(rng.integers(1, height - hole.shape[0]))
        col = left + int(rng.integers(1, width - hole.shape[1]))
        cutouts.append((row, col, hole))
        holes.append(hole)
    if np.array_equal(*holes):
        return None  # both pieces would fit both holes
    colors = rng.permutation([c for c in range(1, 10) if c != GRAY])
    small_pieces = int(rng.integers(2, 5))
    for index in range(len(holes) + small_pieces):
        if index < len(holes):
            mask = holes[index]
        else:
            mask = random_connected_mask(rng, 3, 3, int(rng.integers(1, 5)))
        color = colors[min(index, len(holes))]  # a colour of its own for each hole's piece, one for the rest
        room = np.where(beside(grid == color), GRAY, grid)  # no piece touches one of its colour
        corner = free_corner(rng, room, *mask.shape)
        if corner is None:
            return None
        (top, left), (height, width) = corner, mask.shape
        grid[top : top + height, left : left + width][mask] = color
    for row, col, hole in cutouts:
        grid[row : row + hole.shape[0], col : col + hole.shape[1]][hole] = BLACK
    # each hole's piece is the only one of its colour and fits no other hole, and pieces of one colour never
    # touch: the layout is clean unless the pieces and blocks enclose black cells besides the holes
    return grid if len(enclosed_regions(grid)) == len(holes) else None


def generate_input(rng):
    while True:
        grid = random_layout(rng)
        if grid is not None:
            return grid
