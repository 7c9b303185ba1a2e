"""One instance per state folder: an flock'd lock file holding the owner's pid (a dead owner's lock is free)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from feeder.errors import FeederError


class AlreadyRunning(FeederError):
    """Another feeder process holds the state folder."""


class InstanceLock:
    """Held for the life of a pass or daemon; the kernel releases it if the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "feeder.lock"
        self._fd: int | None = None

    def __enter__(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise AlreadyRunning(
                f"{self.path}: another feeder (pid {holder}) is already working on this state folder; "
                "stop it first or use another config") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the flock
            self._fd = None
