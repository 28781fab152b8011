"""The public face of the sandbox: `Sandbox.run` and `Sandbox.verify`, verdicts, de-duplication, caching.

`verify` runs every distinct program on the task's train inputs, compares the outputs with the train
outputs here in the parent (workers never see them), and runs only the programs that reproduce every
train output on the test inputs, whose outputs become the predictions. Programs that differ only in
whitespace or comments run once, and verdicts are cached by (program, task).
"""

from __future__ import annotations

import hashlib
import os
import re
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import numpy as np

from omniarc.tasks import Task, TaskFormatError, to_grid

from .pool import PoolStats, SandboxError, WorkerPool
from .protocol import unrun_reply


class Status(StrEnum):
    """What happened to a program (or to one of its examples)."""

    PASSED = "passed"  # every train output reproduced exactly (example: output equals the expected one)
    WRONG_OUTPUT = "wrong_output"  # valid grids, at least one different from the expected output
    INVALID_OUTPUT = "invalid_output"  # returned something that is not a grid
    SYNTAX_ERROR = "syntax_error"  # not valid Python, or no transform(grid) function
    POLICY_VIOLATION = "policy_violation"  # tried something the sandbox refuses
    RUNTIME_ERROR = "runtime_error"  # raised an exception
    TIMEOUT = "timeout"  # over the time limit (soft) or killed by the hard deadline
    MEMORY = "memory"  # over the memory limit
    CRASHED = "crashed"  # the worker process died under it
    OK = "ok"  # ran and returned a valid grid, nothing to compare with (run(), unknown test outputs)
    SKIPPED = "skipped"  # not run because the program had already failed


_PROGRAM_STATUS = {
    "syntax": Status.SYNTAX_ERROR,
    "policy": Status.POLICY_VIOLATION,
    "error": Status.RUNTIME_ERROR,
    "timeout": Status.TIMEOUT,
    "memory": Status.MEMORY,
    "crashed": Status.CRASHED,
}
_GRID_STATUS = {
    "ok": Status.OK,
    "invalid": Status.INVALID_OUTPUT,
    "error": Status.RUNTIME_ERROR,
    "timeout": Status.TIMEOUT,
    "memory": Status.MEMORY,
    "policy": Status.POLICY_VIOLATION,
    "skipped": Status.SKIPPED,
    "syntax": Status.SYNTAX_ERROR,
    "crashed": Status.CRASHED,
}
_SEVERITY = (
    Status.POLICY_VIOLATION,
    Status.CRASHED,
    Status.TIMEOUT,
    Status.MEMORY,
    Status.RUNTIME_ERROR,
    Status.INVALID_OUTPUT,
    Status.WRONG_OUTPUT,
)
GiB = 1 << 30


@dataclass(frozen=True)
class ExampleResult:
    """One call of `transform`: which example (`split` is "train", "test" or "input"), its status, the
    output it returned (a read-only int8 array, None when it returned no valid grid) and the error."""

    split: str
    index: int
    status: Status
    output: np.ndarray | None = None
    error: str = ""


_SKIPPED: dict[tuple[str, int], ExampleResult] = {}  # one immutable value per skipped (split, index)


@dataclass(frozen=True)
class RunResult:
    """A program run on plain grids (`Sandbox.run`): status OK when every grid gave a valid output."""

    program: str
    status: Status
    results: tuple[ExampleResult, ...]
    error: str
    seconds: float
    printed: str

    @property
    def outputs(self) -> tuple[np.ndarray | None, ...]:
        """The output grid of each input (None where the program failed)."""
        return tuple(result.output for result in self.results)


@dataclass(frozen=True)
class Verdict:
    """A program checked against a task: status PASSED when it reproduces every train output; then
    `predictions` holds its output for each test input (None where it failed on one)."""

    program: str
    status: Status
    examples: tuple[ExampleResult, ...]
    error: str
    seconds: float
    predictions: tuple[np.ndarray | None, ...]
    printed: str = ""

    @property
    def passed(self) -> bool:
        """Whether every train output was reproduced exactly."""
        return self.status is Status.PASSED


_LEXEME = re.compile(
    r"'''(?:[^\\]|\\[\s\S])*?'''|\"\"\"(?:[^\\]|\\[\s\S])*?\"\"\""
    r"|'(?:[^'\\\n]|\\[\s\S])*'|\"(?:[^\"\\\n]|\\[\s\S])*\"|#[^\n]*"
)
_RESERVED = re.compile(r"[\x00-\x02]")


def normalize_program(source: str) -> str:
    """A key equal for programs that differ only in comments, blank lines, trailing spaces and the length
    of runs of spaces between tokens (indentation is kept; string literals are kept verbatim)."""
    if _RESERVED.search(source):
        return source
    strings: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        text = match.group()
        if text[0] == "#":
            return ""
        strings.append(text)
        return "\x00"

    lines = []
    for line in _LEXEME.sub(set_aside, source).split("\n"):
        words = line.split()
        if words:
            lines.append(line[: len(line) - len(line.lstrip())] + " ".join(words))
    return "\n".join(lines) + "\x01" + "\x02".join(strings)


def _keys(sources: Sequence[Any]) -> list[str]:
    """The normalised key of each program (each distinct text normalised once)."""
    known: dict[str, str] = {}
    keys = []
    for source in sources:
        if not isinstance(source, str):
            raise SandboxError(f"a program is a {type(source).__name__}, expected source text")
        key = known.get(source)
        if key is None:
            key = known[source] = normalize_program(source)
        keys.append(key)
    return keys


def _task_digest(task: Task) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for split in (task.train, task.test):
        digest.update(b"|")
        for example in split:
            for grid in (example.input, example.output):
                digest.update(b"-" if grid is None else repr(grid.shape).encode() + grid.tobytes())
    return digest.hexdigest()


def _difference(output: np.ndarray, expected: np.ndarray) -> str:
    if output.shape != expected.shape:
        return (
            f"output is {output.shape[0]}x{output.shape[1]}, expected {expected.shape[0]}x{expected.shape[1]}"
        )
    return f"{int((output != expected).sum())} of {expected.size} cells differ from the expected output"


def _same_grid(output: np.ndarray, expected: np.ndarray) -> bool:
    return output.shape == expected.shape and bool(np.array_equal(output, expected))


def _joined(first: dict[str, Any], rest: dict[str, Any] | None, n_grids: int) -> dict[str, Any]:
    """One reply for all train inputs from a first-input reply and, if the program went on, the reply for
    the other inputs (the inputs it never ran on are "skipped")."""
    if rest is None:
        return {**first, "r": first["r"] + [("skipped", "")] * (n_grids - 1)}
    return {
        "s": rest["s"],
        "m": rest["m"],
        "r": first["r"] + rest["r"],
        "t": first["t"] + rest["t"],
        "p": first["p"] + rest["p"],
    }


def _worst(statuses: Sequence[Status]) -> Status | None:
    for status in _SEVERITY:
        if status in statuses:
            return status
    return None


class Sandbox:
    """Runs untrusted programs (contract 1) in a pool of hardened worker processes.

    Use as a context manager (`with Sandbox() as sandbox:`) or keep one open in a notebook; workers
    start on first use and stop at `close()` (or when the object is collected). Settings:
    `workers` (default: the usable CPUs), `time_limit` (seconds per program per input grid, the soft
    limit, enforced grid by grid; as much again for the program's module code), `memory_limit` (bytes of
    address space per worker), `hard_grace` (seconds past the most soft time a program can have before
    a stuck worker is killed), `recycle_after` (programs per worker before a fresh one),
    `batch_size` (programs per worker round trip), `fail_fast` (in `verify`, run every program on the
    first train input and only those that reproduce its output on the others, which are "skipped" for
    the rest: most candidates fail their first input, so this saves most of the run time; False runs
    every input, to show a program's whole record). `restricted=False` runs programs with plain `exec`,
    real numpy and all builtins: UNSAFE, only to measure the cost of the policy layer.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        time_limit: float = 1.0,
        memory_limit: int = 2 * GiB,
        hard_grace: float = 2.0,
        recycle_after: int = 5000,
        batch_size: int = 32,
        restricted: bool = True,
        fail_fast: bool = True,
        cache_size: int = 100_000,
        max_program_chars: int = 100_000,
    ) -> None:
        workers = workers if workers is not None else len(os.sched_getaffinity(0))
        checks = {
            "workers": workers >= 1,
            "time_limit": time_limit > 0,
            "memory_limit": memory_limit > 0,
            "hard_grace": hard_grace > 0,
            "recycle_after": recycle_after >= 1,
            "batch_size": batch_size >= 1,
        }
        for name, valid in checks.items():
            if not valid:
                raise SandboxError(f"Sandbox setting {name} must be positive")
        self.time_limit = time_limit
        self.restricted = restricted
        self.fail_fast = fail_fast
        self.max_program_chars = max_program_chars
        self._cache: OrderedDict[tuple[str, str], Verdict] = OrderedDict()
        self._cache_size = cache_size
        self._pool = WorkerPool(
            workers,
            memory_limit=memory_limit,
            restricted=restricted,
            hard_grace=hard_grace,
            recycle_after=recycle_after,
            batch_size=batch_size,
        )
        self._finalizer = weakref.finalize(self, self._pool.close)

    # -- life cycle ------------------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Start the workers now (otherwise the first run or verify does)."""
        self._pool.start()
        return self

    def close(self) -> None:
        """Stop the workers; the sandbox starts fresh ones if used again."""
        self._pool.close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def protections(self) -> dict[str, Any]:
        """What the kernel enforces on each worker here (limits, user, namespaces, Landlock, seccomp)."""
        self._pool.start()
        return dict(self._pool.protections, restricted_python=self.restricted)

    @property
    def stats(self) -> PoolStats:
        """Worker life events: started, hard kills, crashes, recycled, start-up failures."""
        return self._pool.stats

    # -- running ---------------------------------------------------------------------------------------

    def _execute(
        self,
        programs: dict[str, str],
        grids: list[list[list[int]]],
        on_reply: Callable[[str, dict[str, Any]], None],
    ) -> None:
        """Run each distinct program (key -> source) on `grids`; `on_reply(key, checked reply)` as each
        reply arrives (the parent's work on it overlaps the workers' runs)."""
        jobs = []
        keys = list(programs)
        for number, key in enumerate(keys):
            source = programs[key]
            if len(source) > self.max_program_chars:
                message = f"the program is over the limit of {self.max_program_chars} characters"
                on_reply(key, unrun_reply("syntax", message, len(grids)))
            else:
                jobs.append((number, source))
        if jobs:
            self._pool.execute(
                jobs, grids, self.time_limit, lambda number, reply: on_reply(keys[number], reply)
            )

    @staticmethod
    def _grid_lists(grids: Sequence[Any], what: str) -> list[list[list[int]]]:
        try:
            return [to_grid(grid, f"{what} {index}").tolist() for index, grid in enumerate(grids)]
        except TaskFormatError as error:
            raise SandboxError(str(error)) from None

    def run(self, programs: str | Sequence[str], grids: Sequence[Any]) -> list[RunResult]:
        """Run each program on every grid; one RunResult per program, in order (duplicates run once)."""
        sources = [programs] if isinstance(programs, str) else list(programs)
        grid_lists = self._grid_lists(grids, "grid")
        keys = [
            normalize_program(source) if isinstance(source, str) else str(id(source)) for source in sources
        ]
        replies: dict[str, dict[str, Any]] = {}
        self._execute(dict(zip(keys, sources, strict=True)), grid_lists, replies.__setitem__)
        results = []
        for key, source in zip(keys, sources, strict=True):
            reply = replies[key]
            examples = tuple(
                self._example("input", i, code, payload) for i, (code, payload) in enumerate(reply["r"])
            )
            if reply["s"] != "ok":
                status, error = _PROGRAM_STATUS[reply["s"]], reply["m"]
            else:
                status = _worst([example.status for example in examples]) or Status.OK
                error = next(
                    (e.error for e in examples if e.status is status and status is not Status.OK), ""
                )
            results.append(RunResult(source, status, examples, error, reply["t"], reply["p"]))
        return results

    @staticmethod
    def _example(
        split: str, index: int, code: str, payload: Any, expected: np.ndarray | None = None
    ) -> ExampleResult:
        if code == "skipped" and not payload:  # most examples of most programs: one shared value
            result = _SKIPPED.get((split, index))
            if result is None:
                result = _SKIPPED[(split, index)] = ExampleResult(split, index, Status.SKIPPED)
            return result
        if code != "ok":
            return ExampleResult(split, index, _GRID_STATUS[code], None, payload)
        output = payload
        if expected is None:
            return ExampleResult(split, index, Status.OK, output)
        if _same_grid(output, expected):
            return ExampleResult(split, index, Status.PASSED, output)
        return ExampleResult(split, index, Status.WRONG_OUTPUT, output, _difference(output, expected))

    def verify(self, programs: str | Sequence[str], task: Task) -> list[Verdict]:
        """Check each program against `task`: one Verdict per program, in order.

        Distinct programs run once on the train inputs; those reproducing every train output then run on
        the test inputs, whose outputs become the verdict's predictions."""
        if not isinstance(task, Task):
            raise SandboxError(f"verify needs a Task, got {type(task).__name__}")
        sources = [programs] if isinstance(programs, str) else list(programs)
        digest = _task_digest(task)
        keys = [
            normalize_program(source) if isinstance(source, str) else str(id(source)) for source in sources
        ]
        todo = {
            key: source for key, source in zip(keys, sources, strict=True) if (key, digest) not in self._cache
        }
        if todo:
            train_results = self._train_verdicts(todo, task)
            passing = {key: todo[key] for key, verdict in train_results.items() if verdict.passed}
            test_replies: dict[str, dict[str, Any]] = {}
            if passing:
                self._execute(
                    passing, [example.input.tolist() for example in task.test], test_replies.__setitem__
                )
            for key, verdict in train_results.items():
                if key in test_replies:
                    verdict = self._with_predictions(verdict, test_replies[key], task)
                self._remember((key, digest), verdict)
        verdicts = []
        for key, source in zip(keys, sources, strict=True):
            verdict = self._cache[(key, digest)]
            self._cache.move_to_end((key, digest))
            verdicts.append(verdict if verdict.program == source else replace(verdict, program=source))
        return verdicts

    def _train_verdicts(self, programs: dict[str, str], task: Task) -> dict[str, Verdict]:
        """The verdict of each program on the train examples. Failing fast: every program runs on the first
        input, and only those that reproduce its output run on the others."""
        inputs = [example.input.tolist() for example in task.train]
        verdicts: dict[str, Verdict] = {}

        def settle(key: str, reply: dict[str, Any]) -> None:
            verdicts[key] = self._train_verdict(programs[key], reply, task)

        if not self.fail_fast or len(inputs) == 1:
            self._execute(programs, inputs, settle)
            return verdicts
        expected = task.train[0].output
        first_replies: dict[str, dict[str, Any]] = {}

        def first_settle(key: str, reply: dict[str, Any]) -> None:
            if reply["s"] == "ok" and reply["r"][0][0] == "ok" and _same_grid(reply["r"][0][1], expected):
                first_replies[key] = reply
            else:
                settle(key, _joined(reply, None, len(inputs)))

        self._execute(programs, inputs[:1], first_settle)
        if first_replies:
            going_on = {key: programs[key] for key in first_replies}
            self._execute(
                going_on,
                inputs[1:],
                lambda key, rest: settle(key, _joined(first_replies[key], rest, len(inputs))),
            )
        return verdicts

    def _remember(self, key: tuple[str, str], verdict: Verdict) -> None:
        self._cache[key] = verdict
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _train_verdict(self, source: str, reply: dict[str, Any], task: Task) -> Verdict:
        examples = tuple(
            self._example("train", index, code, payload, task.train[index].output)
            for index, (code, payload) in enumerate(reply["r"])
        )
        if reply["s"] != "ok":
            status, error = _PROGRAM_STATUS[reply["s"]], reply["m"]
        else:
            status = _worst([example.status for example in examples]) or Status.PASSED
            failed = next((e for e in examples if e.status is status and status is not Status.PASSED), None)
            error = f"train {failed.index}: {failed.error}" if failed is not None else ""
        return Verdict(source, status, examples, error, reply["t"], (), reply["p"])

    def _with_predictions(self, verdict: Verdict, reply: dict[str, Any], task: Task) -> Verdict:
        codes = reply["r"] if reply["s"] == "ok" else [(reply["s"], reply["m"])] * len(task.test)
        tests = tuple(
            self._example("test", index, code, payload, task.test[index].output)
            for index, (code, payload) in enumerate(codes)
        )
        return replace(
            verdict,
            examples=verdict.examples + tests,
            seconds=verdict.seconds + reply["t"],
            predictions=tuple(example.output for example in tests),
            printed=verdict.printed + reply["p"],
        )


def _grid_text(grid: np.ndarray) -> str:
    return "\n".join("  " + "".join(str(int(cell)) for cell in row) for row in grid)


def describe_verdict(verdict: Verdict) -> str:
    """A verdict as text, for the terminal: status, one line per example, and the test predictions."""
    lines = [
        f"{verdict.status.value} in {verdict.seconds * 1000:.1f} ms"
        + (f": {verdict.error}" if verdict.error else "")
    ]
    for example in verdict.examples:
        detail = f" ({example.error})" if example.error else ""
        lines.append(f"  {example.split} {example.index}: {example.status.value}{detail}")
    if verdict.passed:
        for index, prediction in enumerate(verdict.predictions):
            if prediction is None:
                lines.append(f"test {index} prediction: none")
            else:
                lines.append(f"test {index} prediction ({prediction.shape[0]}x{prediction.shape[1]}):")
                lines.append(_grid_text(prediction))
    if verdict.printed:
        lines.append("printed:")
        lines.extend("  " + line for line in verdict.printed.rstrip("\n").splitlines())
    return "\n".join(lines)
