"""Grids: creation, validation, conversion, comparison and hashing.

A grid is a 2-D numpy array of colours 0..9 indexed ``[row, col]``. Every primitive of the DSL accepts
a numpy array or a list of lists and returns a new ``int8`` array; inputs are never modified.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, TypeAlias

import numpy as np

__all__ = [
    "make_grid",
    "as_grid",
    "copy_grid",
    "grid_shape",
    "grids_equal",
    "grid_key",
    "is_valid_grid",
]

#: What grid parameters accept: a 2-D numpy array or a list of lists of colours 0..9.
GridLike: TypeAlias = "np.ndarray | Sequence[Sequence[int]]"
#: A box (top, left, bottom, right) with bottom and right exclusive; an Object is accepted too.
Box: TypeAlias = "tuple[int, int, int, int]"

GRID_DTYPE = np.int8
MAX_ARC_SIDE = 30
_COLOR_BYTES = bytes(range(10))  # the int8 colours 0..9 as bytes: deleting them leaves only bad values


def check_color(value: Any, name: str = "color") -> int:
    """Return ``value`` as an int colour 0..9 or raise ValueError naming the argument."""
    if type(value) is int and 0 <= value <= 9:  # the common case, checked first for speed
        return value
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be an integer colour 0..9, got {value!r}")
    if not 0 <= value <= 9:
        raise ValueError(f"{name} must be an integer colour 0..9, got {int(value)}")
    return int(value)


def check_positive_int(value: Any, name: str, *, allow_zero: bool = False) -> int:
    """Return ``value`` as an int >= 1 (or >= 0) or raise ValueError naming the argument."""
    if type(value) is int and value >= 1:  # the common case, checked first for speed
        return value
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    lowest = 0 if allow_zero else 1
    if value < lowest:
        raise ValueError(f"{name} must be >= {lowest}, got {int(value)}")
    return int(value)


def check_cell(value: Any, name: str = "cell") -> tuple[int, int]:
    """Return ``value`` as a (row, col) pair of ints or raise ValueError naming the argument."""
    if type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return value  # the common case, checked first for speed
    try:
        row, col = value
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a (row, col) pair of integers, got {value!r}") from None
    for part in (row, col):
        if isinstance(part, bool | np.bool_) or not isinstance(part, int | np.integer):
            raise ValueError(f"{name} must be a (row, col) pair of integers, got {value!r}")
    return int(row), int(col)


def check_box(value: Any, name: str = "box") -> tuple[int, int, int, int]:
    """Return a (top, left, bottom, right) box (bottom/right exclusive) from a tuple or an ``Object``.

    Anything with a ``bbox`` attribute (an ``Object``) is accepted and its bounding box is used.
    """
    box = getattr(value, "bbox", value)
    if type(box) is tuple and len(box) == 4 and all(type(part) is int for part in box):
        if box[2] > box[0] and box[3] > box[1]:
            return box  # the common case, checked first for speed
    try:
        top, left, bottom, right = box
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be an Object or a (top, left, bottom, right) tuple, got {value!r}"
        ) from None
    parts = (top, left, bottom, right)
    if any(isinstance(p, bool | np.bool_) or not isinstance(p, int | np.integer) for p in parts):
        raise ValueError(f"{name} must hold four integers (top, left, bottom, right), got {value!r}")
    if bottom <= top or right <= left:
        raise ValueError(
            f"{name} (top, left, bottom, right) must have bottom > top and right > left "
            f"(bottom and right are exclusive), got {tuple(int(p) for p in parts)}"
        )
    return int(top), int(left), int(bottom), int(right)


def as_grid(value: Any) -> np.ndarray:
    """Validate a grid (array or list of lists of colours 0..9) and return it as a new int8 array.

    Raises ValueError for ragged, empty, non-2-D or out-of-range input.
    """
    array = to_grid(value)
    return array.copy() if array is value else array


def to_grid(value: Any) -> np.ndarray:
    """Validate like ``as_grid`` but return a valid int8 array itself, without copying (internal helper)."""
    if type(value) is np.ndarray and value.dtype == GRID_DTYPE and value.ndim == 2:
        if value.size == 0:
            raise ValueError(f"a grid must have at least one row and one column, got shape {value.shape}")
        if value.tobytes().translate(None, _COLOR_BYTES):  # a fraction of a max() call's cost
            raise ValueError("grid colours must be integers 0..9, got values outside 0..9")
        return value
    try:
        array = np.asarray(value)
    except ValueError:
        raise ValueError(
            "a grid must be a rectangular 2-D array or list of lists (rows differ in length)"
        ) from None
    if array.dtype == object:
        raise ValueError("a grid must be a rectangular 2-D array or list of lists of integers 0..9")
    if array.ndim != 2:
        raise ValueError(f"a grid must be 2-D (rows x columns), got {array.ndim}-D with shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"a grid must have at least one row and one column, got shape {array.shape}")
    if array.dtype.kind == "b" or array.dtype.kind not in "iuf":
        raise ValueError(f"grid values must be integers 0..9, got dtype {array.dtype}")
    if array.dtype.kind == "f" and not np.all(np.mod(array, 1) == 0):
        raise ValueError("grid values must be integers 0..9, got non-integer floats")
    low, high = array.min(), array.max()
    if low < 0 or high > 9:
        raise ValueError(f"grid colours must be integers 0..9, got values from {low} to {high}")
    return array.astype(GRID_DTYPE)


def grid_with_counts(value: Any) -> tuple[np.ndarray, np.ndarray]:
    """Validate like ``to_grid`` and also return the length-10 count of each colour (internal helper).

    One ``bincount`` both counts and validates an int8 array (a value outside 0..9 lengthens it).
    """
    if type(value) is np.ndarray and value.dtype == GRID_DTYPE and value.ndim == 2 and value.size:
        counts = np.bincount(value.reshape(-1).view(np.uint8), minlength=10)
        if counts.size == 10:
            return value, counts
    array = to_grid(value)
    return array, np.bincount(array.reshape(-1).view(np.uint8), minlength=10)


def new_grid(array: np.ndarray) -> np.ndarray:
    """Return ``array`` as a fresh, writable int8 array (internal output helper)."""
    return np.array(array, dtype=GRID_DTYPE)


def make_grid(height: int, width: int, color: int = 0) -> np.ndarray:
    """Return a new ``height`` x ``width`` grid filled with ``color``."""
    height = check_positive_int(height, "height")
    width = check_positive_int(width, "width")
    return np.full((height, width), check_color(color), dtype=GRID_DTYPE)


def copy_grid(grid: GridLike) -> np.ndarray:
    """Return a writable int8 copy of ``grid``."""
    return new_grid(to_grid(grid))


def grid_shape(grid: GridLike) -> tuple[int, int]:
    """Return ``(height, width)`` of ``grid``."""
    height, width = to_grid(grid).shape
    return int(height), int(width)


def grids_equal(first: GridLike, second: GridLike) -> bool:
    """Return True when both grids have the same shape and the same colour in every cell."""
    first, second = to_grid(first), to_grid(second)
    return first.shape == second.shape and bool(np.array_equal(first, second))


def grid_key(grid: GridLike) -> Hashable:
    """Return a hashable key equal for equal grids, for sets and dict keys (de-duplication)."""
    array = to_grid(grid)
    return (array.shape, np.ascontiguousarray(array).tobytes())


def is_valid_grid(value: Any) -> bool:
    """Return True when ``value`` is a valid ARC grid: rectangular, 1..30 per side, colours 0..9."""
    try:
        array = to_grid(value)
    except ValueError:
        return False
    return max(array.shape) <= MAX_ARC_SIDE
