"""Grey shapes enclose black holes; every hole that is a perfect square is filled with red, other holes
stay black."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for hole in enclosed_regions(grid):
        if hole.is_rectangle and hole.height == hole.width:
            result = paint_object(result, hole, RED)
    return result


def random_holed_shape(rng, square):
    """A grey block with one hole: a square, a non-square rectangle, or a rectangle with a notch."""
    while True:
        hole_h, hole_w = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        if square:
            hole_w = hole_h
        elif hole_h == hole_w and (hole_h == 1 or rng.random() < 0.5):
            continue
        thick = [int(rng.integers(1, 3)) if rng.random() < 0.3 else 1 for _ in range(4)]
        height, width = hole_h + thick[0] + thick[1], hole_w + thick[2] + thick[3]
        if height <= 6 and width <= 7:
            break
    block = make_grid(height, width, GRAY)
    block = fill_box(block, (thick[0], thick[2], thick[0] + hole_h, thick[2] + hole_w), BLACK)
    if not square and hole_h > 1 and hole_w > 1 and rng.random() < 0.5:
        corner = (
            thick[0] + int(rng.integers(0, 2)) * (hole_h - 1),
            thick[2] + int(rng.integers(0, 2)) * (hole_w - 1),
        )
        block = paint_cells(block, [corner], GRAY)
    return block


def generate_input(rng):
    while True:
        count = int(rng.integers(2, 5))
        blocks = [random_holed_shape(rng, index == 0 or rng.random() < 0.4) for index in range(count)]
        blocks[1] = random_holed_shape(rng, False)
        grid = make_grid(12, 12)
        taken = np.zeros((12, 12), dtype=bool)
        for block in blocks:
            for _ in range(50):
                top, left = (
                    int(rng.integers(0, 13 - block.shape[0])),
                    int(rng.integers(0, 13 - block.shape[1])),
                )
                box = (max(top - 1, 0), max(left - 1, 0), top + block.shape[0] + 1, left + block.shape[1] + 1)
                if not np.any(taken[box[0] : box[2], box[1] : box[3]]):
                    break
            else:
                break
            taken[top : top + block.shape[0], left : left + block.shape[1]] = True
            grid = paint_object(grid, Object(block >= 0, block, (top, left)))
        else:
            return grid
