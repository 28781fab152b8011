"""omniarc.dsl: the primitives ARC programs are written in.

Grids are 2-D numpy arrays of colours 0..9 indexed ``[row, col]``; every primitive accepts an array or a
list of lists, never modifies its input, and returns a new int8 array. Boxes are (top, left, bottom,
right) with bottom/right EXCLUSIVE. Object lists are in reading order (top, then left).
"""

from __future__ import annotations

import inspect
from enum import EnumMeta

from . import color, draw, geometry, grid, objects, patterns
from .color import *  # noqa: F403
from .draw import *  # noqa: F403
from .geometry import *  # noqa: F403
from .grid import *  # noqa: F403
from .objects import *  # noqa: F403
from .patterns import *  # noqa: F403

_MODULES = (grid, geometry, color, objects, draw, patterns)

__all__ = [name for module in _MODULES for name in module.__all__] + ["api_listing"]


def _first_line(value: object) -> str:
    doc = (inspect.getdoc(value) or "").strip()
    return doc.splitlines()[0].replace("``", "") if doc else ""


def _annotation(annotation: object) -> str:
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def _signature(function: object, *, skip_self: bool = False) -> str:
    """Render a signature with annotations unquoted and defaults as Python literals."""
    signature = inspect.signature(function)
    parts, keyword_only_marked = [], False
    for parameter in signature.parameters.values():
        if skip_self and parameter.name == "self":
            continue
        if parameter.kind is parameter.KEYWORD_ONLY and not keyword_only_marked:
            parts.append("*")
            keyword_only_marked = True
        text = parameter.name
        if parameter.annotation is not parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        parts.append(text)
    result = f"({', '.join(parts)})"
    returns = signature.return_annotation
    if returns is not signature.empty and returns not in ("None", None):
        result += f" -> {_annotation(returns)}"
    return result


def _class_lines(name: str, cls: type) -> list[str]:
    if isinstance(cls, EnumMeta):
        members = ", ".join(f"{member.name}={member.value}" for member in cls)
        return [f"class {name}(IntEnum): {members}  # {_first_line(cls)}"]
    lines = [f"class {name}{_signature(cls)}  # {_first_line(cls)}"]
    for member_name, member in vars(cls).items():
        if member_name.startswith("_"):
            continue
        if isinstance(member, property):
            annotation = _annotation(inspect.signature(member.fget).return_annotation)
            lines.append(f"    .{member_name} -> {annotation}  # {_first_line(member)}")
        elif callable(member):
            lines.append(f"    .{member_name}{_signature(member, skip_self=True)}  # {_first_line(member)}")
    return lines


def api_listing() -> str:
    """Return one line per public name (signature and one-line docstring), grouped by module, for prompts."""
    lines = [
        "# omniarc.dsl: grids are 2-D int arrays [row, col] of colours 0..9; GridLike = numpy array or",
        "# list of lists; every function returns a NEW int8 array. Boxes are (top, left, bottom, right),",
        "# bottom/right exclusive. Object lists are in reading order (top, then left).",
    ]
    for module in (*_MODULES, None):
        names = module.__all__ if module is not None else ["api_listing"]
        lines.append(f"## {module.__name__.rsplit('.', 1)[1] if module is not None else 'listing'}")
        for name in names:
            value = globals()[name]
            if isinstance(value, type):
                lines.extend(_class_lines(name, value))
            elif callable(value):
                lines.append(f"{name}{_signature(value)}  # {_first_line(value)}")
            elif isinstance(value, int):
                lines.append(f"{name} = {int(value)}")
            else:
                lines.append(f"{name} = {value!r}")
    return "\n".join(lines)
