"""One instance per state folder: an flock'd lock file holding the owner's pid (a dead owner's lock is free).

The kernel releases an flock when the last descriptor of it is closed, so a forked child that
kept a copy would hold the lock after its parent died. Children therefore close their copy at
fork (``os.register_at_fork``), and a lock still held although the pid written in it is gone
(children of an older feeder, orphaned) is taken over by replacing the lock file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
from pathlib import Path
from types import TracebackType

from feeder.errors import AlreadyRunning

__all__ = ["AlreadyRunning", "InstanceLock", "die_with_parent"]

_held: set[int] = set()  # lock descriptors of this process, closed in every forked child


def _close_in_child() -> None:
    for fd in list(_held):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; a no-op elsewhere).

    Pool workers call it first thing, so a SIGKILLed pass leaves no worker behind.
    """
    import ctypes  # here: only pool workers ask

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


class InstanceLock:
    """Held for the life of a pass or daemon; the kernel releases it if the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "feeder.lock"
        self._fd: int | None = None

    def __enter__(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
                os.close(fd)
                if _alive(holder):
                    raise AlreadyRunning(
                        f"{self.path}: another feeder (pid {holder or 'unknown'}) is already working on this "
                        "state folder; stop it first or use another config") from None
                _replace_orphaned(self.path)
                continue
            if not _same_file(fd, self.path):  # replaced by a takeover between open and flock
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            self._fd = fd
            _held.add(fd)
            return self
        raise AlreadyRunning(f"{self.path}: the lock file keeps changing hands; run again")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._fd is not None:
            _held.discard(self._fd)
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the flock
            self._fd = None


def _alive(holder: str) -> bool:
    """Whether the pid written in the lock file is a running process (unknown counts as alive)."""
    if not holder.isdigit():
        return not holder  # an empty file: the holder is between open and writing its pid
    try:
        os.kill(int(holder), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _replace_orphaned(path: Path) -> None:
    """Take over a lock whose holder is gone but whose descriptor lives on in orphaned children."""
    path.unlink(missing_ok=True)


def _same_file(fd: int, path: Path) -> bool:
    try:
        info = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (info.st_dev, info.st_ino) == (mine.st_dev, mine.st_ino)
