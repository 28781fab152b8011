"""Fine-tuning: LoRA (or full) training on chat samples with exact resume, held-out evaluation and logs.

A small explicit loop over `accelerate.Accelerator`, so the same code runs on CPU, one GPU, or several
under `accelerate launch` / `torchrun` (data parallel: every process reads the same positional stream and
takes its own slice of each global batch). A run directory holds:

    run_config.json                 the TrainConfig and the data description (checked on --resume)
    metrics.jsonl                   one record per logged step and per evaluation
    checkpoints/step-00000500/      weights, optimizer, scheduler, data position, RNG states
    final/                          the adapter (or full model) and the tokenizer, ready to merge or serve

A checkpoint restores everything a step depends on (weights, optimizer and scheduler state, the position in
the data stream, the count of skipped samples and the torch RNG state of every process), so a resumed run
repeats the uninterrupted run's steps exactly. Directories are written under a temporary name and renamed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from omniarc.training.chat import IGNORE_INDEX, ChatFormat, EncodedSample
from omniarc.training.data import Sample, TrainingData, answer_of, prompt_of, validate_sample
from omniarc.training.errors import TrainingError
from omniarc.training.models import EMBEDDED_MODEL, load_model, load_tokenizer, quiet_peft
from omniarc.training.sampling import TransformersSampler, extract_program

DEFAULT_TARGET_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
SCHEDULES = ("cosine", "linear", "constant_with_warmup")
RUN_CONFIG, METRICS, STATE = "run_config.json", "metrics.jsonl", "trainer_state.json"
MAX_CONSECUTIVE_SKIPS = 10_000

ScoreProgram = Callable[[str, Sample], bool]
"""`score_program(program_text, sample)`: True when the program runs and reproduces the sample's task."""


@dataclass
class LoraSettings:
    """LoRA adapter shape: rank, scaling (alpha), dropout and the projections it wraps."""

    rank: int = 32
    alpha: int = 64
    dropout: float = 0.05
    target_modules: list[str] = field(default_factory=lambda: list(DEFAULT_TARGET_MODULES))


@dataclass
class TrainConfig:
    """Everything that defines a training run; saved as JSON beside it and compared on resume."""

    steps: int
    model: str = EMBEDDED_MODEL
    full_finetune: bool = False
    lora: LoraSettings = field(default_factory=LoraSettings)
    lr: float = 2e-4
    batch_size: int = 4
    grad_accum: int = 1
    max_length: int = 2048
    warmup_steps: int | None = None
    schedule: str = "cosine"
    weight_decay: float = 0.0
    max_grad_norm: float = 1.0
    seed: int = 0
    bf16: bool = False
    gradient_checkpointing: bool = False
    save_every: int = 500
    keep_checkpoints: int = 2
    eval_every: int = 500
    eval_generate: int = 16
    eval_max_tokens: int = 1024
    eval_batch_size: int = 8
    log_every: int = 10

    def __post_init__(self) -> None:
        if isinstance(self.lora, dict):
            self.lora = LoraSettings(**self.lora)
        positive = (
            "steps",
            "batch_size",
            "grad_accum",
            "max_length",
            "save_every",
            "eval_every",
            "log_every",
        )
        for name in positive:
            if getattr(self, name) < 1:
                raise TrainingError(f"train config: {name} must be at least 1, got {getattr(self, name)}")
        if self.schedule not in SCHEDULES:
            raise TrainingError(
                f"train config: schedule {self.schedule!r} is not one of {', '.join(SCHEDULES)}"
            )
        if self.lr <= 0 or self.lora.rank < 1 or not 0 <= self.lora.dropout < 1:
            raise TrainingError("train config: lr and lora.rank must be positive and lora.dropout in [0, 1)")

    @classmethod
    def from_options(cls, steps: int, **options: Any) -> TrainConfig:
        """A config from flat (CLI) options: None means the default; `lora_*` options shape the adapter."""
        given = {key: value for key, value in options.items() if value is not None}
        lora = {key.removeprefix("lora_"): given.pop(key) for key in list(given) if key.startswith("lora_")}
        if "target_modules" in lora and isinstance(lora["target_modules"], str):
            lora["target_modules"] = [
                name.strip() for name in lora["target_modules"].split(",") if name.strip()
            ]
        return cls(steps=steps, lora=LoraSettings(**lora), **given)

    @property
    def warmup(self) -> int:
        """Warm-up steps: as configured, else 3% of the run."""
        return self.warmup_steps if self.warmup_steps is not None else int(0.03 * self.steps)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of the config."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrainConfig:
        """The config saved by `to_json`."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class TrainResult:
    """What a run did: steps, where the final weights are, its last loss and evaluation, throughput."""

    out_dir: Path
    final_dir: Path
    steps: int
    last_loss: float | None
    eval: dict[str, float]
    skipped: int
    tokens: int
    elapsed: float
    main_process: bool = True

    @property
    def tokens_per_second(self) -> float:
        """Training tokens (prompt and answer, all processes) per second of training."""
        return self.tokens / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> str:
        """One line for the end of a run."""
        loss = f"loss {self.last_loss:.4f}" if self.last_loss is not None else "no loss logged"
        evals = "".join(f", {key} {value:.4f}" for key, value in self.eval.items())
        return (
            f"{self.steps} steps, {loss}{evals}; {self.skipped} samples skipped as too long; "
            f"{self.tokens} tokens at {self.tokens_per_second:.0f} tokens/s; weights in {self.final_dir}"
        )


def collate(samples: Sequence[EncodedSample], pad_id: int) -> dict[str, Any]:
    """Right-padded tensors (input_ids, attention_mask, labels) of a batch of encoded samples."""
    import torch

    width = max(len(sample.input_ids) for sample in samples)
    input_ids, attention, labels = [], [], []
    for sample in samples:
        padding = width - len(sample.input_ids)
        input_ids.append(sample.input_ids + [pad_id] * padding)
        attention.append([1] * len(sample.input_ids) + [0] * padding)
        labels.append(sample.labels + [IGNORE_INDEX] * padding)
    return {
        "input_ids": torch.tensor(input_ids),
        "attention_mask": torch.tensor(attention),
        "labels": torch.tensor(labels),
    }


class _Batches:
    """Draws encoded samples from a positional stream, skipping (and counting) the ones too long."""

    def __init__(
        self, data: TrainingData, chat: ChatFormat, max_length: int, position: int, skipped: int
    ) -> None:
        self.data, self.chat, self.max_length = data, chat, max_length
        self.position, self.skipped = position, skipped
        self.iterator = iter(data.stream(position))

    def take(self, count: int) -> list[EncodedSample]:
        taken: list[EncodedSample] = []
        consecutive = 0
        while len(taken) < count:
            where = f"{self.data.description}, position {self.position}"
            try:
                sample = next(self.iterator)
            except StopIteration:
                raise TrainingError(f"{where}: the data stream ended") from None
            self.position += 1
            if sample is None:
                continue
            encoded = self.chat.encode(validate_sample(sample, where)["messages"], self.max_length)
            if encoded is None:
                self.skipped += 1
                consecutive += 1
                if consecutive >= MAX_CONSECUTIVE_SKIPS:
                    raise TrainingError(f"{where}: {consecutive} samples in a row are over max_length")
                continue
            consecutive = 0
            taken.append(encoded)
        return taken


def evaluate(
    model: Any,
    tokenizer: Any,
    samples: Sequence[Sample],
    *,
    max_length: int = 2048,
    batch_size: int = 8,
    generate: int = 16,
    max_tokens: int = 1024,
    score_program: ScoreProgram | None = None,
) -> dict[str, float]:
    """Held-out metrics: token loss on the answers, and greedy exact match on the first `generate` samples.

    `exact_match` is the fraction of answers reproduced exactly. For samples whose answer is a fenced
    program, `program_ok` is the fraction whose generated program passes `score_program` (when given).
    """
    import torch

    chat = ChatFormat(tokenizer)
    samples = [validate_sample(sample, f"eval sample {index}") for index, sample in enumerate(samples)]
    encoded = [e for e in (chat.encode(s["messages"], max_length) for s in samples) if e is not None]
    metrics: dict[str, float] = {}
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    with torch.inference_mode():
        for start in range(0, len(encoded), batch_size):
            batch = {
                k: v.to(device) for k, v in collate(encoded[start : start + batch_size], chat.pad_id).items()
            }
            tokens = int((batch["labels"][:, 1:] != IGNORE_INDEX).sum())
            total += float(model(**batch).loss) * tokens
            count += tokens
    model.train(was_training)
    if count:
        metrics["eval_loss"] = total / count
    chosen = list(samples[:generate])
    if chosen:
        sampler = TransformersSampler(model, tokenizer, batch_size=batch_size)
        outputs = sampler.sample([prompt_of(s) for s in chosen], 1, temperature=0.0, max_tokens=max_tokens)
        answers = [completions[0].text for completions in outputs]
        exact = [a.strip() == answer_of(s).strip() for a, s in zip(answers, chosen, strict=True)]
        metrics["exact_match"] = sum(exact) / len(chosen)
        coded = [
            (a, s) for a, s in zip(answers, chosen, strict=True) if extract_program(answer_of(s)) is not None
        ]
        if score_program is not None and coded:
            passed = 0
            for answer, sample in coded:
                program = extract_program(answer)
                passed += program is not None and bool(score_program(program, sample))
            metrics["program_ok"] = passed / len(coded)
    return metrics


def _checkpoints(out: Path) -> list[Path]:
    folder = out / "checkpoints"
    found = (
        [p for p in folder.glob("step-*") if p.is_dir() and (p / STATE).is_file()] if folder.is_dir() else []
    )
    return sorted(found, key=lambda p: int(p.name.split("-")[1]))


def _write_json(path: Path, data: Any) -> None:
    temporary = path.with_name(path.name + ".partial")
    temporary.write_text(json.dumps(data, indent=2) + "\n")
    temporary.replace(path)


def _check_run_dir(out: Path, config: TrainConfig, data: TrainingData, resume: bool) -> Path | None:
    """Check a run directory against the run (read only); return the checkpoint to resume from, if any."""
    saved_path = out / RUN_CONFIG
    if not saved_path.is_file():
        return None
    if not resume:
        raise TrainingError(f"{out} already holds a training run: pass --resume or choose another --out")
    saved = json.loads(saved_path.read_text())
    wanted = config.to_json()
    differences = [key for key in wanted if saved.get("config", {}).get(key) != wanted[key]]
    if saved.get("data") != data.description:
        differences.append(f"data ({saved.get('data')!r} != {data.description!r})")
    if differences:
        raise TrainingError(f"{saved_path}: resuming with different settings: {', '.join(differences)}")
    checkpoints = _checkpoints(out)
    return checkpoints[-1] if checkpoints else None


def _build_model(config: TrainConfig, checkpoint: Path | None) -> Any:
    import torch

    if config.full_finetune:
        return load_model(checkpoint / "model" if checkpoint else config.model, dtype=torch.float32)
    from peft import LoraConfig, get_peft_model, set_peft_model_state_dict
    from safetensors.torch import load_file

    base = load_model(config.model, dtype=torch.bfloat16 if config.bf16 else torch.float32)
    lora = LoraConfig(
        r=config.lora.rank,
        lora_alpha=config.lora.alpha,
        lora_dropout=config.lora.dropout,
        target_modules=list(config.lora.target_modules),
        task_type="CAUSAL_LM",
    )
    with quiet_peft():
        model = get_peft_model(base, lora)
    model.peft_config["default"].base_model_name_or_path = config.model
    if checkpoint is not None:
        result = set_peft_model_state_dict(
            model, load_file(checkpoint / "model" / "adapter_model.safetensors")
        )
        if result.unexpected_keys:
            raise TrainingError(
                f"{checkpoint}: adapter weights do not fit the model: {result.unexpected_keys[:3]}"
            )
    return model


def _multi_process_cpu() -> bool:
    """Several processes (torchrun, accelerate launch) and no GPU: data parallel over gloo on CPU."""
    import torch

    return not torch.cuda.is_available() and int(os.environ.get("WORLD_SIZE", "1")) > 1


class _Run:
    """One training process's state: model, optimizer, scheduler, data position, logs."""

    def __init__(
        self, config: TrainConfig, data: TrainingData, out: Path, checkpoint: Path | None, progress: bool
    ) -> None:
        import torch
        from accelerate import Accelerator
        from transformers import get_scheduler

        self.config, self.data, self.out = config, data, out
        self.accelerator = Accelerator(cpu=_multi_process_cpu())
        self.rank, self.world = self.accelerator.process_index, self.accelerator.num_processes
        self.tokenizer = load_tokenizer(config.model)
        self.chat = ChatFormat(self.tokenizer)
        torch.manual_seed(config.seed)
        model = _build_model(config, checkpoint)
        if config.gradient_checkpointing:
            enable = (
                getattr(model, "activation_checkpointing_enable", None) or model.gradient_checkpointing_enable
            )
            enable({"use_reentrant": False})
            model.config.use_cache = False
        parameters = [p for p in model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(parameters, lr=config.lr, weight_decay=config.weight_decay)
        self.scheduler = get_scheduler(config.schedule, optimizer, config.warmup, config.steps)
        self.model, self.optimizer = self.accelerator.prepare(model, optimizer)
        state = {
            "step": 0,
            "position": 0,
            "skipped": 0,
            "tokens": 0,
            "elapsed": 0.0,
            "world_size": self.world,
        }
        if checkpoint is not None:
            state = self._load_checkpoint(checkpoint)
        else:
            torch.manual_seed(config.seed + self.rank)
        self.step, self.tokens, self.elapsed = state["step"], state["tokens"], state["elapsed"]
        self.batches = _Batches(data, self.chat, config.max_length, state["position"], state["skipped"])
        self.is_main = self.accelerator.is_main_process
        self.progress = progress and self.is_main
        self.last_loss: float | None = None
        self.last_eval: dict[str, float] = {}
        if self.is_main:
            self._truncate_metrics()

    def _load_checkpoint(self, checkpoint: Path) -> dict[str, Any]:
        import torch

        state = json.loads((checkpoint / STATE).read_text())
        if state["world_size"] != self.world:
            raise TrainingError(
                f"{checkpoint}: saved with {state['world_size']} processes, resumed with {self.world}"
            )
        self.optimizer.load_state_dict(torch.load(checkpoint / "optimizer.pt", map_location="cpu"))
        self.scheduler.load_state_dict(torch.load(checkpoint / "scheduler.pt", map_location="cpu"))
        rng = torch.load(checkpoint / f"rng-{self.rank}.pt", map_location="cpu")
        torch.set_rng_state(rng["cpu"])
        if "cuda" in rng:
            torch.cuda.set_rng_state(rng["cuda"], self.accelerator.device)
        return state

    def _truncate_metrics(self) -> None:
        """Drop log records of steps after the checkpoint a run resumes from."""
        path = self.out / METRICS
        if path.is_file():
            kept = [line for line in path.read_text().splitlines() if json.loads(line)["step"] <= self.step]
            path.write_text("".join(line + "\n" for line in kept))

    def _log(self, record: dict[str, Any]) -> None:
        if self.is_main:
            with (self.out / METRICS).open("a") as handle:
                handle.write(json.dumps(record) + "\n")

    def _autocast(self) -> Any:
        """bf16 autocast when asked for (kept out of the Accelerator, whose state is process-wide)."""
        import torch

        return torch.autocast(self.accelerator.device.type, dtype=torch.bfloat16, enabled=self.config.bf16)

    def _train_step(self) -> tuple[float, float]:
        """One optimizer step; returns its loss (mean over processes) and learning rate."""
        import torch

        config, accelerator = self.config, self.accelerator
        per_micro = config.batch_size * self.world
        samples = self.batches.take(per_micro * config.grad_accum)
        self.model.train()
        losses = []
        for micro in range(config.grad_accum):
            first = micro * per_micro + self.rank * config.batch_size
            batch = {
                k: v.to(accelerator.device)
                for k, v in collate(samples[first : first + config.batch_size], self.chat.pad_id).items()
            }
            last = micro == config.grad_accum - 1
            with contextlib.nullcontext() if last else accelerator.no_sync(self.model):
                with self._autocast():
                    loss = self.model(**batch).loss
                accelerator.backward(loss / config.grad_accum)
            losses.append(loss.detach())
        if config.max_grad_norm > 0:
            accelerator.clip_grad_norm_(self.model.parameters(), config.max_grad_norm)
        lr = self.scheduler.get_last_lr()[0]
        self.optimizer.step()
        self.scheduler.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.tokens += sum(len(sample.input_ids) for sample in samples)
        return float(accelerator.reduce(torch.stack(losses).mean(), reduction="mean")), lr

    def _save_weights(self, folder: Path) -> None:
        """The adapter (embeddings are never trained, so never saved) or the full model."""
        model = self.accelerator.unwrap_model(self.model)
        if self.config.full_finetune:
            model.save_pretrained(folder)
        else:
            model.save_pretrained(folder, save_embedding_layers=False)

    def _save_checkpoint(self) -> None:
        import torch

        folder = self.out / "checkpoints"
        target = folder / f"step-{self.step:08d}"
        temporary = folder / f".partial-step-{self.step:08d}"
        if self.is_main:
            shutil.rmtree(temporary, ignore_errors=True)
            temporary.mkdir(parents=True)
        self.accelerator.wait_for_everyone()
        rng = {"cpu": torch.get_rng_state()}
        if torch.cuda.is_available() and self.accelerator.device.type == "cuda":
            rng["cuda"] = torch.cuda.get_rng_state(self.accelerator.device)
        torch.save(rng, temporary / f"rng-{self.rank}.pt")
        self.accelerator.wait_for_everyone()
        if self.is_main:
            self._save_weights(temporary / "model")
            torch.save(self.optimizer.state_dict(), temporary / "optimizer.pt")
            torch.save(self.scheduler.state_dict(), temporary / "scheduler.pt")
            state = {
                "step": self.step,
                "position": self.batches.position,
                "skipped": self.batches.skipped,
                "tokens": self.tokens,
                "elapsed": self.elapsed,
                "world_size": self.world,
            }
            _write_json(temporary / STATE, state)
            shutil.rmtree(target, ignore_errors=True)
            temporary.rename(target)
            for old in _checkpoints(self.out)[: -self.config.keep_checkpoints or None]:
                shutil.rmtree(old, ignore_errors=True)
        self.accelerator.wait_for_everyone()

    def _evaluate(self, score_program: ScoreProgram | None) -> None:
        import torch

        if self.is_main and self.data.eval_samples:
            with torch.random.fork_rng(devices=[]), self._autocast():
                self.last_eval = evaluate(
                    self.accelerator.unwrap_model(self.model),
                    self.tokenizer,
                    self.data.eval_samples,
                    max_length=self.config.max_length,
                    batch_size=self.config.eval_batch_size,
                    generate=self.config.eval_generate,
                    max_tokens=self.config.eval_max_tokens,
                    score_program=score_program,
                )
            self._log({"step": self.step, **self.last_eval})
        self.accelerator.wait_for_everyone()

    def _save_final(self) -> Path:
        final = self.out / "final"
        if self.is_main:
            temporary = Path(tempfile.mkdtemp(prefix=".final.", dir=self.out))
            try:
                self._save_weights(temporary)
                self.tokenizer.save_pretrained(temporary)
                shutil.rmtree(final, ignore_errors=True)
                temporary.rename(final)
            finally:
                shutil.rmtree(temporary, ignore_errors=True)
        self.accelerator.wait_for_everyone()
        return final

    def run(self, score_program: ScoreProgram | None) -> TrainResult:
        from tqdm import tqdm

        config = self.config
        bar = tqdm(
            total=config.steps, initial=self.step, desc="training", unit="step", disable=not self.progress
        )
        started = time.perf_counter()
        while self.step < config.steps:
            loss, lr = self._train_step()
            self.step += 1
            self.last_loss = loss
            now = time.perf_counter()
            self.elapsed += now - started
            started = now
            if self.step % config.log_every == 0 or self.step == config.steps:
                record = {
                    "step": self.step,
                    "loss": loss,
                    "lr": lr,
                    "tokens": self.tokens,
                    "position": self.batches.position,
                    "skipped": self.batches.skipped,
                    "elapsed": round(self.elapsed, 3),
                }
                self._log(record)
            if self.step % config.eval_every == 0 or self.step == config.steps:
                self._evaluate(score_program)
            if self.step % config.save_every == 0 or self.step == config.steps:
                self._save_checkpoint()
            started = time.perf_counter()
            speed = self.tokens / max(self.elapsed, 1e-9)
            bar.set_postfix(
                loss=f"{loss:.4f}", tok_s=f"{speed:.0f}", **{k: f"{v:.3f}" for k, v in self.last_eval.items()}
            )
            bar.update(1)
        bar.close()
        final = self._save_final()
        return TrainResult(
            self.out,
            final,
            self.step,
            self.last_loss,
            self.last_eval,
            self.batches.skipped,
            self.tokens,
            self.elapsed,
            self.is_main,
        )


def train(
    config: TrainConfig,
    data: TrainingData,
    out_dir: str | Path,
    *,
    resume: bool = False,
    score_program: ScoreProgram | None = None,
    progress: bool = True,
) -> TrainResult:
    """Fine-tune `config.model` on `data` for `config.steps` optimizer steps, writing the run to `out_dir`.

    With `resume`, continue from the latest checkpoint in `out_dir` exactly as if never interrupted (the
    config and data must match the saved ones); with no checkpoint yet it starts from scratch. The torch
    RNG is seeded inside a fork, so the caller's global random state is left as it was.
    """
    out = Path(out_dir)
    checkpoint = _check_run_dir(out, config, data, resume)
    import torch
    from accelerate import PartialState

    processes = PartialState(cpu=_multi_process_cpu())
    processes.wait_for_everyone()
    if processes.is_main_process:
        out.mkdir(parents=True, exist_ok=True)
        if not (out / RUN_CONFIG).is_file():
            _write_json(out / RUN_CONFIG, {"config": config.to_json(), "data": data.description})
        for leftover in [*out.glob(".final.*"), *out.glob("checkpoints/.partial-*")]:
            shutil.rmtree(leftover, ignore_errors=True)
    processes.wait_for_everyone()
    devices = list(range(torch.cuda.device_count())) if torch.cuda.is_available() else []
    with torch.random.fork_rng(devices=devices):
        return _Run(config, data, out, checkpoint, progress).run(score_program)


def merge_adapter(source: str | Path, out_dir: str | Path) -> Path:
    """Merge a LoRA adapter into its base model and write a plain Hugging Face model directory + tokenizer.

    `source` is a run directory (its `final/` is used) or an adapter directory. Written atomically.
    """
    source_path = Path(source)
    adapter = source_path / "final" if (source_path / "final").is_dir() else source_path
    if not adapter.is_dir():
        raise TrainingError(f"{source}: no such run or adapter directory")
    model = load_model(adapter)
    if hasattr(model, "merge_and_unload"):
        model = model.merge_and_unload()
    tokenizer = load_tokenizer(adapter)
    target = Path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        model.save_pretrained(temporary)
        tokenizer.save_pretrained(temporary)
        shutil.rmtree(target, ignore_errors=True)
        temporary.rename(target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return target


def read_metrics(out_dir: str | Path) -> list[dict[str, Any]]:
    """The records of a run's metrics.jsonl, in order."""
    path = Path(out_dir) / METRICS
    return [json.loads(line) for line in path.read_text().splitlines()] if path.is_file() else []
