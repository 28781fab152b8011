"""A grey fence in the top-left corner holds a small sample shape. The shape elsewhere in the grid with
exactly the same form as the sample is painted grey."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = [shape for shape in find_objects(grid, connectivity=8) if shape.color != GRAY]
    sample = next(shape for shape in shapes if shape.top < 3 and shape.left < 3)
    result = copy_grid(grid)
    for shape in shapes:
        if shape is not sample and same_shape(shape, sample):
            result = paint_object(result, shape, GRAY)
    return result


SIDE_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))
MASK_TABLES = {}  # (height, width, cells) -> connected_mask_table(...), filled on first use


def connected_mask_table(height, width, cells):
    """Every mask grown to `cells` side-connected cells in a height x width box, cropped, with cumulative
    chances: the first cell is drawn anywhere, each next one among the free side neighbours."""
    chances = {frozenset([(row, col)]): 1 / (height * width) for row in range(height) for col in range(width)}
    for _ in range(cells - 1):
        grown_chances = {}
        for grown, chance in chances.items():
            neighbours = {(row + drow, col + dcol) for row, col in grown for drow, dcol in SIDE_STEPS}
            options = [
                (row, col) for row, col in neighbours - grown if 0 <= row < height and 0 <= col < width
            ]
            for bigger in [grown | {option} for option in options]:
                grown_chances[bigger] = grown_chances.get(bigger, 0) + chance / len(options)
        chances = grown_chances
    masks = {}
    for grown, chance in chances.items():
        rows, cols = zip(*grown, strict=True)
        mask = np.zeros((max(rows) - min(rows) + 1, max(cols) - min(cols) + 1), dtype=bool)
        mask[np.subtract(rows, min(rows)), np.subtract(cols, min(cols))] = True
        mask.setflags(write=False)
        key = grid_key(mask.view(np.int8))
        masks[key] = (mask, masks.get(key, (mask, 0))[1] + chance)
    return [mask for mask, _ in masks.values()], np.cumsum([chance for _, chance in masks.values()])


def random_connected_mask(rng, height, width, cells):
    """A random side-connected mask of `cells` cells grown in a height x width box (see
    connected_mask_table), cropped to its cells."""
    if (height, width, cells) not in MASK_TABLES:
        MASK_TABLES[height, width, cells] = connected_mask_table(height, width, cells)
    masks, cumulative = MASK_TABLES[height, width, cells]
    return masks[int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))]


def try_place(rng, grid, mask, color):
    height, width = mask.shape
    for _ in range(50):
        top, left = int(rng.integers(0, 11 - height)), int(rng.integers(0, 11 - width))
        if top < 5 and left < 5:
            continue
        if np.all(grid[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1] == BLACK):
            placed = np.zeros(grid.shape, dtype=bool)
            placed[top : top + height, left : left + width] = mask
            return paint_mask(grid, placed, color)
    return None


def generate_input(rng):
    while True:
        colors = [int(c) for c in rng.permutation([1, 2, 3, 4, 6, 7, 8, 9])]
        grid = fill_box(fill_box(make_grid(10, 10), (3, 0, 4, 4), GRAY), (0, 3, 4, 4), GRAY)
        sample = random_connected_mask(rng, 3, 3, int(rng.integers(3, 6)))
        corner = np.zeros((10, 10), dtype=bool)
        top, left = int(rng.integers(0, 4 - sample.shape[0])), int(rng.integers(0, 4 - sample.shape[1]))
        corner[top : top + sample.shape[0], left : left + sample.shape[1]] = sample
        grid = paint_mask(grid, corner, colors[0])
        masks = [sample]
        while len(masks) < int(rng.integers(4, 7)):
            other = random_connected_mask(rng, 3, 4, int(rng.integers(2, 6)))
            if not any(other.shape == mask.shape and np.array_equal(other, mask) for mask in masks):
                masks.append(other)
        masks[1] = sample
        for mask, color in zip(masks[1:], colors[1 : len(masks)], strict=True):
            grid = try_place(rng, grid, mask, color)
            if grid is None:
                break
        else:
            return grid
