"""Random-drawing helpers shared by several solutions' `generate_input` (never part of a program)."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
from omniarc.dsl import grid_key

SIDE_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))
Box = tuple[int, int, int, int]

_MASK_TABLES: dict[tuple[int, int, int], tuple[list[np.ndarray], np.ndarray]] = {}


def connected_mask_table(height: int, width: int, cells: int) -> tuple[list[np.ndarray], np.ndarray]:
    """Every mask that growing a side-connected blob of up to `cells` cells in a height x width box can
    give, cropped, with cumulative chances: the first cell is drawn anywhere, each next one among the free
    side neighbours (a blob with none stops growing)."""
    chances = {frozenset([(row, col)]): 1 / (height * width) for row in range(height) for col in range(width)}
    for _ in range(cells - 1):
        grown_chances: dict[frozenset[tuple[int, int]], float] = {}
        for grown, chance in chances.items():
            neighbours = {(row + drow, col + dcol) for row, col in grown for drow, dcol in SIDE_STEPS}
            inside = [(row, col) for row, col in neighbours if 0 <= row < height and 0 <= col < width]
            options = [cell for cell in inside if cell not in grown]
            for bigger in [grown | {option} for option in options] or [grown]:
                grown_chances[bigger] = grown_chances.get(bigger, 0) + chance / max(len(options), 1)
        chances = grown_chances
    masks: dict[Hashable, tuple[np.ndarray, float]] = {}
    for grown, chance in chances.items():
        rows, cols = zip(*grown, strict=True)
        mask = np.zeros((max(rows) - min(rows) + 1, max(cols) - min(cols) + 1), dtype=bool)
        mask[np.subtract(rows, min(rows)), np.subtract(cols, min(cols))] = True
        mask.setflags(write=False)
        key = grid_key(mask.view(np.int8))
        masks[key] = (mask, masks.get(key, (mask, 0.0))[1] + chance)
    return [mask for mask, _ in masks.values()], np.cumsum([chance for _, chance in masks.values()])


def random_connected_mask(rng: np.random.Generator, height: int, width: int, cells: int) -> np.ndarray:
    """A random side-connected mask of up to `cells` cells grown in a height x width box (see
    `connected_mask_table`, computed once per size), cropped to its cells."""
    if (height, width, cells) not in _MASK_TABLES:
        _MASK_TABLES[height, width, cells] = connected_mask_table(height, width, cells)
    masks, cumulative = _MASK_TABLES[height, width, cells]
    return masks[int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))]


def random_box_pair(
    rng: np.random.Generator, smallest: int, largest: int, side: int = 10, tries: int = 32
) -> list[Box] | None:
    """Two random boxes (top, left, bottom, right) of smallest..largest cells a side in a side x side grid,
    a cell apart (not even touching at a corner) and of different areas, or None: `tries` pairs are drawn
    at once and the first good one is kept."""
    sizes = rng.integers(smallest, largest + 1, size=(tries, 2, 2))  # (try, box, (rows, cols))
    corners = rng.integers(0, side + 1 - sizes)
    ends = corners + sizes
    apart = np.any((ends[:, 0] < corners[:, 1]) | (ends[:, 1] < corners[:, 0]), axis=1)
    areas = sizes.prod(axis=2)
    good = np.flatnonzero(apart & (areas[:, 0] != areas[:, 1]))
    if len(good) == 0:
        return None
    return [(*corners[good[0], box].tolist(), *ends[good[0], box].tolist()) for box in range(2)]
