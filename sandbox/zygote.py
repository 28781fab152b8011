"""The process factory: one clean process with numpy, the DSL and the policy imported, forking workers.

Started once per parent process (`python -c ...` with the parent's import path), it never runs a program
itself. It moves into an empty network namespace, then serves *channels* (one per Sandbox) over Unix
sockets: a channel asks for a worker, the factory makes it an empty read-only working directory, forks
it, hardens it (`protect.harden_worker`), and passes back the worker's two pipe ends and a pidfd. When a
worker exits the factory reaps it, removes its directory and reports its exit status to the channel that
asked for it. When a channel closes its workers are killed; when the parent goes away, everything goes.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import tempfile
from typing import Any

WORKER_READ_FD, WORKER_WRITE_FD = 3, 4


def _become_worker(
    read_fd: int, write_fd: int, settings: dict[str, Any], factory: Factory, workdir: str
) -> None:
    """In the forked child: keep only the two pipe ends (as fds 3 and 4), harden, serve; never return."""
    try:
        high_read, high_write = os.dup(read_fd), os.dup(write_fd)
        os.dup2(high_read, WORKER_READ_FD)
        os.dup2(high_write, WORKER_WRITE_FD)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(WORKER_WRITE_FD + 1, 1 << 16)
        os.chdir(workdir)
        from . import protect, worker

        protections = protect.harden_worker(
            settings["memory_limit"], settings["open_files"], factory.network, factory.readable + [workdir]
        )
        worker.serve(
            WORKER_READ_FD, WORKER_WRITE_FD, settings["restricted"], protections, settings["headroom"]
        )
    except BaseException as error:  # report why start-up failed, then die
        try:
            from . import protocol

            message = protocol.encode({"fatal": f"{type(error).__name__}: {error}"})
            os.write(WORKER_WRITE_FD, message)
        except BaseException:
            pass
    finally:
        os._exit(0)


class Factory:
    """The factory's event loop: channels, spawn requests, child exits."""

    def __init__(self, master: socket.socket) -> None:
        self.master = master
        self.selector = selectors.DefaultSelector()
        self.selector.register(master, selectors.EVENT_READ, ("master", None))
        self.workers: dict[int, tuple[int, socket.socket, str]] = {}  # pid -> (pidfd, channel, workdir)
        self.network = False
        self.root = ""
        self.readable: list[str] = []

    def prepare(self) -> None:
        """Import what workers need once, leave the network, make the folder of working directories."""
        from . import policy

        policy.facades()
        policy.compile_program("def transform(grid):\n    return grid\n")
        from . import protect

        self.network = protect.enter_network_namespace()
        self.root = tempfile.mkdtemp(prefix="omniarc-sandbox-")
        self.readable = protect.code_paths()

    def serve(self) -> None:
        """Run until the parent closes the master socket."""
        try:
            while True:
                for key, _ in self.selector.select():
                    kind, owner = key.data
                    if kind == "master" and not self._open_channel():
                        return
                    if kind == "channel":
                        self._handle_channel(key.fileobj)
                    if kind == "pidfd":
                        self._reap(owner)
        finally:
            for pid in list(self.workers):
                self._kill(pid)
            shutil.rmtree(self.root, ignore_errors=True)

    def _open_channel(self) -> bool:
        try:
            request = self.master.recv(64)
        except OSError:
            return False
        if not request:
            return False
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        socket.send_fds(self.master, [b"{}"], [theirs.fileno()])
        theirs.close()
        self.selector.register(mine, selectors.EVENT_READ, ("channel", None))
        return True

    def _handle_channel(self, channel: Any) -> None:
        try:
            data = channel.recv(1 << 16)
        except OSError:
            data = b""
        if not data:
            self.selector.unregister(channel)
            for pid, (_, owner, _) in list(self.workers.items()):
                if owner is channel:
                    self._kill(pid)
            channel.close()
            return
        settings = json.loads(data)["spawn"]
        to_worker_read, to_worker_write = os.pipe()
        from_worker_read, from_worker_write = os.pipe()
        workdir = tempfile.mkdtemp(dir=self.root)
        os.chmod(workdir, 0o555)  # empty, and nobody writes into it
        pid = os.fork()
        if pid == 0:
            _become_worker(to_worker_read, from_worker_write, settings, self, workdir)
        os.close(to_worker_read)
        os.close(from_worker_write)
        pidfd = os.pidfd_open(pid)
        self.workers[pid] = (pidfd, channel, workdir)
        self.selector.register(pidfd, selectors.EVENT_READ, ("pidfd", pid))
        try:
            socket.send_fds(
                channel, [json.dumps({"pid": pid}).encode()], [to_worker_write, from_worker_read, pidfd]
            )
        except OSError:
            self._kill(pid)
        finally:
            os.close(to_worker_write)
            os.close(from_worker_read)

    def _kill(self, pid: int) -> None:
        pidfd = self.workers[pid][0]
        try:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        except OSError:
            pass
        self._reap(pid)

    def _reap(self, pid: int) -> None:
        if pid not in self.workers:
            return
        pidfd, channel, workdir = self.workers.pop(pid)
        shutil.rmtree(workdir, ignore_errors=True)
        self.selector.unregister(pidfd)
        os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        try:
            channel.send(json.dumps({"exit": pid, "code": os.waitstatus_to_exitcode(status)}).encode())
        except OSError:
            pass


def main(master_fd: int) -> None:
    """Entry point of the factory process."""
    os.setsid()  # no terminal signals (Ctrl-C in a notebook belongs to the parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    master = socket.socket(fileno=master_fd)
    factory = Factory(master)
    factory.prepare()
    master.send(b"ready")
    factory.serve()
