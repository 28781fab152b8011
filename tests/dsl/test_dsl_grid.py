"""Tests for omniarc.dsl.grid on real ARC grids."""

from __future__ import annotations

import numpy as np
import pytest
from omniarc.dsl import as_grid, copy_grid, grid_key, grid_shape, grids_equal, is_valid_grid, make_grid

COVERS = {"make_grid", "as_grid", "copy_grid", "grid_shape", "grids_equal", "grid_key", "is_valid_grid"}


def test_make_grid_matches_a_blank_output(pairs):
    # 6f8cd79b: every input is an all-black grid
    for grid, _ in pairs("6f8cd79b"):
        blank = make_grid(*grid.shape)
        assert blank.dtype == np.int8 and grids_equal(blank, grid)
    assert (make_grid(2, 3, 4) == 4).all()
    with pytest.raises(ValueError, match="height"):
        make_grid(0, 3)
    with pytest.raises(ValueError, match="colour 0..9"):
        make_grid(2, 2, 11)


def test_as_grid_converts_lists_and_validates(pairs):
    grid, _ = pairs("007bbfb7")[0]
    converted = as_grid(grid.tolist())
    assert converted.dtype == np.int8 and np.array_equal(converted, grid)
    assert as_grid(converted) is not converted and np.array_equal(as_grid(converted), converted)
    assert as_grid(grid.astype(np.int64)).dtype == np.int8
    with pytest.raises(ValueError, match="2-D"):
        as_grid([1, 2, 3])
    with pytest.raises(ValueError, match="rows differ|rectangular"):
        as_grid([[1, 2], [3]])
    with pytest.raises(ValueError, match="0..9"):
        as_grid([[1, 11]])
    for bad in (-1, 10, 127, -128):  # int8 arrays take the fast check: every byte must be 0..9
        with pytest.raises(ValueError, match="0..9"):
            as_grid(np.array([[1, bad]], dtype=np.int8))
        with pytest.raises(ValueError, match="0..9"):
            as_grid(np.array([[1, 2], [3, bad]], dtype=np.int8)[:, ::-1])  # not contiguous
    with pytest.raises(ValueError, match="at least one row"):
        as_grid(np.zeros((0, 3), dtype=np.int8))


def test_copy_grid_is_independent_and_writable(first_input):
    grid = first_input("007bbfb7")
    copied = copy_grid(grid)
    copied[0, 0] = 9
    assert grid[0, 0] != 9 or copied is not grid
    assert copied.flags.writeable and np.array_equal(copy_grid(grid), grid)


def test_grid_shape_of_real_pairs(pairs):
    grid, output = pairs("007bbfb7")[0]
    assert grid_shape(grid) == (3, 3)
    assert grid_shape(output) == (9, 9)
    assert grid_shape(grid.tolist()) == (3, 3)


def test_grids_equal_and_grid_key(pairs):
    grid, output = pairs("007bbfb7")[0]
    assert grids_equal(grid, grid.tolist())
    assert not grids_equal(grid, output)
    assert not grids_equal([[1, 2]], [[1], [2]])
    assert grid_key(grid) == grid_key(grid.tolist())
    assert grid_key([[1, 2]]) != grid_key([[1], [2]])
    inputs = [pair[0] for pair in pairs("007bbfb7")]
    assert len({grid_key(item) for item in inputs + inputs}) == len(inputs)


def test_is_valid_grid(pairs):
    grid, output = pairs("007bbfb7")[0]
    assert is_valid_grid(grid) and is_valid_grid(output.tolist())
    assert not is_valid_grid(np.zeros((31, 2), dtype=np.int8))
    assert not is_valid_grid([[1, 2], [3]])
    assert not is_valid_grid([[10]])
