"""The wire format between the parent and its workers: length-prefixed JSON, never pickle.

Parent to worker: ``{"op": "grids", "key", "grids"}`` (the inputs, sent once per worker and grid set) and
``{"op": "run", "key", "limit", "programs": [[id, source], ...]}`` (`limit`: soft seconds per grid).
Worker to parent: ``{"ready": protections}`` or ``{"fatal": message}`` at start-up, then one reply per
program, in order: ``{"id", "s": status, "m": message, "r": [[code, payload], ...], "t": seconds, "p":
printed}``. The parent treats every reply as hostile: `check_reply` validates its shape and every grid,
with size caps.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time
from collections import deque
from typing import Any

import numpy as np

HEADER = struct.Struct(">I")
MAX_REPLY_BYTES = 1 << 20
MAX_REQUEST_BYTES = 1 << 28
MAX_MESSAGE_CHARS = 2000
MAX_PRINTED_CHARS = 4000  # kept of what a program prints; a note on what was dropped comes on top
PROGRAM_STATUSES = frozenset({"ok", "syntax", "policy", "error", "timeout", "memory"})
GRID_CODES = frozenset({"ok", "invalid", "error", "timeout", "memory", "policy", "skipped"})
MAX_SIDE = 30


class ProtocolError(Exception):
    """A worker sent something that is not a well-formed reply."""


def encode(message: Any) -> bytes:
    """One framed message."""
    data = json.dumps(message, separators=(",", ":")).encode()
    return HEADER.pack(len(data)) + data


class FrameReader:
    """Splits a byte stream into framed JSON messages, refusing frames over `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buffer = bytearray()
        self.queue: deque[Any] = deque()

    def feed(self, data: bytes) -> list[Any]:
        """Add bytes; return every complete message decoded (raises ProtocolError on garbage)."""
        self.buffer += data
        messages = []
        while len(self.buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self.buffer)
            if size > self.limit:
                raise ProtocolError(f"a {size}-byte message is over the {self.limit}-byte limit")
            if len(self.buffer) < HEADER.size + size:
                break
            payload = bytes(self.buffer[HEADER.size : HEADER.size + size])
            del self.buffer[: HEADER.size + size]
            try:
                messages.append(json.loads(payload))
            except (ValueError, RecursionError) as error:
                raise ProtocolError(f"a message is not JSON: {error}") from None
        return messages


def write_all(fd: int, data: bytes, timeout: float | None = None) -> None:
    """Write every byte to a (possibly non-blocking) pipe; raise TimeoutError past `timeout` seconds."""
    view = memoryview(data)
    deadline = None if timeout is None else time.monotonic() + timeout
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if remaining == 0.0:
                raise TimeoutError("the worker does not read its requests") from None
            poller = select.poll()
            poller.register(fd, select.POLLOUT)
            poller.poll(None if remaining is None else remaining * 1000)
            continue
        view = view[written:]


def read_message(fd: int, reader: FrameReader) -> Any | None:
    """Block until one whole message arrives on `fd` (worker side); None at end of file."""
    while not reader.queue:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return None
        reader.queue.extend(reader.feed(chunk))
    return reader.queue.popleft()


def check_grid(value: Any) -> np.ndarray:
    """`value` as a read-only int8 array if it is a rectangular list of lists of integers 0..9, 1..30 per
    side; ProtocolError otherwise."""
    if type(value) is not list:
        raise ProtocolError("a grid is not a list of rows")
    try:
        array = np.array(value)
    except (ValueError, TypeError, RecursionError):
        raise ProtocolError("a grid is ragged or holds non-numbers") from None
    if array.ndim != 2 or array.dtype.kind not in "iu":
        raise ProtocolError("a grid is not a 2-D array of integers")
    if not (1 <= array.shape[0] <= MAX_SIDE and 1 <= array.shape[1] <= MAX_SIDE):
        raise ProtocolError("a grid is outside 1..30 per side")
    if array.min() < 0 or array.max() > 9:
        raise ProtocolError("a grid cell is outside 0..9")
    grid = array.astype(np.int8)
    grid.setflags(write=False)
    return grid


def _text(value: Any, limit: int = MAX_MESSAGE_CHARS) -> str:
    if type(value) is not str:
        raise ProtocolError("a message field is not a string")
    return value[:limit]


def check_result(item: Any) -> tuple[str, Any]:
    """One grid's result from a worker, [code, grid or message], validated: (code, array or text)."""
    if type(item) is not list or len(item) != 2 or item[0] not in GRID_CODES:
        raise ProtocolError("a grid result is malformed")
    code, payload = item
    return code, check_grid(payload) if code == "ok" else _text(payload)


def unrun_reply(status: str, message: str, n_grids: int, seconds: float = 0.0) -> dict[str, Any]:
    """The reply the parent records for a program no worker answered for (too long, crashed, killed):
    `status` and why, every grid "skipped"."""
    return {"s": status, "m": message, "r": [("skipped", "")] * n_grids, "t": seconds, "p": ""}


def check_reply(reply: Any, job_id: int, n_grids: int) -> dict[str, Any]:
    """Validate one program reply from a worker (ids, statuses, grids, sizes) and return it cleaned."""
    if type(reply) is not dict:
        raise ProtocolError("a reply is not an object")
    if reply.get("id") != job_id:
        raise ProtocolError(f"expected the reply for program {job_id}, got {reply.get('id')!r}")
    status = reply.get("s")
    if status not in PROGRAM_STATUSES:
        raise ProtocolError(f"unknown program status {status!r}")
    seconds = reply.get("t")
    if type(seconds) not in (int, float):
        raise ProtocolError("a reply has no time")
    results = reply.get("r")
    if type(results) is not list or len(results) != n_grids:
        raise ProtocolError(f"expected {n_grids} grid results")
    return {
        "s": status,
        "m": _text(reply.get("m", "")),
        "r": [check_result(item) for item in results],
        "t": float(seconds),
        "p": _text(reply.get("p", ""), MAX_PRINTED_CHARS + 100),
    }
