"""Pictures of grids and tasks: PNG (matplotlib, Agg), HTML for notebooks and coloured cells in a terminal.

Every view shows a task the same way: one row per example (train pairs, then test inputs), each with
its input, its output (``?`` when unknown) and, for test inputs, the predicted attempts beside the truth
with a mark (``✓`` right, ``✗`` wrong) when the truth is known. Colours are the standard ARC palette
(`PALETTE`). matplotlib and rich are imported inside the functions that use them, so importing this
module stays cheap, and PNGs are drawn on a bare `Figure` (no pyplot, no display needed).

`predictions` (where accepted) holds one entry per test input: a list of attempt grids, or a mapping
like ``{"attempt_1": grid, "attempt_2": grid}`` (Kaggle's submission format, attempts in key order).
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from omniarc.errors import OmniarcError
from omniarc.tasks import Task, to_grid

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text

PALETTE = (
    "#000000",
    "#0074D9",
    "#FF4136",
    "#2ECC40",
    "#FFDC00",
    "#AAAAAA",
    "#F012BE",
    "#FF851B",
    "#7FDBFF",
    "#870C25",
)
"""The standard ARC colours of the values 0..9 (black, blue, red, green, yellow, grey, magenta, orange,
sky blue, maroon)."""

GRID_LINE_COLOR = "#555555"
RIGHT_COLOR = "#1E9E3A"
WRONG_COLOR = "#D62728"
PNG_DPI = 100

Predictions = Sequence[Sequence[Any] | Mapping[str, Any]]


class RenderError(OmniarcError):
    """Predictions that do not fit the task they are drawn with (one entry per test input is needed)."""


@dataclass(frozen=True)
class _Panel:
    """One grid of a task view: its label, the grid (None when unknown) and whether an attempt is right."""

    label: str
    grid: np.ndarray | None
    correct: bool | None = None

    @property
    def mark(self) -> str:
        """`` ✓`` for a right attempt, `` ✗`` for a wrong one, nothing otherwise."""
        return {True: " ✓", False: " ✗", None: ""}[self.correct]

    @property
    def caption(self) -> str:
        """The label with the shape and the right/wrong mark: ``attempt 1 3x3 ✓``."""
        return f"{self.label} {_shape(self.grid)}{self.mark}"

    def color(self, neutral: str) -> str:
        """Green for a right attempt, red for a wrong one, `neutral` otherwise."""
        return {True: RIGHT_COLOR, False: WRONG_COLOR, None: neutral}[self.correct]


@dataclass(frozen=True)
class _Row:
    """One example of a task view: a title such as ``train 1: 3x3 -> 9x9`` and its panels."""

    name: str
    title: str
    panels: tuple[_Panel, ...]


def _shape(grid: np.ndarray | None) -> str:
    return "?" if grid is None else f"{grid.shape[0]}x{grid.shape[1]}"


def _attempts(task: Task, predictions: Predictions | None) -> list[list[np.ndarray]]:
    """The validated attempt grids for each test input of `task` (empty lists without predictions)."""
    if predictions is None:
        return [[] for _ in task.test]
    if len(predictions) != len(task.test):
        raise RenderError(
            f"task {task.id}: predictions hold {len(predictions)} entries for {len(task.test)} test inputs"
        )
    result = []
    for index, attempts in enumerate(predictions, 1):
        if isinstance(attempts, Mapping):
            attempts = [attempts[key] for key in sorted(attempts)]
        result.append(
            [
                to_grid(attempt, f"task {task.id}, prediction for test {index}, attempt {number}")
                for number, attempt in enumerate(attempts, 1)
            ]
        )
    return result


def _task_rows(task: Task, predictions: Predictions | None) -> list[_Row]:
    """The rows every view of a task shows, in order: train pairs, then test inputs with their attempts."""
    rows = [
        _Row(
            f"train {number}",
            f"train {number}: {_shape(example.input)} -> {_shape(example.output)}",
            (_Panel("input", example.input), _Panel("output", example.output)),
        )
        for number, example in enumerate(task.train, 1)
    ]
    for number, (example, attempts) in enumerate(
        zip(task.test, _attempts(task, predictions), strict=True), 1
    ):
        truth = example.output
        panels = [_Panel("input", example.input), _Panel("output", truth)]
        panels += [
            _Panel(
                f"attempt {index}", attempt, None if truth is None else bool(np.array_equal(attempt, truth))
            )
            for index, attempt in enumerate(attempts, 1)
        ]
        title = f"test {number}: {_shape(example.input)} -> {_shape(truth)}"
        rows.append(_Row(f"test {number}", title, tuple(panels)))
    return rows


# PNG -------------------------------------------------------------------------------------------------


def _draw_grid(axes: Axes, grid: np.ndarray | None) -> None:
    """Draw a grid in the palette with thin lines between cells, or a ``?`` for an unknown grid."""
    from matplotlib.colors import ListedColormap

    axes.set_xticks([])
    axes.set_yticks([])
    if grid is None:
        axes.text(0.5, 0.5, "?", ha="center", va="center", fontsize=24, color=GRID_LINE_COLOR)
        return
    height, width = grid.shape
    axes.imshow(grid, cmap=ListedColormap(PALETTE), vmin=0, vmax=9, interpolation="nearest")
    line_width = 0.8 if max(height, width) <= 12 else 0.4
    axes.hlines(np.arange(-0.5, height), -0.5, width - 0.5, colors=GRID_LINE_COLOR, linewidths=line_width)
    axes.vlines(np.arange(-0.5, width), -0.5, height - 0.5, colors=GRID_LINE_COLOR, linewidths=line_width)
    axes.set_xlim(-0.5, width - 0.5)
    axes.set_ylim(height - 0.5, -0.5)


def _figure(rows: list[list[tuple[str, _Panel]]]) -> Figure:
    """A figure with one line of titled panels per row; right or wrong attempts get a coloured frame."""
    from matplotlib.figure import Figure

    largest = max((max(p.grid.shape) for row in rows for _, p in row if p.grid is not None), default=1)
    side = min(3.2, max(1.6, 0.9 + 0.08 * largest))
    columns = max(len(row) for row in rows)
    figure = Figure(figsize=(columns * side, len(rows) * (side + 0.4)), dpi=PNG_DPI, layout="constrained")
    for row_index, row in enumerate(rows):
        for column_index, (title, panel) in enumerate(row):
            axes = figure.add_subplot(len(rows), columns, row_index * columns + column_index + 1)
            _draw_grid(axes, panel.grid)
            color = panel.color("black")
            axes.set_title(title, fontsize=9, color=color)
            if panel.correct is not None:
                for spine in axes.spines.values():
                    spine.set(color=color, linewidth=3)
    return figure


def _png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_DPI, facecolor="white")
    return buffer.getvalue()


def grid_png_bytes(grid: Any, title: str = "") -> bytes:
    """A PNG picture of one grid (anything `to_grid` accepts), titled with `title` or its shape."""
    panel = _Panel("grid", to_grid(grid))
    return _png_bytes(_figure([[(title or _shape(panel.grid), panel)]]))


def task_png_bytes(task: Task, predictions: Predictions | None = None) -> bytes:
    """A PNG picture of a task: every pair, the test inputs, known outputs and predicted attempts."""
    rows = [
        [(f"{row.name}: {panel.caption}", panel) for panel in row.panels]
        for row in _task_rows(task, predictions)
    ]
    figure = _figure(rows)
    figure.suptitle(f"task {task.id}", fontsize=11)
    return _png_bytes(figure)


def save_task_png(task: Task, path: str | Path, predictions: Predictions | None = None) -> Path:
    """Write `task_png_bytes(task, predictions)` to `path` (parent folders created) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(task_png_bytes(task, predictions))
    return path


# HTML ------------------------------------------------------------------------------------------------


_HTML_STYLE = (
    "<style>.omniarc-grid{border-collapse:collapse;table-layout:fixed;margin:0}"
    f".omniarc-grid td{{width:var(--cell);height:var(--cell);padding:0;border:1px solid {GRID_LINE_COLOR}}}"
    + "".join(f".omniarc-grid td.arc{value}{{background:{color}}}" for value, color in enumerate(PALETTE))
    + "</style>"
)


def _grid_table(grid: np.ndarray) -> str:
    """An HTML table of a validated grid, one cell per grid cell with the class ``arc<value>``."""
    height, width = grid.shape
    size = 16 if max(height, width) <= 10 else 12 if max(height, width) <= 20 else 9
    body = "".join(
        "<tr>" + "".join(f'<td class="arc{value}"></td>' for value in row) + "</tr>" for row in grid.tolist()
    )
    return f'<table class="omniarc-grid" data-shape="{height}x{width}" style="--cell:{size}px">{body}</table>'


def grid_html(grid: Any) -> str:
    """A self-contained HTML table with one coloured cell per grid cell (its own style block, no scripts)."""
    return _HTML_STYLE + _grid_table(to_grid(grid))


def task_html(task: Task, predictions: Predictions | None = None) -> str:
    """A self-contained HTML view of a task (what `task_png_bytes` shows), for notebooks and reports."""
    label_style = "font:12px sans-serif;margin:2px 0"
    parts = [
        f'{_HTML_STYLE}<div class="omniarc-task">'
        f'<div style="font:bold 14px sans-serif">task {html.escape(task.id)}</div>'
    ]
    for row in _task_rows(task, predictions):
        parts.append(f'<div style="{label_style};margin-top:10px">{html.escape(row.title)}</div>')
        parts.append('<div style="display:flex;gap:18px;align-items:flex-start">')
        for panel in row.panels:
            style = f"{label_style};color:{panel.color('inherit')}"
            caption = f'<div style="{style}">{html.escape(panel.caption)}</div>'
            unknown = '<div style="font:24px sans-serif">?</div>'
            body = unknown if panel.grid is None else _grid_table(panel.grid)
            parts.append(f"<div>{caption}{body}</div>")
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


class GridView:
    """A grid that displays itself: PNG and HTML in notebooks, coloured cells in rich consoles."""

    def __init__(self, grid: Any, title: str = "") -> None:
        self.grid = to_grid(grid)
        self.title = title

    def _repr_png_(self) -> bytes:
        return grid_png_bytes(self.grid, self.title)

    def _repr_html_(self) -> str:
        return grid_html(self.grid)

    def __rich__(self) -> Text:
        return grid_to_rich(self.grid)

    def __repr__(self) -> str:
        return f"GridView({_shape(self.grid)})"


# Terminal --------------------------------------------------------------------------------------------


@cache
def _cell_style(value: int, show_digits: bool) -> Style:
    """The style of a cell: its palette colour as background; the digit hidden in it unless `show_digits`."""
    from rich.color import Color
    from rich.style import Style

    background = Color.parse(PALETTE[value])
    if show_digits:
        red, green, blue = background.get_truecolor()
        foreground = Color.parse("#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#FFFFFF")
    else:
        foreground = background
    return Style(color=foreground, bgcolor=background)


def grid_to_rich(grid: Any, show_digits: bool = False) -> Text:
    """A rich renderable of a grid: two characters per cell on the cell's palette colour.

    Each cell is its digit and a space, written in the background colour unless `show_digits`: solid
    blocks on a colour terminal, readable digits where colours are off (and in copied text)."""
    from rich.text import Text

    text = Text(no_wrap=True, overflow="crop")
    for index, row in enumerate(to_grid(grid).tolist()):
        if index:
            text.append("\n")
        for value in row:
            text.append(f"{value} ", _cell_style(value, show_digits))
    return text


def _beside(parts: list[Text], gap: int) -> Text:
    """Multi-line texts joined side by side, each padded to its width, with `gap` spaces between."""
    from rich.text import Text

    columns = [part.split("\n") for part in parts]
    widths = [max(line.cell_len for line in lines) for lines in columns]
    joined = Text(no_wrap=True, overflow="crop")
    for line_index in range(max(len(lines) for lines in columns)):
        if line_index:
            joined.append("\n")
        for index, (lines, width) in enumerate(zip(columns, widths, strict=True)):
            line = lines[line_index] if line_index < len(lines) else Text()
            joined.append_text(line)
            if index < len(columns) - 1:
                joined.append(" " * (width - line.cell_len + gap))
    return joined


def _row_block(row: _Row, width: int, show_digits: bool) -> Text:
    """One example: its title, then its panels side by side, wrapping onto more lines past `width`."""
    from rich.text import Text

    gap = 3
    panels = []
    for panel in row.panels:
        label = Text(panel.label + panel.mark, style=f"bold {panel.color('')}".strip())
        grid = grid_to_rich(panel.grid, show_digits) if panel.grid is not None else Text("?")
        panels.append(Text("\n").join([label, grid]))
    lines: list[list[Text]] = [[]]
    used = 0
    for panel in panels:
        panel_width = max(line.cell_len for line in panel.split("\n"))
        if lines[-1] and used + gap + panel_width > width:
            lines.append([])
            used = 0
        used += panel_width + (gap if lines[-1] else 0)
        lines[-1].append(panel)
    block = Text("\n").join([Text(row.title, style="bold"), *(_beside(line, gap) for line in lines)])
    block.no_wrap, block.overflow = True, "crop"
    return block


def print_task(
    task: Task,
    console: Console | None = None,
    predictions: Predictions | None = None,
    show_digits: bool = False,
) -> None:
    """Print a task to a terminal: train pairs side by side, then test inputs (outputs, attempts if given).

    Examples that do not fit beside each other wrap onto the next lines; a pair wider than the console
    stacks its grids. Without colour support the cells show their digits."""
    from rich.columns import Columns
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    rows = _task_rows(task, predictions)
    console.print(Text(f"task {task.id}", style="bold underline"))
    for group in (rows[: len(task.train)], rows[len(task.train) :]):
        console.print(Columns([_row_block(row, console.width, show_digits) for row in group], padding=(1, 4)))
