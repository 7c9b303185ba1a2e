"""The pass: inbox files -> Articles -> Entries in the store -> feed documents; the one module knowing the order."""

from __future__ import annotations

import json
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import chain, islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from feeder.articles import FolderStamp, Listing, changed_among, changed_files, list_inbox, read_article
from feeder.config import Config
from feeder.editorial import Editorial, release_held
from feeder.errors import InputError
from feeder.folder_marks import FolderMarks
from feeder.layout import ARCHIVE_FOLDER, ENTRY_FOLDER, entry_path, fingerprint
from feeder.learn import body_hashes, learn, strip_learned
from feeder.lock import die_with_parent
from feeder.records import Article, Entry, Rejection, RunReport
from feeder.store import PublishedDocument, RunRow, Store
from feeder.text import display_path

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from feeder.publish import Document, Renderable, StoredRendition
    from feeder.validate import Finding

# The renderers and the validator (lxml, feedgen, the page templates) and the page writers' threads are
# imported where a pass first renders, writes or checks a document or an entry: a pass with nothing to
# write never needs them.

log = logging.getLogger("feeder")
Progress = Callable[[int, int], None]


def inspect_file(path: Path, config: Config, *, inbox: Path | None = None, now: datetime | None = None) -> Article:
    """Read, extract and normalize one file; raise InputError naming the file when it is rejected."""
    # Imported here, by the passes that read a file: extraction (bs4, the rules) is most of
    # feeder's start-up time, and a pass over an unchanged inbox never needs it.
    from feeder.extract import extract
    from feeder.normalize import check_dates, normalize

    raw = read_article(path, inbox=inbox, max_bytes=config.max_file_bytes)
    page = extract(raw, config.registry)
    return check_dates(normalize(raw, page, config.registry, config.default_zone), config.dates, now)


@dataclass(frozen=True, slots=True)
class _Seen:
    """An inbox file and its stat, as found by the scan."""

    path: Path
    size: int
    mtime_ns: int
    known: bool = True  # whether the state knows the file at all (False: nothing to ask it of the file)


def settle_cut(config: Config, clock_ns: int) -> int:
    """The newest mtime (ns) a file may have to be read now: older than ``[input] settle_seconds``."""
    return clock_ns - int(config.settle_seconds * 1e9)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which files a pass looks at, and which of them may be read now.

    ``paths`` None means the whole inbox (a scan); otherwise only these (filesystem events).
    ``settled_before`` (ns since the epoch, from ``settle_cut``) leaves files modified after it
    for a later pass, so a file still being written is never read half-way, unless it is in
    ``closed``: seen closed by its writer (or renamed in) with this very size and mtime.
    """

    paths: frozenset[Path] | None = None
    settled_before: int | None = None
    closed: frozenset[tuple[str, int, int]] = frozenset()
    # A scan may skip folders whose own stat is unchanged (``_Stamps``) only where filesystem events catch
    # what that misses, a file rewritten in place: the daemon's scans while it watches the inbox. A cron
    # ``feeder build`` stats every file, so a rewrite is seen at the very next pass, as before, unless
    # the config says inbox files are never rewritten in place (``[input] in_place_rewrites = false``).
    trust_folder_stamps: bool = False

    def settled(self, seen: _Seen) -> bool:
        if self.settled_before is None or seen.mtime_ns <= self.settled_before:
            return True
        return (os.fspath(seen.path), seen.size, seen.mtime_ns) in self.closed


def run_once(config: Config, *, now: datetime, progress: Progress | None = None,
             settled_before: int | None = None, scope: Scope | None = None) -> RunReport:
    """One pass: read new or changed files into the state (committed in batches), then publish
    every document that disagrees with the state. ``settled_before``: see ``Scope``."""
    scope = scope or Scope(settled_before=settled_before)
    store = Store.open(config.state_folder)
    try:
        return _pass(config, store, now, progress, scope)
    finally:
        store.close()


def _pass(config: Config, store: Store, now: datetime, progress: Progress | None, scope: Scope) -> RunReport:
    with store.transaction():  # the editor's decisions first: retracted and corrected entries as decided
        release_held(store, config)
        editorial = Editorial.load(store, config)
        editorial.apply(store, config)
    listings: list[Listing] | None = None
    digests: dict[str, str] = {}
    marks = FolderMarks(config.state_folder)
    stamps = _Stamps.load(store)
    if scope.paths is None:
        digests = store.folder_digests()
        trusted = stamps.trusted(digests, scope.settled_before) if scope.trust_folder_stamps else {}
        listings = list_inbox(config.input_folder, trusted)
        found = changed_files(config.input_folder, listings, digests, store, marks)
    else:
        found = changed_among(config.input_folder, scope.paths, store.file_stat)
    changed = [_Seen(Path(path), size, mtime, known) for path, size, mtime, known in found]
    tally = _Tally()
    for seen in changed:
        if not scope.settled(seen):
            log.info("waiting for %s to settle (modified less than %g s ago)", display_path(seen.path),
                     config.settle_seconds)
            tally.unsure.add(os.path.dirname(seen.path))
    changed = [seen for seen in changed if scope.settled(seen)]
    backfill = len(changed) >= BULK_FROM
    with store.bulk() if backfill else nullcontext():
        new, updated = _ingest(config, store, changed, now, progress, (editorial, tally))
        store.release_cache()  # the documents are written from a page's entries at a time
        written, refused = _publish(config, store, now, record_every=BULK_RECORD_EVERY if backfill else RECORD_EVERY)
    total = store.count_entries()
    report = RunReport(new=new, updated=updated, unchanged=total - new - updated, rejected=tuple(tally.rejected),
                       feeds=tuple(written), entries=total, refused=tuple(refused), merged=tally.merged,
                       held=tuple(tally.held))
    run = RunRow(now.isoformat(), now.isoformat(), new, updated, report.unchanged, len(tally.rejected),
                 report.feeds)
    folders = _folder_changes(listings, digests, tally.unsure) if listings is not None else ({}, [])
    renewed = stamps.renewed(listings, tally.unsure, scope.settled_before) if listings is not None else stamps
    if changed or written or refused or any(folders) or renewed != stamps:
        with store.transaction():
            store.record_run(run)
            store.note_folders(*folders)
            renewed.save(store)
    else:
        # A pass that found nothing to read and nothing to write writes nothing to the database
        # (no WAL, no fsync): its record goes to a small file beside it, for ``feeder status``.
        store.note_quiet_run(run)
    if listings is not None:  # after the state holds the digests the marks are read with
        recorded, dropped = folders
        held = {path: digest for path, digest in {**digests, **recorded}.items() if path not in dropped}
        marks.keep(listings, held, recorded)
    return report


def _folder_changes(listings: list[Listing], digests: dict[str, str], unsure: set[str]
                    ) -> tuple[dict[str, str], list[str]]:
    """After a full scan's pass, the digests of the folders whose every file the state now knows
    exactly as listed (the next scan skips those folders' files while their listing is the same),
    and the folders whose recorded digest no longer holds."""
    known = {display_path(listing.folder): listing.digest for listing in listings
             if listing.digest is not None and listing.folder not in unsure}
    return ({path: digest for path, digest in known.items() if digests.get(path) != digest},
            [display_path(folder) for folder in unsure if display_path(folder) in digests])


VERIFY_EVERY_NS = 3600 * 10**9  # a scan trusts no folder stamp when the last such scan is older than this
STAMP_MARGIN_NS = 10**9  # a folder stamp is trusted only if the folder was modified this long before the settle cut
FOLDER_STAMPS = "folder_stamps"  # meta key: the stamps (JSON), and when a scan last trusted none


@dataclass(frozen=True)
class _Stamps:
    """The folder stamps a scan may trust (``articles.list_inbox``), and when (ns, the settle cut's
    clock) a scan last stat'ed every inbox file: the periodic verification.

    An unchanged folder is skipped whole when its stat is as recorded: a file added, removed or
    renamed in it changes the folder's mtime and ctime, but a file rewritten in place does not.
    ``feeder run`` sees such a rewrite at once (its filesystem events name the file); ``feeder
    build`` from cron sees it at the first scan after ``VERIFY_EVERY_NS``, which trusts no stamp.
    A stamp is recorded only for a folder modified ``STAMP_MARGIN_NS`` before the settle cut (so
    a later change cannot share its mtime on a coarse clock), only with the listing digest the
    state holds for the folder (anything that forgets a digest forgets the stamp), and only by a
    pass given the clock (``Scope.settled_before``; without it every file is stat'ed).
    """

    verified: int | None = None
    folders: tuple[tuple[str, FolderStamp], ...] = ()

    @classmethod
    def load(cls, store: Store) -> _Stamps:
        try:
            data = json.loads(store.get_meta(FOLDER_STAMPS) or "null")
            return cls(int(data["verified"]), tuple(sorted(
                (str(path), FolderStamp(str(stamp), str(digest), tuple(map(str, subfolders))))
                for path, (stamp, digest, subfolders) in data["folders"].items())))
        except (TypeError, ValueError, KeyError):
            return cls()  # none yet (or unreadable): the next scan stats every file

    def save(self, store: Store) -> None:
        if self.verified is None:
            store.set_meta(FOLDER_STAMPS, None)
            return
        store.set_meta(FOLDER_STAMPS, json.dumps({
            "verified": self.verified,
            "folders": {path: [f.stamp, f.digest, list(f.subfolders)] for path, f in self.folders}}))

    def trusted(self, digests: dict[str, str], settled_before: int | None) -> dict[str, FolderStamp]:
        """The stamps a scan at ``settled_before`` may trust: none when the verification is due."""
        if settled_before is None or self.verified is None or settled_before - self.verified >= VERIFY_EVERY_NS:
            return {}
        return {path: stamp for path, stamp in self.folders if digests.get(path) == stamp.digest}

    def renewed(self, listings: list[Listing], unsure: set[str], settled_before: int | None) -> _Stamps:
        """The stamps after a scan: those of folders the state now knows exactly as listed."""
        if settled_before is None:
            return _Stamps()
        verified = settled_before if not any(listing.skipped for listing in listings) else self.verified
        if verified is not None and self.verified is not None and verified - self.verified < VERIFY_EVERY_NS:
            verified = self.verified  # a full scan between two verifications does not move the clock on
        cut = settled_before - STAMP_MARGIN_NS
        folders = tuple(sorted(
            (display_path(listing.folder), FolderStamp(listing.stamp, listing.digest, listing.subfolders))
            for listing in listings
            if listing.stamp is not None and listing.digest is not None and listing.folder not in unsure
            and int(listing.stamp.split(":", 1)[0]) < cut))
        return _Stamps(verified, folders)


@dataclass
class _Tally:
    """What a pass did with the files it read, beyond new and updated entries."""

    rejected: list[Rejection] = field(default_factory=list)
    held: list[Rejection] = field(default_factory=list)  # by the editor or the outlet rule
    merged: int = 0  # files whose story was already published from another file
    # folders with a file the state does not know as the scan listed it (settling, skipped, or
    # changed between the scan and its reading): their listing's digest is not recorded
    unsure: set[str] = field(default_factory=set)


BULK_FROM = 400  # files from which a pass writes the state as a backfill (Store.bulk)
COMMIT_EVERY = 2000  # files per state transaction: bounded WAL, little lost to a kill
BULK_COMMIT_EVERY = 20_000  # the same in a backfill (Store.bulk: no WAL to grow)
ORDER_FROM = "order_from"  # meta key: first seq of entries placed by a pass whose ordering is pending


def _ingest(config: Config, store: Store, changed: list[_Seen], now: datetime,
            progress: Progress | None, review: tuple[Editorial, _Tally]) -> tuple[int, int]:
    """Store each changed file's story as it is read, committing every ``COMMIT_EVERY`` files.

    A pass killed between two commits leaves its stories in the state and the mark of where its
    new entries start; the next pass finishes the ordering, so nothing it stored is lost.
    """
    new: set[str] = set()
    touched: set[str] = set()
    results = iter(zip(changed, _read_all(config, changed, now), strict=True))
    # A backfill (a rollback journal, Store.bulk) commits less often: each commit rewrites the
    # pages its random-keyed index entries touched, so fewer commits write fewer bytes.
    every = BULK_COMMIT_EVERY if len(changed) >= BULK_FROM else COMMIT_EVERY
    done = 0
    while True:
        with store.transaction():
            if changed and store.get_meta(ORDER_FROM) is None:
                store.set_meta(ORDER_FROM, str(store.seq_extent()[0] + 1))
            for seen, result in islice(results, every):  # streamed: one file's story in memory at a time
                _ingest_one(config, store, seen, result, now, (new, touched), review)
                done += 1
                if progress:
                    progress(done, len(changed))
            finished = done >= len(changed)
            if finished:
                _finish_order(store)
        if finished:
            return len(new), len(touched - new)


def _finish_order(store: Store) -> None:
    """Publication order (and so the archive pages) follows the stories' dates, not the files' order."""
    start = store.get_meta(ORDER_FROM)
    if start is not None:
        store.order_by_date(since_seq=int(start))
        store.set_meta(ORDER_FROM, None)


def _ingest_one(config: Config, store: Store, seen: _Seen, result: _Outcome, now: datetime,
                changed: tuple[set[str], set[str]], review: tuple[Editorial, _Tally]) -> None:
    new, touched = changed
    editorial, tally = review
    rejected = tally.rejected
    path = display_path(seen.path)
    if isinstance(result, (_Skip, _Failed)) or (result.size, result.mtime_ns) != (seen.size, seen.mtime_ns):
        tally.unsure.add(os.path.dirname(seen.path))
    if isinstance(result, _Skip):
        log.info("%s: %s; it is read again next pass", path, result.why)
    elif isinstance(result, _Failed):
        rejected.append(Rejection(path, result.why))
        log.error("could not read %s: %s", path, result.why)
        log.debug("%s", result.trace)
    elif isinstance(result, _Rejected):
        rejection = result.rejection
        rejected.append(rejection)
        log.warning("rejected %s: %s", rejection.path, rejection.reason)
        store.record_file(path, result.size, result.mtime_ns, "", status="rejected", reason=rejection.reason,
                          story_key=None, now=now)
    elif seen.known and store.file_digest(path) == result.article.digest:
        store.touch_file(path, result.size, result.mtime_ns)
    elif isinstance(reviewed := editorial.review(result.article, _id(config, result.article), config), Rejection):
        tally.held.append(Rejection(path, reviewed.reason))
        log.warning("held back %s: %s", path, reviewed.reason)
        store.record_file(path, result.size, result.mtime_ns, result.article.digest, status="held",
                          reason=reviewed.reason, story_key=result.article.story_key, now=now)
    else:
        article = reviewed
        previous = store.file_story(path) if seen.known else None
        cleaned, stale = learn(store, article, result.hashes)
        eid, outcome = _save(config, store, cleaned, now, replacing=previous)
        tally.merged += outcome.startswith("merged")
        (new if outcome == "new" else touched if outcome in ("updated", "merged, updated") else set()).add(eid)
        store.record_file(path, result.size, result.mtime_ns, article.digest, status="ok", reason=None,
                          story_key=article.story_key, now=now)
        touched.update(filter(None, (_reclean(config, store, key, now) for key in stale)))


def _id(config: Config, article: Article) -> str:
    return entry_id(config.feed.id_base, article.story_key)


def entry_id(id_base: str, story_key: str) -> str:
    """``normalize.entry_id``, imported with extraction only when a pass reads a file."""
    from feeder.normalize import entry_id as derive

    return derive(id_base, story_key)


def _reclean(config: Config, store: Store, story: int, now: datetime) -> str | None:
    """Take newly learned furniture out of an entry published earlier; its id when it changed."""
    old = store.entry_of_number(story, config.registry)
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
    """A file's story, with its paragraphs' learning keys (computed where the story was read) and
    the file's stat when it was read (what the state records, so a later change is noticed)."""

    article: Article
    hashes: tuple[str, ...]
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class _Skip:
    """A file that vanished or changed while it was read: nothing is recorded, the next pass retries."""

    why: str


@dataclass(frozen=True, slots=True)
class _Failed:
    """A file feeder itself failed on (a bug, not bad input): reported, kept, nothing recorded, retried next pass."""

    why: str
    trace: str


@dataclass(frozen=True, slots=True)
class _Rejected:
    """A rejection with the stat of the bytes that were judged."""

    rejection: Rejection
    size: int
    mtime_ns: int


# What reading one changed file comes to.
_Outcome = _Read | _Rejected | _Skip | _Failed


def _read_all(config: Config, changed: list[_Seen], now: datetime) -> Iterator[_Outcome]:
    """Read and extract the changed files, on every core when there are many (a backfill)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(changed) < PARALLEL_FROM or workers < 2:
        yield from (_read(config, seen, now) for seen in changed)
        return
    from concurrent.futures import ProcessPoolExecutor  # with multiprocessing: only for a pass with many files
    from multiprocessing import get_context

    # imported (and the rules' patterns compiled) once here, before the fork, not in every worker
    import feeder.extract.html
    import feeder.normalize  # noqa: F401
    from feeder.extract.lazy_re import compile_all

    compile_all()

    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_start_worker, initargs=(config, now)) as pool:
        for start in range(0, len(changed), BATCH):  # batches keep finished results from piling up
            yield from pool.map(_read_in_worker, changed[start:start + BATCH], chunksize=32)


# A worker's pass settings, set once when it starts: sent with every file, they cost more to
# pickle than a small file takes to read.
_worker_job: tuple[Config, datetime] | None = None


def _start_worker(config: Config, now: datetime) -> None:
    global _worker_job
    die_with_parent()
    _worker_job = (config, now)


def _read_in_worker(seen: _Seen) -> _Outcome:
    assert _worker_job is not None, "the pool's initializer sets the job"
    config, now = _worker_job
    return _read(config, seen, now)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _read(config: Config, seen: _Seen, now: datetime) -> _Outcome:
    """Read one file; its stat before and after the read must agree, else it is retried next pass."""
    before = _stat(seen.path)
    if before is None and not seen.path.is_symlink():
        return _Skip("vanished before it was read")
    try:
        article = inspect_file(seen.path, config, inbox=config.input_folder, now=now)
    except InputError as exc:
        outcome: _Read | Rejection = Rejection(display_path(seen.path), exc.reason)
    except Exception as exc:  # a bug in feeder costs this one file, never the pass nor the other files
        return _Failed(f"feeder failed while reading it ({type(exc).__name__}: {exc}); this is a bug in feeder, "
                       "please report it: the file is kept and read again next pass", traceback.format_exc())
    else:
        outcome = _held_back(config, article, now) or _Read(article, body_hashes(article), 0, 0)
    after = _stat(seen.path)
    if before != after:
        return _Skip("changed or vanished while it was read")
    size, mtime = before if before is not None else (-1, -1)
    if isinstance(outcome, Rejection):
        return _Rejected(outcome, size, mtime)
    return replace(outcome, size=size, mtime_ns=mtime)


def _held_back(config: Config, article: Article, now: datetime) -> Rejection | None:
    """The per-entry gate: an entry that cannot be rendered as valid Atom is held back, with the reason.

    Checked once, when the story is read (in the worker, beside the extraction), so one bad
    file never keeps the documents that would carry it from being published. The renderer
    writes only escaped text, so an entry whose values each pass their rule (``plainly_valid``)
    is valid without being rendered; any other is rendered alone and validated in full, which
    says why it is held back.
    """
    stamp = _stamp(article, now)
    published = article.published.value if article.published else None
    entry = Entry(entry_id(config.feed.id_base, article.story_key), article, max(stamp, published or stamp),
                  published, _vias(article, ()))
    if plainly_valid(entry, config.feed.base_url):
        return None
    problems = check_entry(entry, config, now)
    if not problems:
        return None
    return Rejection(display_path(article.path), "held back: the entry would not be valid Atom: "
                     + "; ".join(problems[:3]))


def _stamp(article: Article, now: datetime) -> datetime:
    own = article.updated or article.published or article.republished
    return own.value if own else now


def _save(config: Config, store: Store, article: Article, now: datetime, *, replacing: str | None = None
          ) -> tuple[str, str]:
    """Store one story: a new entry, an edit of a known one (same id, new ``updated``), or another copy.

    ``replacing`` is the story the same file gave before; when the file was that entry's only
    source (a half-copied file completed, a headline corrected), the entry becomes this story and
    keeps its id instead of leaving a duplicate behind.
    """
    stamp = _stamp(article, now)
    published = article.published.value if article.published else None
    old = store.entry_of_story(article.story_key, config.registry)
    if replacing is not None and replacing != article.story_key and store.files_of_story(replacing) == 1:
        superseded = store.entry_of_story(replacing, config.registry)
        if superseded is not None and old is None:
            entry = Entry(superseded.id, article, max(stamp, now, superseded.updated), published,
                          _vias(article, ()))
            store.delete_entry(superseded.id)
            store.save_entry(entry, first_seen=now, renew=True)
            return superseded.id, "updated"
        if superseded is not None:
            store.delete_entry(superseded.id)
    if old is None:
        eid = entry_id(config.feed.id_base, article.story_key)
        store.add_entry(Entry(eid, article, max(stamp, published or stamp), published, _vias(article, ())),
                        first_seen=now)
        return eid, "new"
    eid = old.id
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


PUBLISHED_GENERATION = "published_generation"  # meta: the state generation every document agrees with
PUBLISHED_FINGERPRINT = "published_fingerprint"
@dataclass
class _Done:
    """Documents written and not yet recorded: (path, signature, size, mtime_ns); ``unsynced`` when
    some of them were written without a fsync."""

    rows: list[tuple[str, str, int, int]] = field(default_factory=list)
    unsynced: bool = False


def _publish(config: Config, store: Store, now: datetime, *, record_every: int = 64
             ) -> tuple[list[str], list[str]]:
    """Write every document that disagrees with the state (never written, written from an older
    state, or changed on disk) and passes the gate; record each one written; the rest stays.

    An unchanged state whose documents are all as recorded costs one stat per document. Written
    documents are recorded ``record_every`` at a time: each record is a transaction that
    rewrites the index pages its (random) paths land on, and a kill costs only the rendering of
    the documents not yet recorded (rewriting an identical file is skipped).
    """
    recorded = _Recorded(store, config)
    settings = fingerprint(config)
    generation = store.state_generation()
    if (store.get_meta(PUBLISHED_GENERATION) == str(generation)
            and store.get_meta(PUBLISHED_FINGERPRINT) == settings
            and recorded.all_on_disk()):
        return [], []
    with _writing(config):
        return _write_documents(config, store, now, recorded, (generation, settings, record_every))


WRITES_ENDED = "writes-ended"  # in the state folder: the last pass that wrote documents ended its writes


@contextmanager
def _writing(config: Config) -> Iterator[None]:
    """While a pass writes documents, the state folder's mark that the last writes ended is removed:
    made again once every temporary file is renamed or removed. Missing at the start (a pass killed
    while writing, an error, or a state older than the mark), the output folders are swept of
    temporary files first; there, they are not listed (which cost a tenth of a second in a folder of
    100,000 entry pages at every pass that wrote one)."""
    from feeder.atom import sweep_temporaries

    mark = config.state_folder / WRITES_ENDED
    folder = config.output_folder
    try:
        mark.unlink()  # before the first temporary file
        left = False
    except FileNotFoundError:
        left = True
    sweep_temporaries([folder, folder / ARCHIVE_FOLDER, folder / ENTRY_FOLDER], left=left)
    yield
    mark.touch()  # not after an error: the next pass sweeps, to be sure


def _write_documents(config: Config, store: Store, now: datetime, recorded: _Recorded,
                     settings: tuple[int, str, int]) -> tuple[list[str], list[str]]:
    from concurrent.futures import ThreadPoolExecutor

    from feeder.atom import write_atomic
    from feeder.publish import documents

    generation, fingerprinted, record_every = settings
    written: list[str] = []
    refused: list[str] = []
    pending = (document for document in documents(config, store, now=now, recorded=recorded.get, agrees=recorded.agrees)
               if _disagrees(document, recorded.get(str(document.path))))
    done = _Done()
    # Pages (one per entry) are written by a few threads, without a fsync each: one syncfs makes
    # all of them durable before the state records them as written (feeds are fsynced one by one).
    with ThreadPoolExecutor(max_workers=PAGE_WRITERS) as writers:
        pages: list[tuple[list[Document], Future[list[bool]]]] = []
        batch: list[tuple[Document, bytes]] = []
        for document, (data, problems) in _render_all(pending, now, config):
            if problems:
                log.error("not published %s (the previous one stays): %s", document.path, "; ".join(problems))
                refused.append(f"{document.path}: {'; '.join(problems)}")
            elif document.kind == "html":
                batch.append((document, data))
                if len(batch) >= PAGES_PER_TASK:
                    pages.append(_submit_pages(writers, batch))
            else:
                if write_atomic(document.path, data):
                    log.info("published %s", document.path)
                    written.append(str(document.path))
                done.rows.append(_written(document))
            if len(pages) * PAGES_PER_TASK >= PAGES_IN_FLIGHT:
                _settle_pages(pages, done)
            if len(done.rows) >= record_every:
                _record(store, done, config.output_folder)
        if batch:
            pages.append(_submit_pages(writers, batch))
        _settle_pages(pages, done)
    _record(store, done, config.output_folder)
    if not refused:
        with store.transaction():
            store.set_meta(PUBLISHED_GENERATION, str(generation))
            store.set_meta(PUBLISHED_FINGERPRINT, fingerprinted)
    return written, refused


class _Recorded:
    """The documents the state records as written: all but the entry pages read at once, an entry
    page when asked for (there is one per entry, and a pass plans only the newest ones' pages and
    those of a new archive page)."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self.entry_folder = os.path.join(config.output_folder / ENTRY_FOLDER, "")
        self.others = store.published_documents(outside=self.entry_folder)
        # None recorded (a first build): a backfill's 100,000 entry pages need no lookup each.
        self.any_page = store.any_document_in(self.entry_folder)

    def get(self, path: str) -> PublishedDocument | None:
        if path.startswith(self.entry_folder):
            return self.store.published_document(path) if self.any_page else None
        return self.others.get(path)

    def agrees(self, path: str, signature: str) -> bool:
        """Whether the document at ``path`` is on disk as recorded, written with this signature."""
        return not _disagrees_at(path, signature, self.get(path))

    def all_on_disk(self) -> bool:
        """Whether every document a pass would check is on disk as recorded: the feeds, archive
        and site pages, and the newest entries' pages (one stat each)."""
        newest = [os.fspath(self.config.output_folder / entry_path(eid))
                  for eid in self.store.newest_ids(self.config.feed.max_entries)]
        checks = chain(self.others.items(), ((path, self.get(path)) for path in newest))
        return all(doc is not None and _on_disk(path) == (doc.size, doc.mtime_ns) for path, doc in checks)


PAGE_WRITERS = 8
PAGES_IN_FLIGHT = 64  # pages being written at once (each holds its entry)
PAGES_PER_TASK = 8  # pages a writer thread is handed at once: one task per page cost as much as the write's Python


def _submit_pages(writers: ThreadPoolExecutor, batch: list[tuple[Document, bytes]]
                  ) -> tuple[list[Document], Future[list[bool]]]:
    """Hand the batch's pages to a writer thread (the batch is emptied): whether each one changed."""
    documents = [document for document, _ in batch]
    work = [(document.path, data) for document, data in batch]
    batch.clear()
    return documents, writers.submit(_write_pages, work)


def _write_pages(work: list[tuple[Path, bytes]]) -> list[bool]:
    from feeder.atom import write_atomic

    return [write_atomic(path, data, sync=False) for path, data in work]
RECORD_EVERY = 64  # documents recorded per transaction: a killed pass re-renders at most these
BULK_RECORD_EVERY = 20_000  # the same after a backfill


def _settle_pages(pages: list[tuple[list[Document], Future[list[bool]]]], done: _Done) -> None:
    """Wait for the pages being written (the first PublishError is raised) and note them, to be
    recorded once synced (``_record``)."""
    changed = sum(sum(future.result()) for _, future in pages)
    if changed:
        log.info("published %d pages", changed)
    done.unsynced = done.unsynced or bool(pages)  # an identical page may be a killed pass's, never synced
    done.rows.extend(_written(document) for documents, _ in pages for document in documents)
    pages.clear()


def _written(document: Document) -> tuple[str, str, int, int]:
    size, mtime = _on_disk(document.path) or (-1, -1)
    return str(document.path), document.signature, size, mtime


def _record(store: Store, done: _Done, folder: Path) -> None:
    """Record documents as written, once every write so far is durable (pages are not fsynced one by one)."""
    if done.unsynced:
        from feeder.atom import sync_filesystem

        sync_filesystem(folder)
        done.unsynced = False
    if done.rows:
        with store.transaction():
            store.record_documents(done.rows)
        done.rows.clear()


def _on_disk(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _disagrees(document: Document, recorded: PublishedDocument | None) -> bool:
    return _disagrees_at(document.path, document.signature, recorded)


def _disagrees_at(path: Path | str, signature: str, recorded: PublishedDocument | None) -> bool:
    if recorded is None or recorded.signature != signature:
        return True
    return _on_disk(path) != (recorded.size, recorded.mtime_ns)


Rendered = tuple[bytes, list[str]]  # a document's bytes and the gate's objections


def _render_all(pending: Iterator[Document], now: datetime, config: Config) -> Iterator[tuple[Document, Rendered]]:
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

    yield from _render_feeds(feeds(), now, config)
    for document in chain(first_page, pending):
        yield document, _render_and_gate(document.load(), now)


def _render_feeds(pending: Iterator[Document], now: datetime, config: Config
                  ) -> Iterator[tuple[Document, Rendered]]:
    """Render and gate feed documents in order; a backfill's archive pages on every core.

    The store is read here, in this process (its transaction is not visible to any other), a few
    documents at a time so that only those pages' entries are ever held in memory; the workers get
    the entries' rows as stored and decode them (sending decoded entries cost this process as much
    as decoding them).
    """
    workers = min(os.cpu_count() or 1, 8)
    first = list(islice(pending, PARALLEL_DOCUMENTS))
    if len(first) < PARALLEL_DOCUMENTS or workers < 2:
        for document in chain(first, pending):
            yield document, _render_and_gate(document.load(), now)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_start_renderer, initargs=(config,)) as pool:
        batch = first
        while batch:
            renditions = [document.stored() if document.stored else document.load() for document in batch]
            yield from zip(batch, pool.map(_render_in_worker, renditions, repeat(now)), strict=True)
            batch = list(islice(pending, PARALLEL_DOCUMENTS))


_renderer_config: Config | None = None  # a rendering worker's config, set once when it starts (forked: not sent)


def _start_renderer(config: Config) -> None:
    global _renderer_config
    die_with_parent()
    _renderer_config = config


def _render_in_worker(rendition: Renderable | StoredRendition, now: datetime) -> Rendered:
    from feeder.publish import StoredRendition

    if isinstance(rendition, StoredRendition):
        assert _renderer_config is not None, "the pool's initializer sets the config"
        rendition = rendition.decoded(_renderer_config.registry)
    return _render_and_gate(rendition, now)


PARALLEL_DOCUMENTS = 8  # documents per batch; fewer pending than this are rendered here, in order


def _render_and_gate(rendition: Renderable, now: datetime) -> Rendered:
    data = rendition.render()
    return data, gate(rendition.kind, data, now)


def gate(kind: str, data: bytes, now: datetime) -> list[str]:
    """The publishing gate: the errors that keep a rendered Atom document from replacing the published one.

    Its entries were each checked when stored (``check_entry``), so the document's structure is
    what is checked here.
    """
    if kind != "atom":
        return []
    from feeder.validate import validate_structure

    return _errors(validate_structure(data, now=now))


def _errors(findings: Iterable[Finding]) -> list[str]:
    return [f"line {f.line}: [{f.code}] {f.message}" for f in findings if f.severity == "error"]


# Escaped text up to this many bytes is far below libxml2's limit on one text node (10 MB
# without huge_tree), even with every character escaped twice (content is HTML in XML).
PLAIN_TEXT_BYTES = 200_000


def plainly_valid(entry: Entry, site_url: str | None) -> bool:
    """Whether an entry is valid Atom by construction: every text it writes is of a modest size,
    every id and link an absolute IRI, every date RFC 3339. False means "render it and see"."""
    from feeder.atom import entry_values
    from feeder.validate import is_absolute_iri, is_rfc3339

    try:
        values = entry_values(entry, site_url)
    except (ValueError, IndexError):
        return False
    return (all(len(text) * 4 <= PLAIN_TEXT_BYTES and len(text.encode()) <= PLAIN_TEXT_BYTES
                for text in values.texts)
            and all(len(iri) <= PLAIN_TEXT_BYTES and is_absolute_iri(iri) for iri in values.iris)
            and all(is_rfc3339(date) for date in values.dates))


def check_entry(entry: Entry, config: Config, now: datetime) -> list[str]:
    """The errors of one entry rendered alone in a feed with the configured metadata (empty when valid)."""
    from feeder.atom import FeedMeta, render_atom
    from feeder.validate import validate_feed

    meta = FeedMeta(config.feed_id, config.feed.title, config.feed.author, config.self_url, config.feed.language)
    try:
        data = render_atom((entry,), meta, empty_updated=now)
    except ValueError as exc:
        return [f"cannot be rendered: {exc}"]
    return _errors(validate_feed(data, now=now))
