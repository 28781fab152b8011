"""Tests for omniarc.dsl.geometry: each primitive reproduces a real ARC-AGI-1 training task."""

from __future__ import annotations

import numpy as np
import pytest
from omniarc.dsl import (
    DIRECTIONS,
    concatenate_horizontal,
    concatenate_vertical,
    crop,
    crop_to_content,
    direction_offset,
    downscale,
    find_objects,
    flip_antidiagonal,
    flip_horizontal,
    flip_vertical,
    grid_key,
    grids_equal,
    largest_object,
    orientations,
    pad,
    rotate,
    rotate_clockwise,
    shift,
    split_by_lines,
    split_grid,
    tile,
    transpose,
    upscale,
)

COVERS = {
    "DIRECTIONS",
    "direction_offset",
    "rotate",
    "rotate_clockwise",
    "flip_horizontal",
    "flip_vertical",
    "transpose",
    "flip_antidiagonal",
    "orientations",
    "crop",
    "crop_to_content",
    "pad",
    "tile",
    "upscale",
    "downscale",
    "split_grid",
    "split_by_lines",
    "concatenate_horizontal",
    "concatenate_vertical",
    "shift",
}


def solves(pairs, task_id, transform) -> bool:
    """True when ``transform`` reproduces every train and test pair of the task."""
    return all(grids_equal(transform(grid), output) for grid, output in pairs(task_id))


def test_directions_and_offsets():
    assert len(DIRECTIONS) == 8
    assert direction_offset("down") == (1, 0)
    assert direction_offset("up_left") == (-1, -1)
    assert direction_offset((0, 1)) == (0, 1)
    with pytest.raises(ValueError, match="direction must be one of up, down"):
        direction_offset("north")
    with pytest.raises(ValueError, match="not be \\(0, 0\\)"):
        direction_offset((0, 0))


def test_rotate_solves_rotation_tasks(pairs):
    assert solves(pairs, "6150a2bd", lambda grid: rotate(grid, 2))
    assert solves(pairs, "3c9b0459", lambda grid: rotate(grid, 2))
    assert solves(pairs, "ed36ccf7", rotate)
    grid = pairs("ed36ccf7")[0][0]
    assert grids_equal(rotate(rotate(rotate(rotate(grid)))), grid)
    with pytest.raises(ValueError, match="quarter_turns"):
        rotate(grid, 1.5)


def test_rotate_clockwise_undoes_rotate(pairs):
    assert solves(pairs, "ed36ccf7", lambda grid: rotate_clockwise(grid, 3))
    for grid, output in pairs("ed36ccf7"):
        assert grids_equal(rotate_clockwise(output), grid)


def test_flips_and_transposes(pairs):
    assert solves(pairs, "67a3c6ac", flip_horizontal)
    assert solves(pairs, "68b16354", flip_vertical)
    assert solves(pairs, "74dd1130", transpose)
    assert solves(pairs, "9dfd6313", transpose)
    for grid, _ in pairs("74dd1130"):
        assert grids_equal(flip_antidiagonal(grid), rotate(transpose(grid), 2))
        assert grids_equal(flip_antidiagonal(flip_antidiagonal(grid)), grid)


def test_orientations_lists_all_turns_and_mirrors(pairs):
    grid = pairs("3c9b0459")[0][0]
    variants = orientations(grid)
    assert len(variants) == 8 and grids_equal(variants[0], grid)
    assert grids_equal(variants[2], pairs("3c9b0459")[0][1])
    assert grids_equal(variants[4], flip_horizontal(grid))
    assert any(grids_equal(variant, transpose(grid)) for variant in variants)
    assert len({grid_key(variant) for variant in variants}) == 8
    tall = orientations(pairs("74dd1130")[0][0][:, :2])
    assert [variant.shape for variant in tall[:2]] == [(3, 2), (2, 3)]


def test_crop_to_content_and_crop(pairs):
    assert solves(pairs, "1cf80156", crop_to_content)
    assert solves(pairs, "7468f01a", lambda grid: flip_horizontal(crop_to_content(grid)))
    assert solves(pairs, "be94b721", lambda grid: crop(grid, largest_object(find_objects(grid))))
    grid = pairs("1cf80156")[0][0]
    assert grids_equal(crop(grid, (0, 0, 2, 3)), grid[:2, :3])
    with pytest.raises(ValueError, match="outside"):
        crop(grid, (0, 0, 99, 3))
    with pytest.raises(ValueError, match="exclusive"):
        crop(grid, (2, 2, 2, 3))
    with pytest.raises(ValueError, match="only the background"):
        crop_to_content(np.zeros((3, 3), dtype=np.int8))


def test_pad_draws_a_border(pairs):
    grid, output = pairs("6f8cd79b")[0]
    padded = pad(grid[1:-1, 1:-1], 1, 8)
    assert grids_equal(padded, output)
    uneven = pad(grid, 0, 3, top=2, left=1)
    assert uneven.shape == (grid.shape[0] + 2, grid.shape[1] + 1) and (uneven[:2] == 3).all()
    with pytest.raises(ValueError, match="amount"):
        pad(grid, -1)


def test_tile_and_upscale(pairs):
    assert solves(pairs, "a416b8f3", lambda grid: tile(grid, 1, 2))
    assert solves(pairs, "c59eb873", lambda grid: upscale(grid, 2))
    assert solves(pairs, "9172f3a0", lambda grid: upscale(grid, 3))
    grid = pairs("c59eb873")[0][0]
    assert upscale(grid, (1, 3)).shape == (grid.shape[0], grid.shape[1] * 3)
    with pytest.raises(ValueError, match="factor"):
        upscale(grid, 0)


def test_downscale_inverts_upscale(pairs):
    for grid, output in pairs("c59eb873"):
        assert grids_equal(downscale(output, 2), grid)
    with pytest.raises(ValueError, match="not divisible"):
        downscale(pairs("c59eb873")[0][1], 4)


def test_split_grid_takes_halves(pairs):
    def first_half(grid):
        height, width = grid.shape
        return split_grid(grid, cols=2)[0] if width > height else split_grid(grid, rows=2)[0]

    assert solves(pairs, "7b7f7511", first_half)
    with pytest.raises(ValueError, match="equal parts"):
        split_grid(pairs("7b7f7511")[0][0], rows=7)


def test_split_by_lines_finds_the_separator(pairs):
    def both_blue(grid):
        left, right = split_by_lines(grid)
        return np.where((left == 1) & (right == 1), 2, 0)

    assert solves(pairs, "0520fde7", both_blue)
    grid = pairs("0520fde7")[0][0]
    assert [part.shape for part in split_by_lines(grid, line_color=5)] == [(3, 3), (3, 3)]
    assert len(split_by_lines(pairs("007bbfb7")[0][0], line_color=5)) == 1


def test_concatenate_with_mirror(pairs):
    assert solves(pairs, "6fa7a44f", lambda grid: concatenate_vertical([grid, flip_vertical(grid)]))
    assert solves(pairs, "c9e6f938", lambda grid: concatenate_horizontal([grid, flip_horizontal(grid)]))
    grid = pairs("c9e6f938")[0][0]
    joined = concatenate_horizontal([grid, grid], separator_color=5)
    assert joined.shape == (3, 7) and (joined[:, 3] == 5).all()
    with pytest.raises(ValueError, match="same height"):
        concatenate_horizontal([grid, grid[:2]])
    with pytest.raises(ValueError, match="at least one grid"):
        concatenate_vertical([])


def test_shift_moves_content(pairs):
    assert solves(pairs, "25ff71a9", lambda grid: shift(grid, 1, 0))
    grid = pairs("25ff71a9")[0][0]
    assert grids_equal(shift(grid, 0, 3, wrap=True), np.roll(grid, 3, axis=1))
    assert (shift(grid, 5, 0, fill=2) == 2).all()
    with pytest.raises(ValueError, match="drow"):
        shift(grid, "down", 0)
