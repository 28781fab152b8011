"""Voting: many candidate predictions for one test input in, a ranked list of distinct grids out.

Every candidate is a `Guess`: a grid from a verified program (a program that reproduces every train pair
is rarely wrong, so it weighs `program_weight`) or a direct guess of a model (weight 1). Equal grids pool
their weights. Grids rank by total weight, then by the number of agreeing candidates, then by the mean
log-probability of the model's guesses (higher first; unknown ranks last), then by the length of the
shortest program behind them (shorter first), then by first appearance, so the order is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from omniarc.tasks import to_grid

PROGRAM_WEIGHT = 10.0
GUESS_WEIGHT = 1.0


@dataclass(frozen=True, eq=False)
class Guess:
    """One candidate output for one test input: from a verified `program`, or a model's direct guess."""

    test_index: int
    grid: np.ndarray
    source: str
    program: str | None = None
    mean_logprob: float | None = None


@dataclass(frozen=True, eq=False)
class Vote:
    """One distinct grid with the candidates behind it: total `weight`, `count`, the mean log-probability of
    the model guesses (None without any), the shortest program, and how many came from each proposer."""

    grid: np.ndarray
    weight: float
    count: int
    mean_logprob: float | None = None
    program: str | None = None
    sources: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-able record (the grid as a list of lists)."""
        return {
            "grid": self.grid.tolist(),
            "weight": self.weight,
            "count": self.count,
            "mean_logprob": self.mean_logprob,
            "program": self.program,
            "sources": dict(self.sources),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Vote:
        """The vote written by `to_json`."""
        return cls(
            to_grid(data["grid"], "vote grid"),
            float(data["weight"]),
            int(data["count"]),
            data.get("mean_logprob"),
            data.get("program"),
            {str(key): int(value) for key, value in data.get("sources", {}).items()},
        )


def _grid_key(grid: np.ndarray) -> tuple[tuple[int, int], bytes]:
    array = np.asarray(grid, dtype=np.int8)
    return array.shape, array.tobytes()


def vote(guesses: Iterable[Guess], *, program_weight: float = PROGRAM_WEIGHT) -> list[Vote]:
    """Pool equal grids and rank them (see the module docstring); the first two are the attempts."""
    groups: dict[tuple[tuple[int, int], bytes], list[Guess]] = {}
    for guess in guesses:
        groups.setdefault(_grid_key(guess.grid), []).append(guess)
    votes = []
    for members in groups.values():
        logprobs = [g.mean_logprob for g in members if g.mean_logprob is not None]
        programs = [g.program for g in members if g.program is not None]
        sources: dict[str, int] = {}
        for member in members:
            sources[member.source] = sources.get(member.source, 0) + 1
        votes.append(
            Vote(
                to_grid(members[0].grid, f"test {members[0].test_index} guess"),
                sum(program_weight if g.program is not None else GUESS_WEIGHT for g in members),
                len(members),
                float(np.mean(logprobs)) if logprobs else None,
                min(programs, key=len) if programs else None,
                sources,
            )
        )
    order = sorted(
        range(len(votes)),
        key=lambda i: (
            -votes[i].weight,
            -votes[i].count,
            -(votes[i].mean_logprob if votes[i].mean_logprob is not None else -np.inf),
            len(votes[i].program) if votes[i].program is not None else np.inf,
            i,
        ),
    )
    return [votes[i] for i in order]
