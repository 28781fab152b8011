"""How fast generate-pairs builds samples, text only (no tokenizer), on one core.

Solutions source: all four kinds from fresh generated tasks. ARC-AGI-1 training: output-from-examples
with augmentation. The baseline printed beside each rate is the seeds' reported 250 samples/s.
Run: python benchmarks/bench_pairs.py [--n 3000]
"""

import argparse
import time

from omniarc.pairs import PairGenerator, parse_mix

SEEDS_RATE = 250.0  # samples/s reported for Omni-ARC's generators


def rate(mixture: list[str], n: int) -> float:
    generator = PairGenerator([parse_mix(text) for text in mixture], seed=0)
    for _ in generator.stream(n + 200, start=n):  # warm up: datasets, solution modules, the real tasks
        pass
    start = time.perf_counter()
    produced = sum(1 for _ in generator.stream(n))
    return produced / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    kinds = [
        "code-from-examples-v0",
        "output-from-code-v0",
        "output-from-examples-v0",
        "input-from-inputs-v0",
    ]
    solutions = rate([f"solutions:{kind}=1" for kind in kinds], args.n)
    augmented = rate(["arc-agi-1/training:output-from-examples-v0=1"], args.n)
    print(f"solutions: {solutions:.0f} samples/s ({solutions / SEEDS_RATE:.1f}x the seeds' 250/s)")
    print(f"arc-agi-1 augmented: {augmented:.0f} samples/s ({augmented / SEEDS_RATE:.1f}x the seeds' 250/s)")
    print(f"pairs: {solutions:.0f} per second (solutions), {augmented:.0f} per second (arc-agi-1 augmented)")


if __name__ == "__main__":
    main()
