"""Shared fixtures for the training tests: the embedded model (real weights) and samples from real ARC tasks.

The embedded model is converted once into the real user cache (`$OMNIARC_CACHE`, default
`~/.cache/omniarc`), so only the first test session pays for the conversion; later sessions load it in
seconds. Set OMNIARC_CACHE to a scratch directory to test a cold cache.

Torch runs on one thread here: on a small shared machine (2 cores, other tests or processes running
beside), two torch threads contend and run several times slower than one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from omniarc.datasets import find_task

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")

SYSTEM = "Write a Python function transform(grid) for the ARC task."

# Real ARC-AGI-1 training tasks and a short program that solves each of them.
PROGRAMS = {
    "3c9b0459": "np.rot90(grid, 2)",
    "67a3c6ac": "np.fliplr(grid)",
    "68b16354": "np.flipud(grid)",
    "c8f0f002": "np.where(grid == 7, 5, grid)",
}


def grid_text(grid: np.ndarray) -> str:
    """A grid as rows of digits."""
    return "\n".join("".join(str(int(cell)) for cell in row) for row in grid)


def code_sample(task_id: str) -> dict[str, Any]:
    """A short code-from-examples sample: the task's first train pair as text, its program as the answer."""
    example = find_task(task_id).train[0]
    user = f"Input:\n{grid_text(example.input)}\nOutput:\n{grid_text(example.output)}"
    answer = f"```python\ndef transform(grid):\n    return {PROGRAMS[task_id]}\n```"
    return {
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": user},
            {"role": "assistant", "content": answer},
        ],
        "kind": "code-from-examples",
        "prompt_version": "test",
        "source": "arc-agi-1/training",
        "task_id": task_id,
        "seed": None,
        "augmentation": None,
    }


@pytest.fixture(scope="session", autouse=True)
def one_torch_thread():
    """One torch thread for the session, restored afterwards."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def samples() -> list[dict[str, Any]]:
    """One code sample per task of PROGRAMS, in order."""
    return [code_sample(task_id) for task_id in PROGRAMS]


@pytest.fixture(scope="session")
def tokenizer() -> Any:
    """The embedded model's tokenizer."""
    from omniarc.training import load_tokenizer

    return load_tokenizer()


@pytest.fixture(scope="session")
def model() -> Any:
    """The embedded model (float32, CPU), loaded from the conversion cache; tests must not change it."""
    from omniarc.training import load_model

    return load_model().eval()
