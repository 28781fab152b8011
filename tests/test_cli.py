"""The omniarc command run as a user runs it: real subprocesses, real data."""

import json
import subprocess

import matplotlib.image


def omniarc(*args, check=True):
    return subprocess.run(["omniarc", *args], capture_output=True, text=True, check=check)


def _command_paths(group, prefix=()):
    import click

    yield prefix
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _command_paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


def test_every_command_has_help():
    from omniarc.cli import main

    paths = list(_command_paths(main))
    assert ("train",) in paths and ("solutions", "check") in paths and ("evaluate",) in paths
    for path in paths:
        result = omniarc(*path, "--help")
        assert "Usage: omniarc" in result.stdout and len(result.stdout.splitlines()) > 3, path


def test_tasks_list_prints_every_task_of_a_spec():
    result = omniarc("tasks", "list", "arc-agi-2/evaluation")
    assert len(result.stdout.strip().splitlines()) == 120
    assert "120 tasks in arc-agi-2/evaluation" in result.stderr


def test_show_writes_a_png_of_the_task(tmp_path):
    out = tmp_path / "t.png"
    result = omniarc("show", "007bbfb7", "--out", str(out))
    assert "wrote" in result.stdout
    image = matplotlib.image.imread(out)
    assert image.shape[0] > 100 and image.shape[1] > 100


def test_tasks_show_prints_the_task_in_the_terminal():
    result = omniarc("tasks", "show", "007bbfb7")
    assert "3x3" in result.stdout and "9x9" in result.stdout


def test_unknown_task_is_one_clear_line_and_non_zero_exit():
    result = omniarc("show", "nope1234", check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: task 'nope1234' is in none of the embedded datasets "
        "(arc-agi-1/training, arc-agi-1/evaluation, arc-agi-2/training, "
        "arc-agi-2/evaluation)"
    ]


def test_malformed_dataset_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    result = omniarc("tasks", "list", str(bad), check=False)
    assert result.returncode == 1 and "malformed JSON" in result.stderr and str(bad) in result.stderr


def test_duplicates_finds_a_task_present_in_two_datasets(tmp_path):
    from omniarc.datasets import load_tasks

    task = load_tasks("arc-agi-1/training")[0]
    (tmp_path / "copy.json").write_text(json.dumps(task.to_json()))
    result = omniarc("tasks", "duplicates", "arc-agi-1/training", str(tmp_path))
    assert f"exact\tsame examples\t{tmp_path}:copy arc-agi-1/training:{task.id}" in result.stdout


def test_duplicates_across_arc_agi_versions():
    result = omniarc("tasks", "duplicates", "arc-agi-1/evaluation", "arc-agi-2/training")
    exact = [line for line in result.stdout.splitlines() if line.startswith("exact")]
    assert len(exact) > 100  # ARC-AGI-2 training re-uses many ARC-AGI-1 evaluation tasks


def test_solutions_list_and_show():
    listed = omniarc("solutions", "list")
    assert "of 400 ARC-AGI-1 training tasks have a solution" in listed.stderr
    task_id = listed.stdout.split()[0]
    shown = omniarc("solutions", "show", task_id, "--seed", "1")
    assert "def transform(grid):" in shown.stdout and "train 1" in shown.stdout


def test_solutions_check_prints_a_table_and_passes():
    listed = omniarc("solutions", "list")
    task_id = listed.stdout.split()[0]
    result = omniarc("solutions", "check", task_id)
    assert "1 of 1 solutions pass every check" in result.stdout
