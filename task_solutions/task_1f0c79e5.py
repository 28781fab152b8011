"""A 2x2 block has some red corners; each red corner launches the block diagonally in its direction, leaving
a trail of block copies to the edge, all in the block's other colour."""

import numpy as np
from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the block may have any colour other than red"}


def transform(grid):
    background = background_color(grid)
    result = make_grid(*grid_shape(grid), background)
    for block in find_objects(grid, single_color=False, background=background):
        shape = block.recolored([color for color in block.colors if color != RED][0])
        center_row, center_col = block.center
        for row, col in block.cells:
            if grid[row, col] == RED:
                step_row, step_col = int(np.sign(row - center_row)), int(np.sign(col - center_col))
                for distance in range(max(grid_shape(grid))):
                    result = paint_object(result, shape.moved(distance * step_row, distance * step_col))
    return result


def generate_input(rng):
    color = int(rng.choice([c for c in range(1, 10) if c != RED]))
    corners = rng.permutation(4)[: rng.integers(1, 4)]
    block = np.full(4, color)
    block[corners] = RED
    grid = make_grid(9, 9)
    top, left = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    grid[top : top + 2, left : left + 2] = block.reshape(2, 2)
    return grid
