"""Each two-colour motif appears once complete; elsewhere only the cells of one of its colours are
drawn. Every such partial copy is completed into the full motif."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    result = copy_grid(grid)
    for motif in find_objects(grid, connectivity=8, single_color=False):
        for color in motif.colors if len(motif.colors) > 1 else []:
            part = np.where(motif.pixels == color, color, 0)
            for row, col in find_pattern(grid, part, wildcard=0):
                result = paint_object(result, motif.moved_to(row, col))
    return result


MOTIF_SHAPES = (
    ["010", "121", "010"],
    ["101", "020", "101"],
    ["121"],
    ["1", "2", "1"],
)


def random_motif(rng, outer, inner):
    """A small motif grid: outer colour on the '1' cells and inner colour on the centre '2' cell."""
    rows = MOTIF_SHAPES[int(rng.integers(len(MOTIF_SHAPES)))]
    codes = np.array([[int(ch) for ch in row] for row in rows])
    return as_grid(np.select([codes == 1, codes == 2], [outer, inner], 0))


def free_spot(rng, taken, rows, cols):
    """A random top-left corner where a rows x cols box plus a one-cell margin is still free, or None."""
    height, width = taken.shape
    for _ in range(100):
        top, left = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
        if np.sum(taken[max(top - 1, 0) : top + rows + 1, max(left - 1, 0) : left + cols + 1]) == 0:
            return top, left
    return None


def generate_input(rng):
    while True:
        height, width = int(rng.integers(13, 20)), int(rng.integers(12, 23))
        colors = [int(color) for color in rng.permutation([1, 2, 3, 4, 6, 7, 8])]
        grid, taken = make_grid(height, width), make_grid(height, width)
        placed = 0
        for index in range(int(rng.integers(1, 4))):
            motif = random_motif(rng, colors[2 * index], colors[2 * index + 1])
            partial = [colors[2 * index + int(rng.integers(2))] for _ in range(rng.integers(2, 5))]
            for keep in [None] + partial:
                rows, cols = motif.shape
                spot = free_spot(rng, taken, rows, cols)
                if spot is not None:
                    top, left = spot
                    grid[top : top + rows, left : left + cols] = (
                        np.where(motif == keep, keep, 0) if keep else motif
                    )
                    taken[top : top + rows, left : left + cols] = 1
                    placed += 1
        if placed >= 4:
            return grid
