"""Whole-API checks for omniarc.dsl: coverage, listing, type hints, read-only inputs, bad arguments."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import numpy as np
import omniarc.dsl as dsl
import pytest
from omniarc.dsl import *

COVERS = {"api_listing"}

_HERE = Path(__file__).parent


def _covered_names() -> set[str]:
    names = set(COVERS)
    for path in sorted(_HERE.glob("test_dsl_*.py")):
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(f"_dsl_coverage_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        names |= module.COVERS
    return names


def test_every_public_name_is_tested_and_nothing_else():
    assert len(dsl.__all__) == len(set(dsl.__all__))
    assert _covered_names() == set(dsl.__all__)


def test_star_import_gives_exactly_the_public_api():
    namespace: dict = {}
    exec("from omniarc.dsl import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(dsl.__all__)


def test_api_listing_lists_every_name():
    listing = api_listing()
    starts = {line.split("(")[0].split(" ")[0] for line in listing.splitlines()}
    classes = {line.split()[1].split("(")[0] for line in listing.splitlines() if line.startswith("class ")}
    for name in dsl.__all__:
        assert name in starts or name in classes, name
    assert "    .moved(drow: int, dcol: int) -> Object" in listing
    assert "rotate(grid: GridLike, quarter_turns: int = 1) -> np.ndarray" in listing


def _public_callables():
    for name in dsl.__all__:
        value = getattr(dsl, name)
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value) and value.__module__ == "omniarc.dsl.objects":
            for member_name, member in vars(value).items():
                if member_name.startswith("_") and member_name != "__init__":
                    continue
                if isinstance(member, property):
                    yield f"{name}.{member_name}", member.fget
                elif inspect.isfunction(member):
                    yield f"{name}.{member_name}", member


@pytest.mark.parametrize("name, function", list(_public_callables()))
def test_public_functions_have_hints_and_one_line_docstrings(name, function):
    signature = inspect.signature(function)
    for parameter in signature.parameters.values():
        if parameter.name != "self":
            assert parameter.annotation is not parameter.empty, f"{name}: {parameter.name} lacks a type hint"
    assert signature.return_annotation is not signature.empty, f"{name} lacks a return type"
    if not name.endswith("__init__"):
        doc = inspect.getdoc(function)
        assert doc and doc.splitlines()[0].strip(), f"{name} lacks a docstring"


def _read_only_calls(grid: np.ndarray) -> dict[str, object]:
    """Call every grid primitive on ``grid`` (read-only); name -> result."""
    ring, dot = find_objects(grid)
    return {
        "as_grid": as_grid(grid),
        "copy_grid": copy_grid(grid),
        "grid_shape": grid_shape(grid),
        "grids_equal": grids_equal(grid, grid),
        "grid_key": grid_key(grid),
        "is_valid_grid": is_valid_grid(grid),
        "rotate": rotate(grid),
        "rotate_clockwise": rotate_clockwise(grid),
        "flip_horizontal": flip_horizontal(grid),
        "flip_vertical": flip_vertical(grid),
        "transpose": transpose(grid),
        "flip_antidiagonal": flip_antidiagonal(grid),
        "orientations": orientations(grid),
        "crop": crop(grid, ring),
        "crop_to_content": crop_to_content(grid),
        "pad": pad(grid, 2, 3),
        "tile": tile(grid, 2, 1),
        "upscale": upscale(grid, 2),
        "downscale": downscale(grid, 2),
        "split_grid": split_grid(grid, rows=2, cols=2),
        "split_by_lines": split_by_lines(grid),
        "concatenate_horizontal": concatenate_horizontal([grid, grid]),
        "concatenate_vertical": concatenate_vertical([grid, grid], separator_color=5),
        "shift": shift(grid, 1, -1),
        "palette": palette(grid),
        "color_counts": color_counts(grid),
        "count_color": count_color(grid, 2),
        "most_common_color": most_common_color(grid),
        "least_common_color": least_common_color(grid),
        "background_color": background_color(grid),
        "replace_color": replace_color(grid, 2, 3),
        "swap_colors": swap_colors(grid, 0, 2),
        "recolor": recolor(grid, {2: 4}),
        "color_mask": color_mask(grid, 2),
        "find_objects": find_objects(grid, include_background=True),
        "object_from_mask": object_from_mask(grid, grid == 2),
        "touches_border": touches_border(ring, grid),
        "enclosed_regions": enclosed_regions(grid),
        "grid_cells": grid_cells(grid),
        "paint_object": paint_object(grid, dot.moved(0, 1)),
        "paint_objects": paint_objects(grid, [dot, ring], 4),
        "erase_object": erase_object(grid, ring),
        "paint_mask": paint_mask(grid, grid == 0, 1),
        "paint_cells": paint_cells(grid, [(0, 0)], 1),
        "fill_box": fill_box(grid, (0, 0, 2, 2), 1),
        "draw_outline": draw_outline(grid, ring, 5),
        "draw_line": draw_line(grid, (0, 0), "down_right", 4, stop_at_obstacle=True),
        "draw_segment": draw_segment(grid, (0, 0), (0, 7), 4),
        "flood_fill": flood_fill(grid, (0, 0), 4),
        "fill_enclosed_regions": fill_enclosed_regions(grid, 1),
        "apply_gravity": apply_gravity(grid, "left", whole_objects=True),
        "move_object_until_blocked": move_object_until_blocked(grid, dot, "up"),
        "is_symmetric": is_symmetric(grid, "diagonal"),
        "symmetries": symmetries(grid),
        "complete_symmetry": complete_symmetry(grid, unknown_color=2),
        "row_period": row_period(grid),
        "column_period": column_period(grid, unknown_color=0),
        "repeating_tile": repeating_tile(grid, unknown_color=0),
        "complete_tiling": complete_tiling(grid, unknown_color=0),
        "find_pattern": find_pattern(grid, grid[2:4, 2:4]),
        "count_pattern": count_pattern(grid, grid[:2, :2], wildcard=2),
    }


def test_read_only_inputs_are_never_mutated_and_outputs_are_new_int8_arrays(first_input):
    grid = first_input("a5313dff")  # read-only 8x8 grid: a red ring around a red dot
    before = grid.copy()
    results = _read_only_calls(grid)
    assert np.array_equal(grid, before)
    arrays = [value for value in results.values() if isinstance(value, np.ndarray)]
    arrays += [
        part
        for value in results.values()
        if isinstance(value, list)
        for part in value
        if isinstance(part, np.ndarray)
    ]
    for array in arrays:
        assert array.dtype in (np.int8, np.bool_)
        assert not np.shares_memory(array, grid)
        assert array.flags.writeable
    assert results["color_mask"].dtype == np.bool_ and results["rotate"].dtype == np.int8


def test_every_grid_primitive_is_exercised_by_the_read_only_check(first_input):
    takes_grid = {
        name
        for name in dsl.__all__
        if inspect.isfunction(getattr(dsl, name))
        and any(
            "GridLike" in str(parameter.annotation)
            for parameter in inspect.signature(getattr(dsl, name)).parameters.values()
        )
    }
    assert takes_grid - {"make_grid"} <= set(_read_only_calls(first_input("a5313dff")))


@pytest.mark.parametrize(
    "name",
    [
        name
        for name in dsl.__all__
        if inspect.isfunction(getattr(dsl, name))
        and next(iter(inspect.signature(getattr(dsl, name)).parameters), None) == "grid"
    ],
)
def test_non_2d_grids_raise_value_error(name):
    function = getattr(dsl, name)
    keywords = {"unknown_color": 0} if "unknown_color" in inspect.signature(function).parameters else {}
    with pytest.raises(ValueError, match="2-D"):
        function(np.zeros((2, 2, 2), dtype=np.int8), *_dummy_arguments(function), **keywords)


def _dummy_arguments(function) -> list:
    """Plausible positional arguments after the grid, so only the grid is wrong."""
    values = {
        "box": (0, 0, 1, 1),
        "color": 1,
        "old": 1,
        "new": 2,
        "first": 1,
        "second": 2,
        "mapping": {1: 2},
        "rows": 1,
        "cols": 1,
        "factor": 1,
        "drow": 0,
        "dcol": 0,
        "start": (0, 0),
        "end": (0, 1),
        "direction": "down",
        "pattern": [[1]],
        "mask": np.ones((2, 2), bool),
        "cells": [(0, 0)],
        "obj": Object(np.ones((1, 1), bool), 1),
        "objects": [],
    }
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return [
        values[parameter.name]
        for parameter in parameters
        if parameter.kind is parameter.POSITIONAL_OR_KEYWORD and parameter.default is parameter.empty
    ]


def test_bad_arguments_name_what_was_expected(first_input):
    grid = first_input("a5313dff")
    with pytest.raises(ValueError, match="colour 0..9, got 11"):
        replace_color(grid, 2, 11)
    with pytest.raises(ValueError, match="direction must be one of up, down, left, right"):
        draw_line(grid, (0, 0), "diagonal", 1)
    with pytest.raises(ValueError, match="connectivity must be 4"):
        find_objects(grid, connectivity=3)
    with pytest.raises(ValueError, match="list of lists|2-D"):
        rotate("not a grid")
    with pytest.raises(ValueError, match="\\(row, col\\) pair"):
        flood_fill(grid, 3, 1)
