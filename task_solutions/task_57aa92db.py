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
        mask = rng.random((3, int(rng.integers(3, 5)))) < 0.6
        fills_box = mask.any(axis=0).all() and mask.any(axis=1).all()
        if fills_box and 4 <= mask.sum() <= 8 and len(find_objects(mask.astype(int))) == 1:
            cells = np.argwhere(mask)
            figure = np.where(mask, body, BLACK)
            figure[tuple(cells[int(rng.integers(len(cells)))])] = anchor
            return figure


def free_spots(taken, height, width):
    """Top-left corners of every height x width block whose 1-cell ring covers no taken cell; taken is the
    grid padded by one cell (window sums of an integral image)."""
    sums = np.zeros((taken.shape[0] + 1, taken.shape[1] + 1), dtype=np.int32)
    sums[1:, 1:] = taken.cumsum(0).cumsum(1)
    height, width = height + 2, width + 2
    window = sums[height:, width:] - sums[:-height, width:] - sums[height:, :-width] + sums[:-height, :-width]
    return np.argwhere(window == 0)


def generate_input(rng):
    body, anchor, *colors = (int(c) for c in rng.choice(range(1, 10), size=5, replace=False))
    template = random_template(rng, body, anchor)
    key = np.argwhere(template == anchor)[0]
    padded = pad(template, 1)
    neighbours = [
        key + side for side in [(0, 1), (1, 0), (0, -1), (-1, 0)] if padded[tuple(key + side + 1)] == body
    ]
    while True:
        height, width = int(rng.integers(15, 20)), int(rng.integers(12, 31))
        grid = make_grid(height, width)
        taken = np.zeros((height + 2, width + 2), dtype=bool)
        count = int(rng.integers(1, 4))
        for index, scale in enumerate([1, *rng.integers(1, 5, size=count)]):
            rows, cols = scale * template.shape[0], scale * template.shape[1]
            positions = max(height - rows + 1, 0) * max(width - cols + 1, 0)
            spots = free_spots(taken, rows, cols) if positions else []
            # give up on the layout as often as ten random tries at a free spot would all miss
            if not positions or rng.random() < (1 - len(spots) / positions) ** 10:
                break
            top, left = spots[int(rng.integers(len(spots)))]
            bottom, right = top + rows, left + cols
            taken[top : bottom + 2, left : right + 2] = True
            if index == 0:
                grid[top:bottom, left:right] = template
                continue
            piece = np.zeros(template.shape, dtype=np.int8)  # the anchor and one body cell in a new colour
            piece[tuple(key)] = anchor
            piece[tuple(neighbours[int(rng.integers(len(neighbours)))])] = colors[index - 1]
            grid[top:bottom, left:right] = upscale(piece, scale)
        else:
            return grid
