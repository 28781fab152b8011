"""The solve pipeline on real tasks: library, search, the embedded model's code and transduction proposers."""

import subprocess
from collections import Counter

import numpy as np
import pytest
from omniarc.sandbox import Sandbox, Status

from omniarc.datasets import load_dataset
from omniarc.encoders import DEFAULT_ENCODER, parse_encoder
from omniarc.prompts import get_template
from omniarc.solve import (
    CodeProposer,
    LibraryProposer,
    SearchProposer,
    SolveError,
    TaskResult,
    TransductionProposer,
    build_proposers,
    check_allowed,
    proposer_rng,
    solve_task,
    transduction_augmentation,
)
from omniarc.submission import validate_submission

SANDBOX_STATUSES = {status.value for status in Status}


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as running:
        yield running


@pytest.fixture(scope="module")
def training():
    return load_dataset("arc-agi-1/training")


@pytest.fixture(scope="session")
def sampler():
    """The embedded model, loaded once (the expensive part of the model tests)."""
    from omniarc.solve import load_sampler

    return load_sampler()


@pytest.fixture
def one_thread():
    """One torch thread while a model test samples: on a busy 2-core machine two spinning threads made
    sampling ten times slower (449 s against 38 s for the default model test)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.mark.parametrize("task_id", ["007bbfb7", "25ff71a9"])
def test_library_solves_training_tasks_exactly(sandbox, training, task_id):
    task = training.get(task_id)
    result = solve_task(task, [LibraryProposer()], sandbox=sandbox)
    assert result.correct == [True] * len(task.test) and result.score == 1.0
    for attempts, example in zip(result.attempts, task.test, strict=True):
        assert np.array_equal(attempts[0], example.output)
    assert result.proposals[0].counts == {"passed": 1} and len(result.programs) == 1
    assert result.metrics["vote_1"] == result.metrics["accuracy"] == 1.0
    validate_submission({task.id: result.submission_entry(task)}, [task])


def test_library_refuses_evaluation_tasks_and_skips_unsolved_ones(sandbox):
    task = next(iter(load_dataset("arc-agi-1/evaluation")))
    result = solve_task(task, [LibraryProposer()], sandbox=sandbox)
    assert result.proposals[0].counts == {"evaluation_task": 1}
    assert result.attempts == [[]] * len(task.test) and result.correct == [False] * len(task.test)
    entry = result.submission_entry(task)
    assert entry[0]["attempt_1"] == task.test[0].input.tolist() and entry[0]["attempt_2"] == [[0]]
    with pytest.raises(SolveError, match="never used on the evaluation dataset arc-agi-1/evaluation"):
        check_allowed(["search", "library"], "arc-agi-1/evaluation", True)
    check_allowed(["library"], "arc-agi-1/training", False)
    check_allowed(["search"], "arc-agi-1/evaluation", True)


def test_search_proposer_is_the_default_without_a_model(sandbox, training):
    [proposer] = build_proposers(time_per_task=5.0)
    assert isinstance(proposer, SearchProposer) and proposer.time_budget == 5.0
    task = training.get("25ff71a9")
    result = solve_task(task, [SearchProposer(time_budget=5.0, node_budget=2000)], sandbox=sandbox)
    counts = result.proposals[0].counts
    assert counts["found"] >= 1 and counts["found"] == sum(counts.get(s, 0) for s in SANDBOX_STATUSES)
    assert result.correct == [True, True]


def test_result_round_trips_through_json(sandbox, training):
    task = training.get("25ff71a9")
    result = solve_task(
        task, [LibraryProposer(), SearchProposer(time_budget=5.0, node_budget=2000)], sandbox=sandbox
    )
    copy = TaskResult.from_json(result.to_json(), task)
    assert copy.to_json() == result.to_json()
    assert copy.submission_entry(task) == result.submission_entry(task)
    assert "library: 1 passed" in copy.summary() and "task 25ff71a9" in copy._repr_html_()


def test_unknown_proposers_and_bad_settings_are_clear_errors():
    with pytest.raises(SolveError, match="unknown proposer 'magic'; choose from code, transduction"):
        build_proposers("library,magic")
    with pytest.raises(SolveError, match="samples and max_tokens must be at least 1"):
        build_proposers("library", samples=0)
    with pytest.raises(SolveError, match="no proposers given"):
        solve_task(load_dataset("arc-agi-1/training").get("25ff71a9"), [])


def test_proposer_randomness_depends_only_on_seed_task_and_name():
    draw = proposer_rng(3, "25ff71a9", "transduction").integers(1 << 30)
    assert draw == proposer_rng(3, "25ff71a9", "transduction").integers(1 << 30)
    assert draw != proposer_rng(3, "25ff71a9", "code").integers(1 << 30)
    assert draw != proposer_rng(4, "25ff71a9", "transduction").integers(1 << 30)


@pytest.mark.parametrize("number", range(10))
def test_transduction_decodes_strictly_and_reverts_every_augmentation(training, number):
    from omniarc.training.sampling import Completion

    from omniarc.augmentation import augment_task

    task = training.get("25ff71a9")
    template, encoder = get_template("output-from-examples-v0"), parse_encoder(DEFAULT_ENCODER)
    augmentation = transduction_augmentation(number, len(task.train), np.random.default_rng(number))
    assert augmentation.is_identity == (number == 0)
    augmented = augment_task(task, augmentation, 1)
    prefix = template.answer_prefix(encoder)
    answer = template.answer(augmented, encoder).removeprefix(prefix)
    counts = Counter()
    decode = TransductionProposer._decode
    grid = decode(Completion(answer + "\n", "stop", 10, -0.1), prefix, encoder, augmentation, counts)
    assert np.array_equal(grid, task.test[1].output)
    assert (
        decode(Completion(answer + "\nmore", "stop", 10, None), prefix, encoder, augmentation, counts) is None
    )
    assert decode(Completion(answer, "length", 10, None), prefix, encoder, augmentation, counts) is None
    assert counts == {"decoded": 1, "decode_error": 1, "truncated": 1}


def _check_accounting(result, task, samples):
    code, transduction = result.proposals
    statuses = sum(code.counts.get(s, 0) for s in SANDBOX_STATUSES)
    dropped = sum(code.counts.get(k, 0) for k in ("truncated", "no_program", "duplicate"))
    assert code.counts["sampled"] == samples == dropped + statuses
    assert transduction.counts["sampled"] == samples * len(task.test)
    assert transduction.counts["sampled"] == sum(
        transduction.counts.get(k, 0) for k in ("truncated", "decode_error", "decoded")
    )
    for index, outcome in enumerate(result.inputs):
        guesses = sum(vote.count for vote in outcome.votes)
        distinct_programs = samples - code.counts.get("duplicate", 0)
        assert guesses + outcome.unanswered == distinct_programs + samples
        assert (
            transduction.unanswered[index] + sum(v.sources.get("transduction", 0) for v in outcome.votes)
            == samples
        )
    validate_submission({task.id: result.submission_entry(task)}, [task])
    assert len(result.submission_entry(task)) == len(task.test)


def _model_proposers(sampler, samples):
    return [
        CodeProposer(sampler, samples=samples, max_tokens=64),
        TransductionProposer(sampler, augmentations=samples, max_tokens=64),
    ]


def test_embedded_model_candidates_are_all_accounted_for(sandbox, training, sampler, one_thread):
    task = training.get("d631b094")
    result = solve_task(task, _model_proposers(sampler, 2), sandbox=sandbox, seed=1)
    _check_accounting(result, task, 2)


@pytest.mark.slow
def test_embedded_model_on_a_task_with_two_test_inputs_is_deterministic(
    sandbox, training, sampler, one_thread
):
    task = training.get("25ff71a9")
    first = solve_task(task, _model_proposers(sampler, 2), sandbox=sandbox, seed=5)
    _check_accounting(first, task, 2)
    again = solve_task(task, _model_proposers(sampler, 2), sandbox=sandbox, seed=5)
    assert [p.counts for p in again.proposals] == [p.counts for p in first.proposals]
    assert again.submission_entry(task) == first.submission_entry(task)


def test_solve_command_prints_counts_programs_and_attempts():
    result = subprocess.run(
        ["omniarc", "solve", "25ff71a9", "--proposers", "library"], capture_output=True, text=True, check=True
    )
    assert "library: 1 passed" in result.stdout and "verified program 1:" in result.stdout
    assert "def transform(grid):" in result.stdout and "attempt 1 ✓" in result.stdout
    assert "solved 2 of 2 test input(s)" in result.stdout


def test_solve_command_refuses_the_library_on_evaluation_data():
    task_id = next(iter(load_dataset("arc-agi-1/evaluation"))).id
    result = subprocess.run(
        ["omniarc", "solve", task_id, "--dataset", "arc-agi-1/evaluation", "--proposers", "library"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: the library proposer") and len(result.stderr.splitlines()) == 1
