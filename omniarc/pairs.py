"""Training samples from tasks and solutions: a seeded, weighted mixture of (source, template) components.

Sample `i` of a stream is built from its own generator, `numpy.random.default_rng([seed, i])`, so any
sample can be rebuilt alone: shards take disjoint index sets of the same stream and a training run
resumes from a position without replaying what came before.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from omniarc import task_solutions
from omniarc.augmentation import Augmentation, augment_task, random_augmentation
from omniarc.datasets import load_dataset, without_evaluation_tasks
from omniarc.encoders import DEFAULT_ENCODER, GridEncoder, parse_encoder
from omniarc.errors import OmniarcError
from omniarc.prompts import PROGRAM_KINDS, PromptTemplate, get_template
from omniarc.tasks import Example, Task

SOLUTIONS_SOURCE = "solutions"
SEARCH_SOURCE = "search"  # random compositions of search steps: omniarc.search.random_program_task
MIN_TRAIN, MAX_TRAIN = 2, 5


class PairsError(OmniarcError):
    """A bad mixture, source, shard or option for generating training samples."""


class Tokenizer(Protocol):
    """What length control needs of a tokenizer (any Hugging Face tokenizer fits)."""

    def apply_chat_template(self, conversation: list[dict[str, str]], **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class MixtureComponent:
    """One source rendered with one template, drawn with a relative weight."""

    source: str
    template: str
    weight: float

    def __str__(self) -> str:
        return f"{self.source}:{self.template}={self.weight:g}"


def parse_mix(text: str) -> MixtureComponent:
    """Parse `SOURCE:TEMPLATE=WEIGHT` (the source may itself hold colons, e.g. a path)."""
    body, equals, weight_text = text.rpartition("=")
    source, colon, template = body.rpartition(":")
    if not equals or not colon or not source:
        raise PairsError(f"mixture component {text!r} must look like SOURCE:TEMPLATE=WEIGHT")
    try:
        weight = float(weight_text)
    except ValueError:
        raise PairsError(f"mixture component {text!r}: weight {weight_text!r} is not a number") from None
    if not weight > 0:
        raise PairsError(f"mixture component {text!r}: weight must be positive")
    get_template(template)
    return MixtureComponent(source, template, weight)


def load_mixture_file(path: str | Path) -> list[MixtureComponent]:
    """Read a mixture from YAML or JSON: a list of `{source, template, weight}` (or `{"mix": [...]}`)."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as error:
        raise PairsError(f"{path}: cannot read the mixture: {error}") from None
    items = data.get("mix") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise PairsError(f"{path}: expected a list of {{source, template, weight}} items")
    components = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            components.append(parse_mix(item))
        elif isinstance(item, dict) and {"source", "template"} <= item.keys():
            components.append(parse_mix(f"{item['source']}:{item['template']}={item.get('weight', 1)}"))
        else:
            raise PairsError(f"{path}: item {index} needs 'source' and 'template' (and optionally 'weight')")
    return components


def parse_shard(text: str) -> tuple[int, int]:
    """Parse `I/N` into (I, N) with 0 <= I < N."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise PairsError(f"shard {text!r} must look like I/N, e.g. 0/4") from None
    if not 0 <= index < count:
        raise PairsError(f"shard {text!r}: need 0 <= I < N")
    return index, count


@dataclass
class PairStats:
    """What a stream produced: samples per component, samples skipped as too long, examples dropped."""

    produced: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    dropped_examples: int = 0
    tokens: int = 0

    def summary(self) -> str:
        """One line: counts per component, skipped, dropped and mean length."""
        total = sum(self.produced.values())
        parts = ", ".join(f"{name}: {count}" for name, count in sorted(self.produced.items()))
        mean = f", mean {self.tokens / total:.0f} tokens" if total and self.tokens else ""
        return (
            f"{total} samples ({parts}); {self.skipped} skipped as too long, "
            f"{self.dropped_examples} train examples dropped{mean}"
        )


class PairGenerator:
    """Builds training samples from a mixture; iterate it, or ask for sample `index` directly."""

    def __init__(
        self,
        mixture: Sequence[MixtureComponent],
        *,
        seed: int = 0,
        encoder: str | GridEncoder = DEFAULT_ENCODER,
        tokenizer: Tokenizer | None = None,
        max_tokens: int | None = None,
        allow_evaluation: bool = False,
        solution_ids: Sequence[str] | None = None,
        permute_background: float = 0.0,
        swap_probability: float = 0.5,
    ) -> None:
        if not mixture:
            raise PairsError("the mixture is empty: give at least one SOURCE:TEMPLATE=WEIGHT")
        if max_tokens is not None and tokenizer is None:
            raise PairsError("max_tokens needs a tokenizer to count with")
        self.mixture = list(mixture)
        self.templates = [get_template(c.template) for c in self.mixture]
        weights = np.array([c.weight for c in self.mixture], dtype=float)
        self.probabilities = weights / weights.sum()
        self.seed = seed
        self.encoder = parse_encoder(encoder)
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.permute_background = permute_background
        self.swap_probability = swap_probability
        self.solution_ids = tuple(solution_ids) if solution_ids is not None else task_solutions.ids()
        self.stats = PairStats()
        self._tasks: dict[str, list[Task]] = {}
        for component, template in zip(self.mixture, self.templates, strict=True):
            if component.source == SEARCH_SOURCE:
                continue
            if component.source == SOLUTIONS_SOURCE:
                if not self.solution_ids:
                    raise PairsError("source 'solutions' has no solution tasks to draw from")
                continue
            if template.kind in PROGRAM_KINDS:
                raise PairsError(
                    f"{component}: {template.kind} needs programs; only 'solutions' and 'search' have them"
                )
            self._tasks[component.source] = self._dataset_tasks(component.source, allow_evaluation)

    def _dataset_tasks(self, spec: str, allow_evaluation: bool) -> list[Task]:
        if spec in self._tasks:
            return self._tasks[spec]
        dataset = load_dataset(spec)
        if dataset.is_evaluation and not allow_evaluation:
            raise PairsError(f"{spec} is an evaluation dataset; training on it needs --allow-evaluation")
        tasks = list(dataset) if allow_evaluation else list(without_evaluation_tasks(dataset))
        if not tasks:
            raise PairsError(f"{spec}: no tasks left to draw from")
        return tasks

    def sample(self, index: int) -> dict[str, Any] | None:
        """Sample `index` of the stream, or None when it is too long even with 2 train examples."""
        return self.build(index)[0]

    def build(self, index: int) -> tuple[dict[str, Any] | None, Task]:
        """Sample `index` (or None when too long) and the whole task it shows, to verify answers against."""
        rng = np.random.default_rng([self.seed, index])
        choice = int(rng.choice(len(self.mixture), p=self.probabilities))
        component, template = self.mixture[choice], self.templates[choice]
        program = None
        augmentation: Augmentation | None = None
        if component.source == SOLUTIONS_SOURCE:
            solution = task_solutions.get(self.solution_ids[int(rng.integers(len(self.solution_ids)))])
            task = _fresh_task(solution, rng, int(rng.integers(MIN_TRAIN, MAX_TRAIN + 1)), template.kind)
            program = solution.program if template.kind in PROGRAM_KINDS else None
        elif component.source == SEARCH_SOURCE:
            from omniarc.search import random_program_task

            task, source = random_program_task(rng, n_train=int(rng.integers(MIN_TRAIN, MAX_TRAIN + 1)))
            program = source if template.kind in PROGRAM_KINDS else None
        else:
            task, augmentation = self._augmented_task(self._tasks[component.source], template, rng)
        messages = self._fit(task, template, program)
        if messages is None:
            self.stats.skipped += 1
            return None, task
        self.stats.produced[str(component)] += 1
        return {
            "messages": messages,
            "kind": template.kind,
            "prompt_version": template.name,
            "source": component.source,
            "task_id": task.id,
            "seed": [self.seed, index],
            "augmentation": None if augmentation is None else augmentation.to_json(),
        }, task

    def _augmented_task(
        self, tasks: list[Task], template: PromptTemplate, rng: np.random.Generator
    ) -> tuple[Task, Augmentation]:
        task = tasks[int(rng.integers(len(tasks)))]
        known = [i for i, e in enumerate(task.test) if e.output is not None]
        if template.kind == "output-from-examples" and not known:
            raise PairsError(f"task {task.id} of {task.source} has no known test output")
        test_index = int(rng.choice(known)) if known else 0
        swap = self.swap_probability if task.test[test_index].output is not None else 0.0
        augmentation = random_augmentation(
            rng, len(task.train), background_probability=self.permute_background, swap_probability=swap
        )
        return augment_task(task, augmentation, test_index), augmentation

    def _fit(self, task: Task, template: PromptTemplate, program: str | None) -> list[dict[str, str]] | None:
        """Render; when too long, drop train examples (never below 2), and give up with None."""
        while True:
            messages = template.render(task, self.encoder, program)
            if self.max_tokens is None:
                return messages
            length = self._count_tokens(messages)
            if length <= self.max_tokens:
                self.stats.tokens += length
                return messages
            if len(task.train) <= MIN_TRAIN:
                return None
            task = Task(task.id, task.train[:-1], task.test, task.source)
            self.stats.dropped_examples += 1

    def _count_tokens(self, messages: list[dict[str, str]]) -> int:
        text = self.tokenizer.apply_chat_template(messages, tokenize=False)
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def stream(
        self, n: int | None = None, *, start: int = 0, shard: tuple[int, int] = (0, 1)
    ) -> Iterator[dict[str, Any]]:
        """Samples of indices start..n-1 (forever when n is None) that belong to `shard` (I, N)."""
        index, count = shard
        position = start + (index - start) % count
        while n is None or position < n:
            sample = self.sample(position)
            if sample is not None:
                yield sample
            position += count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.stream()


def _fresh_task(solution: task_solutions.Solution, rng: np.random.Generator, n_train: int, kind: str) -> Task:
    """A generated task with `n_train` train examples, or fewer (not below 2) when the rule's inputs are
    too few to draw that many distinct ones. Only what the kind shows is drawn: output-from-code shows
    one input and its output (the task gets one train pair), input-from-inputs shows inputs only (no
    output is computed)."""
    if kind == "output-from-code":
        return solution.sample_task(rng, n_train=1, n_test=1)
    while True:
        try:
            if kind != "input-from-inputs":
                return solution.sample_task(rng, n_train=n_train, n_test=1)
            *train, test = solution.sample_inputs(rng, n_train + 1)
            examples = tuple(Example(grid) for grid in train)
            return Task(solution.task_id, examples, (Example(test),), f"solution:{solution.task_id}")
        except task_solutions.SolutionError:
            if n_train <= MIN_TRAIN:
                raise
            n_train -= 1


def write_jsonl(samples: Iterator[dict[str, Any]], path: str | Path) -> int:
    """Write samples to a JSONL file atomically (never a partial target file); return the count."""
    target = Path(path)
    temporary = target.with_name(target.name + ".partial")
    count = 0
    try:
        with temporary.open("w") as handle:
            for sample in samples:
                handle.write(json.dumps(sample) + "\n")
                count += 1
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return count
