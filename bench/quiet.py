"""The quiet passes at a large history: unchanged and add-one `feeder build`, and the daemon's interval pass.

    python bench/quiet.py --files 100000 --stories 200 --repeat 5 --out DIR
    python bench/quiet.py --files 100000 --stories 200 --history --repeat 5 --out DIR

A full build of 100,000 stories takes half an hour, so the history is made faster: ``--stories``
corpus stories are built for real, then hard links to them under new names fill the inbox to
``--files``, each recorded in the state as its story's file (what a pass records for a copy of a
story it already has). The state then knows every inbox file as a pass would have left it: the
scan, the bookkeeping and the process start cost what they cost at that size; the entries'
count (and so the feed pages) is ``--stories``.

With ``--history`` every inbox file is a story of its own (a bench tool, not a feeder feature):
the ``--stories`` corpus articles are extracted once, and each of the ``--files`` hard links is
stored as a copy of one of them under a story key, id and digest of its own (as
``bench/backfill_store.py`` makes them), by the pass's own store and publish stages (no
extraction), so the state holds ``--files`` entries and their pages, the archive pages and the
list of published paths, as a full build of that many stories would leave them, in minutes
instead of half an hour. Every figure is the median of ``--repeat`` fresh
processes: wall time and CPU (user + system) of `feeder build`, and the CPU of a second unchanged
pass inside one process (the daemon's interval pass).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
SPEC = corpus.Spec(text_share=1.0, furnished=0.0)
DAEMON_PASS = """
import sys, time
from feeder.config import load_config
from feeder.daemon import one_pass
from feeder.pipeline import Scope
config = load_config(sys.argv[1])
watched = Scope(trust_folder_stamps=True)  # the daemon's scheduled scan while it watches filesystem events
one_pass(config, scope=watched)
cpu = time.process_time()
one_pass(config, scope=watched)
print(time.process_time() - cpu)
"""


# An installed feeder runs from compiled bytecode: a shell that forbids writing it would add the
# compiling of every module to each measured start.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def feeder(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its children) of one `feeder` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "feeder", *args], check=True, stdout=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def seed(root: Path, files: int, stories: int) -> None:
    """The ``--history`` state: every one of ``files`` inbox links a story of its own (see the docstring)."""
    from backfill_store import NOW, copy_of

    from feeder import pipeline
    from feeder.config import load_config
    from feeder.editorial import Editorial
    from feeder.store import Store

    inbox = root / "inbox"
    originals = corpus.write_files(root / "originals", range(stories), SPEC)
    config = load_config(root / "config.toml")
    articles = [pipeline.inspect_file(p, config, inbox=root / "originals", now=NOW) for p in originals]
    inbox.mkdir(parents=True, exist_ok=True)
    changed = []
    for index in range(files):
        link = inbox / f"{index:07d}-{originals[index % stories].name}"
        os.link(originals[index % stories], link)
        info = link.stat()
        changed.append(pipeline._Seen(link, info.st_size, info.st_mtime_ns, False))

    def stored(config: object, changed: list[pipeline._Seen], now: object) -> Iterator[pipeline._Read]:
        for index, seen in enumerate(changed):
            story = copy_of(articles, index, inbox)
            yield replace(story, article=replace(story.article, path=str(seen.path)), size=seen.size,
                          mtime_ns=seen.mtime_ns)

    pipeline._read_all = stored  # type: ignore[assignment]
    store = Store.open(config.state_folder)
    try:
        with store.transaction():
            editorial = Editorial.load(store, config)
        with store.bulk():
            pipeline._ingest(config, store, changed, NOW, None, (editorial, pipeline._Tally()))
            store.release_cache()
            pipeline._publish(config, store, NOW, record_every=pipeline.BULK_RECORD_EVERY)
    finally:
        store.close()


def make(root: Path, files: int, stories: int, history: bool = False) -> Path:
    """The workspace (built once): ``stories`` built stories, hard links filling the inbox to ``files``."""
    config = root / "config.toml"
    if (root / "READY").exists():
        return config
    inbox = root / "inbox"
    root.mkdir(parents=True, exist_ok=True)
    config.write_text(corpus.CONFIG, encoding="utf-8")
    if history:
        seed(root, files, stories)
        time.sleep(3.2)  # past the settle time
        feeder("build", "--config", str(config))  # records the folder's listing as known
        (root / "READY").write_text("ready\n", encoding="utf-8")
        return config
    originals = corpus.write_files(inbox, range(stories), SPEC)
    time.sleep(3.2)  # past the settle time
    feeder("build", "--config", str(config))
    db = sqlite3.connect(root / "state" / "state.sqlite3")
    known = {path: row for path, *row in db.execute(
        "SELECT path, size, mtime_ns, digest, status, reason, story, seen_at FROM files")}
    rows = []
    for index in range(files - stories):
        original = originals[index % stories]
        copy = inbox / f"copy{index:07d}-{original.name}"
        os.link(original, copy)
        rows.append((os.fspath(copy), *known[os.fspath(original)]))
    with db:
        db.executemany("INSERT INTO files VALUES (?,?,?,?,?,?,?,?)", rows)
    db.close()
    feeder("build", "--config", str(config))  # records the folder's listing as known
    (root / "READY").write_text("ready\n", encoding="utf-8")
    return config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--history", action="store_true",
                        help="every inbox file a story of its own in the state (seeded, see above)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", default=str(HERE / "out" / "quiet"))
    parser.add_argument("--label", default="now")
    args = parser.parse_args()
    root = Path(args.out) / f"n{args.files}-s{args.stories}{'-history' if args.history else ''}"
    config = make(root, args.files, args.stories, args.history)
    unchanged, added, daemon = [], [], []
    count = root / "ADDED"  # stories added by earlier runs: each run adds new names
    first = args.files + (int(count.read_text(encoding="utf-8")) if count.exists() else 0)
    for turn in range(args.repeat):
        unchanged.append(feeder("build", "--config", str(config)))
        corpus.write_files(root / "inbox", range(first + turn, first + turn + 1), SPEC)
        count.write_text(str(first + turn + 1 - args.files), encoding="utf-8")
        time.sleep(3.2)  # past the settle time, as a cron pass finds a file
        added.append(feeder("build", "--config", str(config)))
        out = subprocess.run([sys.executable, "-c", DAEMON_PASS, str(config)], check=True,
                             capture_output=True, text=True, env=ENV).stdout
        daemon.append(float(out.split()[-1]))
    med = statistics.median
    stories = args.files if args.history else args.stories
    print(f"{args.label}: files {args.files}, stories {stories}, {args.repeat} runs, load {os.getloadavg()}")
    print(f"  unchanged build: wall {med(w for w, _ in unchanged):.3f} s, CPU {med(c for _, c in unchanged):.3f} s")
    print(f"  add 1 build:     wall {med(w for w, _ in added):.3f} s, CPU {med(c for _, c in added):.3f} s")
    print(f"  daemon unchanged pass CPU {med(daemon):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
