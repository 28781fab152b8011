"""The `omniarc` command: a thin shell over functions that notebooks can call directly."""

from __future__ import annotations

import sys
from typing import Any

import click

from omniarc.errors import OmniarcError

DATASET_HELP = "Dataset spec: an embedded name (arc-agi-1/training, ...), a JSON/JSONL file or a directory."


class OmniarcGroup(click.Group):
    """A click group that prints omniarc errors in one line and exits non-zero."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OmniarcError as error:
            click.secho(f"error: {error}", fg="red", err=True)
            sys.exit(1)


@click.group(cls=OmniarcGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="omniarc")
def main() -> None:
    """omniarc: solve ARC-AGI tasks by writing programs.

    Browse tasks, run hand-written solutions, build training data, fine-tune a model, verify
    programs in a sandbox and solve tasks. Every command has --help.
    """


@main.group(cls=OmniarcGroup)
def tasks() -> None:
    """List, show and de-duplicate ARC tasks of any dataset spec."""


@tasks.command("list")
@click.argument("spec")
def tasks_list(spec: str) -> None:
    """List the tasks of SPEC: id, number of train and test examples, grid sizes."""
    from omniarc.datasets import load_dataset

    count = 0
    for task in load_dataset(spec):
        sizes = " ".join(f"{e.input.shape[0]}x{e.input.shape[1]}" for e in task.train)
        click.echo(f"{task.id}\t{len(task.train)} train\t{len(task.test)} test\t{sizes}")
        count += 1
    click.echo(f"{count} tasks in {spec}", err=True)


def _show_task(task_id: str, dataset: str | None, out: str | None) -> None:
    from omniarc.datasets import find_task
    from omniarc.render import print_task, save_task_png

    task = find_task(task_id, dataset)
    if out:
        save_task_png(task, out)
        click.echo(f"wrote {out}")
    else:
        print_task(task)


@tasks.command("show")
@click.argument("task_id")
@click.option("--dataset", help=DATASET_HELP + " Default: search the embedded datasets.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write a PNG picture here instead of printing.")
def tasks_show(task_id: str, dataset: str | None, out: str | None) -> None:
    """Show one task in colour in the terminal (or as a PNG with --out)."""
    _show_task(task_id, dataset, out)


@tasks.command("duplicates")
@click.argument("specs", nargs=-1, required=True)
def tasks_duplicates(specs: tuple[str, ...]) -> None:
    """List exact and near duplicate tasks within and across the dataset SPECS."""
    from omniarc.datasets import load_dataset
    from omniarc.duplicates import find_duplicates

    groups = find_duplicates((spec, load_dataset(spec)) for spec in specs)
    for group in groups:
        click.echo(f"{group.kind}\t{group.reason}\t" + " ".join(str(ref) for ref in group.tasks))
    exact = sum(group.kind == "exact" for group in groups)
    click.echo(f"{exact} exact and {len(groups) - exact} near duplicate groups", err=True)


@main.command("show")
@click.argument("task_id")
@click.option("--dataset", help=DATASET_HELP + " Default: search the embedded datasets.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write a PNG picture here instead of printing.")
def show(task_id: str, dataset: str | None, out: str | None) -> None:
    """Show a task: in colour in the terminal, or as a PNG with --out.

    Example: omniarc show 007bbfb7 --out t.png
    """
    _show_task(task_id, dataset, out)


@main.group(cls=OmniarcGroup)
def solutions() -> None:
    """Hand-written solutions of ARC-AGI-1 training tasks: coverage, details, checks."""


@solutions.command("list")
def solutions_list() -> None:
    """Coverage: which ARC-AGI-1 training tasks have a solution, and how many of the 400."""
    from omniarc import task_solutions
    from omniarc.datasets import load_dataset

    all_ids = load_dataset("arc-agi-1/training").ids()
    for task_id in task_solutions.ids():
        click.echo(f"{task_id}\t{task_solutions.get(task_id).description.splitlines()[0]}")
    click.echo(
        f"{len(task_solutions.ids())} of {len(all_ids)} ARC-AGI-1 training tasks have a solution", err=True
    )


@solutions.command("show")
@click.argument("task_id")
@click.option("--seed", default=0, show_default=True, help="Seed of the generated task shown.")
@click.option("--out", type=click.Path(dir_okay=False), help="Also write the generated task as a PNG here.")
def solutions_show(task_id: str, seed: int, out: str | None) -> None:
    """Show a solution: its rule, its program, and a freshly generated task of the same rule."""
    import numpy as np

    from omniarc import task_solutions
    from omniarc.render import print_task, save_task_png

    solution = task_solutions.get(task_id)
    click.secho(f"{task_id}: {solution.description}", bold=True)
    click.echo(solution.program)
    generated = solution.sample_task(np.random.default_rng(seed))
    print_task(generated)
    if out:
        save_task_png(generated, out)
        click.echo(f"wrote {out}")


@solutions.command("check")
@click.argument("task_ids", nargs=-1)
@click.option(
    "--only",
    multiple=True,
    type=click.Choice(["pairs", "generator", "ranges", "sample", "program"]),
    help="Run only these checks (repeatable). Default: all.",
)
def solutions_check(task_ids: tuple[str, ...], only: tuple[str, ...]) -> None:
    """Check solutions (all by default): exact pairs, generator soundness, input ranges, sandboxed program.

    Prints a table and exits non-zero when any check fails."""
    from rich.console import Console
    from rich.table import Table
    from tqdm import tqdm

    from omniarc import task_solutions
    from omniarc.solution_checks import CHECK_NAMES, check_solution

    names = only or CHECK_NAMES
    chosen = task_ids or task_solutions.ids()
    table = Table("task", *names, "detail")
    failed = 0
    for task_id in tqdm(chosen, desc="checking solutions", disable=len(chosen) < 5):
        results = check_solution(task_solutions.get(task_id), names)
        failed += not all(result.passed for result in results)
        marks = ["[green]ok[/]" if r.passed else "[red]FAIL[/]" for r in results]
        table.add_row(task_id, *marks, "; ".join(f"{r.check}: {r.detail}" for r in results if not r.passed))
    Console().print(table)
    click.echo(f"{len(chosen) - failed} of {len(chosen)} solutions pass every check")
    if failed:
        sys.exit(1)


@main.command("verify")
@click.argument("program", type=click.Path(exists=True, dir_okay=False))
@click.argument("task_id")
@click.option("--dataset", help=DATASET_HELP + " Default: search the embedded datasets.")
@click.option("--time-limit", type=float, default=1.0, show_default=True, help="Seconds per input grid.")
def verify(program: str, task_id: str, dataset: str | None, time_limit: float) -> None:
    """Run PROGRAM (a .py file defining transform(grid)) in the sandbox on every example of TASK_ID.

    Prints each example's verdict and, when every train example passes, the test predictions; exits
    non-zero otherwise. Example: omniarc verify solution.py 007bbfb7
    """
    from pathlib import Path

    from omniarc.datasets import find_task
    from omniarc.sandbox import Sandbox, describe_verdict

    task = find_task(task_id, dataset)
    with Sandbox(workers=1, time_limit=time_limit, fail_fast=False) as sandbox:  # show every example
        verdict = sandbox.verify([Path(program).read_text()], task)[0]
    click.echo(describe_verdict(verdict))
    if not verdict.passed:
        sys.exit(1)


@main.command("search")
@click.argument("task_id")
@click.option("--dataset", help=DATASET_HELP + " Default: search the embedded datasets.")
@click.option("--time-per-task", type=float, default=10.0, show_default=True, help="Budget, CPU seconds.")
@click.option("--nodes", type=int, help="Most step applications: then timing does not change the result.")
@click.option("--depth", type=int, default=3, show_default=True, help="Most steps before the inferred last.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed breaking ties between steps.")
def search_command(task_id: str, dataset: str | None, time_per_task: float, nodes: int | None, depth: int,
                   seed: int) -> None:  # fmt: skip
    """Search DSL programs reproducing every train pair of TASK_ID, no model needed; print them best first.

    Exits non-zero when none is found. Example: omniarc search 3c9b0459 --time-per-task 5
    """
    from omniarc.datasets import find_task
    from omniarc.search import search

    task = find_task(task_id, dataset)
    result = search(task, time_budget=time_per_task, seed=seed, node_budget=nodes, max_depth=depth)
    for number, program in enumerate(result.programs, 1):
        click.secho(f"program {number} (steps: {program.steps}, cost: {program.cost:g}):", bold=True)
        click.echo(program.source.rstrip("\n"))
    click.echo(result.summary(task))
    if not result.programs:
        sys.exit(1)


def _solver_options(command: Any) -> Any:
    """The options shared by `solve` and `evaluate`: proposers, model, sampling and search settings."""
    options = [
        click.option(
            "--proposers",
            help="Comma-separated: code, transduction, library, search. "
            "Default: search without a model, code,transduction with one.",
        ),
        click.option(
            "--model",
            help="Model for code/transduction: HF directory, .gguf or hub name. "
            "Default: the embedded SmolLM2.",
        ),
        click.option(
            "--adapter",
            type=click.Path(exists=True, file_okay=False),
            help="LoRA adapter directory (on --model, or on the base it records).",
        ),
        click.option(
            "--backend",
            type=click.Choice(["transformers", "vllm"]),
            default="transformers",
            show_default=True,
            help="Sampling backend.",
        ),
        click.option(
            "--samples",
            type=int,
            default=8,
            show_default=True,
            help="Programs sampled (code) and augmentations (transduction) per task.",
        ),
        click.option(
            "--temperature",
            type=float,
            default=1.0,
            show_default=True,
            help="Sampling temperature of the code proposer (transduction decodes greedily).",
        ),
        click.option(
            "--max-tokens",
            type=int,
            help="Most tokens per completion. Default: 1024 for code, 2048 for transduction.",
        ),
        click.option(
            "--time-per-task",
            type=float,
            default=10.0,
            show_default=True,
            help="Search budget per task, in seconds.",
        ),
        click.option("--seed", type=int, default=0, show_default=True, help="Seed: same seed, same result."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _proposers(settings: dict[str, Any], dataset: str | None) -> list[Any]:
    """Check the proposer names against the dataset (before any model loads), then build the proposers."""
    from omniarc.datasets import load_dataset
    from omniarc.solve import build_proposers, check_allowed, default_proposer_names, parse_proposer_names

    names = (
        parse_proposer_names(settings["proposers"])
        if settings["proposers"]
        else default_proposer_names(settings["model"], settings["adapter"])
    )
    if dataset is not None:
        check_allowed(names, dataset, load_dataset(dataset).is_evaluation)
    return build_proposers(
        names,
        model=settings["model"],
        adapter=settings["adapter"],
        backend=settings["backend"],
        samples=settings["samples"],
        temperature=settings["temperature"],
        max_tokens=settings["max_tokens"],
        time_per_task=settings["time_per_task"],
    )


@main.command("solve")
@click.argument("task_id")
@click.option("--dataset", help=DATASET_HELP + " Default: search the embedded datasets.")
@_solver_options
def solve(task_id: str, dataset: str | None, seed: int, **settings: Any) -> None:
    """Solve one task: propose candidates, verify programs, vote, and show the two attempts per test input.

    Prints the counts of every proposer (sampled, truncated, duplicates, decode errors, sandbox statuses),
    the verified programs, the task with its attempts, and whether they are right when the answer is known.
    Example: omniarc solve 007bbfb7 --proposers library,search
    """
    from omniarc.datasets import find_task
    from omniarc.render import print_task
    from omniarc.solve import solve_task

    task = find_task(task_id, dataset)
    result = solve_task(task, _proposers(settings, dataset), seed=seed)
    click.echo(result.summary())
    for number, program in enumerate(dict.fromkeys(result.programs), 1):
        click.secho(f"verified program {number}:", bold=True)
        click.echo(program.rstrip("\n"))
    print_task(task, predictions=result.attempts)
    if result.correct is None:
        click.echo(f"{len(task.test)} test input(s), answers unknown")
    else:
        solved = sum(result.correct)
        click.echo(f"solved {solved} of {len(result.correct)} test input(s) in {result.seconds:.1f} s")


@main.command("evaluate")
@click.option("--dataset", required=True, help=DATASET_HELP)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Output directory; tasks already solved there are skipped (resume).",
)
@click.option("--limit", type=int, help="Only the first N tasks of the dataset.")
@click.option("--workers", type=int, help="Processes running searches. Default: the usable CPUs.")
@click.option("--no-report", is_flag=True, help="Skip the HTML report.")
@_solver_options
def evaluate_command(
    dataset: str,
    out: str,
    limit: int | None,
    workers: int | None,
    no_report: bool,
    seed: int,
    **settings: Any,
) -> None:
    """Solve a dataset into --out: submission.json (Kaggle format), metrics.json, per-task results and an
    HTML report. Interrupted runs resume where they stopped.

    Example: omniarc evaluate --dataset arc-agi-1/training --proposers library --out runs/eval
    """
    from rich.console import Console

    from omniarc.evaluate import evaluate, metrics_table

    recorded = {key: settings[key] for key in ("model", "adapter", "backend")}
    evaluation = evaluate(
        dataset,
        out,
        _proposers(settings, dataset),
        limit=limit,
        seed=seed,
        workers=workers,
        settings=recorded,
        report=not no_report,
    )
    Console().print(metrics_table(evaluation.metrics))
    click.echo(evaluation.summary())


@main.command("score")
@click.argument("submission", type=click.Path(dir_okay=False))
@click.option("--dataset", required=True, help=DATASET_HELP + " Its test outputs must be known.")
@click.option("--per-task", is_flag=True, help="Also print each task's score.")
def score(submission: str, dataset: str, per_task: bool) -> None:
    """The official score of a submission file (ours or another tool's) against a dataset.

    A test input is solved when either attempt is exact; a task scores the fraction of its test inputs
    solved; the score is the mean over tasks.
    Example: omniarc score submission.json --dataset arc-agi-1/evaluation
    """
    from omniarc.datasets import load_dataset
    from omniarc.submission import load_submission, score_submission

    result = score_submission(load_submission(submission), load_dataset(dataset))
    if per_task:
        for task_id, value in result.task_scores.items():
            click.echo(f"{task_id}\t{value:g}")
    click.echo(result.summary())


def _mixture(mix: tuple[str, ...], mix_file: str | None) -> list[Any]:
    """The mixture components of --mix options and a --mix-file."""
    from omniarc.pairs import load_mixture_file, parse_mix

    return [parse_mix(text) for text in mix] + (load_mixture_file(mix_file) if mix_file else [])


@main.command("generate-pairs")
@click.option(
    "--mix",
    "mix",
    multiple=True,
    metavar="SOURCE:TEMPLATE=WEIGHT",
    help="A mixture component (repeatable), e.g. solutions:code-from-examples-v0=2 or "
    "arc-agi-1/training:output-from-examples-v0=1. SOURCE is 'solutions' or a dataset spec.",
)
@click.option(
    "--mix-file",
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML/JSON file with a list of {source, template, weight} components.",
)
@click.option("--n", "count", type=int, required=True, help="Number of stream positions to generate.")
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the stream: same seed, same samples."
)
@click.option(
    "--out", type=click.Path(dir_okay=False), required=True, help="Output JSONL file (written atomically)."
)
@click.option(
    "--shard", default="0/1", show_default=True, help="I/N: write only positions i with i % N == I."
)
@click.option(
    "--encoder",
    default=None,
    help="Grid encoder composition. Default: " + "GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder()))",
)
@click.option(
    "--max-tokens", type=int, help="Drop train examples (never below 2), then skip, samples longer than this."
)
@click.option(
    "--tokenizer", help="HF tokenizer name or path for --max-tokens. Default: the embedded model's."
)
@click.option(
    "--allow-evaluation", is_flag=True, help="Allow evaluation datasets (and evaluation tasks) as sources."
)
@click.option(
    "--permute-background",
    type=float,
    default=0.0,
    show_default=True,
    help="Probability that a colour permutation also moves the background colour 0.",
)
def generate_pairs(
    mix: tuple[str, ...],
    mix_file: str | None,
    count: int,
    seed: int,
    out: str,
    shard: str,
    encoder: str | None,
    max_tokens: int | None,
    tokenizer: str | None,
    allow_evaluation: bool,
    permute_background: float,
) -> None:
    """Generate training samples (chat messages as JSONL) from a weighted mixture of sources and templates.

    Templates: output-from-examples-v0, code-from-examples-v0/v1/v2, output-from-code-v0,
    input-from-inputs-v0.

    Example: omniarc generate-pairs --mix solutions:code-from-examples-v0=2
    --mix arc-agi-1/training:output-from-examples-v0=1 --n 10000 --seed 0 --out pairs.jsonl
    """
    from tqdm import tqdm

    from omniarc.encoders import DEFAULT_ENCODER
    from omniarc.pairs import PairGenerator, parse_shard, write_jsonl

    components = _mixture(mix, mix_file)
    text_tokenizer = None
    if max_tokens is not None:
        from omniarc.training.models import load_tokenizer

        text_tokenizer = load_tokenizer(tokenizer)
    shard_index, shard_count = parse_shard(shard)
    generator = PairGenerator(
        components,
        seed=seed,
        encoder=encoder or DEFAULT_ENCODER,
        tokenizer=text_tokenizer,
        max_tokens=max_tokens,
        allow_evaluation=allow_evaluation,
        permute_background=permute_background,
    )
    positions = len(range(shard_index, count, shard_count))
    stream = generator.stream(count, shard=(shard_index, shard_count))
    written = write_jsonl(tqdm(stream, total=positions, desc="generating pairs", unit="sample"), out)
    click.echo(f"wrote {written} samples to {out}: {generator.stats.summary()}")


@main.command("train")
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False),
    help="JSONL file of training samples (from generate-pairs).",
)
@click.option(
    "--mix",
    "mix",
    multiple=True,
    metavar="SOURCE:TEMPLATE=WEIGHT",
    help="Generate samples on the fly from this mixture component (repeatable), as generate-pairs.",
)
@click.option(
    "--mix-file",
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML/JSON mixture file, as generate-pairs.",
)
@click.option(
    "--holdout-tasks",
    type=int,
    default=8,
    show_default=True,
    help="With --mix: solution tasks never trained on, whose samples make the held-out set.",
)
@click.option("--steps", type=int, required=True, help="Optimizer steps to train for.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Run directory.")
@click.option("--model", help="Base model: HF directory, .gguf file or hub name. Default: embedded SmolLM2.")
@click.option("--resume", is_flag=True, help="Continue the run in --out from its latest checkpoint, exactly.")
@click.option("--lora-rank", type=int, help="LoRA rank (default 32).")
@click.option("--lora-alpha", type=int, help="LoRA alpha (default 64).")
@click.option("--lora-dropout", type=float, help="LoRA dropout (default 0.05).")
@click.option(
    "--lora-targets",
    "lora_target_modules",
    help="Comma-separated modules LoRA wraps (default q,k,v,o,gate,up,down projections).",
)
@click.option("--full-finetune", is_flag=True, default=None, help="Train every weight, not a LoRA adapter.")
@click.option("--lr", type=float, help="Peak learning rate (default 2e-4).")
@click.option("--batch-size", type=int, help="Samples per step and process (default 4).")
@click.option("--grad-accum", type=int, help="Micro-batches accumulated per step (default 1).")
@click.option("--max-length", type=int, help="Longer samples (tokens) are skipped, counted (default 2048).")
@click.option("--warmup-steps", type=int, help="Linear warm-up steps (default 3% of --steps).")
@click.option(
    "--schedule",
    type=click.Choice(["cosine", "linear", "constant_with_warmup"]),
    help="Learning-rate schedule (default cosine).",
)
@click.option("--save-every", type=int, help="Checkpoint every K steps (default 500).")
@click.option("--eval-every", type=int, help="Evaluate on the held-out samples every K steps (default 500).")
@click.option("--eval-size", type=int, default=64, show_default=True, help="Samples of --data held out.")
@click.option("--eval-generate", type=int, help="Held-out prompts scored by greedy exact match (default 16).")
@click.option("--log-every", type=int, help="Log the loss every K steps (default 10).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed: data order, LoRA init, dropout.")
@click.option("--bf16", is_flag=True, default=None, help="bf16 mixed precision (GPUs).")
@click.option("--gradient-checkpointing", is_flag=True, default=None, help="Trade compute for memory.")
def train(
    data_path: str | None,
    mix: tuple[str, ...],
    mix_file: str | None,
    holdout_tasks: int,
    steps: int,
    out: str,
    resume: bool,
    eval_size: int,
    seed: int,
    **options: Any,
) -> None:
    """Fine-tune a model (LoRA by default) on chat samples, with checkpoints, held-out eval and exact resume.

    Runs on CPU or GPU; under `accelerate launch` or `torchrun` it trains data parallel on every GPU.
    Example: omniarc train --data pairs.jsonl --steps 2000 --out runs/lora --bf16
    """
    from omniarc.training import TrainConfig, jsonl_data, load_tokenizer
    from omniarc.training import train as train_model

    config = TrainConfig.from_options(steps, seed=seed, **options)
    components = _mixture(mix, mix_file)
    if (data_path is None) == (not components):
        raise click.UsageError("give the training samples with either --data pairs.jsonl or --mix/--mix-file")
    score_program = None
    if data_path is not None:
        data = jsonl_data(data_path, eval_size=eval_size, seed=seed)
    else:
        from omniarc.mixture_training import mixture_training_data

        data, score_program = mixture_training_data(
            components,
            seed=seed,
            tokenizer=load_tokenizer(config.model),
            max_length=config.max_length,
            holdout_tasks=holdout_tasks,
            eval_size=eval_size,
        )
    result = train_model(config, data, out, resume=resume, score_program=score_program)
    if result.main_process:
        click.echo(result.summary())


@main.command("merge")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Directory of the merged model.")
def merge(run_dir: str, out: str) -> None:
    """Merge the LoRA adapter of RUN_DIR (a run or an adapter directory) into its base model for serving.

    Writes a plain Hugging Face model directory with the tokenizer.
    Example: omniarc merge runs/lora --out merged
    """
    from omniarc.training import merge_adapter

    click.echo(f"wrote the merged model to {merge_adapter(run_dir, out)}")


if __name__ == "__main__":
    main()
