"""A small pattern floats on the background; it marks its centre colour. Inside each large rectangle,
every cell of that centre colour gets a copy of the pattern stamped on it, and the pattern's one-cell
arms are extended as full lines of their tip colour across the rectangle. The pattern itself is erased."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = most_common_color(grid)
    shapes = find_objects(grid, connectivity=8, single_color=False, background=background)
    template = smallest_object(shapes)
    boxes = [shape for shape in shapes if shape.size > template.size]
    marker = [c for c in template.colors if any(c in box.colors and c != box.color for box in boxes)][0]
    pattern, mask = template.as_grid(background), np.pad(template.mask, 2)
    centers = np.argwhere(template.mask & (pattern == marker))
    # the centre is the marker-coloured cell with the most pattern cells around it
    mid_row, mid_col = max(
        centers, key=lambda cell: mask[cell[0] + 1 : cell[0] + 4, cell[1] + 1 : cell[1] + 4].sum()
    )
    steps = ((-1, 0), (1, 0), (0, -1), (0, 1))
    arms = [(dr, dc) for dr, dc in steps if mask[mid_row + 2 + 2 * dr, mid_col + 2 + 2 * dc]]
    result = erase_object(grid, template, background=background)
    for box in boxes:
        inside = crop(grid, box)
        marks = np.argwhere(inside == marker)
        for row, col in marks:
            for drow, dcol in arms:
                tip = pattern[mid_row + 2 * drow, mid_col + 2 * dcol]
                inside = draw_line(inside, (row, col), (drow, dcol), tip)
        for row, col in marks:
            inside = paint_object(inside, template.moved_to(row - mid_row, col - mid_col))
        top, left, bottom, right = box.bbox
        result[top:bottom, left:right] = inside
    return result


def random_pattern(rng, center, arm, ring):
    """A cross-like pattern: radius-2 arms of tip colour `arm` on the line axes, a 3x3 ring otherwise."""
    axes = [["vertical"], ["horizontal"], ["vertical", "horizontal"]][int(rng.integers(3))]
    height, width = (5 if "vertical" in axes else 3), (5 if "horizontal" in axes else 3)
    pattern = make_grid(height, width)
    mid_row, mid_col = height // 2, width // 2
    if len(axes) == 1 or rng.random() < 0.5:
        pattern[mid_row - 1 : mid_row + 2, mid_col - 1 : mid_col + 2] = ring
    inner = arm if len(axes) == 2 or rng.random() < 0.5 else ring
    if "vertical" in axes:
        pattern[:, mid_col] = [arm, inner, center, inner, arm]
    if "horizontal" in axes:
        pattern[mid_row, :] = [arm, inner, center, inner, arm]
    pattern[mid_row, mid_col] = center
    return pattern


def random_boxes(rng, wanted, draws=200):
    """Up to `wanted` boxes (top, left, bottom, right) in a 30x30 grid, off its border: `draws` random
    boxes of 9..17 x 9..19 cells are tried in turn and each one a cell apart from those kept is kept."""
    heights, widths = rng.integers(9, 18, size=draws), rng.integers(9, 20, size=draws)
    tops, lefts = rng.integers(1, 30 - heights), rng.integers(1, 30 - widths)
    # the box grown by its 1-cell gap, as slices into the summed-area table below
    rows = np.stack([tops - 1, tops + heights + 1])
    cols = np.stack([lefts - 1, lefts + widths + 1])
    taken, boxes, first = np.zeros((30, 30), dtype=int), [], 0
    sums = np.zeros((31, 31), dtype=int)  # sums[r, c]: taken cells above-left
    while len(boxes) < wanted:
        sums[1:, 1:] = taken.cumsum(0).cumsum(1)
        covered = (
            sums[rows[1], cols[1]] - sums[rows[0], cols[1]] - sums[rows[1], cols[0]] + sums[rows[0], cols[0]]
        )
        free = np.flatnonzero(covered[first:] == 0)
        if len(free) == 0:
            break
        first += int(free[0])
        top, left = int(tops[first]), int(lefts[first])
        boxes.append((top, left, top + int(heights[first]), left + int(widths[first])))
        taken[top : boxes[-1][2], left : boxes[-1][3]] = 1
        first += 1
    return boxes


def free_corners(taken, height, width):
    """The top-left corners, in reading order, of the height x width boxes holding no taken cell."""
    taken_rows = np.logical_or.reduce([taken[row : len(taken) - height + row + 1] for row in range(height)])
    cols = taken.shape[1] - width + 1
    return np.argwhere(~np.logical_or.reduce([taken_rows[:, col : cols + col] for col in range(width)]))


def generate_input(rng):
    while True:
        background, fill, center, arm, ring = rng.choice([1, 2, 3, 4, 5, 6, 8], size=5, replace=False)
        if rng.random() < 0.3:
            ring = center
        pattern = random_pattern(rng, center, arm, ring)
        grid = make_grid(30, 30, background)
        boxes = random_boxes(rng, int(rng.integers(2, 4)))
        taken = make_grid(30, 30)
        for top, left, bottom, right in boxes:
            taken[top:bottom, left:right] = 1
        if len(boxes) < 2:
            continue
        for top, left, bottom, right in boxes:
            grid[top:bottom, left:right] = fill
            marks = []
            for _ in range(int(rng.integers(1, 3))):
                row, col = int(rng.integers(top + 1, bottom - 1)), int(rng.integers(left + 1, right - 1))
                if all(abs(row - r) >= 3 and abs(col - c) >= 3 for r, c in marks):
                    marks.append((row, col))
                    grid[row, col] = center
        framed = np.zeros((32, 32), dtype=bool)
        framed[1:-1, 1:-1] = taken
        free = free_corners(framed, pattern.shape[0] + 2, pattern.shape[1] + 2)
        if len(free):
            row, col = free[int(rng.integers(len(free)))]
            window = grid[row : row + pattern.shape[0], col : col + pattern.shape[1]]
            window[pattern != 0] = pattern[pattern != 0]
            return grid
