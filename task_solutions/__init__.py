"""Hand-written solutions of ARC-AGI-1 training tasks, found by task id.

Each module `task_<id>.py` holds the rule in its docstring, `transform(grid)` written with the DSL and
`generate_input(rng)` drawing fresh inputs of the task. Nobody imports them by hand: use `get`, `ids`
and `program_text`.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType

import numpy as np

from omniarc.errors import OmniarcError
from omniarc.tasks import Example, Task, TaskFormatError, describe_grid_problem, to_grid

MODULE_PREFIX = "task_"
PACKAGE_DIR = Path(__file__).parent


class SolutionError(OmniarcError):
    """An unknown task id, or a solution that cannot do what was asked (say, draw enough fresh inputs)."""


def _defined_names(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return {
        n.id for target in targets if target is not None for n in ast.walk(target) if isinstance(n, ast.Name)
    }


def _used_names(node: ast.stmt) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def extract_program(source: str) -> str:
    """The program a model learns to write: `transform` and the top-level code it uses, nothing else.

    Drops the docstring, imports, `generate_input` and whatever only the generator needs."""
    tree = ast.parse(source)
    statements = [
        node
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign))
        and _defined_names(node)
    ]
    by_name = {name: node for node in statements for name in _defined_names(node)}
    if "transform" not in by_name:
        raise SolutionError("solution module defines no transform(grid)")
    needed, pending = set(), ["transform"]
    while pending:
        name = pending.pop()
        if name in needed or name not in by_name:
            continue
        needed.add(name)
        pending.extend(_used_names(by_name[name]))
    lines = source.splitlines()
    chunks = []
    for node in statements:
        if _defined_names(node) & needed:
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            chunks.append("\n".join(lines[first - 1 : node.end_lineno]))
    return "\n\n\n".join(chunks) + "\n"


@dataclass(frozen=True)
class Solution:
    """One task's solution: its rule, its program and its input generator."""

    task_id: str
    module: ModuleType

    @property
    def description(self) -> str:
        """The rule in one or two plain sentences (the module docstring)."""
        return (self.module.__doc__ or "").strip()

    @property
    def transform(self) -> Callable[[np.ndarray], np.ndarray]:
        """The solution's `transform(grid)`."""
        return self.module.transform

    @property
    def generate_input(self) -> Callable[[np.random.Generator], np.ndarray]:
        """The solution's `generate_input(rng)`."""
        return self.module.generate_input

    @cached_property
    def program(self) -> str:
        """The program text (see `extract_program`)."""
        return extract_program(Path(self.module.__file__).read_text())

    @property
    def exemptions(self) -> dict[str, str]:
        """Input-range checks this generator is exempt from, each with its justification."""
        return dict(getattr(self.module, "GENERATOR_EXEMPTIONS", {}))

    def apply(self, grid: np.ndarray) -> np.ndarray:
        """Run `transform` on a read-only copy of `grid` and validate the output."""
        source = np.array(grid, dtype=np.int8)
        source.setflags(write=False)
        return self._checked_output(source)

    def _checked_output(self, source: np.ndarray) -> np.ndarray:
        """`transform` of a read-only int8 grid nobody else holds, validated, as a new int8 array."""
        output = self.transform(source)
        problem = describe_grid_problem(output)
        if problem is not None:
            raise SolutionError(f"solution {self.task_id}: transform returned an invalid grid: {problem}")
        return np.array(output, dtype=np.int8)

    def sample_task(
        self, rng: np.random.Generator, n_train: int = 3, n_test: int = 1, max_attempts: int | None = None
    ) -> Task:
        """A fresh task of this rule: generated inputs, outputs from `transform`.

        Degenerate draws are redrawn: invalid grids, repeated inputs, and an output equal to its input
        when the real task never shows that. Raises SolutionError after `max_attempts` draws."""
        pairs = self._draw(rng, n_train + n_test, max_attempts, with_outputs=True)
        train, test, source = tuple(pairs[:n_train]), tuple(pairs[n_train:]), f"solution:{self.task_id}"
        if not train or not test:  # Task.from_pairs says which one is missing
            as_pairs = [[(e.input, e.output) for e in part] for part in (train, test)]
            return Task.from_pairs(self.task_id, *as_pairs, source)
        return Task(self.task_id, train, test, source)  # every grid is a checked read-only int8 array

    def sample_inputs(
        self, rng: np.random.Generator, n: int, max_attempts: int | None = None
    ) -> list[np.ndarray]:
        """`n` fresh, distinct, valid inputs of this rule, without running `transform` (for samples that
        show inputs only). Raises SolutionError after `max_attempts` draws."""
        return [example.input for example in self._draw(rng, n, max_attempts, with_outputs=False)]

    def _draw(
        self, rng: np.random.Generator, needed: int, max_attempts: int | None, *, with_outputs: bool
    ) -> list[Example]:
        attempts = max_attempts if max_attempts is not None else 20 * needed + 20
        identity_ok = not with_outputs or _real_task_has_identity(self.task_id)
        examples: list[Example] = []
        seen: set[bytes] = set()
        for _ in range(attempts):
            if len(examples) == needed:
                break
            try:
                grid = to_grid(self.generate_input(rng), f"solution {self.task_id}: generated input")
                # grid is already a fresh read-only int8 copy
                output = self._checked_output(grid) if with_outputs else None
            except (TaskFormatError, SolutionError):
                continue
            key = bytes(grid.shape) + grid.tobytes()
            if key in seen or (not identity_ok and np.array_equal(grid, output)):
                continue
            seen.add(key)
            if output is not None:
                output.setflags(write=False)
            examples.append(Example(grid, output))
        if len(examples) < needed:
            raise SolutionError(
                f"solution {self.task_id}: only {len(examples)} of {needed} valid, distinct inputs "
                f"in {attempts} draws"
            )
        return examples


@cache
def _real_task_has_identity(task_id: str) -> bool:
    from omniarc.datasets import load_dataset

    task = load_dataset("arc-agi-1/training").get(task_id)
    return any(e.output is not None and np.array_equal(e.input, e.output) for e in task.examples)


@cache
def ids() -> tuple[str, ...]:
    """Ids of every task with a solution, sorted."""
    return tuple(
        sorted(
            info.name[len(MODULE_PREFIX) :]
            for info in pkgutil.iter_modules([str(PACKAGE_DIR)])
            if info.name.startswith(MODULE_PREFIX)
        )
    )


@cache
def get(task_id: str) -> Solution:
    """The solution of `task_id`; SolutionError when there is none."""
    if task_id not in ids():
        raise SolutionError(
            f"no solution for task {task_id!r} ({len(ids())} tasks have one: see `omniarc solutions list`)"
        )
    return Solution(task_id, importlib.import_module(f"{__name__}.{MODULE_PREFIX}{task_id}"))


def program_text(task_id: str) -> str:
    """The exact program a model is trained to write for `task_id`."""
    return get(task_id).program
