"""Each fully closed grey frame holds a coloured shape; every blue shape outside with exactly that form
takes the shape's colour. Frames left open by the grid edge do not count."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = find_objects(grid)
    frames = [frame for frame in shapes if frame.color == GRAY and holes(frame)]
    models = [s for s in shapes if s.color not in (GRAY, BLUE) and any(is_inside(s, f) for f in frames)]
    result = copy_grid(grid)
    for shape in objects_of_color(shapes, BLUE):
        for model in models:
            if same_shape(shape, model):
                result = paint_object(result, shape, model.color)
    return result


def random_shape(rng):
    """A side-connected mask filling a 1..4 x 1..4 box with at least three cells."""
    while True:
        draws = rng.random(18)  # one draw for the box size and its cells (each filled with chance 0.7)
        rows, cols = 1 + (draws[:2] * 4).astype(int)
        mask = (draws[2:] < 0.7).reshape(4, 4)[:rows, :cols]
        fills_box = mask.any(axis=0).all() and mask.any(axis=1).all()
        if fills_box and mask.sum() >= 3 and len(find_objects(mask.astype(int))) == 1:
            return mask


def free_spot(rng, taken, height, width):
    """A random top-left corner where a height x width box plus a one-cell margin is still free."""
    for _ in range(200):
        top, left = int(rng.integers(0, 21 - height)), int(rng.integers(0, 21 - width))
        if np.sum(taken[max(top - 1, 0) : top + height + 1, max(left - 1, 0) : left + width + 1]) == 0:
            return top, left
    return None


def generate_input(rng):
    color = int(rng.choice([RED, GREEN]))
    while True:
        grid, taken = make_grid(20, 20), make_grid(20, 20)
        model = random_shape(rng)
        rows, cols = model.shape
        frame = (rows + 2 + int(rng.integers(2, 4)), cols + 2 + int(rng.integers(2, 4)))
        spot = free_spot(rng, taken, *frame)
        if spot is None:
            continue
        top, left = spot
        grid = draw_outline(grid, (top, left, top + frame[0], left + frame[1]), GRAY)
        grid[top + 2 : top + 2 + rows, left + 2 : left + 2 + cols] = model * color
        taken[top : top + frame[0], left : left + frame[1]] = 1
        blues = [model] * int(rng.integers(1, 3)) + [random_shape(rng) for _ in range(rng.integers(1, 3))]
        if rng.random() < 0.5:  # a decoy in a frame left open by the grid's corner
            decoy = random_shape(rng)
            corner_rows, corner_cols = decoy.shape[0] + 3, decoy.shape[1] + 3
            if np.sum(taken[: corner_rows + 1, 20 - corner_cols - 1 :]) == 0:
                grid[corner_rows, 20 - corner_cols :] = GRAY
                grid[:corner_rows, 20 - corner_cols] = GRAY
                grid[1 : 1 + decoy.shape[0], 22 - corner_cols : 22 - corner_cols + decoy.shape[1]] = (
                    decoy * color
                )
                taken[: corner_rows + 1, 20 - corner_cols - 1 :] = 1
                blues.append(decoy)
        copies = 0  # blue copies of the framed shape placed: they change colour
        for mask in blues:
            spot = free_spot(rng, taken, *mask.shape)
            if spot is not None:
                grid[spot[0] : spot[0] + mask.shape[0], spot[1] : spot[1] + mask.shape[1]] = mask * BLUE
                taken[spot[0] : spot[0] + mask.shape[0], spot[1] : spot[1] + mask.shape[1]] = 1
                copies += mask is model
        if copies:
            return rotate(grid, int(rng.integers(4)))
