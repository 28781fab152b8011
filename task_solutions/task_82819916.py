"""One row shows a full two-colour pattern; other rows only start it, in their own two colours. Each
started row is completed by continuing the full row's pattern with its own colours swapped in."""

from omniarc.dsl import *


def transform(grid):
    full = next(row for row in grid if count_color([row], BLACK) == 0)
    result = copy_grid(grid)
    for index, row in enumerate(grid):
        if 0 < count_color([row], BLACK) < len(row):
            colors = {int(full[col]): int(row[col]) for col in range(len(row)) if row[col] != BLACK}
            result[index] = [colors[int(color)] for color in full]
    return result


def generate_input(rng):
    width = int(rng.integers(8, 11))
    colors = [1, 2, 3, 4, 5, 6, 8]
    while True:
        pattern = rng.integers(0, 2, size=width)
        if pattern[0] == 0 and 1 in pattern[1:3] and 2 <= sum(pattern) <= width - 2:
            break
    start = list(pattern).index(1) + 1
    rows = [1]
    while rows[-1] + 3 < 13 and (len(rows) < 2 or rng.random() < 0.7):
        rows.append(rows[-1] + int(rng.integers(2, 4)))
    grid = make_grid(min(14, max(6, rows[-1] + int(rng.integers(2, 4)))), width)
    first = rng.choice(colors, size=4, replace=False)
    for index, row in enumerate(rows):
        pair = first[2 * index : 2 * index + 2] if index < 2 else rng.choice(colors, size=2, replace=False)
        line = [int(pair[bit]) for bit in pattern]
        grid[row] = line if index == 0 else line[:start] + [0] * (width - start)
    return grid
