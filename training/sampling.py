"""Sampling completions from a model: one `Sampler` interface, two backends (transformers, vllm).

A prompt is a list of chat messages; a final assistant message is a pre-filled start of the answer, and
the returned text is its continuation. Every backend seeds its randomness per request, so the same seed
gives the same completions. `extract_program` takes the fenced Python block out of an answer.

    sampler = TransformersSampler()            # the embedded model, on GPU when there is one
    [[completion]] = sampler.sample([messages], n=1, temperature=0.0, max_tokens=256)
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from omniarc.training.chat import ChatFormat, Message
from omniarc.training.errors import TrainingError
from omniarc.training.models import (
    ADAPTER_CONFIG,
    adapter_base,
    is_adapter_dir,
    load_model,
    load_tokenizer,
    resolve_model,
)

FinishReason = Literal["stop", "length"]
_FENCE = re.compile(r"```(?:python|py)?[ \t]*\n(.*?)```", re.DOTALL)
VLLM_LORA_RANKS = (8, 16, 32, 64, 128, 256, 320, 512)


@dataclass(frozen=True)
class Completion:
    """One sampled continuation: its text, why it ended, its length and its mean token log-probability."""

    text: str
    finish_reason: FinishReason
    num_tokens: int
    mean_logprob: float | None


class Sampler(Protocol):
    """Anything that samples `n` completions for each of a batch of chat prompts."""

    def sample(
        self,
        prompts: Sequence[Sequence[Message]],
        n: int = 1,
        *,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_tokens: int = 512,
        seed: int = 0,
        stop: Sequence[str] | None = None,
    ) -> list[list[Completion]]:
        """`n` completions per prompt, in prompt order; temperature 0 is greedy."""
        ...


def extract_program(text: str) -> str | None:
    """The first fenced Python block of `text` (the pre-filled prefix included), or None if none is closed."""
    match = _FENCE.search(text)
    return match.group(1) if match else None


def _check_request(n: int, temperature: float, top_p: float, max_tokens: int) -> None:
    if n < 1 or max_tokens < 1:
        raise TrainingError(f"sampling needs n >= 1 and max_tokens >= 1, got n={n}, max_tokens={max_tokens}")
    if temperature < 0 or not 0 < top_p <= 1:
        raise TrainingError(f"sampling needs temperature >= 0 and 0 < top_p <= 1, got {temperature}, {top_p}")


def _row_seed(seed: int, prompt_index: int, sample_index: int) -> int:
    return int(
        np.random.SeedSequence([seed, prompt_index, sample_index]).generate_state(1, np.uint64)[0] >> 1
    )


class _RowSampling:
    """A logits processor that draws each row's next token with the row's own generator.

    It sees the raw logits (it is the only processor), records the raw log-probability of the chosen token
    and returns scores that make greedy selection pick it, so results do not depend on batch composition.
    """

    def __init__(self, generators: list[Any] | None, temperature: float, top_p: float) -> None:
        self.generators, self.temperature, self.top_p = generators, temperature, top_p
        self.logprobs: list[Any] = []

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        logprobs = torch.log_softmax(scores.float(), dim=-1)
        if self.generators is None:
            chosen = scores.argmax(dim=-1)
        else:
            probs = torch.softmax(scores.float() / self.temperature, dim=-1)
            if self.top_p < 1.0:
                sorted_probs, order = probs.sort(dim=-1, descending=True)
                outside = sorted_probs.cumsum(dim=-1) - sorted_probs > self.top_p
                probs = torch.zeros_like(probs).scatter(-1, order, sorted_probs.masked_fill(outside, 0.0))
            chosen = torch.cat(
                [
                    torch.multinomial(row, 1, generator=g)
                    for row, g in zip(probs, self.generators, strict=True)
                ]
            )
        self.logprobs.append(logprobs.gather(-1, chosen[:, None])[:, 0])
        if self.generators is None:
            return scores
        return torch.full_like(scores, float("-inf")).scatter(-1, chosen[:, None], 0.0)


class TransformersSampler:
    """Sampling with transformers' `generate`: left-padded batches, stop strings, per-row seeds.

    `model` is a spec for `load_model` (default: the embedded model; an adapter directory works) or a
    loaded model, then with its `tokenizer`. Loaded from a spec, it goes to the GPU when there is one.
    """

    def __init__(
        self,
        model: Any = None,
        tokenizer: Any = None,
        *,
        device: Any = None,
        dtype: Any = None,
        batch_size: int = 16,
    ) -> None:
        import torch

        if model is None or isinstance(model, (str, os.PathLike)):
            device = device or ("cuda" if torch.cuda.is_available() else "cpu")
            tokenizer = tokenizer or load_tokenizer(model)
            model = load_model(model, dtype=dtype, device=device)
        elif tokenizer is None:
            raise TrainingError("a loaded model needs its tokenizer: TransformersSampler(model, tokenizer)")
        self.model, self.tokenizer, self.batch_size = model, tokenizer, batch_size
        self.format = ChatFormat(tokenizer)

    def sample(
        self,
        prompts: Sequence[Sequence[Message]],
        n: int = 1,
        *,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_tokens: int = 512,
        seed: int = 0,
        stop: Sequence[str] | None = None,
    ) -> list[list[Completion]]:
        """`n` completions per prompt; rows are batched by prompt length and seeded one by one."""
        _check_request(n, temperature, top_p, max_tokens)
        ids = [self.format.prompt_ids(messages) for messages in prompts]
        rows = sorted(((i, j) for i in range(len(ids)) for j in range(n)), key=lambda row: -len(ids[row[0]]))
        results: list[list[Completion | None]] = [[None] * n for _ in ids]
        was_training = self.model.training
        self.model.eval()
        try:
            for start in range(0, len(rows), self.batch_size):
                batch = rows[start : start + self.batch_size]
                completions = self._generate(
                    [ids[i] for i, _ in batch],
                    [_row_seed(seed, i, j) for i, j in batch],
                    temperature,
                    top_p,
                    max_tokens,
                    list(stop or ()),
                )
                for (i, j), completion in zip(batch, completions, strict=True):
                    results[i][j] = completion
        finally:
            self.model.train(was_training)
        return results  # type: ignore[return-value]

    def _generate(
        self,
        prompt_ids: list[list[int]],
        seeds: list[int],
        temperature: float,
        top_p: float,
        max_tokens: int,
        stop: list[str],
    ) -> list[Completion]:
        import torch
        from transformers import GenerationConfig, LogitsProcessorList

        device = next(self.model.parameters()).device
        width = max(len(ids) for ids in prompt_ids)
        pad = self.format.pad_id
        input_ids = torch.tensor([[pad] * (width - len(ids)) + ids for ids in prompt_ids], device=device)
        attention = torch.tensor(
            [[0] * (width - len(ids)) + [1] * len(ids) for ids in prompt_ids], device=device
        )
        generators = None
        if temperature > 0:
            generators = [torch.Generator(device=device).manual_seed(s) for s in seeds]
        processor = _RowSampling(generators, temperature, top_p)
        config = GenerationConfig(
            max_new_tokens=max_tokens,
            do_sample=False,
            num_beams=1,
            repetition_penalty=1.0,
            eos_token_id=self.format.stop_ids,
            pad_token_id=pad,
            stop_strings=stop or None,
        )
        with torch.inference_mode():
            output = self.model.generate(
                input_ids=input_ids,
                attention_mask=attention,
                generation_config=config,
                logits_processor=LogitsProcessorList([processor]),
                tokenizer=self.tokenizer if stop else None,
            )
        generated = output[:, width:].tolist()
        logprobs = torch.stack(processor.logprobs, dim=1).float().cpu().tolist()
        return [
            self._completion(tokens, row_logprobs, stop)
            for tokens, row_logprobs in zip(generated, logprobs, strict=True)
        ]

    def _completion(self, tokens: list[int], logprobs: list[float], stop: list[str]) -> Completion:
        """Cut a generated row at its end-of-turn token, padding or stop string."""
        enders = set(self.format.stop_ids) | {self.format.pad_id}
        end = next((k for k, token in enumerate(tokens) if token in enders), len(tokens))
        text = self.tokenizer.decode(tokens[:end], skip_special_tokens=True)
        cuts = [text.find(s) for s in stop if s in text]
        if cuts:
            text, count, reason = text[: min(cuts)], end, "stop"
        elif end < len(tokens):
            count, reason = end + 1, "stop"
        else:
            count, reason = end, "length"
        mean = float(np.mean(logprobs[:count])) if count else None
        return Completion(text, reason, count, mean)


def _vllm_lora_rank(adapter_dir: Path) -> int:
    rank = int(json.loads((adapter_dir / ADAPTER_CONFIG).read_text())["r"])
    return next((size for size in VLLM_LORA_RANKS if size >= rank), rank)


class VllmSampler:
    """Sampling with vllm's offline engine: every prompt of a call goes in one `generate`, prefix caching on.

    `model` is a spec for `resolve_model` (default: the embedded model, converted once) or a LoRA adapter
    directory, served on its base model through a `LoRARequest`. Extra keyword arguments go to `vllm.LLM`.
    Each prompt gets its own seed: the call's seed plus the prompt's index.
    """

    def __init__(self, model: str | os.PathLike[str] | None = None, **llm_options: Any) -> None:
        from vllm import LLM
        from vllm.lora.request import LoRARequest

        adapter = Path(resolve_model(model)) if model is not None and is_adapter_dir(model) else None
        base = adapter_base(adapter) if adapter is not None else model
        self.tokenizer = load_tokenizer(model)
        self.format = ChatFormat(self.tokenizer)
        options: dict[str, Any] = {"enable_prefix_caching": True, "seed": 0, **llm_options}
        if adapter is not None:
            options.update(enable_lora=True, max_lora_rank=_vllm_lora_rank(adapter))
        self.llm = LLM(model=resolve_model(base), tokenizer=resolve_model(base), **options)
        self.lora_request = LoRARequest("adapter", 1, str(adapter)) if adapter is not None else None

    def sample(
        self,
        prompts: Sequence[Sequence[Message]],
        n: int = 1,
        *,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_tokens: int = 512,
        seed: int = 0,
        stop: Sequence[str] | None = None,
    ) -> list[list[Completion]]:
        """`n` completions per prompt, all prompts submitted together so batching stays full."""
        from vllm import SamplingParams

        _check_request(n, temperature, top_p, max_tokens)
        requests = [{"prompt_token_ids": self.format.prompt_ids(messages)} for messages in prompts]
        params = [
            SamplingParams(
                n=n,
                temperature=temperature,
                top_p=top_p,
                max_tokens=max_tokens,
                seed=seed + index,
                stop=list(stop) if stop else None,
                stop_token_ids=self.format.stop_ids,
                logprobs=0,
            )
            for index in range(len(requests))
        ]
        outputs = self.llm.generate(requests, params, lora_request=self.lora_request, use_tqdm=False)
        return [[self._completion(choice) for choice in output.outputs] for output in outputs]

    @staticmethod
    def _completion(choice: Any) -> Completion:
        count = len(choice.token_ids)
        mean = choice.cumulative_logprob / count if count and choice.cumulative_logprob is not None else None
        reason: FinishReason = "length" if choice.finish_reason == "length" else "stop"
        return Completion(choice.text, reason, count, mean)
