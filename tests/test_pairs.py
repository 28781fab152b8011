"""generate-pairs: mixtures, determinism, shards, evaluation refusal, the CLI."""

import json
import subprocess
from collections import Counter

import pytest

from omniarc import task_solutions
from omniarc.encoders import DEFAULT_ENCODER, parse_encoder
from omniarc.pairs import PairGenerator, PairsError, load_mixture_file, parse_mix, parse_shard

GRID_MIX = [
    parse_mix("arc-agi-1/training:output-from-examples-v0=3"),
    parse_mix("arc-agi-2/training:input-from-inputs-v0=1"),
]
ALL_KINDS = [
    parse_mix("solutions:code-from-examples-v0=1"),
    parse_mix("solutions:output-from-code-v0=1"),
    parse_mix("solutions:output-from-examples-v0=1"),
    parse_mix("solutions:input-from-inputs-v0=1"),
]


def test_parse_mix_reads_sources_with_colons_and_rejects_bad_components(tmp_path):
    component = parse_mix(f"{tmp_path}/a:b.json:output-from-examples-v0=2.5")
    assert component.source == f"{tmp_path}/a:b.json" and component.weight == 2.5
    for bad in [
        "solutions",
        "solutions:code-from-examples-v0",
        "solutions:code-from-examples-v0=-1",
        "x:nope-v0=1",
    ]:
        with pytest.raises(Exception, match="SOURCE:TEMPLATE=WEIGHT|positive|unknown prompt template"):
            parse_mix(bad)


def test_mixture_file_in_yaml(tmp_path):
    path = tmp_path / "mix.yaml"
    path.write_text(
        "mix:\n"
        "  - {source: solutions, template: code-from-examples-v0, weight: 2}\n"
        "  - arc-agi-1/training:output-from-examples-v0=1\n"
    )
    assert [str(c) for c in load_mixture_file(path)] == [
        "solutions:code-from-examples-v0=2",
        "arc-agi-1/training:output-from-examples-v0=1",
    ]


def test_weights_are_followed_in_expectation_and_the_stream_is_seeded():
    generator = PairGenerator(GRID_MIX, seed=3)
    samples = list(generator.stream(2000))
    share = Counter(s["source"] for s in samples)["arc-agi-1/training"] / len(samples)
    assert abs(share - 0.75) < 0.03
    again = list(PairGenerator(GRID_MIX, seed=3).stream(50))
    assert [s["messages"] for s in samples[:50]] == [s["messages"] for s in again]
    other = list(PairGenerator(GRID_MIX, seed=4).stream(50))
    assert [s["messages"] for s in samples[:50]] != [s["messages"] for s in other]


def test_augmented_grid_samples_revert_to_the_original_task():
    from omniarc.augmentation import Augmentation
    from omniarc.datasets import find_task

    encoder = parse_encoder(DEFAULT_ENCODER)
    generator = PairGenerator(GRID_MIX[:1], seed=0, swap_probability=0.0)
    for sample in generator.stream(30):
        record = dict(sample["augmentation"])
        augmentation = Augmentation(record["quarter_turns"], record["transposed"], tuple(record["colors"]))
        predicted = encoder.decode(sample["messages"][-1]["content"])
        original = find_task(sample["task_id"], "arc-agi-1/training")
        assert any(
            e.output.shape == augmentation.revert(predicted).shape
            and (e.output == augmentation.revert(predicted)).all()
            for e in original.test
        )


def test_shards_are_disjoint_and_together_make_the_whole_stream():
    whole = [json.dumps(s) for s in PairGenerator(GRID_MIX, seed=1).stream(60)]
    parts = [
        json.dumps(s) for i in range(3) for s in PairGenerator(GRID_MIX, seed=1).stream(60, shard=(i, 3))
    ]
    assert sorted(parts) == sorted(whole) and len(set(parts)) == len(parts)
    resumed = [json.dumps(s) for s in PairGenerator(GRID_MIX, seed=1).stream(60, start=40)]
    assert resumed == whole[40:]
    with pytest.raises(PairsError):
        parse_shard("3/3")


def test_solution_source_gives_all_four_kinds_with_fresh_tasks():
    samples = list(PairGenerator(ALL_KINDS, seed=0).stream(40))
    assert {s["kind"] for s in samples} == {
        "code-from-examples",
        "output-from-code",
        "output-from-examples",
        "input-from-inputs",
    }
    for sample in samples:
        assert sample["task_id"] in task_solutions.ids()
        if sample["kind"] == "output-from-code":  # shows one input: the answer is its output
            encoder = parse_encoder(DEFAULT_ENCODER)
            shown = sample["messages"][1]["content"].split("Input:\n")[1].split("\n\n")[0]
            output = task_solutions.get(sample["task_id"]).apply(encoder.decode(shown))
            assert sample["messages"][-1]["content"] == encoder.encode(output)
        if sample["kind"] == "code-from-examples":
            assert (
                sample["messages"][-1]["content"]
                == "```python\n" + task_solutions.program_text(sample["task_id"]).rstrip() + "\n```"
            )


def test_evaluation_sources_are_refused_unless_allowed():
    with pytest.raises(PairsError, match="--allow-evaluation"):
        PairGenerator([parse_mix("arc-agi-1/evaluation:output-from-examples-v0=1")])
    generator = PairGenerator(
        [parse_mix("arc-agi-1/evaluation:output-from-examples-v0=1")], allow_evaluation=True
    )
    assert next(iter(generator))["source"] == "arc-agi-1/evaluation"


def test_evaluation_tasks_inside_arc_agi_2_training_never_become_samples():
    from omniarc.datasets import evaluation_task_ids

    generator = PairGenerator([parse_mix("arc-agi-2/training:output-from-examples-v0=1")], seed=0)
    assert not {s["task_id"] for s in generator.stream(300)} & evaluation_task_ids()


def test_code_kinds_need_the_solutions_source():
    with pytest.raises(PairsError, match="needs programs"):
        PairGenerator([parse_mix("arc-agi-1/training:code-from-examples-v0=1")])


def test_cli_writes_jsonl_with_every_field(tmp_path):
    out = tmp_path / "pairs.jsonl"
    result = subprocess.run(
        [
            "omniarc",
            "generate-pairs",
            "--mix",
            "solutions:code-from-examples-v0=2",
            "--mix",
            "arc-agi-1/training:output-from-examples-v0=1",
            "--n",
            "20",
            "--seed",
            "0",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 20 and "wrote 20 samples" in result.stdout
    assert set(lines[0]) == {
        "messages",
        "kind",
        "prompt_version",
        "source",
        "task_id",
        "seed",
        "augmentation",
    }
    assert [m["role"] for m in lines[0]["messages"]] == ["system", "user", "assistant"]


def test_cli_bad_mix_is_one_clear_line_and_no_file(tmp_path):
    out = tmp_path / "pairs.jsonl"
    result = subprocess.run(
        [
            "omniarc",
            "generate-pairs",
            "--mix",
            "arc-agi-1/evaluation:output-from-examples-v0=1",
            "--n",
            "5",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert (
        result.returncode == 1
        and "allow-evaluation" in result.stderr
        and len(result.stderr.strip().splitlines()) == 1
    )
    assert not out.exists()
