"""The publishing gate: a render that fails validation is not published, and the previous feed stays."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeder.config import load_config
from feeder.pipeline import run_once
from feeder.publish import Rendition
from tests.conftest import write_config
from tests.stories import write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
BROKEN = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'


def test_a_broken_render_is_not_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write_config(tmp_path))
    write_story(config.input_folder, 1)
    run_once(config, now=NOW)
    feed = config.output_folder / "feed.atom"
    good = feed.read_bytes()

    real = Rendition.render
    monkeypatch.setattr(Rendition, "render", lambda self: BROKEN)
    write_story(config.input_folder, 2)
    report = run_once(config, now=NOW)
    assert feed.read_bytes() == good
    assert report.feeds == ()
    assert report.refused and "feed-missing-id" in report.refused[0]
    monkeypatch.setattr(Rendition, "render", real)
    retry = run_once(config, now=NOW)
    assert retry.new == 0, "the story was stored by the refused pass"
    assert retry.feeds == (str(feed),), "the document that disagrees with the state is written now"
    assert b"update number 2" in feed.read_bytes()
