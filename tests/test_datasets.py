"""Dataset specs on real data: embedded sets, Kaggle files, task directories, BARC JSONL, re-arc files,
bad files."""

import json
from pathlib import Path

import numpy as np
import pytest

from omniarc.datasets import (
    DatasetError,
    evaluation_task_ids,
    find_task,
    load_dataset,
    load_tasks,
    without_evaluation_tasks,
)
from omniarc.tasks import Task, TaskFormatError


@pytest.mark.parametrize(
    ("spec", "size", "is_evaluation"),
    [
        ("arc-agi-1/training", 400, False),
        ("arc-agi-1/evaluation", 400, True),
        ("arc-agi-2/training", 1000, False),
        ("arc-agi-2/evaluation", 120, True),
    ],
)
def test_embedded_datasets_load_with_their_sizes(spec, size, is_evaluation):
    dataset = load_dataset(spec)
    assert len(dataset) == size
    assert dataset.is_evaluation is is_evaluation
    task = next(iter(dataset))
    assert task.train and task.test
    assert task.train[0].input.dtype == np.int8
    assert not task.train[0].input.flags.writeable


def test_find_task_searches_embedded_datasets_and_names_the_unknown_id():
    task = find_task("007bbfb7")
    assert task.train[0].input.shape == (3, 3) and task.train[0].output.shape == (9, 9)
    with pytest.raises(DatasetError, match="'nope1234'"):
        find_task("nope1234")
    with pytest.raises(DatasetError, match="not in dataset 'arc-agi-1/evaluation'"):
        find_task("007bbfb7", "arc-agi-1/evaluation")


def test_evaluation_tasks_hidden_inside_arc_agi_2_training_are_excluded():
    agi2_training = load_tasks("arc-agi-2/training")
    kept = list(without_evaluation_tasks(agi2_training))
    evaluation = evaluation_task_ids()
    assert len(kept) < len(agi2_training)
    assert not {task.id for task in kept} & evaluation
    assert {t.id for t in load_dataset("arc-agi-1/evaluation")} <= evaluation


def _kaggle_files(tmp_path: Path, with_solutions: bool) -> Path:
    tasks = load_tasks("arc-agi-1/evaluation")[:3]
    challenges = {
        t.id: {"train": [e.to_json() for e in t.train], "test": [{"input": e.input.tolist()} for e in t.test]}
        for t in tasks
    }
    path = tmp_path / "arc-agi_evaluation_challenges.json"
    path.write_text(json.dumps(challenges))
    if with_solutions:
        solutions = {t.id: [e.output.tolist() for e in t.test] for t in tasks}
        (tmp_path / "arc-agi_evaluation_solutions.json").write_text(json.dumps(solutions))
    return path


def test_kaggle_challenges_without_solutions_have_unknown_test_outputs(tmp_path):
    tasks = load_tasks(str(_kaggle_files(tmp_path, with_solutions=False)))
    assert len(tasks) == 3
    assert all(e.output is None for t in tasks for e in t.test)
    assert not tasks[0].has_test_outputs


def test_kaggle_challenges_pick_up_the_solutions_file_beside_them(tmp_path):
    path = _kaggle_files(tmp_path, with_solutions=True)
    tasks = load_tasks(str(path))
    reference = {t.id: t for t in load_tasks("arc-agi-1/evaluation")[:3]}
    for task in tasks:
        assert task.has_test_outputs
        assert np.array_equal(task.test[0].output, reference[task.id].test[0].output)


def test_directory_of_task_files(tmp_path):
    for task in load_tasks("arc-agi-1/training")[:4]:
        (tmp_path / f"{task.id}.json").write_text(json.dumps(task.to_json()))
    tasks = load_tasks(str(tmp_path))
    assert [t.id for t in tasks] == load_dataset("arc-agi-1/training").ids()[:4]
    assert tasks[0] == load_tasks("arc-agi-1/training")[0]


def test_barc_jsonl_is_streamed_and_split(tmp_path):
    path = tmp_path / "barc.jsonl"
    with path.open("w") as handle:
        for task in load_tasks("arc-agi-1/training")[:5]:
            examples = [[e.input.tolist(), e.output.tolist()] for e in task.examples]
            handle.write(json.dumps({"examples": examples, "source": "def main(): ..."}) + "\n")
    dataset = load_dataset(f"{path}?n_test=2")
    tasks = list(dataset)
    original = load_tasks("arc-agi-1/training")[0]
    assert len(tasks) == 5
    assert tasks[0].id == "barc-1"
    assert len(tasks[0].test) == 2 and len(tasks[0].train) == len(original.examples) - 2


def test_re_arc_style_files_sample_a_split_per_draw_with_a_seed(tmp_path):
    task = load_tasks("arc-agi-1/training")[0]
    examples = [e.to_json() for e in task.examples] * 3
    (tmp_path / f"{task.id}.json").write_text(json.dumps(examples))
    spec = f"{tmp_path}?n_train=2&n_test=1&draws=3&seed=7"
    first, again = load_tasks(spec), load_tasks(spec)
    assert [t.id for t in first] == [f"{task.id}#0", f"{task.id}#1", f"{task.id}#2"]
    assert all(len(t.train) == 2 and len(t.test) == 1 for t in first)
    assert first == again


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed JSON"),
        (
            json.dumps({"train": [{"input": [[1, 2], [3]], "output": [[1]]}], "test": [{"input": [[1]]}]}),
            "ragged rows",
        ),
        (
            json.dumps({"train": [{"input": [[1, 12]], "output": [[1]]}], "test": [{"input": [[1]]}]}),
            "colour 12",
        ),
        (json.dumps({"train": [{"input": [], "output": [[1]]}], "test": [{"input": [[1]]}]}), "no rows"),
        (json.dumps({"train": [{"input": [[1] * 31], "output": [[1]]}], "test": [{"input": [[1]]}]}), "1x31"),
        (json.dumps({"train": [{"input": [[1]]}], "test": [{"input": [[1]]}]}), "need an 'output'"),
    ],
)
def test_bad_task_files_give_one_clear_error_naming_the_place(tmp_path, content, message):
    path = tmp_path / "bad_task.json"
    path.write_text(content)
    with pytest.raises((DatasetError, TaskFormatError), match=message) as caught:
        load_tasks(str(path))
    assert "bad_task" in str(caught.value)


def test_bad_grid_error_names_task_split_and_example():
    with pytest.raises(TaskFormatError, match=r"task t1, test example 0, input: colour 12"):
        Task.from_json("t1", {"train": [{"input": [[0]], "output": [[0]]}], "test": [{"input": [[12]]}]})


def test_unknown_spec_and_option_are_clear_errors(tmp_path):
    with pytest.raises(DatasetError, match="not an embedded dataset"):
        load_dataset("arc-agi-3/training")
    task = load_tasks("arc-agi-1/training")[0]
    (tmp_path / "a.json").write_text(json.dumps(task.to_json()))
    with pytest.raises(DatasetError, match="unknown option"):
        load_dataset(f"{tmp_path / 'a.json'}?colour=3")
