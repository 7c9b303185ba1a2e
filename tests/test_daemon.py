"""The daemon as a user runs it: a real subprocess on a schedule, signals, one instance, crashes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from feeder.config import Config, load_config
from feeder.pipeline import run_once
from feeder.validate import validate_feed
from tests.conftest import ROOT, write_config
from tests.stories import write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _feeder(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.Popen([sys.executable, "-m", "feeder", *args], env=env, **kwargs)  # type: ignore[call-overload]


def _entries(path: Path) -> list[str]:
    if not path.exists():
        return []
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0
    return sorted(e.title for e in parsed.entries)


def _wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the daemon")


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[tuple[Config, subprocess.Popen[bytes], Path]]:
    config = load_config(write_config(tmp_path))
    log = tmp_path / "daemon.log"
    with log.open("wb") as stderr:
        process = _feeder("run", "-c", str(config.path), "--every", "1", stderr=stderr,
                          stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        _wait_for(lambda: (config.output_folder / "feed.atom").exists())
        yield config, process, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_daemon_publishes_dropped_files_and_stops_on_sigterm(
        daemon: tuple[Config, subprocess.Popen[bytes], Path]) -> None:
    config, process, log = daemon
    feed = config.output_folder / "feed.atom"
    assert _entries(feed) == []
    write_story(config.input_folder, 1)
    write_story(config.input_folder, 2)
    _wait_for(lambda: len(_entries(feed)) == 2)
    assert _entries(feed) == ["Ningbo port logistics update number 1", "Ningbo port logistics update number 2"]
    write_story(config.input_folder, 3)
    _wait_for(lambda: len(_entries(feed)) == 3)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    text = log.read_text()
    assert "pass finished" in text and "daemon stopped" in text
    assert validate_feed(feed.read_bytes(), now=NOW) == ()


def test_second_instance_exits_at_once(daemon: tuple[Config, subprocess.Popen[bytes], Path]) -> None:
    config, process, _ = daemon
    second = subprocess.run([sys.executable, "-m", "feeder", "run", "--once", "-c", str(config.path)],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                            timeout=60, check=False)
    assert second.returncode == 1
    assert f"pid {process.pid}" in second.stderr
    assert "already working" in second.stderr


def test_stale_lock_from_a_dead_process_is_taken_over(config: Config) -> None:
    config.state_folder.mkdir(parents=True, exist_ok=True)
    (config.state_folder / "feeder.lock").write_text("999999\n")
    write_story(config.input_folder, 7)
    done = subprocess.run([sys.executable, "-m", "feeder", "build", "-c", str(config.path)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert _entries(config.output_folder / "feed.atom") == ["Ningbo port logistics update number 7"]


def test_sigkill_at_random_moments_never_leaves_a_broken_feed(tmp_path: Path) -> None:
    """Kill `feeder build` at random instants; after each kill the published feed is valid, and the
    next pass converges to what an uninterrupted run over the same inbox publishes."""
    (tmp_path / "live").mkdir()
    live = load_config(write_config(tmp_path / "live", max_entries=1000))
    rng = random.Random(20261127)
    next_story = 0
    for _ in range(40):
        write_story(live.input_folder, next_story)
        next_story += 1
    started = time.monotonic()
    _feeder("build", "-c", str(live.path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).wait(60)
    duration = time.monotonic() - started  # one whole run: interpreter start, pass, publish
    kills = attempts = 0
    while kills < 50 and attempts < 200:  # at least 50 kills that land before the run ends
        attempts += 1
        for _ in range(4):
            write_story(live.input_folder, next_story)
            next_story += 1
        started = time.monotonic()
        process = _feeder("build", "-c", str(live.path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.95) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        else:  # the run finished first: later runs are shorter than the first (fewer new files), so aim by this one
            process.wait(timeout=30)
            duration = min(duration, time.monotonic() - started)
        process.wait(timeout=30)
        feed = live.output_folder / "feed.atom"
        if feed.exists():
            data = feed.read_bytes()
            assert feedparser.parse(data).bozo == 0
            assert [f for f in validate_feed(data, now=NOW) if f.severity == "error"] == []
    assert kills == 50, f"only {kills} kills landed in {attempts} runs"
    run_once(live, now=NOW)
    (tmp_path / "fresh").mkdir()
    fresh = load_config(write_config(tmp_path / "fresh", max_entries=1000))
    for path in sorted(live.input_folder.iterdir()):
        (fresh.input_folder / path.name).write_bytes(path.read_bytes())
    run_once(fresh, now=NOW)
    assert (live.output_folder / "feed.atom").read_bytes() == (fresh.output_folder / "feed.atom").read_bytes()
    assert not list(live.output_folder.glob(".*.tmp")), "a later pass clears temporary files of killed ones"


def test_run_serves_the_feeds_in_the_same_process(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = load_config(write_config(tmp_path, extra=f"[serve]\nport = {port}\n"))
    write_story(config.input_folder, 4)
    process = _feeder("run", "-c", str(config.path), "--every", "1", "--serve",
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        _wait_for(lambda: (config.output_folder / "feed.atom").exists())
        url = f"http://127.0.0.1:{port}/feed.atom"
        _wait_for(lambda: _get(url) is not None)
        status, kind, body = _get(url)  # type: ignore[misc]
        assert status == 200 and kind.startswith("application/atom+xml")
        assert body == (config.output_folder / "feed.atom").read_bytes()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _get(url: str) -> tuple[int, str, bytes] | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except OSError:
        return None


# ------------------------------------------------------------------ fit for systemd and cron

def _log_lines(log: Path) -> list[str]:
    return log.read_text(errors="replace").splitlines()


def test_a_failed_pass_is_logged_once_and_scheduler_internals_stay_quiet(
        daemon: tuple[Config, subprocess.Popen[bytes], Path]) -> None:
    config, process, log = daemon
    hidden = config.input_folder.with_name("inbox-away")
    config.input_folder.rename(hidden)
    _wait_for(lambda: any("pass failed" in line for line in _log_lines(log)))
    hidden.rename(config.input_folder)
    write_story(config.input_folder, 1)
    _wait_for(lambda: len(_entries(config.output_folder / "feed.atom")) == 1)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    lines = _log_lines(log)
    failures = [line for line in lines if "pass failed" in line]
    assert failures and all("input.folder" in line and "does not exist" in line for line in failures)
    assert not any("Traceback" in line for line in lines)
    assert not any("executed successfully" in line or "Running job" in line or "Added job" in line
                   for line in lines), "APScheduler's own lines are debug-only"
    assert all(line.split(" ", 1)[1].startswith("feeder ") for line in lines), "one stamped event per line"


def test_sighup_rereads_the_config_and_refuses_a_bad_one(
        daemon: tuple[Config, subprocess.Popen[bytes], Path]) -> None:
    config, process, log = daemon
    good = config.path.read_text()
    config.path.write_text(good.replace('title = "Test feed"', 'title = ""'))
    process.send_signal(signal.SIGHUP)
    _wait_for(lambda: any("config not reloaded" in line for line in _log_lines(log)))
    assert process.poll() is None, "SIGHUP does not kill the daemon"
    assert any("feed.title: must be a non-empty string" in line for line in _log_lines(log))
    write_story(config.input_folder, 1)
    feed = config.output_folder / "feed.atom"
    _wait_for(lambda: len(_entries(feed)) == 1)
    assert feedparser.parse(feed.read_bytes()).feed.title == "Test feed", "the running config stays"

    config.path.write_text(good.replace('title = "Test feed"', 'title = "Renamed feed"'))
    process.send_signal(signal.SIGHUP)
    _wait_for(lambda: any("config reloaded" in line for line in _log_lines(log)))
    write_story(config.input_folder, 2)
    _wait_for(lambda: len(_entries(feed)) == 2)
    assert feedparser.parse(feed.read_bytes()).feed.title == "Renamed feed"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


def test_readiness_and_stopping_reach_systemd_over_notify_socket(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(30)
        process = _feeder("run", "-c", str(config.path), "--every", "1", stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                          env={"NOTIFY_SOCKET": address})
        try:
            assert listener.recv(4096) == b"READY=1"
            _wait_for(lambda: (config.output_folder / "feed.atom").exists())
            process.send_signal(signal.SIGTERM)
            messages = []
            while b"STOPPING=1" not in messages:
                messages.append(listener.recv(4096))
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


def test_run_refuses_an_interval_that_would_spin(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    for every in ("-1", "nan", "0"):
        done = subprocess.run([sys.executable, "-m", "feeder", "run", "-c", str(config), "--every", every],
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                              timeout=60, check=False)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--every" in done.stderr


UNIT = ROOT / "contrib" / "feeder.service"
CRON = ROOT / "contrib" / "feeder.cron"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_the_shipped_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    home = tmp_path / "srv" / "feeder"
    program = home / ".venv" / "bin" / "feeder"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    unit = tmp_path / "feeder.service"
    unit.write_text(UNIT.read_text().replace("/srv/feeder", str(home)))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True,
                          timeout=120, check=False)
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if "feeder.service" in line]
    assert done.returncode == 0 and complaints == [], done.stdout + done.stderr
    text = UNIT.read_text()
    for setting in ("Type=notify", "User=feeder", "ProtectSystem=strict", "Restart=on-failure",
                    "ReadWritePaths=/srv/feeder/articles /srv/feeder/feeds /srv/feeder/.feeder-state",
                    "ExecReload=/bin/kill -HUP $MAINPID"):
        assert setting in text.splitlines(), setting


def test_the_shipped_crontab_line_runs_a_pass(tmp_path: Path) -> None:
    """The command of contrib/feeder.cron as cron runs it: sh, a bare PATH, output appended to a log."""
    program = Path(sys.executable).parent / "feeder"
    if not program.exists():
        pytest.skip("the feeder console script is not installed beside this interpreter")
    (line,) = [row for row in CRON.read_text().splitlines() if row and not row.startswith("#")]
    assert line in (ROOT / "README.md").read_text(), "the README shows the shipped line"
    fields = line.split(None, 5)
    assert len(fields) == 6 and fields[:5] == ["*/15", "*", "*", "*", "*"]
    home = tmp_path / "srv" / "feeder"
    home.mkdir(parents=True)
    config = write_config(home)
    config.write_text(config.read_text().replace('folder = "inbox"', 'folder = "articles"')
                      .replace('state = "state"', 'state = ".feeder-state"'))
    (home / "articles").mkdir()
    (home / ".venv" / "bin").mkdir(parents=True)
    (home / ".venv" / "bin" / "feeder").symlink_to(program)
    write_story(home / "articles", 1)
    command = fields[5].replace("/srv/feeder", str(home))
    for _ in range(2):
        done = subprocess.run(["/bin/sh", "-c", command], env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0 and done.stdout == done.stderr == "", done
    assert _entries(home / "feeds" / "feed.atom") == ["Ningbo port logistics update number 1"]
    log = (home / "feeder.log").read_text()
    assert log.count("pass finished: ") == 2 and "1 new" in log
