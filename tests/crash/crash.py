"""Crash test: SIGKILL `feeder build` and `feeder run` at random instants over a growing inbox.

Not run in CI at full size (tests/test_reliability.py runs a short version):

    .venv/bin/python -m tests.crash.crash --kills 200 --seed 1

Each round adds stories whose dates interleave with the ones already published (now and then
a batch big enough for the worker pool, now and then an edit of a published file), starts
`feeder build` or `feeder run` and kills it with SIGKILL at a random instant of its expected
duration. After every kill it counts torn documents (a published file that is not valid Atom)
and stuck locks (the lock still taken once the killed process is gone). After the last round
one normal pass runs, then it counts lost entries (a story file in no entry), duplicates
(a story under two ids, an entry on two archive pages, an id twice in one document) and the
temporary files of killed writers still in the feeds folder.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from feeder.config import Config, load_config
from feeder.errors import AlreadyRunning
from feeder.lock import InstanceLock
from feeder.validate import validate_feed
from tests.conftest import ROOT, write_config
from tests.stories import story_text

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Ningbo port logistics update number {n}"
POOL_BATCH = 450  # over the pipeline's PARALLEL_FROM: the pass reads with a worker pool


@dataclass
class Figures:
    """What the crash test counts."""

    kills: int = 0
    finished: int = 0  # passes that ended before their kill came
    after_state: int = 0  # kills that came after the pass had written to the state
    after_documents: int = 0  # kills that came after the pass had written a document
    by_command: Counter[str] = field(default_factory=Counter)
    torn: int = 0
    stuck_locks: int = 0
    lost: int = 0
    duplicates: int = 0
    temporaries: int = 0  # temporary files of killed writers still in the feeds folder after the final pass
    stories: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.kills} kills ({self.by_command['build']} build, {self.by_command['run']} run; "
                f"{self.after_state} after the state was written to, {self.after_documents} after a document was "
                f"written; {self.finished} passes finished first) over {self.stories} stories: "
                f"{self.torn} torn documents, {self.lost} lost entries, {self.duplicates} duplicates, "
                f"{self.stuck_locks} stuck locks, {self.temporaries} temporary files left")


def run_crash_test(folder: Path, *, kills: int, seed: int, pool_every: int = 25,
                   max_entries: int = 7) -> Figures:
    rng = random.Random(seed)
    config = load_config(write_config(folder, max_entries=max_entries, output="rss = true"))
    figures = Figures()
    numbers = rng.sample(range(100_000), 100_000)  # distinct stories, dates interleaved at random
    written: list[int] = []
    durations = {"build": 1.0, "run": 1.0}
    round_no = 0
    while figures.kills < kills:
        round_no += 1
        count = POOL_BATCH if pool_every and round_no % pool_every == 0 else rng.randint(1, 12)
        for _ in range(count):
            n = numbers.pop()
            _write_story(config, n)
            written.append(n)
        if written and rng.random() < 0.2:  # an edit of a published story: same entry, new text
            n = rng.choice(written)
            _write_story(config, n, edit=round_no)
        command = "run" if rng.random() < 0.4 else "build"
        marks = _marks(config)
        started = time.monotonic()
        process = _feeder(config, command)
        time.sleep(rng.uniform(0.0, 1.1) * durations[command])
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            figures.kills += 1
            figures.by_command[command] += 1
            after = _marks(config)
            figures.after_state += after[0] != marks[0]
            figures.after_documents += after[1] != marks[1]
            # killed before its end: spread the next instants over a longer pass (a daemon never ends
            # by itself: its window stays within a few builds' length)
            durations[command] = min(durations[command] * 1.1, 3 * max(durations["build"], 1.0))
        else:
            figures.finished += 1
            durations[command] = max(0.3, time.monotonic() - started)
        process.wait(timeout=120)
        if command == "run" and process.returncode != -signal.SIGKILL:
            figures.notes.append(f"round {round_no}: run exited with {process.returncode}")
        figures.torn += _torn(config, figures)
        figures.stuck_locks += _stuck(config)
    final = subprocess.run(_command(config, "build"), env=_env(), capture_output=True, text=True,
                           timeout=600, check=False)
    if final.returncode != 0:
        figures.notes.append(f"final pass exited with {final.returncode}: {final.stderr.strip()[-300:]}")
    figures.torn += _torn(config, figures)
    figures.stories = len(written)
    figures.lost, figures.duplicates = _lost_and_duplicates(config, written, figures)
    left = [path for path in config.output_folder.rglob(".*.tmp") if path.is_file()]
    figures.temporaries = len(left)
    figures.notes.extend(f"left: {path.relative_to(config.output_folder)}" for path in left[:5])
    return figures


def _write_story(config: Config, n: int, *, edit: int | None = None) -> None:
    """Write in place (not renamed in): settle_seconds = 0 here, and a kill may land mid-write."""
    text = story_text(n)
    if edit is not None:
        text = text.replace("Analysts expect", f"Revision {edit}: analysts expect")
    (config.input_folder / f"story-{n:05d}.txt").write_text(text, encoding="utf-8")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _command(config: Config, command: str) -> list[str]:
    extra = ["--every", "0.2"] if command == "run" else []
    return [sys.executable, "-m", "feeder", command, "-c", str(config.path), *extra]


def _feeder(config: Config, command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(_command(config, command), env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _marks(config: Config) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The mtimes of the state files and of the documents: which a killed pass had written to."""
    state = tuple(p.stat().st_mtime_ns for p in sorted(config.state_folder.glob("state.sqlite3*")))
    return state, tuple(p.stat().st_mtime_ns for p in _documents(config))


def _documents(config: Config) -> list[Path]:
    out = config.output_folder
    return sorted([*out.glob("*.atom"), *(out / "archive").glob("*.atom")])


def _torn(config: Config, figures: Figures) -> int:
    now = datetime.now(UTC)
    torn = 0
    for path in _documents(config):
        errors = [f for f in validate_feed(path.read_bytes(), now=now) if f.severity == "error"]
        if errors:
            torn += 1
            figures.notes.append(f"torn: {path.name}: {errors[0].code}")
    return torn


def _stuck(config: Config) -> int:
    """1 when the lock is still taken once the killed pass (and, within a few seconds, its workers) is gone."""
    for _ in range(100):
        try:
            with InstanceLock(config.state_folder):
                return 0
        except AlreadyRunning:
            time.sleep(0.05)
    return 1


def _lost_and_duplicates(config: Config, written: list[int], figures: Figures) -> tuple[int, int]:
    ids_by_title: dict[str, set[str]] = {}
    archived: Counter[str] = Counter()
    duplicates = 0
    for path in _documents(config):
        root = etree.fromstring(path.read_bytes())
        ids = []
        for entry in root.iter(f"{ATOM}entry"):
            eid, title = entry.findtext(f"{ATOM}id") or "", entry.findtext(f"{ATOM}title") or ""
            ids.append(eid)
            ids_by_title.setdefault(title, set()).add(eid)
        duplicates += len(ids) - len(set(ids))
        if path.parent.name == "archive":
            archived.update(ids)
    duplicates += sum(count - 1 for count in archived.values())
    duplicates += sum(len(ids) - 1 for ids in ids_by_title.values())
    lost = [n for n in written if TITLE.format(n=n) not in ids_by_title]
    if lost:
        figures.notes.append(f"lost: {', '.join(map(str, lost[:10]))}")
    return len(lost), duplicates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="feeder-crash-") as folder:
        started = time.monotonic()
        figures = run_crash_test(Path(folder), kills=args.kills, seed=args.seed)
    print(figures.line())
    for note in figures.notes[:20]:
        print("  " + note)
    print(f"  {time.monotonic() - started:.0f} s, load average {os.getloadavg()[0]:.1f}")
    clean = figures.torn == figures.lost == figures.duplicates == figures.stuck_locks == figures.temporaries == 0
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
