"""A changed large folder is compared with the state only outside the chunks of its last listing that it
still holds intact: every file added or changed is still found, whatever happened to the listing."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder import articles, folder_marks
from feeder.articles import listing_marks, outside_marks
from feeder.config import load_config
from feeder.pipeline import run_once
from feeder.store import Store
from tests.conftest import write_config
from tests.stories import story_text, write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

Entry = tuple[str, int, int]
stats = st.tuples(st.integers(-1, 3), st.integers(-1, 3))
names = st.lists(st.text("abc.", min_size=1, max_size=3), unique=True, max_size=60)


@settings(max_examples=300, deadline=None)
@given(names=names, olds=st.lists(stats, min_size=60, max_size=60), news=st.lists(stats, min_size=60, max_size=60),
       kept=st.lists(st.booleans(), min_size=60, max_size=60), seed=st.integers(0, 3), chunk=st.integers(1, 5))
def test_every_entry_not_listed_before_is_outside_the_intact_chunks(
        names: list[str], olds: list[tuple[int, int]], news: list[tuple[int, int]], kept: list[bool], seed: int,
        chunk: int) -> None:
    """Entries added, removed, changed or moved (seed 3 shuffles the listing): each entry the old
    listing did not hold exactly is outside; an unchanged listing leaves nothing outside."""
    before: list[Entry] = [(name, *olds[i]) for i, name in enumerate(names) if kept[i] or i % 2]
    after: list[Entry] = [(name, *(news[i] if i % 3 == seed else olds[i])) for i, name in enumerate(names)
                          if kept[i] or i % 2 == 0]
    if seed == 3:
        random.Random(len(names)).shuffle(after)
    marks = listing_marks(before, chunk)
    outside, renewed = outside_marks(after, marks, chunk)
    assert set(after) - set(before) <= set(outside)
    assert set(outside) <= set(after)
    assert outside_marks(before, marks, chunk) == ([], marks)
    assert outside_marks(after, renewed, chunk)[0] == [], "the renewed marks hold the listing as it is now"


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record how the pass asks the state about files: 'folder' for all of a folder's, 'file' for one."""
    asked: list[str] = []
    file_stats, file_stat = Store.file_stats, Store.file_stat

    def whole(store: Store, under: str | None = None) -> dict[str, tuple[int, int]]:
        asked.append("folder")
        return file_stats(store, under)

    def one(store: Store, path: str) -> tuple[int, int] | None:
        asked.append("file")
        return file_stat(store, path)

    monkeypatch.setattr(Store, "file_stats", whole)
    monkeypatch.setattr(Store, "file_stat", one)
    return asked


def test_a_large_folder_is_compared_chunk_by_chunk_and_nothing_is_missed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "CHUNK", 4)
    monkeypatch.setattr(articles, "FEW", 2)  # a few files of this small folder are asked about one by one
    monkeypatch.setattr(folder_marks, "KEEP_FROM", 10)
    config = load_config(write_config(tmp_path))
    inbox = config.input_folder
    stories = [write_story(inbox, n) for n in range(24)]
    assert run_once(config, now=NOW).new == 24
    kept = config.state_folder / folder_marks.FOLDER
    assert len(list(kept.iterdir())) == 1, "the folder's marks are kept beside the state"
    asked = _spied(monkeypatch)

    write_story(inbox, 30)
    assert run_once(config, now=NOW).new == 1
    assert "folder" not in asked and 0 < len(asked) <= 2 * 4 + 2, "only the chunks around the new name"

    asked.clear()
    stories[5].write_text(story_text(5).replace("extra shifts", "longer shifts"), encoding="utf-8")
    stories[17].unlink()  # a removal too, perhaps of a name that ends a chunk
    report = run_once(config, now=NOW)
    assert (report.new, report.updated) == (0, 1) and "folder" not in asked

    asked.clear()
    for marks in kept.iterdir():  # torn or foreign marks are not used: the folder is compared file by file
        data = marks.read_bytes()  # the last byte is a digest's: flip it (writing b"?" failed when it was one)
        marks.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    write_story(inbox, 31)
    assert run_once(config, now=NOW).new == 1 and asked == ["folder"]

    asked.clear()
    write_story(inbox, 32)
    assert run_once(config, now=NOW).new == 1 and "folder" not in asked, "the marks were written again"
    assert run_once(config, now=NOW).new == 0


def test_marks_of_a_folder_that_left_the_inbox_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_marks, "KEEP_FROM", 2)
    config = load_config(write_config(tmp_path))
    inbox = config.input_folder
    for name in ("a", "b"):
        (inbox / name).mkdir()
        for n in range(2):
            write_story(inbox / name, n + (10 if name == "b" else 0))
    run_once(config, now=NOW)
    kept = config.state_folder / folder_marks.FOLDER
    assert len(list(kept.iterdir())) == 2
    for story in (inbox / "b").iterdir():
        story.unlink()
    (inbox / "b").rmdir()
    run_once(config, now=NOW)
    assert len(list(kept.iterdir())) == 1
