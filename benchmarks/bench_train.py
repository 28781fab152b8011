"""Training throughput: tokens per second of LoRA fine-tuning the embedded model, against full fine-tuning.

Both runs go through `omniarc.training.train` on the same real samples (the generate-pairs mixture of
hand-written solutions, code-from-examples and output-from-examples, cut to --max-length by dropping train
examples) with the same batches, so the ratio isolates what LoRA saves. The first step (warm-up) is left
out of the rate. On a GPU both run in bf16 with larger batches; on CPU LoRA also runs with bf16 autocast.

    python benchmarks/bench_train.py [--steps 4] [--batch-size 2] [--max-length 384]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
from pathlib import Path

import torch
from omniarc.training import TrainConfig, generated_data, load_tokenizer, read_metrics, train

from omniarc.pairs import PairGenerator, parse_mix

MIX = ("solutions:code-from-examples-v0=2", "solutions:output-from-examples-v0=1")


def tokens_per_second(out_dir: Path) -> float:
    """Training tokens per second after the first (warm-up) step."""
    steps = [record for record in read_metrics(out_dir) if "loss" in record]
    first, last = steps[0], steps[-1]
    return (last["tokens"] - first["tokens"]) / (last["elapsed"] - first["elapsed"])


def main() -> None:
    gpu = torch.cuda.is_available()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=12 if gpu else 4)
    parser.add_argument("--batch-size", type=int, default=8 if gpu else 2)
    parser.add_argument("--max-length", type=int, default=2048 if gpu else 384)
    args = parser.parse_args()

    generator = PairGenerator(
        [parse_mix(text) for text in MIX], seed=0, tokenizer=load_tokenizer(), max_tokens=args.max_length
    )
    data = generated_data(generator.sample, description="bench mix")
    device = torch.cuda.get_device_name() if gpu else f"CPU ({platform.processor() or platform.machine()})"
    print(f"device: {device}, torch threads: {torch.get_num_threads()}")
    print(f"{args.steps} steps of {args.batch_size} samples of at most {args.max_length} tokens\n")
    variants = [("LoRA r=32", False, gpu), ("full fine-tuning", True, gpu)]
    if not gpu:
        variants.append(("LoRA r=32, bf16", False, True))
    rates = {}
    with tempfile.TemporaryDirectory() as scratch:
        for index, (label, full, bf16) in enumerate(variants):
            config = TrainConfig(
                steps=args.steps,
                full_finetune=full,
                lr=1e-5 if full else 2e-4,
                batch_size=args.batch_size,
                max_length=args.max_length,
                bf16=bf16,
                log_every=1,
                save_every=10**6,
            )
            out = Path(scratch) / str(index)
            result = train(config, data, out, progress=False)
            rates[label] = tokens_per_second(out)
            print(f"{label:>17}: {rates[label]:8.0f} tokens/s  (final loss {result.last_loss:.3f})")
    print(
        f"\nLoRA / full fine-tuning (same precision): {rates['LoRA r=32'] / rates['full fine-tuning']:.2f}x"
    )
    if not gpu:
        print(f"LoRA bf16 autocast / LoRA fp32 on CPU: {rates['LoRA r=32, bf16'] / rates['LoRA r=32']:.2f}x")


if __name__ == "__main__":
    main()
