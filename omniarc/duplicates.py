"""Find tasks that are the same, or nearly the same, within and across datasets.

Exact duplicates hold the same examples up to order (train and test together). Near duplicates share
rule evidence: an identical test input, or at least one identical (input, output) example.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from omniarc.tasks import Task


@dataclass(frozen=True)
class TaskRef:
    """A task as found in one dataset."""

    dataset: str
    task_id: str

    def __str__(self) -> str:
        return f"{self.dataset}:{self.task_id}"


@dataclass(frozen=True)
class DuplicateGroup:
    """Tasks that are exact duplicates, or near duplicates with the reason why."""

    kind: str  # "exact" or "near"
    reason: str
    tasks: tuple[TaskRef, ...]


def _grid_key(grid: np.ndarray | None) -> bytes:
    if grid is None:
        return b"?"
    return bytes(grid.shape) + grid.astype(np.int8).tobytes()


def _example_key(example_input: np.ndarray, example_output: np.ndarray | None) -> bytes:
    return _grid_key(example_input) + b"|" + _grid_key(example_output)


def _groups(index: dict[bytes, list[TaskRef]]) -> list[tuple[TaskRef, ...]]:
    found = set()
    for refs in index.values():
        unique = tuple(sorted(set(refs), key=str))
        if len(unique) > 1:
            found.add(unique)
    return sorted(found, key=lambda refs: [str(ref) for ref in refs])


def find_duplicates(datasets: Iterable[tuple[str, Iterable[Task]]]) -> list[DuplicateGroup]:
    """Exact and near duplicate groups among the tasks of the named datasets."""
    whole: dict[bytes, list[TaskRef]] = defaultdict(list)
    test_inputs: dict[bytes, list[TaskRef]] = defaultdict(list)
    examples: dict[bytes, list[TaskRef]] = defaultdict(list)
    for name, tasks in datasets:
        for task in tasks:
            ref = TaskRef(name, task.id)
            keys = sorted(_example_key(e.input, e.output) for e in task.examples)
            whole[b"".join(keys)].append(ref)
            for example in task.test:
                test_inputs[_grid_key(example.input)].append(ref)
            for example in task.train:
                examples[_example_key(example.input, example.output)].append(ref)
    result = [DuplicateGroup("exact", "same examples", refs) for refs in _groups(whole)]
    exact = {refs for refs in _groups(whole)}
    near: dict[tuple[TaskRef, ...], list[str]] = defaultdict(list)
    for reason, index in (("same test input", test_inputs), ("shared example", examples)):
        for refs in _groups(index):
            if refs not in exact and reason not in near[refs]:
                near[refs].append(reason)
    result += [
        DuplicateGroup("near", ", ".join(reasons), refs)
        for refs, reasons in sorted(near.items(), key=lambda kv: [str(r) for r in kv[0]])
    ]
    return result
