"""How feeder reports to people and log collectors: log formats and levels, progress; the only tqdm import."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import IO, Any

from feeder.text import printable

LEVELS = ("debug", "info", "warning", "error")
PROGRESS_LOGGER = "feeder.progress"
FORMATS = ("auto", "text", "journal", "json")

# syslog priorities that journald reads from a "<N>" prefix on each stderr line (sd-daemon(3)).
_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


class _Text(logging.Formatter):
    """One line per event; the message escaped so a file name or page text cannot forge a line."""

    def __init__(self, stamped: bool) -> None:
        super().__init__()
        self.stamped = stamped

    def format(self, record: logging.LogRecord) -> str:
        line = f"{record.levelname.lower()}: {printable(record.getMessage())}"
        if self.stamped:
            line = f"{datetime.fromtimestamp(record.created, UTC).isoformat(timespec='seconds')} feeder {line}"
        if record.exc_info:  # our own bug: the traceback follows, indented so it cannot pass for an event
            trace = self.formatException(record.exc_info)
            line += "\n" + "\n".join(f"    {row}" for row in trace.splitlines())
        return line


class _Journal(logging.Formatter):
    """journald adds the time and the unit: a priority prefix and the escaped message only."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"<{_PRIORITY.get(record.levelno, 6)}>{printable(record.getMessage())}"
        if record.exc_info:
            line += " | " + printable(self.formatException(record.exc_info))
        return line


class _Json(logging.Formatter):
    """One JSON object per line: time, level, message (and the traceback of a bug)."""

    def format(self, record: logging.LogRecord) -> str:
        event = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
                 "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            event["traceback"] = self.formatException(record.exc_info)
        return json.dumps(event, ensure_ascii=False)


def journald_is_stderr(stream: IO[str] | None = None) -> bool:
    """Whether stderr is connected to journald: systemd sets JOURNAL_STREAM to its device:inode."""
    expected = os.environ.get("JOURNAL_STREAM", "")
    try:
        status = os.fstat((stream or sys.stderr).fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return expected == f"{status.st_dev}:{status.st_ino}"


def configure_logging(level: str = "info", fmt: str = "auto", stream: IO[str] | None = None) -> None:
    """Send feeder's log to stderr in the chosen format; APScheduler's own lines only at debug."""
    stream = stream or sys.stderr
    if fmt == "auto":
        fmt = "journal" if journald_is_stderr(stream) else "text"
    formatter: logging.Formatter = {"json": _Json(), "journal": _Journal()}.get(fmt) or _Text(stamped=True)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper()))
    # "Running job …", "Job … executed successfully": internals, and misleading after a failed pass.
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if level == "debug" else logging.WARNING)
    # Progress of a long pass shows at build's default (warning) too: minutes of silence look like a hang.
    logging.getLogger(PROGRESS_LOGGER).setLevel(logging.ERROR if level == "error" else logging.INFO)


class Progress:
    """A progress bar on a terminal (files done/total, rate, ETA), else a log line every tenth of the way."""

    def __init__(self, terminal: bool | None = None, label: str = "files") -> None:
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self.label = label
        self._bar: Any = None  # a tqdm bar while one is shown
        self._started = 0.0
        self._next = 0

    def __call__(self, done: int, total: int) -> None:
        if self.terminal:
            self._draw(done, total)
        else:
            self._log(done, total)

    def _draw(self, done: int, total: int) -> None:
        if self._bar is None or self._bar.total != total:
            self.close()
            # A pseudo-terminal of size 0x0 (script, some CI runners) would hide the bar: assume 80x24.
            sized = shutil.get_terminal_size((0, 0)).columns > 0
            from tqdm import tqdm  # imported on a terminal only: it costs a tenth of a second at start

            self._bar = tqdm(total=total, unit=" " + self.label, file=sys.stderr, dynamic_ncols=sized,
                             ncols=None if sized else 80, nrows=None if sized else 24, leave=False)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self.close()

    def _log(self, done: int, total: int) -> None:
        if total < MIN_LOGGED:
            return
        if done <= 1 or self._started == 0.0:
            self._started, self._next = time.monotonic(), _step(total)
        if done < self._next and done < total:
            return
        self._next = done + _step(total)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        logging.getLogger(PROGRESS_LOGGER).info("progress: %d/%d %s (%d%%), %.0f %s/s, about %.0f s left",
                                         done, total, self.label, 100 * done // max(total, 1), rate,
                                         self.label, left)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


MIN_LOGGED = 100  # a pass over fewer files logs only its summary


def _step(total: int) -> int:
    """A line every tenth of a long pass, at least 100 files apart."""
    return max(MIN_LOGGED, total // 10)


@contextmanager
def progress_display(terminal: bool | None = None) -> Iterator[Progress]:
    """A Progress for one command; on a terminal, log lines print above the bar instead of through it."""
    display = Progress(terminal)
    try:
        if display.terminal:
            from tqdm.contrib.logging import logging_redirect_tqdm

            with logging_redirect_tqdm():
                yield display
        else:
            yield display
    finally:
        display.close()
