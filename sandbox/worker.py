"""The worker side: run batches of programs on cached input grids and answer one JSON reply per program.

A worker compiles each program once (a small cache serves the second phase of `verify`), executes it in a
fresh copy of the namespace, calls ``transform`` on a fresh read-only copy of every input, and validates
what comes back. A soft time limit (``setitimer``) interrupts Python code; the parent's hard deadline
covers code stuck in C. Expected outputs never reach a worker: comparison happens in the parent.
"""

from __future__ import annotations

import signal
import sys
import time
import traceback
import types
import warnings
from collections import OrderedDict
from typing import Any

import numpy as np

from . import protocol
from .policy import (
    PROGRAM_FILENAME,
    CompileError,
    PolicyViolation,
    RunState,
    compile_program,
    compile_statements,
    plain_namespace,
    restricted_namespace,
)

COMPILE_CACHE_SIZE = 512
GRID_SETS_KEPT = 4
TIMER_REPEAT = 0.05  # after the first alarm, keep interrupting a program that swallows it
MAX_SIDE = 30


class ProgramTimeout(BaseException):
    """Raised into a program's Python code when its soft time limit is over."""


def _on_alarm(signum: int, frame: Any) -> None:
    # Interrupt only when program code is on the stack: an alarm that lands in the worker's own
    # bookkeeping is ignored (the timer keeps firing until the worker disarms it).
    while frame is not None:
        if frame.f_code.co_filename == PROGRAM_FILENAME:
            raise ProgramTimeout
        frame = frame.f_back


def install_alarm_handler() -> None:
    """Install the SIGALRM handler behind `Runner.run`'s soft time limit (main thread only). The worker
    loop does it; call it before using a Runner in another process."""
    signal.signal(signal.SIGALRM, _on_alarm)


def describe_error(error: BaseException) -> str:
    """`Type: message (line N)` where N is the program line that raised, capped in length."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == PROGRAM_FILENAME:
            line = lineno
    try:
        text = str(error)
    except Exception:  # a message that cannot even be rendered
        text = ""
    text = text[: protocol.MAX_MESSAGE_CHARS]
    where = f" (line {line})" if line is not None else ""
    return f"{type(error).__name__}: {text}{where}" if text else f"{type(error).__name__}{where}"


def encode_output(value: Any) -> tuple[bool, Any]:
    """(True, list of lists) for a valid grid, else (False, the reason it is not one)."""
    if type(value) is np.ndarray:
        if value.ndim != 2:
            return False, f"expected a 2-D grid, got an array with {value.ndim} dimensions"
        if value.dtype.kind not in "iu":
            return False, f"expected integers 0..9, got an array of dtype {value.dtype}"
        height, width = value.shape
        if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE):
            return False, f"shape {height}x{width} is outside 1..{MAX_SIDE} per side"
        low, high = int(value.min()), int(value.max())
        if low < 0 or high > 9:
            return False, f"colour {low if low < 0 else high} is outside 0..9"
        return True, value.tolist()
    if type(value) not in (list, tuple):
        return False, f"expected a grid (a 2-D array or a list of lists), got {type(value).__name__}"
    if not 1 <= len(value) <= MAX_SIDE:
        return False, f"{len(value)} rows is outside 1..{MAX_SIDE}"
    rows = []
    for index, row in enumerate(value):
        if type(row) not in (list, tuple):
            return False, f"row {index} is a {type(row).__name__}, expected a list of integers"
        if len(row) != len(value[0]):
            return False, f"ragged rows: row 0 has {len(value[0])} cells, row {index} has {len(row)}"
        cells = []
        for cell in row:
            if type(cell) is not int and not isinstance(cell, np.integer):
                return (
                    False,
                    f"row {index} holds {type(cell).__name__} {str(cell)[:40]}, expected integers 0..9",
                )
            number = int(cell)
            if not 0 <= number <= 9:
                return False, f"colour {number} is outside 0..9"
            cells.append(number)
        rows.append(cells)
    if not 1 <= len(rows[0]) <= MAX_SIDE:
        return False, f"{len(rows[0])} columns is outside 1..{MAX_SIDE}"
    return True, rows


class Runner:
    """Compiles and runs programs in this process, under the policy (or none, when not `restricted`).

    Only the policy layer: in-process use is for tests and measurements (see `install_alarm_handler`)."""

    def __init__(self, restricted: bool = True) -> None:
        self.restricted = restricted
        self.state = RunState()
        self.base = restricted_namespace(self.state) if restricted else plain_namespace()
        self.codes: OrderedDict[str, tuple[types.CodeType, ...]] = OrderedDict()
        self.statements: dict[tuple[Any, ...], types.CodeType] = {}

    def _compile(self, source: str) -> tuple[types.CodeType, ...]:
        """The program's code objects, to run in order (see `compile_statements`)."""
        code = self.codes.get(source)
        if code is None:
            if self.restricted:
                code = compile_statements(source, self.statements)
            else:
                code = (compile_program(source, restricted=False),)
            self.codes[source] = code
            if len(self.codes) > COMPILE_CACHE_SIZE:
                self.codes.popitem(last=False)
        else:
            self.codes.move_to_end(source)
        return code

    def _call(self, transform: Any, grid: np.ndarray) -> list[Any]:
        argument = grid.copy()
        argument.setflags(write=False)
        try:
            value = transform(argument)
        except ProgramTimeout:
            return ["timeout", "the soft time limit is over"]
        except MemoryError:
            return ["memory", "MemoryError: the program ran out of its memory limit"]
        except PolicyViolation as error:
            return ["policy", self.state.violation or str(error)]
        except BaseException as error:  # every failure of untrusted code is a result, SystemExit included
            return ["error", describe_error(error)]
        if self.state.violation is not None:
            return ["policy", self.state.violation]
        valid, payload = encode_output(value)
        return ["ok" if valid else "invalid", payload]

    def run(
        self,
        source: str,
        grids: list[np.ndarray],
        time_limit: float,
    ) -> dict[str, Any]:
        """Run one program on every grid, `time_limit` seconds for compiling and running its module code,
        then as much for each grid; the reply the parent expects."""
        state = self.state
        state.reset()
        results: list[list[Any]] = []
        status, message = "ok", ""
        start = time.perf_counter()
        namespace: dict[str, Any] = {}
        limit = max(time_limit, 1e-3)
        signal.setitimer(signal.ITIMER_REAL, limit, TIMER_REPEAT)
        try:
            codes = self._compile(source)
            namespace = self.base.copy()
            for code in codes:
                exec(code, namespace)
            transform = namespace.get("transform")
            if not callable(transform):
                status, message = "syntax", "the program defines no transform(grid) function"
            else:
                for grid in grids:
                    signal.setitimer(signal.ITIMER_REAL, limit, TIMER_REPEAT)
                    results.append(self._call(transform, grid))
                    if results[-1][0] in ("timeout", "memory", "policy"):
                        break
        except CompileError as error:
            status, message = error.kind, str(error)
        except ProgramTimeout:
            status, message = "timeout", "the soft time limit is over"
        except MemoryError:
            status, message = "memory", "MemoryError: the program ran out of its memory limit"
        except PolicyViolation as error:
            status, message = "policy", state.violation or str(error)
        except BaseException as error:  # untrusted module-level code may raise anything
            status, message = "error", describe_error(error)
        finally:
            try:  # drop the program's objects while the timer runs: their finalizers are program code too
                namespace.clear()
            except BaseException:
                pass
            signal.setitimer(signal.ITIMER_REAL, 0)
        if state.violation is not None and status != "syntax":
            status, message = "policy", state.violation
        results.extend(["skipped", ""] for _ in range(len(grids) - len(results)))
        return {
            "s": status,
            "m": message[: protocol.MAX_MESSAGE_CHARS],
            "r": results,
            "t": time.perf_counter() - start,
            "p": state.printed_text(),
        }


def self_test(runner: Runner, headroom: int) -> None:
    """Fail loudly at start-up if this worker cannot run a program or lacks `headroom` bytes of memory."""
    reserve = np.zeros(headroom, dtype=np.uint8)  # address space only: calloc leaves the pages untouched
    del reserve
    reply = runner.run("def transform(grid):\n    return grid\n", [np.zeros((2, 2), np.int8)], 5.0)
    if reply["s"] != "ok" or reply["r"][0][0] != "ok":
        raise RuntimeError(f"the start-up self-test failed: {reply}")


def serve(read_fd: int, write_fd: int, restricted: bool, protections: dict[str, Any], headroom: int) -> None:
    """The worker loop: answer requests on `read_fd` until the parent closes it."""
    sys.dont_write_bytecode = True
    warnings.simplefilter("ignore")
    install_alarm_handler()
    runner = Runner(restricted)
    self_test(runner, headroom)
    protocol.write_all(write_fd, protocol.encode({"ready": protections}))
    reader = protocol.FrameReader(protocol.MAX_REQUEST_BYTES)
    grid_sets: OrderedDict[str, list[np.ndarray]] = OrderedDict()
    while True:
        request = protocol.read_message(read_fd, reader)
        if request is None:
            return
        if request["op"] == "grids":
            grids = [np.array(grid, dtype=np.int8) for grid in request["grids"]]
            for grid in grids:
                grid.setflags(write=False)
            grid_sets[request["key"]] = grids
            while len(grid_sets) > GRID_SETS_KEPT:
                grid_sets.popitem(last=False)
        elif request["op"] == "run":
            grids = grid_sets[request["key"]]
            for job_id, source in request["programs"]:
                reply = runner.run(source, grids, request["limit"])
                reply["id"] = job_id
                protocol.write_all(write_fd, protocol.encode(reply))
