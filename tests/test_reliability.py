"""Nothing lost, nothing stuck: each reproduction of issue 13 as a regression test.

A pass killed at any point, a dead main process with live workers, one huge file, a file
still being copied or replaced, a file that vanishes mid-pass, a damaged state database.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from feeder.config import Config, load_config
from feeder.errors import AlreadyRunning, StateError, UnreadableFile
from feeder.lock import InstanceLock
from feeder.pipeline import inspect_file, run_once, settle_cut
from feeder.store import Store
from feeder.validate import validate_feed
from tests.conftest import ROOT, write_config
from tests.stories import story_text, write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# Where a pass is cut short: Python run in a child process, which then exits as a kill would
# (os._exit: no clean-up, no rollback, no flush).
KILL_POINTS = {
    # the reproduction: the feeds are written, the pass's last commit never happens
    "after-feeds-before-commit": "s.Store.record_run = lambda self, row: os._exit(137)",
    "after-state-before-feeds": "p._publish = lambda *args, **kwargs: os._exit(137)",
    "between-two-documents": textwrap.dedent("""
        import feeder.atom as a  # the pass imports its writer from here when it first writes
        real, count = a.write_atomic, [0]
        def write(path, data):
            count[0] += 1
            if count[0] == 3:
                os._exit(137)
            return real(path, data)
        a.write_atomic = write"""),
    "before-documents-recorded": "s.Store.record_documents = lambda self, done: os._exit(137)",
    "between-two-ingest-commits": textwrap.dedent("""
        p.COMMIT_EVERY = 7
        real, count = p._ingest_one, [0]
        def one(*args):
            count[0] += 1
            if count[0] == 12:
                os._exit(137)
            return real(*args)
        p._ingest_one = one"""),
}


def _killed_pass(config: Config, patch: str) -> int:
    code = "\n".join([
        "import os, sys", "from datetime import datetime, UTC", "from feeder.config import load_config",
        "import feeder.pipeline as p, feeder.store as s", patch,
        "p.run_once(load_config(sys.argv[1]), now=datetime(2026, 11, 27, 12, tzinfo=UTC))"])
    return subprocess.run([sys.executable, "-c", code, str(config.path)], env=ENV, check=False,
                          capture_output=True, timeout=120).returncode


def published_ids(config: Config) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """(ids in the main feed, ids over the archive pages, title of each id); every document must validate."""
    main: Counter[str] = Counter()
    archived: Counter[str] = Counter()
    titles: dict[str, str] = {}
    documents = [config.output_folder / config.feed.filename,
                 *sorted((config.output_folder / "archive").glob("*.atom"))]
    for path in documents:
        if not path.exists():
            continue
        data = path.read_bytes()
        assert [f for f in validate_feed(data, now=NOW) if f.severity == "error"] == [], path
        entries = feedparser.parse(data).entries
        (main if path.parent == config.output_folder else archived).update(e.id for e in entries)
        titles.update((e.id, e.title) for e in entries)
    return main, archived, titles


def assert_each_story_once(config: Config, stories: int) -> None:
    """Every accepted file is in exactly one entry; archive pages partition the history."""
    main, archived, titles = published_ids(config)
    assert len(titles) == stories, f"{stories} stories, {len(titles)} distinct entries published"
    assert sorted(Counter(titles.values()).values()) == [1] * stories, "a story under two ids"
    assert all(count == 1 for count in archived.values()), "an entry on two archive pages"
    assert all(count == 1 for count in main.values())
    assert len(main) == min(stories, config.feed.max_entries)


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_pass_killed_while_publishing_loses_no_entry(tmp_path: Path, point: str) -> None:
    config = load_config(write_config(tmp_path, max_entries=5))
    for n in range(10):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    for n in range(28, 48):  # their dates (March 1-20) interleave with the first ten (March 1-10)
        write_story(config.input_folder, n)
    assert _killed_pass(config, KILL_POINTS[point]) == 137
    run_once(config, now=NOW)
    assert_each_story_once(config, 30)
    again = run_once(config, now=NOW)
    assert again.feeds == () and again.new == again.updated == 0, "the state and the documents agree"


def test_a_document_changed_on_disk_is_rewritten_from_the_state(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, max_entries=3))
    for n in range(8):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    page = config.output_folder / "archive" / "feed-1.atom"
    good = page.read_bytes()
    page.write_bytes(good[: len(good) // 2])
    (config.output_folder / "archive" / "feed-2.atom").unlink()
    report = run_once(config, now=NOW)
    assert page.read_bytes() == good
    assert len(report.feeds) == 2
    assert_each_story_once(config, 8)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie waiting for its (new) parent to reap it holds nothing
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        return handle.read().rsplit(")", 1)[1].split()[0] == "Z"


def test_killing_the_main_process_frees_the_lock_and_its_workers(tmp_path: Path) -> None:
    code = textwrap.dedent("""
        import os, sys, time
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context
        from pathlib import Path
        from feeder.lock import InstanceLock, die_with_parent
        with InstanceLock(Path(sys.argv[1])):
            with ProcessPoolExecutor(2, mp_context=get_context("fork"), initializer=die_with_parent) as pool:
                print(pool.submit(os.getpid).result(), flush=True)
                time.sleep(600)
        """)
    main = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=ENV, stdout=subprocess.PIPE,
                            text=True)
    assert main.stdout is not None
    worker = int(main.stdout.readline())
    main.stdout.close()
    with pytest.raises(AlreadyRunning):
        InstanceLock(tmp_path).__enter__()
    main.send_signal(signal.SIGKILL)
    main.wait(timeout=60)
    for _ in range(600):  # bounded polling: the kernel delivers the parent-death signal at once
        if _gone(worker):
            break
        time.sleep(0.05)
    assert _gone(worker), "a pool worker outlived its killed parent"
    with InstanceLock(tmp_path):
        pass


def test_a_lock_held_only_by_orphans_of_a_dead_holder_is_taken_over(tmp_path: Path) -> None:
    code = textwrap.dedent("""
        import os, subprocess, sys
        from pathlib import Path
        from feeder.lock import InstanceLock
        lock = InstanceLock(Path(sys.argv[1])).__enter__()
        # an orphan that inherited the lock's descriptor (as an older feeder's workers did)
        quiet = subprocess.DEVNULL
        orphan = subprocess.Popen(["sleep", "600"], pass_fds=(lock._fd,), stdin=quiet, stdout=quiet, stderr=quiet)
        print(orphan.pid, flush=True)
        os._exit(137)
        """)
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=ENV, capture_output=True, text=True,
                          timeout=60, check=False)
    orphan = int(done.stdout)
    try:
        with InstanceLock(tmp_path) as lock:
            assert (tmp_path / "feeder.lock").read_text().strip() == str(os.getpid())
            with pytest.raises(AlreadyRunning):
                InstanceLock(tmp_path).__enter__()
            assert lock is not None
    finally:
        os.kill(orphan, signal.SIGKILL)


def test_one_huge_file_never_stops_the_good_ones(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    for n in range(3):
        write_story(config.input_folder, n)
    # 4 MB, one paragraph of markup characters: 18 MB once escaped, over libxml2's text node limit
    huge = story_text(9).replace("Analysts expect", "<&> " * 1_000_000 + "Analysts expect")
    (config.input_folder / "huge.txt").write_text(huge, encoding="utf-8")
    assert (config.input_folder / "huge.txt").stat().st_size > 4_000_000
    report = run_once(config, now=NOW)
    assert report.new == 3 and report.refused == ()
    (held,) = report.rejected
    assert held.path.endswith("huge.txt") and held.reason.startswith("held back: ")
    assert "Text node too long" in held.reason and "\n" not in held.reason
    assert_each_story_once(config, 3)
    assert run_once(config, now=NOW).rejected == (), "the held-back file is not read again until it changes"


def test_a_file_still_being_written_waits_until_it_settles(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    path = config.input_folder / "story.txt"
    path.write_text(story_text(5)[:300], encoding="utf-8")  # half copied
    written = path.stat().st_mtime_ns
    report = run_once(config, now=NOW, settled_before=written - 1)
    assert report.new == 0 and report.rejected == () and report.entries == 0
    path.write_text(story_text(5), encoding="utf-8")
    report = run_once(config, now=NOW, settled_before=path.stat().st_mtime_ns)
    assert report.new == 1
    assert_each_story_once(config, 1)


def test_settle_cut_is_the_configured_time_before_the_clock(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, extra=""))
    config_text = config.path.read_text().replace("settle_seconds = 0", "settle_seconds = 2.5")
    config.path.write_text(config_text)
    assert settle_cut(load_config(config.path), 10_000_000_000) == 7_500_000_000


@pytest.mark.parametrize("value", ["-1", "nan", "inf", '"3"', "true", "1e9"])
def test_settle_seconds_is_validated(tmp_path: Path, value: str) -> None:
    from feeder.errors import ConfigError

    path = write_config(tmp_path)
    path.write_text(path.read_text().replace("settle_seconds = 0", f"settle_seconds = {value}"))
    with pytest.raises(ConfigError, match=r"input\.settle_seconds"):
        load_config(path)


def test_a_file_published_half_written_is_replaced_not_duplicated(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    path = config.input_folder / "story.txt"
    full = story_text(5)
    path.write_text(full[: full.index("Source:")], encoding="utf-8")  # no credit line: another date
    run_once(config, now=NOW)
    ((first_id, _),) = published_ids(config)[2].items()
    path.write_text(full, encoding="utf-8")
    report = run_once(config, now=NOW)
    assert (report.new, report.updated, report.entries) == (0, 1, 1)
    titles = published_ids(config)[2]
    assert list(titles) == [first_id], "the file's entry is updated in place and keeps its id"


def test_a_file_that_vanishes_mid_pass_is_read_when_it_returns(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write_config(tmp_path))
    path = write_story(config.input_folder, 3)
    aside = tmp_path / "aside.txt"

    def vanish(target: Path, *args: object, **kwargs: object) -> None:
        os.rename(target, aside)  # a rename keeps size and mtime
        raise UnreadableFile(target, "cannot read the file: No such file or directory")

    monkeypatch.setattr("feeder.pipeline.inspect_file", vanish)
    report = run_once(config, now=NOW)
    assert report.rejected == () and report.entries == 0
    monkeypatch.setattr("feeder.pipeline.inspect_file", inspect_file)
    os.rename(aside, path)
    report = run_once(config, now=NOW)
    assert report.new == 1


def test_a_bug_while_reading_one_file_costs_that_file_only_and_it_is_retried(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write_config(tmp_path))
    for n in range(3):
        write_story(config.input_folder, n)
    broken = write_story(config.input_folder, 7)

    def fails_on_one(target: Path, *args: object, **kwargs: object) -> object:
        if target.name == broken.name:
            raise KeyError("outlet")  # an extraction bug, not bad input
        return inspect_file(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("feeder.pipeline.inspect_file", fails_on_one)
    report = run_once(config, now=NOW)
    assert report.new == 3 and report.refused == ()
    (failed,) = report.rejected
    assert failed.path.endswith(broken.name) and "KeyError" in failed.reason and "bug in feeder" in failed.reason
    assert broken.exists(), "the file is kept"
    assert_each_story_once(config, 3)
    assert [r.path for r in run_once(config, now=NOW).rejected] == [failed.path], "retried, still reported"
    monkeypatch.setattr("feeder.pipeline.inspect_file", inspect_file)
    report = run_once(config, now=NOW)
    assert (report.new, report.rejected) == (1, ())
    assert_each_story_once(config, 4)


def test_a_damaged_state_database_is_refused_with_what_to_do(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    for n in range(40):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    database = config.state_folder / "state.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(database.read_bytes())
    page = 4096
    data[2 * page + 8: 2 * page + 400] = bytes(range(196)) * 2  # scribble over a b-tree page
    database.write_bytes(bytes(data))
    with pytest.raises(StateError) as caught:
        run_once(config, now=NOW)
    message = str(caught.value)
    assert "\n" not in message and "damaged" in message and "feeder build" in message
    done = subprocess.run([sys.executable, "-m", "feeder", "build", "-c", str(config.path)], env=ENV,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr and "damaged" in done.stderr


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="not a database"):
        Store.open(folder)


def test_every_sqlite_error_becomes_a_state_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    try:
        with pytest.raises(StateError, match="no such table"):
            store._db.execute("SELECT * FROM nothing_here")
    finally:
        store.close()


def test_crash_test_short(tmp_path: Path) -> None:
    """The crash test of tests/crash/crash.py, short: a dozen SIGKILLs of build and run, then a normal pass."""
    from tests.crash.crash import run_crash_test

    figures = run_crash_test(tmp_path, kills=12, seed=7, pool_every=0)
    assert figures.kills == 12
    assert (figures.torn, figures.lost, figures.duplicates, figures.stuck_locks, figures.temporaries) == (
        0, 0, 0, 0, 0), figures.notes


def test_a_pass_killed_while_writing_leaves_temporaries_the_next_one_removes(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass removes the state folder's mark that the last writes ended before it writes documents, and
    makes it again once they have: the mark missing (the first pass, a state older than the mark, a
    pass killed while writing) makes the next pass that writes sweep the output folders of temporary
    files first; with it no folder is listed for them."""
    from feeder import atom
    from feeder.pipeline import WRITES_ENDED

    config = load_config(write_config(tmp_path, max_entries=2))
    listed: list[Path] = []
    remove = atom._remove_temporaries

    def spy(folder: Path) -> None:
        listed.append(folder)
        remove(folder)

    monkeypatch.setattr(atom, "_remove_temporaries", spy)
    every = [config.output_folder, config.output_folder / "archive", config.output_folder / "entries"]

    def publish(first: int, day: int) -> None:
        monkeypatch.setattr(atom, "_swept", set())  # a new process
        listed.clear()
        for n in range(first, first + 3):
            write_story(config.input_folder, n)
        run_once(config, now=datetime(2026, 11, day, tzinfo=UTC))
        assert (config.state_folder / WRITES_ENDED).exists()

    publish(1, 1)
    assert sorted(listed) == sorted(every)  # no mark yet: swept (nothing there)
    publish(4, 2)
    assert listed == []  # the writes before ended: nothing listed
    # what a kill -9 while writing leaves: no mark, and temporary files beside the documents
    (config.state_folder / WRITES_ENDED).unlink()
    left = [config.output_folder / ".feed.atom.x1.tmp", config.output_folder / "archive" / ".feed-1.atom.x2.tmp",
            config.output_folder / "entries" / ".0123.html.x3.tmp"]
    for path in left:
        path.write_bytes(b"<feed")
    publish(7, 3)
    assert sorted(listed) == sorted(every)
    assert not any(path.exists() for path in left)
