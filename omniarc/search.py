"""Model-free program synthesis: search compositions of DSL transformations that reproduce a task.

A *step* is one transformation of a grid, written as a few lines of DSL code that read and reassign
``grid``. Search enumerates sequences of steps, cheapest first (uniform-cost search up to a depth), with
arguments drawn from what the task shows: its colours, separator lines, and the ratios between the
current grids' shapes and the output shapes. Two partial programs that give the same grids on every
train input are one (observational equivalence). After every new state, *finishers* try to close the
gap to the train outputs in one step inferred from them: nothing left to do, a colour map, recolouring
objects by a property (size, rank, holes, ...), a pattern stamped round cells of a colour, local rules
(a cell's new colour from its neighbourhood), or an output (or its one colour) looked up by a property
of the grid. Cheap necessary conditions cut the space: the last step must be able to give the output's
shape, steps take only colours the task shows, and cell-level finishers run only near the root.

Found programs are ordinary program sources (``def transform(grid): ...``) using only DSL names and
``np``; each is re-run in-process on the train pairs before it is returned.

    from omniarc.search import search_programs
    programs = search_programs(task, time_budget=5.0)

``random_program_task`` draws random compositions of the same steps to make synthetic tasks with a
known program (the ``search`` source of ``omniarc generate-pairs``).
"""

from __future__ import annotations

import functools
import heapq
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

import omniarc.dsl as dsl
from omniarc.errors import OmniarcError
from omniarc.tasks import Task

SAME, TURNED, OTHER = "same", "turned", "other"  # what a step does to the grid's shape
COLOR_NAMES = tuple(color.name for color in dsl.Color)
MAX_SIDE = 30
DEFAULT_DEPTH = 3
MAX_PROGRAMS = 8
EXTRA_COST = 1.5  # after a first solution, keep expanding states up to this much dearer (more attempts)
EXTRA_NODES = 2000  # ... and for at most this many step applications more than it took to find it
MAX_LINE_CELLS = 12  # lines are drawn from at most this many cells per grid
LOCAL_DEPTH = 1  # cell-level finishers (stamps, local rules) only after at most this many steps
MAX_RULES = 24  # local rules: at most this many neighbourhood -> colour entries
MIN_SUPPORT = 2  # ... resting on at least this many changed train cells per entry, on average
UNSEEN_PENALTY = 3.0  # extra cost of a table-driven finisher whose table misses something a test input shows
CLOCK_SECONDS = 0.02  # read the CPU clock (a slow system call on some machines) at most this often


class SearchError(OmniarcError):
    """A search that cannot run as asked: bad budget or depth, or no valid random program in the attempts."""


# ---------------------------------------------------------------------------------------------------------
# Steps and their code


@dataclass(frozen=True, eq=False)
class Step:
    """One transformation: DSL code lines that read and reassign ``grid``, and a function doing the same.

    ``shape`` says what the step does to the grid's shape (SAME, TURNED = height and width swapped, or
    OTHER); ``root_only`` steps apply to the task's inputs only (they are slow or only mean something
    there); ``guard`` refuses grids a step would be too slow on."""

    lines: tuple[str, ...]
    cost: float
    shape: str = OTHER
    fast: Callable[[np.ndarray], np.ndarray] | None = None
    root_only: bool = False
    guard: Callable[[np.ndarray], bool] | None = None

    @functools.cached_property
    def run(self) -> Callable[[np.ndarray], np.ndarray]:
        """The step as a function of one grid: the fast numpy version, or its own code compiled."""
        return self.fast if self.fast is not None else _compile(self.lines)

    @property
    def code(self) -> str:
        """The step's lines as one block of code."""
        return "\n".join(self.lines)


def color_name(color: int) -> str:
    """The DSL constant naming an ARC colour (``RED`` for 2)."""
    return COLOR_NAMES[int(color)]


def _colors_in(grids: Iterable[np.ndarray]) -> set[int]:
    """Every colour that appears in any of the grids."""
    return set().union(*map(dsl.palette, grids))


def _background_argument(background: int) -> str:
    return "" if background == 0 else f", background={color_name(background)}"


def render_program(steps: Sequence[Step]) -> str:
    """The program (contract 1) applying steps in order: one block of lines per step, then the result."""
    body = [line for step in steps for line in step.lines]
    if body and body[-1].startswith("grid = "):
        body[-1] = "return " + body[-1][len("grid = ") :]
    else:
        body.append("return grid")
    return "def transform(grid):\n" + "\n".join("    " + line for line in body) + "\n"


def _plain_namespace() -> dict[str, Any]:
    """Globals a program sees: every public DSL name and ``np``."""
    namespace: dict[str, Any] = {name: getattr(dsl, name) for name in dsl.__all__}
    namespace["np"] = np
    return namespace


_CACHE_LIMIT = 50_000
_memo: dict[Any, Any] = {}


def _memoized(function: Callable[..., Any]) -> Callable[..., Any]:
    """The same pure DSL function, remembering its result per (grid, arguments) within a search."""

    def wrapper(grid: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(grid, np.ndarray):
            subject: Any = (grid.shape, grid.dtype.char, grid.tobytes())
        elif isinstance(grid, dsl.Object):
            subject = grid
        else:
            return function(grid, *args, **kwargs)
        key = (function.__name__, subject, args, tuple(sorted(kwargs.items())))
        if key not in _memo:
            if len(_memo) > _CACHE_LIMIT:
                _memo.clear()
            _memo[key] = function(grid, *args, **kwargs)
        return _memo[key]

    return wrapper


# Steps run in this namespace: the real DSL, with the pure, costly analyses remembered per grid.
_STEP_NAMESPACE = _plain_namespace()
for _name in ("find_objects", "complete_symmetry", "complete_tiling", "split_by_lines", "holes"):
    _STEP_NAMESPACE[_name] = _memoized(getattr(dsl, _name))


@functools.lru_cache(maxsize=4096)
def _compile(lines: tuple[str, ...]) -> Callable[[np.ndarray], np.ndarray]:
    source = "def step(grid):\n" + "".join(f"    {line}\n" for line in lines) + "    return grid\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<search step>", "exec"), _STEP_NAMESPACE, namespace)
    return namespace["step"]


def _step(lines: str | Sequence[str], cost: float, shape: str = OTHER, **options: Any) -> Step:
    return Step((lines,) if isinstance(lines, str) else tuple(lines), cost, shape, **options)


# ---------------------------------------------------------------------------------------------------------
# What a task shows


@dataclass(frozen=True)
class TaskFacts:
    """What a task shows, from which search draws step arguments.

    ``marker_colors`` are in every train input and in no train output (cells to fill in);
    ``fill_colors``: each train output differs from its input only on cells of that colour;
    ``line_colors`` form a full row or column in every train input (separators)."""

    background: int
    input_colors: tuple[int, ...]
    output_colors: tuple[int, ...]
    marker_colors: tuple[int, ...] = ()
    line_colors: tuple[int, ...] = ()
    fill_colors: tuple[int, ...] = ()

    @classmethod
    def from_grids(cls, inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray]) -> TaskFacts:
        """Facts of train inputs and outputs (the outputs only give colours)."""
        counts = sum(np.bincount(grid.ravel().astype(np.intp), minlength=10) for grid in inputs)
        background = int(np.argmax(counts))
        input_colors = tuple(int(c) for c in np.flatnonzero(counts))
        output_colors = tuple(sorted(_colors_in(outputs)))
        in_every_input = set(range(10))
        for grid in inputs:
            in_every_input &= set(dsl.palette(grid))
        markers = tuple(sorted(in_every_input - set(output_colors)))
        lines = set(range(10))
        for grid in inputs:
            full_rows = grid[np.all(grid == grid[:, :1], axis=1), 0]
            full_cols = grid[0, np.all(grid == grid[:1, :], axis=0)]
            lines &= {int(c) for c in np.concatenate([full_rows, full_cols])}
        fills: set[int] = set()
        for grid, output in zip(inputs, outputs, strict=False):
            changed = (
                {int(c) for c in np.unique(grid[grid != output])} if grid.shape == output.shape else {-1, -2}
            )
            fills |= changed
        if len(fills) != 1:
            fills = set()
        return cls(
            background, input_colors, output_colors, markers, tuple(sorted(lines)), tuple(sorted(fills))
        )

    @classmethod
    def from_task(cls, task: Task) -> TaskFacts:
        """Facts of a task's train pairs (test inputs add their colours)."""
        facts = cls.from_grids([e.input for e in task.train], [e.output for e in task.train])
        test_colors = _colors_in(e.input for e in task.test)
        return replace(facts, input_colors=tuple(sorted(set(facts.input_colors) | test_colors)))

    @property
    def foreground_inputs(self) -> tuple[int, ...]:
        """Input colours other than the background."""
        return tuple(c for c in self.input_colors if c != self.background)

    @property
    def foreground_outputs(self) -> tuple[int, ...]:
        """Output colours other than the background."""
        return tuple(c for c in self.output_colors if c != self.background)


# ---------------------------------------------------------------------------------------------------------
# The step library: whole-grid geometry, cropping, objects, colours, gravity, symmetry, lines, parts


# The seven non-trivial rotations and mirrors of the whole grid (two in a row make one of them).
GEOMETRY: tuple[Step, ...] = (
    _step("grid = rotate(grid, 1)", 1.0, TURNED, fast=lambda g: np.rot90(g, 1)),
    _step("grid = rotate(grid, 2)", 1.0, SAME, fast=lambda g: np.rot90(g, 2)),
    _step("grid = rotate_clockwise(grid)", 1.0, TURNED, fast=lambda g: np.rot90(g, -1)),
    _step("grid = flip_horizontal(grid)", 1.0, SAME, fast=lambda g: g[:, ::-1]),
    _step("grid = flip_vertical(grid)", 1.0, SAME, fast=lambda g: g[::-1]),
    _step("grid = transpose(grid)", 1.0, TURNED, fast=lambda g: g.T),
    _step("grid = flip_antidiagonal(grid)", 1.0, TURNED, fast=lambda g: g[::-1, ::-1].T),
)


def geometry_steps() -> list[Step]:
    """The seven non-trivial rotations and mirrors of the whole grid."""
    return list(GEOMETRY)


def _content_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.flatnonzero(np.any(mask, axis=1)), np.flatnonzero(np.any(mask, axis=0))
    if rows.size == 0:
        raise ValueError("empty mask")
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def _crop_mask(grid: np.ndarray, mask: np.ndarray, margin: int = 0) -> np.ndarray:
    top, left, bottom, right = _content_box(mask)
    if bottom - top <= 2 * margin or right - left <= 2 * margin:
        raise ValueError("nothing inside the box")
    return grid[top + margin : bottom - margin, left + margin : right - margin]


def crop_steps(facts: TaskFacts) -> list[Step]:
    """Crop to the content, or to the box of one colour (with or without its frame)."""
    background = facts.background
    steps = [
        _step(
            f"grid = crop_to_content(grid{_background_argument(background)})",
            1.0,
            fast=lambda g: _crop_mask(g, g != background),
        )
    ]
    for color in facts.foreground_inputs:
        name = color_name(color)
        steps.append(
            _step(
                f"grid = crop(grid, bounding_box(grid == {name}))",
                2.0,
                fast=lambda g, c=color: _crop_mask(g, g == c),
            )
        )
        steps.append(
            _step(
                (
                    f"top, left, bottom, right = bounding_box(grid == {name})",
                    "grid = crop(grid, (top + 1, left + 1, bottom - 1, right - 1))",
                ),
                2.5,
                fast=lambda g, c=color: _crop_mask(g, g == c, 1),
            )
        )
    return steps


SEGMENTATIONS = ((4, True), (8, True), (4, False), (8, False))


def _find_call(connectivity: int, single_color: bool, background: int) -> str:
    arguments = "".join(
        [
            ", connectivity=8" if connectivity == 8 else "",
            "" if single_color else ", single_color=False",
            _background_argument(background),
        ]
    )
    return f"objects = find_objects(grid{arguments})"


# (extra lines, expression choosing one object of `objects`, for multi-colour objects only)
OBJECT_SELECTORS: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    ((), "largest_object(objects)", False),
    ((), "smallest_object(objects)", False),
    ((), "max(objects, key=lambda shape: shape.height * shape.width)", False),
    ((), "max(objects, key=lambda shape: len(shape.colors))", True),
    (
        ("colors = [shape.color for shape in objects]",),
        "next(shape for shape in objects if colors.count(shape.color) == 1)",
        False,
    ),
    (
        (),
        "next(shape for shape in objects if sum(same_shape(shape, other) for other in objects) == 1)",
        False,
    ),
    (
        ("sizes = [shape.size for shape in objects]",),
        "next(shape for shape in objects if sizes.count(shape.size) == 1)",
        False,
    ),
    ((), "max(objects, key=lambda shape: len(holes(shape)))", False),
    ((), "objects[0]", False),
    ((), "objects[-1]", False),
)


def object_steps(facts: TaskFacts) -> list[Step]:
    """Crop to, keep only, or erase one object chosen by a property; drop specks."""
    background = facts.background
    blank = "np.zeros_like(grid)" if background == 0 else f"np.full_like(grid, {color_name(background)})"
    steps = []
    for connectivity, single_color in SEGMENTATIONS:
        find = _find_call(connectivity, single_color, background)
        extra = 0.0 if (connectivity, single_color) == (8, False) else 0.2
        for index, (pre, choice, multi_only) in enumerate(OBJECT_SELECTORS):
            if multi_only and single_color:
                continue
            rank = 0.05 * index + extra
            steps.append(_step((find, *pre, f"grid = crop(grid, {choice})"), 2.0 + rank))
            steps.append(_step((find, *pre, f"grid = paint_object({blank}, {choice})"), 2.5 + rank, SAME))
            steps.append(
                _step((find, *pre, f"grid = erase_object(grid, {choice}{_background_argument(background)})"),
                      2.5 + rank, SAME)
            )  # fmt: skip
        if single_color:
            steps.append(
                _step(
                    (find, f"grid = paint_objects({blank}, filter_objects(objects, min_size=2))"), 2.5, SAME
                )
            )
    return steps


def color_steps(facts: TaskFacts) -> list[Step]:
    """Erase one colour, keep only one colour, or give its cells the colour of their row's or column's
    first or last cell."""
    background = facts.background
    back = color_name(background)
    steps = []
    for color in facts.foreground_inputs:
        name = color_name(color)
        steps.append(
            _step(
                f"grid = replace_color(grid, {name}, {back})",
                2.0,
                SAME,
                fast=lambda g, c=color: np.where(g == c, np.int8(background), g),
            )
        )
        steps.append(
            _step(
                f"grid = np.where(grid == {name}, {name}, {back})",
                2.0,
                SAME,
                fast=lambda g, c=color: np.where(g == c, np.int8(c), np.int8(background)),
            )
        )
        for source in ("grid[:, :1]", "grid[:, -1:]", "grid[:1]", "grid[-1:]"):
            steps.append(_step(f"grid = np.where(grid == {name}, {source}, grid)", 2.5, SAME))
    for color in facts.foreground_outputs:
        name = color_name(color)
        steps.append(_step(f"grid = np.where(grid == most_common_color(grid), grid, {name})", 2.5, SAME))
    return steps


def _fall(grid: np.ndarray, turns: int, background: int) -> np.ndarray:
    """Cells fall down the grid turned by `turns` quarter turns, keeping their order (apply_gravity)."""
    turned = np.rot90(grid, turns)
    order = np.argsort(turned != background, axis=0, kind="stable")
    return np.rot90(np.take_along_axis(turned, order, axis=0), -turns)


def gravity_steps(facts: TaskFacts) -> list[Step]:
    """Let cells, or whole objects, fall towards each edge."""
    background = facts.background
    argument = _background_argument(background)
    steps = []
    for turns, direction in enumerate(("down", "left", "up", "right")):
        fall = functools.partial(_fall, turns=turns, background=background)
        steps.append(_step(f'grid = apply_gravity(grid, "{direction}"{argument})', 2.0, SAME, fast=fall))
    for direction in ("down", "left", "up", "right"):
        steps.append(
            _step(f'grid = apply_gravity(grid, "{direction}", whole_objects=True{argument})', 2.5, SAME)
        )
    return steps


SYMMETRY_IMAGES: tuple[tuple[str, Callable[[np.ndarray], np.ndarray]], ...] = (
    ("flip_horizontal(grid)", lambda g: g[:, ::-1]),
    ("flip_vertical(grid)", lambda g: g[::-1]),
    ("rotate(grid, 2)", lambda g: g[::-1, ::-1]),
    ("transpose(grid)", lambda g: g.T),
    ("flip_antidiagonal(grid)", lambda g: g[::-1, ::-1].T),
    ("rotate(grid, 1)", lambda g: np.rot90(g)),
)


def _overlay(grid: np.ndarray, image: Callable[[np.ndarray], np.ndarray], background: int) -> np.ndarray:
    return np.where(grid == background, image(grid), grid)


def symmetry_steps(facts: TaskFacts) -> list[Step]:
    """Make the grid symmetric by overlaying a mirror image on its background; fill marked cells
    from the grid's symmetries or repeating tile (and optionally cut out what was marked)."""
    back = color_name(facts.background)
    steps = [
        _step(
            f"grid = np.where(grid == {back}, {code}, grid)",
            2.0,
            SAME,
            fast=functools.partial(_overlay, image=image, background=facts.background),
        )
        for code, image in SYMMETRY_IMAGES
    ]
    for color in sorted(set(facts.marker_colors) | set(facts.fill_colors)):
        name = color_name(color)
        for completion in (
            f"complete_symmetry(grid, unknown_color={name})",
            f"complete_tiling(grid, unknown_color={name})",
        ):
            if color in facts.fill_colors:
                steps.append(_step(f"grid = {completion}", 1.5, SAME, root_only=True))
            if color in facts.marker_colors:
                steps.append(
                    _step(
                        (
                            f"completed = {completion}",
                            f"grid = crop(completed, bounding_box(grid == {name}))",
                        ),
                        1.5,
                        root_only=True,
                    )
                )
    return steps


LINE_DIRECTIONS = (
    ("down",),
    ("up",),
    ("left",),
    ("right",),
    ("left", "right"),
    ("up", "down"),
    ("up", "down", "left", "right"),
    ("up_left", "up_right", "down_left", "down_right"),
)


def _few_cells(color: int) -> Callable[[np.ndarray], bool]:
    return lambda g: 0 < np.count_nonzero(g == color) <= MAX_LINE_CELLS


def _rays(grid: np.ndarray, color: int, directions: Sequence[str]) -> np.ndarray:
    """Rays of `color` from every cell of that colour to the edge, over everything (like draw_line)."""
    height, width = grid.shape
    result = np.array(grid)
    for row, col in np.argwhere(grid == color).tolist():
        for direction in directions:
            drow, dcol = dsl.DIRECTIONS[direction]
            steps = min(
                height - 1 - row if drow > 0 else row if drow < 0 else MAX_SIDE,
                width - 1 - col if dcol > 0 else col if dcol < 0 else MAX_SIDE,
            )
            span = np.arange(steps + 1)
            result[row + drow * span, col + dcol * span] = color
    return result


def line_steps(facts: TaskFacts) -> list[Step]:
    """Draw rays from every cell of one colour in one or more directions, to the edge or an obstacle."""
    steps = []
    for color in facts.foreground_inputs:
        name = color_name(color)
        for directions in LINE_DIRECTIONS:
            for stop in ("", f", stop_at_obstacle=True{_background_argument(facts.background)}"):
                if len(directions) == 1:
                    body = [f'    grid = draw_line(grid, (row, col), "{directions[0]}", {name}{stop})']
                else:
                    names = ", ".join(f'"{d}"' for d in directions)
                    body = [
                        f"    for direction in ({names}):",
                        f"        grid = draw_line(grid, (row, col), direction, {name}{stop})",
                    ]
                lines = (f"for row, col in np.argwhere(grid == {name}):", *body)
                fast = None if stop else functools.partial(_rays, color=color, directions=directions)
                steps.append(_step(lines, 3.0 if stop else 2.5, SAME, fast=fast, guard=_few_cells(color)))
    return steps


def shift_steps(facts: TaskFacts) -> list[Step]:
    """Shift everything one cell in each direction; slide one object (the largest, the smallest, or the
    one of a colour) until it hits something."""
    fill = "" if facts.background == 0 else f", fill={color_name(facts.background)}"
    steps = [
        _step(
            f"grid = shift(grid, {drow}, {dcol}{fill})",
            2.5,
            SAME,
            fast=functools.partial(dsl.shift, drow=drow, dcol=dcol, fill=facts.background),
        )
        for drow, dcol in ((1, 0), (-1, 0), (0, 1), (0, -1))
    ]
    background = _background_argument(facts.background)
    find = _find_call(8, True, facts.background)
    choices = ["largest_object(objects)", "smallest_object(objects)"] + [
        f"next(shape for shape in objects if shape.color == {color_name(c)})" for c in facts.foreground_inputs
    ]
    for choice in choices:
        for direction in ("down", "up", "left", "right"):
            lines = (find, f'grid = move_object_until_blocked(grid, {choice}, "{direction}"{background})')
            steps.append(_step(lines, 2.5, SAME))
    return steps


# When two cells `first` and `second` ([row, col] lists) can be joined: on one row or column, or diagonal.
ALIGNMENTS = (
    "first[0] == second[0] or first[1] == second[1]",
    "abs(first[0] - second[0]) == abs(first[1] - second[1])",
)


def _few_foreground(background: int) -> Callable[[np.ndarray], bool]:
    return lambda g: 0 < np.count_nonzero(g != background) <= 3 * MAX_LINE_CELLS


def connect_steps(facts: TaskFacts) -> list[Step]:
    """Join every two cells of one colour (or of each colour) that share a row or column (or a diagonal)
    with a line over the background, in that colour or an output colour."""
    back = color_name(facts.background)
    steps = []
    for color in facts.foreground_inputs:
        name = color_name(color)
        for line_color in sorted({color, *facts.foreground_outputs}):
            for aligned in ALIGNMENTS:
                lines = (
                    f"cells = np.argwhere(grid == {name}).tolist()",
                    "for first in cells:",
                    "    for second in cells:",
                    f"        if first < second and ({aligned}):",
                    f"            segment = draw_segment(grid, first, second, {color_name(line_color)})",
                    f"            grid = np.where(grid == {back}, segment, grid)",
                )
                steps.append(_step(lines, 2.5, SAME, guard=_few_cells(color)))
    for aligned in ALIGNMENTS:
        lines = (
            "for color in palette(grid):",
            f"    cells = np.argwhere(grid == color).tolist() if color != {back} else []",
            "    for first in cells:",
            "        for second in cells:",
            f"            if first < second and ({aligned}):",
            "                segment = draw_segment(grid, first, second, color)",
            f"                grid = np.where(grid == {back}, segment, grid)",
        )
        steps.append(_step(lines, 2.5, SAME, guard=_few_foreground(facts.background)))
    return steps


def fill_steps(facts: TaskFacts) -> list[Step]:
    """Fill enclosed background regions with an output colour; draw a border round the grid."""
    background = _background_argument(facts.background)
    steps = []
    for color in facts.foreground_outputs:
        name = color_name(color)
        steps.append(_step(f"grid = fill_enclosed_regions(grid, {name}{background})", 2.0, SAME))
        border = f"grid = draw_outline(grid, (0, 0, grid.shape[0], grid.shape[1]), {name})"
        steps.append(_step(border, 2.0, SAME))
    return steps


LOGIC = (
    ("(first != {b}) & (second != {b})", 0.0),
    ("(first != {b}) | (second != {b})", 0.0),
    ("(first != {b}) ^ (second != {b})", 0.0),
    ("(first == {b}) & (second == {b})", 0.0),
    ("(first != {b}) & (second == {b})", 0.2),
    ("(first == {b}) & (second != {b})", 0.2),
)
PART_SELECTORS = (
    "max(parts, key=lambda part: np.count_nonzero(part != {b}))",
    "min(parts, key=lambda part: np.count_nonzero(part != {b}))",
    "max(parts, key=lambda part: len(palette(part)))",
    "min(parts, key=lambda part: len(palette(part)))",
    "next(part for part in parts if sum(grids_equal(part, other) for other in parts) == 1)",
    "parts[0]",
    "parts[-1]",
)


def part_steps(split: str, facts: TaskFacts, base_cost: float) -> list[Step]:
    """Given `parts = <split>`: choose one part, overlay all parts, or combine two parts cell by cell."""
    back = color_name(facts.background)
    steps = [
        _step((f"parts = {split}", f"grid = {selector.format(b=back)}"), base_cost + 0.05 * index)
        for index, selector in enumerate(PART_SELECTORS)
    ]
    for first, rest in (("parts[0]", "parts[1:]"), ("parts[-1]", "parts[-2::-1]")):
        steps.append(
            _step(
                (
                    f"parts = {split}",
                    f"grid = {first}",
                    f"for part in {rest}:",
                    f"    grid = np.where(grid == {back}, part, grid)",
                ),
                base_cost + 0.3,
            )
        )
    for color in facts.foreground_outputs:
        for condition, extra in LOGIC:
            steps.append(
                _step(
                    (
                        f"first, second = {split}",
                        f"grid = np.where({condition.format(b=back)}, {color_name(color)}, {back})",
                    ),
                    base_cost + 0.2 + extra,
                )
            )
    return steps


def split_line_steps(facts: TaskFacts) -> list[Step]:
    """Part steps for grids cut by separator lines of a colour every train input shows (else of any
    colour); drop repeated rows or columns."""
    splits = [f"split_by_lines(grid, line_color={color_name(color)})" for color in facts.line_colors]
    steps = [step for split in splits or ["split_by_lines(grid)"] for step in part_steps(split, facts, 1.5)]
    dedupe_rows = (
        "keep = [0] + [i for i in range(1, grid.shape[0]) if not np.array_equal(grid[i], grid[i - 1])]",
        "grid = grid[keep]",
    )
    dedupe_cols = (
        "keep = [0] + [i for i in range(1, grid.shape[1]) if not np.array_equal(grid[:, i], grid[:, i - 1])]",
        "grid = grid[:, keep]",
    )
    steps += [_step(dedupe_rows, 2.0), _step(dedupe_cols, 2.0), _step(dedupe_rows + dedupe_cols, 2.0)]
    return steps


def _ratio(numerators: Iterable[int], denominators: Iterable[int]) -> int | None:
    """The common integer ratio of the pairs, or None."""
    ratios = {n // d if d and n % d == 0 else None for n, d in zip(numerators, denominators, strict=True)}
    return ratios.pop() if len(ratios) == 1 else None


def scaling_steps(
    grow: tuple[int, int] | None, shrink: tuple[int, int] | None, kron: bool, facts: TaskFacts
) -> list[Step]:
    """Tile, upscale, mirror or self-tile to grow by `grow`; downscale or cut into parts to shrink."""
    back = color_name(facts.background)
    steps = []
    if grow is not None and grow != (1, 1):
        rows, cols = grow
        factor = str(rows) if rows == cols else f"({rows}, {cols})"
        steps.append(_step(f"grid = tile(grid, {rows}, {cols})", 1.0))
        steps.append(_step(f"grid = upscale(grid, {factor})", 1.0))
        if grow == (1, 2):
            steps.append(_step("grid = concatenate_horizontal([grid, flip_horizontal(grid)])", 1.0))
            steps.append(_step("grid = concatenate_horizontal([flip_horizontal(grid), grid])", 1.0))
        if grow == (2, 1):
            steps.append(_step("grid = concatenate_vertical([grid, flip_vertical(grid)])", 1.0))
            steps.append(_step("grid = concatenate_vertical([flip_vertical(grid), grid])", 1.0))
        if grow == (2, 2):
            for image in ("flip_horizontal(grid)", "rotate_clockwise(grid)", "rotate(grid, 1)"):
                second = "flip_vertical(top)" if image == "flip_horizontal(grid)" else "rotate(top, 2)"
                steps.append(
                    _step(
                        (
                            f"top = concatenate_horizontal([grid, {image}])",
                            f"grid = concatenate_vertical([top, {second}])",
                        ),
                        1.2,
                    )
                )
    if kron:
        masks = [
            f"!= {back}",
            f"== {back}",
            "== most_common_color(grid)",
            *(f"== {color_name(c)}" for c in facts.foreground_inputs),
        ]
        for index, mask in enumerate(masks):
            for fill in sorted({back, "BLACK"}):
                lines = (
                    "height, width = grid.shape",
                    f"copies = upscale(grid, (height, width)) {mask}",
                    f"grid = np.where(copies, tile(grid, height, width), {fill})",
                )
                steps.append(_step(lines, 1.0 + 0.1 * index))
    if shrink is not None and shrink != (1, 1):
        rows, cols = shrink
        factor = str(rows) if rows == cols else f"({rows}, {cols})"
        steps.append(_step(f"grid = downscale(grid, {factor})", 1.0))
        steps.extend(part_steps(f"split_grid(grid, rows={rows}, cols={cols})", facts, 1.0))
    return steps


def target_scaling_steps(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], facts: TaskFacts
) -> list[Step]:
    """Scaling steps whose factors take the current grids exactly to the output shapes."""
    heights, widths = [s.shape[0] for s in states], [s.shape[1] for s in states]
    out_heights, out_widths = [o.shape[0] for o in outputs], [o.shape[1] for o in outputs]
    grow_rows, grow_cols = _ratio(out_heights, heights), _ratio(out_widths, widths)
    shrink_rows, shrink_cols = _ratio(heights, out_heights), _ratio(widths, out_widths)
    grow = (grow_rows, grow_cols) if grow_rows and grow_cols else None
    shrink = (shrink_rows, shrink_cols) if shrink_rows and shrink_cols else None
    kron = all(
        oh == h * h and ow == w * w
        for oh, ow, h, w in zip(out_heights, out_widths, heights, widths, strict=True)
    )
    steps = scaling_steps(grow, shrink, kron and max(heights) > 1, facts)
    shapes = {o.shape for o in outputs}
    if len(shapes) == 1:
        height, width = shapes.pop()
        if all(h >= height and w >= width for h, w in zip(heights, widths, strict=True)):
            steps.extend(corner_steps(height, width))
        if all(h <= height and w <= width for h, w in zip(heights, widths, strict=True)):
            steps.append(continue_pattern_step(str(height), str(width)))
    elif grow is not None:
        rows, cols = (
            f"grid.shape[{axis}]" if factor == 1 else f"{factor} * grid.shape[{axis}]"
            for axis, factor in enumerate(grow)
        )
        steps.append(continue_pattern_step(rows, cols))
    if grow is None and all(
        oh % h == 0 and ow % w == 0 and oh // h == ow // w
        for oh, ow, h, w in zip(out_heights, out_widths, heights, widths, strict=True)
    ):
        steps.extend(_counted_scaling_steps(states, outputs, facts))
    return steps


def corner_steps(height: int, width: int) -> list[Step]:
    """Cut a height x width block out of each corner."""
    return [
        _step(f"grid = grid[{rows}, {cols}]", 1.5)
        for rows in (f":{height}", f"-{height}:")
        for cols in (f":{width}", f"-{width}:")
    ]


def continue_pattern_step(height: str, width: str) -> Step:
    """Continue the grid's repeating pattern (see repeating_tile) to a height x width grid."""
    lines = (
        "pattern = repeating_tile(grid)",
        f"rows, cols = np.indices(({height}, {width}))",
        "grid = pattern[rows % pattern.shape[0], cols % pattern.shape[1]]",
    )
    return _step(lines, 1.5)


def _counted_scaling_steps(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], facts: TaskFacts
) -> list[Step]:
    """Upscale or tile by a factor that varies with the grid: its number of colours, cells or objects."""
    back = color_name(facts.background)
    counts = (
        "len(palette(grid))",
        "len(palette(grid)) - 1",
        f"np.count_nonzero(grid != {back})",
        f"np.count_nonzero(grid == {back})",
        f"len(find_objects(grid{_background_argument(facts.background)}))",
    )
    factors = [o.shape[0] // s.shape[0] for s, o in zip(states, outputs, strict=True)]
    steps = []
    for count in counts:
        if _measure(count, states) == factors:
            steps.append(_step(f"grid = upscale(grid, {count})", 1.5))
            steps.append(_step(f"grid = tile(grid, {count}, {count})", 1.5))
    return steps


def static_steps(facts: TaskFacts) -> list[Step]:
    """Every step whose arguments depend only on the task (not on the current grids), cheapest first."""
    steps = (
        geometry_steps()
        + crop_steps(facts)
        + symmetry_steps(facts)
        + split_line_steps(facts)
        + color_steps(facts)
        + gravity_steps(facts)
        + object_steps(facts)
        + fill_steps(facts)
        + line_steps(facts)
        + shift_steps(facts)
        + connect_steps(facts)
    )
    return sorted(steps, key=lambda step: step.cost)


# ---------------------------------------------------------------------------------------------------------
# Finishers: infer the last step from the train outputs


def color_map_finisher(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray] = ()
) -> Step | None:
    """`recolor` with the one colour map that turns every state into its output, if there is one; dearer
    when a test input shows a colour the map was never told about."""
    mapping: dict[int, int] = {}
    for state, output in zip(states, outputs, strict=True):
        if state.shape != output.shape:
            return None
        for code in np.unique(state.astype(np.int16) * 10 + output).tolist():
            source, target = divmod(code, 10)
            if mapping.setdefault(source, target) != target:
                return None
    changes = {s: t for s, t in sorted(mapping.items()) if s != t}
    if not changes:
        return None
    table = np.arange(10, dtype=np.int8)
    for source, target in changes.items():
        table[source] = target
    text = ", ".join(f"{color_name(s)}: {color_name(t)}" for s, t in changes.items())
    unseen = _colors_in(tests) - mapping.keys()
    cost = 1.0 + (UNSEEN_PENALTY if unseen else 0.0)
    return _step(f"grid = recolor(grid, {{{text}}})", cost, SAME, fast=lambda g: table[g])


# (extra lines computing what the key needs, key expression of `shape`)
OBJECT_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("largest = max(shape.size for shape in objects)",), "shape.size == largest"),
    (("smallest = min(shape.size for shape in objects)",), "shape.size == smallest"),
    ((), "shape.size"),
    (("sizes = sorted({shape.size for shape in objects}, reverse=True)",), "sizes.index(shape.size)"),
    ((), "touches_border(shape, grid)"),
    ((), "len(holes(shape))"),
    ((), "shape.is_rectangle"),
    ((), "shape.height"),
    ((), "shape.width"),
)
_KEEP = -1


@functools.lru_cache(maxsize=256)
def _key_function(pre: tuple[str, ...], key: str) -> Callable[[np.ndarray, list[Any]], list[Any]]:
    lines = (*pre, f"return [{key} for shape in objects]")
    source = "def keys(grid, objects):\n" + "".join(f"    {line}\n" for line in lines)
    namespace: dict[str, Any] = {}
    exec(compile(source, "<search key>", "exec"), _STEP_NAMESPACE, namespace)
    return namespace["keys"]


def object_recolor_finishers(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray], background: int
) -> list[Step]:
    """Recolour whole objects by a property (size, size rank, largest, touching the border, holes, ...),
    with the property-to-colour table read off the train pairs; other cells must already be right. A
    property value that a test object shows and no train object did makes the step dearer."""
    if any(s.shape != o.shape for s, o in zip(states, outputs, strict=True)):
        return []
    finishers = []
    for connectivity, single_color in SEGMENTATIONS:
        find = _find_call(connectivity, single_color, background)
        # per train pair: the objects and, for each, the colours it may be given (_KEEP: unchanged)
        outcomes: list[tuple[np.ndarray, list[Any], list[set[int]]]] = []
        for state, output in zip(states, outputs, strict=True):
            objects = _STEP_NAMESPACE["find_objects"](
                state, connectivity=connectivity, single_color=single_color, background=background
            )
            covered = np.zeros(state.shape, dtype=bool)
            options = []
            for shape in objects:
                top, left = shape.position
                window = (slice(top, top + shape.height), slice(left, left + shape.width))
                before, after = state[window][shape.mask], output[window][shape.mask]
                covered[window] |= shape.mask
                if np.array_equal(before, after):
                    options.append({_KEEP, int(before[0])} if np.all(before == before[0]) else {_KEEP})
                elif np.all(after == after[0]):
                    options.append({int(after[0])})
                else:
                    break
            else:
                if np.array_equal(state[~covered], output[~covered]):
                    outcomes.append((state, objects, options))
                    continue
            break
        if len(outcomes) != len(states):
            continue
        for index, (pre, key) in enumerate(OBJECT_KEYS):
            keys_of = _key_function(pre, key)
            table: dict[Any, set[int]] = {}
            try:
                for state, objects, options in outcomes:
                    for value, allowed in zip(keys_of(state, objects), options, strict=True):
                        table[value] = table.get(value, allowed) & allowed
            except Exception:
                continue
            if any(not allowed for allowed in table.values()):
                continue
            colors = {value: min(allowed) for value, allowed in table.items() if _KEEP not in allowed}
            if not colors:
                continue
            try:
                test_values = {
                    value
                    for test in tests
                    for value in keys_of(test, _STEP_NAMESPACE["find_objects"](
                        test, connectivity=connectivity, single_color=single_color, background=background
                    ))
                }  # fmt: skip
            except Exception:
                continue
            penalty = UNSEEN_PENALTY if test_values - table.keys() else 0.0
            text = ", ".join(f"{value!r}: {color_name(color)}" for value, color in sorted(colors.items()))
            lines = (
                find,
                *pre,
                f"new_colors = {{{text}}}",
                "for shape in objects:",
                f"    key = {key}",
                "    if key in new_colors:",
                "        grid = paint_object(grid, shape, new_colors[key])",
            )
            finishers.append(_step(lines, 2.0 + 0.1 * index + (0.0 if single_color else 0.3) + penalty, SAME))
            break
    return finishers


def _measure(expression: str, grids: Sequence[np.ndarray]) -> list[Any] | None:
    """The expression's value on each grid (as `grid`), or None if it fails on one."""
    function = _compile((f"grid = {expression}",))
    try:
        return [function(grid) for grid in grids]
    except Exception:
        return None


def _class_keys(background: int) -> tuple[str, ...]:
    """Properties of a whole grid that may decide which of a few outputs it gets."""
    back = color_name(background)
    return (
        f"most_common_color(grid, exclude={back})",
        f"tuple((grid != {back}).flatten().tolist())",
        'is_symmetric(grid, "horizontal")',
        'is_symmetric(grid, "vertical")',
        f"len(find_objects(grid{_background_argument(background)}))",
        f"np.count_nonzero(grid != {back})",
        "len(palette(grid))",
    )


def _lookup_table(
    key: str, states: Sequence[np.ndarray], answers: Sequence[Any], tests: Sequence[np.ndarray]
) -> dict[Any, Any] | None:
    """{key value: answer} when the key's value decides the answer on every state and every test
    input's value was seen; else None."""
    values, test_values = _measure(key, states), _measure(key, tests)
    if values is None or test_values is None:
        return None
    table: dict[Any, Any] = {}
    for value, answer in zip(values, answers, strict=True):
        if table.setdefault(value, answer) != answer:
            return None
    return table if set(test_values) <= set(table) else None


def table_finishers(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray], background: int
) -> list[Step]:
    """When the outputs are a few grids, each repeated: the output looked up by a property of the state
    (its main colour, pattern, symmetry, number of objects ...) that decides it on every train pair."""
    answers = [str(o.tolist()) for o in outputs]
    distinct = dict.fromkeys(answers)
    if len(distinct) == len(answers) or sum(o.size for o in outputs) > 30 * len(outputs):
        return []
    for index, key in enumerate(_class_keys(background)):
        table = _lookup_table(key, states, answers, tests)
        if table is not None:
            text = ", ".join(f"{value!r}: {answer}" for value, answer in table.items())
            lines = (f"outputs = {{{text}}}", f"grid = np.array(outputs[{key}])")
            return [_step(lines, 3.0 + 0.1 * index)]
    return []


def uniform_finishers(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray], background: int
) -> list[Step]:
    """When every output is one colour: a grid of the output's shape (the state's, a fixed one, or one
    row of a count) in a colour read off the state (most or least common, of the largest or smallest
    object), the one colour all outputs share, or a colour looked up by a property of the state (its
    pattern, symmetry, number of objects ...) that every test input shows in training too."""
    colors = [int(o.flat[0]) for o in outputs]
    if not all(np.all(o == c) for o, c in zip(outputs, colors, strict=True)):
        return []
    back, background_argument = color_name(background), _background_argument(background)
    shapes = {o.shape for o in outputs}
    if all(s.shape == o.shape for s, o in zip(states, outputs, strict=True)):
        make = "np.full_like(grid, {})"
    elif len(shapes) == 1:
        height, width = shapes.pop()
        make = f"make_grid({height}, {width}, {{}})"
    else:
        counts = (f"np.count_nonzero(grid != {back})", f"len(find_objects(grid{background_argument}))")
        for count in counts:
            values = _measure(count, states)
            if values == [o.shape[1] for o in outputs] and all(o.shape[0] == 1 for o in outputs):
                make = f"make_grid(1, {count}, {{}})"
                break
            if values == [o.shape[0] for o in outputs] and all(o.shape[1] == 1 for o in outputs):
                make = f"make_grid({count}, 1, {{}})"
                break
        else:
            return []
    find = _find_call(4, True, background)
    candidates = [
        ((), f"most_common_color(grid, exclude={back})"),
        ((), f"least_common_color(grid, exclude={back})"),
        ((find,), "largest_object(objects).color"),
        ((find,), "smallest_object(objects).color"),
        ((), "most_common_color(grid)"),
    ]
    if len(set(colors)) == 1:
        candidates.append(((), color_name(colors[0])))
    else:
        for key in _class_keys(background):
            table = _lookup_table(key, states, colors, tests)
            if table is not None:
                text = ", ".join(f"{value!r}: {color_name(color)}" for value, color in table.items())
                candidates.append(((f"colors = {{{text}}}",), f"colors[{key}]"))
    for index, (pre, expression) in enumerate(candidates):
        step = _step((*pre, "grid = " + make.format(expression)), 2.0 + 0.1 * index)
        if all(np.array_equal(apply_step(step, s), o) for s, o in zip(states, outputs, strict=True)):
            return [step]
    return []


# Neighbourhoods of a cell as positions in its 3x3 window (reading order), for local rules.
NEIGHBOURHOODS = (
    ((1, 3, 4, 5, 7), "up, left, centre, right, down"),
    (tuple(range(9)), "the 3x3 window in reading order"),
)


def _window_codes(grid: np.ndarray, positions: Sequence[int], background: int) -> np.ndarray:
    """Each cell's neighbourhood as one base-10 integer (cells beyond the edge count as background)."""
    height, width = grid.shape
    padded = np.pad(grid.astype(np.int64), 1, constant_values=background)
    codes = np.zeros((height, width), dtype=np.int64)
    for position in positions:
        row, col = divmod(position, 3)
        codes = codes * 10 + padded[row : row + height, col : col + width]
    return codes


def local_rule_finishers(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray], background: int
) -> list[Step]:
    """A cell's new colour as a function of its neighbourhood (its 4 side neighbours, else its 3x3
    window; beyond the edge is background), read off the train pairs. Each rule must rest on enough
    changed cells; test neighbourhoods never seen in training (they keep their colour) make it dearer."""
    if any(s.shape != o.shape for s, o in zip(states, outputs, strict=True)):
        return []
    changed_cells = sum(int(np.count_nonzero(s != o)) for s, o in zip(states, outputs, strict=True))
    for index, (positions, description) in enumerate(NEIGHBOURHOODS):
        codes = np.concatenate([_window_codes(s, positions, background).ravel() for s in states])
        targets = np.concatenate([o.ravel() for o in outputs]).astype(np.int64)
        pairs = np.unique(codes * 10 + targets)
        keys = pairs // 10
        if keys.size != np.unique(keys).size:
            continue  # one neighbourhood, two outcomes
        centre_digit = 10 ** (len(positions) - 1 - positions.index(4))
        rules = {
            tuple(int(d) for d in str(key).zfill(len(positions))): target
            for key, target in zip(keys.tolist(), (pairs % 10).tolist(), strict=True)
            if key // centre_digit % 10 != target
        }
        if not rules or len(rules) > MAX_RULES or changed_cells < MIN_SUPPORT * len(rules):
            continue  # too many rules, or too few cells behind each: a table of the train pairs, not a rule
        test_codes = np.concatenate([_window_codes(t, positions, background).ravel() for t in tests])
        changed_colors = np.array(sorted({key[positions.index(4)] for key in rules}))
        unseen = test_codes[~np.isin(test_codes, keys)]
        penalty = UNSEEN_PENALTY if np.any(np.isin(unseen // centre_digit % 10, changed_colors)) else 0.0
        table = ", ".join(f"{key}: {value}" for key, value in rules.items())
        window = "padded[row : row + 3, col : col + 3].flatten()"
        if len(positions) < 9:
            window += f"[list({positions})]"
        lines = (
            f"rules = {{{table}}}  # {description} -> new colour",
            f"padded = np.pad(grid, 1, constant_values={color_name(background)})",
            "output = np.array(grid)",
            "for row, col in np.ndindex(*grid.shape):",
            f"    key = tuple({window}.tolist())",
            "    output[row, col] = rules.get(key, output[row, col])",
            "grid = output",
        )
        return [_step(lines, 3.5 + 0.5 * index + penalty, SAME)]
    return []


STAMP_RADII = (1, 2)


def stamp_finishers(
    states: Sequence[np.ndarray], outputs: Sequence[np.ndarray], tests: Sequence[np.ndarray], background: int
) -> list[Step]:
    """Every cell of some colour paints a fixed pattern of colours around it (on the background only),
    the same for every such cell, read off the train pairs."""
    if any(s.shape != o.shape for s, o in zip(states, outputs, strict=True)):
        return []
    counts = sum(np.bincount(s.ravel().astype(np.intp), minlength=10) for s in states)
    sources = [c for c in range(10) if c != background and counts[c] >= 2]  # a pattern needs two examples
    for radius in STAMP_RADII:
        stamps: dict[int, dict[tuple[int, int], int]] = {}
        for color in sources:
            pattern = {}
            for drow in range(-radius, radius + 1):
                for dcol in range(-radius, radius + 1):
                    seen, support = set(), 0
                    for state, output in zip(states, outputs, strict=True):
                        height, width = state.shape
                        cells = np.argwhere(state == color) + (drow, dcol)
                        rows, cols = cells[:, 0], cells[:, 1]
                        inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
                        rows, cols = rows[inside], cols[inside]
                        free = state[rows, cols] == background
                        seen |= {int(c) for c in np.unique(output[rows[free], cols[free]])}
                        support += int(np.count_nonzero(free))
                    if len(seen) == 1 and background not in seen and support >= 2:
                        pattern[(drow, dcol)] = seen.pop()
            if pattern:
                stamps[color] = pattern
        if not stamps:
            continue
        back = color_name(background)
        table = ", ".join(
            f"{color_name(color)}: {{{', '.join(f'{cell}: {color_name(c)}' for cell, c in pattern.items())}}}"
            for color, pattern in stamps.items()
        )
        lines = (
            f"stamps = {{{table}}}",
            "output = np.array(grid)",
            "height, width = grid.shape",
            "for row, col in np.argwhere(np.isin(grid, list(stamps))).tolist():",
            "    for (drow, dcol), color in stamps[grid[row, col]].items():",
            "        target = (row + drow, col + dcol)",
            f"        if 0 <= target[0] < height and 0 <= target[1] < width and grid[target] == {back}:",
            "            output[target] = color",
            "grid = output",
        )
        unseen = _colors_in(tests) - {background, *np.flatnonzero(counts).tolist()}
        step = _step(lines, 2.5 + 0.5 * (radius - 1) + (UNSEEN_PENALTY if unseen else 0.0), SAME)
        if all(np.array_equal(apply_step(step, s), o) for s, o in zip(states, outputs, strict=True)):
            return [step]
    return []


def finishers(
    states: Sequence[np.ndarray],
    outputs: Sequence[np.ndarray],
    tests: Sequence[np.ndarray],
    background: int,
    local: bool = True,
) -> list[Step]:
    """Last steps that turn the train states into the train outputs exactly (an empty step if they are);
    `local=False` skips the costlier cell-level finishers (stamps, local rules)."""
    if all(s.shape == o.shape and np.array_equal(s, o) for s, o in zip(states, outputs, strict=True)):
        return [Step((), 0.0, SAME, fast=lambda g: g)]
    found = uniform_finishers(states, outputs, tests, background) or table_finishers(
        states, outputs, tests, background
    )
    if any(s.shape != o.shape for s, o in zip(states, outputs, strict=True)):
        return found
    color_map = color_map_finisher(states, outputs, tests)
    if color_map is not None:
        found.append(color_map)
    changed_colors = {int(c) for s, o in zip(states, outputs, strict=True) for c in np.unique(s[s != o])}
    if background not in changed_colors:
        found.extend(object_recolor_finishers(states, outputs, tests, background))
    if local and changed_colors == {background}:
        found.extend(stamp_finishers(states, outputs, tests, background))
    if local:
        found.extend(local_rule_finishers(states, outputs, tests, background))
    return found


# ---------------------------------------------------------------------------------------------------------
# The search


@dataclass(frozen=True)
class FoundProgram:
    """A program that reproduces every train pair: its source, its outputs on the test inputs, its cost
    (the sum of its steps' costs) and its number of steps."""

    source: str
    predictions: tuple[np.ndarray, ...]
    cost: float
    steps: int


@dataclass(frozen=True)
class SearchResult:
    """What one search found, best first, and what it took: states evaluated and CPU seconds."""

    task_id: str
    programs: tuple[FoundProgram, ...]
    nodes: int
    seconds: float
    stopped: str  # "done" (nothing left or enough found), "nodes" or "time"

    @property
    def sources(self) -> list[str]:
        """The program sources, best first."""
        return [program.source for program in self.programs]

    def summary(self, task: Task | None = None) -> str:
        """One line: programs found, work done, and (given the task with known test outputs) whether the
        first program's predictions are right."""
        line = (
            f"task {self.task_id}: {len(self.programs)} program(s) found, {self.nodes} steps applied, "
            f"{self.seconds:.1f} s CPU, stopped: {self.stopped}"
        )
        if task is not None and self.programs and task.has_test_outputs:
            first = self.programs[0].predictions
            right = sum(np.array_equal(p, e.output) for p, e in zip(first, task.test, strict=True))
            line += f"; the first program is right on {right} of {len(task.test)} test input(s)"
        return line


@dataclass
class _Node:
    """A state: the grids (train inputs then test inputs) after `steps`, and the steps to try next."""

    cost: float
    depth: int
    steps: tuple[Step, ...]
    grids: tuple[np.ndarray, ...]
    successors: Sequence[Step] = ()
    allowed_shapes: tuple[str, ...] = (SAME, TURNED, OTHER)  # what the next step may do to the shape


def _valid(grid: Any) -> bool:
    return (
        isinstance(grid, np.ndarray)
        and grid.ndim == 2
        and 1 <= grid.shape[0] <= MAX_SIDE
        and 1 <= grid.shape[1] <= MAX_SIDE
    )


def apply_step(step: Step, grid: np.ndarray) -> np.ndarray | None:
    """The step's output on one grid as int8, or None when it fails or gives no valid grid."""
    if step.guard is not None and not step.guard(grid):
        return None
    try:
        output = step.run(grid)
    except Exception:
        return None
    if not _valid(output):
        return None
    if output.dtype != np.int8:
        if output.dtype.kind not in "iu" or output.min() < 0 or output.max() > 9:
            return None
        output = output.astype(np.int8)
    return output


def _state_key(grids: Sequence[np.ndarray]) -> tuple[Any, ...]:
    return tuple((g.shape, g.tobytes()) for g in grids)


def _check_program(source: str, task: Task) -> tuple[np.ndarray, ...] | None:
    """Run the program in-process with the plain DSL: its test outputs if it reproduces every train pair."""
    namespace = _plain_namespace()
    try:
        exec(compile(source, "<search program>", "exec"), namespace)
        transform = namespace["transform"]
        for example in task.train:
            output = np.asarray(transform(example.input))
            if output.shape != example.output.shape or not np.array_equal(output, example.output):
                return None
        predictions = tuple(np.asarray(transform(example.input)) for example in task.test)
    except Exception:
        return None
    if not all(_valid(p) and p.dtype.kind in "iu" and p.min() >= 0 and p.max() <= 9 for p in predictions):
        return None
    return tuple(p.astype(np.int8) for p in predictions)


class _Search:
    """One uniform-cost search over step sequences for one task (see `search`).

    Successors are generated lazily: the heap holds, per state, its next untried step (steps sorted by
    cost), so step applications happen in order of the total cost of the sequence they make."""

    def __init__(
        self, task: Task, seed: int, node_budget: int | None, deadline: float, max_depth: int
    ) -> None:
        self.task, self.node_budget, self.deadline, self.max_depth = task, node_budget, deadline, max_depth
        self.outputs = tuple(example.output for example in task.train)
        self.n_train = len(task.train)
        self.facts = TaskFacts.from_task(task)
        library = static_steps(self.facts)
        if seed:
            noise = np.random.default_rng(seed).random(len(library))
            order = sorted(range(len(library)), key=lambda i: (library[i].cost, noise[i]))
            library = [library[i] for i in order]
        self.library = library
        self.found: list[tuple[float, int, tuple[Step, ...]]] = []
        self.seen: set[tuple[Any, ...]] = set()
        self.heap: list[
            tuple[float, int, _Node, int]
        ] = []  # (cost of the sequence, order, state, step index)
        self.counter = self.nodes = 0
        self.next_clock = 0.0
        self.stopped = "done"

    def push(self, node: _Node, index: int) -> None:
        if index < len(node.successors):
            heapq.heappush(self.heap, (node.cost + node.successors[index].cost, self.counter, node, index))
            self.counter += 1

    def add(self, node: _Node) -> None:
        """Record a new state: look for finishers, and queue its successors if it may grow."""
        train, tests = node.grids[: self.n_train], node.grids[self.n_train :]
        local = node.depth <= LOCAL_DEPTH
        for last in finishers(train, self.outputs, tests, self.facts.background, local=local):
            steps = node.steps + (last,) if last.lines else node.steps
            self.found.append((node.cost + last.cost, len(self.found), steps))
        if node.depth < self.max_depth:
            scaling = sorted(
                target_scaling_steps(train, self.outputs, self.facts), key=lambda step: step.cost
            )
            node.successors = (
                list(heapq.merge(self.library, scaling, key=lambda step: step.cost))
                if scaling
                else self.library
            )
            if node.depth + 1 == self.max_depth:  # the last step must be able to give the output shapes
                pairs = list(zip(train, self.outputs, strict=True))
                same = all(s.shape == o.shape for s, o in pairs)
                turned = all(s.shape[::-1] == o.shape for s, o in pairs)
                node.allowed_shapes = (OTHER,) + ((SAME,) if same else ()) + ((TURNED,) if turned else ())
            self.push(node, 0)

    def out_of_budget(self) -> bool:
        if self.node_budget is not None and self.nodes >= self.node_budget:
            self.stopped = "nodes"
        elif time.perf_counter() >= self.next_clock:  # wall time bounds CPU time: read the CPU clock rarely
            self.next_clock = time.perf_counter() + CLOCK_SECONDS
            if time.process_time() > self.deadline:
                self.stopped = "time"
        return self.stopped != "done"

    def wanted(self, node: _Node, step: Step) -> bool:
        """Whether to apply the step to the state at all (cheap tests before any work)."""
        return (
            step.shape in node.allowed_shapes
            and not (step.root_only and node.depth > 0)
            and not (step in GEOMETRY and node.steps and node.steps[-1] in GEOMETRY)
        )

    def apply(self, node: _Node, step: Step) -> None:
        """Apply one step to a state; keep the child when it is unlike every state seen so far."""
        self.nodes += 1
        train = [apply_step(step, grid) for grid in node.grids[: self.n_train]]
        if any(output is None for output in train):
            return
        key = _state_key(train)
        if key in self.seen:
            return
        test = [apply_step(step, grid) for grid in node.grids[self.n_train :]]
        if any(output is None for output in test):
            return
        self.seen.add(key)
        self.add(_Node(node.cost + step.cost, node.depth + 1, node.steps + (step,), (*train, *test)))

    def run(self) -> None:
        """Apply steps cheapest sequence first until a budget runs out, nothing is left, or enough is
        found: after the first solution, sequences at most EXTRA_COST dearer, for at most as many step
        applications again (plus EXTRA_NODES)."""
        root = tuple(e.input for e in self.task.train) + tuple(e.input for e in self.task.test)
        self.seen.add(_state_key(root[: self.n_train]))
        self.add(_Node(0.0, 0, (), root))
        first_cost = first_nodes = None
        while self.heap and not self.out_of_budget():
            if self.found and first_cost is None:
                first_cost, first_nodes = min(f[0] for f in self.found), self.nodes
            cost, _, node, index = heapq.heappop(self.heap)
            if first_cost is not None and (
                cost > first_cost + EXTRA_COST
                or self.nodes >= 2 * first_nodes + EXTRA_NODES
                or len(self.found) >= 4 * MAX_PROGRAMS
            ):
                break
            self.push(node, index + 1)
            step = node.successors[index]
            if self.wanted(node, step):
                self.apply(node, step)


def search(
    task: Task,
    *,
    time_budget: float = 5.0,
    seed: int = 0,
    node_budget: int | None = None,
    max_depth: int = DEFAULT_DEPTH,
    max_programs: int = MAX_PROGRAMS,
) -> SearchResult:
    """Search programs reproducing every train pair of `task`, cheapest first; see `search_programs`.

    `time_budget` is in CPU seconds of this process (a loaded machine does not shrink it); `node_budget`
    caps the step applications (states evaluated): for a given node budget the result does not depend on
    timing unless `time_budget` runs out first. `seed` breaks ties between equally cheap steps (0 keeps
    the library's order)."""
    if time_budget <= 0:
        raise SearchError(f"task {task.id}: time_budget must be positive, got {time_budget}")
    if node_budget is not None and node_budget < 1:
        raise SearchError(f"task {task.id}: node_budget must be at least 1, got {node_budget}")
    if max_depth < 0:
        raise SearchError(f"task {task.id}: max_depth must be 0 or more, got {max_depth}")
    started = time.process_time()
    _memo.clear()
    state = _Search(task, seed, node_budget, started + time_budget, max_depth)
    state.run()
    programs = _collect(state.found, task, max_programs)
    return SearchResult(task.id, programs, state.nodes, time.process_time() - started, state.stopped)


def _collect(
    found: list[tuple[float, int, tuple[Step, ...]]], task: Task, max_programs: int
) -> tuple[FoundProgram, ...]:
    """Render the solutions cheapest first, check each in-process, keep one per distinct test prediction."""
    programs: list[FoundProgram] = []
    seen_predictions: set[tuple[Any, ...]] = set()
    for cost, _, steps in sorted(found, key=lambda item: (item[0], item[1])):
        source = render_program(steps)
        predictions = _check_program(source, task)
        if predictions is None:
            continue
        key = _state_key(predictions)
        if key in seen_predictions:
            continue
        seen_predictions.add(key)
        programs.append(FoundProgram(source, predictions, round(cost, 3), len(steps)))
        if len(programs) >= max_programs:
            break
    return tuple(programs)


def search_programs(
    task: Task, *, time_budget: float = 5.0, seed: int = 0, node_budget: int | None = None
) -> list[str]:
    """Program sources that reproduce every train pair of `task` in-process, best (cheapest) first, at
    most MAX_PROGRAMS, distinct by their test predictions. Deterministic for a seed and node budget."""
    return search(task, time_budget=time_budget, seed=seed, node_budget=node_budget).sources


def _search_one(arguments: tuple[Task, dict[str, Any]]) -> SearchResult:
    task, options = arguments
    return search(task, **options)


def search_dataset(
    tasks: Iterable[Task],
    *,
    time_per_task: float = 5.0,
    seed: int = 0,
    node_budget: int | None = None,
    max_depth: int = DEFAULT_DEPTH,
    workers: int = 2,
    progress: bool = False,
) -> list[SearchResult]:
    """Search every task, `workers` processes at a time; results in task order."""
    task_list = list(tasks)
    options = {"time_budget": time_per_task, "seed": seed, "node_budget": node_budget, "max_depth": max_depth}
    jobs = [(task, options) for task in task_list]
    workers = max(1, min(workers, len(jobs), os.cpu_count() or 1))
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), desc="search", unit="task")
    else:
        bar = None
    results = []
    if workers == 1:
        for job in jobs:
            results.append(_search_one(job))
            if bar is not None:
                bar.update()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(_search_one, jobs, chunksize=1):
                results.append(result)
                if bar is not None:
                    bar.update()
    if bar is not None:
        bar.close()
    return results


# ---------------------------------------------------------------------------------------------------------
# Random programs: synthetic tasks with a known program

GROW_FACTORS = ((1, 2), (2, 1), (2, 2), (3, 3), (1, 3), (3, 1))


def _random_families(
    grids: Sequence[np.ndarray], facts: TaskFacts, rng: np.random.Generator, first: bool
) -> list[list[Step]]:
    """The step families a random program draws from, with arguments drawn for these grids."""
    heights = {g.shape[0] for g in grids}
    widths = {g.shape[1] for g in grids}
    fitting = [f for f in GROW_FACTORS if max(heights) * f[0] <= MAX_SIDE and max(widths) * f[1] <= MAX_SIDE]
    grow = fitting[int(rng.integers(len(fitting)))] if fitting else None
    divisors = [
        (rows, cols)
        for rows in (1, 2, 3)
        for cols in (1, 2, 3)
        if (rows, cols) != (1, 1)
        and all(h % rows == 0 for h in heights)
        and all(w % cols == 0 for w in widths)
    ]
    shrink = divisors[int(rng.integers(len(divisors)))] if divisors else None
    kron = max(heights) <= 5 and max(widths) <= 5 and min(heights) > 1
    families = [
        geometry_steps(),
        crop_steps(facts),
        [s for s in symmetry_steps(facts) if first or not s.root_only],
        split_line_steps(facts),
        color_steps(facts),
        gravity_steps(facts),
        object_steps(facts),
        fill_steps(facts),
        line_steps(facts),
        shift_steps(facts),
        connect_steps(facts),
        scaling_steps(grow, shrink, kron, facts),
    ]
    return [family for family in families if family]


def _random_recolor(grids: Sequence[np.ndarray], rng: np.random.Generator) -> Step | None:
    """A `recolor` step changing one to three of the grids' colours, or None if it drew no change."""
    present = sorted(_colors_in(grids))
    sources = rng.choice(present, size=int(rng.integers(1, min(3, len(present)) + 1)), replace=False)
    mapping = {int(s): int(rng.integers(10)) for s in sorted(sources)}
    text = ", ".join(f"{color_name(s)}: {color_name(t)}" for s, t in mapping.items() if s != t)
    return _step(f"grid = recolor(grid, {{{text}}})", 1.0, SAME) if text else None


def _random_inputs(rng: np.random.Generator, count: int) -> tuple[str, list[np.ndarray]] | None:
    """`count` distinct inputs: drawn by a hand-written solution's generator, or (half the time) the real
    inputs of its ARC-AGI-1 training task when it has enough."""
    from omniarc import task_solutions
    from omniarc.datasets import load_dataset
    from omniarc.tasks import to_grid

    solution_ids = task_solutions.ids()
    if not solution_ids:
        return None
    task_id = solution_ids[int(rng.integers(len(solution_ids)))]
    if rng.random() < 0.5:
        real = [e.input for e in load_dataset("arc-agi-1/training").get(task_id).examples]
        if len(real) >= count:
            chosen = rng.choice(len(real), size=count, replace=False)
            return task_id, [real[int(i)] for i in chosen]
    solution = task_solutions.get(task_id)
    inputs: list[np.ndarray] = []
    keys: set[tuple[Any, ...]] = set()
    for _ in range(4 * count):
        try:
            grid = to_grid(solution.generate_input(rng))
        except Exception:
            continue
        key = _state_key([grid])
        if key not in keys:
            keys.add(key)
            inputs.append(grid)
        if len(inputs) == count:
            return task_id, inputs
    return None


def random_program_task(
    rng: np.random.Generator, *, n_train: int = 3, n_test: int = 1, max_steps: int = 3, attempts: int = 200
) -> tuple[Task, str]:
    """A synthetic task made by a random composition of search steps, and the program that made it.

    Inputs come from a hand-written solution's `generate_input` or its real training inputs; 1 to
    `max_steps` steps (a family, then a step of it, uniformly; sometimes a final colour map) are applied.
    Draws where a step fails or changes nothing, an output equals its input, an output has one colour,
    or every output is the same are rejected. Raises SearchError after `attempts` rejected draws."""
    if n_train < 1 or n_test < 0 or max_steps < 1:
        raise SearchError("random_program_task: need n_train >= 1, n_test >= 0, max_steps >= 1")
    count = n_train + n_test
    for _ in range(attempts):
        drawn = _random_inputs(rng, count)
        if drawn is None:
            continue
        source_id, inputs = drawn
        facts = TaskFacts.from_grids(inputs, [])
        extra = int(rng.integers(1, 10))
        facts = TaskFacts(
            facts.background,
            facts.input_colors,
            tuple(sorted(set(facts.input_colors) | {extra})),
            (),
            facts.line_colors,
        )
        grids, steps = list(inputs), []
        for position in range(int(rng.integers(1, max_steps + 1))):
            families = _random_families(grids, facts, rng, first=position == 0)
            family = families[int(rng.integers(len(families)))]
            step = family[int(rng.integers(len(family)))]
            outputs = [apply_step(step, grid) for grid in grids]
            if any(o is None for o in outputs) or _state_key(outputs) == _state_key(grids):
                break
            grids, steps = outputs, [*steps, step]
        else:
            recolor_step = _random_recolor(grids, rng) if rng.random() < 0.3 else None
            if recolor_step is not None:
                grids, steps = [apply_step(recolor_step, grid) for grid in grids], [*steps, recolor_step]
            if not _non_trivial(inputs, grids):
                continue
            source = render_program(steps)
            task = Task.from_pairs(
                f"search-{source_id}-{_digest(source)}",
                list(zip(inputs[:n_train], grids[:n_train], strict=True)),
                list(zip(inputs[n_train:], grids[n_train:], strict=True)),
                "search",
            )
            predictions = _check_program(source, task)
            if predictions is not None and all(
                np.array_equal(p, e.output) for p, e in zip(predictions, task.test, strict=True)
            ):
                return task, source
    raise SearchError(f"random_program_task: no valid, non-trivial program in {attempts} draws")


def _non_trivial(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray | None]) -> bool:
    if any(o is None for o in outputs):
        return False
    if any(i.shape == o.shape and np.array_equal(i, o) for i, o in zip(inputs, outputs, strict=True)):
        return False
    if any(np.all(o == o.flat[0]) for o in outputs):
        return False
    return len({_state_key([o]) for o in outputs}) > 1


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:8]
