"""Tests for omniarc.dsl.color on real ARC-AGI-1 training tasks."""

from __future__ import annotations

import numpy as np
import pytest
from omniarc.dsl import (
    AZURE,
    BLACK,
    BLUE,
    GRAY,
    GREEN,
    MAGENTA,
    MAROON,
    ORANGE,
    RED,
    YELLOW,
    Color,
    background_color,
    color_counts,
    color_mask,
    count_color,
    grids_equal,
    least_common_color,
    make_grid,
    most_common_color,
    palette,
    recolor,
    replace_color,
    swap_colors,
)

COVERS = {
    "Color",
    "BLACK",
    "BLUE",
    "RED",
    "GREEN",
    "YELLOW",
    "GRAY",
    "MAGENTA",
    "ORANGE",
    "AZURE",
    "MAROON",
    "palette",
    "color_counts",
    "count_color",
    "most_common_color",
    "least_common_color",
    "background_color",
    "replace_color",
    "swap_colors",
    "recolor",
    "color_mask",
}


def solves(pairs, task_id, transform) -> bool:
    """True when ``transform`` reproduces every train and test pair of the task."""
    return all(grids_equal(transform(grid), output) for grid, output in pairs(task_id))


def test_color_names_are_the_arc_palette(pairs):
    names = [BLACK, BLUE, RED, GREEN, YELLOW, GRAY, MAGENTA, ORANGE, AZURE, MAROON]
    assert [int(color) for color in names] == list(range(10))
    assert [color.name for color in Color][5] == "GRAY" and Color(8) == AZURE
    # b1948b0a: magenta (6) becomes red (2)
    assert solves(pairs, "b1948b0a", lambda grid: replace_color(grid, Color.MAGENTA, RED))


def test_palette_and_counts(pairs):
    grid, _ = pairs("5582e5ca")[0]
    assert palette(grid) == [0, 3, 4, 6, 8]
    assert color_counts(grid) == {0: 1, 3: 2, 4: 3, 6: 2, 8: 1}
    assert count_color(grid, YELLOW) == 3 and count_color(grid, MAROON) == 0

    # d631b094: output is a 1 x n row of the single colour, n = its count
    def row_of_the_colour(grid):
        color = palette(grid)[-1]
        return make_grid(1, count_color(grid, color), color)

    assert solves(pairs, "d631b094", row_of_the_colour)


def test_most_and_least_common_color(pairs):
    assert solves(pairs, "5582e5ca", lambda grid: make_grid(*grid.shape, most_common_color(grid)))
    grid, _ = pairs("a61ba2ce")[0]
    assert most_common_color(grid) == 0
    assert most_common_color(grid, exclude=0) == 1  # four colours tie with 3 cells: smallest wins
    assert least_common_color(grid) == 1
    assert least_common_color(grid, exclude=[1, 2]) == 3
    with pytest.raises(ValueError, match="no colour left"):
        most_common_color(grid, exclude=[0, 1, 2, 3, 8])


def test_background_color_and_mask(pairs):
    # 9565186b: everything that is not the most common colour turns gray
    assert solves(
        pairs, "9565186b", lambda grid: np.where(color_mask(grid, background_color(grid)), grid, GRAY)
    )
    grid, _ = pairs("b1948b0a")[0]
    assert background_color(grid) == 6  # 6 and 7 tie, no black: smallest colour
    assert background_color(pairs("a61ba2ce")[0][0]) == BLACK
    assert color_mask(grid, 7).dtype == bool and color_mask(grid, 7).sum() == 6


def test_swap_colors_and_recolor(pairs):
    assert solves(pairs, "d511f180", lambda grid: swap_colors(grid, GRAY, AZURE))
    mapping = {3: 4, 4: 3, 1: 5, 5: 1, 2: 6, 6: 2, 8: 9, 9: 8}
    assert solves(pairs, "0d3d703e", lambda grid: recolor(grid, mapping))
    with pytest.raises(ValueError, match="mapping key"):
        recolor(pairs("0d3d703e")[0][0], {12: 1})
    with pytest.raises(ValueError, match="dict"):
        recolor(pairs("0d3d703e")[0][0], [(1, 2)])


def test_bad_colours_are_rejected(pairs):
    grid, _ = pairs("b1948b0a")[0]
    with pytest.raises(ValueError, match="old must be an integer colour 0..9, got 11"):
        replace_color(grid, 11, 2)
    with pytest.raises(ValueError, match="colour 0..9"):
        color_mask(grid, -1)
    with pytest.raises(ValueError, match="colour 0..9"):
        count_color(grid, "red")
