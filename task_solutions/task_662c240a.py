"""Three 3x3 blocks are stacked; the output is the only block that is not mirror-symmetric about its main
diagonal."""

import numpy as np
from omniarc.dsl import *


def transform(grid):
    return next(block for block in split_grid(grid, rows=3) if not is_symmetric(block, "diagonal"))


def random_two_color_block(rng, colors, symmetric):
    while True:
        block = rng.choice(colors, size=(3, 3)).astype(np.int8)
        if symmetric:
            block = np.where(np.triu(np.ones((3, 3), dtype=bool)), block, block.T).astype(np.int8)
        if len(palette(block)) == 2 and is_symmetric(block, "diagonal") == symmetric:
            return block


def generate_input(rng):
    colors = rng.choice(np.arange(1, 10), size=(3, 2), replace=False)
    odd = int(rng.integers(3))
    return concatenate_vertical([random_two_color_block(rng, colors[i], i != odd) for i in range(3)])
