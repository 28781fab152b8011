"""Tests for omniarc.dsl.patterns on real ARC-AGI-1 training tasks."""

from __future__ import annotations

import numpy as np
import pytest
from omniarc.dsl import (
    SYMMETRIES,
    column_period,
    complete_symmetry,
    complete_tiling,
    count_pattern,
    find_objects,
    find_pattern,
    grids_equal,
    is_symmetric,
    repeating_tile,
    row_period,
    symmetries,
    tile,
)

COVERS = {
    "SYMMETRIES",
    "is_symmetric",
    "symmetries",
    "complete_symmetry",
    "row_period",
    "column_period",
    "repeating_tile",
    "complete_tiling",
    "find_pattern",
    "count_pattern",
}


def solves(pairs, task_id, transform) -> bool:
    """True when ``transform`` reproduces every train and test pair of the task."""
    return all(grids_equal(transform(grid), output) for grid, output in pairs(task_id))


def test_symmetry_detection(pairs):
    # 72ca375d: the output is the one object that is left-right symmetric
    def symmetric_object(grid):
        shapes = find_objects(grid, connectivity=8, single_color=False)
        return next(obj.as_grid() for obj in shapes if is_symmetric(obj.as_grid(), "horizontal"))

    assert solves(pairs, "72ca375d", symmetric_object)
    assert len(SYMMETRIES) == 6
    assert symmetries(pairs("3631a71a")[0][1]) == ["diagonal"]
    assert symmetries(pairs("ed36ccf7")[0][0]) == []
    assert set(symmetries(np.ones((3, 3), dtype=np.int8))) == set(SYMMETRIES)
    with pytest.raises(ValueError, match="symmetry kind must be one of"):
        is_symmetric(pairs("3631a71a")[0][1], "sideways")


def test_complete_symmetry_with_offset_axes(pairs):
    assert solves(pairs, "3631a71a", lambda grid: complete_symmetry(grid, unknown_color=9))
    assert solves(pairs, "b8825c91", lambda grid: complete_symmetry(grid, unknown_color=4))
    grid, _ = pairs("b8825c91")[0]
    only_rows = complete_symmetry(grid, unknown_color=4, kinds=["vertical"])
    assert only_rows.shape == grid.shape


def test_periods_and_repeating_tile(pairs):
    for grid, output in pairs("0dfd9992"):
        rows, cols = row_period(output), column_period(output)
        assert (rows, cols) == (row_period(grid, unknown_color=0), column_period(grid, unknown_color=0))
        motif = repeating_tile(output)
        assert motif.shape == (rows, cols)
        assert grids_equal(tile(motif, -(-21 // rows), -(-21 // cols))[:21, :21], output)
        assert grids_equal(repeating_tile(grid, unknown_color=0), motif)
    grid, _ = pairs("a416b8f3")[0]
    assert column_period(tile(grid, 1, 2)) <= grid.shape[1] and row_period(grid) == grid.shape[0]


def test_complete_tiling(pairs):
    for task_id in ("0dfd9992", "29ec7d0e", "484b58aa"):
        assert solves(pairs, task_id, lambda grid: complete_tiling(grid, unknown_color=0))


def test_find_and_count_pattern(pairs):
    grid, _ = pairs("a61ba2ce")[0]
    assert find_pattern(grid, [[8, 8], [8, 0]]) == [(1, 6)]
    assert find_pattern(grid, [[1, 1]]) == [(8, 7)]
    assert count_pattern(grid, [[0, 0], [0, 0]]) > 50
    # with a wildcard only the bottom-right cell must match: every black cell off the first row/column
    assert count_pattern(grid, [[5, 5], [5, 0]], wildcard=5) == int((grid[1:, 1:] == 0).sum())
    assert find_pattern(grid, np.zeros((20, 20), dtype=np.int8)) == []
    with pytest.raises(ValueError, match="wildcard"):
        find_pattern(grid, [[1]], wildcard=12)
