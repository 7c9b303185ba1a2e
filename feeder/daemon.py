"""The daemon: APScheduler runs a pass on the configured schedule; signals stop it cleanly. No business logic.

This is the only module that imports APScheduler.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from feeder.config import Config
from feeder.errors import ConfigError
from feeder.lock import InstanceLock
from feeder.pipeline import Progress, Scope, run_once, settle_cut
from feeder.records import RunReport

log = logging.getLogger("feeder")


def now_utc() -> datetime:
    """The clock, read here and in the CLI only; everything below gets time passed in."""
    return datetime.now(UTC).replace(microsecond=0)


def one_pass(config: Config, progress: Progress | None = None, scope: Scope | None = None) -> RunReport:
    """A pass with its start and finish logged (over the whole inbox, or the files events named)."""
    scope = replace(scope or Scope(), settled_before=settle_cut(config, time.time_ns()))
    log.info("pass started: inbox %s%s", config.input_folder,
             "" if scope.paths is None else f" ({len(scope.paths)} file(s) with events)")
    report = run_once(config, now=now_utc(), progress=progress, scope=scope)
    log.info("pass finished: %d new, %d updated, %d unchanged, %d rejected; %d entries; %d feed files written",
             report.new, report.updated, report.unchanged, len(report.rejected), report.entries,
             len(report.feeds))
    return report


def trigger(config: Config, every: float | None) -> CronTrigger | IntervalTrigger:
    """The schedule: --every wins, then schedule.cron, then schedule.interval_seconds."""
    if every is not None:
        return IntervalTrigger(seconds=every, timezone=UTC)
    if config.schedule.cron:
        try:
            return CronTrigger.from_crontab(config.schedule.cron, timezone=UTC)
        except ValueError as exc:
            raise ConfigError(config.path, [f"schedule.cron: {exc}"]) from exc
    return IntervalTrigger(seconds=config.schedule.interval_seconds, timezone=UTC)


def run_daemon(config: Config, *, every: float | None = None, progress: Progress | None = None,
               serve: bool = False) -> int:
    """Run passes on schedule until SIGTERM or SIGINT; a pass in flight finishes first. Returns 0.

    With ``serve``, the feeds folder is also served over HTTP from a thread of this process.
    """
    when = trigger(config, every)
    with InstanceLock(config.state_folder), _server(config, serve), _events(config, progress):
        scheduler = BlockingScheduler(timezone=UTC)
        scheduler.add_job(_guarded_pass, when, args=(config, progress), id="pass", max_instances=1,
                          coalesce=True, misfire_grace_time=config.schedule.misfire_grace_seconds,
                          next_run_time=now_utc())

        def stop(signum: int, _frame: FrameType | None) -> None:
            if not scheduler.running:
                return  # a second signal while the first one waits for the pass in flight
            log.info("%s received: stopping after the pass in flight", signal.Signals(signum).name)
            scheduler.shutdown(wait=True)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        log.info("daemon started: %s", when)
        scheduler.start()
        log.info("daemon stopped")
    return 0


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


def _guarded_pass(config: Config, progress: Progress | None, scope: Scope | None = None) -> None:
    """A failing pass is logged and the daemon lives on to try at the next tick."""
    try:
        with _one_at_a_time:
            one_pass(config, progress, scope)
    except Exception:  # the daemon must outlive one bad pass; the error is logged in full
        log.exception("pass failed")


@contextmanager
def _events(config: Config, progress: Progress | None) -> Iterator[None]:
    """A pass over the files that filesystem events name, as soon as they are closed (feeder/watch.py)."""
    from feeder.watch import event_passes

    def on_events(paths: frozenset[Path], closed: frozenset[tuple[str, int, int]]) -> None:
        _guarded_pass(config, progress, Scope(paths=paths, closed=closed))

    with event_passes(config.input_folder, on_events):
        yield


def terminal_progress() -> Progress | None:
    """A progress line when stderr is a terminal; plain log lines every 1000 files otherwise."""
    if sys.stderr.isatty():
        def show(done: int, total: int) -> None:
            print(f"\r  {done}/{total} files", end="" if done < total else "\n", file=sys.stderr)
        return show

    def log_every(done: int, total: int) -> None:
        if done % 1000 == 0 or (done == total and total >= 1000):
            log.info("progress: %d/%d files", done, total)
    return log_every
