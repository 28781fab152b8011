"""Patterns: symmetry detection and completion, periods, repeating tiles, locating small patterns.

Symmetry kinds, named after the geometry function that leaves a symmetric grid unchanged:
"horizontal" (``flip_horizontal``: left half mirrors right half), "vertical" (``flip_vertical``),
"diagonal" (``transpose``), "antidiagonal" (``flip_antidiagonal``), "rotation_90" (``rotate``) and
"rotation_180" (``rotate`` twice).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .grid import GridLike, check_color, new_grid, to_grid

__all__ = [
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
]

#: Names of the symmetry kinds understood by ``is_symmetric`` and ``complete_symmetry``.
SYMMETRIES: tuple[str, ...] = (
    "horizontal",
    "vertical",
    "diagonal",
    "antidiagonal",
    "rotation_90",
    "rotation_180",
)


def _check_kind(kind: Any) -> str:
    if kind not in SYMMETRIES:
        raise ValueError(f"symmetry kind must be one of {', '.join(SYMMETRIES)}, got {kind!r}")
    return kind


def _image(array: np.ndarray, kind: str) -> np.ndarray | None:
    """Return the grid transformed by the symmetry about its centre, or None if the shape changes."""
    if kind == "horizontal":
        return array[:, ::-1]
    if kind == "vertical":
        return array[::-1]
    if kind == "rotation_180":
        return array[::-1, ::-1]
    if array.shape[0] != array.shape[1]:
        return None
    if kind == "diagonal":
        return array.T
    if kind == "antidiagonal":
        return array[::-1, ::-1].T
    return np.rot90(array)


def is_symmetric(grid: GridLike, kind: str = "horizontal") -> bool:
    """Return True when the grid equals its own image under the symmetry ``kind`` (see SYMMETRIES)."""
    array = to_grid(grid)
    image = _image(array, _check_kind(kind))
    return image is not None and bool(np.array_equal(image, array))


def symmetries(grid: GridLike) -> list[str]:
    """Return the symmetry kinds (see SYMMETRIES) the whole grid has, in SYMMETRIES order."""
    array = to_grid(grid)
    return [kind for kind in SYMMETRIES if is_symmetric(array, kind)]


def _span(total: int, source_size: int, image_size: int) -> int:
    """How many indices i in [0, source_size) have total - i in [0, image_size) (internal)."""
    return max(0, min(total, source_size - 1) - max(0, total - image_size + 1) + 1)


def _candidate_maps(
    height: int, width: int, kinds: Sequence[str], min_inside: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (row, col) images of every cell under each symmetry at every axis or centre position.

    Rotations whose image keeps fewer than ``min_inside`` cells on the grid are skipped.
    """
    rows, cols = np.indices((height, width))
    for kind in kinds:
        if kind == "horizontal":
            for total in range(1, 2 * width - 2):
                yield rows, total - cols
        elif kind == "vertical":
            for total in range(1, 2 * height - 2):
                yield total - rows, cols
        elif kind == "diagonal":
            for offset in range(-(width - 2), height - 1):
                yield cols + offset, rows - offset
        elif kind == "antidiagonal":
            for total in range(1, height + width - 2):
                yield total - cols, total - rows
        else:
            for row_total in range(1, 2 * height - 2):
                for col_total in range(1, 2 * width - 2):
                    if kind == "rotation_180":
                        if _span(row_total, height, height) * _span(col_total, width, width) >= min_inside:
                            yield row_total - rows, col_total - cols
                    elif (row_total + col_total) % 2 == 0:
                        row_sum, col_shift = (row_total + col_total) // 2, (col_total - row_total) // 2
                        inside = _span(row_sum, width, height) * _span(-col_shift + width - 1, height, width)
                        if inside >= min_inside:
                            yield row_sum - cols, col_shift + rows


def complete_symmetry(
    grid: GridLike, *, unknown_color: int, kinds: Sequence[str] | None = None
) -> np.ndarray:
    """Fill cells of ``unknown_color`` from their mirror/rotation images, finding the axes and centres.

    Symmetries (of ``kinds``, default all SYMMETRIES) at any axis position are used when every pair of
    known cells they relate agrees and they relate at least half of the known cells. Cells no symmetry
    reaches keep ``unknown_color``.
    """
    array = to_grid(grid)
    unknown_color = check_color(unknown_color, "unknown_color")
    kinds = list(SYMMETRIES) if kinds is None else [_check_kind(kind) for kind in kinds]
    height, width = array.shape
    known = array != unknown_color
    known_count = int(known.sum())
    usable = []
    rows, cols = np.indices((height, width))
    for image_rows, image_cols in _candidate_maps(height, width, kinds, (known_count + 1) // 2):
        inside = (image_rows >= 0) & (image_rows < height) & (image_cols >= 0) & (image_cols < width)
        source_rows, source_cols = image_rows[inside], image_cols[inside]
        moved = (source_rows != rows[inside]) | (source_cols != cols[inside])
        pairs = known[inside] & known[source_rows, source_cols] & moved
        overlap = int(pairs.sum())
        if overlap * 2 < known_count or overlap == 0:
            continue
        if not np.array_equal(array[inside][pairs], array[source_rows, source_cols][pairs]):
            continue
        usable.append((overlap, inside, source_rows, source_cols))
    usable.sort(key=lambda item: -item[0])
    result = new_grid(array)
    changed = True
    while changed and (result == unknown_color).any():
        changed = False
        for _, inside, source_rows, source_cols in usable:
            values = result[source_rows, source_cols]
            fill = (result[inside] == unknown_color) & (values != unknown_color)
            if fill.any():
                target = result[inside]
                target[fill] = values[fill]
                result[inside] = target
                changed = True
    return result


def _period(array: np.ndarray, unknown_color: int | None) -> int:
    """Smallest p with array[i] == array[i + p] for all i (unknown cells match anything)."""
    length = array.shape[0]
    for period in range(1, length):
        first, second = array[:-period], array[period:]
        same = first == second
        if unknown_color is not None:
            same |= (first == unknown_color) | (second == unknown_color)
        if same.all():
            return period
    return length


def _optional_color(value: int | None, name: str) -> int | None:
    return None if value is None else check_color(value, name)


def row_period(grid: GridLike, *, unknown_color: int | None = None) -> int:
    """Smallest p such that every row equals the row p further down (the height if none repeats)."""
    return _period(to_grid(grid), _optional_color(unknown_color, "unknown_color"))


def column_period(grid: GridLike, *, unknown_color: int | None = None) -> int:
    """Smallest p such that every column equals the column p further right (the width if none repeats)."""
    return _period(to_grid(grid).T, _optional_color(unknown_color, "unknown_color"))


def repeating_tile(grid: GridLike, *, unknown_color: int | None = None) -> np.ndarray:
    """Return the smallest tile (row_period x column_period) whose repetition gives the grid.

    With ``unknown_color`` those cells match anything and each tile cell takes its most common known
    value (ties: smallest colour); tile cells never seen keep ``unknown_color``.
    """
    array = to_grid(grid)
    unknown_color = _optional_color(unknown_color, "unknown_color")
    rows, cols = _period(array, unknown_color), _period(array.T, unknown_color)
    if unknown_color is None:
        return new_grid(array[:rows, :cols])
    tile = np.full((rows, cols), unknown_color, dtype=np.int8)
    for row in range(rows):
        for col in range(cols):
            values = array[row::rows, col::cols]
            values = values[values != unknown_color]
            if values.size:
                tile[row, col] = np.bincount(values.view(np.uint8), minlength=10).argmax()
    return tile


def complete_tiling(grid: GridLike, *, unknown_color: int) -> np.ndarray:
    """Fill cells of ``unknown_color`` by continuing the grid's repeating tile (see ``repeating_tile``)."""
    array = to_grid(grid)
    tile = repeating_tile(array, unknown_color=unknown_color)
    height, width = array.shape
    repeated = np.tile(tile, (-(-height // tile.shape[0]), -(-width // tile.shape[1])))[:height, :width]
    return np.where(array == check_color(unknown_color, "unknown_color"), repeated, array)


def _match_windows(array: np.ndarray, pattern: GridLike, wildcard: int | None) -> np.ndarray:
    """Boolean map of top-left positions where ``pattern`` matches (internal)."""
    pattern_array = to_grid(pattern)
    height, width = array.shape
    pattern_height, pattern_width = pattern_array.shape
    if pattern_height > height or pattern_width > width:
        return np.zeros((0, 0), dtype=bool)
    windows = sliding_window_view(array, pattern_array.shape)
    same = windows == pattern_array
    if wildcard is not None:
        same |= pattern_array == check_color(wildcard, "wildcard")
    return same.all(axis=(2, 3))


def find_pattern(grid: GridLike, pattern: GridLike, *, wildcard: int | None = None) -> list[tuple[int, int]]:
    """Return the (row, col) top-left corners of every exact occurrence of ``pattern``, in reading order.

    Pattern cells of colour ``wildcard`` (if given) match any colour. Occurrences may overlap.
    """
    matches = np.argwhere(_match_windows(to_grid(grid), pattern, wildcard))
    return [(int(row), int(col)) for row, col in matches]


def count_pattern(grid: GridLike, pattern: GridLike, *, wildcard: int | None = None) -> int:
    """Return how many times ``pattern`` occurs in the grid (overlapping occurrences count)."""
    return int(_match_windows(to_grid(grid), pattern, wildcard).sum())
