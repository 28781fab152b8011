"""Kaggle submissions: build, validate, write, read and score `submission.json`.

The format is ``{task_id: [{"attempt_1": grid, "attempt_2": grid}, ...]}`` with one entry per test input,
in order, and every task of the dataset present. A test input is solved when either attempt equals its
output exactly; a task scores the fraction of its test inputs solved; the score is the mean over tasks.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from omniarc.errors import OmniarcError
from omniarc.tasks import Task, describe_grid_problem

ATTEMPT_KEYS = ("attempt_1", "attempt_2")
LAST_RESORT = ((0,),)


class SubmissionError(OmniarcError):
    """A malformed submission, or one that does not fit its dataset; the message names the task and field."""


Grid = list[list[int]]
Submission = dict[str, list[dict[str, Grid]]]


def attempts_entry(attempts: Sequence[np.ndarray], test_input: np.ndarray) -> dict[str, Grid]:
    """The submission entry of one test input: its first two attempts, padded with fallbacks.

    A missing attempt becomes the test input itself (right for tasks that change little) or, when that is
    already an attempt, ``[[0]]``."""
    grids = [np.asarray(grid).tolist() for grid in attempts[: len(ATTEMPT_KEYS)]]
    for fallback in (np.asarray(test_input).tolist(), [list(row) for row in LAST_RESORT]):
        if len(grids) < len(ATTEMPT_KEYS) and fallback not in grids:
            grids.append(fallback)
    while len(grids) < len(ATTEMPT_KEYS):
        grids.append([list(row) for row in LAST_RESORT])
    return dict(zip(ATTEMPT_KEYS, grids, strict=True))


def _task_map(tasks: Iterable[Task] | Mapping[str, Task]) -> dict[str, Task]:
    return dict(tasks) if isinstance(tasks, Mapping) else {task.id: task for task in tasks}


def validate_submission(
    submission: Any, tasks: Iterable[Task] | Mapping[str, Task] | None = None
) -> Submission:
    """Check the format (and, with `tasks`, that every task is there with one entry per test input).

    Returns the submission; raises SubmissionError naming the task, the test input and the field."""
    if not isinstance(submission, dict):
        raise SubmissionError(
            f"submission: expected an object mapping task ids to lists, got {type(submission).__name__}"
        )
    by_id = None if tasks is None else _task_map(tasks)
    for task_id, entries in submission.items():
        where = f"submission: task {task_id}"
        if not isinstance(entries, list):
            raise SubmissionError(
                f"{where}: expected a list of attempt objects, got {type(entries).__name__}"
            )
        if by_id is not None:
            if task_id not in by_id:
                raise SubmissionError(f"{where}: not a task of the dataset")
            expected = len(by_id[task_id].test)
            if len(entries) != expected:
                raise SubmissionError(f"{where}: {len(entries)} entries for {expected} test inputs")
        for index, entry in enumerate(entries):
            place = f"{where}, test {index}"
            if not isinstance(entry, dict):
                raise SubmissionError(f"{place}: expected an object with {' and '.join(ATTEMPT_KEYS)}")
            unknown = sorted(set(entry) - set(ATTEMPT_KEYS))
            if unknown:
                raise SubmissionError(f"{place}: unknown field {unknown[0]!r}")
            for key in ATTEMPT_KEYS:
                if key not in entry:
                    raise SubmissionError(f"{place}: field {key!r} is missing")
                problem = describe_grid_problem(entry[key])
                if problem is not None:
                    raise SubmissionError(f"{place}, {key}: {problem}")
    if by_id is not None:
        missing = [task_id for task_id in by_id if task_id not in submission]
        if missing:
            more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
            raise SubmissionError(
                f"submission: task {missing[0]}{more} missing ({len(by_id)} tasks expected)"
            )
    return submission


def atomic_write_json(data: Any, path: str | Path) -> Path:
    """Write `data` as JSON to `path` through a temporary file and a rename: never half-written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w") as stream:
            json.dump(data, stream)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_submission(
    submission: Submission, path: str | Path, tasks: Iterable[Task] | Mapping[str, Task] | None = None
) -> Path:
    """Validate (against `tasks` when given), then write atomically."""
    return atomic_write_json(validate_submission(submission, tasks), path)


def load_submission(path: str | Path) -> Submission:
    """Read and validate the format of a submission file; SubmissionError names the file and the problem."""
    try:
        data = json.loads(Path(path).read_text())
    except OSError as error:
        raise SubmissionError(f"{path}: cannot read: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise SubmissionError(f"{path}: malformed JSON ({error.msg} at line {error.lineno})") from None
    try:
        return validate_submission(data)
    except SubmissionError as error:
        raise SubmissionError(f"{path}: {error}") from None


@dataclass(frozen=True)
class Score:
    """The official score of a submission: the mean over tasks of the fraction of test inputs solved."""

    score: float
    task_scores: dict[str, float]
    solved_inputs: int
    test_inputs: int

    @property
    def solved_tasks(self) -> float:
        """The sum of task scores (tasks solved, partly solved ones counted by fraction)."""
        return sum(self.task_scores.values())

    def summary(self) -> str:
        """One line: score, tasks and test inputs solved."""
        return (
            f"score {self.score:.4f}: {self.solved_tasks:g} of {len(self.task_scores)} tasks, "
            f"{self.solved_inputs} of {self.test_inputs} test inputs solved"
        )


def score_submission(submission: Any, tasks: Iterable[Task] | Mapping[str, Task]) -> Score:
    """Score a submission (ours or another tool's) against tasks with known test outputs."""
    by_id = _task_map(tasks)
    validate_submission(submission, by_id)
    task_scores, solved, total = {}, 0, 0
    for task_id, task in by_id.items():
        if not task.has_test_outputs:
            raise SubmissionError(f"task {task_id}: the dataset holds no test outputs to score against")
        hits = [
            any(np.array_equal(np.asarray(entry[key]), example.output) for key in ATTEMPT_KEYS)
            for entry, example in zip(submission[task_id], task.test, strict=True)
        ]
        task_scores[task_id] = sum(hits) / len(hits)
        solved += sum(hits)
        total += len(hits)
    score = sum(task_scores.values()) / len(task_scores) if task_scores else 0.0
    return Score(score, task_scores, solved, total)
