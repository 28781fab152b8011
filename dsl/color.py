"""Colours: the ARC palette, colour counts, background guess, replacing and masking colours.

Tie-break used everywhere: when several colours are equally common, the smallest colour number wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum

import numpy as np

from .grid import GridLike, check_color, grid_with_counts, to_grid

__all__ = [
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
]


class Color(IntEnum):
    """The ten ARC colours by name; each is an int, so Color.RED == 2."""

    BLACK = 0
    BLUE = 1
    RED = 2
    GREEN = 3
    YELLOW = 4
    GRAY = 5
    MAGENTA = 6
    ORANGE = 7
    AZURE = 8
    MAROON = 9


# The names as plain ints (equal to the Color members): numpy compares and stores a plain int several
# times faster than an IntEnum member, and programs use these names in every grid comparison.
BLACK = Color.BLACK.value
BLUE = Color.BLUE.value
RED = Color.RED.value
GREEN = Color.GREEN.value
YELLOW = Color.YELLOW.value
GRAY = Color.GRAY.value
MAGENTA = Color.MAGENTA.value
ORANGE = Color.ORANGE.value
AZURE = Color.AZURE.value
MAROON = Color.MAROON.value


def _excluded(exclude: int | Iterable[int] | None) -> list[int]:
    if exclude is None:
        return []
    if isinstance(exclude, int | np.integer):
        return [check_color(exclude, "exclude")]
    return [check_color(color, "exclude") for color in exclude]


def palette(grid: GridLike) -> list[int]:
    """Return the colours present in the grid, sorted ascending."""
    return np.flatnonzero(grid_with_counts(grid)[1]).tolist()


def color_counts(grid: GridLike) -> dict[int, int]:
    """Return {colour: number of cells} for every colour present, in ascending colour order."""
    counts = grid_with_counts(grid)[1]
    return {int(color): int(counts[color]) for color in np.flatnonzero(counts)}


def count_color(grid: GridLike, color: int) -> int:
    """Return how many cells have ``color``."""
    return int(np.count_nonzero(to_grid(grid) == check_color(color)))


def most_common_color(grid: GridLike, *, exclude: int | Iterable[int] | None = None) -> int:
    """Return the most frequent colour, ignoring colours in ``exclude``; ties go to the smallest colour."""
    counts = grid_with_counts(grid)[1]
    counts[_excluded(exclude)] = 0
    if not counts.any():
        raise ValueError(f"most_common_color: no colour left after excluding {exclude!r}")
    return int(counts.argmax())


def least_common_color(grid: GridLike, *, exclude: int | Iterable[int] | None = None) -> int:
    """Return the rarest colour present, ignoring colours in ``exclude``; ties go to the smallest colour."""
    counts = grid_with_counts(grid)[1]
    counts[_excluded(exclude)] = 0
    if not counts.any():
        raise ValueError(f"least_common_color: no colour left after excluding {exclude!r}")
    return int(np.where(counts > 0, counts, np.iinfo(counts.dtype).max).argmin())


def background_color(grid: GridLike) -> int:
    """Guess the background: the most common colour; ties go to black (0) if tied, else the smallest."""
    counts = grid_with_counts(grid)[1]
    if counts[0] == counts.max():
        return 0
    return int(counts.argmax())


def replace_color(grid: GridLike, old: int, new: int) -> np.ndarray:
    """Return a copy where every cell of colour ``old`` becomes ``new``."""
    array = to_grid(grid)
    return np.where(array == check_color(old, "old"), np.int8(check_color(new, "new")), array)


def swap_colors(grid: GridLike, first: int, second: int) -> np.ndarray:
    """Return a copy where colours ``first`` and ``second`` trade places."""
    return recolor(grid, {first: second, second: first})


def recolor(grid: GridLike, mapping: Mapping[int, int]) -> np.ndarray:
    """Return a copy with colours changed by ``mapping`` {old: new} all at once; other colours stay."""
    array = to_grid(grid)
    if not isinstance(mapping, Mapping):
        raise ValueError(f"mapping must be a dict {{old colour: new colour}}, got {mapping!r}")
    table = np.arange(10, dtype=np.int8)
    for old, new in mapping.items():
        table[check_color(old, "mapping key")] = check_color(new, "mapping value")
    return table[array]


def color_mask(grid: GridLike, color: int) -> np.ndarray:
    """Return a boolean grid, True where the cell has ``color``."""
    return to_grid(grid) == check_color(color)
