"""Filesystem events for the daemon: a file closed after writing, or renamed into the inbox, gets a pass at once.

This is the only module that imports watchdog (inotify on Linux). The periodic full scan stays:
it catches what events miss (a filesystem without events, an overflowed event queue, a change
made while the daemon was down).

A file counts as settled when its writer closed it (or renamed it into the inbox) and its
size and mtime are still those seen at that moment; any other change waits for
``[input] settle_seconds`` like a file found by the scan.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileClosedEvent, FileMovedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from feeder.articles import SUFFIXES

log = logging.getLogger("feeder")

Closed = frozenset[tuple[str, int, int]]  # (path, size, mtime_ns) of files seen closed or moved in
EventPass = Callable[[frozenset[Path], Closed], None]  # run a pass over these paths
QUIET_SECONDS = 0.05  # gather the events of one copy (close, then the rename of a temp file) into one pass


@dataclass
class _Pending:
    """Paths with events since the last pass, and the files among them seen complete."""

    paths: set[Path] = field(default_factory=set)
    closed: set[tuple[str, int, int]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready: threading.Event = field(default_factory=threading.Event)

    def add(self, path: Path, complete: bool) -> None:
        with self.lock:
            self.paths.add(path)
            if complete:
                try:
                    info = path.stat()
                except OSError:
                    return
                self.closed.add((os.fspath(path), info.st_size, info.st_mtime_ns))
        self.ready.set()

    def take(self) -> tuple[frozenset[Path], Closed]:
        with self.lock:
            taken = frozenset(self.paths), frozenset(self.closed)
            self.paths.clear()
            self.closed.clear()
            self.ready.clear()
        return taken


class _Handler(FileSystemEventHandler):
    def __init__(self, pending: _Pending) -> None:
        self.pending = pending

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        raw = event.dest_path if isinstance(event, FileMovedEvent) else event.src_path
        path = Path(os.fsdecode(raw))
        if path.name.startswith(".") or path.suffix.lower() not in SUFFIXES:
            return
        self.pending.add(path, complete=isinstance(event, FileClosedEvent | FileMovedEvent))


@contextmanager
def event_passes(folder: Path, run_pass: EventPass) -> Iterator[bool]:
    """While the block runs, run a pass (in a thread of its own) over the files that events name; the block
    is given whether events are being watched (False where the filesystem gives none)."""
    pending = _Pending()
    observer = Observer()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        observer.schedule(_Handler(pending), os.fspath(folder), recursive=True)
        observer.start()
    except OSError as exc:  # no inotify (limits, an exotic filesystem): the periodic scan still runs
        log.warning("no filesystem events for %s (%s): new files wait for the next scheduled pass",
                    folder, exc.strerror or exc)
        yield False
        return
    stop = threading.Event()
    worker = threading.Thread(target=_loop, args=(pending, stop, run_pass), name="feeder-events", daemon=True)
    worker.start()
    try:
        yield True
    finally:
        stop.set()
        pending.ready.set()
        observer.stop()
        observer.join(timeout=10)
        worker.join(timeout=60)


def _loop(pending: _Pending, stop: threading.Event, run_pass: EventPass) -> None:
    while not stop.is_set():
        pending.ready.wait()
        if stop.is_set():
            return
        stop.wait(QUIET_SECONDS)
        paths, closed = pending.take()
        if paths:
            run_pass(paths, closed)
