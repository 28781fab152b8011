"""Fine-tuning data straight from a generate-pairs mixture: solution tasks held out, programs scored in the
sandbox.

Held-out evaluation must measure rules the model never saw, so `holdout_tasks` hand-written solutions are
set aside by seed: training samples never come from them, evaluation samples only from them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from omniarc import task_solutions
from omniarc.pairs import SOLUTIONS_SOURCE, MixtureComponent, PairGenerator, PairsError, Tokenizer
from omniarc.tasks import Task
from omniarc.training.data import Sample, TrainingData, generated_data
from omniarc.training.trainer import ScoreProgram


def split_solution_ids(holdout: int, seed: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(training ids, held-out ids): `holdout` solution tasks chosen by `seed`, never trained on."""
    ids = task_solutions.ids()
    chosen = set(np.random.default_rng([seed, 7]).choice(len(ids), size=holdout, replace=False).tolist())
    return (
        tuple(task_id for index, task_id in enumerate(ids) if index not in chosen),
        tuple(task_id for index, task_id in enumerate(ids) if index in chosen),
    )


class SandboxScorer:
    """`score_program(program, sample)` for held-out code samples: does the program reproduce the task?"""

    def __init__(self, tasks: dict[str, Task]) -> None:
        self.tasks = tasks
        self._sandbox: Any = None

    def __call__(self, program: str, sample: Sample) -> bool:
        task = self.tasks.get(sample["messages"][-2]["content"])
        if task is None:
            return False
        if self._sandbox is None:
            from omniarc.sandbox import Sandbox

            self._sandbox = Sandbox(workers=1)
        return self._sandbox.verify([program], task)[0].passed


def mixture_training_data(
    components: Sequence[MixtureComponent],
    *,
    seed: int = 0,
    tokenizer: Tokenizer | None = None,
    max_length: int | None = None,
    holdout_tasks: int = 8,
    eval_size: int = 64,
) -> tuple[TrainingData, ScoreProgram | None]:
    """The training stream of a mixture and its held-out samples, with a sandbox scorer for programs.

    With a `solutions` component and `holdout_tasks` > 0, the held-out samples come from the held-out
    solution tasks only; otherwise the first `eval_size` samples of the stream are held out."""
    options = {"seed": seed, "tokenizer": tokenizer, "max_tokens": max_length}
    name = f"mix {' '.join(map(str, components))} seed {seed}"
    has_solutions = any(c.source == SOLUTIONS_SOURCE for c in components)
    if not has_solutions or holdout_tasks <= 0 or eval_size <= 0:
        data = generated_data(
            PairGenerator(components, **options).sample, eval_size=eval_size, description=name
        )
        return data, None
    train_ids, held_out_ids = split_solution_ids(holdout_tasks, seed)
    training = PairGenerator(components, solution_ids=train_ids, **options)
    held_out = PairGenerator(
        [c for c in components if c.source == SOLUTIONS_SOURCE], solution_ids=held_out_ids, **options
    )
    samples: list[Sample] = []
    tasks: dict[str, Task] = {}
    for index in itertools.count():
        if len(samples) == eval_size:
            break
        if index > 100 * eval_size + 1000:
            raise PairsError(f"{name}: the held-out solution tasks gave too few samples ({len(samples)})")
        sample, task = held_out.build(index)
        if sample is not None:
            samples.append(sample)
            tasks[sample["messages"][-2]["content"]] = task

    def stream(start: int) -> Iterator[Sample | None]:
        return map(training.sample, itertools.count(start))

    description = f"{name}, solution tasks {','.join(held_out_ids)} held out ({eval_size} samples)"
    return TrainingData(stream, tuple(samples), description), SandboxScorer(tasks)
