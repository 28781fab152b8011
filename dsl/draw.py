"""Drawing: paint objects and masks, fill boxes, draw lines and outlines, flood fill, gravity.

Every function returns a new grid; the input grid is never modified. Cells are (row, col); boxes are
(top, left, bottom, right) with bottom/right EXCLUSIVE (an Object may be given instead of a box).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import ndimage

from .geometry import direction_offset
from .grid import (
    Box,
    GridLike,
    check_box,
    check_cell,
    check_color,
    check_positive_int,
    new_grid,
    to_grid,
)
from .objects import STRUCTURES_2D, Object, check_connectivity, enclosed_regions, find_objects

__all__ = [
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
]

_GRAVITY_TURNS = {"down": 0, "left": 1, "up": 2, "right": 3}


def _paint_into(canvas: np.ndarray, obj: Object, color: int | None) -> None:
    """Paint ``obj`` into ``canvas`` in place, clipping cells outside it (internal)."""
    height, width = canvas.shape
    top, left, bottom, right = obj.bbox
    clip_top, clip_left = max(top, 0), max(left, 0)
    clip_bottom, clip_right = min(bottom, height), min(right, width)
    if clip_top >= clip_bottom or clip_left >= clip_right:
        return
    window = (slice(clip_top - top, clip_bottom - top), slice(clip_left - left, clip_right - left))
    mask = obj.mask[window]
    target = canvas[clip_top:clip_bottom, clip_left:clip_right]
    target[mask] = obj.pixels[window][mask] if color is None else color


def _checked_object(obj: Any, what: str) -> Object:
    if not isinstance(obj, Object):
        raise ValueError(f"{what} expects an Object, got {type(obj).__name__}")
    return obj


def paint_object(grid: GridLike, obj: Object, color: int | None = None) -> np.ndarray:
    """Draw the object's cells in its own colours (or all in ``color``); cells off the grid are skipped."""
    canvas = new_grid(to_grid(grid))
    _paint_into(canvas, _checked_object(obj, "paint_object"), None if color is None else check_color(color))
    return canvas


def paint_objects(grid: GridLike, objects: Sequence[Object], color: int | None = None) -> np.ndarray:
    """Draw several objects in order (later ones on top), in their own colours or all in ``color``."""
    canvas = new_grid(to_grid(grid))
    color = None if color is None else check_color(color)
    for obj in objects:
        _paint_into(canvas, _checked_object(obj, "paint_objects"), color)
    return canvas


def erase_object(grid: GridLike, obj: Object, *, background: int = 0) -> np.ndarray:
    """Paint the object's cells with ``background``, removing it from the grid."""
    return paint_object(grid, obj, check_color(background, "background"))


def paint_mask(grid: GridLike, mask: np.ndarray, color: int) -> np.ndarray:
    """Set every cell where the full-size boolean ``mask`` is True to ``color``."""
    canvas = new_grid(to_grid(grid))
    mask_array = np.asarray(mask)
    if mask_array.shape != canvas.shape or mask_array.dtype != bool:
        raise ValueError(
            f"paint_mask: mask must be a boolean array of the grid's shape {canvas.shape}, "
            f"got {mask_array.dtype} {mask_array.shape}"
        )
    canvas[mask_array] = check_color(color)
    return canvas


def paint_cells(grid: GridLike, cells: Sequence[tuple[int, int]], color: int) -> np.ndarray:
    """Set each listed (row, col) cell to ``color``; cells off the grid are skipped."""
    canvas = new_grid(to_grid(grid))
    color = check_color(color)
    height, width = canvas.shape
    for cell in cells:
        row, col = check_cell(cell)
        if 0 <= row < height and 0 <= col < width:
            canvas[row, col] = color
    return canvas


def fill_box(grid: GridLike, box: Box | Object, color: int) -> np.ndarray:
    """Fill the box (top, left, bottom, right; bottom/right exclusive) or an Object's bbox with ``color``."""
    canvas = new_grid(to_grid(grid))
    top, left, bottom, right = check_box(box)
    canvas[max(top, 0) : max(bottom, 0), max(left, 0) : max(right, 0)] = check_color(color)
    return canvas


def draw_outline(grid: GridLike, box: Box | Object, color: int) -> np.ndarray:
    """Draw the 1-cell border of the box (top, left, bottom, right; bottom/right exclusive) in ``color``."""
    top, left, bottom, right = check_box(box)
    color = check_color(color)
    inner = (top + 1, left + 1, bottom - 1, right - 1)
    canvas = fill_box(grid, (top, left, bottom, right), color)
    if inner[2] > inner[0] and inner[3] > inner[1]:
        source = to_grid(grid)
        height, width = canvas.shape
        rows = slice(max(inner[0], 0), min(max(inner[2], 0), height))
        cols = slice(max(inner[1], 0), min(max(inner[3], 0), width))
        canvas[rows, cols] = source[rows, cols]
    return canvas


def draw_line(
    grid: GridLike,
    start: tuple[int, int],
    direction: str | tuple[int, int],
    color: int,
    *,
    length: int | None = None,
    stop_at_obstacle: bool = False,
    background: int = 0,
) -> np.ndarray:
    """Draw a ray from ``start`` (included) in one of the 8 directions until the edge.

    length: at most this many cells (start included). stop_at_obstacle=True stops before the first cell
    after ``start`` that is not ``background``.
    """
    canvas = new_grid(to_grid(grid))
    row, col = check_cell(start, "start")
    drow, dcol = direction_offset(direction)
    color = check_color(color)
    background = check_color(background, "background")
    limit = None if length is None else check_positive_int(length, "length", allow_zero=True)
    height, width = canvas.shape
    painted = 0
    while 0 <= row < height and 0 <= col < width and (limit is None or painted < limit):
        if stop_at_obstacle and painted > 0 and canvas[row, col] != background:
            break
        canvas[row, col] = color
        painted += 1
        row, col = row + drow, col + dcol
    return canvas


def draw_segment(grid: GridLike, start: tuple[int, int], end: tuple[int, int], color: int) -> np.ndarray:
    """Connect two cells on the same row, column or diagonal with a line of ``color`` (both ends included)."""
    start_row, start_col = check_cell(start, "start")
    end_row, end_col = check_cell(end, "end")
    drow, dcol = end_row - start_row, end_col - start_col
    if drow and dcol and abs(drow) != abs(dcol):
        raise ValueError(f"draw_segment: {start} and {end} are not on one row, column or diagonal")
    steps = max(abs(drow), abs(dcol))
    if steps == 0:
        return paint_cells(grid, [(start_row, start_col)], color)
    return draw_line(
        grid, (start_row, start_col), (int(np.sign(drow)), int(np.sign(dcol))), color, length=steps + 1
    )


def flood_fill(grid: GridLike, start: tuple[int, int], color: int, *, connectivity: int = 4) -> np.ndarray:
    """Recolour the region of same-coloured cells connected to ``start`` with ``color``."""
    array = to_grid(grid)
    row, col = check_cell(start, "start")
    height, width = array.shape
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"flood_fill: start {start} lies outside the {height}x{width} grid")
    structure = STRUCTURES_2D[check_connectivity(connectivity)]
    labels, _ = ndimage.label(array == array[row, col], structure)
    return np.where(labels == labels[row, col], np.int8(check_color(color)), array)


def fill_enclosed_regions(
    grid: GridLike, color: int, *, background: int = 0, connectivity: int = 4
) -> np.ndarray:
    """Fill with ``color`` every background region that does not reach the grid's edge."""
    canvas = new_grid(to_grid(grid))
    color = check_color(color)
    for region in enclosed_regions(canvas, background=background, connectivity=connectivity):
        _paint_into(canvas, region, color)
    return canvas


def _gravity_turns(direction: Any) -> int:
    if not isinstance(direction, str):
        direction = {
            offset: name
            for name, offset in (("down", (1, 0)), ("left", (0, -1)), ("up", (-1, 0)), ("right", (0, 1)))
        }.get(direction_offset(direction))
    if direction not in _GRAVITY_TURNS:
        raise ValueError(f"gravity direction must be one of up, down, left, right, got {direction!r}")
    return _GRAVITY_TURNS[direction]


def _slide(canvas: np.ndarray, obj: Object, drow: int, dcol: int, background: int) -> Object:
    """Move ``obj`` step by step while all its cells stay on ``background`` cells of canvas (internal)."""
    height, width = canvas.shape
    cells = np.argwhere(obj.mask) + np.array(obj.position)
    step = np.array([drow, dcol])
    moved = 0
    while True:
        target = cells + step * (moved + 1)
        if (target < 0).any() or (target[:, 0] >= height).any() or (target[:, 1] >= width).any():
            break
        if (canvas[target[:, 0], target[:, 1]] != background).any():
            break
        moved += 1
    return obj.moved(drow * moved, dcol * moved)


def apply_gravity(
    grid: GridLike, direction: str = "down", *, background: int = 0, whole_objects: bool = False
) -> np.ndarray:
    """Let everything fall towards an edge ("up", "down", "left", "right") until it hits something.

    whole_objects=False: each non-background cell falls on its own (columns/rows are compacted, order
    kept). whole_objects=True: 8-connected multi-colour objects fall rigidly, nearest to the edge first.
    """
    array = to_grid(grid)
    background = check_color(background, "background")
    turns = _gravity_turns(direction)
    turned = np.rot90(array, turns)
    if not whole_objects:
        order = np.argsort(turned != background, axis=0, kind="stable")
        fallen = np.take_along_axis(turned, order, axis=0)
        return new_grid(np.rot90(fallen, -turns))
    canvas = np.full(turned.shape, background, dtype=np.int8)
    objects = find_objects(turned, connectivity=8, single_color=False, background=background)
    for obj in sorted(objects, key=lambda item: -item.bbox[2]):
        _paint_into(canvas, _slide(canvas, obj, 1, 0, background), None)
    return new_grid(np.rot90(canvas, -turns))


def move_object_until_blocked(
    grid: GridLike, obj: Object, direction: str | tuple[int, int], *, background: int = 0
) -> np.ndarray:
    """Lift the object off the grid and slide it in one of the 8 directions until the edge or another cell."""
    obj = _checked_object(obj, "move_object_until_blocked")
    background = check_color(background, "background")
    drow, dcol = direction_offset(direction)
    canvas = erase_object(grid, obj, background=background)
    _paint_into(canvas, _slide(canvas, obj, drow, dcol, background), None)
    return canvas
