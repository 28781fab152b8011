"""Grey lines split the grid into 3x3 blocks; one block holds a yellow cell. The output keeps the grey lines
and copies only that block, into the block position given by where the yellow cell sits inside it."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    blocks = split_by_lines(grid, line_color=GRAY)
    source = next(block for block in blocks if count_color(block, YELLOW) > 0)
    row, col = np.argwhere(source == YELLOW)[0]
    result = np.where(grid == GRAY, GRAY, BLACK).astype(np.int8)
    result[4 * row : 4 * row + 3, 4 * col : 4 * col + 3] = source
    return result


def generate_input(rng):
    while True:
        blocks = []
        for _ in range(9):
            block = np.zeros(9, dtype=np.int8)
            cells = rng.choice(9, size=int(rng.integers(1, 5)), replace=False)
            block[cells] = rng.choice([1, 2, 3, 6, 7, 8, 9], size=len(cells))
            blocks.append(block.reshape(3, 3))
        source = blocks[int(rng.integers(9))]
        source[np.unravel_index(int(rng.choice(np.flatnonzero(source))), (3, 3))] = YELLOW
        rows = [concatenate_horizontal(blocks[i : i + 3], separator_color=GRAY) for i in (0, 3, 6)]
        grid = concatenate_vertical(rows, separator_color=GRAY)
        if 7 <= len(palette(grid)) <= 10:
            return grid
