"""omniarc.training: model loading, LoRA fine-tuning and sampling backends (transformers, vllm).

Importing this package is light: torch and transformers load only when a model, a run or a sampler is
used, so `from omniarc.training import extract_program` costs nothing.

    from omniarc.training import TrainConfig, jsonl_data, train
    result = train(TrainConfig(steps=1000), jsonl_data("pairs.jsonl", eval_size=64), "runs/lora")
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "TrainingError": "errors",
    "ModelNotFoundError": "errors",
    "EMBEDDED_MODEL": "models",
    "cache_root": "models",
    "convert_gguf": "models",
    "embedded_gguf_path": "models",
    "load_model": "models",
    "load_tokenizer": "models",
    "resolve_model": "models",
    "ChatFormat": "chat",
    "EncodedSample": "chat",
    "IGNORE_INDEX": "chat",
    "JsonlSamples": "data",
    "SampleStream": "data",
    "TrainingData": "data",
    "generated_data": "data",
    "jsonl_data": "data",
    "samples_data": "data",
    "validate_sample": "data",
    "LoraSettings": "trainer",
    "TrainConfig": "trainer",
    "TrainResult": "trainer",
    "evaluate": "trainer",
    "merge_adapter": "trainer",
    "read_metrics": "trainer",
    "train": "trainer",
    "Completion": "sampling",
    "Sampler": "sampling",
    "TransformersSampler": "sampling",
    "VllmSampler": "sampling",
    "extract_program": "sampling",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'omniarc.training' has no attribute {name!r}")
    return getattr(importlib.import_module(f"omniarc.training.{_EXPORTS[name]}"), name)


def __dir__() -> list[str]:
    return __all__
