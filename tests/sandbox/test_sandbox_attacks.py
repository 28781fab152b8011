"""Every attack of the sandbox issue, run through a real worker: nothing escapes, the pool survives.

One sandbox with a single worker, so that programs run in the order given: for each attack, a good
program submitted just before and one just after give exactly the results of the reference run.
"""

import itertools
import os
import pathlib

import numpy as np
import pytest
from omniarc.sandbox import Sandbox, Status

from omniarc.datasets import find_task

TASK = find_task("007bbfb7")
GOOD = "def transform(grid):\n    return np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0)\n"
GOOD_WITH_ROTATE = (
    "def transform(grid):\n    return rotate(np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0), 2)\n"
)
_unique = itertools.count()


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=1, time_limit=0.25, hard_grace=1.5, memory_limit=1 << 30) as box:
        yield box


@pytest.fixture(scope="module")
def reference(sandbox):
    verdict = sandbox.verify([GOOD], TASK)[0]
    assert verdict.status == Status.PASSED
    assert np.array_equal(verdict.predictions[0], TASK.test[0].output)
    rotated = sandbox.verify([GOOD_WITH_ROTATE], TASK)[0]
    assert rotated.status == Status.WRONG_OUTPUT
    return verdict, rotated


def fresh(program):
    """A variant of `program` with distinct text (so neither de-duplication nor the cache hides a run)."""
    return f"RUN_NUMBER = {next(_unique)}\n{program}"


def attack(sandbox, reference, bad):
    """Verify good, bad, good in one call; the good ones must match the reference; return the bad verdict."""
    before, verdict, after, rotated = sandbox.verify(
        [fresh(GOOD), bad, fresh(GOOD), fresh(GOOD_WITH_ROTATE)], TASK
    )
    passed, wrong = reference
    for good in (before, after):
        assert good.status == Status.PASSED, good.error
        assert [e.status for e in good.examples] == [e.status for e in passed.examples]
        assert np.array_equal(good.predictions[0], passed.predictions[0])
    assert rotated.status == Status.WRONG_OUTPUT
    assert [e.status for e in rotated.examples] == [e.status for e in wrong.examples]
    assert np.array_equal(rotated.examples[0].output, wrong.examples[0].output)
    return verdict


POLICY_ATTACKS = {
    "import os": "import os\ndef transform(grid):\n    os.system('touch pwned')\n    return grid",
    "import subprocess": "import subprocess\ndef transform(grid):\n    return grid",
    "dunder chain": "def transform(grid):\n    return ().__class__.__base__.__subclasses__()",
    "getattr with a built name": "def transform(grid):\n    return getattr(grid, '__cl' + 'ass__')",
    "np.f2py.os.system": "def transform(grid):\n    np.f2py.os.system('touch pwned')\n    return grid",
    "np.ctypeslib": "def transform(grid):\n    return np.ctypeslib.as_array(grid)",
    "np.ma.core.builtins": "def transform(grid):\n    return np.ma.core.builtins.open('/etc/passwd')",
    "as_strided": (
        "def transform(grid):\n"
        "    return np.lib.stride_tricks.as_strided(grid, shape=(30, 30), strides=(10**6, 10**6))"
    ),
    "np.save": "def transform(grid):\n    np.save('pwned.npy', grid)\n    return grid",
    "tofile": "def transform(grid):\n    grid.tofile('pwned.bin')\n    return grid",
    "np.load": "def transform(grid):\n    return np.load('/etc/passwd', allow_pickle=True)",
    "genfromtxt": "def transform(grid):\n    return np.genfromtxt('/etc/passwd')",
    "fromfile": "def transform(grid):\n    return np.fromfile('/etc/passwd', dtype=np.int8)[:9]",
    "str.format walk": "def transform(grid):\n    return '{0.__class__.__mro__}'.format(grid)",
    "unbound str.format": "def transform(grid):\n    print(str.format('{0.base}', grid))\n    return grid",
    "string.Formatter": "from string import Formatter\ndef transform(grid):\n    return grid",
    "generator frame": (
        "def transform(grid):\n    g = (x for x in [1])\n    return getattr(g, 'gi_' + 'frame')"
    ),
    "traceback frame": (
        "def transform(grid):\n    try:\n        1 / 0\n    except ZeroDivisionError as error:\n"
        "        return getattr(error, '__trace' + 'back__')"
    ),
    "positional-only _getattr_": "def transform(grid, _getattr_=getattr, /):\n    return grid",
    "patching np.rot90": "np.rot90 = lambda grid, k=1: grid\ndef transform(grid):\n    return grid",
    "patching a DSL function": "import omniarc.dsl as d\nd.rotate = None\ndef transform(g):\n    return g",
    "custom __eq__": (
        "class Always:\n    def __eq__(self, other):\n        return True\n"
        "def transform(grid):\n    return Always()"
    ),
    "socket": "import socket\ndef transform(grid):\n    return socket.create_connection(('1.1.1.1', 80))",
    "swallowed violation": "def transform(grid):\n    try:\n        np.lib\n    except:\n        return grid",
}


@pytest.mark.parametrize("name", POLICY_ATTACKS)
def test_policy_attacks_are_refused(sandbox, reference, name):
    verdict = attack(sandbox, reference, POLICY_ATTACKS[name])
    assert verdict.status == Status.POLICY_VIOLATION, (verdict.status, verdict.error)
    assert verdict.error
    assert not pathlib.Path("pwned").exists() and not pathlib.Path("pwned.npy").exists()


def test_no_file_appears_in_the_worker_directory_either(sandbox, reference):
    attack(sandbox, reference, POLICY_ATTACKS["np.save"])
    workdir = sandbox.protections["working_directory"]
    assert os.listdir(workdir) == []


def test_rebinding_a_dsl_name_stays_inside_the_program(sandbox, reference):
    bad = "rotate = lambda grid, quarter_turns=1: grid\ndef transform(grid):\n    return rotate(grid)"
    verdict = attack(sandbox, reference, bad)  # the following GOOD_WITH_ROTATE still sees the real rotate
    assert verdict.status == Status.WRONG_OUTPUT


def test_mutating_the_input_grid_fails_and_changes_nothing(sandbox, reference):
    original = [example.input.copy() for example in TASK.train]
    verdict = attack(sandbox, reference, "def transform(grid):\n    grid[0, 0] = 5\n    return grid")
    assert verdict.status == Status.RUNTIME_ERROR and "read-only" in verdict.error
    forced = "def transform(grid):\n    grid.setflags(write=True)\n    grid[0, 0] = 5\n    return grid"
    verdict = attack(sandbox, reference, forced)
    assert verdict.status == Status.WRONG_OUTPUT
    # run() goes through every input: each call gets its own fresh copy
    results = sandbox.run(fresh(forced), [example.input for example in TASK.train])[0].results
    for example, before, result in zip(TASK.train, original, results, strict=True):
        assert np.array_equal(example.input, before)
        assert result.output[0, 0] == 5 and np.array_equal(result.output.ravel()[1:], before.ravel()[1:])


@pytest.mark.parametrize(
    "name, bad",
    [
        ("SystemExit", "def transform(grid):\n    raise SystemExit(0)"),
        ("KeyboardInterrupt", "def transform(grid):\n    raise KeyboardInterrupt"),
        (
            "deep recursion",
            "def down(n):\n    return down(n + 1) + 1\ndef transform(grid):\n    return down(0)",
        ),
        ("module-level error", "x = 1 / 0\ndef transform(grid):\n    return grid"),
    ],
)
def test_runtime_errors_are_results(sandbox, reference, name, bad):
    verdict = attack(sandbox, reference, bad)
    assert verdict.status == Status.RUNTIME_ERROR, verdict.error
    assert "line" in verdict.error or "Error" in verdict.error


@pytest.mark.parametrize(
    "name, body",
    [
        ("None", "return None"),
        ("floats", "return np.ones((3, 3))"),
        ("ragged", "return [[1, 2], [3]]"),
        ("booleans", "return grid > 0"),
        ("a colour of 12", "return grid + 12"),
        ("too big", "return np.zeros((31, 3), dtype=int)"),
        ("empty", "return []"),
        ("a dict", "return {'grid': grid}"),
        ("a 3-D array", "return np.zeros((2, 2, 2), dtype=int)"),
        ("object array", "return np.array([[1, 'a']], dtype='O')"),
    ],
)
def test_invalid_outputs_are_named(sandbox, reference, name, body):
    verdict = attack(sandbox, reference, f"def transform(grid):\n    {body}")
    assert verdict.status == Status.INVALID_OUTPUT
    assert verdict.examples[0].error


def test_syntax_errors_and_a_missing_transform(sandbox, reference):
    assert attack(sandbox, reference, "def transform(grid) return grid").status == Status.SYNTAX_ERROR
    verdict = attack(sandbox, reference, "x = 1")
    assert verdict.status == Status.SYNTAX_ERROR and "transform" in verdict.error


@pytest.mark.parametrize(
    "name, bad",
    [
        ("while True", "def transform(grid):\n    while True:\n        pass"),
        ("swallowing the timeout",
         "def transform(grid):\n    while True:\n        try:\n            while True:\n"
         "                pass\n        except:\n            pass"),
        ("10**(10**8)", "def transform(grid):\n    return 10 ** (10 ** 8)"),
    ],
)  # fmt: skip
def test_endless_programs_time_out(sandbox, reference, name, bad):
    assert attack(sandbox, reference, bad).status == Status.TIMEOUT


def test_a_long_c_level_call_is_killed_and_replaced_once(sandbox, reference):
    started, kills = sandbox.stats.started, sandbox.stats.hard_kills
    bad = "def transform(grid):\n    np.convolve(np.ones(10**6), np.ones(10**6))\n    return grid"
    verdict = attack(sandbox, reference, bad)
    assert verdict.status == Status.TIMEOUT and "hard deadline" in verdict.error
    assert sandbox.stats.hard_kills == kills + 1
    assert sandbox.stats.started == started + 1


@pytest.mark.parametrize(
    "name, body",
    [
        ("eager 10 GB", "np.ones((10**5, 10**5))"),
        ("lazy 10 GB", "np.zeros((10**5, 10**5))"),
        ("a list of 10**9", "[0] * 10**9"),
        ("resize", "np.resize(grid, (10**5, 10**5))"),
    ],
)
def test_memory_bombs_hit_the_limit(sandbox, reference, name, body):
    verdict = attack(sandbox, reference, f"def transform(grid):\n    x = {body}\n    return grid")
    assert verdict.status == Status.MEMORY, verdict.error


def test_printing_100_mb_is_capped(reference):
    with Sandbox(workers=1, time_limit=2.0, memory_limit=1 << 30) as roomy:  # time to build 100 MB, loaded
        verdict = attack(roomy, reference, "print('x' * 10**8)\ndef transform(grid):\n    return grid")
    assert verdict.status == Status.WRONG_OUTPUT
    assert 4000 <= len(verdict.printed) < 4100 and "more characters dropped" in verdict.printed
