"""The checks every task solution must pass: exact pairs, a sound generator, mimetic ranges, a runnable
program."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from omniarc.datasets import load_dataset
from omniarc.task_solutions import Solution
from omniarc.tasks import Task, describe_grid_problem

GENERATOR_DRAWS = 50
# A handful of real inputs under-samples how many colours an input may hold: allow one either side.
COLOR_COUNT_SLACK = 1
CHECK_NAMES = ("pairs", "generator", "ranges", "sample", "program")


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check of one solution."""

    task_id: str
    check: str
    passed: bool
    detail: str = ""


def _real_task(task_id: str) -> Task:
    return load_dataset("arc-agi-1/training").get(task_id)


def check_pairs(solution: Solution, task: Task) -> str | None:
    """Every train and test pair of the real task is reproduced exactly."""
    for split, examples in (("train", task.train), ("test", task.test)):
        for index, example in enumerate(examples):
            try:
                output = solution.apply(example.input)
            except Exception as error:  # a solution's bug is a failed check, not a crash of the checker
                return f"{split} {index}: {type(error).__name__}: {error}"
            if not np.array_equal(output, example.output):
                return f"{split} {index}: output differs from the expected grid"
    return None


def _draw(solution: Solution, seed: int) -> np.ndarray:
    return np.asarray(solution.generate_input(np.random.default_rng(seed)))


def generated_inputs(solution: Solution, draws: int = GENERATOR_DRAWS) -> list[np.ndarray]:
    """The inputs drawn with seeds 0..draws-1."""
    return [_draw(solution, seed) for seed in range(draws)]


def check_generator(solution: Solution, inputs: list[np.ndarray]) -> str | None:
    """Draws are valid, deterministic per seed, accepted by `transform`, and not all identical."""
    for seed, grid in enumerate(inputs):
        problem = describe_grid_problem(grid)
        if problem is not None:
            return f"seed {seed}: invalid input: {problem}"
        again = _draw(solution, seed)
        if again.shape != grid.shape or not np.array_equal(again, grid):
            return f"seed {seed}: the same seed gave a different grid"
        try:
            solution.apply(grid)
        except Exception as error:  # report the generator/transform mismatch, keep checking others
            return f"seed {seed}: transform failed on the generated input: {type(error).__name__}: {error}"
    if len({grid.shape + tuple(grid.ravel()) for grid in inputs}) == 1:
        return "every draw gave the same grid"
    return None


def check_ranges(solution: Solution, task: Task, inputs: list[np.ndarray]) -> str | None:
    """Generated sizes, colours and colours per input stay within what the real inputs show.

    An exemption ("sizes" or "colors") lifts the size or palette bound; the colour count (give or take
    COLOR_COUNT_SLACK) always holds."""
    real = [example.input for example in task.examples]
    problems = []
    if "sizes" not in solution.exemptions:
        for axis, name in ((0, "height"), (1, "width")):
            low, high = min(g.shape[axis] for g in real), max(g.shape[axis] for g in real)
            seen = sorted({g.shape[axis] for g in inputs})
            if seen[0] < low or seen[-1] > high:
                problems.append(f"{name} {seen[0]}..{seen[-1]} outside the real {low}..{high}")
    counts = [len(np.unique(g)) for g in real]
    seen_counts = sorted({len(np.unique(g)) for g in inputs})
    low, high = min(counts) - COLOR_COUNT_SLACK, max(counts) + COLOR_COUNT_SLACK
    if seen_counts[0] < low or seen_counts[-1] > high:
        problems.append(
            f"{seen_counts[0]}..{seen_counts[-1]} colours per input, the real inputs have "
            f"{min(counts)}..{max(counts)} (give or take {COLOR_COUNT_SLACK})"
        )
    if "colors" not in solution.exemptions:
        allowed = set(np.unique(np.concatenate([g.ravel() for g in real])).tolist())
        used = set(np.unique(np.concatenate([g.ravel() for g in inputs])).tolist())
        if used - allowed:
            problems.append(
                f"colours {sorted(used - allowed)} never appear in the real inputs {sorted(allowed)}"
            )
    return "; ".join(problems) or None


def check_sample(solution: Solution) -> str | None:
    """`sample_task` produces a fresh task of 3 train and 1 test example."""
    try:
        solution.sample_task(np.random.default_rng(0), n_train=3, n_test=1)
    except Exception as error:  # any failure to sample is the finding
        return f"{type(error).__name__}: {error}"
    return None


def check_program(solution: Solution, task: Task) -> str | None:
    """The program text alone, run in the sandbox, reproduces every pair of the task."""
    from omniarc.sandbox import Sandbox

    with Sandbox(workers=1) as sandbox:
        verdict = sandbox.verify([solution.program], task)[0]
    if verdict.status != "passed":
        return f"{verdict.status}: {verdict.error or ''}".strip()
    return None


def check_solution(solution: Solution, checks: Iterable[str] = CHECK_NAMES) -> list[CheckResult]:
    """Run the named checks on one solution."""
    task = _real_task(solution.task_id)
    wanted = set(checks)
    results = []
    inputs: list[np.ndarray] = []
    draw_error = None
    if wanted & {"generator", "ranges"}:
        try:
            inputs = generated_inputs(solution)
        except Exception as error:  # a crashing generator fails both checks that need its draws
            draw_error = f"generate_input raised {type(error).__name__}: {error}"
    runners = {
        "pairs": lambda: check_pairs(solution, task),
        "generator": lambda: draw_error or check_generator(solution, inputs),
        "ranges": lambda: draw_error or check_ranges(solution, task, inputs),
        "sample": lambda: check_sample(solution),
        "program": lambda: check_program(solution, task),
    }
    for name in CHECK_NAMES:
        if name in wanted:
            problem = runners[name]()
            results.append(CheckResult(solution.task_id, name, problem is None, problem or ""))
    return results
