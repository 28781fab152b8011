"""The coloured rectangle is cut out of the black grid and mirrored left to right."""

from omniarc.dsl import *


def transform(grid):
    return flip_horizontal(crop_to_content(grid))


def generate_input(rng):
    height, width = int(rng.integers(10, 18)), int(rng.integers(15, 18))
    while True:
        rows, cols = int(rng.integers(4, 8)), int(rng.integers(5, 9))
        fill, mark = rng.choice([1, 2, 3, 4, 6, 8], size=2, replace=False)
        card = make_grid(rows, cols, int(fill))
        for _ in range(int(rng.integers(2, 4))):
            row, col = int(rng.integers(rows)), int(rng.integers(cols))
            direction = ["right", "down", "down_right"][int(rng.integers(3))]
            card = draw_line(card, (row, col), direction, int(mark), length=int(rng.integers(1, 4)))
        if not is_symmetric(card, "horizontal") and count_color(card, int(mark)) <= rows * cols // 3:
            top, left = int(rng.integers(0, height - rows + 1)), int(rng.integers(0, width - cols + 1))
            return pad(
                card, top=top, left=left, bottom=height - rows - top, right=width - cols - left, amount=0
            )
