"""The process layer and the verify API: kernel protections, crashes, respawns, recycling, de-duplication."""

import json
import threading

import numpy as np
import pytest
from omniarc.sandbox import Sandbox, SandboxError, Status
from omniarc.sandbox.protocol import FrameReader, ProtocolError, check_reply, encode

from omniarc import task_solutions
from omniarc.datasets import find_task
from omniarc.tasks import Task

TASK = find_task("007bbfb7")
GOOD = "def transform(grid):\n    return np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0)\n"
IDENTITY = "def transform(grid):\n    return grid\n"
STUCK_IN_C = "def transform(grid):\n    np.convolve(np.ones(10**6), np.ones(10**6))\n    return grid"


@pytest.fixture(scope="module")
def plain():
    """UNSAFE on purpose: no policy layer, so these tests hit the kernel protections directly."""
    with Sandbox(workers=1, time_limit=0.5, hard_grace=1.5, memory_limit=1 << 30, restricted=False) as box:
        yield box


def needs(sandbox, *names):
    missing = [name for name in names if not sandbox.protections.get(name)]
    if missing:
        pytest.skip(f"this kernel does not enforce {', '.join(missing)}")


def run_one(sandbox, program, grid=None):
    return sandbox.run([program], [TASK.train[0].input if grid is None else grid])[0]


def test_protections_are_reported(plain):
    protections = plain.protections
    assert protections["memory_limit_bytes"] == 1 << 30
    assert protections["file_size_limit_bytes"] == 0 and protections["core_dumps"] is False
    assert protections["open_files_limit"] <= 16
    assert protections["restricted_python"] is False
    assert {"network_namespace", "seccomp", "landlock_abi", "user", "no_new_privileges"} <= set(protections)


def test_the_kernel_refuses_writes_even_without_the_policy(plain, tmp_path):
    needs(plain, "seccomp")
    target = tmp_path / "pwned.txt"
    result = run_one(
        plain, f"def transform(grid):\n    open({str(target)!r}, 'w').write('x')\n    return grid"
    )
    assert result.status == Status.RUNTIME_ERROR and "Error" in result.error
    assert not target.exists()


def test_the_kernel_refuses_exec_fork_and_sockets(plain):
    needs(plain, "seccomp")
    bodies = ["import os\n    os.fork()", "import subprocess\n    subprocess.run(['true'])"]
    bodies += ["import socket\n    socket.socket()", "import os\n    os.kill(os.getppid(), 9)"]
    for body in bodies:
        result = run_one(plain, f"def transform(grid):\n    {body}\n    return grid")
        assert result.status == Status.RUNTIME_ERROR and "not permitted" in result.error, (body, result.error)
    assert run_one(plain, IDENTITY).status == Status.OK  # the factory survived the kill attempt


def test_landlock_hides_files_outside_the_code(plain, tmp_path):
    needs(plain, "landlock_abi")
    secret = tmp_path / "secret.txt"
    secret.write_text("the answers")
    result = run_one(plain, f"def transform(grid):\n    open({str(secret)!r}).read()\n    return grid")
    assert result.status == Status.RUNTIME_ERROR and "Permission" in result.error


def test_no_network_even_without_the_policy(plain):
    needs(plain, "network_namespace")
    program = (
        "import socket\ndef transform(grid):\n"
        "    socket.create_connection(('127.0.0.1', 9), timeout=0.2)\n    return grid"
    )
    assert run_one(plain, program).status == Status.RUNTIME_ERROR


def test_system_exit_does_not_end_a_worker(plain):
    started = plain.stats.started
    results = plain.run(
        ["import sys\ndef transform(grid):\n    sys.exit(3)", IDENTITY], [TASK.train[0].input]
    )
    assert [result.status for result in results] == [Status.RUNTIME_ERROR, Status.OK]
    assert plain.stats.started == started


def test_a_segfault_is_a_crash_and_the_worker_is_replaced(plain):
    crashes, started = plain.stats.crashes, plain.stats.started
    segfault = "import ctypes\ndef transform(grid):\n    return ctypes.string_at(0)"
    results = plain.run([segfault, IDENTITY], [TASK.train[0].input])
    assert results[0].status == Status.CRASHED and "SIGSEGV" in results[0].error
    assert results[1].status == Status.OK
    assert plain.stats.crashes == crashes + 1 and plain.stats.started == started + 1


def test_a_worker_dying_at_start_up_fails_the_pool_clearly():
    sandbox = Sandbox(workers=1, memory_limit=64 << 20)
    with pytest.raises(SandboxError, match="start-up"):
        sandbox.start()
    assert sandbox.stats.startup_failures == 3
    sandbox.close()


def test_workers_are_recycled():
    with Sandbox(workers=1, recycle_after=3, batch_size=2) as sandbox:
        programs = [f"def transform(grid):\n    return rotate(grid, {turns})" for turns in range(8)]
        results = sandbox.run(programs, [TASK.train[0].input])
        assert all(result.status == Status.OK for result in results)
        for turns, result in enumerate(results):
            assert np.array_equal(result.outputs[0], np.rot90(TASK.train[0].input, turns))
        assert sandbox.stats.recycled >= 2


def test_a_hard_timeout_mid_batch_loses_no_other_program():
    with Sandbox(workers=1, batch_size=8, time_limit=0.2, hard_grace=1.0) as sandbox:
        programs = [IDENTITY, STUCK_IN_C, GOOD, "def transform(grid):\n    return flip_horizontal(grid)"]
        results = sandbox.run(programs, [TASK.train[0].input])
        assert [result.status for result in results] == [Status.OK, Status.TIMEOUT, Status.OK, Status.OK]
        assert np.array_equal(results[3].outputs[0], np.fliplr(TASK.train[0].input))
        assert sandbox.stats.hard_kills == 1


def test_ten_thousand_duplicates_run_once():
    with Sandbox(workers=2) as sandbox:
        variants = [GOOD, GOOD.replace(" != ", "  !=  "), "# a comment\n" + GOOD, GOOD + "\n\n"]
        programs = [variants[index % 4] for index in range(10_000)]
        verdicts = sandbox.verify(programs, TASK)
        # one run per input set: the first train input, the other train inputs, the test input
        assert sandbox.stats.programs == 3
        assert all(verdict.status == Status.PASSED for verdict in verdicts)
        assert [verdict.program for verdict in verdicts[:4]] == variants
        sandbox.verify([GOOD, variants[3]], TASK)
        assert sandbox.stats.programs == 3  # cached by (program, task)


def test_verify_reproduces_real_solutions_and_predicts_their_tests():
    ids = task_solutions.ids()[:6]
    with Sandbox() as sandbox:
        for task_id in ids:
            task = find_task(task_id)
            verdict = sandbox.verify([task_solutions.get(task_id).program, IDENTITY], task)
            assert verdict[0].status == Status.PASSED, (task_id, verdict[0].error)
            for prediction, example in zip(verdict[0].predictions, task.test, strict=True):
                assert np.array_equal(prediction, example.output)
            assert verdict[1].status in (Status.WRONG_OUTPUT, Status.PASSED)


def test_verify_without_test_outputs_and_test_failures():
    task = Task.from_pairs("t", [(e.input, e.output) for e in TASK.train], [(TASK.test[0].input, None)])
    with Sandbox(workers=1) as sandbox:
        verdict = sandbox.verify(GOOD, task)[0]
        assert verdict.passed and verdict.examples[-1].status == Status.OK
        assert np.array_equal(verdict.predictions[0], TASK.test[0].output)
        tricky = GOOD.replace("return", "if grid.sum() == 18:\n        raise ValueError('test')\n    return")
        tricky_verdict = sandbox.verify(tricky, TASK)[0]
        assert tricky_verdict.passed == (TASK.test[0].input.sum() != 18)


def program_failing_on(task: Task, index: int, failure: str) -> str:
    """GOOD, except that on the train input `index` of `task` it does `failure`."""
    rows = task.train[index].input.tolist()
    return (
        f"def transform(grid):\n    if grid.tolist() == {rows}:\n        {failure}\n"
        "    return np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0)\n"
    )


def test_fail_fast_runs_the_other_inputs_only_for_programs_reproducing_the_first():
    wrong_first = program_failing_on(TASK, 0, "return grid")
    wrong_second = program_failing_on(TASK, 1, "return grid")
    stuck_second = program_failing_on(TASK, 1, "while True:\n            pass")
    rest = len(TASK.train) - 2
    with Sandbox(workers=1, time_limit=0.2) as sandbox:
        first, second, stuck, good = sandbox.verify([wrong_first, wrong_second, stuck_second, GOOD], TASK)
        assert [e.status for e in first.examples] == [Status.WRONG_OUTPUT] + [Status.SKIPPED] * (rest + 1)
        assert first.status == Status.WRONG_OUTPUT and first.error.startswith("train 0:")
        passes_again = [Status.PASSED] * rest  # past the first input a program runs on every input
        assert [e.status for e in second.examples] == [Status.PASSED, Status.WRONG_OUTPUT, *passes_again]
        assert second.status == Status.WRONG_OUTPUT and second.error.startswith("train 1:")
        assert stuck.status == Status.TIMEOUT and stuck.examples[0].status == Status.PASSED
        assert good.passed and len(good.examples) == len(TASK.train) + len(TASK.test)
        assert sandbox.stats.hard_kills == 0
    with Sandbox(workers=1, fail_fast=False) as sandbox:
        full = sandbox.verify(wrong_first, TASK)[0]
        assert [e.status for e in full.examples] == [Status.WRONG_OUTPUT] + [Status.PASSED] * (rest + 1)


def test_run_validates_grids_and_reports_per_grid_results():
    with Sandbox(workers=1) as sandbox:
        with pytest.raises(SandboxError, match="grid 1"):
            sandbox.run(IDENTITY, [TASK.train[0].input, [[1, 2], [3]]])
        result = sandbox.run("def transform(grid):\n    return 1 / (grid.sum() - 18) and grid", [
            TASK.train[0].input, TASK.test[0].input])[0]  # fmt: skip
        assert len(result.results) == 2 and result.results[0].split == "input"


def test_two_sandboxes_at_once_from_two_threads():
    outcomes = []

    def work():
        with Sandbox(workers=1) as sandbox:
            outcomes.append(sandbox.verify(GOOD, TASK)[0].status)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [Status.PASSED, Status.PASSED]


def test_bad_settings_are_one_clear_error():
    with pytest.raises(SandboxError, match="time_limit"):
        Sandbox(time_limit=0)


# ---------------------------------------------------------------------------------------------------------
# The wire format: the parent treats every reply as hostile.


def reply(**changes):
    base = {"id": 7, "s": "ok", "m": "", "r": [["ok", [[1, 2], [3, 4]]]], "t": 0.1, "p": ""}
    return {**base, **changes}


@pytest.mark.parametrize(
    "bad",
    [
        reply(id=8),
        reply(s="passed"),
        reply(r=[["ok", [[1.5, 2], [3, 4]]]]),
        reply(r=[["ok", [[1, 2], [3]]]]),
        reply(r=[["ok", [[10]]]]),
        reply(r=[["ok", [[0] * 31]]]),
        reply(r=[["ok", [["1"]]]]),
        reply(r=[["weird", ""]]),
        reply(r=[]),
        reply(t="soon"),
        [1, 2, 3],
    ],
)
def test_malformed_replies_are_refused(bad):
    with pytest.raises(ProtocolError):
        check_reply(bad, 7, 1)


def test_replies_are_json_frames_with_a_size_cap():
    reader = FrameReader(limit=1000)
    data = encode(reply())
    assert reader.feed(data[:5]) == [] and reader.feed(data[5:]) == [json.loads(data[4:])]
    with pytest.raises(ProtocolError, match="limit"):
        reader.feed(encode({"p": "x" * 2000}))
    cleaned = check_reply(reply(), 7, 1)
    assert cleaned["r"][0][1].dtype == np.int8 and not cleaned["r"][0][1].flags.writeable
