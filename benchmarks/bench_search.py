"""How many tasks model-free search solves, against single-step search (depth 1) in the same run.

    python benchmarks/bench_search.py --dataset arc-agi-1/evaluation --time-per-task 10
    python benchmarks/bench_search.py --dataset arc-agi-1/training --limit 100 --time-per-task 2

A test input counts as solved when one of the first two distinct predictions of the found programs is
exact; a task scores the fraction of its test inputs solved; the score is the mean over tasks. CPU time
is summed over the worker processes. The last line reads
`search: X% of DATASET solved (2 attempts, T s per task)`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence

import numpy as np

from omniarc.datasets import load_dataset
from omniarc.search import SearchResult, search_dataset
from omniarc.tasks import Task


def task_score(task: Task, result: SearchResult, attempts: int = 2) -> float:
    """Fraction of the task's test inputs whose output is among the first `attempts` distinct predictions."""
    solved = 0
    for index, example in enumerate(task.test):
        guesses: list[np.ndarray] = []
        for program in result.programs:
            prediction = program.predictions[index]
            if not any(np.array_equal(prediction, guess) for guess in guesses):
                guesses.append(prediction)
            if len(guesses) == attempts:
                break
        solved += any(np.array_equal(guess, example.output) for guess in guesses)
    return solved / len(task.test)


def measure(
    tasks: Sequence[Task], depth: int, time_per_task: float, workers: int, seed: int
) -> tuple[list[float], list[SearchResult], float]:
    """Scores per task, the results and the wall seconds of one search over the tasks."""
    started = time.perf_counter()
    results = search_dataset(
        tasks, time_per_task=time_per_task, seed=seed, max_depth=depth, workers=workers, progress=True
    )
    wall = time.perf_counter() - started
    return [task_score(task, result) for task, result in zip(tasks, results, strict=True)], results, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="arc-agi-1/training")
    parser.add_argument("--time-per-task", type=float, default=10.0)
    parser.add_argument(
        "--baseline-time-per-task", type=float, default=None, help="default: same as --time-per-task"
    )
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N tasks")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-baseline", action="store_true", help="skip the depth-1 baseline")
    parser.add_argument("--details", default=None, help="write per-task results (JSONL) here")
    args = parser.parse_args()

    tasks = [task for task in load_dataset(args.dataset) if task.has_test_outputs][: args.limit]
    print(f"{len(tasks)} tasks of {args.dataset}, {args.time_per_task:g} s per task, {args.workers} workers")
    baseline = None
    if not args.no_baseline:
        budget = args.baseline_time_per_task or args.time_per_task
        scores, results, wall = measure(tasks, 1, budget, args.workers, args.seed)
        cpu = sum(r.seconds for r in results)
        baseline = float(np.mean(scores))
        print(f"depth 1 (single steps): {100 * baseline:.1f}% solved, {cpu:.0f} s CPU, {wall:.0f} s wall")
    scores, results, wall = measure(tasks, args.depth, args.time_per_task, args.workers, args.seed)
    score = float(np.mean(scores))
    cpu = sum(r.seconds for r in results)
    found = sum(bool(r.programs) for r in results)
    print(
        f"depth {args.depth}: {100 * score:.1f}% solved, {found} tasks with a program fitting the train, "
        f"{cpu:.0f} s CPU ({cpu / len(tasks):.2f} s per task), {wall:.0f} s wall"
    )
    if baseline is not None:
        ratio = f"{score / baseline:.2f}x" if baseline else "n/a (baseline solved none)"
        print(f"depth {args.depth} vs depth 1: {ratio}")
    if args.details:
        with open(args.details, "w") as handle:
            for task, result, task_score_ in zip(tasks, results, scores, strict=True):
                record = {
                    "task_id": task.id,
                    "score": task_score_,
                    "nodes": result.nodes,
                    "seconds": round(result.seconds, 3),
                    "stopped": result.stopped,
                    "programs": result.sources[:2],
                }
                handle.write(json.dumps(record) + "\n")
    print(
        f"search: {100 * score:.1f}% of {args.dataset} solved (2 attempts, {args.time_per_task:g} s per task)"
    )


if __name__ == "__main__":
    main()
