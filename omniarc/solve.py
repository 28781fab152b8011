"""The solve pipeline: proposers make candidates, the sandbox verifies programs, voting picks two attempts.

A proposer turns a task into a `Proposal`: candidate grids for each test input (`Guess`es), how many of
its candidates gave nothing usable per test input, and counts of what happened to every candidate.

- `CodeProposer` samples programs from a model (code-from-examples prompts), extracts the fenced block
  after the pre-filled prefix, drops completions without a closed block ("truncated" when they hit the
  token limit, "no_program" otherwise) and duplicates, and keeps the programs that reproduce every train
  pair in the sandbox; their test outputs are its guesses.
- `TransductionProposer` asks a model for the test output directly under several augmentations (the 8
  rotations/reflections in turn, random colour permutations and example orders after the first, which
  is the task as given), decodes each answer strictly and reverts the augmentation.
- `LibraryProposer` verifies the hand-written solution of an ARC-AGI-1 training task; it refuses
  evaluation tasks.
- `SearchProposer` verifies the programs of `omniarc.search.search_programs` (no model needed).

`solve_task` runs the proposers with one sandbox, votes per test input (`omniarc.voting`) and returns a
`TaskResult`: the ranked grids, the two attempts, the counts, and the metrics when the answers are known.
Everything random draws from a generator seeded by (seed, task id, proposer name), so a task gives the
same result whatever else runs with it.

    from omniarc.solve import LibraryProposer, solve_task
    result = solve_task(task, [LibraryProposer()])
    result.attempts  # two grids per test input
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import numpy as np

from omniarc.augmentation import Augmentation, augment_task, random_color_permutation
from omniarc.encoders import DEFAULT_ENCODER, GridDecodeError, parse_encoder
from omniarc.errors import OmniarcError
from omniarc.metrics import average_metrics, prediction_metrics
from omniarc.prompts import get_template
from omniarc.submission import attempts_entry
from omniarc.tasks import Task, TaskFormatError, to_grid
from omniarc.voting import PROGRAM_WEIGHT, Guess, Vote, vote

if TYPE_CHECKING:
    from omniarc.sandbox import Sandbox
    from omniarc.training.sampling import Completion, Sampler

PROPOSER_NAMES = ("code", "transduction", "library", "search")
MODEL_PROPOSERS = frozenset({"code", "transduction"})
ATTEMPTS = 2
GEOMETRIES = 8


class SolveError(OmniarcError):
    """A solve request that cannot run: unknown proposer, proposer not allowed on a dataset, bad settings."""


@dataclass
class Proposal:
    """What one proposer made of a task: guesses, unusable candidates per test input, counts, programs.

    `counts` accounts for every candidate (e.g. "sampled", "truncated", "no_program", "duplicate",
    "decode_error", "decoded" and one key per sandbox status). `guesses` are not stored in JSON: the votes
    of the task result hold them pooled."""

    name: str
    guesses: list[Guess]
    unanswered: list[int]
    counts: dict[str, int]
    programs: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: the counts, then how many programs were verified."""
        counts = ", ".join(f"{value} {key}" for key, value in self.counts.items())
        programs = f"; {len(self.programs)} verified program(s)" if self.programs else ""
        return f"{self.name}: {counts or 'nothing proposed'}{programs} ({self.seconds:.1f} s)"

    def to_json(self) -> dict[str, Any]:
        """A JSON-able record (without the guesses)."""
        return {
            "name": self.name,
            "counts": dict(self.counts),
            "unanswered": list(self.unanswered),
            "programs": list(self.programs),
            "seconds": self.seconds,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Proposal:
        """The proposal written by `to_json` (with no guesses)."""
        return cls(
            data["name"],
            [],
            list(data["unanswered"]),
            dict(data["counts"]),
            list(data["programs"]),
            data["seconds"],
        )


class Proposer(Protocol):
    """Anything with a `name` that proposes candidates for a task, drawing randomness only from `rng`."""

    name: str

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Candidates for every test input of `task`; programs are verified with `sandbox`."""
        ...


def draw_seed(rng: np.random.Generator) -> int:
    """An integer seed drawn from `rng` (for samplers and search, which take integers)."""
    return int(rng.integers(2**31 - 1))


def verify_programs(name: str, task: Task, programs: Sequence[str], sandbox: Sandbox) -> Proposal:
    """Verify candidate programs: duplicates (equal up to comments and spacing) are counted and dropped, each
    distinct program gets its sandbox status counted, and every passing one guesses its test outputs."""
    from omniarc.sandbox import normalize_program

    counts: Counter[str] = Counter()
    distinct: dict[str, str] = {}
    for program in programs:
        key = normalize_program(program)
        if key in distinct:
            counts["duplicate"] += 1
        else:
            distinct[key] = program
    unanswered = [0] * len(task.test)
    guesses, passed = [], []
    for verdict in sandbox.verify(list(distinct.values()), task) if distinct else []:
        counts[verdict.status.value] += 1
        if not verdict.passed:
            unanswered = [count + 1 for count in unanswered]
            continue
        passed.append(verdict.program)
        for index, prediction in enumerate(verdict.predictions):
            if prediction is None:
                unanswered[index] += 1
            else:
                guesses.append(Guess(index, prediction, name, verdict.program))
    return Proposal(name, guesses, unanswered, dict(counts), passed)


def _require_sampler(name: str, sampler: Sampler | None) -> None:
    if sampler is None:
        raise SolveError(f"the {name} proposer needs a model sampler (see load_sampler)")


@dataclass
class CodeProposer:
    """Programs sampled from a model with a code-from-examples prompt, kept when they pass the train pairs."""

    sampler: Sampler
    samples: int = 8
    temperature: float = 1.0
    top_p: float = 1.0
    max_tokens: int = 1024
    template: str = "code-from-examples-v0"
    encoder: str = DEFAULT_ENCODER
    name: ClassVar[str] = "code"

    def __post_init__(self) -> None:
        if get_template(self.template).kind != "code-from-examples":
            raise SolveError(f"the code proposer needs a code-from-examples template, not {self.template}")
        _require_sampler(self.name, self.sampler)

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Sample, extract, de-duplicate and verify programs."""
        from omniarc.training.sampling import extract_program

        template, encoder = get_template(self.template), parse_encoder(self.encoder)
        prefix = template.answer_prefix(encoder)
        [completions] = self.sampler.sample(
            [template.render(task, encoder, with_answer=False)],
            n=self.samples,
            temperature=self.temperature,
            top_p=self.top_p,
            max_tokens=self.max_tokens,
            seed=draw_seed(rng),
        )
        programs, logprobs, dropped = [], {}, Counter()
        for completion in completions:
            program = extract_program(prefix + completion.text)
            if program is None:
                dropped["truncated" if completion.finish_reason == "length" else "no_program"] += 1
            else:
                programs.append(program)
                logprobs.setdefault(program, completion.mean_logprob)
        proposal = verify_programs(self.name, task, programs, sandbox)
        proposal.counts = {"sampled": len(completions), **dropped, **proposal.counts}
        proposal.unanswered = [count + sum(dropped.values()) for count in proposal.unanswered]
        proposal.guesses = [
            Guess(g.test_index, g.grid, g.source, g.program, logprobs.get(g.program))
            for g in proposal.guesses
        ]
        return proposal


def transduction_augmentation(index: int, n_train: int, rng: np.random.Generator) -> Augmentation:
    """Augmentation number `index`: none for 0; then the 8 rotations/reflections in turn, each with a random
    colour permutation (background kept) and a random order of the train examples."""
    if index == 0:
        return Augmentation()
    geometry = index % GEOMETRIES
    return Augmentation(
        quarter_turns=geometry % 4,
        transposed=geometry >= 4,
        colors=random_color_permutation(rng),
        train_order=tuple(int(i) for i in rng.permutation(n_train)),
    )


@dataclass
class TransductionProposer:
    """Test outputs written directly by a model (output-from-examples prompts) under several augmentations."""

    sampler: Sampler
    augmentations: int = 8
    samples: int = 1
    temperature: float = 0.0
    top_p: float = 1.0
    max_tokens: int = 2048
    template: str = "output-from-examples-v0"
    encoder: str = DEFAULT_ENCODER
    name: ClassVar[str] = "transduction"

    def __post_init__(self) -> None:
        if get_template(self.template).kind != "output-from-examples":
            raise SolveError(
                f"the transduction proposer needs an output-from-examples template, not {self.template}"
            )
        if self.augmentations < 1 or self.samples < 1:
            raise SolveError("the transduction proposer needs augmentations >= 1 and samples >= 1")
        _require_sampler(self.name, self.sampler)

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Sample answers for every (test input, augmentation), decode strictly, revert, keep valid grids."""
        template, encoder = get_template(self.template), parse_encoder(self.encoder)
        prefix = template.answer_prefix(encoder)
        jobs = [
            (test_index, transduction_augmentation(number, len(task.train), rng))
            for test_index in range(len(task.test))
            for number in range(self.augmentations)
        ]
        prompts = [
            template.render(augment_task(task, augmentation, test_index), encoder, with_answer=False)
            for test_index, augmentation in jobs
        ]
        completions = self.sampler.sample(
            prompts,
            n=self.samples,
            temperature=self.temperature,
            top_p=self.top_p,
            max_tokens=self.max_tokens,
            seed=draw_seed(rng),
        )
        counts: Counter[str] = Counter()
        unanswered = [0] * len(task.test)
        guesses = []
        for (test_index, augmentation), answers in zip(jobs, completions, strict=True):
            for completion in answers:
                counts["sampled"] += 1
                grid = self._decode(completion, prefix, encoder, augmentation, counts)
                if grid is None:
                    unanswered[test_index] += 1
                else:
                    guesses.append(Guess(test_index, grid, self.name, None, completion.mean_logprob))
        order = ("sampled", "truncated", "decode_error", "decoded")
        return Proposal(self.name, guesses, unanswered, {key: counts[key] for key in order if counts[key]})

    @staticmethod
    def _decode(
        completion: Completion, prefix: str, encoder: Any, augmentation: Augmentation, counts: Counter[str]
    ) -> np.ndarray | None:
        if completion.finish_reason == "length":
            counts["truncated"] += 1
            return None
        try:
            grid = to_grid(augmentation.revert(encoder.decode(prefix + completion.text)), "answer")
        except (GridDecodeError, TaskFormatError):
            counts["decode_error"] += 1
            return None
        counts["decoded"] += 1
        return grid


@dataclass
class LibraryProposer:
    """The hand-written solution of an ARC-AGI-1 training task (for training-set runs and demos).

    Never used on evaluation tasks: their ids are refused (counted as "evaluation_task")."""

    name: ClassVar[str] = "library"

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Verify the task's solution program when there is one."""
        from omniarc import task_solutions
        from omniarc.datasets import evaluation_task_ids

        base_id = task.id.split("#")[0]
        if base_id in evaluation_task_ids():
            return Proposal(self.name, [], [0] * len(task.test), {"evaluation_task": 1})
        if base_id not in task_solutions.ids():
            return Proposal(self.name, [], [0] * len(task.test), {"no_solution": 1})
        return verify_programs(self.name, task, [task_solutions.get(base_id).program], sandbox)


@dataclass
class SearchProposer:
    """Programs found by `omniarc.search.search_programs` (no model needed), verified in the sandbox."""

    time_budget: float = 10.0
    node_budget: int | None = None
    name: ClassVar[str] = "search"

    def find(self, task: Task, seed: int) -> list[str]:
        """The search's programs for `task` (CPU-bound, in this process: run it in a pool to parallelise)."""
        from omniarc.search import search_programs

        return search_programs(task, time_budget=self.time_budget, seed=seed, node_budget=self.node_budget)

    def verify(self, task: Task, programs: Sequence[str], sandbox: Sandbox) -> Proposal:
        """The proposal of found programs: verified in the sandbox, counted ("found", then statuses)."""
        proposal = verify_programs(self.name, task, programs, sandbox)
        proposal.counts = {"found": len(programs), **proposal.counts}
        return proposal

    def propose(self, task: Task, sandbox: Sandbox, rng: np.random.Generator) -> Proposal:
        """Search for programs within the budget, then verify them."""
        return self.verify(task, self.find(task, draw_seed(rng)), sandbox)


@dataclass
class InputResult:
    """The outcome for one test input: the ranked distinct grids and how many candidates gave nothing."""

    votes: list[Vote]
    unanswered: int = 0

    @property
    def attempts(self) -> list[np.ndarray]:
        """The (up to) two best voted grids."""
        return [v.grid for v in self.votes[:ATTEMPTS]]

    def metrics(self, truth: np.ndarray) -> dict[str, float]:
        """`omniarc.metrics` of this input's candidates against the known output."""
        grids: list[np.ndarray | None] = [v.grid for v in self.votes]
        counts = [v.count for v in self.votes]
        return prediction_metrics([*grids, None], truth, grids, [*counts, self.unanswered])


@dataclass
class TaskResult:
    """What `solve_task` found for one task: per test input the ranked grids, the proposals, and (when the
    answers are known) whether each test input is solved and the metrics. `task` is kept for display only."""

    task_id: str
    inputs: list[InputResult]
    proposals: list[Proposal]
    seconds: float
    seed: int
    correct: list[bool] | None = None
    metrics: dict[str, float] | None = None
    task: Task | None = field(default=None, repr=False, compare=False)

    @property
    def attempts(self) -> list[list[np.ndarray]]:
        """The (up to) two attempts of each test input, best first."""
        return [result.attempts for result in self.inputs]

    @property
    def programs(self) -> list[str]:
        """Every verified program, proposer by proposer."""
        return [program for proposal in self.proposals for program in proposal.programs]

    @property
    def score(self) -> float | None:
        """The fraction of test inputs solved within two attempts (None when the answers are unknown)."""
        return None if self.correct is None else sum(self.correct) / len(self.correct)

    def submission_entry(self, task: Task) -> list[dict[str, list[list[int]]]]:
        """This result in Kaggle's format, missing attempts filled with fallbacks (see `attempts_entry`)."""
        return [
            attempts_entry(attempts, example.input)
            for attempts, example in zip(self.attempts, task.test, strict=True)
        ]

    def summary(self) -> str:
        """Several lines: each proposal's counts, then each test input's attempts and votes."""
        lines = [proposal.summary() for proposal in self.proposals]
        for index, result in enumerate(self.inputs):
            mark = "" if self.correct is None else (" solved" if self.correct[index] else " not solved")
            described = "; ".join(
                f"{v.grid.shape[0]}x{v.grid.shape[1]} weight {v.weight:g} from "
                + ", ".join(f"{count} {source}" for source, count in v.sources.items())
                for v in result.votes[:ATTEMPTS]
            )
            lines.append(
                f"test {index + 1}:{mark} {len(result.votes)} distinct grid(s), "
                f"{result.unanswered} without answer" + (f"; attempts: {described}" if described else "")
            )
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """A JSON-able record of the whole result (the task itself left out)."""
        return {
            "task_id": self.task_id,
            "inputs": [
                {"votes": [v.to_json() for v in r.votes], "unanswered": r.unanswered} for r in self.inputs
            ],
            "proposals": [p.to_json() for p in self.proposals],
            "seconds": self.seconds,
            "seed": self.seed,
            "correct": self.correct,
            "metrics": self.metrics,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], task: Task | None = None) -> TaskResult:
        """The result written by `to_json` (optionally re-attached to its task for display)."""
        return cls(
            data["task_id"],
            [InputResult([Vote.from_json(v) for v in r["votes"]], r["unanswered"]) for r in data["inputs"]],
            [Proposal.from_json(p) for p in data["proposals"]],
            data["seconds"],
            data["seed"],
            data.get("correct"),
            data.get("metrics"),
            task,
        )

    def _repr_html_(self) -> str:
        from html import escape

        from omniarc.render import task_html

        text = f"<pre>{escape(self.summary())}</pre>"
        return (task_html(self.task, self.attempts) if self.task is not None else "") + text


def proposer_rng(seed: int, task_id: str, name: str) -> np.random.Generator:
    """The generator of one proposer on one task: independent of which other proposers and tasks run."""
    return np.random.default_rng([seed, zlib.crc32(task_id.encode()), zlib.crc32(name.encode())])


def solve_task(
    task: Task,
    proposers: Sequence[Proposer],
    *,
    sandbox: Sandbox | None = None,
    seed: int = 0,
    program_weight: float = PROGRAM_WEIGHT,
) -> TaskResult:
    """Run every proposer on `task`, vote per test input and return the result (see the module docstring).

    Pass an open `sandbox` to share its workers across tasks; otherwise one is started for this call."""
    if not proposers:
        raise SolveError(f"task {task.id}: no proposers given; choose from {', '.join(PROPOSER_NAMES)}")
    if sandbox is None:
        from omniarc.sandbox import Sandbox

        with Sandbox() as own:
            return solve_task(task, proposers, sandbox=own, seed=seed, program_weight=program_weight)
    start = time.perf_counter()
    proposals = []
    for proposer in proposers:
        began = time.perf_counter()
        proposal = proposer.propose(task, sandbox, proposer_rng(seed, task.id, proposer.name))
        proposal.seconds = time.perf_counter() - began
        proposals.append(proposal)
    inputs = [
        InputResult(
            vote(
                [g for p in proposals for g in p.guesses if g.test_index == index],
                program_weight=program_weight,
            ),
            sum(p.unanswered[index] for p in proposals),
        )
        for index in range(len(task.test))
    ]
    correct = metrics = None
    if task.has_test_outputs:
        correct = [
            any(np.array_equal(grid, example.output) for grid in result.attempts)
            for result, example in zip(inputs, task.test, strict=True)
        ]
        metrics = average_metrics(
            [result.metrics(example.output) for result, example in zip(inputs, task.test, strict=True)]
        )
    return TaskResult(task.id, inputs, proposals, time.perf_counter() - start, seed, correct, metrics, task)


def parse_proposer_names(names: str | Sequence[str]) -> list[str]:
    """A comma-separated list (or a list) of proposer names, checked against `PROPOSER_NAMES`."""
    items = [n.strip() for n in names.split(",")] if isinstance(names, str) else [n.strip() for n in names]
    items = [n for n in items if n]
    unknown = [n for n in items if n not in PROPOSER_NAMES]
    if unknown or not items:
        problem = f"unknown proposer {unknown[0]!r}" if unknown else "no proposer given"
        raise SolveError(f"{problem}; choose from {', '.join(PROPOSER_NAMES)}")
    return list(dict.fromkeys(items))


def default_proposer_names(model: str | None = None, adapter: str | None = None) -> list[str]:
    """`search` without a model; `code` and `transduction` with one."""
    return ["code", "transduction"] if model or adapter else ["search"]


def load_sampler(
    model: str | None = None, adapter: str | None = None, backend: str = "transformers"
) -> Sampler:
    """A sampler for a model spec (default: the embedded model), optionally with a LoRA adapter on top.

    `backend` is "transformers" or "vllm"; with vllm an adapter is served on the base it records."""
    from omniarc.training.sampling import TransformersSampler, VllmSampler

    if backend == "vllm":
        if model and adapter:
            raise SolveError(
                "with the vllm backend give --adapter alone: it is served on the base it records"
            )
        return VllmSampler(adapter or model)
    if backend != "transformers":
        raise SolveError(f"unknown sampling backend {backend!r}; choose transformers or vllm")
    if not adapter:
        return TransformersSampler(model)
    if not model:
        return TransformersSampler(adapter)
    import torch
    from peft import PeftModel

    from omniarc.training.models import load_model, load_tokenizer

    device = "cuda" if torch.cuda.is_available() else "cpu"
    base = load_model(model, device=device)
    return TransformersSampler(PeftModel.from_pretrained(base, adapter), load_tokenizer(model))


def build_proposers(
    names: str | Sequence[str] | None = None,
    *,
    sampler: Sampler | None = None,
    model: str | None = None,
    adapter: str | None = None,
    backend: str = "transformers",
    samples: int = 8,
    temperature: float = 1.0,
    max_tokens: int | None = None,
    time_per_task: float = 10.0,
) -> list[Proposer]:
    """Proposers by name, sharing one sampler (loaded from `model`/`adapter` only when a model proposer needs
    it). `samples` is the number of programs for `code` and of augmentations for `transduction` (which
    decodes greedily); `max_tokens` (default: each proposer's own) bounds a completion; `time_per_task`
    is the search budget."""
    chosen = parse_proposer_names(names) if names else default_proposer_names(model, adapter)
    if samples < 1 or (max_tokens is not None and max_tokens < 1) or time_per_task <= 0:
        raise SolveError("samples and max_tokens must be at least 1, and time_per_task positive")
    if sampler is None and MODEL_PROPOSERS & set(chosen):
        sampler = load_sampler(model, adapter, backend)
    limits = {} if max_tokens is None else {"max_tokens": max_tokens}
    factories = {
        "code": lambda: CodeProposer(sampler, samples=samples, temperature=temperature, **limits),
        "transduction": lambda: TransductionProposer(sampler, augmentations=samples, **limits),
        "library": LibraryProposer,
        "search": lambda: SearchProposer(time_budget=time_per_task),
    }
    return [factories[name]() for name in chosen]


def check_allowed(names: Iterable[str], dataset_spec: str, is_evaluation: bool) -> None:
    """Refuse the library proposer (by name) on an evaluation dataset: its solutions are of training tasks."""
    if is_evaluation and LibraryProposer.name in names:
        raise SolveError(
            f"the library proposer holds hand-written solutions of training tasks and is never used on the "
            f"evaluation dataset {dataset_spec}; choose other proposers"
        )
