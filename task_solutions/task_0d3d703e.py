"""Every colour is swapped with its partner: blue and grey, red and magenta, green and yellow, azure and
maroon."""

from omniarc.dsl import *


def transform(grid):
    result = grid
    for first, second in [(BLUE, GRAY), (RED, MAGENTA), (GREEN, YELLOW), (AZURE, MAROON)]:
        result = swap_colors(result, first, second)
    return result


def generate_input(rng):
    colors = rng.choice([BLUE, RED, GREEN, YELLOW, GRAY, MAGENTA, AZURE, MAROON], size=3, replace=False)
    return tile([colors], 3, 1)
