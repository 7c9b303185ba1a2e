"""Where a backfill's time goes: CPU per file (or per entry) in each stage, measured in one process.

    python bench/stages.py [--files 1000] [--kind text|html|mixed] [--out bench/out] [--profile-extract 25]

A full build runs these stages for every file (the first four in the worker processes, the store
in the main one) and then renders and gates every feed document. Timing them one by one, on the
bench's own corpus, says which one bounds the build; `python -m cProfile` on this script says why,
and `--profile-extract N` prints the N functions extraction spends most of its own time in (a
second, profiled pass over the corpus, in a fresh process so no cache is warm).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import corpus

from feeder.articles import read_article
from feeder.config import load_config
from feeder.extract import extract
from feeder.extract.lazy_re import compile_all
from feeder.learn import body_hashes
from feeder.normalize import check_dates, normalize
from feeder.pipeline import _held_back, gate, run_once
from feeder.publish import Rendition, documents
from feeder.store import Store

HERE = Path(__file__).resolve().parent
SPECS = {"text": corpus.Spec(text_share=1.0, furnished=0.0), "html": corpus.Spec(text_share=0.0, furnished=0.0),
         "mixed": corpus.Spec(text_share=0.7, furnished=0.0)}
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # as bench/run.py: every corpus stamp is earlier
T = TypeVar("T")


def timed(totals: dict[str, list[float]], name: str, work: Callable[[], T]) -> T:
    start = time.process_time()
    result = work()
    totals.setdefault(name, []).append(time.process_time() - start)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--kind", choices=sorted(SPECS), default="text")
    parser.add_argument("--out", default=str(HERE / "out"), help="corpus cache folder (default: bench/out)")
    parser.add_argument("--profile-extract", type=int, default=0, metavar="N",
                        help="also print the N functions extraction spends most of its own time in")
    parser.add_argument("--profile-only", action="store_true", help=argparse.SUPPRESS)  # the profiled process
    args = parser.parse_args()
    compile_all()  # the rules' patterns, compiled on first use, belong to start-up: not to the first files' extraction
    source = corpus.corpus(Path(args.out), args.files, SPECS[args.kind])
    if args.profile_only:
        return _profile_extract(source, args.profile_extract)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(source, root / "inbox", copy_function=shutil.copy)
        (root / "config.toml").write_text(corpus.CONFIG, encoding="utf-8")
        config = load_config(root / "config.toml")
        per_file: dict[str, list[float]] = {}
        for path in sorted((root / "inbox").iterdir()):
            raw = timed(per_file, "read and decode", lambda p=path: read_article(  # type: ignore[misc]
                p, inbox=config.input_folder, max_bytes=config.max_file_bytes))
            page = timed(per_file, "extract", lambda r=raw: extract(r, config.registry))  # type: ignore[misc]
            article = timed(per_file, "normalize", lambda r=raw, g=page: check_dates(  # type: ignore[misc]
                normalize(r, g, config.registry, config.default_zone), config.dates, NOW))
            timed(per_file, "paragraph hashes", lambda a=article: body_hashes(a))  # type: ignore[misc]
            timed(per_file, "entry check (render + validate alone)",  # type: ignore[misc]
                  lambda a=article: _held_back(config, a, NOW))
        whole = time.process_time()
        run_once(config, now=NOW)
        whole = time.process_time() - whole  # this process only: the store, plus waiting on the workers' results
        store = Store.open(config.state_folder)
        per_entry: dict[str, list[float]] = {}
        entries = 0
        try:
            for document in documents(config, store, now=NOW):
                pages = " (pages)" if document.kind == "html" else ""  # HTML pages, the stylesheet, the list
                rendition = timed(per_entry, "load from the store" + pages, document.load)
                data = timed(per_entry, "render" + pages, rendition.render)
                gate_name = ("gate (document structure)" if not pages else "gate") + pages
                timed(per_entry, gate_name, lambda d=data, k=rendition.kind: gate(  # type: ignore[misc]
                    k, d, NOW))
                if isinstance(rendition, Rendition):
                    entries += len(rendition.entries)
        finally:
            store.close()
    print(f"{args.files} {args.kind} files; CPU time of this process (time.process_time)\n")
    print("| stage | per file | total |\n|---|---:|---:|")
    for name, values in per_file.items():
        print(f"| {name} | {statistics.fmean(values) * 1000:.3f} ms | {sum(values):.2f} s |")
    print(f"| whole pass, main process only | {whole / args.files * 1000:.3f} ms | {whole:.2f} s |")
    print(f"\n{entries} entries in {len(per_entry.get('render', []))} document(s)\n")
    print("| stage | per entry | total |\n|---|---:|---:|")
    for name, values in per_entry.items():
        print(f"| {name} | {sum(values) / max(entries, 1) * 1000:.3f} ms | {sum(values):.2f} s |")
    if args.profile_extract:
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--files", str(args.files), "--kind", args.kind, "--out", args.out,
                        "--profile-extract", str(args.profile_extract), "--profile-only"], check=True)
    return 0


def _profile_extract(source: Path, top: int) -> int:
    """Extract every file of the corpus under cProfile and print where extraction's own time goes."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "config.toml").write_text(
            corpus.CONFIG.replace('folder = "inbox"', f"folder = {str(source)!r}", 1), encoding="utf-8")
        config = load_config(Path(tmp) / "config.toml")
        raws = [read_article(p, inbox=source, max_bytes=config.max_file_bytes) for p in sorted(source.iterdir())]
        profile = cProfile.Profile()
        profile.enable()
        for raw in raws:
            extract(raw, config.registry)
        profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(top)
    print(f"\nextraction of {len(raws)} files under cProfile (own time first; cProfile slows it several times)")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
