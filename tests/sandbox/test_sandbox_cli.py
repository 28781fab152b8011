"""`omniarc verify` run as a user runs it: a real subprocess, a real task."""

import subprocess

from omniarc.datasets import find_task


def omniarc(*args):
    return subprocess.run(["omniarc", *args], capture_output=True, text=True, check=False)


def test_verify_prints_each_example_and_the_predictions(tmp_path):
    program = tmp_path / "solution.py"
    program.write_text(
        "def transform(grid):\n    return np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0)\n"
    )
    result = omniarc("verify", str(program), "007bbfb7")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("passed")
    assert sum(line.strip().endswith(": passed") for line in lines) == 6  # 5 train, 1 test
    expected = find_task("007bbfb7").test[0].output
    assert "".join(str(cell) for cell in expected[0]) in result.stdout


def test_verify_fails_with_the_reason(tmp_path):
    program = tmp_path / "escape.py"
    program.write_text("import os\ndef transform(grid):\n    return grid\n")
    result = omniarc("verify", str(program), "007bbfb7", "--dataset", "arc-agi-1/training")
    assert result.returncode == 1
    assert result.stdout.startswith("policy_violation") and 'import of "os"' in result.stdout
