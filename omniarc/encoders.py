"""Grid encoders: the text a model reads and writes for a grid, and the strict parser that reads it back.

Every encoder has `encode(grid) -> str` and `decode(text) -> grid` and round-trips every valid ARC grid
exactly. Wrappers take an inner encoder, so formats compose. A composition is stored as a string such as
``GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder()))``: `parse_encoder` reads it over the
`ENCODERS` registry (a small parser, never `eval`) and `repr(encoder)` writes the same string back.

The formats, shown for the grid ``[[0, 1, 2], [3, 0, 5]]`` (``/`` stands for a line break)::

    MinimalGridEncoder()                        012 / 305
    GridWithSeparationEncoder('|')              0|1|2 / 3|0|5
    RowNumberEncoder(MinimalGridEncoder())      1 012 / 2 305
    GridCodeBlockEncoder(MinimalGridEncoder())  ```grid / 012 / 305 / ```
    GridShapeEncoder(MinimalGridEncoder())      ```grid shape: 2x3 / 012 / 305 / ```
    ReplaceNumberEncoder(MinimalGridEncoder())  .#@ / $.& (every digit replaced by its symbol)

Encoded text never ends with a line break. `decode` ignores blank lines before and after the grid (a
model often ends its answer with a newline) and is strict about everything else: a `GridDecodeError`
names the line (counted from 1 in the text given to `decode`), what was expected and what was found.

`opening` is the fixed text every encoding of an encoder starts with, whatever the grid. A prompt can
pre-fill the assistant's answer with it; the full answer is then ``encoder.opening + generated`` and is
what `decode` reads. For ``GridShapeEncoder`` the opening stops before the shape (``"```grid shape: "``),
since the shape depends on the answer; for ``MinimalGridEncoder`` it is empty.
"""

from __future__ import annotations

import ast
import re
from abc import ABC, abstractmethod
from typing import Any, ClassVar, NoReturn

import numpy as np

from omniarc.errors import OmniarcError
from omniarc.tasks import GRID_DTYPE, MAX_SIDE, to_grid

DEFAULT_ENCODER = "GridShapeEncoder(RowNumberEncoder(MinimalGridEncoder()))"

DIGITS = "0123456789"
# Ten ASCII punctuation characters. Each is a single token on its own (and after a space) in byte-level
# BPE vocabularies (GPT-2, Llama 3, Qwen, SmolLM hold every printable ASCII character); none is a letter,
# digit, space, backtick or colon (what the other encoders write); '.' for the background colour 0
# reads like ASCII art. Neighbouring symbols may merge into one token ("....", "=%"); an inner
# GridWithSeparationEncoder(' ') keeps one token per cell.
SYMBOLS = ".#@$%&*+=!"
_TO_SYMBOL = str.maketrans(DIGITS, SYMBOLS)
_FROM_SYMBOL = str.maketrans(SYMBOLS, DIGITS)
_DIGIT_RUN = re.compile(r"[0-9]+")
_INTEGER = re.compile(r"-?[0-9]+")
_FENCE = "```"
_SHAPE_HEADER = re.compile(r"```grid shape: ([0-9]+)x([0-9]+)")


class GridDecodeError(OmniarcError):
    """Text that is not a grid in the encoder's format; the message says where, what was expected and found.

    `line` counts from 1 in the decoded text; `cell` (1-based, within the row) or `column` (1-based
    character) narrows it down when known."""

    def __init__(
        self,
        expected: str,
        found: str,
        line: int | None = None,
        *,
        cell: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> None:
        self.expected, self.found, self.hint = expected, found, hint
        self.line, self.cell, self.column = line, cell, column
        places = (("line", line), ("cell", cell), ("column", column))
        where = ", ".join(f"{label} {value}" for label, value in places if value is not None)
        message = f"expected {expected}, found {found}" + (f" ({hint})" if hint else "")
        super().__init__(f"{where}: {message}" if where else message)


class EncoderSpecError(OmniarcError):
    """An encoder composition string that does not parse, names an unknown encoder or is not valid."""


def _clip(text: str, limit: int = 24) -> str:
    """`text` quoted for an error message, shortened when long."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _rows_to_grid(rows: list[list[int]], first: int) -> np.ndarray:
    """Check parsed rows of digits for a rectangular, in-bounds grid; return it as a read-only int8 array."""
    width = len(rows[0])
    for index, row in enumerate(rows):
        if len(row) != width:
            raise GridDecodeError(f"{width} cells like the first row", f"{len(row)}", first + index)
    if len(rows) > MAX_SIDE:
        raise GridDecodeError(f"at most {MAX_SIDE} rows", f"{len(rows)}", first + MAX_SIDE)
    if width > MAX_SIDE:
        raise GridDecodeError(f"at most {MAX_SIDE} cells per row", f"{width}", first)
    grid = np.array(rows, dtype=GRID_DTYPE)
    grid.setflags(write=False)
    return grid


def _digit_rows(grid: np.ndarray) -> list[str]:
    """Each row of a validated grid as its string of digits (one character code per cell, no str per cell)."""
    width = grid.shape[1]
    text = (grid.astype(np.uint8) + ord("0")).tobytes().decode("ascii")
    return [text[start : start + width] for start in range(0, len(text), width)]


class GridEncoder(ABC):
    """Turns a grid into text and back; each subclass is one format, wrappers compose an inner encoder."""

    parameters: ClassVar[tuple[str, ...]] = ()
    """What the composition string passes to the constructor, in order: "encoder" or "string"."""

    def encode(self, grid: Any) -> str:
        """The text of `grid` (anything `omniarc.tasks.to_grid` accepts) in this format."""
        return "\n".join(self._encode_lines(to_grid(grid)))

    def decode(self, text: str) -> np.ndarray:
        """Parse text written in this format back into a read-only int8 grid; GridDecodeError if it is not."""
        if not isinstance(text, str):
            raise GridDecodeError("text", type(text).__name__)
        lines = text.replace("\r\n", "\n").split("\n")
        start, end = 0, len(lines)
        while start < end and not lines[start].strip():
            start += 1
        while end > start and not lines[end - 1].strip():
            end -= 1
        if start == end:
            raise GridDecodeError("a grid", "empty text")
        return self._decode_lines(lines[start:end], start + 1)

    @property
    @abstractmethod
    def opening(self) -> str:
        """The fixed text that every encoding starts with, whatever the grid (may be empty)."""

    @property
    @abstractmethod
    def literal_chars(self) -> frozenset[str]:
        """Characters this format writes besides the digits of cells (used to check compositions)."""

    @abstractmethod
    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        """The lines of the text of a validated grid."""

    @abstractmethod
    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        """Parse lines (no blank ones at either end); `first` is the number of lines[0] in the full text."""

    @abstractmethod
    def __repr__(self) -> str:
        """The composition string that `parse_encoder` turns back into an equal encoder."""

    def __str__(self) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GridEncoder) and repr(self) == repr(other)

    def __hash__(self) -> int:
        return hash(repr(self))


class MinimalGridEncoder(GridEncoder):
    """One line per row, one digit per cell, no separators: ``012`` / ``305``."""

    opening = ""
    literal_chars = frozenset()

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        return _digit_rows(grid)

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        rows = []
        for index, line in enumerate(lines):
            if _DIGIT_RUN.fullmatch(line) is None:
                if not line:
                    raise GridDecodeError("a row of digits 0..9", "an empty line", first + index)
                cell, char = next((i, c) for i, c in enumerate(line, 1) if c not in DIGITS)
                raise GridDecodeError("a digit 0..9", repr(char), first + index, cell=cell)
            rows.append([ord(char) - 48 for char in line])
        return _rows_to_grid(rows, first)

    def __repr__(self) -> str:
        return "MinimalGridEncoder()"


class GridWithSeparationEncoder(GridEncoder):
    """One line per row, the cells' digits joined by `sep`: ``0|1|2`` / ``3|0|5`` for sep ``'|'``."""

    parameters = ("string",)
    opening = ""

    def __init__(self, sep: str) -> None:
        if not isinstance(sep, str) or not sep:
            raise EncoderSpecError(
                f"GridWithSeparationEncoder: the separator must be a non-empty string, got {sep!r}"
            )
        if any(char in DIGITS or char in "\r\n" for char in sep):
            raise EncoderSpecError(
                f"GridWithSeparationEncoder: the separator {sep!r} must not contain digits or line breaks"
            )
        self.sep = sep

    @property
    def literal_chars(self) -> frozenset[str]:
        return frozenset(self.sep)

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        return [self.sep.join(row) for row in _digit_rows(grid)]

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        rows = []
        for index, line in enumerate(lines):
            row = []
            for cell, text in enumerate(line.split(self.sep), 1):
                if len(text) == 1 and text in DIGITS:
                    row.append(ord(text) - 48)
                    continue
                if not text:
                    found = "an empty cell"
                elif _INTEGER.fullmatch(text) and not 0 <= int(text) <= 9:
                    found = f"{text} (outside 0..9)"
                else:
                    found = repr(text)
                raise GridDecodeError(
                    f"a digit 0..9 between {self.sep!r} separators", found, first + index, cell=cell
                )
            rows.append(row)
        return _rows_to_grid(rows, first)

    def __repr__(self) -> str:
        return f"GridWithSeparationEncoder({self.sep!r})"


class _WrapperEncoder(GridEncoder):
    """An encoder that adds structure around the text of an inner encoder."""

    parameters = ("encoder",)

    def __init__(self, inner: GridEncoder) -> None:
        if not isinstance(inner, GridEncoder):
            raise TypeError(f"{type(self).__name__}: the inner encoder must be a GridEncoder, got {inner!r}")
        self.inner = inner

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r})"


class RowNumberEncoder(_WrapperEncoder):
    """Each line of the inner text prefixed by its 1-based number and a space: ``1 012`` / ``2 305``.

    With a row-per-line inner encoder (minimal or separated) the numbers are the row numbers."""

    @property
    def opening(self) -> str:
        return "1 " + self.inner.opening

    @property
    def literal_chars(self) -> frozenset[str]:
        return self.inner.literal_chars | {" "}

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        return [f"{number} {line}" for number, line in enumerate(self.inner._encode_lines(grid), 1)]

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        stripped = []
        for number, line in enumerate(lines, 1):
            prefix = f"{number} "
            if not line.startswith(prefix):
                raise GridDecodeError(f"row number {number} and a space", _clip(line), first + number - 1)
            stripped.append(line[len(prefix) :])
        return self.inner._decode_lines(stripped, first)


def _fence_body(lines: list[str], first: int, header: str) -> list[str]:
    """The lines between a header line and a closing fence line, checking that the closing fence is there."""
    if len(lines) == 1:
        raise GridDecodeError(f"rows after the {header} line", "the end of the text", first + 1)
    if lines[-1] != _FENCE:
        raise GridDecodeError(
            f"a closing {_FENCE} line after the rows", _clip(lines[-1]), first + len(lines) - 1
        )
    if len(lines) == 2:
        raise GridDecodeError(f"rows after the {header} line", f"the closing {_FENCE}", first + 1)
    return lines[1:-1]


class GridCodeBlockEncoder(_WrapperEncoder):
    """The inner text in a fenced block tagged grid: a line "```grid", the inner lines, a line "```"."""

    @property
    def opening(self) -> str:
        return f"{_FENCE}grid\n" + self.inner.opening

    @property
    def literal_chars(self) -> frozenset[str]:
        return self.inner.literal_chars | frozenset(f"{_FENCE}grid\n")

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        return [f"{_FENCE}grid", *self.inner._encode_lines(grid), _FENCE]

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        if lines[0] != f"{_FENCE}grid":
            raise GridDecodeError(f"the opening fence '{_FENCE}grid'", _clip(lines[0]), first)
        return self.inner._decode_lines(_fence_body(lines, first, f"'{_FENCE}grid'"), first + 1)


class GridShapeEncoder(_WrapperEncoder):
    """The inner text in a fenced block whose header states the shape as rows x columns.

    A line "```grid shape: 2x3", the inner lines, a line "```". Decoding checks the grid against the
    declared shape. The opening is "```grid shape: " since the shape itself is part of the answer."""

    opening = f"{_FENCE}grid shape: "

    @property
    def literal_chars(self) -> frozenset[str]:
        return self.inner.literal_chars | frozenset(f"{_FENCE}grid shape: x\n")

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        height, width = grid.shape
        return [f"{self.opening}{height}x{width}", *self.inner._encode_lines(grid), _FENCE]

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        match = _SHAPE_HEADER.fullmatch(lines[0])
        if match is None or lines[0] != f"{self.opening}{int(match[1])}x{int(match[2])}":
            raise GridDecodeError(f"a header like '{self.opening}2x3'", _clip(lines[0]), first)
        height, width = int(match[1]), int(match[2])
        if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE):
            raise GridDecodeError(
                f"a shape between 1x1 and {MAX_SIDE}x{MAX_SIDE} in the header", f"{height}x{width}", first
            )
        body = _fence_body(lines, first, "header")
        grid = self.inner._decode_lines(body, first + 1)
        if grid.shape != (height, width):
            found = f"{grid.shape[0]}x{grid.shape[1]} (lines {first + 1}-{first + len(body)})"
            raise GridDecodeError(f"a {height}x{width} grid as the header declares", found, first)
        return grid


class ReplaceNumberEncoder(_WrapperEncoder):
    """The inner text with every digit 0..9 replaced by one of ten symbols (`SYMBOLS`, ``.#@$%&*+=!``).

    Every digit is replaced, row numbers and shape headers included, so the text holds no digit at all.
    The inner format must not itself write any of the symbols (checked on construction)."""

    def __init__(self, inner: GridEncoder) -> None:
        super().__init__(inner)
        clashes = sorted(set(SYMBOLS) & inner.literal_chars)
        if clashes:
            raise EncoderSpecError(
                f"ReplaceNumberEncoder: the inner encoder {inner!r} writes {''.join(clashes)!r}, "
                f"but here {SYMBOLS!r} stand for the digits 0..9, so the text could not be read back"
            )

    @property
    def opening(self) -> str:
        return self.inner.opening.translate(_TO_SYMBOL)

    @property
    def literal_chars(self) -> frozenset[str]:
        return self.inner.literal_chars | frozenset(SYMBOLS)

    def _encode_lines(self, grid: np.ndarray) -> list[str]:
        return [line.translate(_TO_SYMBOL) for line in self.inner._encode_lines(grid)]

    def _decode_lines(self, lines: list[str], first: int) -> np.ndarray:
        hint = f"digits 0..9 are written as {' '.join(SYMBOLS)}"
        for index, line in enumerate(lines):
            column = next((column for column, char in enumerate(line, 1) if char in DIGITS), None)
            if column is not None:
                raise GridDecodeError(
                    "symbols, not digits", repr(line[column - 1]), first + index, column=column, hint=hint
                )
        try:
            return self.inner._decode_lines([line.translate(_FROM_SYMBOL) for line in lines], first)
        except GridDecodeError as error:
            # Quoted excerpts of the text are shown as written (symbols); counts and shapes stay numbers.
            found = error.found.translate(_TO_SYMBOL) if error.found[:1] in "'\"" else error.found
            raise GridDecodeError(
                error.expected, found, error.line, cell=error.cell, column=error.column, hint=hint
            ) from None


ENCODERS: dict[str, type[GridEncoder]] = {
    cls.__name__: cls
    for cls in (
        MinimalGridEncoder,
        GridWithSeparationEncoder,
        RowNumberEncoder,
        GridShapeEncoder,
        GridCodeBlockEncoder,
        ReplaceNumberEncoder,
    )
}

_TOKEN = re.compile(
    r"""\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")|(?P<punct>[(),]))"""
)

_ARGUMENT_WORDS = {"encoder": "an inner encoder", "string": "a quoted string"}


class _SpecParser:
    """Recursive-descent parser for ``Name(arg, ...)`` where an argument is an encoder or a quoted string."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        position = 0
        while text[position:].strip():
            match = _TOKEN.match(text, position)
            if match is None:
                start = len(text) - len(text[position:].lstrip())
                self.fail(f"unexpected character {text[start]!r}", start)
            kind = match.lastgroup or ""
            self.tokens.append((kind, match[kind], match.start(kind)))
            position = match.end()
        self.index = 0

    def fail(self, problem: str, position: int | None = None) -> NoReturn:
        """Raise an EncoderSpecError that quotes the spec and the position of the problem."""
        where = "at the end" if position is None or position >= len(self.text) else f"at position {position}"
        raise EncoderSpecError(f"encoder spec {self.text!r}, {where}: {problem}")

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def expect(self, value: str) -> None:
        token = self.peek()
        if token is None or token[1] != value:
            self.fail(
                f"expected {value!r}, found {'nothing' if token is None else repr(token[1])}",
                None if token is None else token[2],
            )
        self.index += 1

    def parse(self) -> GridEncoder:
        encoder = self.encoder()
        token = self.peek()
        if token is not None:
            self.fail(f"unexpected {token[1]!r} after the encoder", token[2])
        return encoder

    def encoder(self) -> GridEncoder:
        token = self.peek()
        if token is None or token[0] != "name":
            self.fail(
                f"expected an encoder name, found {'nothing' if token is None else repr(token[1])}",
                None if token is None else token[2],
            )
        name, position = token[1], token[2]
        cls = ENCODERS.get(name)
        if cls is None:
            self.fail(f"unknown encoder {name!r} (known: {', '.join(sorted(ENCODERS))})", position)
        self.index += 1
        self.expect("(")
        args: list[Any] = []
        while (token := self.peek()) is not None and token[1] != ")":
            if args:
                self.expect(",")
                token = self.peek()
            if token is not None and token[0] == "string":
                args.append(ast.literal_eval(token[1]))
                self.index += 1
            else:
                args.append(self.encoder())
        self.expect(")")
        kinds = tuple("encoder" if isinstance(arg, GridEncoder) else "string" for arg in args)
        if kinds != cls.parameters:
            wanted = ", ".join(_ARGUMENT_WORDS[kind] for kind in cls.parameters) or "no arguments"
            given = ", ".join(_ARGUMENT_WORDS[kind] for kind in kinds) or "none"
            self.fail(f"{name} takes {wanted}, got {given}", position)
        try:
            return cls(*args)
        except EncoderSpecError as error:
            self.fail(str(error), position)


def parse_encoder(spec: str | GridEncoder) -> GridEncoder:
    """The encoder a composition string describes (e.g. `DEFAULT_ENCODER`); an encoder is returned as is.

    Raises EncoderSpecError naming the problem and its position; an unknown name lists the known ones."""
    if isinstance(spec, GridEncoder):
        return spec
    if not isinstance(spec, str):
        raise EncoderSpecError(f"an encoder spec must be a string, got {type(spec).__name__}")
    return _SpecParser(spec).parse()
