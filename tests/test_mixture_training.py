"""Mixture training data: held-out solution tasks never reach training; the sandbox scores programs."""

from omniarc import task_solutions
from omniarc.mixture_training import mixture_training_data, split_solution_ids
from omniarc.pairs import parse_mix

MIX = [
    parse_mix("solutions:code-from-examples-v0=1"),
    parse_mix("arc-agi-1/training:output-from-examples-v0=1"),
]


def test_held_out_solution_tasks_are_seeded_and_disjoint_from_training():
    train_ids, held_out = split_solution_ids(6, seed=3)
    assert len(held_out) == 6 and not set(train_ids) & set(held_out)
    assert set(train_ids) | set(held_out) == set(task_solutions.ids())
    assert split_solution_ids(6, seed=3) == (train_ids, held_out)
    assert split_solution_ids(6, seed=4)[1] != held_out


def test_training_stream_never_shows_a_held_out_task_and_eval_shows_only_them():
    data, _ = mixture_training_data(MIX, seed=0, holdout_tasks=5, eval_size=4)
    _, held_out = split_solution_ids(5, seed=0)
    assert len(data.eval_samples) == 4 and {s["task_id"] for s in data.eval_samples} <= set(held_out)
    trained = []
    stream = data.stream(0)
    for _ in range(60):
        sample = next(stream)
        if sample is not None and sample["source"] == "solutions":
            trained.append(sample["task_id"])
    assert trained and not set(trained) & set(held_out)
    assert "held out" in data.description


def test_scorer_runs_programs_in_the_sandbox_against_the_held_out_task():
    data, score = mixture_training_data(MIX[:1], seed=1, holdout_tasks=3, eval_size=2)
    sample = data.eval_samples[0]
    right = task_solutions.program_text(sample["task_id"])
    assert score(right, sample) is True
    assert score("def transform(grid):\n    return grid\n", sample) is False


def test_without_solutions_the_first_samples_are_held_out():
    data, score = mixture_training_data(MIX[1:], seed=0, holdout_tasks=5, eval_size=3)
    assert score is None and len(data.eval_samples) == 3
