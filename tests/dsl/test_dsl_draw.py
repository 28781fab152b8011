"""Tests for omniarc.dsl.draw on real ARC-AGI-1 training tasks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from omniarc.dsl import (
    AZURE,
    BLUE,
    GRAY,
    YELLOW,
    apply_gravity,
    background_color,
    color_mask,
    draw_line,
    draw_outline,
    draw_segment,
    erase_object,
    fill_box,
    fill_enclosed_regions,
    find_objects,
    flood_fill,
    grids_equal,
    holes,
    make_grid,
    move_object_until_blocked,
    paint_cells,
    paint_mask,
    paint_object,
    paint_objects,
)

COVERS = {
    "paint_object",
    "paint_objects",
    "erase_object",
    "paint_mask",
    "paint_cells",
    "fill_box",
    "draw_outline",
    "draw_line",
    "draw_segment",
    "flood_fill",
    "fill_enclosed_regions",
    "apply_gravity",
    "move_object_until_blocked",
}


def solves(pairs, task_id, transform) -> bool:
    """True when ``transform`` reproduces every train and test pair of the task."""
    return all(grids_equal(transform(grid), output) for grid, output in pairs(task_id))


def test_paint_objects_rebuilds_the_grid(pairs):
    grid, _ = pairs("a61ba2ce")[0]
    objects = find_objects(grid)
    assert grids_equal(paint_objects(make_grid(*grid.shape), objects), grid)
    assert (paint_objects(grid, objects, 5)[grid != 0] == 5).all()
    shifted = paint_object(make_grid(*grid.shape), objects[0].moved(-1, 6))  # partly off the grid
    assert shifted[0, 12] == 8 and shifted[1, 12] == 8 and np.count_nonzero(shifted) == 2
    with pytest.raises(ValueError, match="expects an Object"):
        paint_object(grid, grid)


def test_erase_object_and_paint_object(pairs):
    # 6e82a1ae: recolour each gray shape by its size (paint_object with a colour)
    def recolor_by_size(grid):
        for obj in find_objects(grid):
            grid = paint_object(grid, obj, {4: 1, 3: 2, 2: 3}[obj.size])
        return grid

    assert solves(pairs, "6e82a1ae", recolor_by_size)
    grid, _ = pairs("a61ba2ce")[0]
    first = find_objects(grid)[0]
    assert count_cells(erase_object(grid, first)) == count_cells(grid) - first.size


def count_cells(grid: np.ndarray) -> int:
    return int(np.count_nonzero(grid))


def test_paint_mask_and_paint_cells(pairs):
    def gray_out_the_rest(grid):
        return paint_mask(grid, ~color_mask(grid, background_color(grid)), GRAY)

    assert solves(pairs, "9565186b", gray_out_the_rest)
    grid, _ = pairs("9565186b")[0]
    painted = paint_cells(grid, [(0, 0), (2, 2), (9, 9)], 7)
    assert painted[0, 0] == 7 and painted[2, 2] == 7
    with pytest.raises(ValueError, match="grid's shape"):
        paint_mask(grid, np.ones((2, 2), dtype=bool), 1)


def test_fill_box_and_draw_outline(pairs):
    assert solves(pairs, "6f8cd79b", lambda grid: draw_outline(grid, (0, 0, *grid.shape), AZURE))
    grid, output = pairs("a5313dff")[0]
    ring = find_objects(grid)[0]
    (hole,) = holes(ring)
    filled = fill_box(grid, hole, BLUE)
    assert (filled[2:5, 2:5] == 1).all() and (filled[grid != 0][:3] == 2).all()
    assert grids_equal(fill_box(grid, (0, 0, 1, 1), 3)[:1, :1], [[3]])
    with pytest.raises(ValueError, match="box"):
        fill_box(grid, (0, 0, 1), 3)


def test_draw_line_rays(pairs):
    def drip(grid):
        for obj in find_objects(grid):
            grid = draw_line(grid, obj.position, "down", obj.color)
        return grid

    assert solves(pairs, "d037b0a7", drip)
    grid, _ = pairs("00d62c1b")[0]
    diagonal = draw_line(grid, (0, 0), "down_right", 2, stop_at_obstacle=True)
    assert [diagonal[index, index] for index in range(6)] == [2] * 6
    blocked = draw_line(grid, (1, 0), "right", 2, stop_at_obstacle=True)
    assert blocked[1].tolist() == [2, 2, 3, 0, 0, 0]
    assert draw_line(grid, (5, 5), (-1, 0), 4, length=2)[:, 5].tolist() == [0, 0, 0, 0, 4, 4]
    with pytest.raises(ValueError, match="direction must be one of"):
        draw_line(grid, (0, 0), "sideways", 2)


def test_draw_segment_connects_blue_pairs(pairs):
    # dbc1a6ce: blue cells on the same row or column are joined by azure lines
    def connect(grid):
        blues = [obj.position for obj in find_objects(grid) if obj.color == BLUE]
        for first, second in itertools.combinations(blues, 2):
            if first[0] == second[0] or first[1] == second[1]:
                grid = draw_segment(grid, first, second, AZURE)
        return paint_cells(grid, blues, BLUE)

    assert solves(pairs, "dbc1a6ce", connect)
    grid, _ = pairs("dbc1a6ce")[0]
    assert np.diag(draw_segment(grid, (0, 0), (3, 3), 5))[:4].tolist() == [5, 5, 5, 5]
    with pytest.raises(ValueError, match="not on one row"):
        draw_segment(grid, (0, 0), (1, 3), 5)


def test_flood_fill_and_fill_enclosed_regions(pairs):
    assert solves(pairs, "00d62c1b", lambda grid: fill_enclosed_regions(grid, YELLOW))
    assert solves(pairs, "a5313dff", lambda grid: fill_enclosed_regions(grid, BLUE))
    grid, output = pairs("a5313dff")[0]
    outside = flood_fill(grid, (0, 0), 7)
    assert grids_equal(np.where(outside == 0, 1, np.where(outside == 7, 0, outside)), output)
    assert flood_fill(grid, (1, 1), 5, connectivity=8)[grid == 2].tolist().count(5) == 16
    with pytest.raises(ValueError, match="outside"):
        flood_fill(grid, (20, 0), 1)


def test_apply_gravity_cells_and_objects(pairs):
    assert solves(pairs, "1e0a9b12", lambda grid: apply_gravity(grid, "down"))
    assert solves(pairs, "3906de3d", lambda grid: apply_gravity(grid, "up"))
    grid, _ = pairs("a61ba2ce")[0]
    fallen = apply_gravity(grid, "right", whole_objects=True)
    assert sorted(obj.size for obj in find_objects(fallen)) == [3, 3, 3, 3]
    assert all(obj.bbox[3] == grid.shape[1] for obj in find_objects(fallen))
    assert grids_equal(apply_gravity(grid, (1, 0)), apply_gravity(grid, "down"))
    with pytest.raises(ValueError, match="gravity direction"):
        apply_gravity(grid, "down_left")


def test_move_object_until_blocked(pairs):
    # 05f2a901: the red shape slides towards the azure square until they touch
    def slide(grid):
        shapes = find_objects(grid, connectivity=8)
        red = next(obj for obj in shapes if obj.color == 2)
        azure = next(obj for obj in shapes if obj.color == 8)
        if azure.top >= red.bbox[2]:
            direction = "down"
        elif azure.bbox[2] <= red.top:
            direction = "up"
        else:
            direction = "right" if azure.left >= red.bbox[3] else "left"
        return move_object_until_blocked(grid, red, direction)

    assert solves(pairs, "05f2a901", slide)
