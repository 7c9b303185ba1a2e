"""The pass: inbox files -> Articles -> Entries in the store -> feed documents; the one module knowing the order."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, islice, repeat
from multiprocessing import get_context
from pathlib import Path

from feeder.articles import changed_files, read_article
from feeder.atom import fsync_folders, write_atomic
from feeder.config import Config
from feeder.editorial import Editorial, release_held
from feeder.errors import InputError
from feeder.extract import extract
from feeder.learn import body_hashes, learn, strip_learned
from feeder.normalize import check_dates, entry_id, normalize
from feeder.publish import Document, Renderable, documents
from feeder.records import Article, Entry, Rejection, RunReport
from feeder.store import RunRow, Store
from feeder.text import display_path
from feeder.validate import validate_feed

log = logging.getLogger("feeder")
Progress = Callable[[int, int], None]


def inspect_file(path: Path, config: Config, *, inbox: Path | None = None, now: datetime | None = None) -> Article:
    """Read, extract and normalize one file; raise InputError naming the file when it is rejected."""
    raw = read_article(path, inbox=inbox, max_bytes=config.max_file_bytes)
    page = extract(raw, config.registry)
    return check_dates(normalize(raw, page, config.registry, config.default_zone), config.dates, now)


@dataclass(frozen=True, slots=True)
class _Seen:
    """An inbox file and its stat, as found by the scan."""

    path: Path
    size: int
    mtime_ns: int


def run_once(config: Config, *, now: datetime, progress: Progress | None = None) -> RunReport:
    """One pass: read only new or changed files, publish feeds whose bytes change, then commit state."""
    store = Store.open(config.state_folder)
    try:
        return _pass(config, store, now, progress)
    finally:
        store.close()


class _KeepBack(Exception):
    """Raised inside the state transaction to undo it: a refused document must be retried next pass."""

    def __init__(self, report: RunReport) -> None:
        self.report = report


def _pass(config: Config, store: Store, now: datetime, progress: Progress | None) -> RunReport:
    release_held(store, config)
    changed = [_Seen(Path(path), size, mtime) for path, size, mtime in
               changed_files(config.input_folder, store.file_stats())]
    try:
        with store.transaction():
            editorial = Editorial.load(store, config)
            edited = editorial.apply(store, config)
            rejected, held, (new, updated, merged) = _ingest(config, store, changed, now, progress, editorial)
            written, refused = _publish(config, store, now, force=bool(new or updated or edited))
            total = store.count_entries()
            report = RunReport(new=new, updated=updated, unchanged=total - new - updated,
                               rejected=tuple(rejected), feeds=tuple(written), entries=total,
                               refused=tuple(refused), merged=merged, held=tuple(held))
            if refused:
                raise _KeepBack(report)
            store.record_run(RunRow(now.isoformat(), now.isoformat(), new, updated, report.unchanged,
                                    len(rejected), report.feeds))
    except _KeepBack as kept:
        return kept.report
    return report


def _ingest(config: Config, store: Store, changed: list[_Seen], now: datetime, progress: Progress | None,
            editorial: Editorial) -> tuple[list[Rejection], list[Rejection], tuple[int, int, int]]:
    """Store each changed file's story as it is read (memory stays flat in a backfill of any size).

    Returns the rejected files, the files held back by the editor, and (new, updated, merged) counts.
    """
    rejected: list[Rejection] = []
    held: list[Rejection] = []
    new: set[str] = set()
    touched: set[str] = set()
    merged = 0
    first_new_seq = store.seq_extent()[0] + 1
    for done, (seen, result) in enumerate(zip(changed, _read_all(config, changed, now), strict=True), 1):
        path = display_path(seen.path)
        if isinstance(result, Rejection):
            rejected.append(result)
            log.warning("rejected %s: %s", result.path, result.reason)
            store.record_file(path, seen.size, seen.mtime_ns, "", status="rejected", reason=result.reason,
                              story_key=None, now=now)
        elif store.file_digest(path) == result.article.digest:
            store.touch_file(path, seen.size, seen.mtime_ns)
        elif isinstance(reviewed := editorial.review(result.article, _id(config, result.article), config),
                        Rejection):
            held.append(Rejection(path, reviewed.reason))
            log.warning("held back %s: %s", path, reviewed.reason)
            store.record_file(path, seen.size, seen.mtime_ns, result.article.digest, status="held",
                              reason=reviewed.reason, story_key=result.article.story_key, now=now)
        else:
            article = reviewed
            cleaned, stale = learn(store, article, result.hashes)
            eid, outcome = _save(config, store, cleaned, now)
            merged += outcome.startswith("merged")
            (new if outcome == "new" else touched if outcome in ("updated", "merged, updated") else set()).add(eid)
            store.record_file(path, seen.size, seen.mtime_ns, article.digest, status="ok", reason=None,
                              story_key=article.story_key, now=now)
            touched.update(filter(None, (_reclean(config, store, key, now) for key in stale)))
        if progress:
            progress(done, len(changed))
    # Publication order (and so the archive pages) follows the stories' dates, not the files' order.
    store.order_by_date(since_seq=first_new_seq)
    return rejected, held, (len(new), len(touched - new), merged)


def _id(config: Config, article: Article) -> str:
    return entry_id(config.feed.id_base, article.story_key)


def _reclean(config: Config, store: Store, key: str, now: datetime) -> str | None:
    """Take newly learned furniture out of an entry published earlier; its id when it changed."""
    old = store.entry(entry_id(config.feed.id_base, key), config.registry)
    if old is None:
        return None
    cleaned = strip_learned(store, old.article)
    if cleaned.body == old.article.body:
        return None
    store.save_entry(Entry(old.id, cleaned, max(now, old.updated), old.published, old.vias),
                     first_seen=now, renew=True)
    return old.id


PARALLEL_FROM = 400  # below this many files a process pool costs more than it saves
BATCH = 2000


@dataclass(frozen=True, slots=True)
class _Read:
    """A file's story, with its paragraphs' learning keys (computed where the story was read)."""

    article: Article
    hashes: tuple[str, ...]


def _read_all(config: Config, changed: list[_Seen], now: datetime) -> Iterator[_Read | Rejection]:
    """Read and extract the changed files, on every core when there are many (a backfill)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(changed) < PARALLEL_FROM or workers < 2:
        yield from (_read(config, seen, now) for seen in changed)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_start_worker, initargs=(config, now)) as pool:
        for start in range(0, len(changed), BATCH):  # batches keep finished results from piling up
            yield from pool.map(_read_in_worker, changed[start:start + BATCH], chunksize=32)


# A worker's pass settings, set once when it starts: sent with every file, they cost more to
# pickle than a small file takes to read.
_worker_job: tuple[Config, datetime] | None = None


def _start_worker(config: Config, now: datetime) -> None:
    global _worker_job
    _worker_job = (config, now)


def _read_in_worker(seen: _Seen) -> _Read | Rejection:
    assert _worker_job is not None, "the pool's initializer sets the job"
    config, now = _worker_job
    return _read(config, seen, now)


def _read(config: Config, seen: _Seen, now: datetime) -> _Read | Rejection:
    try:
        article = inspect_file(seen.path, config, inbox=config.input_folder, now=now)
    except InputError as exc:
        return Rejection(display_path(seen.path), exc.reason)
    return _Read(article, body_hashes(article))


def _stamp(article: Article, now: datetime) -> datetime:
    own = article.updated or article.published or article.republished
    return own.value if own else now


def _save(config: Config, store: Store, article: Article, now: datetime) -> tuple[str, str]:
    """Store one story: a new entry, an edit of a known one (same id, new ``updated``), or another copy."""
    stamp = _stamp(article, now)
    published = article.published.value if article.published else None
    eid = entry_id(config.feed.id_base, article.story_key)
    old = store.entry(eid, config.registry)
    if old is None:
        store.add_entry(Entry(eid, article, max(stamp, published or stamp), published, _vias(article, ())),
                        first_seen=now)
        return eid, "new"
    if _same_story_text(old.article, article):
        merged = Entry(eid, old.article, old.updated, old.published, _vias(article, old.vias))
        store.save_entry(merged, first_seen=now, renew=False)
        outcome = "unchanged" if merged.vias == old.vias else "updated"
        # Another page carrying a story already published: one entry, one more via link.
        return eid, f"merged, {outcome}" if old.article.path != article.path else outcome
    entry = Entry(eid, article, stamp if stamp > old.updated else max(now, old.updated), published,
                  _vias(article, old.vias))
    store.save_entry(entry, first_seen=now, renew=True)
    return eid, "updated"


def _same_story_text(a: Article, b: Article) -> bool:
    return (a.title, a.body, a.authors, a.published, a.updated) == (
        b.title, b.body, b.authors, b.published, b.updated)


def _vias(article: Article, old: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({*old, article.via})) if article.via else tuple(old)


def _publish(config: Config, store: Store, now: datetime, *, force: bool) -> tuple[list[str], list[str]]:
    """Write every document whose bytes changed and that passes the gate; an unchanged state writes nothing."""
    written: list[str] = []
    refused: list[str] = []
    pending = (document for document in documents(config, store, now=now) if _needs_render(document, force))
    # Pages (one per entry) are written by a few threads: each write waits on its own fsync, and
    # concurrent fsyncs share the file system's journal commits. Their folders are synced once.
    with ThreadPoolExecutor(max_workers=PAGE_WRITERS) as writers:
        pages: list[tuple[Path, Future[bool]]] = []
        for document, (data, problems) in _render_all(pending, now):
            if refused and document.kind == "html":
                continue  # pages show the state this pass would commit; a refused feed rolls it back
            if problems:
                log.error("not published %s (the previous one stays): %s", document.path, "; ".join(problems))
                refused.append(f"{document.path}: {'; '.join(problems)}")
            elif document.kind == "html":
                pages.append((document.path, writers.submit(write_atomic, document.path, data, sync_folder=False)))
            elif write_atomic(document.path, data):
                log.info("published %s", document.path)
                written.append(str(document.path))
        changed = [path for path, future in pages if future.result()]  # raises the first PublishError
    if changed:
        log.info("published %d pages", len(changed))
    fsync_folders({path.parent for path in changed})  # before the state commits
    return written, refused


PAGE_WRITERS = 8


Rendered = tuple[bytes, list[str]]  # a document's bytes and the gate's objections


def _render_all(pending: Iterator[Document], now: datetime) -> Iterator[tuple[Document, Rendered]]:
    """Render and gate the feeds, then the pages (planned after every feed), in order.

    Pages need no gate and render in well under a worker's round trip, so they are rendered here.
    """
    first_page: list[Document] = []

    def feeds() -> Iterator[Document]:
        for document in pending:
            if document.kind == "html":
                first_page.append(document)
                return
            yield document

    yield from _render_feeds(feeds(), now)
    for document in chain(first_page, pending):
        yield document, _render_and_gate(document.load(), now)


def _render_feeds(pending: Iterator[Document], now: datetime) -> Iterator[tuple[Document, Rendered]]:
    """Render and gate feed documents in order; a backfill's archive pages on every core.

    The store is read here, in this process (its transaction is not visible to any other), a few
    documents at a time so that only those pages' entries are ever held in memory.
    """
    workers = min(os.cpu_count() or 1, 8)
    first = list(islice(pending, PARALLEL_DOCUMENTS))
    if len(first) < PARALLEL_DOCUMENTS or workers < 2:
        for document in chain(first, pending):
            yield document, _render_and_gate(document.load(), now)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        batch = first
        while batch:
            renditions = [document.load() for document in batch]
            yield from zip(batch, pool.map(_render_and_gate, renditions, repeat(now)), strict=True)
            batch = list(islice(pending, PARALLEL_DOCUMENTS))


PARALLEL_DOCUMENTS = 8  # documents per batch; fewer pending than this are rendered here, in order


def _render_and_gate(rendition: Renderable, now: datetime) -> Rendered:
    data = rendition.render()
    return data, gate(rendition.kind, data, now)


def gate(kind: str, data: bytes, now: datetime) -> list[str]:
    """The publishing gate: the errors that keep a rendered Atom document from replacing the published one."""
    if kind != "atom":
        return []
    findings = validate_feed(data, now=now)
    return [f"line {f.line}: [{f.code}] {f.message}" for f in findings if f.severity == "error"]


def _needs_render(document: Document, force: bool) -> bool:
    if not document.path.exists():
        return True
    if document.immutable:
        return document.settled is not None and document.settled not in document.path.read_bytes()
    return force
