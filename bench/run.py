"""Benchmarks: full builds, incremental and unchanged passes, and inspect cost, as medians with peak RSS.

    python bench/run.py [--sizes 1000,10000,100000] [--repeat 5] [--quick]

Every measurement runs in a fresh process: the parent times the process and reads its peak RSS (``wait4``),
the child times ``run_once`` itself. Corpora are cached under bench/out/ by (size, mix, furniture, seed).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # passes run "now"; every corpus stamp is earlier
LARGE = 100_000  # from this size on, --large-repeat runs per figure (a full build takes minutes)
CLI_MAX = 10_000  # the CLI column (interpreter start included) is measured up to this size
TEXT = corpus.Spec(text_share=1.0, furnished=0.0)
MIXED = corpus.Spec(text_share=0.7, furnished=0.0)
FURNISHED = corpus.Spec(text_share=0.7, furnished=0.5)
CORPUS_NAMES = {TEXT: "text", MIXED: "mixed", FURNISHED: "mixed + site furniture"}
# (measurement, size) -> (limit in seconds, what it is compared with); "flat" compares add 1 across sizes.
TARGETS: dict[tuple[str, int], float] = {
    ("full build (text)", 10_000): 3.5,
    ("add 1 file", 100_000): 0.7,
    ("unchanged pass", 100_000): 0.6,
    ("event to publish (daemon)", 10_000): 1.0,
    ("event to publish (daemon)", 100_000): 1.0,
    ("full build (text)", 100_000): 40.0,
}
BYTES_LIMITS = {"written": 2.5, "state": 1.2}  # over the input's size, full build at RSS_SIZE files
HTML_LIMIT_MS = 5.0
RSS_LIMIT_MIB = 300.0
RSS_SIZE = 100_000


# --- children: what runs inside the measured process ------------------------------------------------------

def child_pass(config_path: str) -> None:
    """One run_once, timed in-process; prints the seconds and the report counts as JSON."""
    from feeder.config import load_config
    from feeder.pipeline import run_once

    config = load_config(config_path)
    written = _written()
    start, cpu = time.perf_counter(), time.process_time()
    report = run_once(config, now=NOW)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "new": report.new, "updated": report.updated,
                      "rejected": len(report.rejected), "entries": report.entries,
                      "written": _written() - written, "state": _folder_bytes(config.state_folder),
                      "feeds": _folder_bytes(config.output_folder, blocks=True),
                      "input": _folder_bytes(config.input_folder)}))


def _written() -> int:
    """Bytes this process has sent towards storage so far (pages it dirtied: the feeds and the state).

    Not ``wchar``, which also counts what goes through the pipes to the worker processes; the
    workers themselves write no file.
    """
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0


def _folder_bytes(folder: Path, *, blocks: bool = False) -> int:
    """The size of a folder's files; with ``blocks``, in whole 4 KiB pages, as the kernel writes them."""
    sizes = (path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return sum(-(-size // 4096) * 4096 for size in sizes) if blocks else sum(sizes)


def child_inspect(config_path: str, files: Sequence[str]) -> None:
    """``feeder inspect``'s work per file (read, extract, normalize, learned furniture), timed per file."""
    from feeder.cli import inspect_record
    from feeder.config import load_config

    config = load_config(config_path)
    times, rejected = [], 0
    for name in files:
        start = time.perf_counter()
        record = inspect_record(Path(name), config, NOW)
        times.append(time.perf_counter() - start)
        rejected += record["status"] != "ok"
    print(json.dumps({"seconds": statistics.median(times), "rejected": rejected, "files": len(files)}))


# --- the parent: processes, workspaces, measurements -------------------------------------------------------

@dataclass(frozen=True)
class Run:
    wall: float  # seconds, process start to exit, measured by the parent
    rss_mib: float  # the process's peak resident set
    result: dict[str, float]  # what the child printed (empty for the CLI)


def spawn(argv: Sequence[str], timeout: float) -> Run:
    """Run argv to its end (killed after timeout) and return its wall time, peak RSS and JSON output."""
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=devnull)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}...: exit {proc.returncode}" +
                           (" (timed out)" if wall >= timeout else ""))
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Run(wall, usage.ru_maxrss / 1024, result)


def _child(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *args]


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "feeder"
    return [str(script)] if script.exists() else [sys.executable, "-m", "feeder"]


@dataclass
class Workspace:
    """A config, an inbox (hard links to a cached corpus) and the state/feeds folders a pass writes."""

    root: Path
    size: int
    spec: corpus.Spec

    @classmethod
    def make(cls, out: Path, size: int, spec: corpus.Spec) -> Workspace:
        source = corpus.corpus(out, size, spec)
        ws = cls(out / "work" / f"n{size}-{spec.label}", size, spec)
        if not (ws.root / "LINKED").exists():
            shutil.rmtree(ws.root, ignore_errors=True)
            shutil.copytree(source, ws.root / "inbox", copy_function=os.link)
            (ws.root / "config.toml").write_text(corpus.CONFIG, encoding="utf-8")
            (ws.root / "LINKED").write_text("inbox complete\n", encoding="utf-8")
        # A corpus written moments ago is younger than [input] settle_seconds: `feeder build` (the CLI
        # column, which runs with the clock) would leave most of it for a later pass.
        settled = NOW.timestamp() - 3600
        for path in (ws.root / "inbox").iterdir():
            if path.is_file() and path.stat().st_mtime > settled:
                os.utime(path, (settled, settled))
        return ws

    @property
    def config(self) -> str:
        return str(self.root / "config.toml")

    def wipe(self) -> None:
        for name in ("state", "feeds", "inbox/incoming"):
            shutil.rmtree(self.root / name, ignore_errors=True)

    def snapshot(self) -> None:
        """Keep the state and feeds of the build just made as the history for later passes."""
        shutil.rmtree(self.root / "history", ignore_errors=True)
        for name in ("state", "feeds"):
            shutil.copytree(self.root / name, self.root / "history" / name)

    def restore(self) -> None:
        self.wipe()
        shutil.copytree(self.root / "history" / "state", self.root / "state")
        shutil.copytree(self.root / "history" / "feeds", self.root / "feeds", copy_function=os.link)


@dataclass
class Row:
    measurement: str
    size: int
    corpus: str
    runs: list[Run] = field(default_factory=list)
    cli: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def seconds(self) -> float | None:
        return statistics.median(r.result["seconds"] for r in self.runs) if self.runs else None

    @property
    def cpu(self) -> float | None:
        values = [r.result["cpu"] for r in self.runs if "cpu" in r.result]
        return statistics.median(values) if values else None

    @property
    def cli_seconds(self) -> float | None:
        return statistics.median(r.wall for r in self.cli) if self.cli else None

    def ratio(self, key: str) -> float | None:
        """Median of a byte count over the input's size (bytes written, state database)."""
        values = [r.result[key] / r.result["input"] for r in self.runs if r.result.get("input")]
        return statistics.median(values) if values else None

    @property
    def rss(self) -> float | None:
        return max(r.rss_mib for r in [*self.runs, *self.cli]) if self.runs else None


@dataclass
class Bench:
    out: Path
    repeat: int
    large_repeat: int
    timeout: float
    quick: bool
    checkpoint: Callable[[], object]  # called after each row: the table so far survives an interrupted run
    furnished_max: int = LARGE  # the corpus with site furniture is measured up to this size
    text_max: int = LARGE  # the text-only corpus likewise (the mixed one is always built: it is the history)
    rows: list[Row] = field(default_factory=list)

    def measure(self, row: Row, once: Callable[[], None]) -> None:
        """Run ``once`` repeat times into row; a failure or timeout becomes the row's note."""
        self.rows.append(row)
        started = time.perf_counter()
        try:
            for _ in range(self.large_repeat if row.size >= LARGE else self.repeat):
                once()
        except RuntimeError as exc:
            row.runs, row.cli, row.note = [], [], str(exc)
        print(f"  {row.measurement} n={row.size} {row.corpus}: {_secs(row.seconds)} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        self.checkpoint()

    def full_build(self, size: int, spec: corpus.Spec, *, cli: bool) -> Workspace:
        ws = Workspace.make(self.out, size, spec)
        row = Row(f"full build ({'text' if spec == TEXT else 'mixed'})", size, CORPUS_NAMES[spec])
        shutil.rmtree(ws.root / "history", ignore_errors=True)

        def once() -> None:
            if cli:
                ws.wipe()
                row.cli.append(spawn([*_cli(), "build", "-c", ws.config], self.timeout))
            ws.wipe()
            row.runs.append(self._pass(ws, expect_new=size))

        self.measure(row, once)
        if row.runs:
            ws.snapshot()
        return ws

    def incremental(self, ws: Workspace, added: int, name: str, *, cli: bool = False) -> None:
        row = Row(name, ws.size, CORPUS_NAMES[ws.spec])
        if not (ws.root / "history").exists():
            self.rows.append(Row(name, ws.size, CORPUS_NAMES[ws.spec], note="no history: the full build failed"))
            return

        def add() -> None:
            ws.restore()
            settled = NOW.timestamp() - 3600  # older than [input] settle_seconds: `feeder build` reads them
            for path in corpus.write_files(ws.root / "inbox" / "incoming", range(ws.size, ws.size + added), ws.spec):
                os.utime(path, (settled, settled))

        def once() -> None:
            add()
            row.runs.append(self._pass(ws, expect_new=added))
            if cli:  # `feeder build` as cron runs it: interpreter start, imports, the pass
                add()
                row.cli.append(spawn([*_cli(), "build", "-c", ws.config], self.timeout))

        self.measure(row, once)

    def _pass(self, ws: Workspace, expect_new: int) -> Run:
        run = spawn(_child("child-pass", ws.config), self.timeout)
        if run.result["new"] != expect_new or run.result["rejected"]:
            raise RuntimeError(f"pass made {run.result['new']} new entries ({expect_new} expected), "
                               f"{run.result['rejected']} rejected")
        return run

    def event_latency(self, ws: Workspace, files: int = 5) -> None:
        """`feeder run` on the history: from a new file's write to its feed being replaced, per file."""
        row = Row("event to publish (daemon)", ws.size, CORPUS_NAMES[ws.spec])
        if not (ws.root / "history").exists():
            self.rows.append(Row(row.measurement, ws.size, row.corpus, note="no history: the full build failed"))
            return

        def once() -> None:
            ws.restore()
            (ws.root / "inbox" / "incoming").mkdir(parents=True)
            log, feed = ws.root / "daemon.log", ws.root / "feeds" / "feed.atom"
            with open(log, "wb") as stderr:
                daemon = subprocess.Popen([*_cli(), "run", "-c", ws.config, "--every", "3600"], stderr=stderr,
                                          stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            try:
                _poll(lambda: "pass finished" in log.read_text(), self.timeout, "the daemon's first pass")
                latencies = []
                for n in range(ws.size, ws.size + files):
                    before = feed.stat().st_mtime_ns
                    start = time.perf_counter()
                    corpus.write_files(ws.root / "inbox" / "incoming", range(n, n + 1), ws.spec)
                    _poll(lambda b=before: feed.stat().st_mtime_ns != b, 60, "the feed to change")
                    latencies.append(time.perf_counter() - start)
            finally:
                _stop(daemon)
            seconds = statistics.median(latencies)
            row.runs.append(Run(seconds, 0.0, {"seconds": seconds}))

        self.measure(row, once)

    def inspect(self, kind: str, spec: corpus.Spec) -> None:
        files = 50 if self.quick else 200
        ws = Workspace.make(self.out, files, spec)  # its state folder stays empty: nothing learned
        paths = sorted(str(p) for p in (ws.root / "inbox").iterdir())
        row = Row(f"inspect, per {kind} file", files, kind)

        def once() -> None:
            row.runs.append(spawn(_child("child-inspect", ws.config, *paths), self.timeout))

        self.measure(row, once)

    def run(self, sizes: Sequence[int]) -> None:
        for size in sizes:
            if size <= self.text_max:
                self.full_build(size, TEXT, cli=size <= CLI_MAX)
            mixed = self.full_build(size, MIXED, cli=size <= CLI_MAX)
            self.incremental(mixed, 1, "add 1 file", cli=True)
            self.incremental(mixed, 100, "add 100 files")
            self.incremental(mixed, 0, "unchanged pass", cli=True)
            self.event_latency(mixed)
            if size <= self.furnished_max:
                furnished = self.full_build(size, FURNISHED, cli=False)
                self.incremental(furnished, 1, "add 1 file")
        self.inspect("text", TEXT)
        self.inspect("HTML", corpus.Spec(text_share=0.0, furnished=0.0))


def _stop(daemon: subprocess.Popen[bytes]) -> None:
    """SIGTERM, repeated while the daemon lives (a signal that lands on one of its other threads may
    wait for the scheduler's next wake-up), then SIGKILL."""
    for _ in range(20):
        daemon.terminate()
        try:
            daemon.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue
    daemon.kill()
    daemon.wait()


def _poll(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"gave up waiting for {what}")
        time.sleep(0.005)


# --- the table -----------------------------------------------------------------------------------------

def _secs(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.2f} ms" if value < 0.1 else f"{value:.2f} s"


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _verdict(value: float | None, limit: float, unit: str) -> tuple[str, str]:
    target = f"≤ {limit:g} {unit}"
    if value is None:
        return target, "not measured"
    if value <= limit:
        return target, f"yes ({limit / value:.1f}× under)" if value else "yes"
    return target, f"**no** ({value / limit:.1f}× over)"


def _target(row: Row, rows: Sequence[Row]) -> tuple[str, str]:
    if row.measurement.startswith("inspect, per HTML"):
        return _verdict(row.seconds * 1000 if row.seconds is not None else None, HTML_LIMIT_MS, "ms")
    limit = TARGETS.get((row.measurement, row.size))
    if limit is None or row.corpus == CORPUS_NAMES[FURNISHED]:
        return "", ""
    if row.measurement in ("add 1 file", "unchanged pass") and row.cli_seconds is not None:
        target, met = _verdict(row.cli_seconds, limit, "s")  # the goal is `feeder build`'s, as cron runs it
        target, met = target + " (CLI)", met + f"; pass alone {_verdict(row.seconds, limit, 's')[1]}"
    else:
        target, met = _verdict(row.seconds, limit, "s")
    if row.measurement == "add 1 file":
        smaller = [r for r in rows if r.measurement == row.measurement and r.corpus == row.corpus
                   and r.size < row.size and r.seconds]
        if smaller and row.seconds:
            growth = row.seconds / smaller[-1].seconds
            target += ", flat in history size"
            met += f"; ×{growth:.1f} from {smaller[-1].size:,} ({'flat' if growth <= 1.5 else '**not flat**'})"
    return target, met


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}; Python "
            f"{platform.python_version()}; {platform.system()} {platform.release()}")


def code_version() -> str:
    """The commit measured, and whether feeder/ had uncommitted changes (read-only git calls)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True,
                                  check=False).stdout.strip()
        except OSError:
            return ""
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "feeder")
    return f"{head}{' + uncommitted changes in feeder/' if dirty else ''}"


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def save_rows(path: Path, rows: Sequence[Row], code: str, loads: tuple[str, str]) -> None:
    """The figures of this run as JSON, to be shown as the *before* of a later run (``--before``)."""
    figures = [{"measurement": r.measurement, "size": r.size, "corpus": r.corpus, "seconds": r.seconds,
                "cli": r.cli_seconds, "rss": r.rss, "written": r.ratio("written"), "state": r.ratio("state")}
               for r in rows]
    path.write_text(json.dumps({"code": code, "loads": loads, "rows": figures}, indent=1) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Before:
    """The figures of an earlier run (``--save``), by (measurement, size, corpus)."""

    code: str
    loads: tuple[str, str]
    rows: dict[tuple[str, int, str], dict[str, float | None]]

    @classmethod
    def load(cls, path: Path) -> Before:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["code"], (data["loads"][0], data["loads"][1]),
                   {(r["measurement"], r["size"], r["corpus"]): r for r in data["rows"]})

    def cells(self, row: Row) -> tuple[str, str]:
        """The row's pass time and bytes written before, and how many times faster it is now."""
        old = self.rows.get((row.measurement, row.size, row.corpus))
        if old is None:
            return "—", "—"
        seconds, now = old.get("seconds"), row.seconds
        faster = f"{seconds / now:.1f}×" if seconds and now else "—"
        return f"{_secs(seconds)} / {_times(old.get('written'))}", faster


def table(rows: Sequence[Row], command: str, code: tuple[str, str], loads: tuple[str, str],
          before: Before | None = None) -> str:
    version = code[0] if code[0] == code[1] else f"{code[0]} at the start, {code[1]} at the end"
    lines = [
        "# feeder benchmarks", "",
        f"- machine: {machine()}; load average (1/5/15 min) {loads[0]} at the start, {loads[1]} at the end",
        f"- command: `{command}`",
        f"- code: {version}",
        "- each figure: the median of its row's runs, each run a fresh process; peak RSS is the largest "
        "single process of any run (a pass's worker processes included, not summed)",
        "- corpus (bench/corpus.py, seed 1): *text* = Blogger text dumps; *mixed* = 70 % text dumps, 30 % HTML "
        "(WordPress, portal and outlet JSON-LD pages with full furniture); *site furniture* = half the 40 "
        "republishing sites also repeat their own lines, which feeder learns and strips",
        "- *pass* = `run_once` timed inside the process; *CLI* = `feeder build` wall time including interpreter "
        "start and imports; inspect = median per file inside one process", "",
        "- *written / input*: bytes the pass's main process sent to storage (feeds and state: `write_bytes` of "
        "/proc/self/io) over the inbox's size; *state / input*: the state folder's size after the pass over the "
        "inbox's size",
    ]
    if before is not None:
        lines.append(f"- *before*: the same command on {before.code} (load average {before.loads[0]} at its start, "
                     f"{before.loads[1]} at its end): its pass time / written over input; *faster*: before over now")
    lines += [
        "",
        "| measurement | files | corpus | runs | pass (in-process) | CLI wall (incl. interpreter) | peak RSS "
        "| written / input | state / input | target | met |" + (" before | faster |" if before else ""),
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|" + ("---:|---:|" if before else ""),
    ]
    groups = list(dict.fromkeys((r.measurement, r.corpus) for r in rows))
    for row in sorted(rows, key=lambda r: (groups.index((r.measurement, r.corpus)), r.size)):
        target, met = _target(row, rows)
        rss = f"{row.rss:.0f} MiB" if row.rss else "—"
        cpu = f" (CPU {_secs(row.cpu)})" if row.measurement == "unchanged pass" and row.cpu is not None else ""
        lines.append(f"| {row.measurement} | {row.size:,} | {row.corpus} | {len(row.runs)} | "
                     f"{_secs(row.seconds)}{cpu} | "
                     f"{_secs(row.cli_seconds)} | {rss} | {_times(row.ratio('written'))} | "
                     f"{_times(row.ratio('state'))} | {target} | {met or row.note} |"
                     + (" {} | {} |".format(*before.cells(row)) if before else ""))
    largest = max(r.size for r in rows if not r.measurement.startswith("inspect"))
    big = [r.rss for r in rows if r.size == largest and r.rss is not None]
    target, met = _verdict(max(big) if big else None, RSS_LIMIT_MIB, "MiB") if largest == RSS_SIZE else ("", "")
    peak = f"{max(big):.0f} MiB" if big else "—"
    lines.append(f"| peak RSS, any run at {largest:,} | {largest:,} | all | — | — | — | {peak} | — | — | {target} "
                 f"| {met} |" + (" — | — |" if before else ""))
    for key, limit in BYTES_LIMITS.items():
        builds = [r.ratio(key) for r in rows if r.size == largest and r.measurement.startswith("full build")]
        worst = max((b for b in builds if b is not None), default=None)
        target, met = _verdict(worst, limit, "× input") if largest == RSS_SIZE else ("", "")
        if key == "written" and met:
            feeds = max((f for f in (r.ratio("feeds") for r in rows if r.size == largest
                                     and r.measurement.startswith("full build")) if f is not None), default=None)
            met += f"; the documents alone fill {_times(feeds)} in 4 KiB pages" if feeds else ""
        label = "bytes written" if key == "written" else "state size"
        cells = ("—", _times(worst)) if key == "state" else (_times(worst), "—")
        lines.append(f"| {label}, largest full build at {largest:,} | {largest:,} | all | — | — | — | — | "
                     f"{cells[0]} | {cells[1]} | {target} | {met} |" + (" — | — |" if before else ""))
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "child-pass":
        child_pass(args.config)
        return 0
    if args.command == "child-inspect":
        child_inspect(args.config, args.files)
        return 0
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "LOCK", "w") as lock:
        try:  # two runs in one folder would wipe each other's state mid-measurement
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"bench: another run is using {out}; wait for it to finish, or give this one --out",
                  file=sys.stderr)
            return 2
        command = "python bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
        started, load_before = code_version(), load()

        def write(path: Path) -> str:
            # read at each write: the before run may be measured in the same window, beside this one
            try:
                before = Before.load(Path(args.before)) if args.before else None
            except (OSError, ValueError):  # not there yet, or being rewritten by that run
                before = None
            text = table(bench.rows, command.strip(), (started, code_version()), (load_before, load()), before)
            path.write_text(text, encoding="utf-8")
            if args.save:
                save_rows(Path(args.save), bench.rows, args.code or code_version(), (load_before, load()))
            return text

        bench = Bench(out, args.repeat, args.large_repeat or args.repeat, args.timeout, args.quick,
                      checkpoint=lambda: write(out / "partial.md"), furnished_max=args.furnished_max,
                      text_max=args.text_max)
        bench.run([int(s) for s in args.sizes.split(",")])
        results = args.results or (None if args.quick else str(HERE / "RESULTS.md"))
        text = write(Path(results) if results else out / "partial.md")
        if results and not args.results:
            update_readme(HERE.parent / "README.md", text)
        if results and not args.results and BOUNDS.exists():  # what bounds the rows that miss, with the profile
            with open(results, "a", encoding="utf-8") as handle:
                handle.write("\n" + BOUNDS.read_text(encoding="utf-8"))
        sys.stdout.write(text)
    return 0


BOUNDS = HERE / "BOUNDS.md"
README_START, README_END = "<!-- bench/run.py writes from here -->", "<!-- bench/run.py writes up to here -->"


def update_readme(readme: Path, results: str) -> None:
    """Put the table of bench/RESULTS.md (with its header lines) between the README's markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        print(f"bench: no markers in {readme}: its table is left as it is", file=sys.stderr)
        return
    body = results.split("\n", 2)[2] if results.startswith("# ") else results
    readme.write_text(text[:start + len(README_START)] + "\n" + body.strip() + "\n" + text[end:], encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is shown")
    parser.add_argument("--large-repeat", type=int, default=None,
                        help=f"runs per figure from {LARGE:,} files on (default: --repeat)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 50 files per inspect figure, and bench/RESULTS.md is left alone")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before one run is killed")
    parser.add_argument("--out", default=str(HERE / "out"), help="cache and work folder (default: bench/out)")
    parser.add_argument("--results", default=None, help="write the table here (default: bench/RESULTS.md)")
    parser.add_argument("--furnished-max", type=int, default=LARGE,
                        help="measure the corpus with site furniture up to this size (default: %(default)s)")
    parser.add_argument("--text-max", type=int, default=LARGE,
                        help="measure the text-only corpus up to this size (default: %(default)s)")
    parser.add_argument("--save", default=None, help="also write the figures as JSON here (for a later --before)")
    parser.add_argument("--before", default=None, help="a --save file: show its figures beside these")
    parser.add_argument("--code", default=None, help="what code the --save file says was measured "
                        "(default: this checkout's commit)")
    sub = parser.add_subparsers(dest="command")
    child = sub.add_parser("child-pass", help=argparse.SUPPRESS)
    child.add_argument("config")
    child = sub.add_parser("child-inspect", help=argparse.SUPPRESS)
    child.add_argument("config")
    child.add_argument("files", nargs="+")
    return parser


if __name__ == "__main__":
    sys.exit(main())
