"""SIGTERM/SIGINT stop `feeder run` at every moment: during start-up, idle, during a pass, with --serve and events.

Each case runs the daemon as a user does (a subprocess with `--every 3600`, so no scheduled pass
comes to wake it) and requires it to be gone within ``POLLS`` polls of the process. Exit codes:
0 once the daemon has installed its handlers (the pass in flight finishes first); a signal that
lands earlier, while the interpreter starts, ends the process by the signal's default action
(-SIGTERM here), which systemd counts as a clean stop.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest

from feeder.config import load_config
from tests.conftest import ROOT, write_config
from tests.stories import write_story

POLLS = 200  # polls of the process, 0.1 s apart: a hang guard (a stop takes one or two), not a speed check


def _spawn(config: Path, log: Path, *extra: str, env: dict[str, str] | None = None,
           session: bool = False) -> subprocess.Popen[bytes]:
    with log.open("wb") as stderr:
        return subprocess.Popen([sys.executable, "-m", "feeder", "run", "-c", str(config), "--every", "3600", *extra],
                                env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, stderr=stderr,
                                stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=session)


def _until(condition: Callable[[], bool], what: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if condition():
            return
        assert process.poll() is None, f"the daemon exited ({process.returncode}) before {what}"
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def _exit_code(process: subprocess.Popen[bytes], log: Path) -> int:
    """The exit code, once the process is gone within POLLS polls; a daemon still alive fails the test."""
    try:
        for _ in range(POLLS):
            code = process.poll()
            if code is not None:
                return code
            time.sleep(0.1)
        raise AssertionError(f"still running {POLLS} polls after the signal:\n{log.read_text(errors='replace')}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def _logged(log: Path, text: str) -> bool:
    return text in log.read_text(errors="replace")


def _inbox(tmp_path: Path, stories: int, extra: str = "") -> Path:
    config = write_config(tmp_path, max_entries=1000, extra=extra)
    for n in range(stories):
        write_story(tmp_path / "inbox", n)
    return config


def _children(pid: int) -> int:
    """How many child processes pid has now (Linux /proc), counted over all its threads."""
    count = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            count += len((task / "children").read_text().split())
        except OSError:  # the thread ended meanwhile
            continue
    return count


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_signal_right_after_spawn_ends_it(tmp_path: Path) -> None:
    log = tmp_path / "daemon.log"
    process = _spawn(_inbox(tmp_path, 3), log)
    process.send_signal(signal.SIGTERM)
    assert _exit_code(process, log) in (0, -signal.SIGTERM)


def test_a_signal_during_start_up_is_kept_and_no_pass_begins(tmp_path: Path) -> None:
    """The daemon is held between installing its handlers and starting the scheduler: its READY=1
    to systemd blocks on a notify socket whose queue we keep full. A SIGTERM there used to be
    dropped (the handler saw no running scheduler) and the daemon then ran until SIGKILL."""
    config, log = _inbox(tmp_path, 3), tmp_path / "daemon.log"
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener, \
            socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as filler:
        listener.bind(address)
        filler.connect(address)
        filler.setblocking(False)
        queued = 0
        while True:
            try:
                filler.send(b"X")
                queued += 1
            except BlockingIOError:
                break
        process = _spawn(config, log, env={"NOTIFY_SOCKET": address})
        _until(lambda: _logged(log, "daemon started"), "start-up", process)
        process.send_signal(signal.SIGTERM)
        time.sleep(0.5)  # lets the handler run while READY=1 still waits (it is interrupted and resent)
        listener.settimeout(5)
        messages = [listener.recv(64) for _ in range(queued)]  # the filler's, then the daemon's can queue
        assert set(messages) == {b"X"}
        code = _exit_code(process, log)
    assert code == 0
    assert _logged(log, "SIGTERM received") and _logged(log, "daemon stopped")
    assert not _logged(log, "pass started"), "a daemon told to stop before it started runs no pass"


@pytest.mark.parametrize("serve", [False, True], ids=["plain", "serve"])
def test_a_signal_while_idle_stops_it(tmp_path: Path, serve: bool) -> None:
    extra = f"[serve]\nport = {_free_port()}\n" if serve else ""
    config, log = _inbox(tmp_path, 3, extra), tmp_path / "daemon.log"
    process = _spawn(config, log, *(["--serve"] if serve else []))
    _until(lambda: _logged(log, "pass finished"), "the first pass", process)
    write_story(tmp_path / "inbox", 3)  # an event pass: the events thread has run and waits again
    _until(lambda: log.read_text(errors="replace").count("pass finished") == 2, "the event pass", process)
    process.send_signal(signal.SIGTERM)
    assert _exit_code(process, log) == 0
    assert _logged(log, "daemon stopped")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_pass_lets_it_finish_then_stops(tmp_path: Path, signum: int) -> None:
    config, log = _inbox(tmp_path, 60), tmp_path / "daemon.log"
    process = _spawn(config, log)
    _until(lambda: _logged(log, "pass started"), "the first pass to start", process)
    process.send_signal(signum)
    assert _exit_code(process, log) == 0
    text = log.read_text(errors="replace")
    assert text.index(f"{signal.Signals(signum).name} received") < text.index("daemon stopped")
    assert "pass finished: 60 new" in text, "the pass in flight finished"
    feed = load_config(config).output_folder / "feed.atom"
    assert len(feedparser.parse(feed.read_bytes()).entries) == 60


def test_a_group_signal_during_a_parallel_pass_reaches_the_workers_too(tmp_path: Path) -> None:
    """systemd and a terminal's Ctrl-C signal every process of the group, forked pool workers
    included: they must go on with their share so that the pass in flight finishes."""
    config, log = _inbox(tmp_path, 420), tmp_path / "daemon.log"  # over the pass's PARALLEL_FROM
    process = _spawn(config, log, session=True)
    _until(lambda: _children(process.pid) > 0, "the pass's worker processes", process)
    os.killpg(process.pid, signal.SIGTERM)
    assert _exit_code(process, log) == 0
    text = log.read_text(errors="replace")
    assert "pass finished: 420 new" in text and "pass failed" not in text


def _other_threads(pid: int) -> list[int]:
    return sorted(int(task.name) for task in Path(f"/proc/{pid}/task").iterdir() if int(task.name) != pid)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_signal_the_kernel_hands_to_another_thread_still_stops_it(tmp_path: Path) -> None:
    """Python runs handlers in the main thread only; a signal taken by another thread (the kernel
    may pick any thread that does not block it) must not wait for the main thread's next wake-up,
    an hour away with --every 3600. kill(2) given a thread's id prefers that thread."""
    config, log = _inbox(tmp_path, 3), tmp_path / "daemon.log"
    process = _spawn(config, log)
    _until(lambda: _logged(log, "pass finished"), "the first pass", process)
    time.sleep(0.5)  # the main thread settles into its wait
    os.kill(_other_threads(process.pid)[0], signal.SIGTERM)
    assert _exit_code(process, log) == 0
    assert _logged(log, "daemon stopped")
