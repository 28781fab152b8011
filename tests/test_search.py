"""omniarc.search: solves simple real training tasks, deterministic, within budget, sandbox-clean programs."""

import numpy as np
import pytest
from omniarc.sandbox import Sandbox

from omniarc.datasets import find_task
from omniarc.search import (
    SearchError,
    TaskFacts,
    random_program_task,
    render_program,
    search,
    search_dataset,
    search_programs,
    static_steps,
    target_scaling_steps,
)

TRAINING = "arc-agi-1/training"
# task id -> a call the first program found must contain (one task per family)
SIMPLE_TASKS = {
    "3c9b0459": "rotate(grid, 2)",  # half turn
    "0d3d703e": "recolor(",  # colour swaps
    "1cf80156": "crop_to_content(",  # crop to the one shape
    "be94b721": "largest_object(",  # crop to the largest object
    "a416b8f3": "tile(grid, 1, 2)",  # side-by-side copy
    "3af2c5a8": "flip_vertical(top)",  # mirrored 2x2 tiling
    "0520fde7": "split_by_lines(",  # cell-wise AND of two halves
    "1e0a9b12": "apply_gravity(",  # cells fall down
    "6e82a1ae": "new_colors",  # objects recoloured by size
}
NODES = 20_000  # enough for every task above; keeps the tests deterministic and fast


def _training(task_id):
    return find_task(task_id, TRAINING)


@pytest.mark.parametrize("task_id", sorted(SIMPLE_TASKS))
def test_solves_simple_training_tasks_and_predicts_their_test_outputs(task_id):
    task = _training(task_id)
    result = search(task, time_budget=30.0, node_budget=NODES)
    assert result.programs, f"nothing found for {task_id}"
    best = result.programs[0]
    assert SIMPLE_TASKS[task_id] in best.source
    assert best.source.startswith("def transform(grid):\n")
    for prediction, example in zip(best.predictions, task.test, strict=True):
        assert np.array_equal(prediction, example.output)


# one task per kind of inferred last step: objects recoloured by a property, stamps round cells, local
# rules, a colour looked up by a pattern, an output looked up by a colour, a colour map; and others
FINISHER_TASKS = (
    "6e82a1ae",
    "0ca9ddb6",
    "b60334d2",
    "27a28665",
    "d4469b4b",
    "0d3d703e",
    "22eb0ac0",
    "c3e719e8",
)


def test_every_step_runs_in_the_sandbox_as_it_runs_in_search():
    from omniarc.sandbox import Status

    from omniarc.search import apply_step

    task = _training("1b2d62fb")  # background maroon: every background argument is spelled out
    facts = TaskFacts.from_task(task)
    inputs = [e.input for e in task.train]
    outputs = [e.output for e in task.train]
    steps = static_steps(facts) + target_scaling_steps(inputs, outputs, facts)
    grids = [e.input for e in task.examples]
    with Sandbox() as sandbox:
        results = sandbox.run([render_program([step]) for step in steps], grids)
    for step, result in zip(steps, results, strict=True):
        assert result.status not in (Status.POLICY_VIOLATION, Status.SYNTAX_ERROR), (step.code, result.error)
        for grid, example in zip(grids, result.results, strict=True):
            mine = apply_step(step, grid)
            if mine is not None:
                assert np.array_equal(mine, example.output), step.code


def test_found_programs_pass_the_sandbox_with_the_same_predictions():
    tasks = [_training(task_id) for task_id in FINISHER_TASKS]
    with Sandbox() as sandbox:
        for task in tasks:
            result = search(task, time_budget=30.0, node_budget=NODES)
            verdicts = sandbox.verify(result.sources, task)
            assert [v.passed for v in verdicts] == [True] * len(result.programs), [v.error for v in verdicts]
            for verdict, program in zip(verdicts, result.programs, strict=True):
                assert all(
                    np.array_equal(a, b)
                    for a, b in zip(verdict.predictions, program.predictions, strict=True)
                )


@pytest.mark.parametrize("task_id", ["6e82a1ae", "045e512c"])  # one solved, one cut by the node budget
def test_same_seed_and_node_budget_give_the_same_programs_and_programs_are_distinct(task_id):
    task = _training(task_id)
    first = search(task, time_budget=60.0, node_budget=2000)
    second = search(task, time_budget=60.0, node_budget=2000)
    assert first.sources == second.sources and first.nodes == second.nodes
    assert bool(first.programs) == (task_id == "6e82a1ae") and first.nodes <= 2000
    keys = {tuple(p.tobytes() for p in program.predictions) for program in first.programs}
    assert len(keys) == len(first.programs) <= 8
    assert search_programs(task, time_budget=60.0, node_budget=2000) == first.sources


def test_seed_changes_only_the_order_of_equally_cheap_steps():
    task = _training("3c9b0459")
    assert (
        search(task, node_budget=NODES, seed=7).programs[0].source
        == search(task, node_budget=NODES).programs[0].source
    )


def test_node_and_time_budgets_are_respected():
    task = _training("045e512c")  # beyond the search: it goes on until a budget stops it
    capped = search(task, time_budget=60.0, node_budget=500)
    assert capped.nodes == 500 and capped.stopped == "nodes" and not capped.programs
    timed = search(task, time_budget=0.5)
    assert timed.stopped == "time" and 0.5 <= timed.seconds < 1.5


def test_bad_budgets_raise_a_search_error_naming_the_task():
    task = _training("3c9b0459")
    with pytest.raises(SearchError, match="3c9b0459.*time_budget"):
        search(task, time_budget=0)
    with pytest.raises(SearchError, match="node_budget"):
        search(task, node_budget=0)


@pytest.mark.parametrize("task_id", ["0520fde7", "1e0a9b12", "253bf280", "1b2d62fb", "3631a71a"])
def test_fast_steps_do_exactly_what_their_code_says(task_id):
    task = _training(task_id)
    facts = TaskFacts.from_task(task)
    steps = [step for step in static_steps(facts) if step.fast is not None]
    assert len(steps) > 10
    namespace = {}
    for step in steps:
        exec(render_program([step]), _program_globals(), namespace)
        for example in task.examples:
            try:
                expected = namespace["transform"](example.input)
            except Exception:
                continue
            assert np.array_equal(step.fast(example.input), expected), step.code


def test_scaling_steps_follow_the_shape_ratio_to_the_outputs():
    task = _training("a416b8f3")
    inputs = [e.input for e in task.train]
    outputs = [e.output for e in task.train]
    codes = [step.code for step in target_scaling_steps(inputs, outputs, TaskFacts.from_task(task))]
    assert "grid = tile(grid, 1, 2)" in codes and not any("downscale" in code for code in codes)


def test_search_dataset_keeps_task_order_with_two_workers():
    tasks = [_training(task_id) for task_id in ("3c9b0459", "a416b8f3", "1cf80156")]
    results = search_dataset(tasks, time_per_task=30.0, node_budget=NODES, workers=2)
    assert [r.task_id for r in results] == [t.id for t in tasks]
    assert all(r.programs for r in results)


def test_random_program_tasks_are_valid_non_trivial_and_reproducible():
    rng = np.random.default_rng(5)
    for _ in range(8):
        task, program = random_program_task(rng, n_train=3, n_test=1)
        assert len(task.train) == 3 and len(task.test) == 1
        outputs = [e.output for e in task.examples]
        assert not any(np.array_equal(e.input, e.output) for e in task.examples)
        assert not any(np.all(o == o.flat[0]) for o in outputs)
        namespace = {}
        exec(program, _program_globals(), namespace)
        for example in task.examples:
            assert np.array_equal(namespace["transform"](example.input), example.output)
    again = random_program_task(np.random.default_rng(5))
    first = random_program_task(np.random.default_rng(5))
    assert again[1] == first[1] and again[0] == first[0]


def test_random_programs_pass_the_sandbox():
    rng = np.random.default_rng(11)
    drawn = [random_program_task(rng) for _ in range(6)]
    with Sandbox() as sandbox:
        for task, program in drawn:
            (verdict,) = sandbox.verify([program], task)
            assert verdict.passed, (program, verdict.error)


def _program_globals():
    import omniarc.dsl as dsl

    return {"np": np, **{name: getattr(dsl, name) for name in dsl.__all__}}


def test_pairs_search_source_gives_program_samples():
    from omniarc.pairs import PairGenerator, parse_mix

    mixture = [parse_mix("search:code-from-examples-v0=1"), parse_mix("search:output-from-code-v0=1")]
    samples = list(PairGenerator(mixture, seed=2).stream(6))
    assert len(samples) == 6 and {s["source"] for s in samples} == {"search"}
    code = [s for s in samples if s["kind"] == "code-from-examples"]
    assert code and all("def transform(grid):" in s["messages"][-1]["content"] for s in code)
    again = list(PairGenerator(mixture, seed=2).stream(6))
    assert [s["messages"] for s in again] == [s["messages"] for s in samples]


def test_cli_search_prints_the_programs_found():
    from click.testing import CliRunner

    from omniarc.cli import main

    result = CliRunner().invoke(main, ["search", "3c9b0459", "--dataset", TRAINING, "--nodes", "5000"])
    assert result.exit_code == 0, result.output
    assert "return rotate(grid, 2)" in result.output and "right on 1 of 1 test input" in result.output
