"""The daemon as a user runs it: a real subprocess on a schedule, signals, one instance, crashes."""

from __future__ import annotations

import os
import random
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
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
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
        process = _feeder("build", "-c", str(live.path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.95) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
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
