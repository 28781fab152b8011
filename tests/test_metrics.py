"""Metrics, voting and submissions on hand-made cases and real ARC grids."""

import json

import numpy as np
import pytest

from omniarc.datasets import load_dataset
from omniarc.metrics import METRIC_NAMES, average_metrics, prediction_metrics
from omniarc.solve import InputResult
from omniarc.submission import (
    SubmissionError,
    attempts_entry,
    load_submission,
    score_submission,
    validate_submission,
    write_submission,
)
from omniarc.voting import PROGRAM_WEIGHT, Guess, vote

TRUTH = np.array([[1, 2], [3, 4]])
EXACT = np.array([[1, 2], [3, 4]])
THREE_RIGHT = np.array([[1, 2], [3, 0]])
WRONG_SIZE = np.zeros((3, 3), dtype=int)


@pytest.fixture(scope="module")
def tasks():
    dataset = load_dataset("arc-agi-1/training")
    return {task_id: dataset.get(task_id) for task_id in ("007bbfb7", "25ff71a9", "d631b094")}


def test_metrics_of_mixed_predictions_count_over_k():
    values = prediction_metrics([EXACT, THREE_RIGHT, WRONG_SIZE, None], TRUTH, voted=[THREE_RIGHT, EXACT])
    assert values == pytest.approx(
        {
            "accuracy": 0.25,
            "correct_pixels": (1 + 0.75) / 4,
            "max_correct_pixels": 1.0,
            "correct_size": 0.5,
            "any_correct_size": 1.0,
            "pass_n": 1.0,
            "vote_1": 0.0,
            "vote_2": 1.0,
            "unanswered": 0.25,
        }
    )


def test_metrics_without_an_exact_prediction():
    values = prediction_metrics([THREE_RIGHT, WRONG_SIZE], TRUTH, voted=[THREE_RIGHT, WRONG_SIZE])
    assert values["accuracy"] == values["pass_n"] == values["vote_2"] == 0.0
    assert values["correct_pixels"] == pytest.approx(0.375)
    assert values["max_correct_pixels"] == pytest.approx(0.75)
    assert values["correct_size"] == 0.5 and values["unanswered"] == 0.0


def test_counts_are_repeated_predictions():
    counted = prediction_metrics([EXACT, THREE_RIGHT, None], TRUTH, [EXACT], counts=[2, 1, 1])
    expanded = prediction_metrics([EXACT, EXACT, THREE_RIGHT, None], TRUTH, [EXACT])
    assert counted == pytest.approx(expanded)
    assert counted["accuracy"] == 0.5


def test_no_prediction_at_all_is_unanswered():
    values = prediction_metrics([], TRUTH)
    assert values["unanswered"] == 1.0
    assert all(values[name] == 0.0 for name in METRIC_NAMES if name != "unanswered")


def test_average_over_test_inputs_then_tasks():
    first = prediction_metrics([EXACT], TRUTH, [EXACT])
    second = prediction_metrics([None], TRUTH)
    task = average_metrics([first, second])
    assert task["accuracy"] == 0.5 and task["unanswered"] == 0.5
    assert average_metrics([task, first])["accuracy"] == 0.75
    assert average_metrics([]) == dict.fromkeys(METRIC_NAMES, 0.0)


def test_input_result_metrics_match_the_expanded_predictions():
    votes = vote(
        [Guess(0, THREE_RIGHT, "transduction"), Guess(0, EXACT, "code", "p"), Guess(0, THREE_RIGHT, "x")]
    )
    result = InputResult(votes, unanswered=2)
    expanded = prediction_metrics([THREE_RIGHT, EXACT, THREE_RIGHT, None, None], TRUTH, [EXACT, THREE_RIGHT])
    assert result.metrics(TRUTH) == pytest.approx(expanded)


# -- voting ------------------------------------------------------------------------------------------


def test_a_verified_program_outweighs_several_guesses():
    guesses = [Guess(0, THREE_RIGHT, "transduction", mean_logprob=-0.1) for _ in range(3)]
    votes = vote([*guesses, Guess(0, EXACT, "code", "def transform(grid):\n    return grid\n")])
    assert np.array_equal(votes[0].grid, EXACT) and votes[0].weight == PROGRAM_WEIGHT
    assert votes[1].count == 3 and votes[1].sources == {"transduction": 3}


def test_equal_weight_is_broken_by_the_number_of_candidates():
    guesses = [Guess(0, THREE_RIGHT, "transduction") for _ in range(10)]
    votes = vote([Guess(0, EXACT, "code", "program"), *guesses])
    assert votes[0].weight == votes[1].weight == 10
    assert np.array_equal(votes[0].grid, THREE_RIGHT) and votes[0].count == 10


def test_then_by_mean_logprob_then_shorter_program_then_first_seen():
    by_logprob = vote(
        [
            Guess(0, THREE_RIGHT, "transduction", mean_logprob=-2.0),
            Guess(0, EXACT, "transduction", mean_logprob=-0.5),
            Guess(0, WRONG_SIZE, "transduction"),
        ]
    )
    assert [v.mean_logprob for v in by_logprob] == [-0.5, -2.0, None]
    by_length = vote(
        [Guess(0, THREE_RIGHT, "search", "a much longer program"), Guess(0, EXACT, "search", "short")]
    )
    assert [v.program for v in by_length] == ["short", "a much longer program"]
    tied = vote([Guess(0, THREE_RIGHT, "transduction"), Guess(0, EXACT, "transduction")])
    assert np.array_equal(tied[0].grid, THREE_RIGHT)


def test_equal_grids_pool_and_keep_the_shortest_program():
    votes = vote(
        [Guess(0, EXACT, "code", "long program", -1.0), Guess(0, EXACT.tolist(), "search", "short", -3.0)]
    )
    assert len(votes) == 1
    assert votes[0].count == 2 and votes[0].program == "short" and votes[0].mean_logprob == -2.0
    assert votes[0].sources == {"code": 1, "search": 1}


def test_a_vote_round_trips_through_json():
    [original] = vote([Guess(0, EXACT, "code", "p", -1.5)])
    copy = type(original).from_json(json.loads(json.dumps(original.to_json())))
    assert np.array_equal(copy.grid, original.grid) and copy.to_json() == original.to_json()


# -- submissions -------------------------------------------------------------------------------------


def test_attempts_are_padded_with_the_test_input_then_a_blank():
    test_input = np.array([[5, 5], [5, 5]])
    assert attempts_entry([], test_input) == {"attempt_1": [[5, 5], [5, 5]], "attempt_2": [[0]]}
    assert attempts_entry([EXACT], test_input) == {"attempt_1": EXACT.tolist(), "attempt_2": [[5, 5], [5, 5]]}
    assert attempts_entry([test_input], test_input)["attempt_2"] == [[0]]
    assert attempts_entry([EXACT, THREE_RIGHT, WRONG_SIZE], test_input)["attempt_2"] == THREE_RIGHT.tolist()


def _perfect(tasks):
    return {
        task.id: [{"attempt_1": e.output.tolist(), "attempt_2": [[0]]} for e in task.test]
        for task in tasks.values()
    }


def test_score_of_a_hand_written_submission(tasks):
    submission = _perfect(tasks)
    assert score_submission(submission, tasks).score == 1.0
    submission["25ff71a9"][1] = {"attempt_1": [[0]], "attempt_2": tasks["25ff71a9"].test[1].output.tolist()}
    submission["25ff71a9"][0] = {"attempt_1": [[0]], "attempt_2": [[1]]}
    submission["d631b094"][0]["attempt_1"] = [[1, 1]]
    score = score_submission(submission, tasks)
    assert score.task_scores == {"007bbfb7": 1.0, "25ff71a9": 0.5, "d631b094": 0.0}
    assert score.score == pytest.approx(0.5) and (score.solved_inputs, score.test_inputs) == (2, 4)
    assert "score 0.5000" in score.summary()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.pop("d631b094"), "task d631b094 missing"),
        (lambda s: s.update(extra=s["d631b094"]), "task extra: not a task of the dataset"),
        (lambda s: s["25ff71a9"].pop(), "task 25ff71a9: 1 entries for 2 test inputs"),
        (lambda s: s["25ff71a9"][1].pop("attempt_2"), "task 25ff71a9, test 1: field 'attempt_2' is missing"),
        (
            lambda s: s["007bbfb7"][0].update(attempt_1=[[1, 2], [3]]),
            "task 007bbfb7, test 0, attempt_1: ragged",
        ),
        (lambda s: s["007bbfb7"][0].update(attempt_2=[[12]]), "attempt_2: colour 12 is outside 0..9"),
        (lambda s: s["007bbfb7"][0].update(guess=[[1]]), "task 007bbfb7, test 0: unknown field 'guess'"),
        (
            lambda s: s.update(d631b094={"attempt_1": [[1]]}),
            "task d631b094: expected a list of attempt objects",
        ),
    ],
)
def test_malformed_submissions_name_task_and_field(tasks, change, message):
    submission = _perfect(tasks)
    change(submission)
    with pytest.raises(SubmissionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        score_submission(submission, tasks)


def test_write_validates_and_load_reads_back(tasks, tmp_path):
    submission = _perfect(tasks)
    path = write_submission(submission, tmp_path / "submission.json", tasks)
    assert load_submission(path) == submission
    with pytest.raises(SubmissionError, match="missing"):
        write_submission({}, tmp_path / "empty.json", tasks)
    assert not (tmp_path / "empty.json").exists()
    (tmp_path / "bad.json").write_text("{oops")
    with pytest.raises(SubmissionError, match=r"bad.json: malformed JSON"):
        load_submission(tmp_path / "bad.json")
    (tmp_path / "list.json").write_text("[]")
    with pytest.raises(SubmissionError, match="expected an object mapping task ids"):
        validate_submission(json.loads((tmp_path / "list.json").read_text()))


def test_scoring_needs_known_answers(tasks):
    from omniarc.tasks import Task

    task = tasks["d631b094"]
    unknown = Task.from_pairs(
        "blind", [(e.input, e.output) for e in task.train], [(task.test[0].input, None)]
    )
    with pytest.raises(SubmissionError, match="task blind: the dataset holds no test outputs"):
        score_submission({"blind": [{"attempt_1": [[0]], "attempt_2": [[0]]}]}, [unknown])
