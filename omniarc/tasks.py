"""ARC tasks and examples: validated 2-D integer grids, indexed [row, col] exactly as in ARC JSON."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from omniarc.errors import OmniarcError

GRID_DTYPE = np.int8
MAX_SIDE = 30
_largest = np.maximum.reduce  # the ufunc itself: skips ndarray.max's Python-level wrapper


class TaskFormatError(OmniarcError):
    """A task, example or grid that breaks the ARC format; the message says where and what."""


def describe_grid_problem(value: Any) -> str | None:
    """Return why `value` is not a valid ARC grid, or None when it is one."""
    if isinstance(value, np.ndarray):
        if value.ndim != 2:
            return f"expected a 2-D grid, got {value.ndim} dimensions"
        if value.dtype.kind not in "iu":
            if value.dtype.kind == "b":
                return "expected integers 0..9, got booleans"
            if value.dtype.kind == "f" and np.all(np.isfinite(value)) and np.all(value == np.round(value)):
                array = value
            else:
                return f"expected integers 0..9, got dtype {value.dtype}"
        else:
            array = value
    else:
        if not isinstance(value, (list, tuple)):
            return f"expected a list of rows, got {type(value).__name__}"
        if len(value) == 0:
            return "grid has no rows"
        widths = set()
        for index, row in enumerate(value):
            if not isinstance(row, (list, tuple)):
                return f"row {index} is {type(row).__name__}, expected a list of integers"
            widths.add(len(row))
            for cell in row:
                if isinstance(cell, bool) or not isinstance(cell, (int, np.integer)):
                    return f"row {index} holds {cell!r}, expected integers 0..9"
        if len(widths) > 1:
            return f"ragged rows: row lengths {sorted(widths)}"
        array = np.asarray(value)
        if array.ndim != 2:
            return "grid has empty rows"
    height, width = array.shape
    if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE):
        return f"shape {height}x{width} is outside 1..{MAX_SIDE} per side"
    if array.dtype == GRID_DTYPE and _largest(array.view(np.uint8), axis=None) <= 9:
        return None  # the common case in one pass: negative int8 values read as >= 128
    low, high = int(array.min()), int(array.max())
    if low < 0 or high > 9:
        bad = low if low < 0 else high
        return f"colour {bad} is outside 0..9"
    return None


def to_grid(value: Any, where: str = "grid") -> np.ndarray:
    """Validate `value` as an ARC grid and return a fresh read-only int8 array; `where` names it in errors."""
    problem = describe_grid_problem(value)
    if problem is not None:
        raise TaskFormatError(f"{where}: {problem}")
    grid = np.array(value, dtype=GRID_DTYPE)
    grid.setflags(write=False)
    return grid


def _same_grid(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and np.array_equal(a, b))


@dataclass(frozen=True, eq=False)
class Example:
    """One input/output pair; `output` is None for a test input whose answer is unknown."""

    input: np.ndarray
    output: np.ndarray | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Example):
            return NotImplemented
        return _same_grid(self.input, other.input) and _same_grid(self.output, other.output)

    __hash__ = None  # type: ignore[assignment]  # grids are arrays: compare, never hash

    def to_json(self) -> dict[str, list[list[int]]]:
        """The ARC JSON form of this example (output left out when unknown)."""
        data = {"input": self.input.tolist()}
        if self.output is not None:
            data["output"] = self.output.tolist()
        return data


@dataclass(frozen=True)
class Task:
    """An ARC task: an id, train examples with outputs, and test examples whose outputs may be unknown."""

    id: str
    train: tuple[Example, ...]
    test: tuple[Example, ...]
    source: str = field(default="", compare=False)

    @classmethod
    def from_json(
        cls, task_id: str, data: Any, source: str = "", solutions: Sequence[Any] | None = None
    ) -> Task:
        """Build a task from ARC JSON (`{"train": [...], "test": [...]}`), validating every grid.

        `solutions` optionally holds the test outputs (Kaggle's separate solutions file)."""
        where = f"{source}: task {task_id}" if source else f"task {task_id}"
        if not isinstance(data, dict):
            raise TaskFormatError(
                f"{where}: expected an object with 'train' and 'test', got {type(data).__name__}"
            )
        splits = {}
        for split in ("train", "test"):
            items = data.get(split)
            if not isinstance(items, list):
                raise TaskFormatError(f"{where}: field '{split}' must be a list of examples")
            examples = []
            for index, item in enumerate(items):
                place = f"{where}, {split} example {index}"
                if not isinstance(item, dict) or "input" not in item:
                    raise TaskFormatError(f"{place}: expected an object with 'input'")
                output = item.get("output")
                if output is None and split == "test" and solutions is not None:
                    if index >= len(solutions):
                        raise TaskFormatError(f"{place}: solutions file has no output for this test input")
                    output = solutions[index]
                if output is None and split == "train":
                    raise TaskFormatError(f"{place}: train examples need an 'output'")
                examples.append(
                    Example(
                        to_grid(item["input"], f"{place}, input"),
                        None if output is None else to_grid(output, f"{place}, output"),
                    )
                )
            splits[split] = tuple(examples)
        if not splits["train"]:
            raise TaskFormatError(f"{where}: no train examples")
        if not splits["test"]:
            raise TaskFormatError(f"{where}: no test examples")
        return cls(task_id, splits["train"], splits["test"], source)

    @classmethod
    def from_pairs(
        cls, task_id: str, train: Iterable[tuple[Any, Any]], test: Iterable[tuple[Any, Any]], source: str = ""
    ) -> Task:
        """Build a task from (input, output) pairs; a test output may be None."""
        data = {
            "train": [{"input": i, "output": o} for i, o in train],
            "test": [{"input": i, "output": o} if o is not None else {"input": i} for i, o in test],
        }
        return cls.from_json(task_id, data, source)

    @property
    def examples(self) -> tuple[Example, ...]:
        """Train then test examples."""
        return self.train + self.test

    @property
    def has_test_outputs(self) -> bool:
        """Whether every test output is known."""
        return all(example.output is not None for example in self.test)

    def to_json(self) -> dict[str, list[dict[str, list[list[int]]]]]:
        """The ARC JSON form of this task."""
        return {"train": [e.to_json() for e in self.train], "test": [e.to_json() for e in self.test]}

    def _repr_png_(self) -> bytes:
        from omniarc.render import task_png_bytes

        return task_png_bytes(self)

    def _repr_html_(self) -> str:
        from omniarc.render import task_html

        return task_html(self)

    def __repr__(self) -> str:
        return f"Task({self.id!r}, train={len(self.train)}, test={len(self.test)})"
