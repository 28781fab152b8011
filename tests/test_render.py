"""Rendering real ARC tasks: PNG files read back pixel by pixel, notebook HTML, and the terminal view."""

import io
import re
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image
from rich.console import Console

from omniarc.datasets import find_task
from omniarc.render import (
    PALETTE,
    RIGHT_COLOR,
    WRONG_COLOR,
    GridView,
    RenderError,
    grid_html,
    grid_png_bytes,
    grid_to_rich,
    print_task,
    save_task_png,
    task_html,
    task_png_bytes,
)
from omniarc.tasks import Task, TaskFormatError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[index : index + 2], 16) for index in (1, 3, 5))


def pixel_counts(png: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each RGB colour a PNG holds."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(np.int64)
    codes, counts = np.unique(pixels[:, 0] << 16 | pixels[:, 1] << 8 | pixels[:, 2], return_counts=True)
    return {
        (code >> 16, code >> 8 & 255, code & 255): count
        for code, count in zip(codes.tolist(), counts.tolist(), strict=True)
    }


@pytest.fixture(scope="module")
def task() -> Task:
    """Training task 007bbfb7: five 3x3 -> 9x9 pairs in orange, yellow, red and magenta; one test pair."""
    return find_task("007bbfb7")


@pytest.fixture(scope="module")
def wrong_attempt(task) -> np.ndarray:
    """The test output with two cells painted maroon (9), a colour the task never uses."""
    attempt = task.test[0].output.copy()
    attempt[0, :2] = 9
    return attempt


def test_save_task_png_writes_a_png_with_the_task_colours(task, tmp_path):
    path = save_task_png(task, tmp_path / "renders" / "task.png")
    png = path.read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    counts = pixel_counts(png)
    used = {
        int(value)
        for example in task.examples
        for grid in (example.input, example.output)
        for value in np.unique(grid)
    }
    assert used == {0, 2, 4, 6, 7}
    for value in used:
        assert counts.get(rgb(PALETTE[value]), 0) > 200, f"colour {value} ({PALETTE[value]}) missing"
    assert rgb(PALETTE[9]) not in counts


def test_predictions_are_drawn_beside_the_truth_with_marks(task, wrong_attempt):
    plain = task_png_bytes(task)
    with_predictions = task_png_bytes(task, predictions=[[task.test[0].output, wrong_attempt]])
    counts = pixel_counts(with_predictions)
    assert counts.get(rgb(PALETTE[9]), 0) > 100  # the wrong attempt's maroon cells
    assert counts.get(rgb(RIGHT_COLOR), 0) > 100 and counts.get(rgb(WRONG_COLOR), 0) > 100  # frames
    assert rgb(RIGHT_COLOR) not in pixel_counts(plain)
    width_plain = Image.open(io.BytesIO(plain)).size[0]
    assert Image.open(io.BytesIO(with_predictions)).size[0] == 2 * width_plain  # two more columns


def test_predictions_in_submission_form_render_the_same(task, wrong_attempt):
    as_lists = task_png_bytes(task, predictions=[[task.test[0].output, wrong_attempt]])
    as_mapping = task_png_bytes(
        task, predictions=[{"attempt_2": wrong_attempt.tolist(), "attempt_1": task.test[0].output.tolist()}]
    )
    assert pixel_counts(as_lists) == pixel_counts(as_mapping)


def test_bad_predictions_are_clear_errors(task):
    with pytest.raises(RenderError, match="task 007bbfb7: predictions hold 2 entries for 1 test inputs"):
        task_png_bytes(task, predictions=[[], []])
    with pytest.raises(TaskFormatError, match="prediction for test 1, attempt 2: colour 10"):
        task_png_bytes(task, predictions=[[[[1]], [[10]]]])


def test_task_repr_png_and_grid_png_are_png_bytes(task):
    png = task._repr_png_()
    assert png.startswith(PNG_SIGNATURE)
    grid_png = grid_png_bytes(task.train[3].input)  # magenta and black
    assert grid_png.startswith(PNG_SIGNATURE)
    counts = pixel_counts(grid_png)
    assert counts.get(rgb(PALETTE[6]), 0) > 1000 and counts.get(rgb(PALETTE[0]), 0) > 1000
    assert GridView(task.train[3].input)._repr_png_().startswith(PNG_SIGNATURE)


def test_unknown_test_output_is_shown_as_a_question_mark(task):
    unknown = Task.from_pairs(
        "unknown", [(e.input, e.output) for e in task.train], [(task.test[0].input, None)]
    )
    assert task_png_bytes(unknown).startswith(PNG_SIGNATURE)
    assert "test 1: 3x3 -&gt; ?" in task_html(unknown)
    console = Console(record=True, width=100, color_system=None)
    print_task(unknown, console=console, predictions=[[task.test[0].output]])
    text = console.export_text()
    assert "test 1: 3x3 -> ?" in text and "attempt 1" in text and "✓" not in text


def table_cells(html: str) -> list[tuple[str, list[int]]]:
    """The shape and the cell values (from the arc<value> classes) of each grid table in some HTML."""
    tables = re.findall(r'<table class="omniarc-grid" data-shape="(\d+x\d+)"[^>]*>(.*?)</table>', html)
    return [(shape, [int(value) for value in re.findall(r'class="arc(\d)"', body)]) for shape, body in tables]


def test_html_contains_every_grid_in_order(task, wrong_attempt):
    html = task_html(task, predictions=[[task.test[0].output, wrong_attempt]])
    tables = table_cells(html)
    expected = [grid for example in task.examples for grid in (example.input, example.output)]
    expected += [task.test[0].output, wrong_attempt]
    assert [shape for shape, _ in tables] == [f"{grid.shape[0]}x{grid.shape[1]}" for grid in expected]
    assert [cells for _, cells in tables] == [grid.ravel().tolist() for grid in expected]
    for value in (0, 7, 9):
        assert f"td.arc{value}{{background:{PALETTE[value]}}}" in html
    assert "train 1: 3x3 -&gt; 9x9" in html and "attempt 1 9x9 ✓" in html and "attempt 2 9x9 ✗" in html
    assert "<script" not in html


def test_grid_html_and_grid_view(task):
    grid = task.train[0].input
    html = grid_html(grid)
    assert html.startswith("<style>") and table_cells(html) == [("3x3", grid.ravel().tolist())]
    view = GridView(grid)
    assert view._repr_html_() == html and repr(view) == "GridView(3x3)"


def test_grid_to_rich_shows_colours_or_digits(task):
    grid = task.train[0].input  # [[0, 7, 7], [7, 7, 7], [0, 7, 7]]
    plain = Console(record=True, width=40, color_system=None)
    plain.print(grid_to_rich(grid))
    assert plain.export_text() == "0 7 7 \n7 7 7 \n0 7 7 \n"
    coloured = Console(record=True, width=40, force_terminal=True, color_system="truecolor")
    coloured.print(grid_to_rich(grid))
    ansi = coloured.export_text(styles=True)
    assert "48;2;255;133;27m" in ansi and "48;2;0;0;0m" in ansi  # orange and black backgrounds
    assert "38;2;255;133;27;48;2;255;133;27m" in ansi  # digit hidden in its own colour
    coloured.print(grid_to_rich(grid, show_digits=True))
    assert "38;2;0;0;0;48;2;255;133;27m" in coloured.export_text(styles=True)  # black digit on orange


def test_print_task_shows_titles_and_pairs_side_by_side(task, wrong_attempt):
    console = Console(record=True, width=120, color_system=None)
    print_task(task, console=console, predictions=[[task.test[0].output, wrong_attempt]])
    lines = console.export_text().splitlines()
    assert lines[0] == "task 007bbfb7"
    assert re.match(r"train 1: 3x3 -> 9x9 +train 2: 3x3 -> 9x9 +train 3: 3x3 -> 9x9", lines[1])
    assert re.match(r"0 7 7    0 0 0 0 7 7 0 7 7 +4 0 4    4 0 4 0 0 0 4 0 4", lines[3])
    test_title = next(index for index, line in enumerate(lines) if line.startswith("test 1"))
    assert lines[test_title].strip() == "test 1: 3x3 -> 9x9"
    assert re.match(r"input +output +attempt 1 ✓ +attempt 2 ✗", lines[test_title + 1])
    assert re.fullmatch(
        r"7 0 7 +7 0 7 0 0 0 7 0 7 +7 0 7 0 0 0 7 0 7 +9 9 7 0 0 0 7 0 7", lines[test_title + 2].strip()
    )
    assert max(len(line) for line in lines) <= 120


def test_print_task_wraps_when_the_console_is_narrow(task):
    console = Console(record=True, width=20, color_system=None)
    print_task(task, console=console)
    lines = console.export_text().splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 20
    first = lines.index("train 1: 3x3 -> 9x9")
    assert [line.rstrip() for line in lines[first + 1 : first + 5]] == ["input", "0 7 7", "7 7 7", "0 7 7"]
    assert lines[first + 5].rstrip() == "output"
    assert sum(line.startswith("train ") for line in lines) == 5


def test_print_task_keeps_a_30_wide_grid_on_an_80_column_terminal():
    console = Console(record=True, width=80, color_system=None)
    print_task(find_task("3631a71a"), console=console)
    lines = console.export_text().splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 60
    assert sum(bool(re.fullmatch(r"(\d ){29}\d", line.rstrip())) for line in lines) == 10 * 30  # none cut


def test_importing_render_loads_neither_matplotlib_nor_rich():
    code = "import sys, omniarc.render; print(sorted({'matplotlib', 'rich'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
