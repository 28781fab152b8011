"""Training data: samples (chat messages) from a JSONL file, a list, or a generator, as a positional stream.

A sample is a dict with `messages` (system/user/assistant turns, the last one the assistant's answer) and
optional metadata (`kind`, `prompt_version`, `source`, `task_id`, `seed`, `augmentation`), as written by
`omniarc generate-pairs`. A `SampleStream` maps a start position to the samples from that position on, so
a resumed run asks for the stream from where it stopped instead of replaying it: the stream's randomness
is a function of (seed, position), which makes a saved position all the state it needs.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from omniarc.training.errors import TrainingError

ROLES = ("system", "user", "assistant")

Sample = Mapping[str, Any]
SampleStream = Callable[[int], Iterable[Sample | None]]
"""`stream(start)`: the samples at positions start, start+1, ...; None marks a position without a sample."""


def validate_sample(sample: Any, where: str) -> Sample:
    """Check that `sample` is a training sample (messages ending with the answer); `where` is for errors."""
    if not isinstance(sample, Mapping):
        raise TrainingError(
            f"{where}: a sample must be an object with 'messages', got {type(sample).__name__}"
        )
    messages = sample.get("messages")
    if not isinstance(messages, list) or len(messages) < 2:
        raise TrainingError(f"{where}: 'messages' must be a list of at least a prompt and an answer")
    for index, message in enumerate(messages):
        if not isinstance(message, Mapping) or message.get("role") not in ROLES:
            raise TrainingError(f"{where}: messages[{index}] needs a role among {', '.join(ROLES)}")
        if not isinstance(message.get("content"), str):
            raise TrainingError(f"{where}: messages[{index}].content must be a string")
    if messages[-1]["role"] != "assistant":
        raise TrainingError(f"{where}: the last message must be the assistant's answer")
    return sample


def prompt_of(sample: Sample) -> list[dict[str, str]]:
    """The messages a model sees: everything but the answer."""
    return [dict(message) for message in sample["messages"][:-1]]


def answer_of(sample: Sample) -> str:
    """The exact text a model must produce."""
    return sample["messages"][-1]["content"]


class JsonlSamples(Sequence[Sample]):
    """A JSONL file of samples with random access: line offsets are indexed once, lines parsed on demand."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._offsets: list[int] = []
        self._lines: list[int] = []
        try:
            with self.path.open("rb") as handle:
                offset = 0
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        self._offsets.append(offset)
                        self._lines.append(number)
                    offset += len(line)
        except OSError as error:
            raise TrainingError(f"{self.path}: cannot read samples: {error.strerror}") from None
        if not self._offsets:
            raise TrainingError(f"{self.path}: no samples")

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, index: int) -> Sample:  # type: ignore[override]
        where = f"{self.path}:{self._lines[index]}"
        with self.path.open("rb") as handle:
            handle.seek(self._offsets[index])
            line = handle.readline()
        try:
            sample = json.loads(line)
        except json.JSONDecodeError as error:
            raise TrainingError(f"{where}: not valid JSON ({error.msg})") from None
        return validate_sample(sample, where)


@dataclass(frozen=True)
class TrainingData:
    """What a run trains on: a positional stream, held-out samples never trained on, and a description.

    The description identifies the data in the run's config, so a resumed run can check it got the same.
    """

    stream: SampleStream
    eval_samples: tuple[Sample, ...]
    description: str


class _Subset(Sequence[Sample]):
    def __init__(self, samples: Sequence[Sample], indices: Sequence[int]) -> None:
        self.samples, self.indices = samples, indices

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, index: int) -> Sample:  # type: ignore[override]
        return self.samples[self.indices[index]]


def _epoch_stream(samples: Sequence[Sample], seed: int) -> SampleStream:
    """Endless epochs over `samples`, each in its own seeded order; any position is reached directly."""

    def stream(start: int) -> Iterator[Sample]:
        for position in itertools.count(start):
            epoch, index = divmod(position, len(samples))
            if index == 0 or position == start:
                order = np.random.default_rng([seed, epoch]).permutation(len(samples))
            yield samples[int(order[index])]

    return stream


def samples_data(
    samples: Sequence[Sample], *, eval_size: int = 0, seed: int = 0, description: str = "samples"
) -> TrainingData:
    """Train on a list of samples in shuffled epochs, holding out `eval_size` of them (chosen by `seed`)."""
    if not 0 <= eval_size < len(samples):
        raise TrainingError(
            f"{description}: eval_size {eval_size} must leave samples to train on ({len(samples)})"
        )
    order = np.random.default_rng([seed, 2**31]).permutation(len(samples))
    held_out = sorted(int(i) for i in order[:eval_size])
    train_indices = sorted(int(i) for i in order[eval_size:])
    return TrainingData(
        stream=_epoch_stream(_Subset(samples, train_indices), seed),
        eval_samples=tuple(samples[i] for i in held_out),
        description=f"{description} (seed {seed}, {eval_size} held out)",
    )


def jsonl_data(path: str | Path, *, eval_size: int = 0, seed: int = 0) -> TrainingData:
    """Train on a JSONL file of samples (see `samples_data`); lines are read lazily."""
    samples = JsonlSamples(path)
    return samples_data(samples, eval_size=eval_size, seed=seed, description=f"jsonl:{Path(path).resolve()}")


def generated_data(
    sample_at: Callable[[int], Sample | None], *, eval_size: int = 0, description: str
) -> TrainingData:
    """Train on generated samples: `sample_at(index)` builds sample `index` (None when it has none).

    The first `eval_size` samples are held out and training starts at the index after them. For the
    generate-pairs mixture: `generated_data(PairGenerator(components, seed=seed).sample, ...)`.
    """
    eval_samples: list[Sample] = []
    index = 0
    while len(eval_samples) < eval_size:
        sample = sample_at(index)
        if sample is not None:
            eval_samples.append(validate_sample(sample, f"{description} index {index}"))
        index += 1
        if index > 100 * eval_size + 1000:
            raise TrainingError(f"{description}: too few samples to hold out {eval_size}")
    first = index

    def stream(start: int) -> Iterator[Sample | None]:
        return map(sample_at, itertools.count(first + start))

    return TrainingData(stream, tuple(eval_samples), f"{description} ({eval_size} held out)")
