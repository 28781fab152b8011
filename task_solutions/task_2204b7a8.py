"""Two opposite edges of the grid are full lines of two colours; every green cell takes the colour of the
line it is closer to."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the two edge lines may have any colours other than green"}


def transform(grid):
    vertical = grid[0, 0] == grid[-1, 0]
    lines = grid if vertical else transpose(grid)
    half = lines.shape[1] / 2
    result = copy_grid(lines)
    for row, col in object_from_mask(lines, lines == GREEN).cells:
        result[row, col] = lines[row, 0] if col < half else lines[row, -1]
    return result if vertical else transpose(result)


def generate_input(rng):
    first, second = rng.choice([c for c in range(1, 10) if c != GREEN], size=2, replace=False)
    grid = make_grid(10, 10)
    grid[:, 0], grid[:, -1] = first, second
    for _ in range(int(rng.integers(4, 10))):
        grid[rng.integers(0, 10), rng.integers(1, 9)] = GREEN
    return grid if rng.random() < 0.5 else transpose(grid)
