"""Objects: find connected shapes, describe them, order and filter them, and relate them to each other.

An ``Object`` is a frozen value: a cropped boolean ``mask``, the grid ``position`` (row, col) of the mask's
top-left cell and ``pixels``, the cropped colour grid (0 outside the mask). Boxes are
``(top, left, bottom, right)`` with bottom and right EXCLUSIVE, like Python slices.

Lists of objects are in READING ORDER: by the top row of the bounding box, then its left column; objects
with the same bounding-box corner are ordered by colour (multi-colour objects: by their first cell in
reading order, non-background objects before background regions).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import ndimage, sparse
from scipy.sparse import csgraph

from .color import background_color
from .geometry import DIRECTIONS, line_runs, separator_lines
from .grid import GridLike, check_cell, check_color, to_grid

__all__ = [
    "Object",
    "find_objects",
    "object_from_mask",
    "bounding_box",
    "objects_of_color",
    "filter_objects",
    "sort_objects",
    "largest_object",
    "smallest_object",
    "object_at",
    "objects_touch",
    "objects_overlap",
    "is_inside",
    "same_shape",
    "touches_border",
    "holes",
    "enclosed_regions",
    "grid_cells",
]

_set = object.__setattr__
#: Neighbourhoods for scipy.ndimage by connectivity (internal): 4 = sides, 8 = sides and corners.
STRUCTURES_2D = {4: ndimage.generate_binary_structure(2, 1), 8: np.ones((3, 3), dtype=bool)}


def check_connectivity(connectivity: Any) -> int:
    """Return 4 or 8 or raise ValueError explaining both (internal helper)."""
    if connectivity not in (4, 8) or isinstance(connectivity, bool):
        raise ValueError(
            f"connectivity must be 4 (sides only) or 8 (sides and corners), got {connectivity!r}"
        )
    return int(connectivity)


_new = object.__new__

# scipy's compiled bounding-box and graph-traversal kernels, called without their Python wrappers (whose
# argument checks would cost more than a typical find_objects call spends in them); `_label_cells` and
# `find_objects` pass arguments those checks would accept: a 2-D int32 label array; the int32 row
# pointers and neighbour indices of a valid CSR graph (`_neighbour_table`) and an int32 label output.
try:
    from scipy.ndimage._nd_image import find_objects as _boxes_kernel
except ImportError:  # a scipy that moved it: the public function, same results
    _boxes_kernel = ndimage.find_objects
try:
    from scipy.sparse.csgraph._traversal import _connected_components_undirected as _traversal_kernel
except ImportError:  # a scipy that moved it: `_traverse_public` below
    _traversal_kernel = None

_STEPS = {4: [DIRECTIONS[name] for name in ("up", "down", "left", "right")], 8: list(DIRECTIONS.values())}
_NO_NEIGHBOURS = np.zeros(0, dtype=np.int32)


# Cached for shapes up to ARC's largest (30x30): every ARC-AGI-1 grid shape at both connectivities takes
# 12 MB, the cache at most 62 MB. Larger shapes are built per call.
_CACHED_CELLS = 30 * 30


@functools.lru_cache(maxsize=1024)
def _neighbour_table(height: int, width: int, connectivity: int) -> tuple[np.ndarray, ...]:
    """(cell table, node table, row pointers, empty row pointers) of the grid graph of a shape (internal).

    ``cell_table[cell]`` lists the flat indices of the cell's neighbours, the cell itself where a step would
    leave the grid. The graph's node 0 is an extra node without edges, so that cell ``c`` is node ``c + 1``
    (``node_table = cell_table + 1``) and its label counts from 1; the row pointers make it a fixed-degree
    CSR graph.
    """
    steps = _STEPS[connectivity]
    cells = np.arange(height * width, dtype=np.int32)
    rows, cols = np.divmod(cells, width)
    cell_table = np.empty((cells.size, len(steps)), dtype=np.int32)
    for column, (drow, dcol) in enumerate(steps):
        row, col = rows + drow, cols + dcol
        inside = (row >= 0) & (row < height) & (col >= 0) & (col < width)
        cell_table[:, column] = np.where(inside, row * width + col, cells)
    node_table = cell_table + 1
    row_pointers = np.concatenate(([0], np.arange(0, cell_table.size + 1, len(steps)))).astype(np.int32)
    no_row_pointers = np.zeros(row_pointers.size, dtype=np.int32)
    for array in (cell_table, node_table, row_pointers, no_row_pointers):
        array.flags.writeable = False
    return cell_table, node_table, row_pointers, no_row_pointers


def _traverse_public(node_table: np.ndarray, joined: np.ndarray, labels: np.ndarray) -> int:
    """``_traversal_kernel``'s labels through scipy's public function (slower: validates, transposes)."""
    row_pointers = np.concatenate(([0, 0], np.cumsum(joined.sum(axis=1))))
    edges = node_table[joined]
    graph = sparse.csr_array((np.ones(edges.size, dtype=bool), edges, row_pointers), shape=(labels.size,) * 2)
    count, labels[:] = csgraph.connected_components(graph, directed=False)
    return int(count)


def _label_cells(values: np.ndarray, connectivity: int) -> tuple[np.ndarray, list[Any]]:
    """Label the connected regions of equal values of a 2-D array in one pass over all values (internal).

    Returns (labels, region_values): int32 labels of the array's shape numbering the regions 1..n in the
    reading order of their first cell, and the value of region ``label`` at ``region_values[label - 1]``.
    One graph traversal serves every value, where ``ndimage.label`` needs one boolean layer per value.
    """
    tables = _neighbour_table if values.size <= _CACHED_CELLS else _neighbour_table.__wrapped__
    cell_table, node_table, row_pointers, no_row_pointers = tables(*values.shape, connectivity)
    flat = values.reshape(-1)
    # faster than comparing with flat[:, None], which broadcasts along the short rows
    joined = flat.take(cell_table) == flat.repeat(cell_table.shape[1]).reshape(cell_table.shape)
    node_labels = np.empty(flat.size + 1, dtype=np.int32)
    if _traversal_kernel is None:
        count = _traverse_public(node_table, joined, node_labels)
    else:
        # A step that does not join points at node 0 instead: the traversal labels node 0 first, so that
        # extra edge never joins anything. (int32 * int32 is faster than int32 * bool.)
        edges = (node_table * joined.astype(np.int32)).reshape(-1)
        count = _traversal_kernel(edges, row_pointers, _NO_NEIGHBOURS, no_row_pointers, node_labels)
    labels = node_labels[1:]
    region_values = np.empty(count, dtype=values.dtype)
    region_values.put(labels, flat)
    return labels.reshape(values.shape), region_values[1:].tolist()


def _fill(obj: Object, top: int, left: int, mask: np.ndarray, pixels: np.ndarray) -> Object:
    """Set an object's position, tight mask and pixels (made read-only) and return it (internal)."""
    mask.flags.writeable = False
    pixels = pixels.astype(np.int8, copy=False)
    pixels.flags.writeable = False
    _set(obj, "_core", (top, left, mask.shape[0], mask.shape[1], None, None, None, None, None))
    _set(obj, "_mask", mask)
    _set(obj, "_pixels", pixels)
    return obj


class Object:
    """A frozen shape: cropped bool ``mask``, grid ``position`` (row, col) and cropped colour grid ``pixels``.

    Build one with ``Object(mask, pixels_or_color, position=(0, 0))``; the mask is cropped to its content.
    Equal objects have the same position, mask and colours; objects are hashable. Objects from
    ``find_objects`` compute their mask and pixels on first use (from the shared labelling).
    """

    # _core = (top, left, height, width, labels, window, label, colors, sizes). When labels is None the
    # mask and pixels are stored; otherwise they are computed on first use as labels[window] == label,
    # with colors the single colour (int) or the whole grid (multi-colour); sizes, when not None, is a
    # one-item list shared by the objects of one labelling, filled with every label's size at the first
    # `size` asked for. Other slots are lazy caches.
    __slots__ = ("_core", "_mask", "_pixels", "_color", "_colors", "_size", "_hash")

    def __init__(self, mask: np.ndarray, pixels: GridLike | int, position: tuple[int, int] = (0, 0)) -> None:
        mask_array = np.asarray(mask)
        if mask_array.ndim != 2 or mask_array.dtype != bool:
            raise ValueError(
                f"Object mask must be a 2-D boolean array, got {mask_array.dtype} "
                f"with shape {mask_array.shape}"
            )
        box = _true_box(mask_array)
        if box is None:
            raise ValueError("Object mask must have at least one True cell")
        top, left = check_cell(position, "position")
        first_row, first_col, last_row, last_col = box
        window = (slice(first_row, last_row), slice(first_col, last_col))
        cropped = mask_array[window].copy()
        if isinstance(pixels, int | np.integer) and not isinstance(pixels, bool):
            cropped_pixels = cropped.view(np.int8) * np.int8(check_color(pixels, "color"))
        else:
            colors = to_grid(pixels)
            if colors.shape != mask_array.shape:
                raise ValueError(
                    f"Object pixels shape {colors.shape} must equal mask shape {mask_array.shape}"
                )
            cropped_pixels = np.where(cropped, colors[window], np.int8(0))
        _fill(self, top + first_row, left + first_col, cropped, cropped_pixels)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Object is immutable (cannot set {name!r}); use moved, moved_to or recolored")

    # --- stored values -------------------------------------------------------------------------------
    @property
    def mask(self) -> np.ndarray:
        """Read-only boolean array (height x width), True on the object's cells."""
        try:
            return self._mask
        except AttributeError:
            _, _, _, _, labels, window, label, _, _ = self._core
            mask = labels[window] == label
            mask.flags.writeable = False
            _set(self, "_mask", mask)
            return mask

    @property
    def pixels(self) -> np.ndarray:
        """Read-only cropped colour grid (height x width); cells outside the mask hold 0."""
        try:
            return self._pixels
        except AttributeError:
            window, colors = self._core[5], self._core[7]
            if isinstance(colors, int):
                pixels = self.mask.view(np.int8) * np.int8(colors)
            else:
                pixels = np.where(self.mask, colors[window], np.int8(0))
            pixels.flags.writeable = False
            _set(self, "_pixels", pixels)
            return pixels

    @property
    def position(self) -> tuple[int, int]:
        """(row, col) of the bounding box's top-left cell in the grid."""
        return (self._core[0], self._core[1])

    # --- derived properties --------------------------------------------------------------------------
    @property
    def top(self) -> int:
        """Row of the bounding box's top edge."""
        return self._core[0]

    @property
    def left(self) -> int:
        """Column of the bounding box's left edge."""
        return self._core[1]

    @property
    def height(self) -> int:
        """Number of rows of the bounding box."""
        return self._core[2]

    @property
    def width(self) -> int:
        """Number of columns of the bounding box."""
        return self._core[3]

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right) with bottom and right EXCLUSIVE: ``grid[top:bottom, left:right]``."""
        return (self._core[0], self._core[1], self._core[0] + self._core[2], self._core[1] + self._core[3])

    @property
    def size(self) -> int:
        """Number of cells."""
        try:
            return self._size
        except AttributeError:
            sizes = self._core[8]
            if sizes is None:
                _set(self, "_size", int(np.count_nonzero(self.mask)))
            else:
                if sizes[0] is None:  # one count over the shared labelling serves every object of it
                    sizes[0] = np.bincount(self._core[4].reshape(-1)).tolist()
                _set(self, "_size", sizes[0][self._core[6]])
            return self._size

    @property
    def color(self) -> int:
        """The object's colour; for multi-colour objects the most common one (ties: smallest colour)."""
        try:
            return self._color
        except AttributeError:
            if isinstance(self._core[7], int):
                color = self._core[7]
            else:
                color = int(np.bincount(self.pixels[self.mask].view(np.uint8), minlength=10).argmax())
            _set(self, "_color", color)
            return color

    @property
    def colors(self) -> list[int]:
        """Distinct colours of the object's cells, sorted ascending."""
        try:
            return list(self._colors)
        except AttributeError:
            counts = np.bincount(self.pixels[self.mask].view(np.uint8), minlength=10)
            _set(self, "_colors", tuple(np.flatnonzero(counts).tolist()))
            return list(self._colors)

    @property
    def cells(self) -> list[tuple[int, int]]:
        """Grid (row, col) of every cell, in reading order."""
        rows, cols = np.nonzero(self.mask)
        return list(zip((rows + self._core[0]).tolist(), (cols + self._core[1]).tolist(), strict=True))

    @property
    def center(self) -> tuple[float, float]:
        """(row, col) of the bounding box centre; .5 values when the side is even."""
        return (self._core[0] + (self._core[2] - 1) / 2, self._core[1] + (self._core[3] - 1) / 2)

    @property
    def is_rectangle(self) -> bool:
        """True when the object fills its whole bounding box."""
        return self.size == self._core[2] * self._core[3]

    # --- new objects ---------------------------------------------------------------------------------
    def moved(self, drow: int, dcol: int) -> Object:
        """Return the same object shifted by (drow, dcol)."""
        drow, dcol = check_cell((drow, dcol), "(drow, dcol)")
        return _fill(_new(Object), self.top + drow, self.left + dcol, self.mask, self.pixels)

    def moved_to(self, row: int, col: int) -> Object:
        """Return the same object with its bounding box's top-left cell at (row, col)."""
        row, col = check_cell((row, col), "(row, col)")
        return _fill(_new(Object), row, col, self.mask, self.pixels)

    def recolored(self, color: int) -> Object:
        """Return the same shape with every cell in ``color``."""
        color = check_color(color)
        return _fill(
            _new(Object), self.top, self.left, self.mask, np.where(self.mask, np.int8(color), np.int8(0))
        )

    def rotated(self, quarter_turns: int = 1) -> Object:
        """Return the object rotated counter-clockwise (like ``rotate``), keeping its top-left position."""
        return _fill(
            _new(Object),
            self.top,
            self.left,
            np.rot90(self.mask, quarter_turns).copy(),
            np.rot90(self.pixels, quarter_turns).copy(),
        )

    def flipped_horizontal(self) -> Object:
        """Return the object mirrored left-right, keeping its top-left position."""
        return _fill(
            _new(Object), self.top, self.left, self.mask[:, ::-1].copy(), self.pixels[:, ::-1].copy()
        )

    def flipped_vertical(self) -> Object:
        """Return the object mirrored upside down, keeping its top-left position."""
        return _fill(_new(Object), self.top, self.left, self.mask[::-1].copy(), self.pixels[::-1].copy())

    def as_grid(self, background: int = 0) -> np.ndarray:
        """Return the object's bounding box as a new grid, ``background`` outside the mask."""
        return np.where(self.mask, self.pixels, np.int8(check_color(background, "background")))

    # --- value semantics -----------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Object):
            return NotImplemented
        return (
            self._core[:4] == other._core[:4]
            and bool(np.array_equal(self.mask, other.mask))
            and bool(np.array_equal(self.pixels, other.pixels))
        )

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            key = (*self._core[:4], self.mask.tobytes(), self.pixels.tobytes())
            _set(self, "_hash", hash(key))
            return self._hash

    def __repr__(self) -> str:
        return f"Object(color={self.color}, size={self.size}, bbox={self.bbox})"


_MAX_SIDE = 1 << 16  # reading-order key: top * _MAX_SIDE + left
_set_core = Object._core.__set__  # the slot's own setter: skips Object.__setattr__ (which refuses)


def _resolve_background(array: np.ndarray, background: Any) -> int | None:
    if background is None:
        return None
    if isinstance(background, str):
        if background != "auto":
            raise ValueError(f"background must be a colour 0..9, None or 'auto', got {background!r}")
        return background_color(array)
    return check_color(background, "background")


def find_objects(
    grid: GridLike,
    *,
    connectivity: int = 4,
    single_color: bool = True,
    background: int | str | None = 0,
    include_background: bool = False,
) -> list[Object]:
    """Return the connected shapes of the grid in reading order.

    connectivity: 4 joins side neighbours, 8 also corner neighbours. single_color=True splits shapes by
    colour; False joins touching cells of any non-background colour. background: a colour, "auto"
    (``background_color``) or None (every colour is foreground). include_background=True also returns
    the background regions as objects.
    """
    array = to_grid(grid)
    connectivity = check_connectivity(connectivity)
    background = _resolve_background(array, background)
    # One labelling of all cells by a key: the colour (single_color), else True for background cells and
    # False for the others. Regions whose key is `left_out` are background the caller did not ask for.
    # Single-colour objects store their colour; multi-colour ones the grid they read their pixels from.
    if single_color:
        keys = array
        left_out = background if background is not None and not include_background else None
    else:
        pixel_source = array.copy() if array.flags.writeable else array  # read later by the objects
        keys = np.zeros(array.shape, dtype=bool) if background is None else array == background
        left_out = True if background is not None and not include_background else None
    labels, region_keys = _label_cells(keys, connectivity)
    sources = region_keys if single_color else itertools.repeat(pixel_source)
    sizes: list[Any] = [None]  # every object's size, counted for all at the first one asked for
    objects, order = [], []
    new_object, set_core, append_object, append_order = _new, _set_core, objects.append, order.append
    windows = _boxes_kernel(labels, len(region_keys))
    for label, window, key, source in zip(itertools.count(1), windows, region_keys, sources):
        if key == left_out:
            continue
        row_slice, col_slice = window
        top, left = row_slice.start, col_slice.start
        obj = new_object(Object)
        set_core(
            obj,
            (top, left, row_slice.stop - top, col_slice.stop - left, labels, window, label, source, sizes),
        )
        append_object(obj)
        # reading order, then the colour (single colour) or non-background first (multi-colour)
        append_order((top * _MAX_SIDE + left) * 16 + key)
    if order == sorted(order):
        return objects
    # labels follow the reading order of each region's first cell; the stable sort keeps it among ties
    return [objects[index] for index in sorted(range(len(objects)), key=order.__getitem__)]


def object_from_mask(grid: GridLike, mask: np.ndarray) -> Object:
    """Return the Object made of the grid's cells where the full-size boolean ``mask`` is True."""
    array = to_grid(grid)
    mask_array = np.asarray(mask)
    if mask_array.shape != array.shape or mask_array.dtype != bool:
        raise ValueError(
            f"mask must be a boolean array of the grid's shape {array.shape}, "
            f"got {mask_array.dtype} {mask_array.shape}"
        )
    return Object(mask_array, array)


_any_along = np.logical_or.reduce  # the ufunc itself: skips ndarray.any's Python-level wrapper


def _true_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """``bounding_box`` of a 2-D array, or None when no cell is set (internal)."""
    rows = _any_along(mask, axis=1).nonzero()[0]
    if rows.size == 0:
        return None
    cols = _any_along(mask, axis=0).nonzero()[0]
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def bounding_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    """Return (top, left, bottom, right), bottom/right exclusive, of the True cells of a boolean grid."""
    mask_array = np.asarray(mask)
    if mask_array.ndim != 2:
        raise ValueError(f"bounding_box needs a 2-D boolean mask, got shape {mask_array.shape}")
    box = _true_box(mask_array)
    if box is None:
        raise ValueError("bounding_box: the mask has no True cell")
    return box


def _check_objects(objects: Any, what: str) -> list[Object]:
    objects = list(objects)
    for obj in objects:
        if not isinstance(obj, Object):
            raise ValueError(f"{what} expects a list of Object, got an item of type {type(obj).__name__}")
    return objects


def objects_of_color(objects: Sequence[Object], color: int) -> list[Object]:
    """Keep the objects whose ``color`` (main colour) is ``color``, in the given order."""
    color = check_color(color)
    return [obj for obj in _check_objects(objects, "objects_of_color") if obj.color == color]


def filter_objects(
    objects: Sequence[Object],
    *,
    color: int | None = None,
    size: int | None = None,
    min_size: int | None = None,
    max_size: int | None = None,
    height: int | None = None,
    width: int | None = None,
) -> list[Object]:
    """Keep the objects matching every given criterion (main colour, exact/min/max size, height, width)."""
    if color is not None:
        color = check_color(color)
    return [
        obj
        for obj in _check_objects(objects, "filter_objects")
        if (color is None or obj.color == color)
        and (size is None or obj.size == size)
        and (min_size is None or obj.size >= min_size)
        and (max_size is None or obj.size <= max_size)
        and (height is None or obj.height == height)
        and (width is None or obj.width == width)
    ]


_SORT_KEYS: dict[str, Callable[[Object], Any]] = {
    "size": lambda obj: obj.size,
    "color": lambda obj: obj.color,
    "top": lambda obj: obj.top,
    "left": lambda obj: obj.left,
    "bottom": lambda obj: obj.bbox[2],
    "right": lambda obj: obj.bbox[3],
    "height": lambda obj: obj.height,
    "width": lambda obj: obj.width,
    "reading_order": lambda obj: obj.position,
    "column_order": lambda obj: (obj.left, obj.top),
}


def sort_objects(
    objects: Sequence[Object], by: str | Callable[[Object], Any] = "size", *, descending: bool = False
) -> list[Object]:
    """Sort by a key name (size, color, top, left, height, width, ...) or a function; ties keep their order.

    Key names: "size", "color", "top", "left", "bottom", "right", "height", "width", "reading_order"
    (top, then left) and "column_order" (left, then top).
    """
    objects = _check_objects(objects, "sort_objects")
    if isinstance(by, str):
        if by not in _SORT_KEYS:
            raise ValueError(
                f"sort_objects: by must be one of {', '.join(_SORT_KEYS)} or a function, got {by!r}"
            )
        key = _SORT_KEYS[by]
    elif callable(by):
        key = by
    else:
        raise ValueError(f"sort_objects: by must be a key name or a function, got {by!r}")
    return sorted(objects, key=key, reverse=descending)


def largest_object(objects: Sequence[Object]) -> Object:
    """Return the object with the most cells; among ties the first in the given (reading) order."""
    objects = _check_objects(objects, "largest_object")
    if not objects:
        raise ValueError("largest_object: the list of objects is empty")
    return max(objects, key=lambda obj: obj.size)


def smallest_object(objects: Sequence[Object]) -> Object:
    """Return the object with the fewest cells; among ties the first in the given (reading) order."""
    objects = _check_objects(objects, "smallest_object")
    if not objects:
        raise ValueError("smallest_object: the list of objects is empty")
    return min(objects, key=lambda obj: obj.size)


def object_at(objects: Sequence[Object], cell: tuple[int, int]) -> Object | None:
    """Return the first object having the grid cell (row, col), or None if no object covers it."""
    row, col = check_cell(cell)
    for obj in _check_objects(objects, "object_at"):
        top, left, bottom, right = obj.bbox
        if top <= row < bottom and left <= col < right and obj.mask[row - top, col - left]:
            return obj
    return None


def _common_frame(first: Object, second: Object, margin: int) -> tuple[np.ndarray, np.ndarray]:
    """Paint both masks into one shared frame with ``margin`` empty cells around (internal)."""
    top = min(first.top, second.top) - margin
    left = min(first.left, second.left) - margin
    bottom = max(first.bbox[2], second.bbox[2]) + margin
    right = max(first.bbox[3], second.bbox[3]) + margin
    frames = []
    for obj in (first, second):
        frame = np.zeros((bottom - top, right - left), dtype=bool)
        frame[obj.top - top : obj.top - top + obj.height, obj.left - left : obj.left - left + obj.width] = (
            obj.mask
        )
        frames.append(frame)
    return frames[0], frames[1]


def objects_overlap(first: Object, second: Object) -> bool:
    """Return True when the two objects share at least one cell."""
    _check_objects((first, second), "objects_overlap")
    first_frame, second_frame = _common_frame(first, second, 0)
    return bool((first_frame & second_frame).any())


def objects_touch(first: Object, second: Object, *, diagonal: bool = False) -> bool:
    """Return True when a cell of one is a side neighbour (corner too with diagonal=True) of the other."""
    _check_objects((first, second), "objects_touch")
    first_frame, second_frame = _common_frame(first, second, 1)
    grown = ndimage.binary_dilation(first_frame, STRUCTURES_2D[8 if diagonal else 4])
    return bool((grown & second_frame).any())


def is_inside(inner: Object, outer: Object) -> bool:
    """Return True when inner's bounding box lies strictly within outer's (no shared edge row or column)."""
    _check_objects((inner, outer), "is_inside")
    inner_box, outer_box = inner.bbox, outer.bbox
    return (
        inner_box[0] > outer_box[0]
        and inner_box[1] > outer_box[1]
        and inner_box[2] < outer_box[2]
        and inner_box[3] < outer_box[3]
    )


def same_shape(
    first: Object, second: Object, *, allow_rotation: bool = False, allow_flip: bool = False
) -> bool:
    """Return True when the masks are equal up to position (and rotation / mirroring when allowed)."""
    _check_objects((first, second), "same_shape")
    candidates = [second.mask]
    if allow_flip:
        candidates.append(second.mask[:, ::-1])
    if allow_rotation:
        candidates = [np.rot90(mask, turns) for mask in candidates for turns in range(4)]
    return any(mask.shape == first.mask.shape and np.array_equal(mask, first.mask) for mask in candidates)


def touches_border(obj: Object, grid: GridLike) -> bool:
    """Return True when the object has a cell on the edge of ``grid`` (a grid or its (height, width))."""
    _check_objects((obj,), "touches_border")
    if isinstance(grid, tuple) and len(grid) == 2:
        height, width = check_cell(grid, "grid shape")
    else:
        height, width = to_grid(grid).shape
    top, left, bottom, right = obj.bbox
    return top <= 0 or left <= 0 or bottom >= height or right >= width


def _regions_off_border(free: np.ndarray, connectivity: int) -> tuple[np.ndarray, list[int]]:
    """Label regions of ``free`` cells and return the labels of those not touching the frame edge."""
    labels, count = ndimage.label(free, STRUCTURES_2D[connectivity])
    edge = set(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]).tolist())
    return labels, [label for label in range(1, count + 1) if label not in edge]


def _region_objects(
    labels: np.ndarray, chosen: list[int], colors: np.ndarray, top: int, left: int
) -> list[Object]:
    slices = ndimage.find_objects(labels)
    objects = []
    for label in chosen:
        row_slice, col_slice = slices[label - 1]
        mask = labels[row_slice, col_slice] == label
        pixels = np.where(mask, colors[row_slice, col_slice], np.int8(0))
        objects.append(_fill(_new(Object), top + row_slice.start, left + col_slice.start, mask, pixels))
    objects.sort(key=lambda obj: obj.position)
    return objects


def holes(obj: Object) -> list[Object]:
    """Return the object's holes: regions of non-object cells (side-connected) enclosed by the object.

    Holes carry colour 0 (they are the object's absence); recolour them with ``recolored``.
    """
    _check_objects((obj,), "holes")
    free = np.ones((obj.height + 2, obj.width + 2), dtype=bool)  # the mask's complement, framed
    free[1:-1, 1:-1] = ~obj.mask
    labels, chosen = _regions_off_border(free, 4)
    if not chosen:
        return []
    return _region_objects(labels, chosen, np.zeros(free.shape, np.int8), obj.top - 1, obj.left - 1)


def enclosed_regions(grid: GridLike, *, background: int = 0, connectivity: int = 4) -> list[Object]:
    """Return the background regions that do not reach the grid's edge (enclosed areas), in reading order."""
    array = to_grid(grid)
    background = check_color(background, "background")
    labels, chosen = _regions_off_border(array == background, check_connectivity(connectivity))
    return _region_objects(labels, chosen, array, 0, 0)


def grid_cells(grid: GridLike, *, line_color: int | None = None) -> list[Object]:
    """Return the rectangular parts between separator lines (full rows/cols of ``line_color``, auto if None).

    Each part is a rectangular multi-colour Object (``position`` = its top-left, ``to_grid()`` = its
    content), in reading order.
    """
    array = to_grid(grid)
    if line_color is not None:
        line_color = check_color(line_color, "line_color")
    _, row_is_line, col_is_line = separator_lines(array, line_color)
    if array.flags.writeable:
        array = array.copy()  # the parts read their pixels from it later
    everywhere = np.ones(array.shape, dtype=np.int32)  # one label covering every part: masks all True
    cells = []
    for row_start, row_stop in line_runs(row_is_line):
        for col_start, col_stop in line_runs(col_is_line):
            window = (slice(row_start, row_stop), slice(col_start, col_stop))
            size = (row_stop - row_start, col_stop - col_start)
            obj = _new(Object)
            _set(obj, "_core", (row_start, col_start, *size, everywhere, window, 1, array, None))
            cells.append(obj)
    return cells
