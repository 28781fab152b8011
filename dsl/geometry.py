"""Geometry: rotate, flip, transpose, crop, pad, tile, scale, split, concatenate and shift grids.

Boxes are ``(top, left, bottom, right)`` with bottom and right EXCLUSIVE, like Python slices:
``crop(grid, (top, left, bottom, right))`` is ``grid[top:bottom, left:right]``. Anywhere a box is
expected an ``Object`` may be given instead and its bounding box is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .grid import Box, GridLike, check_box, check_color, check_positive_int, new_grid, to_grid

if TYPE_CHECKING:
    from .objects import Object

__all__ = [
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
]

#: The eight direction names and their (drow, dcol) steps; rows grow downwards.
DIRECTIONS: dict[str, tuple[int, int]] = {
    "up": (-1, 0),
    "down": (1, 0),
    "left": (0, -1),
    "right": (0, 1),
    "up_left": (-1, -1),
    "up_right": (-1, 1),
    "down_left": (1, -1),
    "down_right": (1, 1),
}


def direction_offset(direction: str | tuple[int, int]) -> tuple[int, int]:
    """Return the (drow, dcol) step of a direction name (see DIRECTIONS) or a step tuple like (1, 0)."""
    if isinstance(direction, str):
        if direction not in DIRECTIONS:
            raise ValueError(
                f"direction must be one of {', '.join(DIRECTIONS)} or a (drow, dcol) tuple, got {direction!r}"
            )
        return DIRECTIONS[direction]
    try:
        drow, dcol = direction
    except (TypeError, ValueError):
        raise ValueError(
            f"direction must be one of {', '.join(DIRECTIONS)} or a (drow, dcol) tuple, got {direction!r}"
        ) from None
    if drow not in (-1, 0, 1) or dcol not in (-1, 0, 1) or (drow, dcol) == (0, 0):
        raise ValueError(
            f"a direction tuple (drow, dcol) must hold -1, 0 or 1 and not be (0, 0), got {direction!r}"
        )
    return int(drow), int(dcol)


def rotate(grid: GridLike, quarter_turns: int = 1) -> np.ndarray:
    """Rotate COUNTER-clockwise by ``quarter_turns`` x 90 degrees (like np.rot90; negative is clockwise)."""
    if isinstance(quarter_turns, bool) or not isinstance(quarter_turns, int | np.integer):
        raise ValueError(f"quarter_turns must be an integer, got {quarter_turns!r}")
    return new_grid(np.rot90(to_grid(grid), int(quarter_turns)))


def rotate_clockwise(grid: GridLike, quarter_turns: int = 1) -> np.ndarray:
    """Rotate clockwise by ``quarter_turns`` x 90 degrees."""
    if isinstance(quarter_turns, bool) or not isinstance(quarter_turns, int | np.integer):
        raise ValueError(f"quarter_turns must be an integer, got {quarter_turns!r}")
    return new_grid(np.rot90(to_grid(grid), -int(quarter_turns)))


def flip_horizontal(grid: GridLike) -> np.ndarray:
    """Mirror left-right (the first column becomes the last)."""
    return new_grid(to_grid(grid)[:, ::-1])


def flip_vertical(grid: GridLike) -> np.ndarray:
    """Mirror upside down (the first row becomes the last)."""
    return new_grid(to_grid(grid)[::-1, :])


def transpose(grid: GridLike) -> np.ndarray:
    """Mirror over the main diagonal (top-left to bottom-right): rows become columns."""
    return new_grid(to_grid(grid).T)


def flip_antidiagonal(grid: GridLike) -> np.ndarray:
    """Mirror over the anti-diagonal (top-right to bottom-left)."""
    return new_grid(to_grid(grid)[::-1, ::-1].T)


def orientations(grid: GridLike) -> list[np.ndarray]:
    """Return all 8 versions: rotate(grid, k) for k=0..3, then the same four of flip_horizontal(grid)."""
    array = to_grid(grid)
    # np.rot90(base, k) for k = 0..3 as plain views (np.rot90 itself is slow Python)
    return [
        new_grid(view)
        for base in (array, array[:, ::-1])
        for view in (base, base[:, ::-1].T, base[::-1, ::-1], base.T[:, ::-1])
    ]


def crop(grid: GridLike, box: Box | Object) -> np.ndarray:
    """Cut out a box (top, left, bottom, right; bottom/right exclusive) or an Object's bounding box."""
    array = to_grid(grid)
    top, left, bottom, right = check_box(box)
    height, width = array.shape
    if top < 0 or left < 0 or bottom > height or right > width:
        raise ValueError(f"box {(top, left, bottom, right)} lies outside the {height}x{width} grid")
    return new_grid(array[top:bottom, left:right])


def crop_to_content(grid: GridLike, *, background: int = 0) -> np.ndarray:
    """Cut out the smallest box holding every cell that is not ``background``."""
    array = to_grid(grid)
    background = check_color(background, "background")
    rows = np.flatnonzero((array != background).any(axis=1))
    if rows.size == 0:
        raise ValueError(f"crop_to_content: the grid holds only the background colour {background}")
    cols = np.flatnonzero((array != background).any(axis=0))
    return new_grid(array[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def pad(
    grid: GridLike,
    amount: int = 1,
    color: int = 0,
    *,
    top: int | None = None,
    bottom: int | None = None,
    left: int | None = None,
    right: int | None = None,
) -> np.ndarray:
    """Add a border of ``color``, ``amount`` cells thick on every side (or per side: top=, bottom=, ...)."""
    array = to_grid(grid)
    color = check_color(color)
    amount = check_positive_int(amount, "amount", allow_zero=True)
    sides = {"top": top, "bottom": bottom, "left": left, "right": right}
    widths = {
        name: amount if value is None else check_positive_int(value, name, allow_zero=True)
        for name, value in sides.items()
    }
    return np.pad(
        array,
        ((widths["top"], widths["bottom"]), (widths["left"], widths["right"])),
        constant_values=color,
    ).astype(np.int8)


def tile(grid: GridLike, rows: int, cols: int) -> np.ndarray:
    """Repeat the grid ``rows`` times downwards and ``cols`` times rightwards."""
    rows = check_positive_int(rows, "rows")
    cols = check_positive_int(cols, "cols")
    return new_grid(np.tile(to_grid(grid), (rows, cols)))


def _factors(factor: int | tuple[int, int]) -> tuple[int, int]:
    if isinstance(factor, tuple | list):
        if len(factor) != 2:
            raise ValueError(f"factor must be an integer or a (row_factor, col_factor) pair, got {factor!r}")
        return check_positive_int(factor[0], "row factor"), check_positive_int(factor[1], "column factor")
    factor = check_positive_int(factor, "factor")
    return factor, factor


def upscale(grid: GridLike, factor: int | tuple[int, int]) -> np.ndarray:
    """Blow each cell up into a factor x factor block (or row_factor x col_factor for a pair)."""
    row_factor, col_factor = _factors(factor)
    return new_grid(np.repeat(np.repeat(to_grid(grid), row_factor, axis=0), col_factor, axis=1))


def downscale(grid: GridLike, factor: int | tuple[int, int]) -> np.ndarray:
    """Shrink each factor x factor block to one cell of its most common colour (ties: smallest colour).

    The grid's height and width must be multiples of the factors (the inverse of ``upscale``).
    """
    array = to_grid(grid)
    row_factor, col_factor = _factors(factor)
    height, width = array.shape
    if height % row_factor or width % col_factor:
        raise ValueError(
            f"downscale: the {height}x{width} grid is not divisible into {row_factor}x{col_factor} blocks"
        )
    blocks = array.reshape(height // row_factor, row_factor, width // col_factor, col_factor)
    counts = (blocks[..., None] == np.arange(10, dtype=np.int8)).sum(axis=(1, 3))
    return counts.argmax(axis=-1).astype(np.int8)


def split_grid(grid: GridLike, *, rows: int = 1, cols: int = 1) -> list[np.ndarray]:
    """Cut the grid into rows x cols equal parts, returned in reading order (left to right, then down)."""
    array = to_grid(grid)
    rows = check_positive_int(rows, "rows")
    cols = check_positive_int(cols, "cols")
    height, width = array.shape
    if height % rows or width % cols:
        raise ValueError(f"split_grid: a {height}x{width} grid cannot be cut into {rows}x{cols} equal parts")
    part_height, part_width = height // rows, width // cols
    return [
        new_grid(
            array[row * part_height : (row + 1) * part_height, col * part_width : (col + 1) * part_width]
        )
        for row in range(rows)
        for col in range(cols)
    ]


def separator_lines(array: np.ndarray, line_color: int | None) -> tuple[int | None, np.ndarray, np.ndarray]:
    """Find full rows and columns of one colour that separate a grid into parts (internal helper).

    Returns (colour, row_is_line, col_is_line). With ``line_color=None`` the colour is chosen among
    colours forming at least one full row or column: the one forming the most lines, preferring colours
    other than the most common one (usually the background); ties go to the smallest colour.
    """
    full_rows = np.where((array == array[:, :1]).all(axis=1), array[:, 0], -1)
    full_cols = np.where((array == array[:1, :]).all(axis=0), array[0, :], -1)
    if line_color is None:
        line_counts = np.bincount(full_rows[full_rows >= 0], minlength=10) + np.bincount(
            full_cols[full_cols >= 0], minlength=10
        )
        candidates = np.flatnonzero(line_counts)
        if candidates.size == 0:
            return None, np.zeros(array.shape[0], bool), np.zeros(array.shape[1], bool)
        most_common = int(np.bincount(array.ravel(), minlength=10).argmax())
        if candidates.size > 1:
            candidates = candidates[candidates != most_common]
        line_color = int(candidates[np.argmax(line_counts[candidates])])
    return line_color, full_rows == line_color, full_cols == line_color


def line_runs(is_line: np.ndarray) -> list[tuple[int, int]]:
    """Return (start, stop) runs of False entries, i.e. the spans between separator lines (internal)."""
    runs, start = [], None
    for index, flag in enumerate(is_line.tolist()):
        if not flag and start is None:
            start = index
        elif flag and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(is_line)))
    return runs


def split_by_lines(grid: GridLike, *, line_color: int | None = None) -> list[np.ndarray]:
    """Cut the grid along full rows/columns of ``line_color`` (auto if None); parts in reading order.

    Separator lines are dropped. A grid without separator lines gives ``[copy of grid]``.
    """
    array = to_grid(grid)
    if line_color is not None:
        line_color = check_color(line_color, "line_color")
    _, row_is_line, col_is_line = separator_lines(array, line_color)
    return [
        new_grid(array[row_start:row_stop, col_start:col_stop])
        for row_start, row_stop in line_runs(row_is_line)
        for col_start, col_stop in line_runs(col_is_line)
    ]


def _concatenate(grids: Sequence[GridLike], axis: int, separator_color: int | None, what: str) -> np.ndarray:
    arrays = [to_grid(grid) for grid in grids]
    if not arrays:
        raise ValueError(f"{what} needs at least one grid, got none")
    sizes = {array.shape[1 - axis] for array in arrays}
    if len(sizes) != 1:
        side = "height" if axis == 1 else "width"
        raise ValueError(f"{what}: all grids must have the same {side}, got {sorted(sizes)}")
    if separator_color is not None:
        separator_color = check_color(separator_color, "separator_color")
        line_shape = (arrays[0].shape[0], 1) if axis == 1 else (1, arrays[0].shape[1])
        line = np.full(line_shape, separator_color, dtype=np.int8)
        arrays = [part for array in arrays for part in (line, array)][1:]
    return new_grid(np.concatenate(arrays, axis=axis))


def concatenate_horizontal(grids: Sequence[GridLike], *, separator_color: int | None = None) -> np.ndarray:
    """Place grids of equal height side by side, left to right (optionally with a 1-cell separator column)."""
    return _concatenate(grids, 1, separator_color, "concatenate_horizontal")


def concatenate_vertical(grids: Sequence[GridLike], *, separator_color: int | None = None) -> np.ndarray:
    """Stack grids of equal width top to bottom (optionally with a 1-cell separator row)."""
    return _concatenate(grids, 0, separator_color, "concatenate_vertical")


def shift(grid: GridLike, drow: int, dcol: int, *, fill: int = 0, wrap: bool = False) -> np.ndarray:
    """Move the whole content by (drow, dcol); vacated cells get ``fill`` (or wrap around with wrap=True)."""
    array = to_grid(grid)
    for value, name in ((drow, "drow"), (dcol, "dcol")):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    if wrap:
        return new_grid(np.roll(array, (int(drow), int(dcol)), axis=(0, 1)))
    fill = check_color(fill, "fill")
    height, width = array.shape
    result = np.full((height, width), fill, dtype=np.int8)
    if abs(drow) < height and abs(dcol) < width:
        result[max(drow, 0) : height + min(drow, 0), max(dcol, 0) : width + min(dcol, 0)] = array[
            max(-drow, 0) : height + min(-drow, 0), max(-dcol, 0) : width + min(-dcol, 0)
        ]
    return result
