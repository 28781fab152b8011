"""Red lines cut the grid into empty rooms. The biggest room (or rooms, when tied) is filled with blue and the
smallest room (or rooms) with azure."""

from omniarc.dsl import *


def transform(grid):
    rooms = objects_of_color(find_objects(grid, background=RED), BLACK)
    sizes = [room.size for room in rooms]
    result = paint_objects(grid, [room for room in rooms if room.size == max(sizes)], BLUE)
    return paint_objects(result, [room for room in rooms if room.size == min(sizes)], AZURE)


def generate_input(rng):
    while True:
        height, width = int(rng.integers(11, 19)), int(rng.integers(13, 17))
        grid = make_grid(height, width)
        rooms = [(0, 0, height, width)]
        for _ in range(int(rng.integers(3, 9))):
            top, left, bottom, right = rooms.pop(int(rng.integers(len(rooms))))
            if rng.random() < 0.5 and bottom - top >= 3:
                cut = int(rng.integers(top + 1, bottom - 1))
                grid = fill_box(grid, (cut, left, cut + 1, right), RED)
                rooms += [(top, left, cut, right), (cut + 1, left, bottom, right)]
            elif right - left >= 3:
                cut = int(rng.integers(left + 1, right - 1))
                grid = fill_box(grid, (top, cut, bottom, cut + 1), RED)
                rooms += [(top, left, bottom, cut), (top, cut + 1, bottom, right)]
            else:
                rooms.append((top, left, bottom, right))
        sizes = {(bottom - top) * (right - left) for top, left, bottom, right in rooms}
        if len(sizes) > 1:
            return grid
