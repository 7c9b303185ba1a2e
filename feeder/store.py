"""Durable state in SQLite: files seen, entries published (with their first-seen time), rejections, passes."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feeder.errors import REBUILD_HINT, StateError
from feeder.records import Article, Entry, Outlet, Stamp
from feeder.text import display_path

if TYPE_CHECKING:  # the outlet registry is imported by the passes that read or render an entry
    from feeder.sources import Registry

SCHEMA_VERSION = 3  # 3: stories numbered; every other table keyed by the story's number
# A backfill's page cache: the random-keyed indexes (ids, story keys) stay in memory until the
# commit instead of being spilled to the file and written again and again.
BULK_CACHE_KIB = 32 * 1024
PAGE_SIZE = 8192  # an article is about 2 KB: 4 KB pages would hold one each and waste the rest

# Every story key ever stored gets a number, for good: the entry, its article, the files that gave
# it and the learned lines of its site refer to that number (a few bytes, growing in the order
# stories arrive) instead of the 90-byte key, so their tables and indexes are appended to, not
# rewritten at random places. Only ``stories`` and the entry ids are indexed by text.
SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (n INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS entries (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,
    first_seen TEXT NOT NULL, updated TEXT NOT NULL, published TEXT, outlet TEXT,
    digest TEXT NOT NULL, vias TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles (n INTEGER PRIMARY KEY, article BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, story INTEGER, seen_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_lines (
    site TEXT NOT NULL, hash INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (site, hash, story))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL,
    new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    rejected INTEGER NOT NULL, feeds TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY, signature TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_outlet_version ON entries (outlet, seq, version);
CREATE INDEX IF NOT EXISTS entries_seq_version ON entries (seq, version);
"""
# Version 2, kept to upgrade a version 1 database on the way to the current schema.
_V2_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY, story_key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,
    first_seen TEXT NOT NULL, updated TEXT NOT NULL, published TEXT, outlet TEXT,
    digest TEXT NOT NULL, vias TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, article BLOB NOT NULL);
DROP INDEX IF EXISTS entries_outlet;
"""
_V2_TO_V3 = """
ALTER TABLE entries RENAME TO entries_v2;
ALTER TABLE articles RENAME TO articles_v2;
ALTER TABLE files RENAME TO files_v2;
ALTER TABLE site_lines RENAME TO site_lines_v2;
DROP INDEX IF EXISTS entries_outlet_version;
DROP INDEX IF EXISTS entries_seq_version;
DROP INDEX IF EXISTS entries_outlet;
""" + SCHEMA + """;
INSERT OR IGNORE INTO stories (key) SELECT story_key FROM entries_v2 ORDER BY seq;
INSERT OR IGNORE INTO stories (key) SELECT story_key FROM files_v2 WHERE story_key IS NOT NULL;
INSERT OR IGNORE INTO stories (key) SELECT story_key FROM site_lines_v2;
INSERT INTO entries SELECT s.n, e.id, e.seq, e.first_seen, e.updated, e.published, e.outlet, e.digest, e.vias,
    e.version FROM entries_v2 e JOIN stories s ON s.key = e.story_key;
INSERT INTO articles SELECT e.n, a.article FROM articles_v2 a JOIN entries e ON e.id = a.id;
INSERT INTO files SELECT f.path, f.size, f.mtime_ns, f.digest, f.status, f.reason, s.n, f.seen_at
    FROM files_v2 f LEFT JOIN stories s ON s.key = f.story_key;
INSERT OR IGNORE INTO site_lines SELECT l.site, line_number(l.hash), s.n FROM site_lines_v2 l
    JOIN stories s ON s.key = l.story_key;
DROP TABLE entries_v2;
DROP TABLE articles_v2;
DROP TABLE files_v2;
DROP TABLE site_lines_v2;
"""
QUIET_RUN_FILE = "quiet-run.json"  # beside the database: the last pass if it changed nothing
BUSY_HINT = "another program holds the database: stop it (or wait) and run again"
SPACE_HINT = "free disk space or fix the permissions of the state folder, then run again"


def _hint(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return BUSY_HINT
    if any(word in text for word in ("full", "readonly", "read-only", "unable to open", "disk i/o")):
        return SPACE_HINT
    return REBUILD_HINT


class _Connection:
    """The sqlite3 connection, with every SQLite error turned into a StateError that says what to do."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def execute(self, sql: str, args: Sequence[object] | Mapping[str, object] = ()) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, args)
        except sqlite3.Error as exc:
            raise StateError(self.path, str(exc), hint=_hint(exc)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        try:
            return self.db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StateError(self.path, str(exc), hint=_hint(exc)) from exc

    def rows(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        """All rows of a query (errors while stepping through them are mapped too)."""
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StateError(self.path, str(exc), hint=_hint(exc)) from exc

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction

    def close(self) -> None:
        self.db.close()


@dataclass(frozen=True, slots=True)
class RunRow:
    started: str
    finished: str
    new: int
    updated: int
    unchanged: int
    rejected: int
    feeds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PublishedDocument:
    """What the state records of a document it has written: the signature of its contents and its stat."""

    signature: str
    size: int
    mtime_ns: int


class Store:
    """One open state database; writes happen inside ``transaction()`` and commit together."""

    def __init__(self, connection: _Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._top_seq: int | None = None  # the highest seq, known inside a transaction once asked
        self._generation: int | None = None  # stamped on every entry row written in this transaction
        self._numbers: dict[str, int] = {}  # story numbers looked up or given in this transaction
        self._unpublished: set[str] = set()  # stories numbered in this transaction, with no entry written yet

    @classmethod
    def open(cls, folder: Path, *, check: bool = True) -> Store:
        """Open (or create) the state database; a damaged one is refused with what to do."""
        path = folder / "state.sqlite3"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            hint = _hint(exc) if isinstance(exc, sqlite3.Error) else SPACE_HINT
            raise StateError(path, f"cannot open: {getattr(exc, 'strerror', None) or exc}", hint=hint) from exc
        connection = _Connection(db, path)
        try:
            if check and not _unchanged_since_checked(path):
                _quick_check(connection)
            if not connection.rows("SELECT name FROM sqlite_schema"):
                connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before anything is written
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            # Statement journals (one per statement inside a transaction) and sorts stay in memory:
            # in a temporary file every statement of a backfill wrote its pages out again (8x the inbox
            # in write calls at 1,000 files), and a statement's journal is a few pages.
            connection.execute("PRAGMA temp_store=MEMORY")
            _upgrade(connection)
        except BaseException:
            db.close()
            raise
        return cls(connection, path)

    @classmethod
    def open_existing(cls, folder: Path) -> Store | None:
        """The store if a pass has created one (for read-only use such as inspect), else None."""
        return cls.open(folder) if (folder / "state.sqlite3").is_file() else None

    def close(self) -> None:
        """Close; the database's stat is noted, so the next open skips the integrity check if nothing
        (no killed pass, no other program, no copy) has touched the file since."""
        self._db.close()
        _note_checked(self.path)

    @property
    def db(self) -> _Connection:
        """The connection, for the tables another module keeps in the state (editorial.py)."""
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        self._top_seq = None
        self._generation = None
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._top_seq = None
            self._generation = None
            self._numbers.clear()  # a number given in a rolled-back transaction is no longer there
            self._unpublished.clear()
        self._db.execute("COMMIT")

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """A backfill's writes with a rollback journal instead of the WAL, so each new page reaches
        the disk once (through the WAL it is written twice: to the log, then by the checkpoint).

        The mode stays WAL when another connection has the database open (it cannot change then);
        a kill leaves a journal that the next open rolls back, as it would the WAL's tail.
        """
        mode = self._db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        self._db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            yield
        finally:
            self.release_cache()
            if str(mode).lower() == "delete":
                self._db.execute("PRAGMA journal_mode=WAL")

    def release_cache(self) -> None:
        """Back to SQLite's default page cache (2 MB), freeing what a backfill's cache holds."""
        self._db.execute("PRAGMA cache_size = -2000")

    # pass bookkeeping --------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._db.execute("DELETE FROM meta WHERE key=?", (key,))
        else:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def generation(self) -> int:
        """The number stamped on entry rows written in this transaction (one more than any before).

        Document signatures include the highest generation among their entries, so any entry
        written, renumbered or moved changes the signature of every document it is (or was) in.
        """
        if self._generation is None:
            self._generation = int(self.get_meta("generation") or 0) + 1
            self.set_meta("generation", str(self._generation))
        return self._generation

    def state_generation(self) -> int:
        """The generation of the last committed write (0 for a fresh store)."""
        return int(self.get_meta("generation") or 0)

    def published_documents(self, *, outside: str | None = None) -> dict[str, PublishedDocument]:
        """Recorded documents by path; with ``outside`` (a folder path ending in a separator), only
        those not in that folder: the entry pages, one per entry, are looked up one by one."""
        sql = "SELECT path, signature, size, mtime_ns FROM documents"
        if outside is None:
            rows = self._db.rows(sql)
        else:  # two ranges of the primary key around the folder's paths, not a scan of them
            after = outside[:-1] + chr(ord(outside[-1]) + 1)
            rows = self._db.rows(f"{sql} WHERE path < ? UNION ALL {sql} WHERE path >= ?", (outside, after))
        return {path: PublishedDocument(sig, size, mtime) for path, sig, size, mtime in rows}

    def published_document(self, path: str) -> PublishedDocument | None:
        row = self._db.execute("SELECT signature, size, mtime_ns FROM documents WHERE path=?", (path,)).fetchone()
        return PublishedDocument(row[0], int(row[1]), int(row[2])) if row else None

    def any_document_in(self, folder: str) -> bool:
        """Whether any document is recorded inside this folder (a path ending in a separator)."""
        after = folder[:-1] + chr(ord(folder[-1]) + 1)
        return self._db.execute("SELECT 1 FROM documents WHERE path >= ? AND path < ? LIMIT 1",
                                (folder, after)).fetchone() is not None

    def record_documents(self, done: Iterable[tuple[str, str, int, int]]) -> None:
        """Record documents as written: (path, signature, size, mtime_ns).

        In path order: entry pages' paths are hashes, so a backfill's thousands of them, recorded
        as written, would land all over the path index and rewrite its pages many times over once
        it outgrows the page cache; sorted, each index page is written once per transaction.
        """
        self._db.executemany("INSERT OR REPLACE INTO documents VALUES (?,?,?,?)", sorted(done))

    def page_signatures(self, size: int) -> dict[int, tuple[int, int]]:
        """Page number (1-based, ``size`` entries each, by seq) -> (entries, highest generation)."""
        low, high = self._db.execute("SELECT MIN(seq), MAX(seq) FROM entries").fetchone()
        if low is None or low < 1:  # none, or renumbering under way (negative seqs): grouped as they fall
            rows = self._db.rows("SELECT (seq - 1) / ? + 1, COUNT(*), MAX(version) FROM entries GROUP BY 1",
                                 (size,))
            return {int(page): (int(count), int(top)) for page, count, top in rows}
        # A page's range from the (seq, version) index, page by page: grouping by a computed page number
        # sorted all 100,000 rows again in a temporary B-tree (23 against 13 ms at 100,000 entries).
        query = "SELECT COUNT(*), MAX(version) FROM entries WHERE seq BETWEEN ? AND ?"
        pages: dict[int, tuple[int, int]] = {}
        for page in range((low - 1) // size + 1, (high - 1) // size + 2):
            count, top = self._db.execute(query, ((page - 1) * size + 1, page * size)).fetchone()
            if count:
                pages[page] = (int(count), int(top))
        return pages

    def outlet_signatures(self) -> dict[str, tuple[int, int]]:
        """Outlet key -> (entries, highest generation)."""
        rows = self._db.rows("SELECT outlet, COUNT(*), MAX(version) FROM entries WHERE outlet IS NOT NULL "
                             "GROUP BY outlet")
        return {str(outlet): (int(count), int(top)) for outlet, count, top in rows}

    # files -------------------------------------------------------------------------------------
    def file_stats(self, under: str | None = None) -> dict[str, tuple[int, int]]:
        """Every known file's (size, mtime_ns): all a pass needs to tell which files changed;
        with ``under`` (a folder), those whose path starts with it (its files among them)."""
        if under is None:
            rows = self._db.rows("SELECT path, size, mtime_ns FROM files")
        else:
            prefixes = dict.fromkeys(os.path.join(folder, "") for folder in (under, display_path(under)))
            rows = [row for prefix in prefixes for row in self._db.rows(
                "SELECT path, size, mtime_ns FROM files WHERE path >= ? AND path < ?",
                (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)))]
        return {path: (size, mtime) for path, size, mtime in rows}

    def folder_digests(self) -> dict[str, str]:
        """Inbox folder (display path) -> the digest of its listing when the state last knew every
        file in it exactly as listed (``articles.changed_files``)."""
        return {path: digest for path, digest in self._db.rows("SELECT path, digest FROM folders")}

    def note_folders(self, known: Mapping[str, str], unsure: Iterable[str]) -> None:
        """Record the digests of folders whose files the state now knows exactly as listed, and
        forget those of folders a pass could not finish (a file changing or settling)."""
        self._db.executemany("INSERT OR REPLACE INTO folders VALUES (?,?)", list(known.items()))
        self._db.executemany("DELETE FROM folders WHERE path=?", [(path,) for path in unsure])

    def file_stat(self, path: str) -> tuple[int, int] | None:
        row = self._db.execute("SELECT size, mtime_ns FROM files WHERE path=?", (path,)).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def file_digest(self, path: str) -> str | None:
        row = self._db.execute("SELECT digest FROM files WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    def file_story(self, path: str) -> str | None:
        """The story key the file's last accepted version gave (None when it never gave one)."""
        row = self._db.execute("SELECT s.key FROM files f JOIN stories s ON s.n = f.story "
                               "WHERE f.path=? AND f.status='ok'", (path,)).fetchone()
        return row[0] if row else None

    def files_of_story(self, story_key: str) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM files WHERE story=(SELECT n FROM stories WHERE key=?) "
                                    "AND status='ok'", (story_key,)).fetchone()[0])

    def story_number(self, story_key: str) -> int:
        """The story's number (given on first sight, kept for good): what the other tables refer to it by."""
        if (known := self._numbers.get(story_key)) is not None:
            return known
        added = self._db.execute("INSERT OR IGNORE INTO stories (key) VALUES (?)", (story_key,))
        if added.rowcount == 1 and added.lastrowid is not None:
            number = self._numbers[story_key] = added.lastrowid
            self._unpublished.add(story_key)  # a story first seen now has no entry yet: none to look up
            return number
        row = self._db.execute("SELECT n FROM stories WHERE key=?", (story_key,)).fetchone()
        number = self._numbers[story_key] = int(row[0])
        return number

    def record_file(self, path: str, size: int, mtime_ns: int, digest: str, *, status: str,
                    reason: str | None, story_key: str | None, now: datetime) -> None:
        self._db.execute(
            "INSERT INTO files VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET "
            "size=excluded.size, mtime_ns=excluded.mtime_ns, digest=excluded.digest, "
            "status=excluded.status, reason=excluded.reason, story=excluded.story, "
            "seen_at=excluded.seen_at",
            (path, size, mtime_ns, digest, status, reason,
             None if story_key is None else self.story_number(story_key), now.isoformat()))

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        self._db.execute("UPDATE files SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, path))

    def files_by_status(self, status: str) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT path, reason FROM files WHERE status=? ORDER BY path", (status,))
        return [(r[0], r[1] or "") for r in rows]

    def hold_files(self, story_key: str, reason: str) -> None:
        """Mark the files that carried this story as held back (the editor withdrew it)."""
        self._db.execute("UPDATE files SET status='held', reason=? WHERE story=(SELECT n FROM stories WHERE key=?)",
                         (reason, story_key))

    def stories_without_outlet(self) -> list[tuple[str, str]]:
        """(entry id, story key) of the entries that credit no outlet."""
        return [(r[0], r[1]) for r in self._db.execute("SELECT e.id, s.key FROM entries e JOIN stories s "
                                                       "ON s.n = e.n WHERE e.outlet IS NULL")]

    def forget_files(self, status: str, *, reason: str | None = None, story_key: str | None = None) -> None:
        """Drop what is known of these files (with this status, and reason or story), so the next scan reads them."""
        if story_key is None:
            gone = self._db.execute("DELETE FROM files WHERE status=? AND reason IS COALESCE(?, reason)",
                                    (status, reason))
        else:
            gone = self._db.execute("DELETE FROM files WHERE status=? AND reason IS COALESCE(?, reason) "
                                    "AND story=(SELECT n FROM stories WHERE key=?)", (status, reason, story_key))
        if gone.rowcount:  # their folders must be looked into again
            self._db.execute("DELETE FROM folders")

    def rejections(self) -> list[tuple[str, str]]:
        rows = self._db.rows("SELECT path, reason FROM files WHERE status='rejected' ORDER BY path")
        return [(r[0], r[1] or "") for r in rows]

    # entries -----------------------------------------------------------------------------------
    def entry(self, eid: str, registry: Registry) -> Entry | None:
        row = self._db.execute(f"{_SELECT_ENTRY} WHERE e.id=?", (eid,)).fetchone()
        return decode_entry(row, registry) if row else None

    def entry_seq(self, eid: str) -> int | None:
        row = self._db.execute("SELECT seq FROM entries WHERE id=?", (eid,)).fetchone()
        return int(row[0]) if row else None

    def entry_of_story(self, story_key: str, registry: Registry) -> Entry | None:
        if story_key in self._unpublished:
            return None
        row = self._db.execute(f"{_SELECT_ENTRY} WHERE e.n=(SELECT n FROM stories WHERE key=?)",
                               (story_key,)).fetchone()
        return decode_entry(row, registry) if row else None

    def entry_of_number(self, story: int, registry: Registry) -> Entry | None:
        row = self._db.execute(f"{_SELECT_ENTRY} WHERE e.n=?", (story,)).fetchone()
        return decode_entry(row, registry) if row else None

    def delete_entry(self, eid: str) -> None:
        self._db.execute("DELETE FROM articles WHERE n=(SELECT n FROM entries WHERE id=?)", (eid,))
        self._db.execute("DELETE FROM entries WHERE id=?", (eid,))

    def save_entry(self, entry: Entry, *, first_seen: datetime, renew: bool) -> None:
        """Insert or replace an entry; ``renew`` moves it to the head of the publication order."""
        old = self._db.execute("SELECT seq, first_seen, n FROM entries WHERE id=?", (entry.id,)).fetchone()
        seq = self._next_seq() if old is None or renew else old[0]
        if old is not None and old[2] != self.story_number(entry.article.story_key):
            self._db.execute("DELETE FROM articles WHERE n=?", (old[2],))  # the id now names another story
        self._write_entry(entry, seq, old[1] if old else first_seen.isoformat())

    def add_entry(self, entry: Entry, *, first_seen: datetime) -> None:
        """Insert an entry the caller has just found absent, at the head of the publication order."""
        self._write_entry(entry, self._next_seq(), first_seen.isoformat())

    def _write_entry(self, entry: Entry, seq: int, first_seen: str) -> None:
        article = entry.article
        story = self.story_number(article.story_key)
        self._unpublished.discard(article.story_key)
        self._db.execute(
            "INSERT OR REPLACE INTO entries (n, id, seq, first_seen, updated, published, outlet, digest, "
            "vias, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (story, entry.id, seq, first_seen, entry.updated.isoformat(),
             entry.published.isoformat() if entry.published else None,
             article.outlet.key if article.outlet else None, article.digest,
             json.dumps(list(entry.vias)), self.generation()))
        self._db.execute("INSERT OR REPLACE INTO articles VALUES (?,?)", (story, pack_article(article)))

    def _next_seq(self) -> int:
        if self._top_seq is None or not self._db.in_transaction:
            self._top_seq = int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM entries").fetchone()[0])
        self._top_seq += 1
        return self._top_seq

    def order_by_date(self, *, since_seq: int) -> None:
        """Renumber the entries placed since ``since_seq`` by their date (UTC), oldest first."""
        rows = self._db.rows(
            "SELECT n FROM entries WHERE seq >= ? ORDER BY julianday(updated), id", (since_seq,))
        # Two steps, because seq is unique: first out of the way (negative), then into place.
        moved = [(-(since_seq + n), row[0]) for n, row in enumerate(rows)]
        self._db.executemany("UPDATE entries SET seq = ? WHERE n = ?", moved)
        if moved:
            self._db.execute("UPDATE entries SET seq = -seq, version = ? WHERE seq < 0", (self.generation(),))
        self._top_seq = None

    def count_entries(self, outlet: str | None = None) -> int:
        if outlet is None:
            return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        return int(self._db.execute("SELECT COUNT(*) FROM entries WHERE outlet=?", (outlet,)).fetchone()[0])

    def entries_by_seq(self, registry: Registry, *, newest: int | None = None, outlet: str | None = None,
                       seq_range: tuple[int, int] | None = None) -> list[Entry]:
        """Entries in publication order (newest first when ``newest`` limits them)."""
        return [decode_entry(row, registry) for row in self.entry_rows_by_seq(
            newest=newest, outlet=outlet, seq_range=seq_range)]

    def entry_rows_by_seq(self, *, newest: int | None = None, outlet: str | None = None,
                          seq_range: tuple[int, int] | None = None) -> list[EntryRow]:
        """``entries_by_seq`` as the state holds them (``decode_entry`` makes each an Entry): plain
        values, the article still compressed, a fifth of the entry's size to send to another process."""
        where: list[str] = []
        args: list[object] = []
        if outlet is not None:
            where.append("e.outlet=?")
            args.append(outlet)
        if seq_range is not None:
            where.append("e.seq BETWEEN ? AND ?")
            args.extend(seq_range)
        sql = _SELECT_ENTRY
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += " ORDER BY e.seq DESC" + (f" LIMIT {int(newest)}" if newest else "")
        rows: list[EntryRow] = self._db.rows(sql, args)
        return rows

    def newest_ids(self, count: int) -> list[str]:
        """The ids of the ``count`` entries last in publication order."""
        return [row[0] for row in self._db.rows("SELECT id FROM entries ORDER BY seq DESC LIMIT ?", (count,))]

    def entry_ids(self, *, written_after: int | None = None) -> list[str]:
        """Every published entry's id (for the list of published pages); with ``written_after``, only
        those written (added, edited or renumbered) in a later generation."""
        if written_after is None:
            return [row[0] for row in self._db.execute("SELECT id FROM entries")]
        # the numbers from the (seq, version) index, which holds every entry's version in a few
        # pages: filtering the table itself reads every row (0.03 s warm, 1 s cold at 100,000)
        return [row[0] for row in self._db.execute(
            "SELECT id FROM entries WHERE n IN "
            "(SELECT n FROM entries INDEXED BY entries_seq_version WHERE version > ?)", (written_after,))]

    def seq_extent(self) -> tuple[int, int]:
        """(highest publication sequence number, number of entries)."""
        top, count = self._db.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM entries").fetchone()
        return int(top), int(count)

    def outlets(self) -> list[str]:
        rows = self._db.rows("SELECT DISTINCT outlet FROM entries WHERE outlet IS NOT NULL ORDER BY 1")
        return [r[0] for r in rows]

    # learned boilerplate -----------------------------------------------------------------------
    def add_site_lines(self, site: str, story: int, hashes: Iterable[str]) -> None:
        """Note that the story (by number) holds these lines (``learn.line_hash``) of its site."""
        self._db.executemany("INSERT OR IGNORE INTO site_lines VALUES (?,?,?)",
                             [(site, line_number(h), story) for h in hashes])

    def repeated_lines(self, site: str, hashes: Iterable[str]) -> set[str]:
        """The hashes among these that occur in two or more different stories of the site."""
        return {h for h, keys in self.other_stories(site, hashes, excluding=None).items() if len(keys) >= 2}

    def other_stories(self, site: str, hashes: Iterable[str], *, excluding: int | None
                      ) -> dict[str, tuple[int, ...]]:
        """For each of these hashes, up to two stories of the site (not ``excluding``) that hold it.

        Two tell "none", "exactly one" and "several" apart; the LIMIT keeps each lookup an index
        probe, so a line that thousands of a site's stories share costs no more than a rare one.
        """
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return {}
        numbers = {line_number(h): h for h in wanted}
        rows = self._db.rows(
            f"WITH wanted(h) AS (VALUES {','.join(['(?)'] * len(numbers))}) "
            "SELECT h, (SELECT group_concat(story) FROM (SELECT story FROM site_lines "
            "WHERE site=? AND hash=h AND story IS NOT ? LIMIT 2)) FROM wanted", [*numbers, site, excluding])
        return {numbers[h]: tuple(map(int, stories.split(","))) for h, stories in rows if stories}

    # runs --------------------------------------------------------------------------------------
    def record_run(self, row: RunRow) -> None:
        """Record a pass that changed the state (in its transaction); a quiet pass's record is dropped."""
        with suppress(OSError):  # if it stays, last_run shows that older pass
            self._quiet_run_file.unlink(missing_ok=True)
        self._db.execute("INSERT INTO runs (started, finished, new, updated, unchanged, rejected, feeds) "
                         "VALUES (?,?,?,?,?,?,?)",
                         (row.started, row.finished, row.new, row.updated, row.unchanged, row.rejected,
                          json.dumps(list(row.feeds))))

    @property
    def _quiet_run_file(self) -> Path:
        return self.path.with_name(QUIET_RUN_FILE)

    def note_quiet_run(self, row: RunRow) -> None:
        """Record a pass that changed nothing without writing to the database: the row goes to a
        small file replaced atomically (no fsync: losing it to a power cut only shows the pass before)."""
        temporary = self.path.with_name(f".{QUIET_RUN_FILE}.{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps([row.started, row.finished, row.new, row.updated, row.unchanged,
                                             row.rejected, list(row.feeds)]), encoding="utf-8")
            os.replace(temporary, self._quiet_run_file)
        except OSError:
            temporary.unlink(missing_ok=True)  # only the status report loses this pass

    def last_run(self) -> RunRow | None:
        """The last pass: a quiet one (``note_quiet_run``) if it came after the last recorded run."""
        try:
            started, finished, new, updated, unchanged, rejected, feeds = json.loads(
                self._quiet_run_file.read_text(encoding="utf-8"))
            return RunRow(str(started), str(finished), int(new), int(updated), int(unchanged), int(rejected),
                          tuple(map(str, feeds)))
        except (OSError, ValueError, TypeError):
            pass  # none, or torn by a crash: the database's last run
        row = self._db.execute("SELECT started, finished, new, updated, unchanged, rejected, feeds "
                               "FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        started, finished, new, updated, unchanged, rejected, feeds = row
        return RunRow(started, finished, new, updated, unchanged, rejected, tuple(json.loads(feeds)))


_SELECT_ENTRY = ("SELECT e.id, e.updated, e.published, a.article, e.vias FROM entries e "
                 "JOIN articles a ON a.n = e.n")


# An entry row as stored: (id, updated, published, the packed article, vias as JSON).
EntryRow = tuple[str, str, str | None, bytes | str, str]


def decode_entry(row: Iterable[Any], registry: Registry) -> Entry:
    """The Entry of a stored row (``Store.entry_rows_by_seq``); its outlet takes the registry's settings."""
    eid, updated, published, article, vias = row
    return Entry(id=eid, article=unpack_article(article, registry),
                 updated=datetime.fromisoformat(updated),
                 published=datetime.fromisoformat(published) if published else None,
                 vias=tuple(json.loads(vias)))


# What every stored article's JSON shares (keys, provenance phrases), given to zlib as a preset
# dictionary: about 250 bytes less per article. Never change it: stored articles depend on it.
_ZDICT = (
    b'{"authors":[],"body":[""],"digest":"","outlet":{"homepage":"https://www.","key":"","name":"",'
    b'"zone":"Asia/Shanghai"},"path":"","provenance":[["title","page title"],["source","dateline of the '
    b'first paragraph: "],["published","line : credit field 3; zone assumed: Asia/Shanghai (China Daily\'s '
    b'zone)"],["updated","line "],["authors","line : credit field 1: "],["republished","line : '
    b'republisher\'s post date; zone assumed: UTC (the configured default zone); day precision"],'
    b'["republisher","line : republisher\'s byline"]],"published":{"day_only":false,"origin":"line : '
    b'credit field 3","value":"T:00+08:00","zone_stated":false},"republished":{"day_only":true,'
    b'"origin":"","value":"T00:00:00+00:00","zone_stated":false},"republisher":null,"site":null,'
    b'"source_url":null,"story_key":"","title":"","updated":{"day_only":false,"origin":"","value":"",'
    b'"zone_stated":true},"via":null}')


# zlib's fastest level: about half the deflate time of level 6, for articles 7 % larger (the
# state stays under 1.2x the inbox); any level reads back the same.
PACK_LEVEL = 1
# A 16 KiB window instead of zlib's 32 KiB: an article's JSON and the preset dictionary fit in it
# (the same deflate stream, byte for byte, for articles up to about 14 KB of JSON), and setting up
# the smaller window takes a third less of the whole deflate time (the stream's header says its
# window, so articles written with either read back the same way).
PACK_WBITS = 14


def pack_article(article: Article) -> bytes:
    """The compact stored form of an article: its JSON (provenance included), deflated."""
    text = json.dumps(article_to_json(article), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    packer = zlib.compressobj(PACK_LEVEL, zlib.DEFLATED, PACK_WBITS, zdict=_ZDICT)
    return packer.compress(text.encode()) + packer.flush()


def unpack_article(stored: bytes | str, registry: Registry) -> Article:
    """An article from its stored form (compressed JSON, or the plain JSON text of older databases)."""
    if isinstance(stored, bytes):
        unpacker = zlib.decompressobj(zdict=_ZDICT)
        stored = (unpacker.decompress(stored) + unpacker.flush()).decode()
    return article_from_json(json.loads(stored), registry)


def _stamp_of(path: Path) -> str | None:
    """The database's size and mtime, with its WAL's (absent after a clean close)."""
    try:
        info = path.stat()
    except OSError:
        return None
    wal = Path(f"{path}-wal")
    tail = f"{wal.stat().st_size}:{wal.stat().st_mtime_ns}" if wal.exists() else "-"
    return f"{info.st_size}:{info.st_mtime_ns}:{tail}"


def _checked_note(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _unchanged_since_checked(path: Path) -> bool:
    """Whether the file is exactly as this program left it after a check (``quick_check`` reads the
    whole file: 0.1 s per 10,000 stories, too much for every pass of a daemon)."""
    try:
        noted = _checked_note(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return noted == _stamp_of(path)


def _note_checked(path: Path) -> None:
    stamp = _stamp_of(path)
    note = _checked_note(path)
    try:
        if stamp is not None and note.read_text(encoding="ascii").strip() == stamp:
            return  # a pass that wrote nothing: the note stands
    except (OSError, UnicodeDecodeError):
        pass
    try:
        if stamp is None:
            note.unlink(missing_ok=True)
        else:
            note.write_text(stamp + "\n", encoding="ascii")
    except OSError:
        return  # only an optimisation: the next open checks the whole file


def _quick_check(db: _Connection) -> None:
    """Refuse a damaged database at open: ``PRAGMA quick_check`` must say ok."""
    try:
        verdict = db.db.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StateError(db.path, f"damaged or not a database ({' '.join(str(exc).split())})") from exc
    if verdict is None or verdict[0] != "ok":
        said = " ".join(str(verdict[0]).split()) if verdict else "no answer"
        raise StateError(db.path, f"damaged (quick_check: {said[:200]})")


def _upgrade(db: _Connection) -> None:
    """Create the schema, or bring an older database up to it (its rows are kept)."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version >= SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        old = {row[1] for row in db.rows("PRAGMA table_info(entries)")}
        if not old:
            _script(db, SCHEMA)
        if "article" in old:  # version 1: the article inside the entry row, no version column
            db.execute("ALTER TABLE entries RENAME TO entries_v1")
            _script(db, _V2_SCHEMA)
            db.execute("INSERT INTO articles SELECT id, article FROM entries_v1")
            db.execute("INSERT INTO entries SELECT id, story_key, seq, first_seen, updated, published, outlet, "
                       "digest, vias, 0 FROM entries_v1")
            db.execute("DROP TABLE entries_v1")
        if old and "n" not in old:  # version 2 (or 1, just brought to 2): tables keyed by story keys
            db.db.create_function("line_number", 1, line_number, deterministic=True)
            _script(db, _V2_TO_V3)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _script(db: _Connection, script: str) -> None:
    for statement in filter(str.strip, script.split(";")):
        db.execute(statement)


def line_number(line_hash: str) -> int:
    """A learned line's key as stored: the first 64 bits of its hash, as a signed integer."""
    return int(line_hash[:16], 16) - (1 << 63)


def _stamp_json(stamp: Stamp | None) -> dict[str, Any] | None:
    if stamp is None:
        return None
    return {"value": stamp.value.isoformat(), "origin": stamp.origin, "zone_stated": stamp.zone_stated,
            "day_only": stamp.day_only}


def _stamp_from(data: dict[str, Any] | None) -> Stamp | None:
    if data is None:
        return None
    return Stamp(datetime.fromisoformat(data["value"]), data["origin"], data["zone_stated"], data["day_only"])


def article_to_json(article: Article) -> dict[str, Any]:
    outlet = article.outlet
    return {
        "path": article.path, "digest": article.digest, "title": article.title, "body": list(article.body),
        "outlet": None if outlet is None else {"key": outlet.key, "name": outlet.name,
                                               "homepage": outlet.homepage, "zone": outlet.zone},
        "source_url": article.source_url, "authors": list(article.authors),
        "republisher": article.republisher, "published": _stamp_json(article.published),
        "updated": _stamp_json(article.updated), "republished": _stamp_json(article.republished),
        "via": article.via, "story_key": article.story_key, "provenance": [list(p) for p in article.provenance],
        "site": article.site,
    }


def article_from_json(data: dict[str, Any], registry: Registry) -> Article:
    """Rebuild an Article; its outlet takes the registry's current settings (rights, homepage)."""
    saved = data["outlet"]
    outlet = None
    if saved is not None:
        outlet = registry.outlets.get(saved["key"]) or Outlet(
            key=saved["key"], name=saved["name"], homepage=saved["homepage"], zone=saved["zone"],
            feed_id=None if saved["homepage"] else registry.source_id(saved["key"]))
    return Article(
        path=data["path"], digest=data["digest"], title=data["title"], body=tuple(data["body"]),
        outlet=outlet, source_url=data["source_url"], authors=tuple(data["authors"]),
        republisher=data["republisher"], published=_stamp_from(data["published"]),
        updated=_stamp_from(data["updated"]), republished=_stamp_from(data["republished"]),
        via=data["via"], story_key=data["story_key"],
        provenance=tuple((p[0], p[1]) for p in data["provenance"]), site=data.get("site"),
    )
