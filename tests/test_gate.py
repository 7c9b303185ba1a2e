"""The publishing gate: a render that fails validation is not published, and the previous feed stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeder.config import Config, load_config
from feeder.errors import InputError
from feeder.normalize import entry_id
from feeder.pipeline import check_entry, inspect_file, plainly_valid, run_once
from feeder.publish import Rendition
from feeder.records import Entry
from tests.conftest import ROOT, SCENARIOS, write_config
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


# --- the per-entry gate's shortcut: values checked by rule, rendering only when in doubt -----------------

CORPUS = (SCENARIOS, ROOT / "tests" / "fixtures" / "corpus")


def _entries(config: Config) -> list[Entry]:
    entries = []
    for folder in CORPUS:
        for path in sorted(folder.glob("*.*")):
            if path.suffix not in (".txt", ".html", ".htm"):
                continue
            try:
                article = inspect_file(path, config, now=NOW)
            except InputError:
                continue
            eid = entry_id(config.feed.id_base, article.story_key)
            stamp = article.published.value if article.published else NOW
            entries.append(Entry(eid, article, stamp, stamp, (article.via,) if article.via else ()))
    return entries


def test_an_entry_passed_by_rule_is_valid_when_rendered(tmp_path: Path) -> None:
    """The shortcut is sound on every labelled page: what it passes, the full validation passes."""
    config = load_config(write_config(tmp_path))
    entries = _entries(config)
    assert len(entries) > 50
    plain = [entry for entry in entries if plainly_valid(entry, config.feed.base_url)]
    assert len(plain) == len(entries), "ordinary stories take the shortcut"
    assert all(check_entry(entry, config, NOW) == [] for entry in plain)


def test_an_entry_in_doubt_is_rendered_and_judged_in_full(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    entry = _entries(config)[0]
    long_story = replace(entry, article=replace(entry.article, body=("word " * 60_000,)))
    assert not plainly_valid(long_story, config.feed.base_url)
    assert check_entry(long_story, config, NOW) == [], "long, not invalid: it is published"
    # A C1 control character passes clean_url but is no IRI: the full check names the problem.
    odd_via = "https://blog.example.org/story\x85one"
    bad_link = replace(entry, article=replace(entry.article, via=odd_via), vias=(odd_via,))
    assert not plainly_valid(bad_link, config.feed.base_url)
    problems = check_entry(bad_link, config, NOW)
    assert problems and "invalid-iri" in problems[0]
