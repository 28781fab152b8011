"""Evaluation runs on real ARC tasks: submission, metrics, report, resuming, and the CLI commands."""

import json
import subprocess

import pytest
from omniarc.sandbox import Sandbox

from omniarc.datasets import load_dataset
from omniarc.evaluate import EvaluationError, evaluate
from omniarc.solve import LibraryProposer, SearchProposer, SolveError
from omniarc.submission import load_submission, score_submission, validate_submission

TRAINING = "arc-agi-1/training"


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as running:
        yield running


def _run(out, limit, sandbox, **options):
    return evaluate(
        TRAINING, out, [LibraryProposer()], limit=limit, sandbox=sandbox, progress=False, **options
    )


def test_evaluate_writes_a_valid_submission_and_resumes(tmp_path, sandbox):
    first = _run(tmp_path, 3, sandbox)
    assert first.ran == 3 and sorted(p.name for p in (tmp_path / "tasks").iterdir()) == sorted(
        f"{task_id}.json" for task_id in first.results
    )
    second = _run(tmp_path, 5, sandbox)
    assert second.ran == 2 and len(second.results) == 5
    tasks = list(load_dataset(TRAINING))[:5]
    submission = load_submission(tmp_path / "submission.json")
    validate_submission(submission, tasks)
    assert list(submission) == [task.id for task in tasks]
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["score"] == score_submission(submission, tasks).score == second.metrics["score"]
    assert metrics["tasks"] == metrics["tasks_with_answers"] == 5
    assert metrics["counts"]["library"]["passed"] == round(metrics["score"] * 5)
    (tmp_path / "tasks" / f"{tasks[1].id}.json").unlink()
    third = _run(tmp_path, 5, sandbox)
    assert third.ran == 1 and third.submission == second.submission
    index = (tmp_path / "report.html").read_text()
    assert all(task.id in index for task in tasks)
    page = (tmp_path / "report" / f"{tasks[0].id}.html").read_text()
    assert "attempt 1" in page and "output" in page


def test_resuming_with_other_settings_is_refused(tmp_path, sandbox):
    _run(tmp_path, 1, sandbox)
    with pytest.raises(EvaluationError, match="seed differ"):
        _run(tmp_path, 1, sandbox, seed=1)
    (tmp_path / "tasks" / "007bbfb7.json").write_text("{}")
    with pytest.raises(EvaluationError, match="007bbfb7.json: not a task result"):
        _run(tmp_path, 1, sandbox)


def test_library_is_refused_on_evaluation_data(tmp_path):
    with pytest.raises(SolveError, match="never used on the evaluation dataset"):
        evaluate("arc-agi-1/evaluation", tmp_path, [LibraryProposer()], limit=1, progress=False)
    assert not (tmp_path / "submission.json").exists()


def test_search_in_a_process_pool_gives_the_same_results(tmp_path, sandbox):
    proposers = [SearchProposer(time_budget=30.0, node_budget=300)]
    serial = evaluate(
        TRAINING, tmp_path / "serial", proposers, limit=3, sandbox=sandbox, progress=False, workers=1
    )
    pooled = evaluate(
        TRAINING, tmp_path / "pooled", proposers, limit=3, sandbox=sandbox, progress=False, workers=2
    )
    assert pooled.submission == serial.submission
    assert [r.proposals[0].counts for r in pooled.results.values()] == [
        r.proposals[0].counts for r in serial.results.values()
    ]


def omniarc(*args):
    return subprocess.run(["omniarc", *args], capture_output=True, text=True)


def test_evaluate_and_score_commands(tmp_path):
    out = tmp_path / "run"
    result = omniarc(
        "evaluate", "--dataset", TRAINING, "--proposers", "library", "--limit", "2", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "2 tasks (2 run now, 0 resumed)" in result.stdout and "vote_2" in result.stdout
    scored = omniarc("score", str(out / "submission.json"), "--dataset", TRAINING)
    assert scored.returncode == 1
    assert (
        scored.stderr.startswith("error: submission: task ")
        and "397 more missing (400 tasks expected)" in scored.stderr
    )


def test_score_command_on_a_hand_written_submission(tmp_path):
    tasks = list(load_dataset(TRAINING))[:2]
    (tmp_path / "data").mkdir()
    for task in tasks:
        (tmp_path / "data" / f"{task.id}.json").write_text(json.dumps(task.to_json()))
    submission = {
        tasks[0].id: [{"attempt_1": [[0]], "attempt_2": tasks[0].test[0].output.tolist()}],
        tasks[1].id: [{"attempt_1": [[0]], "attempt_2": [[1]]}],
    }
    path = tmp_path / "submission.json"
    path.write_text(json.dumps(submission))
    result = omniarc("score", str(path), "--dataset", str(tmp_path / "data"), "--per-task")
    assert result.returncode == 0, result.stderr
    assert f"{tasks[0].id}\t1" in result.stdout and f"{tasks[1].id}\t0" in result.stdout
    assert "score 0.5000: 1 of 2 tasks, 1 of 2 test inputs solved" in result.stdout
    submission[tasks[1].id][0].pop("attempt_2")
    path.write_text(json.dumps(submission))
    bad = omniarc("score", str(path), "--dataset", str(tmp_path / "data"))
    assert bad.returncode == 1
    assert bad.stderr.strip() == (
        f"error: {path}: submission: task {tasks[1].id}, test 0: field 'attempt_2' is missing"
    )


def test_solve_evaluate_and_score_have_help():
    for command in ("solve", "evaluate", "score"):
        result = omniarc(command, "--help")
        assert result.returncode == 0 and f"Usage: omniarc {command}" in result.stdout
