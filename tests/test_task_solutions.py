"""Every registered solution passes every check: exact pairs, a sound generator, mimetic ranges, sampling,
and its program text alone reproducing the task in the sandbox."""

import numpy as np
import pytest
from omniarc.task_solutions import SolutionError, extract_program

from omniarc import task_solutions
from omniarc.solution_checks import CHECK_NAMES, check_solution


@pytest.mark.parametrize("task_id", task_solutions.ids())
def test_solution_passes_every_check(task_id):
    failures = [
        f"{r.check}: {r.detail}"
        for r in check_solution(task_solutions.get(task_id), CHECK_NAMES)
        if not r.passed
    ]
    assert not failures, "; ".join(failures)


def test_registry_covers_only_arc_agi_1_training_tasks():
    from omniarc.datasets import load_dataset

    assert len(task_solutions.ids()) >= 1
    assert set(task_solutions.ids()) <= set(load_dataset("arc-agi-1/training").ids())
    with pytest.raises(SolutionError, match="no solution for task"):
        task_solutions.get("00000000")


def test_program_text_keeps_transform_and_its_helpers_only():
    source = '''"""Doc."""
from omniarc.dsl import *
import numpy as np

SCALE = 2


def _helper(grid):
    return upscale(grid, SCALE)


def transform(grid):
    return _helper(grid)


def _only_for_generation(rng):
    return rng.integers(3)


def generate_input(rng):
    return make_grid(_only_for_generation(rng) + 1, 2)
'''
    program = extract_program(source)
    expected = (
        "SCALE = 2\n\n\ndef _helper(grid):\n    return upscale(grid, SCALE)\n\n\n"
        "def transform(grid):\n    return _helper(grid)\n"
    )
    assert program == expected


def test_sample_task_is_seeded_and_rejects_degenerate_draws():
    solution = task_solutions.get(task_solutions.ids()[0])
    first = solution.sample_task(np.random.default_rng(11), n_train=4, n_test=2)
    again = solution.sample_task(np.random.default_rng(11), n_train=4, n_test=2)
    assert first == again and len(first.train) == 4 and len(first.test) == 2
    inputs = [e.input.tobytes() + bytes(e.input.shape) for e in first.examples]
    assert len(set(inputs)) == len(inputs)
    for example in first.examples:
        assert np.array_equal(solution.apply(example.input), example.output)


def test_sample_inputs_are_the_same_draws_as_a_task_without_its_outputs():
    solution = task_solutions.get("3631a71a")  # the real task never maps an input to itself
    inputs = solution.sample_inputs(np.random.default_rng(5), 4)
    task = solution.sample_task(np.random.default_rng(5), n_train=3, n_test=1)
    assert len(inputs) == 4 and len({g.tobytes() + bytes(g.shape) for g in inputs}) == 4
    for grid, example in zip(inputs, task.examples, strict=True):
        assert np.array_equal(grid, example.input) and not grid.flags.writeable
    with pytest.raises(SolutionError, match="valid, distinct inputs"):
        solution.sample_inputs(np.random.default_rng(0), 3, max_attempts=2)


def test_sample_task_gives_a_clear_error_when_the_generator_cannot_supply_enough():
    solution = task_solutions.get(task_solutions.ids()[0])
    with pytest.raises(SolutionError, match="valid, distinct inputs"):
        solution.sample_task(np.random.default_rng(0), n_train=3, n_test=1, max_attempts=2)
