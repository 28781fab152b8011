"""The process layer of the sandbox: what the kernel enforces on a worker, whatever the program manages.

Applied in each worker right after it is forked, in this order: resource limits (address space, no file
writes, no core files, few file descriptors), not dumpable, an unprivileged user when started as root,
no new privileges, a Landlock ruleset (no file writes, no exec, no TCP, no signals or abstract sockets
outside the worker), and a seccomp filter (no exec, fork, sockets, file creation or modification,
ptrace, mounts, namespaces, io_uring, bpf, signals to other processes). The network namespace is
unshared once in the process factory. Every step that the kernel refuses is skipped and reported:
`harden_worker` returns what was actually enforced, and the Sandbox exposes it as `protections`.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import resource
import signal
import stat
import struct
import sys
import sysconfig
from typing import Any

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000
NOBODY = 65534

# Syscalls the filter refuses with EPERM, by name; numbers per architecture below.
DENIED_SYSCALLS = """
creat execve execveat fork vfork socket socketpair connect bind listen accept accept4 unlink unlinkat
rename renameat renameat2 mkdir mkdirat rmdir link linkat symlink symlinkat chmod fchmod fchmodat fchmodat2
chown fchown lchown fchownat truncate ftruncate fallocate mknod mknodat utime utimes utimensat futimesat
setxattr lsetxattr fsetxattr removexattr lremovexattr fremovexattr ptrace process_vm_readv process_vm_writev
mount umount2 pivot_root chroot setns unshare move_mount fsopen fsmount open_tree mount_setattr kill tkill
pidfd_open pidfd_send_signal pidfd_getfd rt_sigqueueinfo rt_tgsigqueueinfo io_uring_setup io_uring_enter
io_uring_register bpf perf_event_open userfaultfd memfd_create keyctl add_key request_key init_module
finit_module delete_module kexec_load kexec_file_load reboot swapon swapoff acct quotactl name_to_handle_at
open_by_handle_at fanotify_init setuid setgid setreuid setregid setresuid setresgid setgroups personality
sethostname setdomainname setrlimit prlimit64 process_madvise
""".split()

# (audit arch, syscall numbers) per machine; names missing on an architecture do not exist there.
_X86_64 = dict(
    open=2, openat=257, openat2=437, creat=85, execve=59, execveat=322, fork=57, vfork=58, clone=56,
    clone3=435, socket=41, socketpair=53, connect=42, bind=49, listen=50, accept=43, accept4=288, unlink=87,
    unlinkat=263, rename=82, renameat=264, renameat2=316, mkdir=83, mkdirat=258, rmdir=84, link=86,
    linkat=265, symlink=88, symlinkat=266, chmod=90, fchmod=91, fchmodat=268, fchmodat2=452, chown=92,
    fchown=93, lchown=94, fchownat=260, truncate=76, ftruncate=77, fallocate=285, mknod=133, mknodat=259,
    utime=132, utimes=235, utimensat=280, futimesat=261, setxattr=188, lsetxattr=189, fsetxattr=190,
    removexattr=197, lremovexattr=198, fremovexattr=199, ptrace=101, process_vm_readv=310,
    process_vm_writev=311, mount=165, umount2=166, pivot_root=155, chroot=161, setns=308, unshare=272,
    move_mount=429, fsopen=430, fsmount=432, open_tree=428, mount_setattr=442, kill=62, tkill=200,
    tgkill=234, pidfd_open=434, pidfd_send_signal=424, pidfd_getfd=438, rt_sigqueueinfo=129,
    rt_tgsigqueueinfo=297, io_uring_setup=425, io_uring_enter=426, io_uring_register=427, bpf=321,
    perf_event_open=298, userfaultfd=323, memfd_create=319, keyctl=250, add_key=248, request_key=249,
    init_module=175, finit_module=313, delete_module=176, kexec_load=246, kexec_file_load=320, reboot=169,
    swapon=167, swapoff=168, acct=163, quotactl=179, name_to_handle_at=303, open_by_handle_at=304,
    fanotify_init=300, setuid=105, setgid=106, setreuid=113, setregid=114, setresuid=117, setresgid=119,
    setgroups=116, personality=135, sethostname=170, setdomainname=171, setrlimit=160, prlimit64=302,
    process_madvise=440,
)  # fmt: skip
_AARCH64 = dict(
    openat=56, openat2=437, execve=221, execveat=281, clone=220, clone3=435, socket=198, socketpair=199,
    connect=203, bind=200, listen=201, accept=202, accept4=242, unlinkat=35, renameat=38, renameat2=276,
    mkdirat=34, linkat=37, symlinkat=36, fchmod=52, fchmodat=53, fchmodat2=452, fchown=55, fchownat=54,
    truncate=45, ftruncate=46, fallocate=47, mknodat=33, utimensat=88, setxattr=5, lsetxattr=6, fsetxattr=7,
    removexattr=14, lremovexattr=15, fremovexattr=16, ptrace=117, process_vm_readv=270,
    process_vm_writev=271, mount=40, umount2=39, pivot_root=41, chroot=51, setns=268, unshare=97,
    move_mount=429, fsopen=430, fsmount=432, open_tree=428, mount_setattr=442, kill=129, tkill=130,
    tgkill=131, pidfd_open=434, pidfd_send_signal=424, pidfd_getfd=438, rt_sigqueueinfo=138,
    rt_tgsigqueueinfo=240, io_uring_setup=425, io_uring_enter=426, io_uring_register=427, bpf=280,
    perf_event_open=241, userfaultfd=282, memfd_create=279, keyctl=219, add_key=217, request_key=218,
    init_module=105, finit_module=273, delete_module=106, kexec_load=104, kexec_file_load=294, reboot=142,
    swapon=224, swapoff=225, acct=89, quotactl=60, name_to_handle_at=264, open_by_handle_at=265,
    fanotify_init=262, setuid=146, setgid=144, setreuid=145, setregid=143, setresuid=147, setresgid=149,
    setgroups=159, personality=92, sethostname=161, setdomainname=162, setrlimit=164, prlimit64=261,
    process_madvise=440,
)  # fmt: skip
ARCHITECTURES = {"x86_64": (0xC000003E, _X86_64), "aarch64": (0xC00000B7, _AARCH64)}

# Landlock (syscalls 444..446 on every architecture).
LANDLOCK_CREATE_RULESET, LANDLOCK_ADD_RULE, LANDLOCK_RESTRICT_SELF = 444, 445, 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_FS_READ_FILE = 1 << 2
LANDLOCK_FS_READ = LANDLOCK_FS_READ_FILE | (1 << 3)  # READ_FILE, READ_DIR: all a rule ever allows

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


def _call(function: Any, *args: int | Any) -> int:
    result = function(*args)
    if result < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    return result


def _prctl(option: int, *args: Any) -> None:
    padded = list(args) + [ctypes.c_ulong(0)] * (4 - len(args))
    _call(_libc.prctl, ctypes.c_int(option), *padded)


def enter_network_namespace() -> bool:
    """Move this process (and every process it forks later) into a new, empty network namespace."""
    for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET):
        try:
            _call(_libc.unshare, ctypes.c_int(flags))
            return True
        except OSError:
            continue
    return False


def limit_resources(memory_limit: int, open_files: int) -> None:
    """Cap the address space, forbid writing file bytes and core files, and cap open file descriptors."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file write then fails with EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))


def _readable_by_everyone(path: str) -> bool:
    """Whether any user may read `path`: every parent directory searchable, the path itself readable."""
    parts = os.path.abspath(path).split(os.sep)
    for depth in range(1, len(parts) + 1):
        current = os.sep.join(parts[:depth]) or os.sep
        try:
            mode = os.stat(current).st_mode
        except OSError:
            return False
        needed = stat.S_IROTH if depth == len(parts) else stat.S_IXOTH
        if not mode & needed:
            return False
    return True


def _drop_capabilities() -> bool:
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = bytes(24)  # effective, permitted, inheritable: all empty, two 32-bit words each
    try:
        _call(_libc.capset, ctypes.c_char_p(header), ctypes.c_char_p(data))
    except (OSError, AttributeError):
        return False
    return True


def drop_privileges(code_paths: list[str]) -> str:
    """Give up root: become `nobody` when it can still read the code (`code_paths`), else keep uid 0 but
    drop every capability. Returns who the worker now is, in words."""
    if os.geteuid() != 0:
        return f"uid {os.geteuid()}"
    if all(_readable_by_everyone(path) for path in code_paths):
        try:
            os.setgroups([])
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(NOBODY, NOBODY, NOBODY)
            return "nobody"
        except OSError:
            pass
    return "root without capabilities" if _drop_capabilities() else "root"


def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers, 0 when Landlock is unavailable."""
    try:
        return _call(
            _libc.syscall,
            ctypes.c_long(LANDLOCK_CREATE_RULESET),
            ctypes.c_void_p(None),
            ctypes.c_size_t(0),
            ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION),
        )
    except OSError:
        return 0


def _allow_reading(ruleset: int, path: str) -> None:
    """Add a Landlock rule: reading files (and listing directories) beneath `path` stays allowed."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        access = LANDLOCK_FS_READ if os.path.isdir(path) else LANDLOCK_FS_READ_FILE
        attr = ctypes.create_string_buffer(struct.pack("=Qi", access, fd))
        _libc.syscall(
            ctypes.c_long(LANDLOCK_ADD_RULE),
            ctypes.c_long(ruleset),
            ctypes.c_long(1),
            attr,
            ctypes.c_uint32(0),
        )
    finally:
        os.close(fd)


def apply_landlock(readable: list[str]) -> int:
    """Forbid every file access except reading beneath `readable`, and (by ABI) TCP, and signals and
    abstract sockets outside this process. Returns the ABI version enforced, 0 when unavailable."""
    abi = landlock_abi()
    if abi <= 0:
        return 0
    fs_bits = {1: 13, 2: 14, 3: 15, 4: 15}.get(abi, 16)  # REFER (v2), TRUNCATE (v3), IOCTL_DEV (v5)
    fields = [(1 << fs_bits) - 1]
    if abi >= 4:
        fields.append(0b11)  # BIND_TCP, CONNECT_TCP
    if abi >= 6:
        fields.append(0b11)  # abstract unix sockets, signals
    attr = ctypes.create_string_buffer(struct.pack(f"{len(fields)}Q", *fields))
    try:
        ruleset = _call(
            _libc.syscall,
            ctypes.c_long(LANDLOCK_CREATE_RULESET),
            attr,
            ctypes.c_size_t(ctypes.sizeof(attr) - 1),
            ctypes.c_uint32(0),
        )
        try:
            for path in readable:
                _allow_reading(ruleset, path)
            _call(
                _libc.syscall,
                ctypes.c_long(LANDLOCK_RESTRICT_SELF),
                ctypes.c_long(ruleset),
                ctypes.c_uint32(0),
            )
        finally:
            os.close(ruleset)
    except OSError:
        return 0
    return abi


def code_paths() -> list[str]:
    """The directories the worker may read: the standard library and the folder of every loaded module."""
    paths = sysconfig.get_paths()
    folders = {paths[name] for name in ("stdlib", "platstdlib") if os.path.isdir(paths[name])}
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if isinstance(filename, str):
            folders.add(os.path.dirname(os.path.abspath(filename)))
    ordered = sorted(folders)
    kept: list[str] = []
    for folder in ordered:  # drop folders inside one already kept
        if not any(folder.startswith(parent.rstrip(os.sep) + os.sep) for parent in kept):
            kept.append(folder)
    return kept


class _Filter:
    """A tiny classic-BPF assembler with symbolic jump targets, enough for a seccomp allow/deny list."""

    LOAD, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06

    def __init__(self) -> None:
        self.code: list[tuple[int, Any, Any, int]] = []
        self.labels: dict[str, int] = {}

    def add(self, op: int, k: int, true: Any = 0, false: Any = 0) -> None:
        self.code.append((op, true, false, k))

    def label(self, name: str) -> None:
        self.labels[name] = len(self.code)

    def assemble(self) -> bytes:
        def offset(target: Any, index: int) -> int:
            return target if isinstance(target, int) else self.labels[target] - index - 1

        return b"".join(
            struct.pack("HBBI", op, offset(true, i), offset(false, i), k & 0xFFFFFFFF)
            for i, (op, true, false, k) in enumerate(self.code)
        )


def seccomp_filter(machine: str, pid: int) -> bytes | None:
    """The seccomp program for this architecture, or None on an architecture without a table."""
    if machine not in ARCHITECTURES:
        return None
    arch, numbers = ARCHITECTURES[machine]
    allow, deny, enosys = 0x7FFF0000, 0x00050000 | errno.EPERM, 0x00050000 | errno.ENOSYS
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    bpf = _Filter()
    bpf.add(bpf.LOAD, 4)  # seccomp_data.arch
    bpf.add(bpf.JEQ, arch, 1, 0)
    bpf.add(bpf.RET, 0x80000000)  # wrong architecture: kill the process
    bpf.add(bpf.LOAD, 0)  # seccomp_data.nr
    if machine == "x86_64":
        bpf.add(bpf.JGE, 0x40000000, "deny", 0)  # the x32 ABI
    for name in DENIED_SYSCALLS:
        if name in numbers:
            bpf.add(bpf.JEQ, numbers[name], "deny", 0)
    bpf.add(bpf.JEQ, numbers["clone3"], "enosys", 0)  # flags live in memory: make libc fall back to clone
    bpf.add(bpf.JEQ, numbers["openat2"], "enosys", 0)
    bpf.add(bpf.JEQ, numbers["openat"], "flags_arg2", 0)
    if "open" in numbers:
        bpf.add(bpf.JEQ, numbers["open"], "flags_arg1", 0)
    bpf.add(bpf.JEQ, numbers["clone"], "clone", 0)
    bpf.add(bpf.JEQ, numbers["tgkill"], "tgkill", 0)
    bpf.add(bpf.RET, allow)
    bpf.label("flags_arg1")
    bpf.add(bpf.LOAD, 16 + 8 * 1)
    bpf.add(bpf.JSET, write_flags, "deny", "allow")
    bpf.label("flags_arg2")
    bpf.add(bpf.LOAD, 16 + 8 * 2)
    bpf.add(bpf.JSET, write_flags, "deny", "allow")
    bpf.label("clone")  # threads only, never a new process
    bpf.add(bpf.LOAD, 16)
    bpf.add(bpf.JSET, CLONE_THREAD, "allow", "deny")
    bpf.label("tgkill")  # signals to this process only (abort() uses it)
    bpf.add(bpf.LOAD, 16)
    bpf.add(bpf.JEQ, pid, "allow", "deny")
    bpf.label("allow")
    bpf.add(bpf.RET, allow)
    bpf.label("deny")
    bpf.add(bpf.RET, deny)
    bpf.label("enosys")
    bpf.add(bpf.RET, enosys)
    return bpf.assemble()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def apply_seccomp() -> bool:
    """Install the seccomp filter on this process; return whether the kernel accepted it."""
    program = seccomp_filter(platform.machine(), os.getpid())
    if program is None:
        return False
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    try:
        _prctl(PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.byref(fprog))
    except (OSError, ctypes.ArgumentError):
        return False
    return True


def _set_flag(option: int, value: int) -> bool:
    try:
        _prctl(option, ctypes.c_ulong(value))
    except OSError:
        return False
    return True


def harden_worker(
    memory_limit: int, open_files: int, network_namespace: bool, readable: list[str]
) -> dict[str, Any]:
    """Apply every protection this kernel allows to the current (worker) process; return what holds.

    `readable` (from `code_paths()` in the factory) are the only folders Landlock leaves readable."""
    _set_flag(PR_SET_PDEATHSIG, signal.SIGKILL)
    limit_resources(memory_limit, open_files)
    not_dumpable = _set_flag(PR_SET_DUMPABLE, 0)
    user = drop_privileges(readable)
    no_new_privs = _set_flag(PR_SET_NO_NEW_PRIVS, 1)
    landlock = apply_landlock(readable) if no_new_privs else 0
    seccomp = apply_seccomp() if no_new_privs else False
    return {
        "memory_limit_bytes": memory_limit,
        "file_size_limit_bytes": 0,
        "core_dumps": False,
        "open_files_limit": open_files,
        "working_directory": os.getcwd(),
        "not_dumpable": not_dumpable,
        "user": user,
        "no_new_privileges": no_new_privs,
        "network_namespace": network_namespace,
        "landlock_abi": landlock,
        "readable_paths": readable if landlock else ["everything the user may read"],
        "seccomp": seccomp,
    }
