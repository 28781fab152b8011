"""The four 4x4 quarters are stacked on top of each other, black being see-through: the grey quarter lies
on top, then the magenta, then the maroon, and the yellow one at the bottom."""

from omniarc.dsl import *


def transform(grid):
    yellow, grey, magenta, maroon = split_grid(grid, rows=2, cols=2)
    result = copy_grid(yellow)
    for layer in (maroon, magenta, grey):
        result = paint_mask(result, layer != BLACK, most_common_color(layer, exclude=BLACK))
    return result


def generate_input(rng):
    quarters = [as_grid((rng.random((4, 4)) < rng.uniform(0.3, 0.65)) * color) for color in (4, 5, 6, 9)]
    return concatenate_vertical([concatenate_horizontal(quarters[:2]), concatenate_horizontal(quarters[2:])])
