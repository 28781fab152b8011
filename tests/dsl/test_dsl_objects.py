"""Tests for omniarc.dsl.objects on real ARC-AGI-1 training tasks."""

from __future__ import annotations

import numpy as np
import pytest
from omniarc.dsl import (
    BLUE,
    RED,
    Object,
    bounding_box,
    concatenate_horizontal,
    concatenate_vertical,
    count_color,
    enclosed_regions,
    filter_objects,
    find_objects,
    grid_cells,
    grids_equal,
    holes,
    is_inside,
    largest_object,
    move_object_until_blocked,
    object_at,
    object_from_mask,
    objects_of_color,
    objects_overlap,
    objects_touch,
    paint_object,
    same_shape,
    smallest_object,
    sort_objects,
    touches_border,
)
from omniarc.dsl import objects as objects_module
from scipy import ndimage

COVERS = {
    "Object",
    "find_objects",
    "object_from_mask",
    "bounding_box",
    "objects_of_color",
    "filter_objects",
    "sort_objects",
    "largest_object",
    "smallest_object",
    "object_at",
    "objects_touch",
    "objects_overlap",
    "is_inside",
    "same_shape",
    "touches_border",
    "holes",
    "enclosed_regions",
    "grid_cells",
}


def test_find_objects_reading_order_and_properties(pairs):
    grid, _ = pairs("a61ba2ce")[0]
    objects = find_objects(grid)
    assert [obj.color for obj in objects] == [8, 2, 1, 3]
    assert [obj.position for obj in objects] == [(1, 6), (3, 1), (7, 7), (9, 3)]
    first = objects[0]
    assert (first.size, first.height, first.width, first.bbox) == (3, 2, 2, (1, 6, 3, 8))
    assert first.cells == [(1, 6), (1, 7), (2, 6)]
    assert first.colors == [8] and first.center == (1.5, 6.5) and not first.is_rectangle
    assert (first.top, first.left) == (1, 6)
    assert first.mask.tolist() == [[True, True], [True, False]]
    assert first.pixels.tolist() == [[8, 8], [8, 0]]
    assert first.as_grid(background=5).tolist() == [[8, 8], [8, 5]]


def test_find_objects_solves_corner_assembly(pairs):
    # a61ba2ce: four L-shaped corners are assembled into a 4x4 square
    def assemble(grid):
        corners = {}
        for obj in find_objects(grid):
            corner = (0 if obj.mask[0].all() else 1, 0 if obj.mask[:, 0].all() else 1)
            corners[corner] = obj.as_grid()
        top = concatenate_horizontal([corners[(0, 0)], corners[(0, 1)]])
        bottom = concatenate_horizontal([corners[(1, 0)], corners[(1, 1)]])
        return concatenate_vertical([top, bottom])

    assert all(grids_equal(assemble(grid), output) for grid, output in pairs("a61ba2ce"))


def test_sizes_counted_once_for_all_objects_equal_their_masks(pairs):
    for task_id in ("0d3d703e", "6773b310", "b1948b0a", "d364b489"):
        grid = pairs(task_id)[0][0]
        for options in ({}, {"single_color": False, "connectivity": 8}, {"include_background": True}):
            objects = find_objects(grid, **options)
            assert [obj.size for obj in objects] == [int(obj.mask.sum()) for obj in objects]


def test_find_objects_options(pairs):
    grid, _ = pairs("00d62c1b")[0]  # a green diamond of five cells joined by corners
    assert len(find_objects(grid, connectivity=4)) == 6
    assert len(find_objects(grid, connectivity=8)) == 1
    with_background = find_objects(grid, connectivity=4, include_background=True)
    assert sum(obj.size for obj in with_background) == grid.size
    assert {obj.color for obj in with_background} == {0, 3}
    grid, _ = pairs("a5313dff")[0]
    assert len(find_objects(grid, single_color=False, connectivity=8)) == 2  # the dot does not touch
    lines = largest_object(find_objects(pairs("6773b310")[0][0], single_color=False, connectivity=8))
    assert lines.colors == [6, 8] and lines.color == 8
    everything = find_objects(grid, background=None, single_color=False)
    assert len(everything) == 1 and everything[0].size == grid.size and everything[0].colors == [0, 2]
    auto = find_objects(pairs("b1948b0a")[0][0], background="auto")
    assert {obj.color for obj in auto} == {7}
    with pytest.raises(ValueError, match="connectivity must be 4"):
        find_objects(grid, connectivity=6)
    with pytest.raises(ValueError, match="background must be"):
        find_objects(grid, background="white")


# Tasks whose first inputs mix shapes of many colours, sizes and backgrounds (incl. 30x30 grids).
VARIED_TASKS = (
    "05269061",
    "09629e4f",
    "0dfd9992",
    "1f85a75f",
    "3bd67248",
    "6ecd11f4",
    "a61ba2ce",
    "d364b489",
)


@pytest.mark.parametrize("connectivity", [4, 8])
def test_find_objects_agrees_with_ndimage_label_of_each_colour(pairs, connectivity):
    structure = objects_module.STRUCTURES_2D[connectivity]
    grids = [pairs(task_id)[0][0] for task_id in VARIED_TASKS]
    grids.append(np.tile(pairs("0dfd9992")[0][0], (2, 2)))  # 42x42: larger than ARC, built uncached
    for grid in grids:
        found = find_objects(grid, connectivity=connectivity, background=None)
        expected = set()
        for color in np.unique(grid).tolist():
            labels, count = ndimage.label(grid == color, structure)
            expected |= {
                frozenset(map(tuple, np.argwhere(labels == label).tolist())) for label in range(1, count + 1)
            }
        assert {frozenset(obj.cells) for obj in found} == expected
        assert all(len({int(grid[cell]) for cell in obj.cells}) == 1 for obj in found)


def test_objects_with_the_same_corner_are_ordered_by_colour(pairs):
    for task_id in VARIED_TASKS:
        grid = pairs(task_id)[0][0]
        for connectivity in (4, 8):
            single = find_objects(grid, connectivity=connectivity, include_background=True)
            assert [(obj.position, obj.color) for obj in single] == sorted(
                (obj.position, obj.color) for obj in single
            )
            multi = find_objects(grid, connectivity=connectivity, single_color=False, include_background=True)
            rank = [(obj.position, obj.colors == [0]) for obj in multi]  # non-background before background
            assert rank == sorted(rank)
    stripes = find_objects(pairs("05269061")[0][0], connectivity=8)  # two diagonals start at (0, 0)
    assert [(obj.position, obj.color) for obj in stripes[:2]] == [((0, 0), 2), ((0, 0), 3)]


def test_public_scipy_traversal_gives_the_same_labels(pairs, monkeypatch):
    grids = [pairs(task_id)[0][0] for task_id in VARIED_TASKS]
    kernel_labels = [objects_module._label_cells(grid, 8) for grid in grids]
    monkeypatch.setattr(objects_module, "_traversal_kernel", None)  # as on a scipy without the kernel
    for grid, (labels, region_values) in zip(grids, kernel_labels, strict=True):
        public_labels, public_values = objects_module._label_cells(grid, 8)
        assert np.array_equal(public_labels, labels) and public_values == region_values


def test_object_value_semantics(pairs):
    grid, _ = pairs("a61ba2ce")[0]
    first = find_objects(grid)[0]
    same = Object(first.mask, first.pixels, first.position)
    assert same == first and hash(same) == hash(first) and len({same, first}) == 1
    moved = first.moved(2, -1)
    assert moved.position == (3, 5) and moved != first and moved.moved(-2, 1) == first
    assert first.moved_to(0, 0).position == (0, 0)
    assert first.recolored(RED).colors == [2] and first.recolored(RED).mask.tolist() == first.mask.tolist()
    assert first.rotated(2).mask.tolist() == [[False, True], [True, True]]
    assert first.flipped_horizontal().mask.tolist() == [[True, True], [False, True]]
    assert first.flipped_vertical().mask.tolist() == [[True, False], [True, True]]
    with pytest.raises(AttributeError, match="immutable"):
        first.color = 3
    with pytest.raises(ValueError):
        first.mask[0, 0] = False
    padded = np.zeros((4, 4), dtype=bool)
    padded[1:3, 1:3] = first.mask
    assert Object(padded, 8, (0, 5)) == first.moved(0, 0)
    with pytest.raises(ValueError, match="at least one True"):
        Object(np.zeros((2, 2), dtype=bool), 1)
    with pytest.raises(ValueError, match="boolean"):
        Object(np.ones((2, 2), dtype=int), 1)


def test_object_from_mask_and_bounding_box(pairs):
    grid, _ = pairs("a61ba2ce")[0]
    mask = grid == 8
    assert bounding_box(mask) == (1, 6, 3, 8)
    assert object_from_mask(grid, mask) == find_objects(grid)[0]
    with pytest.raises(ValueError, match="no True cell"):
        bounding_box(np.zeros((2, 2), dtype=bool))
    with pytest.raises(ValueError, match="grid's shape"):
        object_from_mask(grid, mask[:2])


def test_filters_and_orderings(pairs):
    # 6e82a1ae: gray shapes of size 4, 3 and 2 become blue, red and green
    def recolor_by_size(grid):
        for obj in find_objects(grid):
            grid = paint_object(grid, obj, {4: 1, 3: 2, 2: 3}[obj.size])
        return grid

    assert all(grids_equal(recolor_by_size(grid), output) for grid, output in pairs("6e82a1ae"))
    objects = find_objects(pairs("6e82a1ae")[0][0])
    assert [obj.size for obj in sort_objects(objects)] == sorted(obj.size for obj in objects)
    by_size = sort_objects(objects, "size", descending=True)
    assert by_size[0].size == 4 and by_size[0] == largest_object(objects)
    assert smallest_object(objects).size == 2 and smallest_object(objects) == sort_objects(objects)[0]
    assert [obj.left for obj in sort_objects(objects, "left")] == sorted(obj.left for obj in objects)
    assert sort_objects(objects, lambda obj: -obj.top)[0].top == max(obj.top for obj in objects)
    assert len(filter_objects(objects, size=4)) == len([obj for obj in objects if obj.size == 4])
    assert all(2 <= obj.size <= 3 for obj in filter_objects(objects, min_size=2, max_size=3))
    assert objects_of_color(objects, 5) == objects and objects_of_color(objects, BLUE) == []
    with pytest.raises(ValueError, match="by must be one of"):
        sort_objects(objects, "area")
    with pytest.raises(ValueError, match="empty"):
        largest_object([])
    with pytest.raises(ValueError, match="list of Object"):
        largest_object([1, 2])


def test_relations_between_objects(pairs):
    grid, output = pairs("05f2a901")[0]
    red, azure = (find_objects(grid, connectivity=8, single_color=True)[index] for index in (0, 1))
    assert {red.color, azure.color} == {2, 8}
    assert not objects_touch(red, azure) and not objects_overlap(red, azure)
    moved_grid = move_object_until_blocked(grid, red if red.color == 2 else azure, "down")
    assert grids_equal(moved_grid, output)
    settled = find_objects(output, connectivity=8)
    assert objects_touch(settled[0], settled[1])
    assert object_at(settled, settled[1].cells[0]) == settled[1] and object_at(settled, (0, 0)) is None
    assert objects_overlap(settled[0], settled[0].moved(0, 1))
    shapes = find_objects(pairs("a61ba2ce")[0][0])
    assert not same_shape(shapes[0], shapes[1])
    assert same_shape(shapes[0], shapes[1], allow_rotation=True)
    assert same_shape(shapes[0], shapes[0].moved(3, 3))


def test_inside_border_holes_and_enclosed_regions(pairs):
    grid, output = pairs("a5313dff")[0]
    ring, dot = find_objects(grid)
    assert is_inside(dot, ring) and not is_inside(ring, dot)
    assert not touches_border(ring, grid) and touches_border(ring.moved(-1, 0), grid.shape)
    (hole,) = holes(ring)
    assert hole.bbox == (2, 2, 5, 5) and hole.size == 9 and holes(dot) == []
    regions = enclosed_regions(grid)
    assert [region.size for region in regions] == [8]  # the hole minus the red dot
    assert count_color(output, 1) == 8
    assert [region.position for region in enclosed_regions(pairs("00d62c1b")[1][0])] == [(4, 6)]


def test_grid_cells_between_separator_lines(pairs):
    # 6773b310: each 3x3 cell between azure lines becomes 1 when it holds two magenta cells
    def summarize(grid):
        cells = grid_cells(grid)
        return np.array([int(count_color(cell.as_grid(), 6) == 2) for cell in cells]).reshape(3, 3)

    assert all(grids_equal(summarize(grid), output) for grid, output in pairs("6773b310"))
    cells = grid_cells(pairs("6773b310")[0][0], line_color=8)
    assert [cell.position for cell in cells[:3]] == [(0, 0), (0, 4), (0, 8)]
    assert all(cell.is_rectangle and cell.height == 3 for cell in cells)
