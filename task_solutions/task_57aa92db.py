"""A small two-colour figure is the template: one anchor cell in a body of another colour. Elsewhere,
pairs of equal squares (an anchor-coloured square beside a square of a new colour) are scaled-up pieces of
it; each pair is completed into the whole template, scaled to the squares' size, aligned on the anchor and
with the body in the pair's new colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the template and the pieces may have any colours"}


def transform(grid):
    parts = find_objects(grid, connectivity=8, single_color=False)
    anchor = next(c for c in parts[0].colors if all(c in part.colors for part in parts))
    template = max(parts, key=lambda part: part.size / count_color(part.pixels, anchor))
    body = next(c for c in template.colors if c != anchor)
    key_row, key_col = np.argwhere(template.pixels == anchor)[0]
    result = copy_grid(grid)
    for part in parts:
        scale = round(count_color(part.pixels, anchor) ** 0.5)
        color = next(c for c in part.colors if c != anchor)
        block_row, block_col = np.argwhere(part.pixels == anchor)[0]
        stamp = upscale(recolor(template.pixels, {body: color}), scale)
        top = part.top + block_row - scale * key_row
        left = part.left + block_col - scale * key_col
        result = paint_object(result, Object(stamp != BLACK, stamp, (int(top), int(left))))
    return result


def random_template(rng, body, anchor):
    """A 3x3 (or 3x4) connected figure of body colour with one anchor cell that has a body neighbour."""
    while True:
        height, width = 3, int(rng.integers(3, 5))
        mask = rng.random((height, width)) < 0.6
        if len(find_objects(mask.astype(int))) == 1:
            if bounding_box(mask) == (0, 0, height, width) and 4 <= np.sum(mask) <= 8:
                cells = np.argwhere(mask)
                key = cells[int(rng.integers(0, len(cells)))]
                figure = np.where(mask, body, BLACK)
                figure[key[0], key[1]] = anchor
                return figure


def free_spot(rng, taken, height, width):
    """Top-left corner of a height x width block with a free margin of one cell around it, or None."""
    if height > taken.shape[0] or width > taken.shape[1]:
        return None
    for _ in range(10):
        top = int(rng.integers(0, taken.shape[0] - height + 1))
        left = int(rng.integers(0, taken.shape[1] - width + 1))
        if not taken[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1].any():
            return top, left
    return None


def generate_input(rng):
    body, anchor, *colors = (int(c) for c in rng.choice(range(1, 10), size=5, replace=False))
    template = random_template(rng, body, anchor)
    key = np.argwhere(template == anchor)[0]
    while True:
        height, width = int(rng.integers(15, 20)), int(rng.integers(12, 31))
        grid, expected = make_grid(height, width), make_grid(height, width)
        taken = np.zeros((height, width), dtype=bool)
        count = int(rng.integers(1, 4))
        for index, scale in enumerate([1] + [int(rng.integers(1, 5)) for _ in range(count)]):
            color = body if index == 0 else colors[(index - 1) % len(colors)]
            stamp = upscale(recolor(template, {body: color}), scale)
            spot = free_spot(rng, taken, *stamp.shape)
            if spot is None:
                break
            (top, left), (bottom, right) = spot, (spot[0] + stamp.shape[0], spot[1] + stamp.shape[1])
            taken[max(top - 1, 0) : bottom + 1, max(left - 1, 0) : right + 1] = True
            whole = Object(stamp != BLACK, stamp, (top, left))
            expected = paint_object(expected, whole)
            if index == 0:
                grid = paint_object(grid, whole)
                continue
            neighbours = [
                (dr, dc)
                for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))
                if 0 <= key[0] + dr < 3
                and 0 <= key[1] + dc < template.shape[1]
                and template[key[0] + dr, key[1] + dc] == body
            ]
            drow, dcol = neighbours[int(rng.integers(0, len(neighbours)))]
            piece = make_grid(*stamp.shape)
            for row, col, piece_color in ((key[0], key[1], anchor), (key[0] + drow, key[1] + dcol, color)):
                piece = fill_box(
                    piece, (scale * row, scale * col, scale * row + scale, scale * col + scale), piece_color
                )
            grid = paint_object(grid, Object(piece != BLACK, piece, (top, left)))
        else:
            if grids_equal(transform(grid), expected):
                return grid
