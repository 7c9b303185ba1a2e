"""Filesystem events: the daemon publishes a file as soon as its writer closes it, without a scheduled pass."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser

from feeder.config import load_config
from tests.conftest import ROOT, write_config
from tests.stories import story_text, write_story

TITLE = "Ningbo port logistics update number {n}"


def _titles(path: Path) -> list[str]:
    if not path.exists():
        return []
    return sorted(e.title for e in feedparser.parse(path.read_bytes()).entries)


def _wait_for(condition: object, what: str) -> None:
    """Poll a bounded number of times (a hang guard, not a speed check)."""
    for _ in range(600):
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting: {what}")


def test_a_closed_file_is_published_by_its_event_and_an_open_one_waits(tmp_path: Path) -> None:
    path = write_config(tmp_path)
    # a schedule that never comes during the test, and a settle time longer than it: only the
    # close events can publish anything
    path.write_text(path.read_text().replace("settle_seconds = 0", "settle_seconds = 600"))
    config = load_config(path)
    feed = config.output_folder / "feed.atom"
    log = tmp_path / "daemon.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as stderr:
        daemon = subprocess.Popen([sys.executable, "-m", "feeder", "run", "-c", str(config.path), "--every", "3600"],
                                  env=env, stderr=stderr, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        _wait_for(lambda: "daemon started" in log.read_text() and "pass finished" in log.read_text(),
                  "the first pass")
        write_story(config.input_folder, 1)  # written and closed at once
        _wait_for(lambda: _titles(feed) == [TITLE.format(n=1)], "the closed file's entry")
        with (config.input_folder / "story-0002.txt").open("w", encoding="utf-8") as handle:
            text = story_text(2)
            handle.write(text[:200])
            handle.flush()
            os.fsync(handle.fileno())
            _wait_for(lambda: "waiting for" in log.read_text(), "the open file to be noticed")
            assert _titles(feed) == [TITLE.format(n=1)], "a file still open is not read"
            handle.write(text[200:])
        _wait_for(lambda: len(_titles(feed)) == 2, "the file once closed")
        assert _titles(feed) == [TITLE.format(n=1), TITLE.format(n=2)]
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
    assert daemon.returncode == 0, log.read_text()
