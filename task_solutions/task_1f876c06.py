"""Each colour appears on two cells lying on a common diagonal; join each pair with a diagonal line of its
colour."""

from omniarc.dsl import *

GENERATOR_EXEMPTIONS = {"colors": "the pairs may have any colours"}


def transform(grid):
    background = background_color(grid)
    result = copy_grid(grid)
    for color in [color for color in palette(grid) if color != background]:
        start, end = object_from_mask(grid, grid == color).cells
        result = draw_segment(result, start, end, color)
    return result


def generate_input(rng):
    grid = make_grid(10, 10)
    taken = set()
    for color in rng.permutation(range(1, 10))[: rng.integers(3, 5)]:
        for _ in range(100):
            length = int(rng.integers(2, 10))
            row, col = int(rng.integers(0, 10 - length)), int(rng.integers(0, 10 - length))
            step = int(rng.choice([-1, 1]))
            col = col + length if step < 0 else col
            cells = [(row + k, col + step * k) for k in range(length + 1)]
            near = {(r + dr, c + dc) for r, c in cells for dr in (-1, 0, 1) for dc in (-1, 0, 1)}
            if not near & taken:
                taken |= set(cells)
                grid[cells[0]] = grid[cells[-1]] = color
                break
    return grid
