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
    with Sandbox(workers=1, time_limit=time_limit) as sandbox:
        verdict = sandbox.verify([Path(program).read_text()], task)[0]
    click.echo(describe_verdict(verdict))
    if not verdict.passed:
        sys.exit(1)


@main.command("generate-pairs")
@click.option("--mix", "mix", multiple=True, metavar="SOURCE:TEMPLATE=WEIGHT",
              help="A mixture component (repeatable), e.g. solutions:code-from-examples-v0=2 or "
                   "arc-agi-1/training:output-from-examples-v0=1. SOURCE is 'solutions' or a dataset spec.")
@click.option("--mix-file", type=click.Path(exists=True, dir_okay=False),
              help="A YAML/JSON file with a list of {source, template, weight} components.")
@click.option("--n", "count", type=int, required=True, help="Number of stream positions to generate.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the stream: same seed, same samples.")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="Output JSONL file (written atomically).")
@click.option("--shard", default="0/1", show_default=True, help="I/N: write only positions i with i % N == I.")
@click.option("--encoder", default=None, help="Grid encoder composition. Default: " + "GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder()))")
@click.option("--max-tokens", type=int, help="Drop train examples (never below 2), then skip, samples longer than this.")
@click.option("--tokenizer", help="HF tokenizer name or path for --max-tokens. Default: the embedded model's.")
@click.option("--allow-evaluation", is_flag=True, help="Allow evaluation datasets (and evaluation tasks) as sources.")
@click.option("--permute-background", type=float, default=0.0, show_default=True,
              help="Probability that a colour permutation also moves the background colour 0.")
def generate_pairs(
    mix: tuple[str, ...], mix_file: str | None, count: int, seed: int, out: str, shard: str, encoder: str | None,
    max_tokens: int | None, tokenizer: str | None, allow_evaluation: bool, permute_background: float,
) -> None:
    """Generate training samples (chat messages as JSONL) from a weighted mixture of sources and prompt templates.

    Templates: output-from-examples-v0, code-from-examples-v0/v1/v2, output-from-code-v0, input-from-inputs-v0.

    Example: omniarc generate-pairs --mix solutions:code-from-examples-v0=2
    --mix arc-agi-1/training:output-from-examples-v0=1 --n 10000 --seed 0 --out pairs.jsonl
    """
    from tqdm import tqdm

    from omniarc.encoders import DEFAULT_ENCODER
    from omniarc.pairs import PairGenerator, load_mixture_file, parse_mix, parse_shard, write_jsonl

    components = [parse_mix(text) for text in mix] + (load_mixture_file(mix_file) if mix_file else [])
    text_tokenizer = None
    if max_tokens is not None:
        from omniarc.training.models import load_tokenizer

        text_tokenizer = load_tokenizer(tokenizer)
    shard_index, shard_count = parse_shard(shard)
    generator = PairGenerator(
        components, seed=seed, encoder=encoder or DEFAULT_ENCODER, tokenizer=text_tokenizer,
        max_tokens=max_tokens, allow_evaluation=allow_evaluation, permute_background=permute_background,
    )
    positions = len(range(shard_index, count, shard_count))
    stream = generator.stream(count, shard=(shard_index, shard_count))
    written = write_jsonl(tqdm(stream, total=positions, desc="generating pairs", unit="sample"), out)
    click.echo(f"wrote {written} samples to {out}: {generator.stats.summary()}")
