"""Editorial control: a retraction withdraws an entry for good, a correction wins over extraction, and a
page naming no outlet is held back unless the config opts in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from feeder.cli import main
from feeder.layout import entry_path
from feeder.validate import validate_feed
from tests.conftest import write_config
from tests.stories import story_text, write_story

TOMBSTONES = "http://purl.org/atompub/tombstones/1.0"
NOTE = """Notes from the weekend market

Posted by Sam on March 3, 2026

The weekend market on the river was busy again this Saturday, with more stalls than last month.

Farmers brought early spring greens, and the bakery stall sold out before noon as usual.

Next week the market moves indoors because of the forecast rain.
"""


def _build(config: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["build", "-c", str(config)]) == 0
    return capsys.readouterr().out


def _published(feeds: Path) -> dict[str, str]:
    """Entry id -> title over the current feed and every archive page."""
    found: dict[str, str] = {}
    for path in [feeds / "feed.atom", *sorted((feeds / "archive").glob("*.atom"))]:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0
        found.update({e.id: e.title for e in parsed.entries})
    return found


def _entry_id(path: Path, capsys: pytest.CaptureFixture[str], config: Path) -> str:
    assert main(["inspect", "--json", "-c", str(config), str(path)]) == 0
    return str(json.loads(capsys.readouterr().out)["id"])


def _tombstones(feed: Path) -> list[etree._Element]:
    root = etree.fromstring(feed.read_bytes())
    return root.findall(f"{{{TOMBSTONES}}}deleted-entry")


def test_a_retracted_entry_leaves_every_feed_and_page_for_good(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, max_entries=2)
    inbox, feeds = tmp_path / "inbox", tmp_path / "feeds"
    files = [write_story(inbox, n) for n in (1, 2, 3, 4, 5)]
    _build(config, capsys)
    assert (feeds / "archive" / "feed-1.atom").exists(), "the oldest story sits on a full archive page"
    target = files[0]
    eid = _entry_id(target, capsys, config)
    assert eid in _published(feeds)
    title = "Ningbo port logistics update number 1<"
    assert (feeds / entry_path(eid)).exists() and [p for p in feeds.rglob("*.html") if title in p.read_text()]

    assert main(["retract", str(target), "-c", str(config), "--reason", "not an agency story"]) == 0
    assert eid in capsys.readouterr().out
    _build(config, capsys)
    assert eid not in _published(feeds) and len(_published(feeds)) == 4
    assert not (feeds / entry_path(eid)).exists(), "the entry's own page goes too"
    assert not [p for p in feeds.rglob("*.html") if title in p.read_text()], "no page lists it"
    (marker,) = _tombstones(feeds / "feed.atom")
    assert marker.get("ref") == eid and marker.get("when")
    assert marker.findtext(f"{{{TOMBSTONES}}}comment") == "not an agency story"
    for path in [feeds / "feed.atom", *(feeds / "archive").glob("*.atom")]:
        assert [f for f in validate_feed(path.read_bytes()) if f.severity == "error"] == [], path
    assert main(["status", "-c", str(config), "--json"]) == 0
    held = json.loads(capsys.readouterr().out)["held"]
    assert [(Path(h["path"]).name, h["reason"]) for h in held] == [(target.name, "retracted by the editor")]

    shutil.rmtree(feeds)  # a rebuild from an empty feeds folder
    _build(config, capsys)
    assert eid not in _published(feeds) and len(_published(feeds)) == 4
    assert len(_tombstones(feeds / "feed.atom")) == 1

    target.write_text(story_text(1) + "\n")  # re-extraction of the same story
    os.utime(target, (1, 1))
    _build(config, capsys)
    assert eid not in _published(feeds)
    assert main(["status", "-c", str(config), "--json"]) == 0
    held = json.loads(capsys.readouterr().out)["held"]
    assert [h["reason"] for h in held] == ["retracted by the editor"]


def test_retract_by_id_and_an_unknown_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    write_story(tmp_path / "inbox", 1)
    keep = write_story(tmp_path / "inbox", 2)
    _build(config, capsys)
    eid = _entry_id(tmp_path / "inbox" / "story-0001.txt", capsys, config)
    assert main(["retract", eid, "-c", str(config)]) == 0
    _build(config, capsys)
    assert list(_published(tmp_path / "feeds")) == [_entry_id(keep, capsys, config)]
    assert main(["retract", "tag:nothing-like-this", "-c", str(config)]) == 1
    err = capsys.readouterr().err
    assert "no published entry has this id" in err and err.count("\n") == 1


def test_a_correction_wins_over_extraction_and_survives_re_extraction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    target = write_story(tmp_path / "inbox", 1)
    _build(config, capsys)
    before = feedparser.parse((tmp_path / "feeds" / "feed.atom").read_bytes()).entries[0]
    assert main(["correct", str(target), "-c", str(config), "--title", "Ningbo port clears its backlog",
                 "--author", "Lin Haoran", "--author", "Zhou Min", "--source", "Xinhua",
                 "--published", "2021-03-02T08:15:00+08:00"]) == 0
    capsys.readouterr()
    _build(config, capsys)
    after = feedparser.parse((tmp_path / "feeds" / "feed.atom").read_bytes()).entries[0]
    assert after.id == before.id
    assert after.title == "Ningbo port clears its backlog"
    assert [a.name for a in after.authors] == ["Lin Haoran", "Zhou Min"]
    assert after.source.title == "Xinhua"
    assert after.published == "2021-03-02T08:15:00+08:00"
    assert after.updated > before.updated, "a correction bumps updated"

    assert main(["inspect", "--json", "-c", str(config), str(target)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Ningbo port clears its backlog" and record["status"] == "ok"
    assert record["provenance"]["title"] == "corrected by editor"
    assert record["provenance"]["published"] == "corrected by editor"

    target.write_text(story_text(1).replace("extra shifts", "longer shifts"))  # the file is edited
    os.utime(target, (2, 2))
    _build(config, capsys)
    edited = feedparser.parse((tmp_path / "feeds" / "feed.atom").read_bytes()).entries[0]
    assert edited.title == "Ningbo port clears its backlog" and "longer shifts" in edited.content[0].value

    assert main(["correct", str(target), "-c", str(config), "--title", "A second headline"]) == 0
    capsys.readouterr()
    _build(config, capsys)
    again = feedparser.parse((tmp_path / "feeds" / "feed.atom").read_bytes()).entries[0]
    assert again.title == "A second headline" and again.source.title == "Xinhua", "earlier overrides stay"


def test_correct_refuses_an_unknown_outlet_and_an_empty_correction(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    target = write_story(tmp_path / "inbox", 1)
    _build(config, capsys)
    assert main(["correct", str(target), "-c", str(config), "--source", "The Daily Nowhere"]) == 2
    assert "is not a known outlet" in capsys.readouterr().err
    assert main(["correct", str(target), "-c", str(config)]) == 2
    assert "give at least one of" in capsys.readouterr().err


def test_a_page_naming_no_outlet_is_held_back_by_default(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    note = tmp_path / "inbox" / "weekend-notes.txt"
    note.write_text(NOTE)
    write_story(tmp_path / "inbox", 1)
    out = _build(config, capsys)
    assert "1 new" in out and "1 held back" in out
    assert list(_published(tmp_path / "feeds").values()) == ["Ningbo port logistics update number 1"]
    assert main(["status", "-c", str(config)]) == 0
    status = capsys.readouterr().out
    assert "held back: 1" in status and "weekend-notes.txt: no outlet" in status
    assert main(["inspect", "--json", "-c", str(config), str(note)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["status"] == "ok" and record["title"] == "Notes from the weekend market"
    assert record["notes"] and "no outlet" in record["notes"][0]

    config.write_text(config.read_text() + "require_outlet = false\n")  # the user opts in
    out = _build(config, capsys)
    assert "1 new" in out
    assert "Notes from the weekend market" in _published(tmp_path / "feeds").values()
    assert main(["status", "-c", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["held"] == []


def test_the_outlet_rule_applies_to_entries_published_before_it(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, extra="require_outlet = false")
    (tmp_path / "inbox" / "weekend-notes.txt").write_text(NOTE)
    write_story(tmp_path / "inbox", 1)
    _build(config, capsys)
    assert len(_published(tmp_path / "feeds")) == 2
    config.write_text(config.read_text().replace("require_outlet = false", "require_outlet = true"))
    _build(config, capsys)
    assert list(_published(tmp_path / "feeds").values()) == ["Ningbo port logistics update number 1"]
    assert main(["status", "-c", str(config), "--json"]) == 0
    (held,) = json.loads(capsys.readouterr().out)["held"]
    assert held["path"].endswith("weekend-notes.txt") and held["reason"].startswith("no outlet")
    config.write_text(config.read_text().replace("require_outlet = true", "require_outlet = false"))
    _build(config, capsys)
    assert len(_published(tmp_path / "feeds")) == 2


def test_correcting_the_outlet_of_a_held_page_publishes_it(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    note = tmp_path / "inbox" / "weekend-notes.txt"
    note.write_text(NOTE)
    assert "1 held back" in _build(config, capsys)
    assert main(["correct", str(note), "-c", str(config), "--source", "China Daily"]) == 0
    capsys.readouterr()
    assert "1 new" in _build(config, capsys)
    entry = feedparser.parse((tmp_path / "feeds" / "feed.atom").read_bytes()).entries[0]
    assert entry.title == "Notes from the weekend market" and entry.source.title == "China Daily"


@pytest.mark.parametrize("decision", ["retract", "correct"])
def test_a_decision_on_an_archived_entry_never_removes_its_archive_page(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, decision: str) -> None:
    """The archive page holding the entry stays published until the pass replaces it, even when that
    pass stops before publishing; the replacement carries the decision, and so does the entry's page."""
    from feeder import pipeline

    config = write_config(tmp_path, max_entries=2)
    feeds = tmp_path / "feeds"
    files = [write_story(tmp_path / "inbox", n) for n in (1, 2, 3, 4, 5)]
    _build(config, capsys)
    eid = _entry_id(files[0], capsys, config)
    archive = [p for p in sorted((feeds / "archive").glob("*.atom")) if eid in p.read_text()]
    assert archive, "the story sits on a full archive page"
    pages = [archive[0], archive[0].with_suffix(".html")]
    before = {p: p.read_bytes() for p in pages}
    args = ["--reason", "wrong outlet"] if decision == "retract" else ["--title", "A corrected headline"]
    assert main([decision, str(files[0]), "-c", str(config), *args]) == 0
    assert {p: p.read_bytes() for p in pages} == before

    def stop(*_: object, **__: object) -> None:
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "_publish", stop)
    with pytest.raises(KeyboardInterrupt):
        main(["build", "-c", str(config)])
    assert {p: p.read_bytes() for p in pages} == before, "a stopped pass leaves the published archive as it was"
    monkeypatch.undo()

    _build(config, capsys)
    atom, html = (p.read_text() for p in pages)
    if decision == "retract":
        assert eid not in atom and eid not in _published(feeds)
        assert not (feeds / entry_path(eid)).exists()
    else:
        assert _published(feeds)[eid] == "A corrected headline"
        assert "A corrected headline" in html
        assert "A corrected headline" in (feeds / entry_path(eid)).read_text()
    for path in [feeds / "feed.atom", *(feeds / "archive").glob("*.atom")]:
        assert [f for f in validate_feed(path.read_bytes()) if f.severity == "error"] == [], path
