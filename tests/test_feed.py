"""The built feed, read back by a real consumer (feedparser): valid, complete, stable."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from feeder.config import Config, load_config
from feeder.pipeline import run_once
from tests.conftest import scenario_inputs, write_config

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _fill(config: Config, paths: list[Path]) -> None:
    for path in paths:
        shutil.copy(path, config.input_folder / path.name)


def _good_inputs() -> list[Path]:
    return [p for p in scenario_inputs()
            if json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["status"] == "ok"]


@pytest.fixture
def built(config: Config) -> tuple[Config, bytes]:
    _fill(config, scenario_inputs())
    run_once(config, now=NOW)
    return config, (config.output_folder / config.feed.filename).read_bytes()


def test_feedparser_reads_every_entry_as_written(built: tuple[Config, bytes]) -> None:
    _config, data = built
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    expected = {}
    for path in _good_inputs():
        record = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        expected[record["title"]] = record
    assert len(parsed.entries) == len(expected)
    for entry in parsed.entries:
        record = expected[entry.title]
        names = [a["name"] for a in entry.authors]
        fallback = [record["source"]["name"]] if record["source"] else [record["republisher"]]
        assert names == (record["authors"] or fallback)
        if record["published"]:
            assert entry.published == record["published"]
        if record["source"]:
            assert entry.source.title == record["source"]["name"]
            assert entry.source.id and entry.source.updated and entry.source.links
            assert record["source"]["name"] in entry.content[0].value


def test_feed_metadata(built: tuple[Config, bytes]) -> None:
    config, data = built
    parsed = feedparser.parse(data)
    feed = parsed.feed
    assert feed.id == config.feed_id
    assert feed.language == "en"
    assert any(link.rel == "self" and link.href == config.self_url for link in feed.links)
    newest = max(datetime.fromisoformat(e.updated) for e in parsed.entries)
    assert datetime.fromisoformat(feed.updated) == newest
    stamps = [datetime.fromisoformat(e.updated) for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)


def test_links_keep_their_rel(built: tuple[Config, bytes]) -> None:
    _, data = built
    for entry in feedparser.parse(data).entries:
        alternates = [link for link in entry.get("links", []) if link.rel == "alternate"]
        assert len(alternates) <= 1
    vias = [link for e in feedparser.parse(data).entries for link in e.get("links", []) if link.rel == "via"]
    assert vias, "republishing pages are linked with rel=via"


def test_same_input_gives_same_bytes(built: tuple[Config, bytes], tmp_path: Path) -> None:
    _config, first = built
    (tmp_path / "again").mkdir()
    other = load_config(write_config(tmp_path / "again"))
    _fill(other, scenario_inputs())
    run_once(other, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert (other.output_folder / other.feed.filename).read_bytes() == first


def test_ids_survive_renaming_and_a_second_blog(config: Config) -> None:
    source = next(p for p in _good_inputs() if p.name == "blogger_chinadaily_lost_outlet_field.txt")
    shutil.copy(source, config.input_folder / "first.txt")
    run_once(config, now=NOW)
    first = feedparser.parse((config.output_folder / "feed.atom").read_bytes()).entries
    (config.input_folder / "first.txt").rename(config.input_folder / "renamed.txt")
    shutil.copy(source, config.input_folder / "copy-on-another-blog.txt")
    run_once(config, now=NOW)
    second = feedparser.parse((config.output_folder / "feed.atom").read_bytes()).entries
    assert [e.id for e in second] == [e.id for e in first]


def test_rejected_files_are_reported_and_kept(config: Config) -> None:
    _fill(config, scenario_inputs())
    report = run_once(config, now=NOW)
    rejected = {Path(r.path).name for r in report.rejected}
    expected = {p.name for p in scenario_inputs()} - {p.name for p in _good_inputs()}
    assert rejected == expected
    assert all((config.input_folder / name).exists() for name in rejected)
    assert report.entries == len(_good_inputs())


def test_unchanged_inbox_does_not_rewrite(built: tuple[Config, bytes]) -> None:
    config, _ = built
    target = config.output_folder / config.feed.filename
    before = target.stat().st_mtime_ns
    report = run_once(config, now=NOW)
    assert report.feeds == ()
    assert report.new == 0 and report.updated == 0
    assert target.stat().st_mtime_ns == before


def test_excerpt_rights_policy(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, extra='[outlets.china-daily]\nrights = "excerpt"\n'))
    source = next(p for p in _good_inputs() if p.name == "blogger_chinadaily_lost_outlet_field.txt")
    shutil.copy(source, config.input_folder / source.name)
    run_once(config, now=NOW)
    entry = feedparser.parse((config.output_folder / "feed.atom").read_bytes()).entries[0]
    content = entry.content[0].value
    assert "A growing number of young people" in content
    assert "Wu Zhenhai" not in content
    assert "Originally published by China Daily" in content


def test_max_entries_keeps_the_newest(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, max_entries=3))
    _fill(config, scenario_inputs())
    report = run_once(config, now=NOW)
    assert report.entries == len(_good_inputs())
    main = feedparser.parse((config.output_folder / "feed.atom").read_bytes())
    assert len(main.entries) == 3


def test_every_entry_and_the_feed_have_a_web_link(built: tuple[Config, bytes]) -> None:
    """rel=alternate: the original story, else the republishing page, else the entry's own page; never a tag: id."""
    config, data = built
    parsed = feedparser.parse(data)
    assert parsed.feed.link == config.feed.base_url + "index.html"
    for entry in parsed.entries:
        assert entry.link.startswith(("http://", "https://")), (entry.title, entry.link)
        vias = [link.href for link in entry.links if link.rel == "via"]
        original = entry.get("source", {}).get("link")
        assert entry.link != original, "the outlet's home page is not the story"
        if entry.link.startswith(config.feed.base_url):
            assert not vias, "a republishing page is preferred to the entry's own page"
            assert "/entries/" in entry.link
        related = [link.href for link in entry.links if link.rel == "related"]
        assert all(href.startswith(config.feed.base_url + "entries/") for href in related)


def test_rss_items_get_the_same_link(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, output="rss = true"))
    _fill(config, scenario_inputs())
    run_once(config, now=NOW)
    atom = feedparser.parse((config.output_folder / "feed.atom").read_bytes())
    rss = feedparser.parse((config.output_folder / "feed.rss").read_bytes())
    assert {e.id: e.link for e in rss.entries} == {e.id: e.link for e in atom.entries}
    assert rss.feed.link == config.feed.base_url + "index.html"
