"""A pass over an unchanged inbox: it writes nothing to the state; the daemon's scans, while events are
watched, skip unchanged folders whole and still find a file rewritten in place at the periodic verification;
a cron pass stats every file."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feeder import articles
from feeder.config import load_config
from feeder.pipeline import VERIFY_EVERY_NS, Scope, run_once
from feeder.status import report
from feeder.store import Store
from tests.conftest import write_config
from tests.stories import story_text, write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
OLD = 10**9 * 1_700_000_000  # an mtime (ns) long before any pass of these tests


def _runs(state: Path) -> int:
    db = sqlite3.connect(state / "state.sqlite3")
    try:
        return int(db.execute("SELECT count(*) FROM runs").fetchone()[0])
    finally:
        db.close()


def test_an_unchanged_pass_writes_nothing_to_the_state_and_status_still_shows_it(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    for n in range(3):
        write_story(config.input_folder, n)
    assert run_once(config, now=NOW).new == 3
    run_once(config, now=NOW + timedelta(minutes=1))  # settles what the first pass left to note
    database = config.state_folder / "state.sqlite3"
    before = (database.stat().st_size, database.stat().st_mtime_ns, _runs(config.state_folder))
    later = NOW + timedelta(hours=1)
    quiet = run_once(config, now=later)
    assert (quiet.new, quiet.updated, quiet.feeds) == (0, 0, ())
    assert (database.stat().st_size, database.stat().st_mtime_ns, _runs(config.state_folder)) == before
    assert not Path(f"{database}-wal").exists()
    shown = report(config)["last_pass"]
    assert shown["started"] == later.isoformat() and shown["counts"]["unchanged"] == 3

    write_story(config.input_folder, 9)  # a pass that changes the state records its run there again
    assert run_once(config, now=later + timedelta(hours=1)).new == 1
    assert _runs(config.state_folder) == before[2] + 1
    store = Store.open(config.state_folder)
    try:
        last = store.last_run()
    finally:
        store.close()
    assert last is not None and (last.started, last.new) == ((later + timedelta(hours=1)).isoformat(), 1)


def _watched(settled_before: int) -> Scope:
    """The scope of the daemon's scheduled scan while filesystem events are watched."""
    return Scope(settled_before=settled_before, trust_folder_stamps=True)


def test_an_unchanged_folder_is_not_listed_and_a_rewrite_in_place_is_found_at_the_verification(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write_config(tmp_path))
    inbox = config.input_folder
    (inbox / "a").mkdir()
    (inbox / "b").mkdir()
    edited = write_story(inbox / "a", 1)
    write_story(inbox / "b", 2)
    for folder in (inbox, inbox / "a", inbox / "b"):
        os.utime(folder, ns=(OLD, OLD))  # long settled: their stamps may be trusted
    clock = time.time_ns()
    assert run_once(config, now=NOW, scope=_watched(clock)).new == 2

    listed: list[str] = []
    scan_folder = articles.scan_folder

    def spy(here: str, handle: int) -> tuple[list[tuple[str, int, int]], list[str], bool]:
        listed.append(os.path.basename(here))
        return scan_folder(here, handle)

    monkeypatch.setattr(articles, "scan_folder", spy)
    assert run_once(config, now=NOW, scope=_watched(clock + 10**9)).new == 0
    assert listed == [], "no folder whose stat is as recorded is listed"

    # A rewrite in place changes no folder: the next scans skip it until the verification is due.
    edited.write_text(story_text(1).replace("extra shifts", "longer shifts"), encoding="utf-8")
    os.utime(edited, ns=(OLD + 10**9, OLD + 10**9))  # (a folder's ctime would move if its own times were set)
    assert run_once(config, now=NOW, scope=_watched(clock + 2 * 10**9)).updated == 0
    report_ = run_once(config, now=NOW, scope=_watched(clock + VERIFY_EVERY_NS))
    assert report_.updated == 1 and sorted(listed) == ["a", "b", "inbox"]

    # A new file changes its folder's stat: that folder alone is listed again at once.
    listed.clear()
    write_story(inbox / "b", 3)
    os.utime(inbox / "b", ns=(OLD + 5 * 10**9, OLD + 5 * 10**9))
    assert run_once(config, now=NOW, scope=_watched(clock + VERIFY_EVERY_NS + 10**9)).new == 1
    assert listed == ["b"]


def test_a_pass_without_the_clock_trusts_no_stamp(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    edited = write_story(config.input_folder, 1)
    os.utime(config.input_folder, ns=(OLD, OLD))
    clock = time.time_ns()
    run_once(config, now=NOW, settled_before=clock)
    edited.write_text(story_text(1).replace("extra shifts", "longer shifts"), encoding="utf-8")
    assert run_once(config, now=NOW).updated == 1  # the library's pass with no settle cut stats every file


def test_a_cron_pass_finds_a_rewrite_in_place_at_once(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    edited = write_story(config.input_folder, 1)
    os.utime(config.input_folder, ns=(OLD, OLD))
    clock = time.time_ns()
    assert run_once(config, now=NOW, settled_before=clock).new == 1  # as `feeder build` runs it
    assert run_once(config, now=NOW, settled_before=clock + 10**9).new == 0
    edited.write_text(story_text(1).replace("extra shifts", "longer shifts"), encoding="utf-8")
    os.utime(edited, ns=(OLD + 10**9, OLD + 10**9))
    assert run_once(config, now=NOW, settled_before=clock + 2 * 10**9).updated == 1


def test_a_cron_pass_opted_out_of_in_place_rewrites_skips_unchanged_folders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``[input] in_place_rewrites = false``: `feeder build` trusts folder stamps as the watching daemon does
    (a new file is read at once, a rewrite in place at the hourly verification); the key is validated."""
    from feeder.daemon import one_pass
    from feeder.errors import ConfigError

    path = write_config(tmp_path)
    path.write_text(path.read_text().replace("settle_seconds = 0", "settle_seconds = 0\nin_place_rewrites = false"))
    config = load_config(path)
    (tmp_path / "default").mkdir()
    assert not config.in_place_rewrites and load_config(write_config(tmp_path / "default")).in_place_rewrites
    inbox = config.input_folder
    edited = write_story(inbox, 1)
    os.utime(inbox, ns=(OLD, OLD))
    assert one_pass(config).new == 1
    listed: list[str] = []
    scan_folder = articles.scan_folder

    def spy(here: str, handle: int) -> tuple[list[tuple[str, int, int]], list[str], bool]:
        listed.append(os.path.basename(here))
        return scan_folder(here, handle)

    monkeypatch.setattr(articles, "scan_folder", spy)
    assert one_pass(config).new == 0 and listed == []
    edited.write_text(story_text(1).replace("extra shifts", "longer shifts"), encoding="utf-8")
    assert one_pass(config).updated == 0, "a rewrite in place waits for the verification"
    write_story(inbox, 2)
    os.utime(inbox, ns=(OLD + 10**9, OLD + 10**9))
    assert one_pass(config).new == 1 and listed == ["inbox"]

    path.write_text(path.read_text().replace("in_place_rewrites = false", 'in_place_rewrites = "no"'))
    with pytest.raises(ConfigError, match=r"input\.in_place_rewrites"):
        load_config(path)


QUIET_IMPORTS = """
import sys
from feeder.cli import main
code = main(["build", "--config", sys.argv[1]])
print("imported:", *(name for name in ("feedgen", "dateutil", "multiprocessing", "bs4", "feeder.extract", "socket",
                                  "ctypes", "importlib.resources", "apscheduler", "lxml", "feeder.atom",
                                  "feeder.publish", "feeder.pages", "feeder.validate", "concurrent.futures")
                    if name in sys.modules))
sys.exit(code)
"""


def test_a_quiet_build_imports_neither_rendering_nor_extraction_libraries(tmp_path: Path) -> None:
    """Start-up is most of a quiet pass: what only reading a file or writing a feed needs is not imported
    (lxml, feedgen, the renderers, the validator, the page writers' threads)."""
    import subprocess
    import sys

    path = write_config(tmp_path)
    write_story(load_config(path).input_folder, 1)
    first = subprocess.run([sys.executable, "-c", QUIET_IMPORTS, str(path)], capture_output=True, text=True,
                           check=True)
    imported = first.stdout.splitlines()[-1].split()
    assert {"feedgen", "feeder.extract", "lxml", "feeder.atom", "feeder.publish", "feeder.pages", "feeder.validate",
            "concurrent.futures"} <= set(imported), "the pass that read a file and wrote the feeds imports them"
    quiet = subprocess.run([sys.executable, "-c", QUIET_IMPORTS, str(path)], capture_output=True, text=True,
                           check=True)
    assert quiet.stdout.splitlines()[-1] == "imported:", quiet.stdout
