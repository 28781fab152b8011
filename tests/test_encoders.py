"""Grid encoders on real ARC grids: exact round trips, pinned formats, strict decoding, the spec parser."""

import numpy as np
import pytest

from omniarc.datasets import find_task, load_tasks
from omniarc.encoders import (
    DEFAULT_ENCODER,
    ENCODERS,
    SYMBOLS,
    EncoderSpecError,
    GridCodeBlockEncoder,
    GridDecodeError,
    GridShapeEncoder,
    GridWithSeparationEncoder,
    MinimalGridEncoder,
    ReplaceNumberEncoder,
    RowNumberEncoder,
    parse_encoder,
)
from omniarc.errors import OmniarcError
from omniarc.tasks import TaskFormatError

ROUND_TRIP_SPECS = [
    "MinimalGridEncoder()",
    "GridWithSeparationEncoder('|')",
    "GridWithSeparationEncoder(' ')",
    "GridWithSeparationEncoder(', ')",
    "RowNumberEncoder(MinimalGridEncoder())",
    "GridShapeEncoder(MinimalGridEncoder())",
    "GridCodeBlockEncoder(MinimalGridEncoder())",
    "ReplaceNumberEncoder(MinimalGridEncoder())",
    DEFAULT_ENCODER,
    "GridCodeBlockEncoder(ReplaceNumberEncoder(GridShapeEncoder(RowNumberEncoder("
    "GridWithSeparationEncoder(' ')))))",
]


@pytest.fixture(scope="module")
def arc1_grids() -> list[np.ndarray]:
    """Every distinct grid of ARC-AGI-1 (training and evaluation; inputs and outputs, train and test)."""
    grids = {}
    for split in ("arc-agi-1/training", "arc-agi-1/evaluation"):
        for task in load_tasks(split):
            for example in task.examples:
                for grid in (example.input, example.output):
                    grids[(grid.shape, grid.tobytes())] = grid
    return list(grids.values())


@pytest.fixture(scope="module")
def small_grid() -> np.ndarray:
    """A real 2x3 grid with four colours: training task 49d1d64f, train pair 2, input."""
    grid = find_task("49d1d64f").train[1].input
    assert grid.tolist() == [[1, 8, 4], [8, 3, 8]]
    return grid


@pytest.mark.parametrize("spec", ROUND_TRIP_SPECS)
def test_every_arc1_grid_round_trips(spec, arc1_grids):
    encoder = parse_encoder(spec)
    assert len(arc1_grids) > 5000
    for grid in arc1_grids:
        text = encoder.encode(grid)
        assert text.startswith(encoder.opening)
        decoded = encoder.decode(text)
        assert decoded.dtype == np.int8 and not decoded.flags.writeable
        np.testing.assert_array_equal(decoded, grid)


def test_default_encoder_round_trips_with_a_trailing_newline_and_crlf(arc1_grids):
    encoder = parse_encoder(DEFAULT_ENCODER)
    for grid in arc1_grids[:200]:
        text = encoder.encode(grid)
        np.testing.assert_array_equal(encoder.decode(text + "\n"), grid)
        np.testing.assert_array_equal(encoder.decode("\n" + text.replace("\n", "\r\n") + "\r\n"), grid)


def test_replace_number_text_holds_no_digit(arc1_grids):
    encoder = parse_encoder("ReplaceNumberEncoder(GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder())))")
    for grid in arc1_grids[:300]:
        assert not any(char.isdigit() for char in encoder.encode(grid))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("MinimalGridEncoder()", "184\n838"),
        ("GridWithSeparationEncoder('|')", "1|8|4\n8|3|8"),
        ("GridWithSeparationEncoder(' ')", "1 8 4\n8 3 8"),
        ("RowNumberEncoder(MinimalGridEncoder())", "1 184\n2 838"),
        ("GridShapeEncoder(MinimalGridEncoder())", "```grid shape: 2x3\n184\n838\n```"),
        ("GridCodeBlockEncoder(MinimalGridEncoder())", "```grid\n184\n838\n```"),
        ("ReplaceNumberEncoder(MinimalGridEncoder())", "#=%\n=$="),
        (DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n2 838\n```"),
        (
            "ReplaceNumberEncoder(GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder())))",
            "```grid shape: @x$\n# #=%\n@ =$=\n```",
        ),
    ],
)
def test_exact_text_of_a_real_grid(spec, expected, small_grid):
    assert parse_encoder(spec).encode(small_grid) == expected


def test_row_numbers_have_no_padding():
    grid = find_task("3631a71a").train[0].input  # 30x30
    lines = parse_encoder("RowNumberEncoder(MinimalGridEncoder())").encode(grid).split("\n")
    assert [line.split(" ")[0] for line in lines] == [str(number) for number in range(1, 31)]


@pytest.mark.parametrize(
    ("spec", "opening"),
    [
        ("MinimalGridEncoder()", ""),
        ("GridWithSeparationEncoder('|')", ""),
        ("RowNumberEncoder(MinimalGridEncoder())", "1 "),
        ("GridCodeBlockEncoder(MinimalGridEncoder())", "```grid\n"),
        ("GridCodeBlockEncoder(RowNumberEncoder(MinimalGridEncoder()))", "```grid\n1 "),
        ("GridShapeEncoder(MinimalGridEncoder())", "```grid shape: "),
        (DEFAULT_ENCODER, "```grid shape: "),
        ("ReplaceNumberEncoder(RowNumberEncoder(MinimalGridEncoder()))", "# "),
    ],
)
def test_opening_is_the_fixed_prefix_of_every_answer(spec, opening, arc1_grids):
    encoder = parse_encoder(spec)
    assert encoder.opening == opening
    for grid in arc1_grids[:100]:
        text = encoder.encode(grid)
        assert text.startswith(opening)
        generated = text[len(opening) :]  # what a model writes after a pre-filled opening
        np.testing.assert_array_equal(encoder.decode(encoder.opening + generated), grid)


# Strict decoding ------------------------------------------------------------------------------------


def decode_error(spec: str, text: str) -> GridDecodeError:
    with pytest.raises(GridDecodeError) as caught:
        parse_encoder(spec).decode(text)
    return caught.value


def test_shape_header_that_disagrees_with_the_rows():
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 3x3\n1 184\n2 838\n```")
    assert str(error) == "line 1: expected a 3x3 grid as the header declares, found 2x3 (lines 2-3)"
    assert error.line == 1
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x2\n1 184\n2 838\n```")
    assert "expected a 2x2 grid" in str(error) and "found 2x3" in str(error)


def test_shape_header_out_of_bounds_and_malformed():
    assert str(decode_error(DEFAULT_ENCODER, "```grid shape: 0x3\n1 184\n```")) == (
        "line 1: expected a shape between 1x1 and 30x30 in the header, found 0x3"
    )
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 02x3\n1 184\n2 838\n```")
    assert str(error) == "line 1: expected a header like '```grid shape: 2x3', found '```grid shape: 02x3'"
    error = decode_error(DEFAULT_ENCODER, "```grid size: 2x3\n1 184\n2 838\n```")
    assert str(error) == "line 1: expected a header like '```grid shape: 2x3', found '```grid size: 2x3'"


def test_ragged_rows():
    error = decode_error("MinimalGridEncoder()", "184\n83\n838")
    assert str(error) == "line 2: expected 3 cells like the first row, found 2"
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n2 8383\n```")
    assert str(error) == "line 3: expected 3 cells like the first row, found 4"


def test_wrong_row_number():
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n3 838\n```")
    assert str(error) == "line 3: expected row number 2 and a space, found '3 838'"
    assert error.line == 3 and error.expected == "row number 2 and a space"
    error = decode_error("RowNumberEncoder(MinimalGridEncoder())", "1184\n2 838")
    assert str(error) == "line 1: expected row number 1 and a space, found '1184'"


def test_non_digit_cell():
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n2 8x8\n```")
    assert str(error) == "line 3, cell 2: expected a digit 0..9, found 'x'"
    assert (error.line, error.cell) == (3, 2)
    error = decode_error("GridWithSeparationEncoder('|')", "1|8|4\n8|a|8")
    assert str(error) == "line 2, cell 2: expected a digit 0..9 between '|' separators, found 'a'"
    error = decode_error("GridWithSeparationEncoder('|')", "1|8|4\n8||8")
    assert str(error) == "line 2, cell 2: expected a digit 0..9 between '|' separators, found an empty cell"


def test_values_outside_0_to_9():
    error = decode_error("GridWithSeparationEncoder(' ')", "1 8 4\n8 12 8")
    assert (
        str(error) == "line 2, cell 2: expected a digit 0..9 between ' ' separators, found 12 (outside 0..9)"
    )
    error = decode_error("GridWithSeparationEncoder(',')", "1,-1,4")
    assert (
        str(error) == "line 1, cell 2: expected a digit 0..9 between ',' separators, found -1 (outside 0..9)"
    )


def test_missing_or_wrong_fences():
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n2 838")
    assert str(error) == "line 3: expected a closing ``` line after the rows, found '2 838'"
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3")
    assert str(error) == "line 2: expected rows after the header line, found the end of the text"
    error = decode_error("GridCodeBlockEncoder(MinimalGridEncoder())", "184\n838\n```")
    assert str(error) == "line 1: expected the opening fence '```grid', found '184'"
    error = decode_error("GridCodeBlockEncoder(MinimalGridEncoder())", "```grid\n```")
    assert str(error) == "line 2: expected rows after the '```grid' line, found the closing ```"
    error = decode_error(DEFAULT_ENCODER, "```grid shape: 2x3\n1 184\n2 838\n```\nDone.")
    assert str(error) == "line 5: expected a closing ``` line after the rows, found 'Done.'"


def test_line_numbers_count_leading_blank_lines():
    error = decode_error(DEFAULT_ENCODER, "\n\n```grid shape: 2x3\n1 184\n2 8x8\n```\n")
    assert error.line == 5


def test_empty_and_non_text_input():
    assert str(decode_error("MinimalGridEncoder()", " \n\n")) == "expected a grid, found empty text"
    assert str(decode_error("MinimalGridEncoder()", None)) == "expected text, found NoneType"
    assert str(decode_error("MinimalGridEncoder()", "184\n\n838")) == (
        "line 2: expected a row of digits 0..9, found an empty line"
    )


def test_too_many_rows_or_columns():
    assert str(decode_error("MinimalGridEncoder()", "\n".join(["0"] * 31))) == (
        "line 31: expected at most 30 rows, found 31"
    )
    assert (
        str(decode_error("MinimalGridEncoder()", "0" * 31))
        == "line 1: expected at most 30 cells per row, found 31"
    )


def test_replace_number_decoding_names_symbols():
    spec = "ReplaceNumberEncoder(RowNumberEncoder(MinimalGridEncoder()))"
    error = decode_error(spec, "# #=%\n@ =3=")
    assert str(error) == (
        "line 2, column 4: expected symbols, not digits, found '3' "
        "(digits 0..9 are written as . # @ $ % & * + = !)"
    )
    error = decode_error(spec, "# #=%\n$ =$=")
    assert str(error).startswith("line 2: expected row number 2 and a space, found '$ =$='")
    error = decode_error(spec, "# #=%\n@ =x=")
    assert str(error).startswith("line 2, cell 2: expected a digit 0..9, found 'x'")


def test_errors_are_value_errors_of_the_omniarc_family():
    error = decode_error("MinimalGridEncoder()", "1x")
    assert isinstance(error, ValueError) and isinstance(error, OmniarcError)


def test_encode_validates_its_grid():
    with pytest.raises(TaskFormatError, match="colour 12"):
        MinimalGridEncoder().encode([[1, 12]])
    with pytest.raises(TaskFormatError, match="ragged"):
        MinimalGridEncoder().encode([[1, 2], [3]])


# Composition strings ---------------------------------------------------------------------------------


def test_registry_holds_the_six_encoders():
    assert set(ENCODERS) == {
        "MinimalGridEncoder",
        "GridWithSeparationEncoder",
        "RowNumberEncoder",
        "GridShapeEncoder",
        "GridCodeBlockEncoder",
        "ReplaceNumberEncoder",
    }


def test_nested_spec_builds_the_composition_and_repr_gives_it_back():
    encoder = parse_encoder(DEFAULT_ENCODER)
    assert encoder == GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder()))
    assert isinstance(encoder, GridShapeEncoder)
    assert isinstance(encoder.inner, RowNumberEncoder) and isinstance(encoder.inner.inner, MinimalGridEncoder)
    assert repr(encoder) == str(encoder) == DEFAULT_ENCODER


@pytest.mark.parametrize(
    "spec", [*ROUND_TRIP_SPECS, 'GridWithSeparationEncoder("\'")', r"GridWithSeparationEncoder('\t')"]
)
def test_repr_parses_back_to_an_equal_encoder(spec):
    encoder = parse_encoder(spec)
    assert parse_encoder(repr(encoder)) == encoder
    assert hash(parse_encoder(repr(encoder))) == hash(encoder)


def test_string_arguments_and_whitespace():
    encoder = parse_encoder(
        '  GridShapeEncoder (\n  RowNumberEncoder( GridWithSeparationEncoder( ", " ) ) )  '
    )
    assert encoder == GridShapeEncoder(RowNumberEncoder(GridWithSeparationEncoder(", ")))
    assert repr(encoder) == "GridShapeEncoder(RowNumberEncoder(GridWithSeparationEncoder(', ')))"
    assert parse_encoder(r"GridWithSeparationEncoder('\'')").sep == "'"
    assert parse_encoder(encoder) is encoder


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(EncoderSpecError) as caught:
        parse_encoder("GridShapeEncoder(MinimalEncoder())")
    message = str(caught.value)
    assert "unknown encoder 'MinimalEncoder'" in message and "at position 17" in message
    for name in ENCODERS:
        assert name in message


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "at the end: expected an encoder name, found nothing"),
        ("MinimalGridEncoder", "at the end: expected '(', found nothing"),
        ("MinimalGridEncoder(", "at the end: expected ')', found nothing"),
        ("GridShapeEncoder(MinimalGridEncoder()", "at the end: expected ')', found nothing"),
        ("MinimalGridEncoder())", "at position 20: unexpected ')' after the encoder"),
        ("MinimalGridEncoder() MinimalGridEncoder()", "at position 21: unexpected 'MinimalGridEncoder'"),
        ("GridShapeEncoder()", "GridShapeEncoder takes an inner encoder, got none"),
        ("MinimalGridEncoder('|')", "MinimalGridEncoder takes no arguments, got a quoted string"),
        ("GridWithSeparationEncoder(MinimalGridEncoder())", "takes a quoted string, got an inner encoder"),
        (
            "GridShapeEncoder(MinimalGridEncoder(), MinimalGridEncoder())",
            "got an inner encoder, an inner encoder",
        ),
        ("GridShapeEncoder(MinimalGridEncoder(),)", "at position 38: expected an encoder name, found ')'"),
        ("GridWithSeparationEncoder('|)", 'at position 26: unexpected character "\'"'),
        ("GridWithSeparationEncoder(|)", "at position 26: unexpected character '|'"),
        ("__import__('os')", "unknown encoder '__import__'"),
        ("GridWithSeparationEncoder('')", "the separator must be a non-empty string"),
        ("GridWithSeparationEncoder('1')", "the separator '1' must not contain digits or line breaks"),
        ("GridWithSeparationEncoder('\\n')", "must not contain digits or line breaks"),
        ("ReplaceNumberEncoder(GridWithSeparationEncoder('.'))", "writes '.'"),
        ("ReplaceNumberEncoder(ReplaceNumberEncoder(MinimalGridEncoder()))", "could not be read back"),
    ],
)
def test_malformed_specs_raise_a_clear_error(spec, message):
    with pytest.raises(EncoderSpecError) as caught:
        parse_encoder(spec)
    assert message in str(caught.value)
    assert repr(spec) in str(caught.value)


def test_wrappers_reject_a_non_encoder_inner():
    with pytest.raises(TypeError, match="must be a GridEncoder"):
        RowNumberEncoder("MinimalGridEncoder()")


def test_symbols_are_ten_distinct_non_alphanumeric_characters():
    assert len(SYMBOLS) == len(set(SYMBOLS)) == 10
    assert not any(char.isalnum() or char.isspace() or char in "`:" for char in SYMBOLS)
    assert ReplaceNumberEncoder(GridCodeBlockEncoder(MinimalGridEncoder())).opening == "```grid\n"
