"""Samplers on the embedded model: n completions, seeds, stop strings, pre-filled answers, programs."""

from __future__ import annotations

import pytest
from omniarc.training import Completion, TrainingError, TransformersSampler, extract_program


@pytest.fixture(scope="module")
def sampler(model, tokenizer):
    return TransformersSampler(model, tokenizer, batch_size=8)


def prompt(sample):
    return sample["messages"][:-1]


def test_n_completions_per_prompt_with_lengths_and_logprobs(sampler, samples):
    results = sampler.sample(
        [prompt(samples[0]), prompt(samples[1])], n=3, temperature=1.0, max_tokens=6, seed=0
    )
    assert [len(completions) for completions in results] == [3, 3]
    for completion in (c for completions in results for c in completions):
        assert isinstance(completion, Completion)
        assert 1 <= completion.num_tokens <= 6
        assert completion.finish_reason in ("stop", "length")
        assert completion.finish_reason == "stop" or completion.num_tokens == 6
        assert completion.mean_logprob < 0


def test_sampling_is_deterministic_per_seed(sampler, samples):
    prompts = [prompt(samples[0]), prompt(samples[3])]

    def texts(seed, batch_size):
        sampler.batch_size = batch_size
        results = sampler.sample(prompts, n=2, temperature=1.0, max_tokens=6, seed=seed)
        return [[c.text for c in completions] for completions in results]

    first = texts(7, 8)
    assert texts(7, 8) == first
    assert texts(8, 8) != first
    assert texts(7, 2) == first, "each row has its own generator, whatever the batch"


def test_greedy_ignores_the_seed_and_the_batch(sampler, samples):
    prompts = [prompt(sample) for sample in samples]
    sampler.batch_size = 8
    batched = sampler.sample(prompts, n=1, temperature=0.0, max_tokens=8, seed=1)
    sampler.batch_size = 1
    alone = sampler.sample(prompts, n=1, temperature=0.0, max_tokens=8, seed=2)
    assert [c[0].text for c in batched] == [c[0].text for c in alone]


def test_stop_strings_end_the_completion(sampler, samples):
    prefilled = prompt(samples[0]) + [{"role": "assistant", "content": "```python\ndef transform(grid):\n"}]
    [[completion]] = sampler.sample([prefilled], n=1, temperature=0.0, max_tokens=40, stop=["\n"])
    assert completion.finish_reason == "stop"
    assert "\n" not in completion.text and completion.text.strip()
    assert completion.num_tokens < 40


def test_a_prefilled_answer_is_continued(sampler, tokenizer, samples):
    plain = sampler.sample([prompt(samples[1])], n=1, temperature=0.0, max_tokens=12)[0][0].text
    start = tokenizer.decode(tokenizer(plain, add_special_tokens=False)["input_ids"][:4])
    prefilled = prompt(samples[1]) + [{"role": "assistant", "content": start}]
    continued = sampler.sample([prefilled], n=1, temperature=0.0, max_tokens=8)[0][0].text
    assert plain.startswith(start + continued)


def test_bad_requests_are_refused(sampler, samples):
    with pytest.raises(TrainingError, match="top_p"):
        sampler.sample([prompt(samples[0])], n=1, top_p=0.0)


def test_extract_program_takes_the_closed_python_block():
    assert extract_program("```python\ndef transform(grid):\n    return grid\n```") == (
        "def transform(grid):\n    return grid\n"
    )
    assert extract_program("Here:\n```py\nx = 1\n```\nand more") == "x = 1\n"
    assert extract_program("```python\ndef transform(grid):\n    return gr") is None
    assert extract_program("no code at all") is None


def test_vllm_sampler_on_the_embedded_model():
    pytest.importorskip("vllm")
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("vllm needs a GPU")
    from omniarc.training import VllmSampler

    sampler = VllmSampler(gpu_memory_utilization=0.3)
    messages = [{"role": "user", "content": "Count from 1 to 5."}]
    results = sampler.sample([messages, messages], n=2, temperature=1.0, max_tokens=16, seed=3)
    assert [len(completions) for completions in results] == [2, 2]
    again = sampler.sample([messages, messages], n=2, temperature=1.0, max_tokens=16, seed=3)
    assert [[c.text for c in cs] for cs in again] == [[c.text for c in cs] for cs in results]
    [[greedy]] = sampler.sample([messages], n=1, temperature=0.0, max_tokens=16, stop=["3"])
    assert "3" not in greedy.text and greedy.finish_reason == "stop"
