"""Shared fixtures: paths to the scenario corpus and a config builder for temporary inboxes."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from feeder.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "fixtures" / "scenarios"

CONFIG_TEMPLATE = """
[input]
folder = "inbox"
settle_seconds = 0
[output]
folder = "feeds"
state = "state"
{output}
[feed]
id_base = "tag:feeder.test,2026:"
title = "Test feed"
author = "feeder tests"
base_url = "http://localhost:8080/"
max_entries = {max_entries}
{extra}
"""


def write_config(folder: Path, *, max_entries: int = 100, extra: str = "", output: str = "") -> Path:
    """A config.toml in folder with an empty inbox/ beside it."""
    (folder / "inbox").mkdir(exist_ok=True)
    path = folder / "config.toml"
    path.write_text(CONFIG_TEMPLATE.format(max_entries=max_entries, extra=extra, output=output), encoding="utf-8")
    return path


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load_config(write_config(tmp_path))


def scenario_inputs() -> list[Path]:
    return sorted(p for p in SCENARIOS.iterdir() if p.suffix in (".txt", ".html", ".htm"))


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """`feeder build`/`run` configure the root logger; give every test the logging it started with."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in ("apscheduler", "feeder.progress")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


SOCKET_TIMEOUT = 20  # seconds: feedparser and other clients without a timeout argument, on a busy machine


@pytest.fixture
def socket_timeout() -> Iterator[None]:
    """Bound the requests of clients that take no timeout argument (feedparser) through the socket default."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(SOCKET_TIMEOUT)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)
