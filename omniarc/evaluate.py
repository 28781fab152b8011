"""Evaluate proposers over a dataset: resumable runs that write a submission, metrics and a report.

`evaluate` solves every task of a dataset spec (the first `limit` ones) with one shared sandbox and
writes into an output directory:

- `tasks/<id>.json`: one `TaskResult` per task, written atomically as soon as the task is done; a task
  whose file exists is not run again, so an interrupted run resumes where it stopped;
- `run.json`: the dataset, seed and proposer settings; resuming with other settings is refused;
- `submission.json`: Kaggle's format, every task present, fallbacks where nothing was found, validated;
- `metrics.json`: the official score and the mean metrics (`omniarc.metrics`) over tasks with answers;
- `report.html` (an index) and `report/<id>.html`: each task with its attempts beside the truth.

When the search proposer runs and `workers` > 1, the searches of upcoming tasks run in a process pool
(with the very seeds `solve_task` would give them), so results do not depend on the number of workers.
"""

from __future__ import annotations

import dataclasses
import html
import json
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from omniarc.datasets import load_dataset
from omniarc.errors import OmniarcError
from omniarc.metrics import METRIC_NAMES, average_metrics
from omniarc.solve import (
    Proposal,
    Proposer,
    SearchProposer,
    TaskResult,
    check_allowed,
    draw_seed,
    proposer_rng,
    solve_task,
)
from omniarc.submission import Score, Submission, atomic_write_json, score_submission, write_submission
from omniarc.tasks import Task
from omniarc.voting import PROGRAM_WEIGHT

if TYPE_CHECKING:
    from rich.table import Table

    from omniarc.sandbox import Sandbox

RUN_FILE = "run.json"
TASKS_DIR = "tasks"
REPORT_DIR = "report"


class EvaluationError(OmniarcError):
    """An output directory that cannot be used (other settings, a broken task file) or a bad request."""


@dataclass
class Evaluation:
    """What `evaluate` wrote: results in dataset order, the submission, the metrics, and how many tasks ran
    in this call (the others were read back from the output directory)."""

    out_dir: Path
    results: dict[str, TaskResult]
    submission: Submission
    metrics: dict[str, Any]
    ran: int

    def summary(self) -> str:
        """One line: tasks, how many ran now, the score when known."""
        score = self.metrics.get("score")
        solved = (
            f"score {score:.4f} ({self.metrics['solved_tasks']:g} tasks solved)" if score is not None else ""
        )
        return (
            f"{len(self.results)} tasks ({self.ran} run now, {len(self.results) - self.ran} resumed)"
            + (f", {solved}" if solved else "")
            + f"; wrote {self.out_dir}"
        )


def task_file_name(task_id: str) -> str:
    """A file name for a task id (characters other than letters, digits, `.`, `_`, `-`, `#` become `_`)."""
    return re.sub(r"[^A-Za-z0-9._#-]", "_", task_id) + ".json"


def describe_proposer(proposer: Proposer) -> dict[str, Any]:
    """A proposer's name and settings (dataclass fields that are plain values) for `run.json`."""
    settings: dict[str, Any] = {"name": proposer.name}
    if dataclasses.is_dataclass(proposer):
        for item in dataclasses.fields(proposer):
            value = getattr(proposer, item.name)
            if value is None or isinstance(value, (str, int, float, bool)):
                settings[item.name] = value
    return settings


def _check_run_file(out_dir: Path, settings: dict[str, Any]) -> None:
    path = out_dir / RUN_FILE
    if path.exists():
        try:
            previous = json.loads(path.read_text())
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}: malformed JSON ({error.msg})") from None
        if previous != settings:
            changed = sorted(
                k for k in settings.keys() | previous.keys() if previous.get(k) != settings.get(k)
            )
            raise EvaluationError(
                f"{out_dir} holds a run with other settings ({', '.join(changed)} differ); "
                "resume with the same settings or choose another output directory"
            )
    else:
        atomic_write_json(settings, path)


def _read_result(path: Path, task: Task) -> TaskResult:
    try:
        return TaskResult.from_json(json.loads(path.read_text()), task)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise EvaluationError(
            f"{path}: not a task result ({error}); delete it to run the task again"
        ) from None


@dataclass
class _PrefetchedSearch:
    """The search proposer fed by searches already running in a process pool."""

    proposer: SearchProposer
    futures: dict[str, Future[list[str]]]
    name: ClassVar[str] = SearchProposer.name

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Wait for this task's search, then verify its programs as the search proposer does."""
        return self.proposer.verify(task, self.futures.pop(task.id).result(), sandbox)


def _search_in_pool(
    proposers: Sequence[Proposer], tasks: Sequence[Task], seed: int, workers: int, stack: ExitStack
) -> list[Proposer]:
    """Start the searches of `tasks` in a process pool and swap in a proposer that waits for them."""
    search = next((p for p in proposers if isinstance(p, SearchProposer)), None)
    if search is None or workers < 2 or len(tasks) < 2:
        return list(proposers)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    stack.callback(pool.shutdown, cancel_futures=True)
    futures = {
        task.id: pool.submit(search.find, task, draw_seed(proposer_rng(seed, task.id, search.name)))
        for task in tasks
    }
    return [_PrefetchedSearch(search, futures) if p is search else p for p in proposers]


def _results(
    tasks: Sequence[Task],
    out_dir: Path,
    proposers: Sequence[Proposer],
    sandbox: Sandbox | None,
    seed: int,
    workers: int,
    program_weight: float,
    progress: bool,
) -> Iterator[tuple[Task, TaskResult, bool]]:
    """Each task's result, read back when its file exists, solved (and written) otherwise."""
    from tqdm import tqdm

    from omniarc.sandbox import Sandbox

    paths = {task.id: out_dir / TASKS_DIR / task_file_name(task.id) for task in tasks}
    pending = [task for task in tasks if not paths[task.id].exists()]
    with ExitStack() as stack:
        if pending and sandbox is None:
            sandbox = stack.enter_context(Sandbox())
        active = _search_in_pool(proposers, pending, seed, workers, stack)
        bar = stack.enter_context(
            tqdm(total=len(tasks), desc="evaluating", unit="task", disable=not progress)
        )
        solved = 0.0
        for task in tasks:
            path = paths[task.id]
            fresh = not path.exists()
            if fresh:
                result = solve_task(task, active, sandbox=sandbox, seed=seed, program_weight=program_weight)
                atomic_write_json(result.to_json(), path)
            else:
                result = _read_result(path, task)
            solved += result.score or 0.0
            bar.set_postfix(solved=f"{solved:g}", refresh=False)
            bar.update()
            yield task, result, fresh


def compute_metrics(results: Mapping[str, TaskResult], score: Score | None) -> dict[str, Any]:
    """Dataset metrics: the official score (when every answer is known), the mean metrics over tasks with
    answers, candidate counts per proposer (summed over tasks) and the total solve time."""
    scored = [r.metrics for r in results.values() if r.metrics is not None]
    counts: dict[str, Counter[str]] = {}
    for result in results.values():
        for proposal in result.proposals:
            counts.setdefault(proposal.name, Counter()).update(proposal.counts)
    return {
        "tasks": len(results),
        "tasks_with_answers": len(scored),
        "score": None if score is None else score.score,
        "solved_tasks": None if score is None else score.solved_tasks,
        "solved_inputs": None if score is None else score.solved_inputs,
        "test_inputs": None if score is None else score.test_inputs,
        **average_metrics(scored),
        "counts": {name: dict(counter) for name, counter in counts.items()},
        "seconds": sum(r.seconds for r in results.values()),
        "task_scores": None if score is None else score.task_scores,
    }


def metrics_table(metrics: Mapping[str, Any]) -> Table:
    """The metrics as a rich table, for the terminal."""
    from rich.table import Table

    table = Table("metric", "value", title="evaluation")
    for key in ("tasks", "tasks_with_answers", "score", "solved_tasks", "solved_inputs", "test_inputs"):
        if metrics.get(key) is not None:
            value = metrics[key]
            table.add_row(key, f"{value:.4f}" if key == "score" else f"{value:g}")
    if metrics["tasks_with_answers"]:
        for name in METRIC_NAMES:
            table.add_row(name, f"{metrics[name]:.4f}")
    for name, counts in metrics["counts"].items():
        table.add_row(f"{name} candidates", ", ".join(f"{v} {k}" for k, v in counts.items()))
    table.add_row("solve seconds", f"{metrics['seconds']:.1f}")
    return table


def write_report(out_dir: Path, tasks: Sequence[Task], results: Mapping[str, TaskResult]) -> Path:
    """Write `report/<id>.html` per task (attempts beside the truth) and the `report.html` index."""
    from omniarc.render import task_html

    rows = []
    for task in tasks:
        result = results[task.id]
        name = task_file_name(task.id).removesuffix(".json") + ".html"
        page = task_html(task, result.attempts) + f"<pre>{html.escape(result.summary())}</pre>"
        (out_dir / REPORT_DIR).mkdir(parents=True, exist_ok=True)
        (out_dir / REPORT_DIR / name).write_text(f"<!doctype html><meta charset='utf-8'>{page}")
        score = "?" if result.score is None else f"{result.score:g}"
        rows.append(
            f"<tr><td><a href='{REPORT_DIR}/{html.escape(name)}'>{html.escape(task.id)}</a></td>"
            f"<td>{score}</td><td>{len(result.programs)}</td><td>{result.seconds:.1f}</td></tr>"
        )
    index = out_dir / "report.html"
    index.write_text(
        "<!doctype html><meta charset='utf-8'><title>omniarc evaluation</title>"
        "<table border=1 cellpadding=4><tr><th>task</th><th>score</th><th>verified programs</th>"
        "<th>seconds</th></tr>" + "".join(rows) + "</table>"
    )
    return index


def evaluate(
    dataset: str,
    out_dir: str | Path,
    proposers: Sequence[Proposer],
    *,
    limit: int | None = None,
    seed: int = 0,
    sandbox: Sandbox | None = None,
    workers: int | None = None,
    program_weight: float = PROGRAM_WEIGHT,
    settings: Mapping[str, Any] | None = None,
    progress: bool = True,
    report: bool = True,
    on_result: Callable[[Task, TaskResult], None] | None = None,
) -> Evaluation:
    """Solve the first `limit` tasks of `dataset` (all by default) into `out_dir` (see the module docstring).

    `settings` adds run settings to `run.json` (say, the model); `workers` (default: the usable CPUs) > 1
    runs searches in a process pool; `on_result` is called after each newly solved task."""
    if limit is not None and limit < 1:
        raise EvaluationError(f"limit must be at least 1, got {limit}")
    loaded = load_dataset(dataset)
    check_allowed([p.name for p in proposers], dataset, loaded.is_evaluation)
    tasks = list(islice(loaded, limit))
    workers = workers if workers is not None else len(os.sched_getaffinity(0))
    out = Path(out_dir)
    run_settings = {
        "dataset": dataset,
        "seed": seed,
        "program_weight": program_weight,
        "proposers": [describe_proposer(p) for p in proposers],
        **(settings or {}),
    }
    _check_run_file(out, run_settings)
    results: dict[str, TaskResult] = {}
    ran = 0
    for task, result, fresh in _results(
        tasks, out, proposers, sandbox, seed, workers, program_weight, progress
    ):
        results[task.id] = result
        ran += fresh
        if fresh and on_result is not None:
            on_result(task, result)
    submission = {task.id: results[task.id].submission_entry(task) for task in tasks}
    write_submission(submission, out / "submission.json", tasks)
    score = score_submission(submission, tasks) if all(t.has_test_outputs for t in tasks) else None
    metrics = compute_metrics(results, score)
    atomic_write_json(metrics, out / "metrics.json")
    if report:
        write_report(out, tasks, results)
    return Evaluation(out, results, submission, metrics, ran)
