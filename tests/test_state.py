"""Incremental passes over durable state: edits, removals, archives, several feeds, status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from feeder.config import load_config
from feeder.pipeline import run_once
from feeder.status import describe
from feeder.validate import validate_feed
from tests.conftest import SCENARIOS, write_config
from tests.stories import story_text, write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
HISTORY = "http://purl.org/syndication/history/1.0"


def _ids(path: Path) -> list[str]:
    return [e.id for e in feedparser.parse(path.read_bytes()).entries]


def _entry_xml(page: Path) -> list[bytes]:
    root = etree.fromstring(page.read_bytes())
    return [etree.tostring(e) for e in root.iter("{http://www.w3.org/2005/Atom}entry")]


def test_removed_files_keep_their_entries(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    paths = [write_story(config.input_folder, n) for n in range(5)]
    run_once(config, now=NOW)
    feed = config.output_folder / "feed.atom"
    before = feed.read_bytes()
    for path in paths[:3]:
        path.unlink()
    report = run_once(config, now=NOW + timedelta(hours=1))
    assert report.entries == 5
    assert feed.read_bytes() == before


def test_edited_file_updates_its_entry_with_the_same_id(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    path = write_story(config.input_folder, 1)
    run_once(config, now=NOW)
    feed = config.output_folder / "feed.atom"
    (first,) = feedparser.parse(feed.read_bytes()).entries
    later = NOW + timedelta(days=3)
    path.write_text(story_text(1).replace("shortened to under an hour", "shortened to forty minutes"))
    report = run_once(config, now=later)
    assert (report.new, report.updated) == (0, 1)
    (second,) = feedparser.parse(feed.read_bytes()).entries
    assert second.id == first.id
    assert second.published == first.published
    assert datetime.fromisoformat(second.updated) == later
    assert "forty minutes" in second.content[0].value


def test_unchanged_inbox_reads_nothing_and_rewrites_nothing(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write_config(tmp_path))
    for n in range(4):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    feed = config.output_folder / "feed.atom"
    stamp, data = feed.stat().st_mtime_ns, feed.read_bytes()

    def must_not_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr("feeder.pipeline.inspect_file", must_not_read)
    report = run_once(config, now=NOW + timedelta(hours=2))
    assert report.feeds == () and report.rejected == () and report.new == report.updated == 0
    assert feed.stat().st_mtime_ns == stamp and feed.read_bytes() == data


def test_archives_hold_what_leaves_the_main_feed_and_never_change(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, max_entries=3))
    for n in range(7):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    archive = config.output_folder / "archive"
    pages = sorted(archive.glob("feed-*.atom"))
    assert [p.name for p in pages] == ["feed-1.atom", "feed-2.atom"]
    frozen = {p: _entry_xml(p) for p in pages}
    for n in range(7, 12):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    for page, entries in frozen.items():
        assert _entry_xml(page) == entries, "an archive page's entries never change"
    settled = {p: p.stat().st_mtime_ns for p in archive.glob("feed-*.atom")}
    write_story(config.input_folder, 12)
    run_once(config, now=NOW)
    assert all(p.stat().st_mtime_ns == m for p, m in settled.items() if p.name != "feed-4.atom")
    seen: set[str] = set()
    for page in [*sorted(archive.glob("feed-*.atom")), config.output_folder / "feed.atom"]:
        data = page.read_bytes()
        assert [f for f in validate_feed(data, now=NOW) if f.severity == "error"] == []
        seen.update(_ids(page))
    assert len(seen) == 13, "every published story is in the main feed or an archive"
    root = etree.fromstring((archive / "feed-2.atom").read_bytes())
    assert root.find(f"{{{HISTORY}}}archive") is not None
    rels = {link.get("rel"): link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")}
    assert rels["current"] == config.self_url
    assert rels["prev-archive"].endswith("archive/feed-1.atom")
    main = etree.fromstring((config.output_folder / "feed.atom").read_bytes())
    main_rels = {link.get("rel"): link.get("href") for link in main.iter("{http://www.w3.org/2005/Atom}link")}
    assert main_rels["prev-archive"].endswith(f"archive/feed-{len(list(archive.glob('feed-*.atom')))}.atom")


def test_per_outlet_and_rss_feeds(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, output="per_outlet = true\nrss = true"))
    for name in ("blogger_chinadaily_lost_outlet_field.txt", "blogger_xinhua_dateline_source_editor.txt",
                 "wordpress_ap_edt_stamp.html"):
        (config.input_folder / name).write_bytes((SCENARIOS / name).read_bytes())
    run_once(config, now=NOW)
    out = config.output_folder
    assert {p.name for p in out.glob("*.atom")} == {"feed.atom", "china-daily.atom", "xinhua.atom", "ap.atom"}
    china = feedparser.parse((out / "china-daily.atom").read_bytes())
    assert [e.source.title for e in china.entries] == ["China Daily"]
    assert china.feed.id != feedparser.parse((out / "feed.atom").read_bytes()).feed.id
    for atom in out.glob("*.atom"):
        assert validate_feed(atom.read_bytes(), now=NOW) == ()
    rss = feedparser.parse((out / "feed.rss").read_bytes())
    assert rss.bozo == 0 and rss.version == "rss20"
    assert {e.source.title for e in rss.entries} == {"China Daily", "Xinhua", "AP"}


def test_status_reports_the_pass_feeds_and_rejections(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    write_story(config.input_folder, 1)
    (config.input_folder / "empty.txt").write_text("")
    run_once(config, now=NOW)
    text = describe(config)
    assert "1 new" in text and "1 rejected" in text
    assert "feed.atom (1 entries" in text
    assert "empty.txt: empty file" in text


V1_SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, story_key TEXT, seen_at TEXT NOT NULL);
CREATE TABLE entries (
    id TEXT PRIMARY KEY, story_key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,
    first_seen TEXT NOT NULL, updated TEXT NOT NULL, published TEXT, outlet TEXT,
    digest TEXT NOT NULL, article TEXT NOT NULL, vias TEXT NOT NULL);
CREATE INDEX entries_outlet ON entries (outlet, seq);
CREATE TABLE site_lines (
    site TEXT NOT NULL, hash TEXT NOT NULL, story_key TEXT NOT NULL, PRIMARY KEY (site, hash, story_key));
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL,
    new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    rejected INTEGER NOT NULL, feeds TEXT NOT NULL);
"""


def test_a_state_from_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    """The first schema (articles as JSON text inside entry rows) is read and upgraded, nothing lost."""
    import json
    import sqlite3

    from feeder.store import Store, article_to_json

    config = load_config(write_config(tmp_path))
    for n in range(3):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    store = Store.open(config.state_folder)
    entries = store.entries_by_seq(config.registry)
    files = store.file_stats()
    store.close()
    feed = (config.output_folder / "feed.atom").read_bytes()
    old = tmp_path / "old"
    old.mkdir()
    with sqlite3.connect(old / "state.sqlite3") as db:
        db.executescript(V1_SCHEMA)
        for seq, entry in enumerate(reversed(entries), 1):
            db.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", (
                entry.id, entry.article.story_key, seq, NOW.isoformat(), entry.updated.isoformat(),
                entry.published.isoformat() if entry.published else None, entry.article.outlet.key
                if entry.article.outlet else None, entry.article.digest,
                json.dumps(article_to_json(entry.article)), json.dumps(list(entry.vias))))
        for path, (size, mtime) in files.items():
            db.execute("INSERT INTO files VALUES (?,?,?,?,?,?,?,?)", (path, size, mtime, "", "ok", None, None, "x"))
    db.close()
    for name in ("state.sqlite3", "state.sqlite3.checked"):
        (config.state_folder / name).unlink(missing_ok=True)
    (old / "state.sqlite3").rename(config.state_folder / "state.sqlite3")
    report = run_once(config, now=NOW)
    assert (report.new, report.entries) == (0, 3)
    store = Store.open(config.state_folder)
    try:
        assert store.entries_by_seq(config.registry) == entries
    finally:
        store.close()
    assert (config.output_folder / "feed.atom").read_bytes() == feed


def test_a_scan_looks_into_a_folder_only_when_its_listing_changed(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder whose listing (names, sizes, mtimes) is as the last pass left it is not compared
    file by file; an edit in place, a new file or one that was still settling brings it back."""
    from feeder.store import Store

    config = load_config(write_config(tmp_path))
    inbox = config.input_folder
    for n in range(3):
        for name, number in (("a", n), ("b", 10 + n)):
            (inbox / name).mkdir(parents=True, exist_ok=True)
            write_story(inbox / name, number)
    assert run_once(config, now=NOW).new == 6
    looked: list[str] = []
    file_stats = Store.file_stats

    def spy(store: Store, under: str | None = None) -> dict[str, tuple[int, int]]:
        looked.append(Path(under or "").name)
        return file_stats(store, under)

    monkeypatch.setattr(Store, "file_stats", spy)
    assert run_once(config, now=NOW).new == 0 and looked == []

    edited = inbox / "a" / "story-0001.txt"
    edited.write_text(story_text(1).replace("extra shifts", "longer shifts"))
    late = write_story(inbox / "b", 20)
    cut = late.stat().st_mtime_ns - 1  # the new file is still settling: it waits
    report = run_once(config, now=NOW, settled_before=cut)
    assert (report.new, report.updated) == (0, 1) and sorted(looked) == ["a", "b"]
    looked.clear()
    report = run_once(config, now=NOW, settled_before=cut + 10**9)  # same listing, the file has settled
    assert (report.new, report.updated) == (1, 0) and looked == ["b"]
    looked.clear()
    assert run_once(config, now=NOW).new == 0 and looked == []


V2_SCHEMA = """
CREATE TABLE entries (
    id TEXT PRIMARY KEY, story_key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,
    first_seen TEXT NOT NULL, updated TEXT NOT NULL, published TEXT, outlet TEXT,
    digest TEXT NOT NULL, vias TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles (id TEXT PRIMARY KEY, article BLOB NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, story_key TEXT, seen_at TEXT NOT NULL);
CREATE TABLE site_lines (
    site TEXT NOT NULL, hash TEXT NOT NULL, story_key TEXT NOT NULL, PRIMARY KEY (site, hash, story_key))
    WITHOUT ROWID;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL,
    new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    rejected INTEGER NOT NULL, feeds TEXT NOT NULL);
CREATE TABLE documents (
    path TEXT PRIMARY KEY, signature TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX entries_outlet_version ON entries (outlet, seq, version);
CREATE INDEX entries_seq_version ON entries (seq, version);
PRAGMA user_version = 2;
"""


def test_a_state_keyed_by_story_keys_is_renumbered_in_place(tmp_path: Path) -> None:
    """Version 2 (every table keyed by the 90-byte story key, learned lines by hex hash) is upgraded:
    entries, articles, the files' stories and the learned lines all survive, and nothing is read again."""
    import json
    import sqlite3

    from feeder.learn import line_hash
    from feeder.store import Store, pack_article

    config = load_config(write_config(tmp_path))
    for n in range(3):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    store = Store.open(config.state_folder)
    entries = store.entries_by_seq(config.registry)
    files = store.file_stats()
    store.close()
    keys = [entry.article.story_key for entry in reversed(entries)]
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as db:
        db.executescript(V2_SCHEMA)
        for seq, entry in enumerate(reversed(entries), 1):
            db.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", (
                entry.id, entry.article.story_key, seq, NOW.isoformat(), entry.updated.isoformat(),
                entry.published.isoformat() if entry.published else None,
                entry.article.outlet.key if entry.article.outlet else None, entry.article.digest,
                json.dumps(list(entry.vias)), 1))
            db.execute("INSERT INTO articles VALUES (?,?)", (entry.id, pack_article(entry.article)))
        for (path, (size, mtime)), key in zip(sorted(files.items()), keys, strict=True):
            db.execute("INSERT INTO files VALUES (?,?,?,?,?,?,?,?)", (path, size, mtime, "", "ok", None, key, "x"))
        shared, own = line_hash("A line every story of the site repeats."), line_hash("Only the first story's line.")
        db.executemany("INSERT INTO site_lines VALUES (?,?,?)",
                       [("example.org", shared, keys[0]), ("example.org", shared, keys[1]),
                        ("example.org", own, keys[0])])
    db.close()
    for name in ("state.sqlite3", "state.sqlite3.checked"):
        (config.state_folder / name).unlink(missing_ok=True)
    old.rename(config.state_folder / "state.sqlite3")

    store = Store.open(config.state_folder)
    try:
        assert store.entries_by_seq(config.registry) == entries
        assert [store.file_story(path) for path in sorted(files)] == keys
        assert store.repeated_lines("example.org", [shared, own]) == {shared}
        first = store.story_number(keys[0])
        assert store.other_stories("example.org", [shared, own], excluding=first) == {
            shared: (store.story_number(keys[1]),)}
        assert store.entry_of_number(first, config.registry) == entries[-1]
    finally:
        store.close()
    report = run_once(config, now=NOW)
    assert (report.new, report.updated, report.entries) == (0, 0, 3)
