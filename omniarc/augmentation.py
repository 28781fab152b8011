"""Invertible task augmentations: the 8 rotations/reflections, colour permutations, example order, test swap.

`augment` returns the new task and an `Augmentation` record; `revert` undoes the record's geometry and
colours on a predicted grid, so a prediction made on an augmented task maps back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from omniarc.tasks import Example, Task

IDENTITY_COLORS = tuple(range(10))


@dataclass(frozen=True)
class Augmentation:
    """What was done to a task: `quarter_turns` counter-clockwise then an optional transpose, a colour map
    (`colors[old] == new`), the new order of train examples, and which train example became the test one."""

    quarter_turns: int = 0
    transposed: bool = False
    colors: tuple[int, ...] = IDENTITY_COLORS
    train_order: tuple[int, ...] | None = None
    swapped_test_with: int | None = None

    def apply(self, grid: np.ndarray) -> np.ndarray:
        """The grid with this augmentation's geometry and colours applied."""
        moved = np.rot90(grid, self.quarter_turns)
        if self.transposed:
            moved = moved.T
        return np.asarray(self.colors, dtype=np.int8)[moved]

    def revert(self, grid: np.ndarray) -> np.ndarray:
        """Undo the geometry and colours on a grid predicted for the augmented task."""
        inverse = np.argsort(np.asarray(self.colors)).astype(np.int8)
        restored = inverse[np.asarray(grid)]
        if self.transposed:
            restored = restored.T
        return np.ascontiguousarray(np.rot90(restored, -self.quarter_turns))

    @property
    def is_identity(self) -> bool:
        """True when the grids are unchanged (order changes aside)."""
        return self.quarter_turns == 0 and not self.transposed and self.colors == IDENTITY_COLORS

    def to_json(self) -> dict[str, object]:
        """A JSON-able record, as written in pairs JSONL."""
        return {
            "quarter_turns": self.quarter_turns,
            "transposed": self.transposed,
            "colors": list(self.colors),
            "train_order": None if self.train_order is None else list(self.train_order),
            "swapped_test_with": self.swapped_test_with,
        }


def random_color_permutation(rng: np.random.Generator, permute_background: bool = False) -> tuple[int, ...]:
    """A random colour permutation; background 0 stays 0 unless `permute_background`."""
    if permute_background:
        return tuple(int(c) for c in rng.permutation(10))
    return (0, *(int(c) for c in rng.permutation(np.arange(1, 10))))


def random_augmentation(
    rng: np.random.Generator,
    n_train: int,
    *,
    geometry: bool = True,
    colors: bool = True,
    background_probability: float = 0.0,
    shuffle: bool = True,
    swap_probability: float = 0.0,
) -> Augmentation:
    """Draw an augmentation for a task with `n_train` train examples; each family can be switched off."""
    quarter_turns = int(rng.integers(4)) if geometry else 0
    transposed = bool(rng.integers(2)) if geometry else False
    permutation = (
        random_color_permutation(rng, permute_background=bool(rng.random() < background_probability))
        if colors
        else IDENTITY_COLORS
    )
    order = tuple(int(i) for i in rng.permutation(n_train)) if shuffle else None
    swapped = int(rng.integers(n_train)) if rng.random() < swap_probability else None
    return Augmentation(quarter_turns, transposed, permutation, order, swapped)


def augment_task(task: Task, augmentation: Augmentation, test_index: int = 0) -> Task:
    """The task with one test example (`test_index`), transformed by `augmentation`.

    The swap happens first (on the original order), then the train order is applied."""
    train = list(task.train)
    test = task.test[test_index]
    if augmentation.swapped_test_with is not None:
        index = augmentation.swapped_test_with
        train[index], test = test, train[index]
    if augmentation.train_order is not None:
        train = [train[i] for i in augmentation.train_order]

    def convert(example: Example) -> tuple[np.ndarray, np.ndarray | None]:
        output = None if example.output is None else augmentation.apply(example.output)
        return augmentation.apply(example.input), output

    return Task.from_pairs(task.id, [convert(e) for e in train], [convert(test)], task.source)
