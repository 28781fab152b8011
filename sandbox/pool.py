"""The parent side of the process layer: a pool of persistent workers, deadlines, respawns, recycling.

Workers come from one shared process factory (`omniarc.sandbox.zygote`), started on first use, so a
Sandbox costs a fork per worker, not a Python start-up. `WorkerPool.execute` spreads programs over the
workers in batches, streams one reply per program, and enforces a hard deadline per program: a worker
that makes no progress in time (stuck in C code) is SIGKILLed, its current program is a `timeout`, the
rest of its batch goes to a fresh worker. A worker that dies is replaced and its current program is
`crashed`; a worker that dies at start-up three times in a row makes the pool raise SandboxError.
Replies are JSON validated by `protocol.check_reply`; nothing from a worker is ever unpickled.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from omniarc.errors import OmniarcError

from . import protocol

STARTUP_TIMEOUT = 60.0
MAX_STARTUP_FAILURES = 3
WRITE_TIMEOUT = 30.0
EXIT_STATUS_WAIT = 2.0
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


_Replies = Callable[[int, dict[str, Any]], None]  # called with each program's checked reply


class SandboxError(OmniarcError):
    """The sandbox cannot do its job (workers do not start, bad settings, bad grids); says why."""


# ---------------------------------------------------------------------------------------------------------
# The shared process factory


class _Factory:
    """Handle on the factory process: a master socket that hands out one channel per pool."""

    def __init__(self) -> None:
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        code = (
            "import sys, json; sys.path[:] = json.loads(sys.argv[2]); "
            "from omniarc.sandbox.zygote import main; main(int(sys.argv[1]))"
        )
        environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **dict.fromkeys(THREAD_VARIABLES, "1"))
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(child_end.fileno()), json.dumps(sys.path)],
            pass_fds=[child_end.fileno()],
            stdin=subprocess.DEVNULL,
            env=environment,
        )
        child_end.close()
        self.master = parent_end
        self.owner_pid = os.getpid()
        self.master.settimeout(STARTUP_TIMEOUT)
        try:
            ready = self.master.recv(64)
        except OSError:
            ready = b""
        if ready != b"ready":
            self.process.kill()
            raise SandboxError(
                f"the sandbox process factory failed to start (exit code {self.process.wait()})"
            )

    @property
    def alive(self) -> bool:
        return self.process.poll() is None and self.owner_pid == os.getpid()

    def open_channel(self) -> socket.socket:
        self.master.send(b"channel")
        _, fds, _, _ = socket.recv_fds(self.master, 64, 1)
        if not fds:
            raise SandboxError("the sandbox process factory did not open a channel")
        return socket.socket(fileno=fds[0])


_factory: _Factory | None = None
_factory_lock = threading.Lock()


def _open_channel() -> socket.socket:
    global _factory
    with _factory_lock:
        if _factory is None or not _factory.alive:
            _factory = _Factory()
        return _factory.open_channel()


# ---------------------------------------------------------------------------------------------------------
# Workers


@dataclass
class _Worker:
    pid: int
    pidfd: int
    send_fd: int
    recv_fd: int
    reader: protocol.FrameReader = field(
        default_factory=lambda: protocol.FrameReader(protocol.MAX_REPLY_BYTES)
    )
    inflight: deque[tuple[int, str]] = field(default_factory=deque)
    deadline: float = 0.0
    last_progress: float = 0.0
    programs_done: int = 0
    grids_key: str | None = None

    def close(self) -> None:
        for fd in (self.send_fd, self.recv_fd, self.pidfd):
            try:
                os.close(fd)
            except OSError:
                pass


@dataclass
class PoolStats:
    """Counters since the pool started: program runs (one per program per input set) and worker events."""

    programs: int = 0
    started: int = 0
    hard_kills: int = 0
    crashes: int = 0
    recycled: int = 0
    startup_failures: int = 0


class WorkerPool:
    """`size` hardened worker processes and the parent-side loop that feeds them programs."""

    def __init__(
        self,
        size: int,
        *,
        memory_limit: int,
        restricted: bool,
        hard_grace: float,
        recycle_after: int,
        batch_size: int,
        open_files: int = 16,
        headroom: int = 64 << 20,
    ) -> None:
        self.size = size
        self.settings = {
            "memory_limit": memory_limit,
            "restricted": restricted,
            "open_files": open_files,
            "headroom": headroom,
        }
        self.hard_grace = hard_grace
        self.recycle_after = recycle_after
        self.batch_size = batch_size
        self.workers: list[_Worker] = []
        self.channel: socket.socket | None = None
        self.protections: dict[str, Any] = {}
        self.stats = PoolStats()
        self._exits: dict[int, int] = {}
        self._grid_keys = 0
        self._pid = os.getpid()

    # -- life cycle ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open a channel to the factory and start every worker (in parallel)."""
        if self.channel is not None and self._pid == os.getpid():
            return
        if self.channel is not None:  # a forked copy of a pool: leave the parent's workers to the parent
            self.close()
        self._pid = os.getpid()
        self.channel = _open_channel()
        self.channel.settimeout(STARTUP_TIMEOUT)
        self.workers = self._spawn(self.size)

    def close(self) -> None:
        """Stop every worker (the factory kills what is left of this pool's workers)."""
        for worker in self.workers:
            worker.close()
        self.workers = []
        if self.channel is not None:
            self.channel.close()
            self.channel = None

    def _request_worker(self) -> _Worker:
        assert self.channel is not None
        self.channel.send(json.dumps({"spawn": self.settings}).encode())
        while True:
            message, fds, _, _ = socket.recv_fds(self.channel, 1 << 12, 3)
            if not message:
                raise ConnectionError("the sandbox process factory closed the channel")
            reply = json.loads(message)
            if "exit" in reply:
                self._note_exit(reply)
                continue
            if len(fds) != 3:
                raise SandboxError("the sandbox process factory could not start a worker")
            send_fd, recv_fd, pidfd = fds
            for fd in fds:
                os.set_inheritable(fd, False)
            os.set_blocking(send_fd, False)
            return _Worker(reply["pid"], pidfd, send_fd, recv_fd)

    def _spawn(self, count: int) -> list[_Worker]:
        """Start `count` workers and wait until each is ready; retry start-up failures, up to a limit."""
        ready: list[_Worker] = []
        failures: list[str] = []
        while len(ready) < count:
            try:
                starting = [self._request_worker() for _ in range(count - len(ready))]
            except OSError:  # the factory went away: start a new one, once
                assert self.channel is not None
                self.channel.close()
                self.channel = _open_channel()
                self.channel.settimeout(STARTUP_TIMEOUT)
                starting = [self._request_worker() for _ in range(count - len(ready))]
            for worker in starting:
                problem = self._await_ready(worker)
                if problem is None:
                    ready.append(worker)
                    self.stats.started += 1
                    continue
                worker.close()
                self.stats.startup_failures += 1
                failures.append(problem)
                if len(failures) >= MAX_STARTUP_FAILURES:
                    for started in ready:
                        started.close()
                    raise SandboxError(
                        f"sandbox workers die at start-up ({len(failures)} times in a row); last: {problem}"
                    )
        return ready

    def _await_ready(self, worker: _Worker) -> str | None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([worker.recv_fd], [], [], remaining)[0]:
                self._kill(worker)
                return "the worker did not report ready in time"
            try:
                data = os.read(worker.recv_fd, 1 << 16)
                messages = worker.reader.feed(data) if data else None
            except protocol.ProtocolError as error:
                self._kill(worker)
                return str(error)
            if messages is None:
                return f"the worker exited ({self._exit_description(worker.pid)})"
            if messages:
                first = messages[0]
                if isinstance(first, dict) and isinstance(first.get("ready"), dict):
                    if not self.protections:
                        self.protections = first["ready"]
                    return None
                fatal = first.get("fatal") if isinstance(first, dict) else None
                return str(fatal)[: protocol.MAX_MESSAGE_CHARS] if fatal else "the worker sent garbage"

    def _kill(self, worker: _Worker) -> None:
        try:
            signal.pidfd_send_signal(worker.pidfd, signal.SIGKILL)
        except OSError:
            pass

    def _note_exit(self, reply: dict[str, Any]) -> None:
        self._exits[int(reply["exit"])] = int(reply["code"])
        while len(self._exits) > 256:
            self._exits.pop(next(iter(self._exits)))

    def _exit_description(self, pid: int) -> str:
        """How worker `pid` ended, from the factory's report (waits briefly for it)."""
        assert self.channel is not None
        deadline = time.monotonic() + EXIT_STATUS_WAIT
        while pid not in self._exits and time.monotonic() < deadline:
            if not select.select([self.channel], [], [], max(0.0, deadline - time.monotonic()))[0]:
                break
            message, _, _, _ = socket.recv_fds(self.channel, 1 << 12, 3)
            if not message:
                break
            self._note_exit(json.loads(message))
        code = self._exits.pop(pid, None)
        if code is None:
            return "exit status unknown"
        if code >= 0:
            return f"exit code {code}"
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"

    def _replace(self, worker: _Worker) -> None:
        worker.close()
        index = self.workers.index(worker)
        self.workers[index] = self._spawn(1)[0]

    # -- running programs ------------------------------------------------------------------------------

    def execute(
        self,
        jobs: list[tuple[int, str]],
        grids: list[list[list[int]]],
        time_limit: float,
        on_reply: _Replies,
    ) -> None:
        """Run every (id, source) job on `grids`, `time_limit` soft seconds per grid (and as much for the
        program's module code); `on_reply(id, reply)` as each reply arrives, while the workers go on."""
        self.start()
        self._grid_keys += 1
        key = f"{os.getpid()}-{id(self)}-{self._grid_keys}"
        grids_message = protocol.encode({"op": "grids", "key": key, "grids": grids})
        pending = deque(jobs)
        try:
            self._run_until_done(pending, on_reply, len(grids), key, grids_message, time_limit)
        except BaseException:  # e.g. Ctrl-C in a notebook: workers still busy would answer the next call
            self.close()
            raise

    def _run_until_done(
        self,
        pending: deque[tuple[int, str]],
        on_reply: _Replies,
        n_grids: int,
        key: str,
        grids_message: bytes,
        time_limit: float,
    ) -> None:
        limit = time_limit * (n_grids + 1) + self.hard_grace  # the most soft time a program can have
        while pending or any(worker.inflight for worker in self.workers):
            for worker in list(self.workers):
                if not worker.inflight and pending:
                    self._dispatch(worker, pending, key, grids_message, time_limit, limit)
            busy = {worker.recv_fd: worker for worker in self.workers if worker.inflight}
            if not busy:
                continue
            now = time.monotonic()
            timeout = max(0.0, min(worker.deadline for worker in busy.values()) - now)
            poller = select.poll()
            for fd in busy:
                poller.register(fd, select.POLLIN)
            for fd, _ in poller.poll(timeout * 1000):
                self._receive(busy[fd], n_grids, limit, on_reply, pending)
            now = time.monotonic()
            for worker in list(busy.values()):
                if worker.inflight and worker in self.workers and worker.deadline <= now:
                    self._hard_timeout(worker, n_grids, on_reply, pending)

    def _dispatch(
        self,
        worker: _Worker,
        pending: deque[tuple[int, str]],
        key: str,
        grids_message: bytes,
        time_limit: float,
        limit: float,
    ) -> None:
        share = -(-len(pending) // (2 * len(self.workers)))  # smaller batches near the end: no idle tail
        batch = [pending.popleft() for _ in range(max(1, min(self.batch_size, share)))]
        request = protocol.encode({"op": "run", "key": key, "limit": time_limit, "programs": batch})
        worker.inflight = deque(batch)
        try:
            if worker.grids_key != key:
                protocol.write_all(worker.send_fd, grids_message, WRITE_TIMEOUT)
                worker.grids_key = key
            protocol.write_all(worker.send_fd, request, WRITE_TIMEOUT)
        except (OSError, TimeoutError):
            pending.extendleft(reversed(worker.inflight))  # nothing ran: no program is to blame
            worker.inflight.clear()
            self._kill(worker)
            self.stats.crashes += 1
            self._replace(worker)
            return
        worker.last_progress = time.monotonic()
        worker.deadline = worker.last_progress + limit

    def _receive(
        self,
        worker: _Worker,
        n_grids: int,
        limit: float,
        on_reply: _Replies,
        pending: deque[tuple[int, str]],
    ) -> None:
        try:
            data = os.read(worker.recv_fd, 1 << 20)
        except OSError:
            data = b""
        if not data:
            self.stats.crashes += 1
            reason = f"the worker process died ({self._exit_description(worker.pid)})"
            self._blame_and_replace(worker, "crashed", reason, n_grids, on_reply, pending)
            return
        try:
            for message in worker.reader.feed(data):
                if not worker.inflight:
                    raise protocol.ProtocolError("a reply nobody asked for")
                job_id, _ = worker.inflight[0]
                reply = protocol.check_reply(message, job_id, n_grids)
                worker.inflight.popleft()
                worker.programs_done += 1
                self.stats.programs += 1
                worker.last_progress = time.monotonic()
                worker.deadline = worker.last_progress + limit
                on_reply(job_id, reply)
        except protocol.ProtocolError as error:
            self._kill(worker)
            self.stats.crashes += 1
            self._blame_and_replace(
                worker, "crashed", f"the worker broke protocol: {error}", n_grids, on_reply, pending
            )
            return
        if not worker.inflight and worker.programs_done >= self.recycle_after:
            self.stats.recycled += 1
            self._replace(worker)

    def _hard_timeout(
        self, worker: _Worker, n_grids: int, on_reply: _Replies, pending: deque[tuple[int, str]]
    ) -> None:
        self._kill(worker)
        self.stats.hard_kills += 1
        reason = "killed by the hard deadline (stuck where the soft time limit cannot interrupt, e.g. C code)"
        self._blame_and_replace(worker, "timeout", reason, n_grids, on_reply, pending)

    def _blame_and_replace(
        self,
        worker: _Worker,
        status: str,
        reason: str,
        n_grids: int,
        on_reply: _Replies,
        pending: deque[tuple[int, str]],
    ) -> None:
        """The worker's current program gets `status`; the rest of its batch goes back to the queue."""
        if worker.inflight:
            job_id, _ = worker.inflight.popleft()
            self.stats.programs += 1
            reply = protocol.unrun_reply(status, reason, n_grids, time.monotonic() - worker.last_progress)
            pending.extendleft(reversed(worker.inflight))
            worker.inflight.clear()
            on_reply(job_id, reply)
        self._replace(worker)
