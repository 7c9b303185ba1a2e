"""Durable state in SQLite: files seen, entries published (with their first-seen time), rejections, passes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from feeder.errors import FeederError
from feeder.records import Article, Entry, Outlet, Stamp
from feeder.sources import Registry

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, story_key TEXT, seen_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY, story_key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,
    first_seen TEXT NOT NULL, updated TEXT NOT NULL, published TEXT, outlet TEXT,
    digest TEXT NOT NULL, article TEXT NOT NULL, vias TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_outlet ON entries (outlet, seq);
CREATE TABLE IF NOT EXISTS site_lines (
    site TEXT NOT NULL, hash TEXT NOT NULL, story_key TEXT NOT NULL, PRIMARY KEY (site, hash, story_key));
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL,
    new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    rejected INTEGER NOT NULL, feeds TEXT NOT NULL);
"""


class StateError(FeederError):
    """The state database cannot be opened or is not feeder's."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: state database: {reason}")


@dataclass(frozen=True, slots=True)
class RunRow:
    started: str
    finished: str
    new: int
    updated: int
    unchanged: int
    rejected: int
    feeds: tuple[str, ...]


class Store:
    """One open state database; writes happen inside ``transaction()`` and commit together."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._top_seq: int | None = None  # the highest seq, known inside a transaction once asked

    @classmethod
    def open(cls, folder: Path) -> Store:
        path = folder / "state.sqlite3"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StateError(path, str(exc)) from exc
        return cls(db, path)

    @classmethod
    def open_existing(cls, folder: Path) -> Store | None:
        """The store if a pass has created one (for read-only use such as inspect), else None."""
        return cls.open(folder) if (folder / "state.sqlite3").is_file() else None

    def close(self) -> None:
        self._db.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the tables another module keeps in the state (editorial.py)."""
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        self._top_seq = None
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        finally:
            self._top_seq = None
        self._db.execute("COMMIT")

    # files -------------------------------------------------------------------------------------
    def file_stats(self) -> dict[str, tuple[int, int]]:
        """Every known file's (size, mtime_ns): all a pass needs to tell which files changed."""
        return {path: (size, mtime) for path, size, mtime in
                self._db.execute("SELECT path, size, mtime_ns FROM files")}

    def file_digest(self, path: str) -> str | None:
        row = self._db.execute("SELECT digest FROM files WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    def record_file(self, path: str, size: int, mtime_ns: int, digest: str, *, status: str,
                    reason: str | None, story_key: str | None, now: datetime) -> None:
        self._db.execute(
            "INSERT INTO files VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET "
            "size=excluded.size, mtime_ns=excluded.mtime_ns, digest=excluded.digest, "
            "status=excluded.status, reason=excluded.reason, story_key=excluded.story_key, "
            "seen_at=excluded.seen_at",
            (path, size, mtime_ns, digest, status, reason, story_key, now.isoformat()))

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        self._db.execute("UPDATE files SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, path))

    def files_by_status(self, status: str) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT path, reason FROM files WHERE status=? ORDER BY path", (status,))
        return [(r[0], r[1] or "") for r in rows]

    def hold_files(self, story_key: str, reason: str) -> None:
        """Mark the files that carried this story as held back (the editor withdrew it)."""
        self._db.execute("UPDATE files SET status='held', reason=? WHERE story_key=?", (reason, story_key))

    def stories_without_outlet(self) -> list[tuple[str, str]]:
        """(entry id, story key) of the entries that credit no outlet."""
        return [(r[0], r[1]) for r in self._db.execute("SELECT id, story_key FROM entries WHERE outlet IS NULL")]

    def forget_files(self, status: str, *, reason: str | None = None, story_key: str | None = None) -> None:
        """Drop what is known of these files (with this status, and reason or story), so the next scan reads them."""
        self._db.execute("DELETE FROM files WHERE status=? AND reason IS COALESCE(?, reason) "
                         "AND story_key IS COALESCE(?, story_key)", (status, reason, story_key))

    def rejections(self) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT path, reason FROM files WHERE status='rejected' ORDER BY path")
        return [(r[0], r[1] or "") for r in rows]

    # entries -----------------------------------------------------------------------------------
    def entry(self, eid: str, registry: Registry) -> Entry | None:
        row = self._db.execute("SELECT id, updated, published, article, vias FROM entries WHERE id=?",
                               (eid,)).fetchone()
        return _entry(row, registry) if row else None

    def entry_seq(self, eid: str) -> int | None:
        row = self._db.execute("SELECT seq FROM entries WHERE id=?", (eid,)).fetchone()
        return int(row[0]) if row else None

    def remove_entry(self, eid: str) -> None:
        """Take an entry out of every feed (an editor's retraction); its files stay known."""
        self._db.execute("DELETE FROM entries WHERE id=?", (eid,))

    def save_entry(self, entry: Entry, *, first_seen: datetime, renew: bool) -> None:
        """Insert or replace an entry; ``renew`` moves it to the head of the publication order."""
        old = self._db.execute("SELECT seq, first_seen FROM entries WHERE id=?", (entry.id,)).fetchone()
        seq = self._next_seq() if old is None or renew else old[0]
        self._write_entry(entry, seq, old[1] if old else first_seen.isoformat())

    def add_entry(self, entry: Entry, *, first_seen: datetime) -> None:
        """Insert an entry the caller has just found absent, at the head of the publication order."""
        self._write_entry(entry, self._next_seq(), first_seen.isoformat())

    def _write_entry(self, entry: Entry, seq: int, first_seen: str) -> None:
        article = entry.article
        self._db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)",
            (entry.id, article.story_key, seq, first_seen, entry.updated.isoformat(),
             entry.published.isoformat() if entry.published else None,
             article.outlet.key if article.outlet else None, article.digest,
             json.dumps(article_to_json(article), ensure_ascii=False, sort_keys=True),
             json.dumps(list(entry.vias))))

    def _next_seq(self) -> int:
        if self._top_seq is None or not self._db.in_transaction:
            self._top_seq = int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM entries").fetchone()[0])
        self._top_seq += 1
        return self._top_seq

    def order_by_date(self, *, since_seq: int) -> None:
        """Renumber the entries placed since ``since_seq`` by their date (UTC), oldest first."""
        rows = self._db.execute(
            "SELECT id FROM entries WHERE seq >= ? ORDER BY julianday(updated), id", (since_seq,)).fetchall()
        # Two steps, because seq is unique: first out of the way (negative), then into place.
        self._db.executemany("UPDATE entries SET seq = ? WHERE id = ?",
                             [(-(since_seq + n), row[0]) for n, row in enumerate(rows)])
        self._db.execute("UPDATE entries SET seq = -seq WHERE seq < 0")
        self._top_seq = None

    def count_entries(self, outlet: str | None = None) -> int:
        if outlet is None:
            return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        return int(self._db.execute("SELECT COUNT(*) FROM entries WHERE outlet=?", (outlet,)).fetchone()[0])

    def entries_by_seq(self, registry: Registry, *, newest: int | None = None, outlet: str | None = None,
                       seq_range: tuple[int, int] | None = None) -> list[Entry]:
        """Entries in publication order (newest first when ``newest`` limits them)."""
        where: list[str] = []
        args: list[object] = []
        if outlet is not None:
            where.append("outlet=?")
            args.append(outlet)
        if seq_range is not None:
            where.append("seq BETWEEN ? AND ?")
            args.extend(seq_range)
        sql = "SELECT id, updated, published, article, vias FROM entries"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += " ORDER BY seq DESC" + (f" LIMIT {int(newest)}" if newest else "")
        return [_entry(row, registry) for row in self._db.execute(sql, args)]

    def entry_ids(self) -> list[str]:
        """Every published entry's id (for the list of published pages)."""
        return [row[0] for row in self._db.execute("SELECT id FROM entries")]

    def seq_extent(self) -> tuple[int, int]:
        """(highest publication sequence number, number of entries)."""
        top, count = self._db.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM entries").fetchone()
        return int(top), int(count)

    def outlets(self) -> list[str]:
        rows = self._db.execute("SELECT DISTINCT outlet FROM entries WHERE outlet IS NOT NULL ORDER BY 1")
        return [r[0] for r in rows]

    # learned boilerplate -----------------------------------------------------------------------
    def add_site_lines(self, site: str, story_key: str, hashes: Iterable[str]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO site_lines VALUES (?,?,?)",
                             [(site, h, story_key) for h in hashes])

    def repeated_lines(self, site: str, hashes: Iterable[str]) -> set[str]:
        """The hashes among these that occur in two or more different stories of the site."""
        return {h for h, keys in self.other_stories(site, hashes, excluding=None).items() if len(keys) >= 2}

    def other_stories(self, site: str, hashes: Iterable[str], *, excluding: str | None
                      ) -> dict[str, tuple[str, ...]]:
        """For each of these hashes, up to two stories of the site (not ``excluding``) that hold it.

        Two tell "none", "exactly one" and "several" apart; the LIMIT keeps each lookup an index
        probe, so a line that thousands of a site's stories share costs no more than a rare one.
        """
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return {}
        rows = self._db.execute(
            f"WITH wanted(h) AS (VALUES {','.join(['(?)'] * len(wanted))}) "
            "SELECT h, (SELECT group_concat(story_key, char(31)) FROM (SELECT story_key FROM site_lines "
            "WHERE site=? AND hash=h AND story_key IS NOT ? LIMIT 2)) FROM wanted", [*wanted, site, excluding])
        return {h: tuple(keys.split("\x1f")) for h, keys in rows if keys}

    # runs --------------------------------------------------------------------------------------
    def record_run(self, row: RunRow) -> None:
        self._db.execute("INSERT INTO runs (started, finished, new, updated, unchanged, rejected, feeds) "
                         "VALUES (?,?,?,?,?,?,?)",
                         (row.started, row.finished, row.new, row.updated, row.unchanged, row.rejected,
                          json.dumps(list(row.feeds))))

    def last_run(self) -> RunRow | None:
        row = self._db.execute("SELECT started, finished, new, updated, unchanged, rejected, feeds "
                               "FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        started, finished, new, updated, unchanged, rejected, feeds = row
        return RunRow(started, finished, new, updated, unchanged, rejected, tuple(json.loads(feeds)))


def _entry(row: Iterable[Any], registry: Registry) -> Entry:
    eid, updated, published, article, vias = row
    return Entry(id=eid, article=article_from_json(json.loads(article), registry),
                 updated=datetime.fromisoformat(updated),
                 published=datetime.fromisoformat(published) if published else None,
                 vias=tuple(json.loads(vias)))


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
