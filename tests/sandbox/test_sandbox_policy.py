"""The policy layer in-process: restricted compilation, guards, facades, and an audit of the namespace."""

import ast
import builtins
import os
import types

import numpy as np
import omniarc.dsl as dsl
import pytest
from omniarc.sandbox import normalize_program
from omniarc.sandbox.policy import (
    CompileError,
    Facade,
    PolicyViolation,
    ProgramPolicy,
    RunState,
    compile_program,
    compile_statements,
    facades,
    make_guards,
    restricted_namespace,
)
from omniarc.sandbox.worker import Runner
from RestrictedPython.transformer import IOPERATOR_TO_STR, RestrictingNodeTransformer

from omniarc import task_solutions
from omniarc.datasets import find_task


def run_restricted(source, grid=None):
    """Compile and run `source` in a fresh restricted namespace; return (namespace, state)."""
    state = RunState()
    namespace = restricted_namespace(state)
    exec(compile_program(source), namespace)
    return namespace, state


@pytest.mark.parametrize(
    "source, fragment",
    [
        ("import os", 'import of "os"'),
        ("import subprocess", 'import of "subprocess"'),
        ("from string import Formatter", 'import of "string"'),
        ("import numpy.linalg", 'import of "numpy.linalg"'),
        ("from numpy import *", 'only "from omniarc.dsl import *"'),
        ("x = ().__class__.__base__.__subclasses__()", '"__class__" is an invalid attribute name'),
        (
            "def transform(grid, _getattr_=None, /):\n    return grid",
            '"_getattr_" is an invalid variable name',
        ),
        ("class Fake:\n    pass", "class definitions are not allowed"),
        ("np.rot90 = lambda grid, k=1: grid", 'assigning or deleting the attribute "rot90"'),
        ("del np.rot90", 'assigning or deleting the attribute "rot90"'),
        ("g = (x for x in [1])\nf = g.gi_frame", '"gi_frame" is a restricted name'),
        ("x = __builtins__", '"__builtins__" is an invalid variable name'),
    ],
)
def test_compile_refuses(source, fragment):
    with pytest.raises(CompileError) as caught:
        compile_program(source)
    assert caught.value.kind == "policy"
    assert fragment in str(caught.value)


def _unwrapped(node: ast.AST, hook: str) -> ast.AST | None:
    """The first argument of a `hook(...)` call node, None if `node` is no such call."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == hook:
        return node.args[0]
    return None


class NativeSyntax(ast.NodeTransformer):
    """Undoes the rewrites the policy leaves out on purpose: `n = _inplacevar_("+=", n, v)` back into
    `n += v`, `_getiter_(x)`, `_iter_unpack_sequence_(x, ...)` and `_unpack_sequence_(x, ...)` into `x`,
    `_getitem_(x, i)` into `x[i]`."""

    operators = {symbol: operator for operator, symbol in IOPERATOR_TO_STR.items()}

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        self.generic_visit(node)
        if _unwrapped(node.value, "_inplacevar_") is not None:
            symbol, _, value = node.value.args
            native = ast.AugAssign(node.targets[0], self.operators[symbol.value](), value)
            return ast.copy_location(native, node)
        node.value = _unwrapped(node.value, "_unpack_sequence_") or node.value
        return node

    def _native_iteration(self, node: ast.For | ast.comprehension) -> ast.AST:
        self.generic_visit(node)
        for hook in ("_getiter_", "_iter_unpack_sequence_"):
            node.iter = _unwrapped(node.iter, hook) or node.iter
        return node

    visit_For = visit_comprehension = _native_iteration

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if _unwrapped(node, "_getitem_") is not None:
            return ast.copy_location(ast.Subscript(node.args[0], node.args[1], ast.Load()), node)
        return node


def test_the_faster_traversal_builds_exactly_restrictedpythons_tree():
    compared = native = unpacking = 0
    for task_id in task_solutions.ids():
        program = task_solutions.get(task_id).program
        reference, ours, errors = ast.parse(program), ast.parse(program), []
        RestrictingNodeTransformer(errors, [], {}).visit(reference)
        reference = NativeSyntax().visit(reference)  # the deliberate differences
        if errors:  # syntax RestrictedPython refuses and this policy allows (item augmented assignment)
            continue
        ProgramPolicy(errors, [], {}).visit(ours)
        assert not errors
        assert ast.dump(ours, include_attributes=True) == ast.dump(reference, include_attributes=True), (
            task_id
        )
        compared += 1
        native += sum(isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) for n in ast.walk(ours))
        unpacking += sum(isinstance(n, ast.For) and isinstance(n.target, ast.Tuple) for n in ast.walk(ours))
    assert compared >= 50 and native > 0 and unpacking > 0


def test_statements_met_before_reuse_their_code_and_run_like_the_whole_module():
    helper = "def double(grid):\n    return upscale(grid, 2)\n"
    first = helper + "\ndef transform(grid):\n    return double(grid)\n"
    second = helper + "\ndef transform(grid):\n    return rotate(double(grid))\n"
    moved = "\n" + second  # the same helper one line lower: tracebacks need its own line numbers
    cache = {}
    codes = [compile_statements(source, cache) for source in (first, second, moved)]
    assert codes[1][0] is codes[0][0] and codes[1][1] is not codes[0][1]
    assert codes[2][0] is not codes[0][0] and len(cache) == 5
    grid = find_task("007bbfb7").train[0].input
    for source, code in zip((first, second), codes, strict=False):
        whole, _ = run_restricted(source)
        split = restricted_namespace(RunState())
        for statement in code:
            exec(statement, split)
        assert np.array_equal(split["transform"](grid), whole["transform"](grid))
    shared_line = compile_statements("a = 1; b = 2\nc = a + b\n", cache)
    namespace = restricted_namespace(RunState())
    for statement in shared_line:
        exec(statement, namespace)
    assert (namespace["a"], namespace["b"], namespace["c"]) == (1, 2, 3)
    with pytest.raises(CompileError) as caught:
        compile_statements(helper + "import os\n", cache)
    assert caught.value.kind == "policy" and 'import of "os"' in str(caught.value)


def test_statement_chunks_cut_wrongly_fall_back_to_the_whole_program():
    """Column-0 lines inside strings, brackets, continuations and compound statements: the chunked
    compilation (with a cache holding every single line as a statement of its own) runs like the module."""
    sources = {
        'text = """\ny = 1\n"""\nz = 2\n': {"text": "\ny = 1\n", "z": 2},
        "x = [1,\n2]\n": {"x": [1, 2]},
        "x = 1 \\\n+ 2\n": {"x": 3},
        "if x_ := 0:\n    a = 1\nelse:\n    a = 2\n": {"a": 2},
        "try:\n    a = 1 // 0\nexcept ZeroDivisionError:\n    a = 7\n": {"a": 7},
        "import functools\n@functools.cache\ndef f():\n    return 5\nv = f()\n": {"v": 5},
        "# a comment\n\na = 1\r\nb = a + 1\r\n": {"b": 2},
        "a = 1; b = 2\nc = a + b": {"c": 3},
    }
    cache = {}
    for source in sources:  # every line, alone at its place, already known to the cache
        for index, line in enumerate(source.split("\n")):
            try:
                compile_statements("\n" * index + line, cache)
            except CompileError:
                pass
    for source, expected in sources.items():
        namespace = restricted_namespace(RunState())
        for code in compile_statements(source, cache):
            exec(code, namespace)
        assert {name: namespace.get(name) for name in expected} == expected, source
        assert "y" not in namespace
    with pytest.raises(CompileError) as caught:  # a syntax error anywhere comes before a policy error
        compile_statements("import os\n\ndef transform(grid:\n    return grid\n", cache)
    assert caught.value.kind == "syntax" and "line 3" in str(caught.value)


def test_syntax_errors_are_their_own_kind():
    with pytest.raises(CompileError) as caught:
        compile_program("def transform(grid) return grid")
    assert caught.value.kind == "syntax" and "line 1" in str(caught.value)


@pytest.mark.parametrize(
    "source, fragment",
    [
        ("getattr(np, 'f2py')", '"f2py"'),
        ("getattr(1, '__cl' + 'ass__')", "starts with"),
        ("getattr(np.zeros(2), 'ctypes')", '"ctypes"'),
        ("np.zeros(2).view(np.int8)", '"view"'),
        ("np.zeros(2).tofile('leak')", '"tofile"'),
        ("np.zeros(2).base", '"base"'),
        ("np.lib", '"lib"'),
        ("np.ma", '"ma"'),
        ("np.ctypeslib", '"ctypeslib"'),
        ("np.save('leak.npy', np.zeros(2))", '"save"'),
        ("np.load('/etc/passwd')", '"load"'),
        ("np.fromfile('/etc/passwd')", '"fromfile"'),
        ("np.genfromtxt('/etc/passwd')", '"genfromtxt"'),
        ("'{0.__class__}'.format(1)", "reaches into an object"),
        ("'{0[0]}'.format([1])", "reaches into an object"),
        ("'{0:{1.real}}'.format(1, 2)", "reaches into an object"),
        ("str.format('{}', 1)", "only allowed on a string value"),
        ("getattr((x for x in [1]), 'gi_frame')", '"gi_frame"'),
        ("np.ndarray((3,))", "np.ndarray(...) is not allowed"),
        ("import numpy\nnumpy.testing", '"testing"'),
        ("print('x', file=None)\nprint('y', file=1)", "print(file=...)"),
        ("[].append.mro", '"mro"'),
    ],
)
def test_guards_refuse_at_run_time(source, fragment):
    with pytest.raises(PolicyViolation, match=None) as caught:
        run_restricted(source)
    assert fragment in str(caught.value)


def test_a_caught_violation_still_counts():
    state = RunState()
    namespace = restricted_namespace(state)
    exec(compile_program("try:\n    getattr(np, 'lib')\nexcept:\n    pass"), namespace)
    assert state.violation is not None and '"lib"' in state.violation


def test_traceback_frames_are_out_of_reach():
    source = "try:\n    1 / 0\nexcept ZeroDivisionError as error:\n    tb = getattr(error, '__traceback__')"
    with pytest.raises(PolicyViolation):
        run_restricted(source)


def test_allowed_python_and_imports_work():
    source = """
import numpy as np
import math, itertools, functools
from collections import Counter, defaultdict
from omniarc.dsl import *
import omniarc.dsl as dsl
from omniarc import dsl as same

def transform(grid):
    height, width = grid.shape
    out = np.zeros((height, width), dtype=int)
    counts = Counter()
    for (row, col), value in np.ndenumerate(grid):
        out[row, col] = value
        counts[int(value)] += 1
    out[0:1, :] += 1
    best = max(counts, key=lambda colour: (counts[colour], -colour))
    total = functools.reduce(lambda a, b: a + b, counts.values(), 0)
    pairs = list(itertools.combinations(range(3), 2))
    print(f"best {best}", "{} of {}".format(total, height * width), math.floor(2.5), pairs[0])
    return dsl.rotate(same.flip_horizontal(out % 10))
"""
    namespace, state = run_restricted(source)
    grid = find_task("007bbfb7").train[0].input
    expected = grid.astype(int)
    expected[0] += 1
    assert np.array_equal(namespace["transform"](grid), np.rot90(np.fliplr(expected % 10)))
    assert state.printed_text().startswith("best ")


def test_numpy_methods_that_import_lazily_from_c_work():
    calls = "round(grid.sum()), round(grid.max()), round(grid.mean()), round(np.sum(grid))"
    source = f"def transform(grid):\n    return [[{calls}]]"
    namespace, state = run_restricted(source)
    grid = find_task("007bbfb7").train[0].input
    assert namespace["transform"](grid) == [[grid.sum(), grid.max(), round(grid.mean()), grid.sum()]]
    assert state.violation is None


def test_shared_constants_are_frozen():
    namespace, _ = run_restricted("x = 1")
    assert isinstance(namespace["DIRECTIONS"], types.MappingProxyType)
    with pytest.raises(PolicyViolation):
        run_restricted("DIRECTIONS['up'] = (0, 0)")
    assert dsl.DIRECTIONS["up"] == (-1, 0)


def test_facades_are_read_only():
    with pytest.raises(PolicyViolation):
        facades()["numpy"].rot90 = None


def test_printing_is_capped():
    _, state = run_restricted("print('x' * 10**6)")
    assert state.printed_chars <= 4000 and state.dropped_chars > 990_000
    assert "more characters dropped" in state.printed_text()


def test_guards_are_plain_functions_where_nothing_needs_checking():
    guards = make_guards(RunState())
    assert guards["_getiter_"] is iter
    # item reads and loops compile to native code: their hooks are not even in the namespace
    assert "_getitem_" not in guards and "_iter_unpack_sequence_" not in guards
    source = "def f(rows):\n    return [row[0] for row in rows] + [a for a, b in rows]\n"
    codes, names = [compile_program(source)], set()
    while codes:  # the module, the function and its comprehensions
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
    hooks = {"_getitem_", "_getiter_", "_iter_unpack_sequence_", "_unpack_sequence_"}
    assert "f" in names and not names & hooks


def test_restricted_and_plain_runners_agree_on_a_real_solution():
    task = find_task("007bbfb7")
    program = "def transform(grid):\n    return np.where(upscale(grid, 3) != 0, tile(grid, 3, 3), 0)\n"
    grids = [example.input for example in task.train]
    restricted = Runner(True).run(program, grids, 5.0)
    plain = Runner(False).run(program, grids, 5.0)
    assert restricted["s"] == plain["s"] == "ok"
    assert restricted["r"] == plain["r"]
    assert [result[1] for result in restricted["r"]] == [example.output.tolist() for example in task.train]


# ---------------------------------------------------------------------------------------------------------
# The audit: nothing dangerous is reachable from a program's namespace through the guards.

DANGEROUS = {
    id(function)
    for function in (builtins.open, builtins.eval, builtins.exec, builtins.compile, builtins.__import__,
                     builtins.globals, builtins.vars, os.system, os.popen)
}  # fmt: skip
DANGEROUS_NAMES = {"open", "eval", "exec", "system", "popen", "compile", "globals", "__import__"}


def reachable(namespace, depth):
    """Walk what a program can reach: names, attributes through the guard, items of containers."""
    guards = make_guards(RunState())
    getattr_guard = guards["_getattr_"]
    seen = {}
    frontier = [
        (f"namespace[{name!r}]", value) for name, value in namespace.items() if not name.startswith("_")
    ]
    frontier += [(f"builtins[{name!r}]", value) for name, value in namespace["__builtins__"].items()]
    for level in range(depth):
        next_frontier = []
        for path, value in frontier:
            if id(value) in seen:
                continue
            seen[id(value)] = (path, value)
            if level == depth - 1:
                continue
            for name in dir(value):
                if name.startswith("_"):
                    continue
                try:
                    child = getattr_guard(value, name)
                except (PolicyViolation, Exception):
                    continue
                next_frontier.append((f"{path}.{name}", child))
            if isinstance(value, (dict, types.MappingProxyType)):
                next_frontier += [(f"{path}[{key!r}]", item) for key, item in value.items()]
            elif isinstance(value, (list, tuple)):
                next_frontier += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        frontier = next_frontier
    return seen.values()


def test_audit_finds_no_module_open_eval_exec_or_system_within_depth_5():
    namespace = restricted_namespace(RunState())
    problems = []
    count = 0
    for path, value in reachable(namespace, 5):
        count += 1
        if isinstance(value, types.ModuleType) or id(value) in DANGEROUS:
            problems.append(path)
        if path.rsplit(".", 1)[-1] in DANGEROUS_NAMES and callable(value):
            problems.append(path)
    assert count > 2000  # the walk really went somewhere
    assert not problems, problems[:20]


def test_namespace_holds_every_dsl_name_and_np_is_a_facade():
    namespace = restricted_namespace(RunState())
    assert set(dsl.__all__) <= set(namespace)
    assert isinstance(namespace["np"], Facade)
    assert "open" not in namespace["__builtins__"] and "type" not in namespace["__builtins__"]


# ---------------------------------------------------------------------------------------------------------
# Normalisation (the de-duplication key)


def test_normalisation_ignores_comments_blank_lines_and_spacing():
    first = "def transform(grid):\n    x = grid  # keep\n\n\n    return  x  \n"
    second = "# a solution\ndef transform(grid):\n\n    x   =\tgrid\n    return x"
    assert normalize_program(first) == normalize_program(second)


def test_normalisation_keeps_strings_and_meaningful_differences():
    assert normalize_program("x = 'a  # b'") != normalize_program("x = 'a # b'")
    assert normalize_program("y = a ** b") != normalize_program("y = a * * b")
    assert normalize_program("y = 1 .real") != normalize_program("y = 1.real")
    assert normalize_program("if a:\n    b\nc") != normalize_program("if a:\n    b\n    c")
