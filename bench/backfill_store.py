"""A backfill's store and publish stages alone, at any size: CPU per story (this process and its rendering
workers) and bytes written, without extraction.

    python bench/backfill_store.py [--stories 100000] [--articles 1000] [--out bench/out]

The first ``--articles`` text files of the bench corpus are read and extracted once; a backfill of
``--stories`` stories is then made of them, each copy with its own story key (a hash first, so
keys, ids and entry pages land at random as real ones do), path, digest and paragraph hashes
(no line repeats, as in the corpus). The pass's own stages store them (``pipeline._ingest``, in a
backfill's commits, journal and cache) and publish every document (``pipeline._publish``), so the
state's behaviour at 100,000 stories (its random-keyed indexes against the cache) is measured in
minutes instead of a full build's half hour. Bytes are this process's ``write_bytes``
(/proc/self/io; Linux) over the size of the inbox the stories stand for. A last row stores and
publishes one more story, as a later pass adding one file does after its scan (with this history).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import corpus

from feeder import pipeline
from feeder.config import load_config
from feeder.editorial import Editorial
from feeder.records import Article
from feeder.store import Store

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 1, 1, tzinfo=UTC)
LATER = datetime(2026, 1, 2, tzinfo=UTC)
TEXT = corpus.Spec(text_share=1.0, furnished=0.0)


def cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children (the rendering workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def written() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0


def copy_of(articles: list[Article], i: int, folder: Path) -> pipeline._Read:
    """Story i: article i modulo the sample, under a key, path and paragraph hashes of its own."""
    article = articles[i % len(articles)]
    key = hashlib.sha1(str(i).encode()).hexdigest()[:8] + f"{article.story_key}|{i}"
    story = replace(article, story_key=key, path=str(folder / f"{i:06d}.txt"),
                    digest=hashlib.sha1(key.encode()).hexdigest())
    hashes = tuple(hashlib.sha1(f"{key}/{n}".encode()).hexdigest()[:20]
                   for n in range(len(article.body))) if article.site else ()
    return pipeline._Read(story, hashes, 3900, i)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1000, help="distinct corpus articles to copy from")
    parser.add_argument("--out", default=str(HERE / "out"), help="corpus cache folder (default: bench/out)")
    args = parser.parse_args()
    source = corpus.corpus(Path(args.out), args.articles, TEXT)
    sample = sorted(source.iterdir())
    inbox = sum(p.stat().st_size for p in sample) * args.stories / len(sample)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "inbox").mkdir()
        (root / "config.toml").write_text(corpus.CONFIG, encoding="utf-8")
        config = load_config(root / "config.toml")
        articles = [pipeline.inspect_file(p, config, inbox=source, now=NOW) for p in sample]
        changed = [pipeline._Seen(root / "inbox" / f"{i:06d}.txt", 3900, i, False) for i in range(args.stories)]
        folder = root / "inbox"
        pipeline._read_all = lambda config, changed, now: (  # type: ignore[assignment]
            copy_of(articles, int(seen.path.stem), folder) for seen in changed)
        store = Store.open(config.state_folder)
        try:
            with store.transaction():
                editorial = Editorial.load(store, config)
            marks = [(time.perf_counter(), cpu(), written())]
            with store.bulk():
                pipeline._ingest(config, store, changed, NOW, None, (editorial, pipeline._Tally()))
                marks.append((time.perf_counter(), cpu(), written()))
                store.release_cache()
                pipeline._publish(config, store, NOW, record_every=pipeline.BULK_RECORD_EVERY)
            marks.append((time.perf_counter(), cpu(), written()))
            # Then what a later pass does with one new story (a cron pass's work after its scan and
            # imports): store it, then rewrite the documents it changes, the list of published paths included.
            one = [pipeline._Seen(folder / f"{args.stories:06d}.txt", 3900, args.stories, False)]
            pipeline._ingest(config, store, one, LATER, None, (editorial, pipeline._Tally()))
            pipeline._publish(config, store, LATER)
            marks.append((time.perf_counter(), cpu(), written()))
        finally:
            store.close()
        documents = sum(-(-p.stat().st_size // 4096) * 4096 for p in (root / "feeds").rglob("*") if p.is_file())
        state = (config.state_folder / "state.sqlite3").stat().st_size
    print(f"{args.stories:,} stories (copies of {len(sample)} corpus articles, {inbox / 1e6:.0f} MB of inbox), "
          f"load {os.getloadavg()[0]:.1f}, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB\n")
    print("| stage | wall | CPU per story, main process | CPU per story, workers | written / input |\n"
          "|---|---:|---:|---:|---:|")
    for name, (start, end) in zip(("store (ingest)", "publish"), pairwise(marks[:3]), strict=True):
        own, workers = ((end[1][i] - start[1][i]) / args.stories * 1000 for i in (0, 1))
        print(f"| {name} | {end[0] - start[0]:.1f} s | {own:.3f} ms | {workers:.3f} ms | "
              f"{(end[2] - start[2]) / inbox:.2f}x |")
    print(f"| all | {marks[2][0] - marks[0][0]:.1f} s | | | {(marks[2][2] - marks[0][2]) / inbox:.2f}x |")
    start, end = marks[2], marks[3]
    print(f"| then one more story, store and publish (CPU, written) | {end[0] - start[0]:.3f} s | "
          f"{(end[1][0] - start[1][0]) * 1000:.1f} ms | {(end[1][1] - start[1][1]) * 1000:.1f} ms | "
          f"{(end[2] - start[2]) / 1e6:.2f} MB |")
    print(f"| documents, in 4 KiB pages | | | | {documents / inbox:.2f}x |")
    print(f"| state database, size | | | | {state / inbox:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
