"""One multicoloured shape and several azure copies of its outline are scattered around. Each azure copy
takes on the colours of the multicoloured shape, and the original shape disappears."""

from omniarc.dsl import *


def transform(grid):
    background = background_color(grid)
    shapes = find_objects(grid, single_color=False, background=background)
    template = [shape for shape in shapes if len(shape.colors) > 1][0]
    copies = [template.moved_to(*shape.position) for shape in shapes if len(shape.colors) == 1]
    return paint_objects(make_grid(*grid.shape, background), copies)


def random_template(rng):
    """A side-connected multicoloured shape filling its 2x2 to 3x4 bounding box."""
    while True:
        shape = make_grid(int(rng.integers(2, 4)), int(rng.integers(2, 5)))
        colors = rng.choice([3, 4, 6, 7, 9], size=int(rng.integers(2, 5)), replace=False)
        filled = rng.random(shape.shape) < 0.75
        shape[filled] = rng.choice(colors, size=int(filled.sum()))
        objects = find_objects(shape, single_color=False)
        if len(objects) == 1 and objects[0].bbox == (0, 0, *shape.shape) and len(palette(shape)) > 2:
            return shape


def generate_input(rng):
    template = random_template(rng)
    outline = recolor(template, {color: AZURE for color in palette(template) if color != BLACK})
    while True:
        grid = make_grid(10, 10)
        pieces = [template] + [outline] * int(rng.integers(2, 4))
        for piece in pieces:
            for _ in range(100):
                top = int(rng.integers(0, 11 - piece.shape[0]))
                left = int(rng.integers(0, 11 - piece.shape[1]))
                area = grid[
                    max(top - 1, 0) : top + piece.shape[0] + 1, max(left - 1, 0) : left + piece.shape[1] + 1
                ]
                if not area.any():
                    grid[top : top + piece.shape[0], left : left + piece.shape[1]] = piece
                    break
            else:
                break
        else:
            return grid
