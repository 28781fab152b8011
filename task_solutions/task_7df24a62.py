"""A blue box marks a little arrangement of yellow dots. Wherever the same arrangement (turned or
mirrored) appears among the scattered yellow dots with nothing else around it, a matching blue box is
drawn under it (boxes may run off the grid edge)."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    template = crop(grid, bounding_box(grid == BLUE))
    margin = max(template.shape)
    padded = pad(grid, margin)
    result = copy_grid(padded)
    distinct = {grid_key(shape): shape for shape in orientations(template)}
    for shape in distinct.values():
        dots = np.where(shape == YELLOW, YELLOW, BLACK)
        for row, col in find_pattern(padded, dots):
            result[row : row + shape.shape[0], col : col + shape.shape[1]] = shape
    return result[margin:-margin, margin:-margin]


def random_template(rng):
    """A blue box of 3..5 x 4..5 cells with two or three yellow dots inside its border."""
    height, width = int(rng.integers(3, 6)), int(rng.integers(4, 6))
    box = make_grid(height, width, BLUE)
    inner = [(row, col) for row in range(1, height - 1) for col in range(1, width - 1)]
    picks = rng.permutation(len(inner))[: min(int(rng.integers(2, 4)), len(inner))]
    return paint_cells(box, [inner[int(index)] for index in picks], YELLOW)


def random_orientation(rng, shape):
    """The shape turned by a random number of quarter turns and maybe mirrored."""
    shape = rotate(shape, int(rng.integers(4)))
    return flip_horizontal(shape) if rng.random() < 0.5 else shape


def generate_input(rng):
    size, margin = 23, 5
    while True:
        template = random_template(rng)
        copies = [random_orientation(rng, template) for _ in range(int(rng.integers(1, 4)))]
        canvas = pad(as_grid((rng.random((size, size)) < 0.08) * YELLOW), margin)
        taken = make_grid(size + 2 * margin, size + 2 * margin)
        placed = 0
        for index, shape in enumerate([template] + [np.where(c == YELLOW, YELLOW, BLACK) for c in copies]):
            rows, cols = shape.shape
            # The template lies fully on the grid; a copy only needs its dots on the grid.
            must_fit = shape if index else make_grid(rows, cols, BLUE)
            for _ in range(100):
                top = int(rng.integers(margin - 1, size + margin - rows + 2))
                left = int(rng.integers(margin - 1, size + margin - cols + 2))
                cells = np.argwhere(must_fit != BLACK) + (top, left)
                fits = np.all((cells >= margin) & (cells < size + margin))
                if fits and np.sum(taken[top - 1 : top + rows + 1, left - 1 : left + cols + 1]) == 0:
                    canvas[top : top + rows, left : left + cols] = shape
                    taken[top : top + rows, left : left + cols] = 1
                    placed += 1
                    break
        grid = canvas[margin:-margin, margin:-margin]
        if placed >= 2 and count_color(grid, BLUE) == count_color(template, BLUE):
            return grid
