"""Crossing lines of one colour enclose some black areas: every enclosed area is filled with red and
all remaining black background turns green."""

from omniarc.dsl import *


def spaced_positions(rng, count, size):
    """count distinct line positions inside 1..size-2, with at least two cells between neighbours."""
    while True:
        positions = sorted(int(p) for p in rng.choice(range(1, size - 1), size=count, replace=False))
        if all(b - a >= 3 for a, b in zip(positions, positions[1:], strict=False)):
            return positions


def transform(grid):
    return replace_color(fill_enclosed_regions(grid, RED), BLACK, GREEN)


def generate_input(rng):
    height, width = int(rng.integers(22, 25)), int(rng.integers(21, 26))
    color = int(rng.choice([1, 4, 7, 8]))
    while True:
        grid = make_grid(height, width)
        for col in spaced_positions(rng, int(rng.integers(2, 5)), width):
            top = int(rng.integers(0, height // 3))
            grid = draw_segment(grid, (top, col), (int(rng.integers(2 * height // 3, height)), col), color)
        for row in spaced_positions(rng, int(rng.integers(3, 6)), height):
            left = int(rng.integers(0, width // 2))
            grid = draw_segment(grid, (row, left), (row, int(rng.integers(left + width // 3, width))), color)
        if 10 <= count_color(transform(grid), RED) <= height * width // 3:
            return grid
