"""Metrics of predictions against known answers: per test input over its K predictions, then averaged.

For one test input with K predictions (a prediction is a grid, or None when a candidate gave nothing
usable) and the ranked grids that voting chose:

- `accuracy`: exact predictions / K
- `correct_pixels`: pixel accuracy of each right-sized prediction (0 for the others), averaged over K
- `max_correct_pixels`: the best pixel accuracy of any right-sized prediction
- `correct_size`: right-sized predictions / K; `any_correct_size`: 1 when at least one is right-sized
- `pass_n`: 1 when any prediction is exact
- `vote_1`, `vote_2`: 1 when the top 1 (top 2) voted grids hold the answer; `vote_2` is the official score
- `unanswered`: missing or invalid predictions / K

With no prediction at all (K = 0) every metric is 0 and `unanswered` is 1. A task's metrics are the mean
over its test inputs; a dataset's the mean over its tasks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

METRIC_NAMES = (
    "accuracy",
    "correct_pixels",
    "max_correct_pixels",
    "correct_size",
    "any_correct_size",
    "pass_n",
    "vote_1",
    "vote_2",
    "unanswered",
)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b))


def prediction_metrics(
    predictions: Sequence[np.ndarray | None],
    truth: np.ndarray,
    voted: Sequence[np.ndarray] = (),
    counts: Sequence[int] | None = None,
) -> dict[str, float]:
    """The metrics of one test input; `counts` (default all 1) says how often each prediction was made."""
    truth = np.asarray(truth)
    weights = [1] * len(predictions) if counts is None else list(counts)
    if len(weights) != len(predictions):
        raise ValueError(f"{len(weights)} counts for {len(predictions)} predictions")
    total = sum(weights)
    values = dict.fromkeys(METRIC_NAMES, 0.0)
    values["vote_1"] = float(any(_same(np.asarray(grid), truth) for grid in voted[:1]))
    values["vote_2"] = float(any(_same(np.asarray(grid), truth) for grid in voted[:2]))
    if total == 0:
        values["unanswered"] = 1.0
        return values
    for prediction, weight in zip(predictions, weights, strict=True):
        if weight == 0:
            continue
        if prediction is None:
            values["unanswered"] += weight
            continue
        grid = np.asarray(prediction)
        if grid.shape != truth.shape:
            continue
        pixels = float(np.mean(grid == truth))
        exact = pixels == 1.0
        values["accuracy"] += weight * exact
        values["correct_pixels"] += weight * pixels
        values["correct_size"] += weight
        values["max_correct_pixels"] = max(values["max_correct_pixels"], pixels)
        values["any_correct_size"] = 1.0
        values["pass_n"] = max(values["pass_n"], float(exact))
    for name in ("accuracy", "correct_pixels", "correct_size", "unanswered"):
        values[name] /= total
    return values


def average_metrics(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """The mean of each metric over `rows` (test inputs of a task, or tasks of a dataset); empty gives 0s."""
    if not rows:
        return dict.fromkeys(METRIC_NAMES, 0.0)
    return {name: float(np.mean([row[name] for row in rows])) for name in METRIC_NAMES}
