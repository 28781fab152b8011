"""Each two-colour motif appears once complete; elsewhere only the cells of one of its colours are
drawn. Every such partial copy is completed into the full motif."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    shapes = find_objects(grid, connectivity=8, single_color=False)
    motifs = [shape for shape in shapes if len(shape.colors) > 1]
    result = copy_grid(grid)
    for motif in motifs:
        for color in motif.colors:
            part = np.where(motif.pixels == color, color, 0)
            places = find_pattern(grid, part, wildcard=0)
            result = paint_objects(result, [motif.moved_to(row, col) for row, col in places])
    return result


MOTIF_SHAPES = (
    ["010", "121", "010"],
    ["101", "020", "101"],
    ["121"],
    ["1", "2", "1"],
)


MOTIF_CODES = [np.array([[int(ch) for ch in row] for row in rows]) for rows in MOTIF_SHAPES]


def random_motif(rng, outer, inner):
    """A small motif grid: outer colour on the '1' cells and inner colour on the centre '2' cell."""
    return np.array([BLACK, outer, inner], dtype=np.int8)[MOTIF_CODES[int(rng.integers(len(MOTIF_CODES)))]]


def take_box(free, top, left, rows, cols):
    """Drop the free corners (for every motif size) of motifs touching a rows x cols box at top, left."""
    for (other_rows, other_cols), corners in free.items():
        near_rows = slice(max(top - other_rows, 0), top + rows + 1)
        corners[near_rows, max(left - other_cols, 0) : left + cols + 1] = False


def generate_input(rng):
    while True:
        height, width = int(rng.integers(13, 20)), int(rng.integers(12, 23))
        colors = [int(color) for color in rng.permutation([1, 2, 3, 4, 6, 7, 8])]
        grid = make_grid(height, width)
        # top-left corners where a motif of each size still fits with an empty ring around it
        free = {
            codes.shape: np.ones((height - codes.shape[0] + 1, width - codes.shape[1] + 1), bool)
            for codes in MOTIF_CODES
        }
        placed = 0
        for index in range(int(rng.integers(1, 4))):
            motif = random_motif(rng, colors[2 * index], colors[2 * index + 1])
            partial = [colors[2 * index + pick] for pick in rng.integers(2, size=rng.integers(2, 5))]
            rows, cols = motif.shape
            for keep in [None] + partial:
                spots = np.argwhere(free[motif.shape])
                if rng.random() >= (1 - len(spots) / free[motif.shape].size) ** 100:  # unless 100 tries miss
                    top, left = spots[int(rng.integers(len(spots)))]
                    grid[top : top + rows, left : left + cols] = (
                        np.where(motif == keep, keep, 0) if keep else motif
                    )
                    take_box(free, top, left, rows, cols)
                    placed += 1
        if placed >= 4:
            return grid
