"""Chat messages to token ids, the same way for training and for inference, with each model's own template.

A training sequence is the prompt (every message but the last, then the template's generation prompt)
followed by the answer (the last, assistant, message) and the model's end-of-turn token. The prompt and
the answer are tokenized separately, so the split is exact and matches inference, where the prompt is
tokenized alone (plus any pre-filled start of the answer) and the model continues from there. Labels
ignore every prompt token (-100) and keep every answer token, the end-of-turn token included, so the
model learns to stop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from omniarc.training.errors import TrainingError

IGNORE_INDEX = -100
_SENTINEL = "OMNIARC-ANSWER-SENTINEL"

Message = dict[str, str]


@dataclass(frozen=True)
class EncodedSample:
    """One training sequence: token ids, and labels that are -100 on the prompt."""

    input_ids: list[int]
    labels: list[int]

    @property
    def answer_tokens(self) -> int:
        """How many tokens count in the loss."""
        return sum(label != IGNORE_INDEX for label in self.labels)


def split_prefix(messages: Sequence[Message]) -> tuple[list[Message], str]:
    """Split a prompt into the conversation and a pre-filled answer start (a final assistant message)."""
    if messages and messages[-1]["role"] == "assistant":
        return list(messages[:-1]), messages[-1]["content"]
    return list(messages), ""


class ChatFormat:
    """A tokenizer's chat template, end-of-turn and padding tokens, for training and inference alike."""

    def __init__(self, tokenizer: Any) -> None:
        if not getattr(tokenizer, "chat_template", None):
            raise TrainingError(f"tokenizer {getattr(tokenizer, 'name_or_path', '?')!r} has no chat template")
        self.tokenizer = tokenizer
        self.end_of_turn = self._find_end_of_turn()
        self.end_of_turn_id = tokenizer.convert_tokens_to_ids(self.end_of_turn)
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = self.end_of_turn
        self.pad_id: int = tokenizer.pad_token_id

    def _find_end_of_turn(self) -> str:
        """The special token the template closes an assistant turn with (else the tokenizer's EOS)."""
        conversation = [{"role": "user", "content": "x"}, {"role": "assistant", "content": _SENTINEL}]
        rendered = self.tokenizer.apply_chat_template(conversation, tokenize=False)
        after = rendered.split(_SENTINEL, 1)[-1].lstrip(" ")
        specials = sorted(set(self.tokenizer.all_special_tokens) | self._added_special_tokens(), key=len)
        for token in reversed(specials):
            if token and after.startswith(token):
                return token
        if self.tokenizer.eos_token is None:
            raise TrainingError("the chat template closes no turn with a special token and there is no EOS")
        return self.tokenizer.eos_token

    def _added_special_tokens(self) -> set[str]:
        decoder = getattr(self.tokenizer, "added_tokens_decoder", {}) or {}
        return {token.content for token in decoder.values() if getattr(token, "special", False)}

    @property
    def stop_ids(self) -> list[int]:
        """Token ids that end an answer: the end-of-turn token and the EOS token."""
        ids = [self.end_of_turn_id]
        if self.tokenizer.eos_token_id is not None and self.tokenizer.eos_token_id not in ids:
            ids.append(self.tokenizer.eos_token_id)
        return ids

    def text_ids(self, text: str) -> list[int]:
        """Token ids of plain text, no special tokens added (templates write their own)."""
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def conversation_ids(self, messages: Sequence[Message]) -> list[int]:
        """Token ids of a conversation (no assistant answer) followed by the generation prompt."""
        text = self.tokenizer.apply_chat_template(list(messages), tokenize=False, add_generation_prompt=True)
        return self.text_ids(text)

    def prompt_ids(self, messages: Sequence[Message]) -> list[int]:
        """Inference input: the conversation, then the pre-filled answer start if the last message is one."""
        conversation, prefix = split_prefix(messages)
        return self.conversation_ids(conversation) + (self.text_ids(prefix) if prefix else [])

    def encode(self, messages: Sequence[Message], max_length: int | None = None) -> EncodedSample | None:
        """The training sequence of a conversation whose last message is the answer; None if too long."""
        if not messages or messages[-1]["role"] != "assistant":
            raise TrainingError("a training sample must end with the assistant's answer")
        prompt = self.conversation_ids(messages[:-1])
        answer = self.text_ids(messages[-1]["content"]) + [self.end_of_turn_id]
        if max_length is not None and len(prompt) + len(answer) > max_length:
            return None
        return EncodedSample(prompt + answer, [IGNORE_INDEX] * len(prompt) + answer)
