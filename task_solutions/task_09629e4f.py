"""Grey lines cut the grid into 3x3 blocks of scattered colours; the block with the fewest coloured cells is a
map: each block of the output is filled with the colour at the matching position of that map (black stays)."""

from omniarc.dsl import *


def transform(grid):
    blocks = grid_cells(grid)
    background = most_common_color(crop(grid, blocks[0]))
    emptiest = max(blocks, key=lambda block: count_color(crop(grid, block), background))
    result = copy_grid(grid)
    for block, color in zip(blocks, crop(grid, emptiest).ravel(), strict=True):
        result = fill_box(result, block, color)
    return result


def random_block(rng, colors):
    """A 3x3 block with each colour once at a random position, black elsewhere."""
    cells = [BLACK] * (9 - len(colors)) + list(colors)
    return rng.permutation(cells).reshape(3, 3)


def generate_input(rng):
    special = int(rng.integers(0, 9))
    blocks = [random_block(rng, [2, 3, 4, 6] if index == special else [2, 3, 4, 6, 8]) for index in range(9)]
    rows = [concatenate_horizontal(blocks[row * 3 : row * 3 + 3], separator_color=GRAY) for row in range(3)]
    return concatenate_vertical(rows, separator_color=GRAY)
