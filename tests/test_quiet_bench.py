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
