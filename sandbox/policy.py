"""The policy layer of the sandbox: restricted compilation, guards, facades and the program namespace.

A program is compiled with RestrictedPython plus a stricter node policy (no classes, no attribute writes,
imports only from an allowlist), and runs in a namespace that holds no module object: ``np``, ``math``,
``itertools``, ``collections``, ``functools`` and ``omniarc.dsl`` are *facades*, read-only objects that
carry only allowlisted members. Every attribute access goes through ``guarded_getattr``, which refuses
underscore names, I/O and memory-view attributes, frame and code objects, and any value that is a
module. This layer alone is not a sandbox (numpy and CPython are large); the process layer
(`omniarc.sandbox.protect`) backs it up.
"""

from __future__ import annotations

import ast
import builtins
import collections
import contextlib
import functools
import itertools
import math
import operator
import re
import string
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import numpy as np
import omniarc.dsl as dsl
from RestrictedPython import compile_restricted_exec
from RestrictedPython.transformer import (
    FORBIDDEN_FUNC_NAMES,
    INSPECT_ATTRIBUTES,
    IOPERATOR_TO_STR,
    RestrictingNodeTransformer,
)

from .protocol import MAX_PRINTED_CHARS

PROGRAM_FILENAME = "<program>"
ALLOWED_IMPORTS = ("numpy", "math", "itertools", "collections", "functools", "omniarc.dsl")

# Attributes refused on every object: I/O, raw memory, module-like chains, introspection of frames.
REFUSED_ATTRIBUTES = (
    frozenset(
        """
        tofile dump dumps save savez savez_compressed savetxt load loads fromfile genfromtxt loadtxt fromregex
        memmap frombuffer fromstring ctypes ctypeslib data base view getfield setfield lib ma f2py testing
        distutils core char rec random os sys subprocess builtins system popen spawn exec eval compile open
        globals locals vars mro func_globals func_code im_func im_self gi_running f_lasti f_lineno tb_lasti
        tb_lineno co_consts co_names co_varnames co_filename
        """.split()
    )
    | INSPECT_ATTRIBUTES
)
FORMAT_ATTRIBUTES = frozenset({"format", "format_map"})
REFUSED_VALUE_TYPES = (
    types.ModuleType,
    types.FrameType,
    types.CodeType,
    types.TracebackType,
    types.CellType,
)
REFUSED_BUILTINS = frozenset(
    {builtins.open, builtins.eval, builtins.exec, builtins.compile, builtins.__import__, builtins.globals,
     builtins.locals, builtins.vars, builtins.breakpoint, builtins.input, builtins.setattr,
     builtins.delattr, builtins.getattr}
)  # fmt: skip

NUMPY_NAMES = """
array asarray asanyarray ascontiguousarray copy zeros ones full empty zeros_like ones_like full_like
empty_like arange linspace eye identity diag diagonal diagflat tri tril triu meshgrid indices fromfunction
reshape ravel transpose swapaxes moveaxis squeeze expand_dims atleast_1d atleast_2d atleast_3d broadcast_to
broadcast_arrays concatenate concat stack vstack hstack dstack column_stack block split array_split hsplit
vsplit dsplit tile repeat pad flip fliplr flipud rot90 roll resize append insert delete trim_zeros unstack
add subtract multiply divide true_divide floor_divide mod remainder fmod divmod power abs absolute fabs
negative positive sign minimum maximum fmin fmax clip sum prod cumsum cumprod diff ediff1d mean average
median std var min max amin amax ptp round around floor ceil rint trunc fix sqrt square cbrt exp exp2 log
log2 log10 log1p expm1 sin cos tan arcsin arccos arctan arctan2 hypot sinh cosh tanh degrees radians
deg2rad rad2deg dot vdot matmul outer inner kron tensordot einsum trace convolve correlate gcd lcm bincount
histogram histogram2d digitize interp cross logical_and logical_or logical_not logical_xor all any equal
not_equal greater greater_equal less less_equal isin isclose allclose array_equal array_equiv where nonzero
argwhere flatnonzero count_nonzero isnan isfinite isinf isscalar nan_to_num bitwise_and bitwise_or
bitwise_xor bitwise_not bitwise_invert invert left_shift right_shift bitwise_left_shift bitwise_right_shift
sort argsort lexsort argmax argmin searchsorted unique unique_counts unique_values unique_inverse unique_all
partition argpartition nanmax nanmin nansum nanmean nanargmax nanargmin union1d intersect1d setdiff1d
setxor1d take take_along_axis put put_along_axis place putmask choose select compress extract ix_
ravel_multi_index unravel_index diag_indices diag_indices_from tril_indices triu_indices tril_indices_from
triu_indices_from fill_diagonal ndindex ndenumerate copyto shape size ndim vectorize frompyfunc
apply_along_axis apply_over_axes iinfo finfo issubdtype result_type can_cast promote_types array2string
array_repr array_str int8 int16 int32 int64 uint8 uint16 uint32 uint64 intp uintp int_ uint float16 float32
float64 double bool_ bool integer signedinteger unsignedinteger floating number generic dtype pi e inf nan
newaxis euler_gamma
""".split()
FUNCTOOLS_NAMES = ("reduce", "partial", "lru_cache", "cache", "cmp_to_key")
COLLECTIONS_NAMES = ("Counter", "defaultdict", "deque", "OrderedDict", "ChainMap")
SAFE_BUILTIN_NAMES = """
abs all any bin bool callable chr complex dict divmod enumerate filter float frozenset hash hex id int
isinstance issubclass iter len list map max min next oct ord pow range repr reversed round set slice sorted
str sum tuple zip hasattr Ellipsis NotImplemented ArithmeticError AssertionError AttributeError Exception
IndexError KeyError LookupError NameError NotImplementedError OverflowError RecursionError RuntimeError
StopIteration TypeError ValueError ZeroDivisionError
""".split()


class PolicyViolation(BaseException):
    """A program did something the policy refuses (a BaseException: `except Exception` cannot hide it)."""


class CompileError(Exception):
    """A program that cannot be compiled: `kind` is "syntax" (not valid Python) or "policy" (refused)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class RunState:
    """Per-worker state the guards share: the first policy violation of the current run and printed text."""

    __slots__ = ("violation", "printed", "printed_chars", "dropped_chars")

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the previous program's violation and printed text."""
        self.violation: str | None = None
        self.printed: list[str] = []
        self.printed_chars = 0
        self.dropped_chars = 0

    def refuse(self, message: str) -> NoReturn:
        """Record a violation (it sticks even if the program catches the exception) and raise it."""
        if self.violation is None:
            self.violation = message
        raise PolicyViolation(message)

    def write(self, text: str) -> None:
        """Keep printed text up to MAX_PRINTED_CHARS; count the rest."""
        room = MAX_PRINTED_CHARS - self.printed_chars
        if room > 0:
            self.printed.append(text[:room])
            self.printed_chars += min(room, len(text))
        self.dropped_chars += max(0, len(text) - max(room, 0))

    def printed_text(self) -> str:
        """The kept printed text, with a note when some was dropped."""
        text = "".join(self.printed)
        if self.dropped_chars:
            text += f"\n[... {self.dropped_chars} more characters dropped]"
        return text


# ---------------------------------------------------------------------------------------------------------
# Compilation


# Leaf nodes whose RestrictedPython visitors only recurse into nothing: skipping them changes no result.
_INERT_NODES = frozenset(
    cls
    for base in (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
    for cls in base.__subclasses__()
) | {ast.Constant}


# Names RestrictedPython's visit_Name treats specially (rewritten or refused).
_SPECIAL_NAMES = frozenset({"print", "printed"}) | frozenset(FORBIDDEN_FUNC_NAMES)


def _children(node: Any) -> list[Any]:
    children = []
    for name in node._fields:
        value = getattr(node, name, None)
        if type(value) is list:
            children.extend(value)
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


def _put_back(node: Any, saved: dict[int, ast.AST], found: set[int], old: set[int]) -> None:
    """Replace the placeholders (ids in `saved`) below `node` (or a list of nodes), descending only into
    the new nodes RestrictedPython built (never into the `old` children it kept)."""
    for parent in node if type(node) is list else (node,):
        for name in parent._fields:
            value = getattr(parent, name, None)
            if type(value) is list:
                for index, item in enumerate(value):
                    if id(item) in saved:
                        found.add(id(item))
                        value[index] = saved[id(item)]
                    elif isinstance(item, ast.AST) and id(item) not in old:
                        _put_back(item, saved, found, old)
            elif id(value) in saved:
                found.add(id(value))
                setattr(parent, name, saved[id(value)])
            elif isinstance(value, ast.AST) and id(value) not in old:
                _put_back(value, saved, found, old)


class ProgramPolicy(RestrictingNodeTransformer):
    """RestrictedPython's node policy, stricter where programs need no power and looser where they need
    syntax: no classes, no attribute writes, allowlisted imports, and item augmented assignment allowed;
    augmented assignment of a name, iteration, unpacking and reading items run natively.

    The traversal is RestrictedPython's, made cheaper (the transformed tree is identical apart from the
    native constructs above, a test checks it): visitors are looked up once per node class, inert
    leaves (contexts, operators, constants, whose visitors do nothing) are not visited, and rewrites run
    around placeholders (see `_delegate`)."""

    _visitors: dict[type, Callable[..., Any]] = {}

    def visit(self, node: ast.AST) -> Any:
        visitor = self._visitors.get(type(node))
        if visitor is None:
            visitor = getattr(ProgramPolicy, "visit_" + type(node).__name__, ProgramPolicy.generic_visit)
            self._visitors[type(node)] = visitor
        return visitor(self, node)

    def node_contents_visit(self, node: Any) -> Any:
        """ast.NodeTransformer.generic_visit, without visiting inert leaves."""
        inert, visit = _INERT_NODES, self.visit
        for name in node._fields:
            old = getattr(node, name, None)
            kind = type(old)
            if kind is list:
                if not old:
                    continue
                values = []
                for value in old:
                    if type(value) not in inert and isinstance(value, ast.AST):
                        value = visit(value)
                        if value is None:
                            continue
                        if not isinstance(value, ast.AST):
                            values.extend(value)
                            continue
                    values.append(value)
                old[:] = values
            elif kind not in inert and isinstance(old, ast.AST):
                new_node = visit(old)
                if new_node is None:
                    delattr(node, name)
                else:
                    setattr(node, name, new_node)
        return node

    def visit_Name(self, node: ast.Name) -> Any:
        """RestrictedPython's visit_Name without its work for the common case, a plain name (the most
        frequent node): nothing to rewrite, nothing to refuse."""
        name = node.id
        if name[:1] == "_" or name in _SPECIAL_NAMES or name.endswith("__roles__"):
            return super().visit_Name(node)
        if type(node.ctx) is ast.Load:
            self.used_names[name] = True
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self.error(node, "class definitions are not allowed in programs")
        return node

    def _delegate(self, node: Any, rewrite: Callable[[Any], Any], fields: tuple[str, ...]) -> Any:
        """Visit the children named in `fields`, swap each for a one-node placeholder, run RestrictedPython's
        `rewrite` on the node (it visits the other children itself), then put the children back. The checks
        and the rewriting are RestrictedPython's, unchanged; only its location fixing, which walks every
        node below a new node, now walks a handful of nodes instead of whole subtrees."""
        saved: dict[int, ast.AST] = {}
        placeholders = []  # kept alive (with the old children) so that no id is reused meanwhile
        for name in fields:
            child = self.visit(getattr(node, name))
            placeholders.append(ast.copy_location(ast.Constant(None), child))
            saved[id(placeholders[-1])] = child
            setattr(node, name, placeholders[-1])
        old_children = _children(node)
        old = {id(child) for child in old_children if id(child) not in saved}
        result = rewrite(node)
        found: set[int] = set()
        _put_back(result, saved, found, old)
        if len(found) < len(saved):
            raise AssertionError("RestrictedPython's rewrite lost a child node")
        return result

    def visit_Assign(self, node: ast.Assign) -> Any:
        """Checks the targets and the value; unpacking stays native (see `visit_For`)."""
        return self.node_contents_visit(node)

    def visit_For(self, node: ast.For) -> Any:
        """Checks the target, the iterable and the body; iteration stays native: RestrictedPython would
        wrap the iterable in `_getiter_(...)` and unpacking in `_unpack_sequence_(...)` hooks, which this
        policy binds to `iter` and to the identity (what a program iterates is not checked, its elements
        are, where it uses them), so they would cost a call and a dict per loop or unpacking and check
        nothing."""
        return self.node_contents_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> Any:
        """As `visit_For`."""
        return self.node_contents_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if not isinstance(node.ctx, ast.Load):
            self.error(node, f'assigning or deleting the attribute "{node.attr}" is not allowed')
            return node
        name = node.attr
        if name[:1] == "_" or name.endswith("__roles__") or name in INSPECT_ATTRIBUTES:
            return self._delegate(node, super().visit_Attribute, ("value",))  # its checks and messages
        # the common case, `a.b` -> `_getattr_(a, "b")` as RestrictedPython writes it, without its walk
        # that fills in the locations of every node below
        call = ast.Call(ast.Name("_getattr_", ast.Load()), [self.visit(node.value), ast.Constant(name)], [])
        for new_node in (call, call.func, call.args[1]):
            ast.copy_location(new_node, node)
        return call

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        """`a[i] = v` and `del a[i]` go through the `_write_` check; reading stays native (RestrictedPython
        would call a `_getitem_` hook, which would be `operator.getitem`: nothing to refuse)."""
        if isinstance(node.ctx, ast.Load):
            return self.node_contents_visit(node)
        return self._delegate(node, super().visit_Subscript, ("value", "slice"))

    def visit_AugAssign(self, node: ast.AugAssign) -> Any:
        if isinstance(node.target, ast.Name):
            # `n += 1` stays native: RestrictedPython would call an `_inplacevar_` hook that, with nothing
            # to refuse, applies the very same in-place operator, at the price of a Python call each time
            return self.node_contents_visit(node)
        if not isinstance(node.target, ast.Subscript):
            return super().visit_AugAssign(node)
        symbol = IOPERATOR_TO_STR[type(node.op)]
        node = self.node_contents_visit(node)
        call = ast.Call(
            func=ast.Name("_inplaceitem_", ast.Load()),
            args=[node.target.value, node.target.slice, ast.Constant(symbol), node.value],
            keywords=[],
        )
        statement = ast.Expr(call)
        for new_node in (statement, call, call.func, call.args[2]):
            ast.copy_location(new_node, node)
        return statement

    def visit_Import(self, node: ast.Import) -> ast.AST:
        for alias in node.names:
            self._check_module(node, alias.name)
        return super().visit_Import(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST:
        module = "." * node.level + (node.module or "")
        self._check_module(node, module)
        if any(alias.name == "*" for alias in node.names):
            if module != "omniarc.dsl":
                self.error(node, f'"from {module} import *" is not allowed; only "from omniarc.dsl import *"')
                return node
            return ast.copy_location(ast.Pass(), node)  # every DSL name is already in scope
        return super().visit_ImportFrom(node)

    def _check_module(self, node: ast.AST, module: str) -> None:
        if module not in ALLOWED_IMPORTS and module != "omniarc":
            self.error(node, f'import of "{module}" is not allowed; allowed: {", ".join(ALLOWED_IMPORTS)}')


@contextlib.contextmanager
def _compile_errors() -> Iterator[None]:
    """Turn what compiling a program can raise into CompileError(kind="syntax") with a readable message."""
    try:
        yield
    except SyntaxError as error:
        raise CompileError("syntax", f"line {error.lineno}: {error.msg}") from None
    except (RecursionError, MemoryError):
        raise CompileError("syntax", "the program is nested too deeply to compile") from None
    except ValueError as error:  # e.g. null bytes in the source
        raise CompileError("syntax", str(error)) from None


def _restricted_code(tree: ast.Module) -> types.CodeType:
    with _compile_errors():
        result = compile_restricted_exec(tree, PROGRAM_FILENAME, policy=ProgramPolicy)
    if result.errors:
        raise CompileError("policy", "; ".join(result.errors))
    return result.code


def compile_program(source: str, restricted: bool = True) -> types.CodeType:
    """Compile a program's source; raise CompileError(kind="syntax" | "policy") with a readable message."""
    with _compile_errors():
        if not restricted:
            return compile(source, PROGRAM_FILENAME, "exec", dont_inherit=True)
        tree = ast.parse(source, PROGRAM_FILENAME, "exec")
    return _restricted_code(tree)


def _top_level_chunks(source: str) -> list[tuple[int, str]]:
    """The source cut before every line that can only start a top-level statement (code at column 0, not
    after a backslash continuation or a decorator): (index of its first line, text) per chunk. A cut
    inside a string or brackets, or before an `else:`, leaves a chunk that does not parse on its own."""
    lines = source.split("\n")
    cuts = [
        index
        for index in range(1, len(lines))
        if lines[index][:1] not in _NOT_A_STATEMENT_START
        and not lines[index - 1].endswith("\\")
        and lines[index - 1][:1] != "@"  # a decorator goes with what it decorates
    ]
    if lines[0][:1] in _NOT_A_STATEMENT_START:  # blank lines or comments before the first statement
        cuts = cuts[1:]  # go with it
    bounds = [0, *cuts, len(lines)]
    return [(start, "\n".join(lines[start:end])) for start, end in zip(bounds, bounds[1:], strict=False)]


_NOT_A_STATEMENT_START = frozenset(("", " ", "\t", "#"))
# Line breaks other than "\n" (Python also counts a lone "\r"; str.splitlines counts more): a program with
# one is compiled without the cache, whose keys count lines by "\n".
_OTHER_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def compile_statements(
    source: str, cache: dict[tuple[Any, ...], types.CodeType], cache_size: int = 4096
) -> tuple[types.CodeType, ...]:
    """The restricted program as code objects to run in order in one namespace (the same as running the
    module), one per top-level chunk of statements. A chunk met before, same text at the same line
    (candidate programs for one task share most of their helpers), reuses its code from `cache`, which
    keeps about `cache_size` chunks: only new chunks are parsed, checked and rewritten. A program whose
    new chunks do not parse on their own is parsed whole and compiled statement by statement."""
    if _OTHER_LINE_BREAKS.search(source):
        return _compile_each_statement(source, None)
    if len(cache) >= cache_size:
        cache.clear()
    chunks = _top_level_chunks(source)
    codes = {key: code for key in chunks if (code := cache.get(key)) is not None}
    trees = {}
    try:
        for key in chunks:
            if key not in codes and key not in trees:
                start, text = key
                trees[key] = ast.parse("\n" * start + text, PROGRAM_FILENAME, "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _compile_each_statement(source, cache)
    for key, tree in trees.items():  # checked only once all of them parse: syntax errors come first
        codes[key] = _restricted_code(tree)
    cache.update((key, codes[key]) for key in trees)
    return tuple(codes[key] for key in chunks)


def _compile_each_statement(
    source: str, cache: dict[tuple[Any, ...], types.CodeType] | None
) -> tuple[types.CodeType, ...]:
    """`compile_statements` for a program that does not split at its column-0 lines (or does not parse):
    one code object per statement, each keyed by its text and place."""
    with _compile_errors():
        tree = ast.parse(source, PROGRAM_FILENAME, "exec")
    lines = source.split("\n")
    codes = []
    for statement in tree.body:
        first = min([statement.lineno] + [d.lineno for d in getattr(statement, "decorator_list", ())])
        text = "\n".join(lines[first - 1 : statement.end_lineno])
        key = (first, statement.col_offset, statement.end_lineno, statement.end_col_offset, text)
        code = None if cache is None else cache.get(key)
        if code is None:
            code = _restricted_code(ast.Module([statement], type_ignores=[]))
            if cache is not None:
                cache[key] = code
        codes.append(code)
    return tuple(codes)


# ---------------------------------------------------------------------------------------------------------
# Facades


class Facade:
    """A read-only stand-in for an allowed module: its allowlisted members as attributes, nothing else."""

    def __init__(self, name: str, members: dict[str, Any]) -> None:
        self.__dict__.update(members)
        object.__setattr__(self, "_facade_name", name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise PolicyViolation(f"{self._facade_name} is read-only")

    def __delattr__(self, name: str) -> None:
        raise PolicyViolation(f"{self._facade_name} is read-only")

    def __repr__(self) -> str:
        return f"<sandboxed {self._facade_name}>"


class _ArrayTypeMeta(type):
    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, np.ndarray)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, np.ndarray)

    def __call__(cls, *args: Any, **kwargs: Any) -> NoReturn:
        raise PolicyViolation("np.ndarray(...) is not allowed; use np.array, np.zeros or np.full")


class SandboxedArrayType(metaclass=_ArrayTypeMeta):
    """Stands for numpy.ndarray in isinstance checks and annotations; cannot build arrays from raw memory."""


def freeze(value: Any) -> Any:
    """An immutable copy of a shared constant, so one program cannot change what the next one sees."""
    if isinstance(value, np.ndarray):
        frozen = value.copy()
        frozen.setflags(write=False)
        return frozen
    if isinstance(value, dict):
        return types.MappingProxyType({key: freeze(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(item) for item in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def _members(module: types.ModuleType, names: Any) -> dict[str, Any]:
    members = {}
    for name in names:
        value = getattr(module, name, None)
        if value is None or isinstance(value, types.ModuleType) or name.startswith("_"):
            continue
        members[name] = value if callable(value) else freeze(value)
    return members


@functools.cache
def facades() -> dict[str, Facade]:
    """The facade of each importable module, built once per process."""
    numpy_members = _members(np, NUMPY_NAMES)
    numpy_members["ndarray"] = SandboxedArrayType
    numpy_members["newaxis"] = None
    public = [name for name in dir(math) if not name.startswith("_")]
    dsl_facade = Facade("omniarc.dsl", _members(dsl, dsl.__all__))
    return {
        "numpy": Facade("numpy", numpy_members),
        "math": Facade("math", _members(math, public)),
        "itertools": Facade("itertools", _members(itertools, [n for n in dir(itertools) if n[0] != "_"])),
        "collections": Facade("collections", _members(collections, COLLECTIONS_NAMES)),
        "functools": Facade("functools", _members(functools, FUNCTOOLS_NAMES)),
        "omniarc.dsl": dsl_facade,
        "omniarc": Facade("omniarc", {"dsl": dsl_facade}),
    }


# ---------------------------------------------------------------------------------------------------------
# Guards

_FORMATTER = string.Formatter()
_INPLACE = {
    "+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv,
    "//=": operator.ifloordiv, "%=": operator.imod, "**=": operator.ipow, "<<=": operator.ilshift,
    ">>=": operator.irshift, "&=": operator.iand, "|=": operator.ior, "^=": operator.ixor,
    "@=": operator.imatmul,
}  # fmt: skip
_ITEM_WRITABLE = frozenset(
    {list, dict, np.ndarray, collections.Counter, collections.defaultdict, collections.deque,
     collections.OrderedDict}
)  # fmt: skip


def _format_fields(template: str) -> list[str]:
    """Every field name of a format template, nested ones in format specs included."""
    fields = []
    for _, field, spec, _ in _FORMATTER.parse(template):
        if field is not None:
            fields.append(field)
        if spec:
            fields.extend(_format_fields(spec))
    return fields


def make_guards(state: RunState) -> dict[str, Any]:
    """The hook functions RestrictedPython's compiled code calls, bound to `state`; kept cheap on purpose:
    one set lookup and one isinstance per attribute access, C functions where no check is needed."""
    refuse = state.refuse

    def checked_format(template: str, method: str) -> Callable[..., str]:
        try:
            fields = _format_fields(template)
        except ValueError as error:
            raise ValueError(f"bad format string: {error}") from None
        for field in fields:
            if "." in field or "[" in field:
                refuse(f'format field "{{{field}}}" reaches into an object; use an f-string instead')
        return getattr(template, method)

    def refused_attribute(obj: Any, name: Any) -> Any:
        if type(name) is not str:
            raise TypeError(f"attribute name must be a string, not {type(name).__name__}")
        if name[:1] == "_":
            refuse(f'access to the attribute "{name}" is not allowed (it starts with "_")')
        if name in FORMAT_ATTRIBUTES:
            if isinstance(obj, str):
                return checked_format(obj, name)
            refuse(f'"{name}" is only allowed on a string value')
        refuse(f'access to the attribute "{name}" is not allowed')

    def guarded_getattr(obj: Any, name: str) -> Any:
        if name in special or name[:1] == "_":
            return refused_attribute(obj, name)
        value = getattr(obj, name)
        if isinstance(value, REFUSED_VALUE_TYPES) or (
            type(value) is types.BuiltinFunctionType and value in REFUSED_BUILTINS
        ):
            refuse(f'the attribute "{name}" of {type(obj).__name__} is not available in the sandbox')
        return value

    def getattr_builtin(obj: Any, name: str, *default: Any) -> Any:
        if type(name) is not str or name in special or name[:1] == "_":
            return refused_attribute(obj, name)
        try:
            return guarded_getattr(obj, name)
        except AttributeError:
            if default:
                return default[0]
            raise

    def write(obj: Any) -> Any:
        if type(obj) in _ITEM_WRITABLE:
            return obj
        refuse(f"assigning items of {type(obj).__name__} is not allowed")

    def inplace_item(obj: Any, key: Any, op: str, value: Any) -> None:
        obj[key] = _INPLACE[op](obj[key], value)

    def unpack(value: Any, spec: Any, getiter: Any) -> Any:
        return value  # left only in `with ... as (a, b)`; iteration is unguarded, Python unpacks natively

    def apply(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    class Printer:
        """The `print` of one function scope; every scope writes to the same capped sink."""

        __slots__ = ()

        def __init__(self, getattr_hook: Any = None) -> None:
            pass

        def _call_print(
            self, *objects: Any, sep: str | None = " ", end: str | None = "\n", **kwargs: Any
        ) -> None:
            if kwargs.keys() - {"flush"}:
                refuse("print(file=...) is not allowed")
            sep = " " if sep is None else sep
            end = "\n" if end is None else end
            if type(sep) is not str or type(end) is not str:
                raise TypeError("sep and end must be strings")
            for index, item in enumerate(objects):  # piece by piece: a huge text is never copied
                if index:
                    state.write(sep)
                state.write(str(item))
            state.write(end)

        def __call__(self) -> str:
            return "".join(state.printed)

    def guarded_import(
        name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
    ) -> Any:
        if type(fromlist) is list:
            # C code importing for itself (PyImport_Import, e.g. numpy's lazy internal imports): it looks up
            # `__import__` in the calling frame's builtins, passes a list, and reads sys.modules afterwards.
            # An import statement always passes None or a tuple, and programs cannot name `__import__`.
            return sys.modules.get(name) or builtins.__import__(name, globals, None, fromlist, level)
        if level:
            refuse("relative imports are not allowed")
        table = facades()
        if name not in table:
            refuse(f'import of "{name}" is not allowed; allowed: {", ".join(ALLOWED_IMPORTS)}')
        facade = table[name] if fromlist or "." not in name else table[name.split(".")[0]]
        for item in fromlist or ():
            if type(item) is not str or item[:1] == "_" or item not in facade.__dict__:
                refuse(f'"{name}.{item}" is not available in the sandbox')
        return facade

    special = REFUSED_ATTRIBUTES | FORMAT_ATTRIBUTES
    return {
        "_getattr_": guarded_getattr,
        "_getiter_": iter,
        "_write_": write,
        "_inplaceitem_": inplace_item,
        "_unpack_sequence_": unpack,
        "_apply_": apply,
        "_print_": Printer,
        "getattr": getattr_builtin,
        "__import__": guarded_import,
    }


def restricted_namespace(state: RunState) -> dict[str, Any]:
    """The globals a restricted program starts from (copy it per program): safe builtins, guards, `np` and
    every DSL name."""
    guards = make_guards(state)
    safe_builtins = {name: getattr(builtins, name) for name in SAFE_BUILTIN_NAMES}
    safe_builtins["getattr"] = guards.pop("getattr")
    safe_builtins["__import__"] = guards.pop("__import__")
    table = facades()
    namespace: dict[str, Any] = {"__builtins__": safe_builtins, "__name__": "program", **guards}
    namespace.update(table["omniarc.dsl"].__dict__)
    namespace.pop("_facade_name")
    namespace["np"] = table["numpy"]
    return namespace


def plain_namespace() -> dict[str, Any]:
    """UNSAFE: the globals of an unrestricted program (real numpy, all builtins); for baselines only."""
    namespace: dict[str, Any] = {"__builtins__": builtins, "__name__": "program", "np": np}
    namespace.update({name: getattr(dsl, name) for name in dsl.__all__})
    return namespace
