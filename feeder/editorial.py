"""The editor's decisions kept in the state (retractions, corrections) and the outlet rule, applied by every pass."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from feeder.config import Config
from feeder.errors import FeederError
from feeder.layout import entry_path
from feeder.records import Article, Entry, Rejection, Stamp, Tombstone
from feeder.store import Store

# The editor's tables live in the state database beside the pass's own (store.py), so a
# retraction and the removal of its entry commit together.
TABLES = (
    "CREATE TABLE IF NOT EXISTS retractions (id TEXT PRIMARY KEY, story_key TEXT NOT NULL, outlet TEXT, "
    "reason TEXT, at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS corrections (id TEXT PRIMARY KEY, story_key TEXT NOT NULL, fields TEXT NOT NULL, "
    "at TEXT NOT NULL)",
)
EDITOR = "corrected by editor"
NO_OUTLET = "no outlet: the page names no outlet to credit ([feed] require_outlet = true holds it back)"
RETRACTED = "retracted by the editor"


class NotFound(FeederError):
    """``retract``/``correct`` named neither a published entry's id nor an inbox file of one."""


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's override of extracted fields; None leaves a field as extracted."""

    title: str | None = None
    authors: tuple[str, ...] | None = None
    source: str | None = None  # an outlet key of the registry
    published: datetime | None = None

    def fields(self) -> dict[str, Any]:
        return {"title": self.title, "authors": None if self.authors is None else list(self.authors),
                "source": self.source, "published": self.published.isoformat() if self.published else None}

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> Correction:
        published = data.get("published")
        return cls(title=data.get("title"),
                   authors=None if data.get("authors") is None else tuple(data["authors"]),
                   source=data.get("source"),
                   published=datetime.fromisoformat(published) if published else None)

    def merged(self, newer: Correction) -> Correction:
        """This correction with the fields the newer one sets replaced."""
        return Correction(title=self.title if newer.title is None else newer.title,
                          authors=self.authors if newer.authors is None else newer.authors,
                          source=self.source if newer.source is None else newer.source,
                          published=self.published if newer.published is None else newer.published)


@dataclass(frozen=True, slots=True)
class _Retraction:
    story_key: str
    tombstone: Tombstone


def _tables(store: Store) -> None:
    for statement in TABLES:
        store.db.execute(statement)


@dataclass(frozen=True)
class Editorial:
    """What the editor decided, read once per pass: which stories are withdrawn, which fields overridden."""

    retracted: Mapping[str, _Retraction]
    corrections: Mapping[str, tuple[Correction, datetime]]
    require_outlet: bool

    @classmethod
    def load(cls, store: Store, config: Config) -> Editorial:
        _tables(store)
        retracted = {row[0]: _Retraction(row[4], Tombstone(row[0], datetime.fromisoformat(row[3]), row[2], row[1]))
                     for row in store.db.execute("SELECT id, outlet, reason, at, story_key FROM retractions")}
        corrections = {row[0]: (Correction.from_fields(json.loads(row[1])), datetime.fromisoformat(row[2]))
                       for row in store.db.execute("SELECT id, fields, at FROM corrections")}
        return cls(retracted, corrections, config.feed.require_outlet)

    def review(self, article: Article, eid: str, config: Config) -> Article | Rejection:
        """The article as the editor wants it published, or why it is held back."""
        if eid in self.retracted:
            return Rejection(article.path, RETRACTED)
        if eid in self.corrections:
            article = corrected(article, self.corrections[eid][0], config)
        if article.outlet is None and self.require_outlet:
            return Rejection(article.path, NO_OUTLET)
        return article

    def apply(self, store: Store, config: Config) -> bool:
        """Bring stored entries in line with the decisions; True when any entry left or changed."""
        changed = False
        withdrawn = [(eid, t.story_key, RETRACTED) for eid, t in self.retracted.items()]
        if self.require_outlet:  # published before the rule (or before an upgrade): held back now
            withdrawn += [(eid, key, NO_OUTLET) for eid, key in store.stories_without_outlet()]
        for eid, story_key, reason in withdrawn:
            if store.entry_seq(eid) is not None:
                (config.output_folder / entry_path(eid)).unlink(missing_ok=True)  # its own page goes with it
                store.delete_entry(eid)
                store.hold_files(story_key, reason)
                changed = True
        for eid, (correction, at) in self.corrections.items():
            old = store.entry(eid, config.registry)
            if old is None or eid in self.retracted:
                continue
            article = corrected(old.article, correction, config)
            if article == old.article:
                continue
            published = article.published.value if article.published else old.published
            store.save_entry(Entry(eid, article, max(old.updated, at), published, old.vias), first_seen=at,
                             renew=False)
            changed = True
        if changed:
            store.generation()  # a new state generation: the documents that carried these entries disagree now
        return changed


def corrected(article: Article, correction: Correction, config: Config) -> Article:
    """The override applied after extraction and normalization; provenance says the editor set it."""
    changes: dict[str, Any] = {}
    provenance = dict(article.provenance)
    if correction.title is not None:
        changes["title"] = correction.title
        provenance["title"] = EDITOR
    if correction.authors is not None:
        changes["authors"] = correction.authors
        provenance["authors"] = EDITOR
    if correction.source is not None and correction.source in config.registry.outlets:
        changes["outlet"] = config.registry.outlets[correction.source]
        provenance["source"] = EDITOR
    if correction.published is not None:
        changes["published"] = Stamp(correction.published, EDITOR, zone_stated=True)
        provenance["published"] = EDITOR
    return replace(article, **changes, provenance=tuple(provenance.items())) if changes else article


ReadFile = Callable[[Path], Article]  # an inbox file read as the pass would (the caller's pipeline)


def resolve(target: str, store: Store, config: Config, read: ReadFile) -> tuple[str, Article]:
    """The published entry named by an entry id or by an inbox file that carried it."""
    entry = store.entry(target, config.registry)
    if entry is not None:
        return entry.id, entry.article
    path = Path(target)
    if path.is_file():
        article = read(path)
        from feeder.normalize import entry_id  # here: normalize imports all of extraction

        eid = entry_id(config.feed.id_base, article.story_key)
        stored = store.entry(eid, config.registry)
        return eid, stored.article if stored else article
    raise NotFound(f"{target}: no published entry has this id, and no such file exists "
                   "(give an id from the feed or `feeder inspect`, or an inbox file)")


def retract(store: Store, config: Config, target: str, reason: str | None, now: datetime, *,
            read: ReadFile) -> str:
    """Record a retraction (the next pass removes the entry and publishes a tombstone); its entry id."""
    eid, article = resolve(target, store, config, read)
    _tables(store)
    with store.transaction():
        store.db.execute("INSERT OR REPLACE INTO retractions VALUES (?,?,?,?,?)",
                         (eid, article.story_key, article.outlet.key if article.outlet else None, reason,
                          now.isoformat()))
        store.generation()  # the current feed gains a deleted-entry marker even if the entry is gone already
    return eid


def correct(store: Store, config: Config, target: str, correction: Correction, now: datetime, *,
            read: ReadFile) -> str:
    """Record an override (fields given earlier and not now stay overridden); its entry id."""
    eid, article = resolve(target, store, config, read)
    _tables(store)
    with store.transaction():
        row = store.db.execute("SELECT fields FROM corrections WHERE id=?", (eid,)).fetchone()
        if row is not None:
            correction = Correction.from_fields(json.loads(row[0])).merged(correction)
        store.db.execute("INSERT OR REPLACE INTO corrections VALUES (?,?,?,?)",
                         (eid, article.story_key, json.dumps(correction.fields(), sort_keys=True),
                          now.isoformat()))
        store.forget_files("held", story_key=article.story_key)  # a held story is read again, corrected
    return eid


def tombstones(store: Store, outlet: str | None) -> tuple[Tombstone, ...]:
    """The deleted-entry markers the current feed (all) or an outlet's feed (its own) carries, newest first."""
    _tables(store)
    rows = store.db.execute("SELECT id, at, reason, outlet FROM retractions")
    found = [Tombstone(r[0], datetime.fromisoformat(r[1]), r[2], r[3]) for r in rows]
    return tuple(sorted((t for t in found if outlet is None or t.outlet == outlet),
                        key=lambda t: (t.when, t.ref), reverse=True))


def release_held(store: Store, config: Config) -> None:
    """With ``require_outlet = false``, forget the files held back for want of an outlet so this pass reads them."""
    if not config.feed.require_outlet:
        store.forget_files("held", reason=NO_OUTLET)


def held_files(store: Store) -> list[tuple[str, str]]:
    """Inbox files held back by the editor or the outlet rule, with why."""
    return store.files_by_status("held")
