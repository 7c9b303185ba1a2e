"""The daemon: APScheduler runs a pass on the configured schedule; signals stop or reload it. No business logic.

This is the only module that imports APScheduler.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from feeder.config import Config, check_paths, load_config
from feeder.errors import ConfigError, FeederError
from feeder.lock import InstanceLock
from feeder.pipeline import Progress, Scope, run_once, settle_cut
from feeder.records import RunReport
from feeder.status import pass_failed, pass_finished, pass_started

if TYPE_CHECKING:  # APScheduler is imported by the daemon itself, not by `build` or `run --once`
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger("feeder")


def now_utc() -> datetime:
    """The clock, read here and in the CLI only; everything below gets time passed in."""
    return datetime.now(UTC).replace(microsecond=0)


def one_pass(config: Config, progress: Progress | None = None, scope: Scope | None = None) -> RunReport:
    """A pass (over the whole inbox, or the files events named) with its start and outcome logged and
    kept in the state folder for ``feeder status``."""
    started = now_utc()
    scope = replace(scope or Scope(trust_folder_stamps=not config.in_place_rewrites),
                    settled_before=settle_cut(config, time.time_ns()))
    log.info("pass started: inbox %s%s", config.input_folder,
             "" if scope.paths is None else f" ({len(scope.paths)} file(s) with events)")
    pass_started(config, started)
    try:
        check_paths(config)  # the inbox may have gone since the daemon started
        report = run_once(config, now=started, progress=progress, scope=scope)
    except BaseException as exc:
        pass_failed(config, started, now_utc(), exc)
        raise
    pass_finished(config, started, now_utc(), report)
    log.info("pass %s: %s", "refused" if report.refused else "finished", summary(report))
    return report


def summary(report: RunReport) -> str:
    """The counts of a pass in one line."""
    return (f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.merged} merged into existing stories, {len(report.rejected)} rejected, "
            f"{len(report.held)} held back; {report.entries} entries; {len(report.feeds)} feed files written")


def trigger(config: Config, every: float | None) -> CronTrigger | IntervalTrigger:
    """The schedule: --every wins, then schedule.cron, then schedule.interval_seconds."""
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    if every is not None:
        return IntervalTrigger(seconds=every, timezone=UTC)
    if config.schedule.cron:
        try:
            return CronTrigger.from_crontab(config.schedule.cron, timezone=UTC)
        except ValueError as exc:
            raise ConfigError(config.path, [f"schedule.cron: {exc}"]) from exc
    return IntervalTrigger(seconds=config.schedule.interval_seconds, timezone=UTC)


class _Current:
    """The config the next pass uses; SIGHUP replaces it with a re-read one when that one is valid."""

    def __init__(self, config: Config, every: float | None) -> None:
        self.config = config
        self.every = every
        self.watching = False  # filesystem events are caught: scans may skip folders whose stat is unchanged


POLL_SECONDS = 1.0  # the main thread's longest sleep: the bound on handling a signal the kernel gave another thread
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class _Signals:
    """The daemon's one owner of signals: handlers only record them, the main thread acts on them.

    Installed before any thread starts or the lock is taken, so a signal during start-up is kept,
    not dropped. CPython runs handlers in the main thread only, and only when it runs bytecode; a
    signal that the kernel hands to another thread would wait for the main thread to wake from a
    long sleep, so the main thread never sleeps longer than ``POLL_SECONDS``. A forked pool worker
    inherits the handlers: a group-wide SIGTERM or Ctrl-C is then recorded in its copy and the
    worker finishes its share of the pass in flight.
    """

    def __init__(self) -> None:
        self.stop: int | None = None  # the first stop signal received
        self.reload = False
        self.wake = threading.Event()
        self._previous: dict[int, _Handler] = {}

    def install(self) -> None:
        for signum in (*STOP_SIGNALS, signal.SIGHUP):
            self._previous[signum] = signal.signal(signum, self._record)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _record(self, signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGHUP:
            self.reload = True
        elif self.stop is None:
            self.stop = signum
        self.wake.set()

    def wait(self) -> None:
        """Sleep until a signal is recorded (or ``POLL_SECONDS`` pass, so pending handlers run)."""
        self.wake.wait(POLL_SECONDS)
        self.wake.clear()


def run_daemon(config: Config, *, every: float | None = None, progress: Progress | None = None,
               serve: bool = False) -> int:
    """Run passes on schedule until SIGTERM or SIGINT; a pass in flight finishes first. Returns 0.

    SIGHUP re-reads the config file; a bad one is refused (logged) and the running one kept.
    With ``serve``, the feeds folder is also served over HTTP from a thread of this process.
    """
    when = trigger(config, every)
    current = _Current(config, every)
    signals = _Signals()
    signals.install()
    try:
        with InstanceLock(config.state_folder), _server(config, serve), _events(current, progress):
            _schedule(when, current, progress, signals)
        log.info("daemon stopped")
    finally:
        signals.restore()
    return 0


def _schedule(when: CronTrigger | IntervalTrigger, current: _Current, progress: Progress | None,
              signals: _Signals) -> None:
    """Passes on a scheduler thread while the main thread waits for signals; a stop waits for the pass in flight."""
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.add_job(_guarded_pass, when, args=(current, progress), id="pass", max_instances=1,
                      coalesce=True, misfire_grace_time=current.config.schedule.misfire_grace_seconds,
                      next_run_time=now_utc())
    log.info("daemon started: %s", when)
    notify("READY=1")
    if signals.stop is None:  # stopped during start-up: no pass begins
        scheduler.start()
    while signals.stop is None:
        signals.wait()
        if signals.reload:
            signals.reload = False
            _reload(scheduler, current)
    log.info("%s received: stopping after the pass in flight", signal.Signals(signals.stop).name)
    notify("STOPPING=1")
    if scheduler.running:
        scheduler.shutdown(wait=True)


def _reload(scheduler: BackgroundScheduler, current: _Current) -> None:
    """Re-read the config file; keep the running config when the new one has a problem."""
    notify("RELOADING=1")
    try:
        config = load_config(current.config.path)
        check_paths(config)
        when = trigger(config, current.every)
    except FeederError as exc:
        log.error("SIGHUP: config not reloaded, the running one stays: %s", one_line(exc))
        notify("READY=1")
        return
    if config.state_folder != current.config.state_folder:
        log.error("SIGHUP: config not reloaded: output.state changed (%s); restart feeder to move the state",
                  config.state_folder)
        notify("READY=1")
        return
    current.config = config
    if scheduler.running:
        scheduler.reschedule_job("pass", trigger=when)
    log.info("SIGHUP: config reloaded from %s: %s", config.path, when)
    notify("READY=1")


def one_line(error: BaseException) -> str:
    """An error as one line: a config error's problems joined with '; '."""
    if isinstance(error, ConfigError):
        return f"{error.path}: " + "; ".join(error.problems)
    return " ".join(str(error).split())


def notify(state: str) -> None:
    """Tell systemd (Type=notify) about our state over $NOTIFY_SOCKET, as sd_notify(3) does; else nothing."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address.startswith(("/", "@")):
        return
    target = "\0" + address[1:] if address.startswith("@") else address  # "@": the abstract namespace
    import socket  # here: `feeder build` never notifies
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(target)
            sock.sendall(state.encode())
    except OSError as exc:  # systemd gone or the socket not ours: the daemon itself is fine
        log.debug("sd_notify %s failed: %s", state, exc)


@contextmanager
def _server(config: Config, enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    from feeder.serve import make_server

    settings = config.serve
    handle = make_server(config.output_folder, host=settings.host, port=settings.port,
                         cache_control=settings.cache_control)
    thread = threading.Thread(target=handle.serve_forever, name="feeder-serve", daemon=True)
    thread.start()
    log.info("serving %s on %s", config.output_folder, handle.url)
    try:
        yield
    finally:
        handle.shutdown()
        thread.join(timeout=10)


_one_at_a_time = threading.Lock()  # scheduled passes and event passes never overlap


def _guarded_pass(current: _Current, progress: Progress | None, scope: Scope | None = None) -> None:
    """A failing pass is logged once, as failed, and the daemon lives on to try at the next tick."""
    if scope is None:  # a scheduled scan: events catch in-place rewrites, so unchanged folders may be skipped
        scope = Scope(trust_folder_stamps=current.watching or not current.config.in_place_rewrites)
    try:
        with _one_at_a_time:
            report = one_pass(current.config, progress, scope)
    except FeederError as exc:
        log.error("pass failed: %s", one_line(exc))
        notify(f"STATUS=last pass failed: {one_line(exc)}")
    except Exception as exc:  # our bug: the daemon outlives it, and the traceback is what a report needs
        log.error("pass failed: %s: %s", type(exc).__name__, exc, exc_info=True)
        notify(f"STATUS=last pass failed: {type(exc).__name__}")
    else:
        notify(f"STATUS=last pass: {summary(report)}")


@contextmanager
def _events(current: _Current, progress: Progress | None) -> Iterator[None]:
    """A pass over the files that filesystem events name, as soon as they are closed (feeder/watch.py)."""
    from feeder.watch import event_passes

    def on_events(paths: frozenset[Path], closed: frozenset[tuple[str, int, int]]) -> None:
        _guarded_pass(current, progress, Scope(paths=paths, closed=closed))

    with event_passes(current.config.input_folder, on_events) as watching:
        current.watching = watching
        try:
            yield
        finally:
            current.watching = False
