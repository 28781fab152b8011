"""Training data: JSONL and generated streams, held-out samples, positional resume."""

from __future__ import annotations

import itertools
import json

import pytest
from omniarc.training import ChatFormat, JsonlSamples, TrainingError, generated_data, jsonl_data, samples_data

from omniarc.pairs import PairGenerator, parse_mix


def take(stream, start, count):
    return list(itertools.islice(stream(start), count))


def write_jsonl(path, samples):
    path.write_text("".join(json.dumps(sample) + "\n" for sample in samples))


def test_jsonl_samples_train_in_seeded_epochs_and_hold_some_out(tmp_path, samples):
    path = tmp_path / "pairs.jsonl"
    write_jsonl(path, samples)
    data = jsonl_data(path, eval_size=1, seed=3)
    held_out = {s["task_id"] for s in data.eval_samples}
    first_epochs = take(data.stream, 0, 9)
    trained = [s["task_id"] for s in first_epochs]
    assert len(held_out) == 1 and not held_out & set(trained)
    for epoch in range(3):
        assert sorted(trained[3 * epoch : 3 * epoch + 3]) == sorted(set(trained))
    assert take(data.stream, 4, 5) == first_epochs[4:9], "resuming at a position replays nothing"
    assert take(jsonl_data(path, eval_size=1, seed=3).stream, 0, 9) == first_epochs
    assert take(jsonl_data(path, eval_size=1, seed=4).stream, 0, 9) != first_epochs


def test_bad_jsonl_lines_name_the_file_and_line(tmp_path, samples):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(samples[0]) + "\n{not json\n")
    data = samples_data(JsonlSamples(path))
    with pytest.raises(TrainingError, match=r"bad\.jsonl:2: not valid JSON"):
        take(data.stream, 0, 2)
    no_answer = dict(samples[0], messages=samples[0]["messages"][:-1])
    write_jsonl(path, [samples[0], no_answer])
    with pytest.raises(TrainingError, match=r"bad\.jsonl:2: the last message must be the assistant's answer"):
        take(jsonl_data(path).stream, 0, 2)


def test_eval_size_must_leave_samples_to_train_on(samples):
    with pytest.raises(TrainingError, match="eval_size"):
        samples_data(samples, eval_size=len(samples))


def test_generated_pairs_hold_out_the_first_samples_and_resume_by_position(tokenizer):
    generator = PairGenerator([parse_mix("solutions:code-from-examples-v0=1")], seed=5)
    data = generated_data(generator.sample, eval_size=2, description="mix")
    stream = take(data.stream, 0, 4)
    assert len(data.eval_samples) == 2
    assert [s["seed"] for s in data.eval_samples] == [[5, 0], [5, 1]]
    assert [s["seed"] for s in stream] == [[5, 2], [5, 3], [5, 4], [5, 5]]
    assert take(data.stream, 2, 2) == stream[2:]
    chat = ChatFormat(tokenizer)
    encoded = chat.encode(stream[0]["messages"])
    assert tokenizer.decode([t for t in encoded.labels if t >= 0]).startswith("```python\n")
