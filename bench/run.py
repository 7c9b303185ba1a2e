"""Benchmarks: full builds, incremental and unchanged passes, and inspect cost, as medians with peak RSS.

    python bench/run.py [--sizes 1000,10000,100000] [--repeat 5] [--quick]
    python bench/run.py --sizes "" --history 100000 --keep-earlier   # the cron passes at 100,000 stories only

Every measurement runs in a fresh process: the parent times the process and reads its peak RSS (``wait4``),
the child times ``run_once`` itself. Corpora are cached under bench/out/ by (size, mix, furniture, seed).
``--history N`` measures the unchanged and add-one `feeder build` on a history of N stories seeded by
the store and publish stages (``bench/quiet.py --history``: minutes instead of a full build's half
hour); ``--keep-earlier`` keeps the rows of bench/RESULTS.md this run does not measure, labelled as
an earlier run's.

"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import shlex
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
SEEDED = "text, seeded history"  # bench/quiet.py --history: one story per inbox file, stored without extraction
SEEDED_STORIES = 200  # distinct corpus articles the seeded history copies
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

def child_pass(config_path: str, quick: bool = False) -> None:
    """One run_once, timed in-process; prints the seconds and the report counts as JSON (``quick``:
    without the folders' sizes, which take longer than the pass to add up at 100,000 files)."""
    from feeder.config import load_config
    from feeder.pipeline import run_once

    config = load_config(config_path)
    written = _written()
    start, cpu = time.perf_counter(), time.process_time()
    report = run_once(config, now=NOW)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    sizes = {} if quick else {"state": _folder_bytes(config.state_folder),
                              "feeds": _folder_bytes(config.output_folder, blocks=True),
                              "input": _folder_bytes(config.input_folder)}
    print(json.dumps({"seconds": seconds, "cpu": cpu, "new": report.new, "updated": report.updated,
                      "rejected": len(report.rejected), "entries": report.entries,
                      "written": _written() - written, **sizes}))


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
    cpu: float = 0.0  # user + system seconds of the process (and its children), from wait4


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
    return Run(wall, usage.ru_maxrss / 1024, result, usage.ru_utime + usage.ru_stime)


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

    @property
    def cli_cpu(self) -> float | None:
        return statistics.median(r.cpu for r in self.cli) if self.cli else None

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

    def seeded(self, files: int) -> None:
        """The unchanged and add-one passes, in-process and as `feeder build` (cron), on a history of
        ``files`` stories, one per inbox file, seeded by the store and publish stages (bench/quiet.py)."""
        import quiet

        config = str(quiet.make(self.out / "quiet" / f"n{files}-s{SEEDED_STORIES}-history", files,
                                SEEDED_STORIES, history=True))
        inbox = Path(config).parent / "inbox"
        count = Path(config).parent / "ADDED"  # stories added by earlier runs: each run adds new names
        added = [files + (int(count.read_text(encoding="utf-8")) if count.exists() else 0)]

        def add() -> None:
            settled = time.time() - 3600  # older than [input] settle_seconds: `feeder build` reads it
            for path in corpus.write_files(inbox, range(added[0], added[0] + 1), TEXT):
                os.utime(path, (settled, settled))
            added[0] += 1
            count.write_text(str(added[0] - files), encoding="utf-8")

        def pass_and_build(row: Row, new: int) -> Callable[[], None]:
            def once() -> None:
                if new:
                    add()
                row.runs.append(spawn(_child("child-pass", config, "--quick"), self.timeout))
                if row.runs[-1].result["new"] != new:
                    raise RuntimeError(f"pass made {row.runs[-1].result['new']} new entries ({new} expected)")
                if new:
                    add()
                row.cli.append(spawn([*_cli(), "build", "-c", config], self.timeout))
            return once

        self.measure(unchanged := Row("unchanged pass", files, SEEDED), pass_and_build(unchanged, 0))
        self.measure(one := Row("add 1 file", files, SEEDED), pass_and_build(one, 1))

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
        if not sizes:  # the seeded history's rows alone (--sizes "" --history N)
            return
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


EARLIER = " (earlier run)"  # how a kept row's measurement is labelled (the header says which code)


@dataclass(frozen=True)
class Earlier:
    """The rows of an earlier bench/RESULTS.md table, by (measurement, files, corpus), in its order,
    and the code that run measured (``--keep-earlier``)."""

    code: str
    lines: list[tuple[tuple[str, str, str], str]]

    @classmethod
    def read(cls, path: Path) -> Earlier | None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return None
        code = next((line[len("- code: "):] for line in text.splitlines() if line.startswith("- code: ")), "?")
        lines, in_table = [], False
        for line in text.splitlines():
            if line.startswith("| measurement |"):
                in_table = True
            elif in_table and not line.startswith("|"):
                break
            elif in_table and not line.startswith("|---"):
                cells = [cell.strip() for cell in line.strip("|").split("|")]
                lines.append(((cells[0].split(EARLIER)[0], cells[1], cells[2]), line))
        return cls(code, lines)

    def kept(self, measured: set[tuple[str, str, str]], columns: int) -> list[str]:
        """The earlier rows this run did not measure, labelled, padded to ``columns`` cells."""
        kept = []
        for key, line in self.lines:
            if key in measured:
                continue
            cells = line.strip().strip("|").split("|")
            if EARLIER not in cells[0]:
                cells[0] = f" {key[0]}{EARLIER} "
            cells += [" — "] * (columns - len(cells))
            kept.append("|" + "|".join(cells) + "|")
        return kept


def table(rows: Sequence[Row], command: str, code: tuple[str, str], loads: tuple[str, str],
          before: Before | None = None, earlier: Earlier | None = None) -> str:
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
    if earlier is not None:
        lines.append(f"- rows labelled *earlier run* were not measured by this command: kept from bench/RESULTS.md "
                     f"as measured on {earlier.code}")
    if any(row.corpus == SEEDED for row in rows):
        lines.append(f"- *{SEEDED}*: every inbox file a story of its own, the state seeded by the store and publish "
                     f"stages from {SEEDED_STORIES} extracted corpus articles (bench/quiet.py --history); CLI: wall "
                     "(user + system CPU of the process)")
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
        cli_cpu = f" ({_secs(row.cli_cpu)})" if row.corpus == SEEDED and row.cli_cpu is not None else ""
        lines.append(f"| {row.measurement} | {row.size:,} | {row.corpus} | {len(row.runs)} | "
                     f"{_secs(row.seconds)}{cpu} | "
                     f"{_secs(row.cli_seconds)}{cli_cpu} | {rss} | {_times(row.ratio('written'))} | "
                     f"{_times(row.ratio('state'))} | {target} | {met or row.note} |"
                     + (" {} | {} |".format(*before.cells(row)) if before else ""))
    builds = [r for r in rows if not r.measurement.startswith("inspect") and r.corpus != SEEDED]
    if not builds:  # no full build measured: the whole-corpus rows below are left to earlier runs
        measured = {(r.measurement, f"{r.size:,}", r.corpus) for r in rows}
        lines += earlier.kept(measured, 13 if before else 11) if earlier is not None else []
        return "\n".join(lines) + "\n"
    largest = max(r.size for r in builds)
    big = [r.rss for r in builds if r.size == largest and r.rss is not None]
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
    if earlier is not None:
        measured = {(r.measurement, f"{r.size:,}", r.corpus) for r in rows}
        measured |= {(line.split("|")[1].strip(), line.split("|")[2].strip(), "all") for line in lines
                     if line.startswith(("| peak RSS", "| bytes written", "| state size"))}
        lines += earlier.kept(measured, 13 if before else 11)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "child-pass":
        child_pass(args.config, args.quick_child)
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
        command = "python bench/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
        started, load_before = code_version(), load()
        kept_from = Path(args.results) if args.results else HERE / "RESULTS.md"
        earlier = Earlier.read(kept_from) if args.keep_earlier else None

        def write(path: Path) -> str:
            # read at each write: the before run may be measured in the same window, beside this one
            try:
                before = Before.load(Path(args.before)) if args.before else None
            except (OSError, ValueError):  # not there yet, or being rewritten by that run
                before = None
            text = table(bench.rows, command.strip(), (started, code_version()), (load_before, load()), before,
                         earlier)
            path.write_text(text, encoding="utf-8")
            if args.save:
                save_rows(Path(args.save), bench.rows, args.code or code_version(), (load_before, load()))
            return text

        bench = Bench(out, args.repeat, args.large_repeat or args.repeat, args.timeout, args.quick,
                      checkpoint=lambda: write(out / "partial.md"), furnished_max=args.furnished_max,
                      text_max=args.text_max)
        bench.run([int(s) for s in args.sizes.split(",") if s.strip()])
        if args.history:
            bench.seeded(args.history)
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
    parser.add_argument("--history", type=int, default=0,
                        help="also measure the unchanged and add-one passes on a seeded history of this many "
                             "stories (bench/quiet.py --history)")
    parser.add_argument("--keep-earlier", action="store_true",
                        help="keep the rows of bench/RESULTS.md this run does not measure, labelled as earlier")
    parser.add_argument("--code", default=None, help="what code the --save file says was measured "
                        "(default: this checkout's commit)")
    sub = parser.add_subparsers(dest="command")
    child = sub.add_parser("child-pass", help=argparse.SUPPRESS)
    child.add_argument("config")
    child.add_argument("--quick", dest="quick_child", action="store_true")
    child = sub.add_parser("child-inspect", help=argparse.SUPPRESS)
    child.add_argument("config")
    child.add_argument("files", nargs="+")
    return parser


if __name__ == "__main__":
    sys.exit(main())
