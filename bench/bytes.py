"""Where a full build's bytes go: what the pass sent to storage, and each kind of document as the disk holds it.

    python bench/bytes.py [--files 10000] [--kind text|html|mixed] [--out bench/out]

One pass over a fresh workspace runs in a child process, so its ``write_bytes`` (/proc/self/io:
the pages it dirtied, feeds and state, the page writers' threads included) is the pass's alone.
Each document kind is then shown by its size and by the 4 KiB pages it fills (what the kernel
writes for it), beside the state database; what the pass wrote beyond the documents' pages is
the state (its pages, the rollback journal, pages written again after the cache spilled them or
the kernel flushed them mid-pass) and the file system's own blocks (directories, inodes).
The figures are over the inbox's size. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
SPECS = {"text": corpus.Spec(text_share=1.0, furnished=0.0), "html": corpus.Spec(text_share=0.0, furnished=0.0),
         "mixed": corpus.Spec(text_share=0.7, furnished=0.0)}
DISK_PAGE = 4096

CHILD = """
import json, sys, time
from datetime import UTC, datetime
from pathlib import Path
from feeder.config import load_config
from feeder.pipeline import run_once

def written():
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0

config = load_config(sys.argv[1])
before, start, cpu = written(), time.perf_counter(), time.process_time()
report = run_once(config, now=datetime(2026, 1, 1, tzinfo=UTC))
print(json.dumps({"written": written() - before, "seconds": time.perf_counter() - start,
                  "cpu": time.process_time() - cpu, "entries": report.entries}))
"""


def kind_of(relative: str) -> str:
    if relative.startswith("entries/"):
        return "entry pages"
    if relative.startswith("archive/"):
        return "archive pages (Atom)" if relative.endswith(".atom") else "archive pages (HTML)"
    return "feeds, index, feed pages, style sheets, list"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--kind", choices=sorted(SPECS), default="text")
    parser.add_argument("--out", default=str(HERE / "out"), help="corpus cache folder (default: bench/out)")
    args = parser.parse_args()
    source = corpus.corpus(Path(args.out), args.files, SPECS[args.kind])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(source, root / "inbox", copy_function=shutil.copy)
        (root / "config.toml").write_text(corpus.CONFIG, encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", CHILD, str(root / "config.toml")], cwd=root,
                              capture_output=True, text=True, check=False)
        if done.returncode:
            sys.stderr.write(done.stderr)
            return 1
        run = json.loads(done.stdout.strip().splitlines()[-1])
        inbox = sum(p.stat().st_size for p in (root / "inbox").rglob("*") if p.is_file())
        count, size, pages = Counter[str](), Counter[str](), Counter[str]()
        for path in (root / "feeds").rglob("*"):
            if path.is_file():
                kind, length = kind_of(path.relative_to(root / "feeds").as_posix()), path.stat().st_size
                count[kind] += 1
                size[kind] += length
                pages[kind] += -(-length // DISK_PAGE) * DISK_PAGE
        state = sum(p.stat().st_size for p in (root / "state").iterdir() if p.is_file())
    documents = sum(pages.values())
    print(f"{args.files} {args.kind} files ({inbox / 1e6:.1f} MB): one full build, {run['seconds']:.1f} s, "
          f"main process CPU {run['cpu']:.1f} s\n")
    print("| what | files | bytes / input | in 4 KiB pages / input |\n|---|---:|---:|---:|")
    for kind in sorted(count, key=lambda k: -pages[k]):
        print(f"| {kind} | {count[kind]:,} | {size[kind] / inbox:.2f}x | {pages[kind] / inbox:.2f}x |")
    print(f"| all documents | {sum(count.values()):,} | {sum(size.values()) / inbox:.2f}x | {documents / inbox:.2f}x |")
    print(f"| state database (size after the pass) | 1 | {state / inbox:.2f}x | |")
    print(f"| written by the pass (write_bytes) | | {run['written'] / inbox:.2f}x | |")
    print(f"| of which beyond the documents' pages (state, file system blocks) | | "
          f"{(run['written'] - documents) / inbox:.2f}x | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
