"""Sandbox throughput: verify thousands of distinct DSL/numpy programs on real ARC-AGI-1 tasks.

Measures, in one run and on the same programs and tasks:
- the sandbox with every protection on (RestrictedPython policy + hardened worker processes),
- the same pool with plain `exec` (`restricted=False`, unsafe, the cost baseline of the policy layer),
- one fresh `python` subprocess per program (the naive isolation), on a sample, extrapolated.

The programs: half are variants of the hand-written task solutions (one constant changed, or a final
geometric step composed on), half come from templates (geometry chains, colour loops, object selection,
numpy vectorised rules, helper functions with neighbour loops, split-and-combine) with different
constants and compositions. Every program text is distinct: 5 to 50 lines, some with Python loops.

    python benchmarks/bench_sandbox.py [--programs 4000] [--tasks 8] [--time-limit 0.25]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import omniarc.dsl as dsl
import omniarc.sandbox.pool as pool_module
from omniarc.sandbox import Sandbox
from omniarc.sandbox.worker import Runner, install_alarm_handler

from omniarc import task_solutions
from omniarc.datasets import find_task, load_dataset
from omniarc.tasks import Task

GEOMETRY = [
    "rotate({x}, quarter_turns={k})",
    "rotate_clockwise({x})",
    "flip_horizontal({x})",
    "flip_vertical({x})",
    "transpose({x})",
    "flip_antidiagonal({x})",
    "crop_to_content({x})",
    "upscale({x}, {f})",
    "tile({x}, {r}, {c})",
    "pad({x}, 1, {color})",
    "shift({x}, {dr}, {dc})",
    "replace_color({x}, {a}, {b})",
    "swap_colors({x}, {a}, {b})",
    "np.rot90({x}, {k})",
    "np.fliplr({x})",
    "np.where({x} == {a}, {b}, {x})",
]


def geometry_chain(rng: np.random.Generator) -> str:
    steps = []
    for _ in range(int(rng.integers(2, 6))):
        template = GEOMETRY[int(rng.integers(len(GEOMETRY)))]
        steps.append(
            "    result = "
            + template.format(
                x="result",
                k=int(rng.integers(1, 4)),
                f=int(rng.integers(2, 4)),
                r=int(rng.integers(1, 3)),
                c=int(rng.integers(1, 3)),
                color=int(rng.integers(10)),
                dr=int(rng.integers(-2, 3)),
                dc=int(rng.integers(-2, 3)),
                a=int(rng.integers(10)),
                b=int(rng.integers(10)),
            )
        )
    return "def transform(grid):\n    result = grid\n" + "\n".join(steps) + "\n    return result\n"


def colour_loop(rng: np.random.Generator) -> str:
    a, b, c, d = (int(value) for value in rng.integers(10, size=4))
    return f"""import numpy as np

def transform(grid):
    height, width = grid.shape
    output = np.zeros((height, width), dtype=int)
    for row in range(height):
        for col in range(width):
            value = int(grid[row, col])
            if value == {a}:
                output[row, col] = {b}
            elif value == {c} and row % {int(rng.integers(1, 4))} == 0:
                output[row, col] = {d}
            else:
                output[row, col] = value
    return output
"""


def object_selection(rng: np.random.Generator) -> str:
    connectivity = int(rng.choice([4, 8]))
    single = bool(rng.integers(2))
    chooser = [
        "largest_object(objects)",
        "smallest_object(objects)",
        "max(objects, key=lambda obj: (obj.height * obj.width, -obj.top))",
        "min(objects, key=lambda obj: (len(obj.colors), obj.left))",
        f"sort_objects(objects, by='top', descending={bool(rng.integers(2))})[0]",
    ][int(rng.integers(5))]
    post = [
        "chosen_grid",
        f"rotate(chosen_grid, quarter_turns={int(rng.integers(1, 4))})",
        "flip_horizontal(chosen_grid)",
    ]
    return f"""from omniarc.dsl import *

def transform(grid):
    objects = find_objects(grid, connectivity={connectivity}, single_color={single})
    objects = [obj for obj in objects if obj.size >= {int(rng.integers(1, 4))}]
    if not objects:
        return grid
    chosen = {chooser}
    chosen_grid = crop(grid, chosen)
    return {post[int(rng.integers(len(post)))]}
"""


def numpy_rule(rng: np.random.Generator) -> str:
    background, a, k = int(rng.integers(10)), int(rng.integers(10)), int(rng.integers(4))
    return f"""import numpy as np

def transform(grid):
    counts = np.bincount(grid.ravel(), minlength=10)
    counts[{background}] = 0
    top = int(np.argmax(counts))
    output = np.where(grid == {a}, top, grid)
    mask = output != {background}
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return output
    output = output[rows.min() : rows.max() + 1]
    return np.rot90(output, {k})
"""


def size_recolour(rng: np.random.Generator) -> str:
    comparison = ["==", ">=", "<=", "!="][int(rng.integers(4))]
    return f"""from collections import Counter

import numpy as np
from omniarc.dsl import *

def transform(grid):
    objects = find_objects(grid, connectivity={int(rng.choice([4, 8]))})
    sizes = Counter(obj.size for obj in objects)
    output = copy_grid(grid)
    for obj in objects:
        # recolour the objects whose size is (not) shared
        if sizes[obj.size] {comparison} {int(rng.integers(1, 4))}:
            output = paint_object(output, obj, {int(rng.integers(10))})
    return output
"""


def neighbour_rule(rng: np.random.Generator) -> str:
    background, colour, new, threshold = (int(value) for value in rng.integers(10, size=4))
    threshold = threshold % 4 + 1
    diagonal = bool(rng.integers(2))
    return f"""import numpy as np
from omniarc.dsl import *

OFFSETS = [(-1, 0), (1, 0), (0, -1), (0, 1)]
if {diagonal}:
    OFFSETS = OFFSETS + [(-1, -1), (-1, 1), (1, -1), (1, 1)]


def neighbours(grid, row, col):
    height, width = grid.shape
    for drow, dcol in OFFSETS:
        r, c = row + drow, col + dcol
        if 0 <= r < height and 0 <= c < width:
            yield int(grid[r, c])


def count_neighbours(grid, row, col, colour):
    return sum(1 for value in neighbours(grid, row, col) if value == colour)


def transform(grid):
    height, width = grid.shape
    output = copy_grid(grid)
    changed = 0
    for row in range(height):
        for col in range(width):
            if grid[row, col] != {background}:
                continue
            if count_neighbours(grid, row, col, {colour}) >= {threshold}:
                output[row, col] = {new}
                changed += 1
    if changed == 0:
        output = apply_gravity(output, direction="{["down", "up", "left", "right"][int(rng.integers(4))]}")
    colours = palette(output)
    if len(colours) > {int(rng.integers(2, 6))}:
        output = replace_color(output, colours[-1], {int(rng.integers(10))})
    return output
"""


def split_combine(rng: np.random.Generator) -> str:
    operator = ["&", "|", "^"][int(rng.integers(3))]
    return f"""import numpy as np
from omniarc.dsl import *

def transform(grid):
    parts = split_by_lines(grid)
    if len(parts) < 2:
        parts = split_grid(grid, cols=2) if grid.shape[1] % 2 == 0 else [grid, grid]
    first, second = parts[0], parts[1]
    if first.shape != second.shape:
        return first
    mask = (first != 0) {operator} (second != 0)
    return np.where(mask, {int(rng.integers(1, 10))}, 0)
"""


TEMPLATES = (
    geometry_chain,
    colour_loop,
    object_selection,
    numpy_rule,
    size_recolour,
    neighbour_rule,
    split_combine,
)
_DIGIT = re.compile(r"(?<![\w.])\d(?![\w.])")


def typical_solutions(limit_seconds: float = 0.01) -> list[str]:
    """The hand-written task solutions of at most 50 lines that run on their own task's train inputs
    within `limit_seconds` (trusted repository code, run here directly): the few brute-force searches
    that take a second are left out, since the benchmark measures the sandbox, not slow programs."""
    kept = []
    for task_id in task_solutions.ids():
        program = task_solutions.get(task_id).program
        if program.count("\n") > 50:
            continue
        namespace = {"np": np, **{name: getattr(dsl, name) for name in dsl.__all__}}
        exec(program, namespace)
        start = time.process_time()
        for example in find_task(task_id).train:
            namespace["transform"](example.input)
        if time.process_time() - start <= limit_seconds:
            kept.append(program)
    return kept


def solution_variant(rng: np.random.Generator, solutions: list[str]) -> str:
    """A hand-written task solution (the style a fine-tuned model writes) with one constant changed, or
    composed with a final geometric step."""
    program = solutions[int(rng.integers(len(solutions)))]
    digits = list(_DIGIT.finditer(program))
    if digits and rng.random() < 0.5:
        match = digits[int(rng.integers(len(digits)))]
        return program[: match.start()] + str(int(rng.integers(10))) + program[match.end() :]
    step = GEOMETRY[int(rng.integers(len(GEOMETRY)))].format(
        x="solved", k=1, f=2, r=1, c=2, color=0, dr=1, dc=0, a=int(rng.integers(10)), b=int(rng.integers(10))
    )
    base = program.replace("def transform(grid)", "def solve(grid)")
    return f"{base}\n\ndef transform(grid):\n    solved = solve(grid)\n    return {step}\n"


def make_programs(rng: np.random.Generator, count: int, taken: set[str], solutions: list[str]) -> list[str]:
    """`count` distinct programs (texts not in `taken`) of 5 to 50 lines: half variants of hand-written
    solutions, half drawn from the templates."""
    programs: list[str] = []
    while len(programs) < count:
        if rng.random() < 0.5:
            text = solution_variant(rng, solutions)
        else:
            text = TEMPLATES[int(rng.integers(len(TEMPLATES)))](rng)
        if text not in taken and 5 <= code_lines(text) <= 50:
            taken.add(text)
            programs.append(text)
    return programs


def code_lines(program: str) -> int:
    """Lines that are neither blank nor only a comment."""
    return sum(1 for line in program.splitlines() if line.strip() and not line.strip().startswith("#"))


SUBPROCESS_RUNNER = """
import json, sys
import numpy as np
from omniarc.dsl import *
data = json.load(sys.stdin)
namespace = {"np": np}
exec("from omniarc.dsl import *", namespace)
exec(data["program"], namespace)
outputs = []
for grid in data["grids"]:
    try:
        outputs.append(np.asarray(namespace["transform"](np.array(grid, dtype=np.int8))).tolist())
    except Exception as error:
        outputs.append(str(error))
print(json.dumps(outputs))
"""


def subprocess_seconds(programs: list[str], task: Task) -> float:
    """Mean seconds to run one program in a fresh python process on the task's train inputs."""
    grids = [example.input.tolist() for example in task.train]
    start = time.perf_counter()
    for program in programs:
        subprocess.run(
            [sys.executable, "-c", SUBPROCESS_RUNNER],
            input=json.dumps({"program": program, "grids": grids}),
            capture_output=True,
            text=True,
            check=False,
        )
    return (time.perf_counter() - start) / len(programs)


def _process_cpu(pid: int, with_children: bool) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def sandbox_cpu(sandbox: Sandbox) -> float:
    """CPU seconds used so far by the sandbox processes: the factory, its finished workers, the live ones.

    Looks at the pool's internals on purpose: CPU time, unlike wall time, does not depend on what else the
    machine runs meanwhile, so it tells what the rate would be on a quiet machine."""
    factory = pool_module._factory
    assert factory is not None
    live = sum(_process_cpu(worker.pid, False) for worker in sandbox._pool.workers)
    return _process_cpu(factory.process.pid, True) + live


def timed_verify(sandbox: Sandbox, work: list[tuple[Task, list[str]]]) -> tuple[float, float, Counter[str]]:
    """Wall seconds, CPU seconds (sandbox processes and this one) and verdict counts of verifying `work`."""
    sandbox.start()
    statuses: Counter[str] = Counter()
    cpu = sandbox_cpu(sandbox) + time.process_time()
    start = time.perf_counter()
    for task, programs in work:
        statuses.update(verdict.status.value for verdict in sandbox.verify(programs, task))
    wall = time.perf_counter() - start
    return wall, sandbox_cpu(sandbox) + time.process_time() - cpu, statuses


def in_process_cpu(work: list[tuple[Task, list[str]]], time_limit: float) -> float:
    """CPU seconds to run every program with plain exec in this very process (same time limit, failing
    fast like the sandbox: the other train inputs only after the first one's output is right), no
    isolation and no IPC: what the programs themselves cost, a ceiling for any sandbox."""
    install_alarm_handler()
    runner = Runner(restricted=False)
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for task, programs in work:
            grids = [example.input for example in task.train]
            for program in programs:
                code, output = runner.run(program, grids[:1], time_limit)["r"][0]
                if code == "ok" and np.array_equal(np.asarray(output), task.train[0].output):
                    runner.run(program, grids[1:], time_limit)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--programs", type=int, default=4000, help="distinct programs in all")
    parser.add_argument("--tasks", type=int, default=8, help="ARC-AGI-1 training tasks (3 to 5 train pairs)")
    parser.add_argument("--subprocess-sample", type=int, default=12, help="programs run one subprocess each")
    parser.add_argument(
        "--time-limit", type=float, default=0.25, help="seconds per program per grid (bulk verification)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    tasks = [task for task in load_dataset("arc-agi-1/training") if 3 <= len(task.train) <= 5][: args.tasks]
    taken: set[str] = set()
    solutions = typical_solutions()
    per_task = args.programs // len(tasks)
    work = [(task, make_programs(rng, per_task, taken, solutions)) for task in tasks]
    total = per_task * len(tasks)
    lines = [code_lines(program) for _, programs in work for program in programs]
    cpus = len(os.sched_getaffinity(0))
    shape = f"{min(lines)}..{max(lines)} lines"
    print(f"{total} distinct programs ({shape}) on {len(tasks)} ARC-AGI-1 training tasks, {cpus} CPUs")
    print(f"time limit {args.time_limit} s per program per grid, every protection on")

    start = time.perf_counter()
    with Sandbox(time_limit=args.time_limit) as sandbox:
        startup = time.perf_counter() - start
        restricted_seconds, restricted_cpu, statuses = timed_verify(sandbox, work)
        protections = sandbox.protections
    enforced = [name for name in ("network_namespace", "seccomp", "not_dumpable") if protections.get(name)]
    print(
        f"protections: user={protections['user']} landlock_abi={protections['landlock_abi']} "
        + " ".join(enforced)
    )
    print(f"verdicts: {dict(statuses)}")
    per_program = restricted_cpu * 1000 / total
    print(f"restricted sandbox: {restricted_seconds:.2f} s, CPU {per_program:.2f} ms per program")
    print(f"  (start-up {startup:.2f} s, excluded)")

    with Sandbox(time_limit=args.time_limit, restricted=False) as plain:
        plain_seconds, plain_cpu, plain_statuses = timed_verify(plain, work)
    print(f"plain exec pool:    {plain_seconds:.2f} s, CPU {plain_cpu * 1000 / total:.2f} ms per program")
    if plain_statuses != statuses:  # only timeouts can differ, on a machine busy enough to starve a worker
        print(f"  (plain verdicts: {dict(plain_statuses)})")
    ceiling = in_process_cpu(work, sandbox.time_limit) / total
    print(f"ceiling, plain exec in this process (no isolation, no IPC): CPU {ceiling * 1000:.2f} ms/program")

    sample = work[0][1][: args.subprocess_sample]
    per_subprocess = subprocess_seconds(sample, work[0][0])
    print(f"one subprocess per program: {per_subprocess * 1000:.0f} ms each (sample of {len(sample)})")

    rate = total / restricted_seconds
    plain_rate = total / plain_seconds
    speedup = rate * per_subprocess
    ratio = rate / plain_rate
    quiet = total / restricted_cpu * cpus
    print(f"CPU-bound estimate on {cpus} idle CPUs: {quiet:.0f} programs/s, restricted/plain by CPU "
          f"{plain_cpu / restricted_cpu:.2f}; load average now {os.getloadavg()[0]:.1f}")  # fmt: skip
    versus = f"{speedup:.0f}x vs one subprocess per program, restricted/plain {ratio:.2f}"
    print(f"sandbox: {rate:.0f} programs/s ({versus})")


if __name__ == "__main__":
    main()
