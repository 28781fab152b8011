"""Fine-tuning the embedded model for real: exact resume, overfitting small sets, merging, the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import torch
from omniarc.training import (
    LoraSettings,
    TrainConfig,
    TrainingData,
    TrainingError,
    TransformersSampler,
    load_model,
    load_tokenizer,
    merge_adapter,
    read_metrics,
    samples_data,
    train,
)
from safetensors.torch import load_file

from omniarc.datasets import find_task


@pytest.fixture(scope="module")
def score_program():
    """Run a program in the real sandbox against every example of the sample's task."""
    from omniarc.sandbox import Sandbox

    with Sandbox(workers=1) as sandbox:
        yield lambda program, sample: sandbox.verify([program], find_task(sample["task_id"]))[0].passed


def overfit_data(chosen):
    """Train on `chosen` forever and evaluate on the same samples: can the model learn them exactly?"""
    stream = samples_data(chosen).stream
    return TrainingData(stream, tuple(chosen), "overfit")


def overfit_config(steps, batch_size):
    return TrainConfig(
        steps=steps,
        lora=LoraSettings(rank=8, alpha=16, dropout=0.0),
        lr=2e-3,
        schedule="constant_with_warmup",
        warmup_steps=0,
        batch_size=batch_size,
        max_length=256,
        log_every=1,
        eval_every=steps,
        eval_generate=batch_size,
        eval_max_tokens=48,
        save_every=steps,
    )


@pytest.fixture(scope="module")
def overfit_run(tmp_path_factory, samples, score_program):
    """The seeds' rule first: LoRA on one real sample until greedy decoding gives its program back."""
    out = tmp_path_factory.mktemp("overfit") / "run"
    result = train(
        overfit_config(8, 1), overfit_data(samples[:1]), out, score_program=score_program, progress=False
    )
    return result


def test_the_programs_of_the_test_samples_solve_their_tasks(samples, score_program):
    from omniarc.training import extract_program

    for sample in samples:
        assert score_program(extract_program(sample["messages"][-1]["content"]), sample)


def test_one_sample_is_learnt_exactly(overfit_run):
    assert overfit_run.eval["exact_match"] == 1.0
    assert overfit_run.eval["program_ok"] == 1.0
    losses = [record["loss"] for record in read_metrics(overfit_run.out_dir) if "loss" in record]
    assert len(losses) == 8 and losses[-1] < 0.05 < losses[0]
    assert (overfit_run.final_dir / "adapter_model.safetensors").is_file()
    assert (overfit_run.final_dir / "tokenizer.json").is_file()


def test_the_trained_adapter_continues_a_prefilled_answer(overfit_run, samples):
    sampler = TransformersSampler(overfit_run.final_dir, device="cpu")
    answer = samples[0]["messages"][-1]["content"]
    prefix = "```python\n"
    prompt = samples[0]["messages"][:-1] + [{"role": "assistant", "content": prefix}]
    [[completion]] = sampler.sample([prompt], n=1, temperature=0.0, max_tokens=48)
    assert prefix + completion.text == answer
    assert completion.finish_reason == "stop"


def test_merging_gives_a_plain_model_with_the_adapter_logits(overfit_run, samples, tmp_path):
    merged_dir = merge_adapter(overfit_run.out_dir, tmp_path / "merged")
    assert not (merged_dir / "adapter_config.json").exists()
    merged, adapted = load_model(merged_dir).eval(), load_model(overfit_run.final_dir).eval()
    tokenizer = load_tokenizer(merged_dir)
    text = tokenizer.apply_chat_template(samples[0]["messages"], tokenize=False)
    ids = torch.tensor([tokenizer(text, add_special_tokens=False)["input_ids"]])
    with torch.inference_mode():
        assert torch.allclose(merged(ids).logits, adapted(ids).logits, atol=1e-3, rtol=0)


def resume_config(**changes):
    settings = dict(
        steps=4,
        lora=LoraSettings(rank=4, alpha=8, dropout=0.1),
        lr=1e-3,
        batch_size=2,
        max_length=256,
        save_every=2,
        keep_checkpoints=5,
        log_every=1,
    )
    return TrainConfig(**{**settings, **changes})


def test_a_resumed_run_repeats_the_uninterrupted_run_exactly(tmp_path, samples):
    data = samples_data(samples, seed=1)
    config = resume_config()
    whole = train(config, data, tmp_path / "whole", progress=False)
    assert [p.name for p in sorted((tmp_path / "whole" / "checkpoints").iterdir())] == [
        "step-00000002",
        "step-00000004",
    ]
    # A crash after step 3: the checkpoint of step 2 survives, the log already holds step 3.
    cut = tmp_path / "cut"
    shutil.copytree(tmp_path / "whole", cut)
    shutil.rmtree(cut / "final")
    shutil.rmtree(cut / "checkpoints" / "step-00000004")
    lines = (cut / "metrics.jsonl").read_text().splitlines()
    (cut / "metrics.jsonl").write_text("\n".join(lines[:3]) + "\n")
    resumed = train(config, data, cut, resume=True, progress=False)

    whole_log, resumed_log = read_metrics(tmp_path / "whole"), read_metrics(cut)
    assert [r["step"] for r in resumed_log] == [1, 2, 3, 4]
    for expected, got in zip(whole_log, resumed_log, strict=True):
        assert got["position"] == expected["position"] and got["tokens"] == expected["tokens"]
        assert got["loss"] == pytest.approx(expected["loss"], rel=1e-5)
    assert resumed.tokens == whole.tokens and resumed.skipped == whole.skipped == 0
    expected_weights = load_file(whole.final_dir / "adapter_model.safetensors")
    got_weights = load_file(resumed.final_dir / "adapter_model.safetensors")
    assert expected_weights.keys() == got_weights.keys()
    for name, weight in expected_weights.items():
        assert torch.allclose(weight, got_weights[name], atol=1e-6, rtol=0), name
    saved = json.loads((cut / "run_config.json").read_text())
    assert saved["config"]["lora"]["rank"] == 4 and saved["data"] == data.description


def test_a_run_directory_is_not_overwritten_or_resumed_with_other_settings(tmp_path, samples):
    data = samples_data(samples, seed=1)
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "run_config.json").write_text(
        json.dumps({"config": resume_config().to_json(), "data": data.description})
    )
    with pytest.raises(TrainingError, match="already holds a training run"):
        train(resume_config(), data, tmp_path / "run", progress=False)
    with pytest.raises(TrainingError, match="different settings: lr"):
        train(resume_config(lr=5e-4), data, tmp_path / "run", resume=True, progress=False)


def test_over_long_samples_are_skipped_and_counted(tmp_path, tokenizer, samples):
    from omniarc.training import ChatFormat

    chat = ChatFormat(tokenizer)
    limit = min(len(chat.encode(s["messages"]).input_ids) for s in samples)
    config = resume_config(steps=1, batch_size=2, max_length=limit, save_every=1)
    # Only one sample fits: a batch of two takes it from two epochs and skips every other sample between.
    result = train(config, samples_data(samples, seed=0), tmp_path / "run", progress=False)
    record = read_metrics(tmp_path / "run")[-1]
    assert result.skipped == record["skipped"] == record["position"] - 2
    assert 3 <= result.skipped <= 6


def test_config_validation_names_the_field():
    with pytest.raises(TrainingError, match="batch_size"):
        TrainConfig(steps=10, batch_size=0)
    config = TrainConfig.from_options(5, lr=None, lora_rank=8, lora_target_modules="q_proj, v_proj")
    assert config.lora.rank == 8 and config.lora.target_modules == ["q_proj", "v_proj"] and config.lr == 2e-4


def test_the_cli_trains_refuses_to_overwrite_and_merges(tmp_path, samples):
    data = tmp_path / "pairs.jsonl"
    data.write_text("".join(json.dumps(sample) + "\n" for sample in samples))
    run = tmp_path / "run"
    common = ["--data", str(data), "--steps", "1", "--out", str(run), "--batch-size", "1", "--lora-rank", "2"]
    common += ["--max-length", "256", "--eval-size", "1", "--eval-generate", "0"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    result = subprocess.run(["omniarc", "train", *common], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "1 steps, loss" in result.stdout and "eval_loss" in result.stdout
    again = subprocess.run(["omniarc", "train", *common], capture_output=True, text=True, env=env)
    assert again.returncode == 1 and "error:" in again.stderr and "--resume" in again.stderr
    merged = subprocess.run(
        ["omniarc", "merge", str(run), "--out", str(tmp_path / "merged")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert merged.returncode == 0, merged.stderr
    assert (tmp_path / "merged" / "model.safetensors").is_file()


@pytest.mark.slow
def test_four_code_samples_are_learnt_exactly(tmp_path, samples, score_program):
    result = train(
        overfit_config(20, 4),
        overfit_data(samples),
        tmp_path / "run",
        score_program=score_program,
        progress=False,
    )
    assert result.eval["exact_match"] == 1.0
    assert result.eval["program_ok"] == 1.0
