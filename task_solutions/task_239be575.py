"""Two red 2x2 squares lie among azure cells; the 1x1 output is azure when a side-connected path of azure
cells links the two squares, black otherwise."""

from omniarc.dsl import *


def transform(grid):
    colors = [color for color in palette(grid) if color != BLACK]
    pieces = find_objects(grid)
    squares = [c for c in colors if all(p.size == 4 and p.is_rectangle for p in objects_of_color(pieces, c))]
    path = [color for color in colors if color != squares[0]][0]
    groups = find_objects(grid, connectivity=4, single_color=False)
    with_squares = [group for group in groups if squares[0] in group.colors]
    return make_grid(1, 1, path if len(with_squares) == 1 else BLACK)


def generate_input(rng):
    want_link = rng.random() < 0.5
    while True:
        height, width = int(rng.integers(5, 9)), int(rng.integers(5, 8))
        grid = make_grid(height, width)
        grid[rng.random((height, width)) < rng.uniform(0.25, 0.4)] = AZURE
        corners = [(int(rng.integers(0, height - 1)), int(rng.integers(0, width - 1))) for _ in range(2)]
        (row1, col1), (row2, col2) = corners
        if abs(row1 - row2) < 3 and abs(col1 - col2) < 3:
            continue
        for row, col in corners:
            grid = fill_box(grid, (row, col, row + 2, col + 2), RED)
        if count_color(grid, AZURE) == 0:  # the squares covered every azure cell: no path colour to read
            continue
        if (transform(grid)[0, 0] == AZURE) == want_link:
            return grid
