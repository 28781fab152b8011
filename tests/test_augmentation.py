"""Augmentations invert exactly on every ARC-AGI-1 grid, and are seeded."""

import numpy as np
import pytest

from omniarc.augmentation import Augmentation, augment_task, random_augmentation
from omniarc.datasets import load_tasks


@pytest.fixture(scope="module")
def arc_agi_1_tasks():
    return load_tasks("arc-agi-1/training") + load_tasks("arc-agi-1/evaluation")


def test_every_augmentation_reverts_exactly_on_all_arc_agi_1_grids(arc_agi_1_tasks):
    rng = np.random.default_rng(0)
    for task in arc_agi_1_tasks:
        augmentation = random_augmentation(
            rng, len(task.train), background_probability=0.5, swap_probability=0.5
        )
        augmented = augment_task(task, augmentation)
        truth = (
            task.test[0].output
            if augmentation.swapped_test_with is None
            else task.train[augmentation.swapped_test_with].output
        )
        assert np.array_equal(augmentation.revert(augmented.test[0].output), truth), task.id
        for example in task.examples:
            assert np.array_equal(augmentation.revert(augmentation.apply(example.input)), example.input)


@pytest.mark.parametrize("quarter_turns", range(4))
@pytest.mark.parametrize("transposed", [False, True])
def test_all_eight_dihedral_transforms_are_distinct_and_invertible(
    arc_agi_1_tasks, quarter_turns, transposed
):
    def images(grid):
        return {
            Augmentation(k, t).apply(grid).tobytes() + bytes(Augmentation(k, t).apply(grid).shape)
            for k in range(4)
            for t in (False, True)
        }

    grid = next(e.input for task in arc_agi_1_tasks for e in task.train if len(images(e.input)) == 8)
    augmentation = Augmentation(quarter_turns, transposed)
    assert np.array_equal(augmentation.revert(augmentation.apply(grid)), grid)


def test_colour_permutation_keeps_background_unless_asked(arc_agi_1_tasks):
    rng = np.random.default_rng(1)
    kept = [random_augmentation(rng, 3, background_probability=0.0).colors[0] for _ in range(50)]
    moved = [random_augmentation(rng, 3, background_probability=1.0).colors[0] for _ in range(50)]
    assert set(kept) == {0}
    assert set(moved) != {0}


def test_swap_and_order_change_which_example_is_the_test(arc_agi_1_tasks):
    task = arc_agi_1_tasks[0]
    augmentation = Augmentation(train_order=(4, 3, 2, 1, 0), swapped_test_with=1)
    augmented = augment_task(task, augmentation)
    assert np.array_equal(augmented.test[0].input, task.train[1].input)
    assert np.array_equal(augmented.train[3].input, task.test[0].input)
    assert np.array_equal(augmented.train[0].input, task.train[4].input)


def test_same_seed_same_augmentation():
    first = [random_augmentation(np.random.default_rng(5), 4, swap_probability=0.5) for _ in range(3)]
    again = [random_augmentation(np.random.default_rng(5), 4, swap_probability=0.5) for _ in range(3)]
    assert first == again
