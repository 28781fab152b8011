"""omniarc.sandbox: run untrusted programs and keep those that reproduce every train example.

Two layers. The policy layer (`policy`) compiles each program with RestrictedPython and runs it in a
namespace of guarded builtins and read-only facades (`np`, the DSL, math, itertools, collections,
functools): no module object, no I/O, no dunder access. The process layer (`protect`, `zygote`, `pool`)
runs programs in persistent, hardened worker processes: memory and file limits, no network, Landlock and
seccomp where the kernel has them, a soft time limit inside and a hard deadline outside. Comparison with
the expected outputs happens in the parent, on JSON replies.

    from omniarc.sandbox import Sandbox
    with Sandbox() as sandbox:
        verdicts = sandbox.verify(programs, task)
"""

from .policy import ALLOWED_IMPORTS, PolicyViolation
from .pool import PoolStats, SandboxError
from .verify import (
    ExampleResult,
    RunResult,
    Sandbox,
    Status,
    Verdict,
    describe_verdict,
    normalize_program,
)

__all__ = [
    "ALLOWED_IMPORTS",
    "ExampleResult",
    "PolicyViolation",
    "PoolStats",
    "RunResult",
    "Sandbox",
    "SandboxError",
    "Status",
    "Verdict",
    "describe_verdict",
    "normalize_program",
]
