"""Versioned prompt templates: a task (and a program) in, chat messages out.

A template is named `KIND-vN`. Its assistant message is exactly what a model must produce, and starts
with a fixed prefix (`answer_prefix`) that inference pre-fills: ```` ```python ```` for code, the
encoder's opening for grids. Golden files in the tests pin every template's text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from omniarc.encoders import GridEncoder
from omniarc.errors import OmniarcError
from omniarc.tasks import Task

KINDS = ("output-from-examples", "code-from-examples", "output-from-code", "input-from-inputs")
CODE_KINDS = frozenset({"code-from-examples"})
PROGRAM_KINDS = frozenset({"code-from-examples", "output-from-code"})
CODE_PREFIX = "```python\n"
CODE_SUFFIX = "```"

SYSTEM = (
    "You solve puzzles from the Abstraction and Reasoning Corpus (ARC). A grid is a rectangle of cells, "
    "each holding a colour from 0 to 9 (0 is usually the black background)."
)
CODE_RULES = (
    "Write a Python function `transform(grid)` that turns every input grid into its output grid. "
    "`grid` is a 2-D numpy array indexed [row, col]; `np` (numpy) and every function of omniarc.dsl "
    "are available without imports."
)


class PromptError(OmniarcError):
    """An unknown template name or version, or a task the template cannot render."""


@dataclass(frozen=True)
class PromptTemplate:
    """One versioned template; `render` gives the chat messages, with or without the answer."""

    name: str
    kind: str
    version: int
    description: str
    _user: Callable[[Task, GridEncoder, str | None], str]
    with_api_listing: bool = False

    def answer_prefix(self, encoder: GridEncoder) -> str:
        """The fixed start of every answer, pre-filled at inference."""
        return CODE_PREFIX if self.kind in CODE_KINDS else encoder.opening

    def answer(self, task: Task, encoder: GridEncoder, program: str | None = None) -> str:
        """The exact text the model must produce for `task`."""
        if self.kind in CODE_KINDS:
            return CODE_PREFIX + _require_program(self.name, program).rstrip("\n") + "\n" + CODE_SUFFIX
        if self.kind == "input-from-inputs":
            return encoder.encode(task.test[0].input)
        output = task.test[0].output
        if output is None:
            raise PromptError(f"template {self.name}: task {task.id} has no known test output to answer with")
        return encoder.encode(output)

    def render(
        self, task: Task, encoder: GridEncoder, program: str | None = None, *, with_answer: bool = True
    ) -> list[dict[str, str]]:
        """Chat messages: system, user, and the assistant answer (only its prefix unless `with_answer`)."""
        system = SYSTEM
        if self.kind in PROGRAM_KINDS:
            system += "\n" + CODE_RULES
        if self.with_api_listing:
            system += "\n\nThe DSL functions you may call:\n" + _api_listing()
        assistant = self.answer(task, encoder, program) if with_answer else self.answer_prefix(encoder)
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": self._user(task, encoder, program)},
            {"role": "assistant", "content": assistant},
        ]


@cache
def _api_listing() -> str:
    from omniarc.dsl import api_listing

    return api_listing()


def _require_program(template_name: str, program: str | None) -> str:
    if not program:
        raise PromptError(f"template {template_name} needs a program")
    return program


def _examples_text(task: Task, encoder: GridEncoder) -> str:
    parts = []
    for number, example in enumerate(task.train, start=1):
        parts.append(
            f"## Example {number}\nInput:\n{encoder.encode(example.input)}\n"
            f"Output:\n{encoder.encode(example.output)}"
        )
    return "\n\n".join(parts)


def _output_from_examples(task: Task, encoder: GridEncoder, program: str | None) -> str:
    return (
        "Find the rule that turns each input into its output in these examples.\n\n"
        f"{_examples_text(task, encoder)}\n\n"
        f"## Test\nInput:\n{encoder.encode(task.test[0].input)}\n\n"
        "Apply the rule to the test input and answer with the output grid only."
    )


def _code_from_examples(with_test_inputs: bool) -> Callable[[Task, GridEncoder, str | None], str]:
    def user(task: Task, encoder: GridEncoder, program: str | None) -> str:
        text = f"Find the rule that turns each input into its output.\n\n{_examples_text(task, encoder)}"
        if with_test_inputs:
            tests = "\n\n".join(
                f"## Test {number}\nInput:\n{encoder.encode(e.input)}"
                for number, e in enumerate(task.test, start=1)
            )
            text += f"\n\nThe program must also work on these inputs.\n\n{tests}"
        return text + "\n\nWrite the program."

    return user


def _output_from_code(task: Task, encoder: GridEncoder, program: str | None) -> str:
    return (
        f"Here is a program:\n{CODE_PREFIX}{_require_program('output-from-code', program).rstrip()}\n"
        f"{CODE_SUFFIX}\n\nInput:\n{encoder.encode(task.test[0].input)}\n\n"
        "What does `transform` return for this input? Answer with the grid only."
    )


def _input_from_inputs(task: Task, encoder: GridEncoder, program: str | None) -> str:
    inputs = "\n\n".join(
        f"## Input {number}\n{encoder.encode(e.input)}" for number, e in enumerate(task.train, start=1)
    )
    return (
        "These grids are inputs of one puzzle, drawn from the same distribution.\n\n"
        f"{inputs}\n\nWrite one more input from the same distribution."
    )


TEMPLATES: dict[str, PromptTemplate] = {
    template.name: template
    for template in (
        PromptTemplate(
            "output-from-examples-v0",
            "output-from-examples",
            0,
            "train pairs + test input -> test output",
            _output_from_examples,
        ),
        PromptTemplate(
            "code-from-examples-v0",
            "code-from-examples",
            0,
            "train pairs -> program",
            _code_from_examples(False),
        ),
        PromptTemplate(
            "code-from-examples-v1",
            "code-from-examples",
            1,
            "train pairs + test inputs -> program",
            _code_from_examples(True),
        ),
        PromptTemplate(
            "code-from-examples-v2",
            "code-from-examples",
            2,
            "v1 with the DSL API listing in the system prompt",
            _code_from_examples(True),
            with_api_listing=True,
        ),
        PromptTemplate(
            "output-from-code-v0", "output-from-code", 0, "program + input -> output", _output_from_code
        ),
        PromptTemplate(
            "input-from-inputs-v0",
            "input-from-inputs",
            0,
            "several inputs -> one more input",
            _input_from_inputs,
        ),
    )
}


def get_template(name: str) -> PromptTemplate:
    """The template called `name` (`KIND-vN`); PromptError listing the available ones otherwise."""
    try:
        return TEMPLATES[name]
    except KeyError:
        raise PromptError(f"unknown prompt template {name!r}; available: {', '.join(TEMPLATES)}") from None
