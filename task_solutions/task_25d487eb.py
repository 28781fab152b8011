"""Each triangle has one odd-coloured cell in the middle of its base. A ray of that odd colour shoots out
from the tip of the triangle, in the direction it points, to the edge of the grid."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    result = copy_grid(grid)
    for shape in find_objects(grid, connectivity=8, single_color=False, background=background):
        colors = [grid[cell] for cell in shape.cells]
        odd = min(set(colors), key=colors.count)
        row, col = shape.cells[colors.index(odd)]
        direction = (int(np.sign(shape.center[0] - row)), int(np.sign(shape.center[1] - col)))
        ray = draw_line(make_grid(*grid.shape, background), (row, col), direction, odd)
        result = np.where(result == background, ray, result)
    return result


def generate_input(rng):
    for _ in range(100):
        height, width = int(rng.integers(10, 17)), int(rng.integers(11, 16))
        layers = int(rng.integers(3, 5))
        main, odd = rng.choice([1, 2, 3, 4, 8], size=2, replace=False)
        triangle = make_grid(layers, 2 * layers - 1)
        for depth in range(layers):
            triangle[layers - 1 - depth, depth : 2 * layers - 1 - depth] = main
        triangle[layers - 1, layers - 1] = odd
        triangle = rotate(triangle, int(rng.integers(4)))
        top = int(rng.integers(1, height - triangle.shape[0]))
        left = int(rng.integers(1, width - triangle.shape[1]))
        grid = make_grid(height, width)
        grid[top : top + triangle.shape[0], left : left + triangle.shape[1]] = triangle
        if not np.array_equal(transform(grid), grid):
            return grid
    return grid
