"""Patterns: symmetry detection and completion, periods, repeating tiles, locating small patterns.

Symmetry kinds, named after the geometry function that leaves a symmetric grid unchanged:
"horizontal" (``flip_horizontal``: left half mirrors right half), "vertical" (``flip_vertical``),
"diagonal" (``transpose``), "antidiagonal" (``flip_antidiagonal``), "rotation_90" (``rotate``) and
"rotation_180" (``rotate`` twice).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided
from scipy import fft

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


@cache
def _positions(kind: str, height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Every axis or centre position of ``kind`` in search order: an (n, 2) array of indices into the
    counts of ``_pair_counts`` and an (n, 2) array of offsets for ``_mirror_image`` (internal)."""
    if kind == "horizontal":
        pairs = [((height - 1, total), (0, total)) for total in range(1, 2 * width - 2)]
    elif kind == "vertical":
        pairs = [((total, width - 1), (total, 0)) for total in range(1, 2 * height - 2)]
    elif kind == "diagonal":
        offsets = range(-(width - 2), height - 1)
        pairs = [((width - 1 + offset, height - 1 - offset), (offset, -offset)) for offset in offsets]
    elif kind == "antidiagonal":
        pairs = [((total, total), (total, total)) for total in range(1, height + width - 2)]
    elif kind == "rotation_180":
        centres = [(row, col) for row in range(1, 2 * height - 2) for col in range(1, 2 * width - 2)]
        pairs = [(centre, centre) for centre in centres]
    else:
        pairs = [
            ((width - 1 - (col - row) // 2, (row + col) // 2), ((row + col) // 2, (col - row) // 2))
            for row in range(1, 2 * height - 2)
            for col in range(1, 2 * width - 2)
            if (row + col) % 2 == 0
        ]
    indices, offsets = np.array(pairs, dtype=np.intp).reshape(-1, 2, 2).transpose(1, 0, 2)
    indices.flags.writeable = offsets.flags.writeable = False
    return indices, offsets


def _mirror_image(
    kind: str, rows: np.ndarray, cols: np.ndarray, offset: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """(row, col) image of every cell under the symmetry ``kind`` placed by ``offset`` (internal)."""
    first, second = offset
    if kind == "horizontal":
        return rows, second - cols
    if kind == "vertical":
        return first - rows, cols
    if kind == "diagonal":
        return cols + first, rows + second
    if kind == "antidiagonal":
        return first - cols, second - rows
    if kind == "rotation_180":
        return first - rows, second - cols
    return first - cols, second + rows


def _pair_counts(layers: np.ndarray, kind: str, spectrum: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """For every position of ``kind`` at once: how many known cells have a known image, and the sum of
    (cell colour - image colour) squared over those pairs (0 = no disagreement), as a (2, ...) int array.

    ``layers`` stacks known, known * colour and known * colour squared (internal); ``spectrum`` is its FFT
    of ``size``. Both sums are full 2-D convolutions of the layers with their mirror image, via FFTs.
    """
    transposed = layers.transpose(0, 2, 1)
    mirrored = {
        "horizontal": layers[:, ::-1],
        "vertical": layers[:, :, ::-1],
        "diagonal": transposed[:, ::-1, ::-1],
        "antidiagonal": transposed,
        "rotation_180": layers,
        "rotation_90": transposed[:, ::-1],
    }[kind]
    image = fft.rfft2(mirrored, size)
    pairs = fft.irfft2(spectrum[0] * image[0], size)
    # sum over pairs of (a - b)^2 = a^2 + b^2 - 2ab
    squares = fft.irfft2(spectrum[2] * image[0] + spectrum[0] * image[2] - 2 * spectrum[1] * image[1], size)
    return np.rint(np.stack([pairs, squares])).astype(np.int64)


def _candidate_maps(
    array: np.ndarray, known: np.ndarray, kinds: Sequence[str], min_overlap: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (row, col) images of every cell under each symmetry at every axis or centre position.

    Positions are skipped when fewer than ``min_overlap`` known cells have a known image or when a known
    cell's known image has another colour (``_pair_counts`` counts both; a cell that is its own image
    counts too, so no position the caller could use is skipped).
    """
    height, width = array.shape
    values = np.where(known, array, 0).astype(np.float64)
    layers = np.stack([known.astype(np.float64), values, values * values])
    side = max(height, width)
    size = (fft.next_fast_len(height + side - 1, True), fft.next_fast_len(width + side - 1, True))
    spectrum = fft.rfft2(layers, size)
    rows, cols = np.indices((height, width))
    for kind in kinds:
        overlaps, squares = _pair_counts(layers, kind, spectrum, size)
        indices, offsets = _positions(kind, height, width)
        passes = (overlaps >= min_overlap) & (squares == 0)
        for offset in offsets[passes[indices[:, 0], indices[:, 1]]].tolist():
            yield _mirror_image(kind, rows, cols, offset)


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
    for image_rows, image_cols in _candidate_maps(array, known, kinds, max((known_count + 1) // 2, 1)):
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


_COLOR_VALUES = np.arange(10, dtype=np.int8).reshape(10, 1, 1, 1, 1)


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
    # count each colour at each tile position over all repetitions (padding the grid with unknown cells
    # to whole tiles), then take the most common known colour; argmax picks the smallest on ties
    height, width = array.shape
    padded = np.full((-(-height // rows) * rows, -(-width // cols) * cols), unknown_color, dtype=np.int8)
    padded[:height, :width] = array
    blocks = padded.reshape(padded.shape[0] // rows, rows, padded.shape[1] // cols, cols)
    counts = (blocks == _COLOR_VALUES).sum(axis=(1, 3))
    counts[unknown_color] = 0
    return np.where(counts.any(axis=0), counts.argmax(axis=0), unknown_color).astype(np.int8)


def complete_tiling(grid: GridLike, *, unknown_color: int) -> np.ndarray:
    """Fill cells of ``unknown_color`` by continuing the grid's repeating tile (see ``repeating_tile``)."""
    array = to_grid(grid)
    tile = repeating_tile(array, unknown_color=unknown_color)
    height, width = array.shape
    repeated = np.tile(tile, (-(-height // tile.shape[0]), -(-width // tile.shape[1])))[:height, :width]
    return np.where(array == check_color(unknown_color, "unknown_color"), repeated, array)


_all_along = np.logical_and.reduce  # the ufunc itself: skips ndarray.all's Python-level wrapper


def _match_windows(array: np.ndarray, pattern: GridLike, wildcard: int | None) -> np.ndarray:
    """Boolean map of top-left positions where ``pattern`` matches (internal)."""
    pattern_array = to_grid(pattern)
    height, width = array.shape
    pattern_height, pattern_width = pattern_array.shape
    if pattern_height > height or pattern_width > width:
        return np.zeros((0, 0), dtype=bool)
    rows, cols = height - pattern_height + 1, width - pattern_width + 1
    # every window as a read-only view (rows, cols, pattern height, pattern width), copied to a compact
    # array before comparing (comparing the overlapping view directly is about twice as slow)
    windows = as_strided(array, (rows, cols, *pattern_array.shape), array.strides * 2, writeable=False)
    same = np.ascontiguousarray(windows) == pattern_array
    if wildcard is not None:
        same |= pattern_array == check_color(wildcard, "wildcard")
    return _all_along(same.reshape(rows, cols, -1), axis=2)


def find_pattern(grid: GridLike, pattern: GridLike, *, wildcard: int | None = None) -> list[tuple[int, int]]:
    """Return the (row, col) top-left corners of every exact occurrence of ``pattern``, in reading order.

    Pattern cells of colour ``wildcard`` (if given) match any colour. Occurrences may overlap.
    """
    rows, cols = _match_windows(to_grid(grid), pattern, wildcard).nonzero()
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def count_pattern(grid: GridLike, pattern: GridLike, *, wildcard: int | None = None) -> int:
    """Return how many times ``pattern`` occurs in the grid (overlapping occurrences count)."""
    return int(_match_windows(to_grid(grid), pattern, wildcard).sum())
