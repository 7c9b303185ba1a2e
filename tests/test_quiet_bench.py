"""bench/quiet.py runs end to end at a small size and prints its three figures (no timing assertions)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quiet_bench_runs_and_its_history_is_what_a_pass_leaves(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "quiet.py"), "--files", "40", "--stories", "4", "--repeat", "1",
         "--out", str(tmp_path)], capture_output=True, text=True, timeout=300, check=False, cwd=ROOT / "bench")
    assert done.returncode == 0, done.stderr
    for figure in ("unchanged build: wall", "add 1 build:     wall", "daemon unchanged pass CPU"):
        assert figure in done.stdout, done.stdout
    workspace = tmp_path / "n40-s4"
    db = sqlite3.connect(workspace / "state" / "state.sqlite3")
    try:
        files = db.execute("SELECT count(*) FROM files").fetchone()[0]
        entries = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()
    assert (files, entries) == (41, 5), "every inbox file known; the added story published"


def test_quiet_bench_seeds_a_history_of_one_story_per_file(tmp_path: Path) -> None:
    """``--history``: every inbox file a story of its own in the state, its entry page and the list of
    published paths written, and a pass over that inbox finds nothing to read."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "quiet.py"), "--files", "30", "--stories", "3", "--history",
         "--repeat", "1", "--out", str(tmp_path)], capture_output=True, text=True, timeout=300, check=False,
        cwd=ROOT / "bench")
    assert done.returncode == 0, done.stderr
    assert "stories 30," in done.stdout, done.stdout
    workspace = tmp_path / "n30-s3-history"
    db = sqlite3.connect(workspace / "state" / "state.sqlite3")
    try:
        files = db.execute("SELECT count(*) FROM files").fetchone()[0]
        entries = db.execute("SELECT count(*) FROM entries").fetchone()[0]
        ids = {row[0] for row in db.execute("SELECT id FROM entries")}
    finally:
        db.close()
    assert (files, entries, len(ids)) == (31, 31, 31), "one story per file, the added one too"
    listed = (workspace / "feeds" / ".published").read_text(encoding="utf-8").splitlines()
    assert len([line for line in listed if line.startswith("entries/")]) == 31
    quiet = subprocess.run([sys.executable, "-m", "feeder", "build", "--config", str(workspace / "config.toml")],
                           capture_output=True, text=True, timeout=300, check=True)
    assert quiet.stdout.startswith("0 new, 0 updated, 31 unchanged"), quiet.stdout
