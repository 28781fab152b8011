"""Prompt templates: exact text pinned by golden files, prefixes, clear errors for unknown names."""

import os
from pathlib import Path

import pytest
from omniarc.dsl import api_listing

from omniarc.datasets import find_task
from omniarc.encoders import DEFAULT_ENCODER, parse_encoder
from omniarc.prompts import CODE_PREFIX, TEMPLATES, PromptError, get_template

GOLDEN = Path(__file__).parent / "golden" / "prompts"
PROGRAM = "def transform(grid):\n    return shift(grid, 1, 0)\n"


def _render_text(name: str) -> str:
    task = find_task("25ff71a9")
    messages = get_template(name).render(task, parse_encoder(DEFAULT_ENCODER), PROGRAM)
    text = "\n".join(f"<<{m['role']}>>\n{m['content']}" for m in messages) + "\n"
    return text.replace(
        api_listing(), "<the current omniarc.dsl.api_listing()>"
    )  # the DSL grows; pin the rest


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_text_matches_its_golden_file(name):
    path = GOLDEN / f"{name}.txt"
    text = _render_text(name)
    if os.environ.get("OMNIARC_UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text(), (
        f"template {name} changed; rerun with OMNIARC_UPDATE_GOLDEN=1 if intended"
    )


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_answer_starts_with_the_prefix_that_inference_prefills(name):
    template = get_template(name)
    encoder = parse_encoder(DEFAULT_ENCODER)
    task = find_task("25ff71a9")
    full = template.render(task, encoder, PROGRAM)[-1]["content"]
    prefix_only = template.render(task, encoder, PROGRAM, with_answer=False)[-1]["content"]
    assert full.startswith(prefix_only)
    assert prefix_only == template.answer_prefix(encoder)
    if template.kind == "code-from-examples":
        assert prefix_only == CODE_PREFIX and full.endswith("```") and PROGRAM.strip() in full
    else:
        assert encoder.decode(full).shape[0] >= 1


def test_api_listing_only_in_the_version_that_asks_for_it():
    task = find_task("25ff71a9")
    encoder = parse_encoder(DEFAULT_ENCODER)
    with_listing = get_template("code-from-examples-v2").render(task, encoder, PROGRAM)[0]["content"]
    without = get_template("code-from-examples-v1").render(task, encoder, PROGRAM)[0]["content"]
    assert "find_objects(" in with_listing and "find_objects(" not in without


def test_unknown_template_lists_the_available_ones():
    with pytest.raises(PromptError, match="code-from-examples-v0.*output-from-code-v0"):
        get_template("code-from-examples-v9")


def test_code_templates_need_a_program():
    with pytest.raises(PromptError, match="needs a program"):
        get_template("output-from-code-v0").render(find_task("25ff71a9"), parse_encoder(DEFAULT_ENCODER))
