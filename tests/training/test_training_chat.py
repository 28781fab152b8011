"""Chat formatting: the prompt is masked, every answer token counts, the end-of-turn token included."""

from __future__ import annotations

import pytest
from omniarc.training import IGNORE_INDEX, ChatFormat, TrainingError


def test_labels_ignore_the_prompt_and_keep_every_answer_token_with_end_of_turn(tokenizer, samples):
    chat = ChatFormat(tokenizer)
    messages = samples[0]["messages"]
    encoded = chat.encode(messages)
    prompt = chat.conversation_ids(messages[:-1])
    assert encoded.input_ids[: len(prompt)] == prompt
    assert encoded.labels[: len(prompt)] == [IGNORE_INDEX] * len(prompt)
    answer_labels = encoded.labels[len(prompt) :]
    assert answer_labels == encoded.input_ids[len(prompt) :]
    assert IGNORE_INDEX not in answer_labels
    assert answer_labels[-1] == chat.end_of_turn_id == tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert tokenizer.decode(answer_labels) == messages[-1]["content"] + "<|im_end|>"
    assert encoded.answer_tokens == len(answer_labels)
    rendered = tokenizer.apply_chat_template(messages, tokenize=False)
    assert tokenizer.decode(encoded.input_ids) == rendered.rstrip("\n")


def test_end_of_turn_also_stops_generation_and_pads(tokenizer):
    chat = ChatFormat(tokenizer)
    assert chat.end_of_turn == "<|im_end|>"
    assert chat.end_of_turn_id in chat.stop_ids
    assert chat.pad_id == tokenizer.pad_token_id


def test_too_long_samples_are_none(tokenizer, samples):
    chat = ChatFormat(tokenizer)
    length = len(chat.encode(samples[1]["messages"]).input_ids)
    assert chat.encode(samples[1]["messages"], max_length=length) is not None
    assert chat.encode(samples[1]["messages"], max_length=length - 1) is None


def test_a_prefilled_answer_start_continues_the_training_sequence(tokenizer, samples):
    chat = ChatFormat(tokenizer)
    messages = samples[2]["messages"]
    prefix = "```python\n"
    prompt = chat.prompt_ids(messages[:-1] + [{"role": "assistant", "content": prefix}])
    assert chat.encode(messages).input_ids[: len(prompt)] == prompt
    assert chat.prompt_ids(messages[:-1]) == chat.conversation_ids(messages[:-1])


def test_a_sample_must_end_with_the_answer(tokenizer, samples):
    with pytest.raises(TrainingError, match="assistant"):
        ChatFormat(tokenizer).encode(samples[0]["messages"][:-1])
