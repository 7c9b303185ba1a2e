"""Plan the feed documents a pass publishes (main, archives, per outlet, RSS) and render each from the store."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from feeder import __version__
from feeder.atom import FeedMeta, render_atom, render_rss
from feeder.config import Config
from feeder.records import Entry
from feeder.store import Store

ARCHIVE_FOLDER = "archive"


@dataclass(frozen=True, slots=True)
class Rendition:
    """What a document is rendered from, as plain data: any process can turn it into bytes."""

    kind: str  # "atom" or "rss"
    meta: FeedMeta
    entries: tuple[Entry, ...]
    empty_updated: datetime

    def render(self) -> bytes:
        render = render_atom if self.kind == "atom" else render_rss
        return render(self.entries, self.meta, empty_updated=self.empty_updated)


@dataclass(frozen=True, slots=True)
class Document:
    """One file to publish: where it goes, what the state says it must contain, how to render it.

    ``signature`` is computed from the state alone (the entries' count and newest generation,
    the links, the settings), so a pass can tell which published files disagree with the state
    (never written, written by an older state, or changed on disk) without rendering anything.
    Any kind of document (Atom, RSS, an HTML page) fits: ``load`` returns something whose
    ``render()`` gives the bytes, and the gate checks them by ``kind``.
    """

    path: Path
    kind: str  # "atom", "rss", or any other kind the gate knows
    signature: str
    load: Callable[[], Renderable]

    def render(self) -> bytes:
        return self.load().render()


class Renderable(Protocol):
    """Plain data that any process can turn into a document's bytes."""

    @property
    def kind(self) -> str: ...

    def render(self) -> bytes: ...


def fingerprint(config: Config) -> str:
    """What, besides the entries, shapes every document: the feed and outlet settings and feeder's version."""
    settings = repr((config.feed, config.outlets, config.per_outlet, config.rss, __version__))
    return hashlib.sha256(settings.encode()).hexdigest()[:16]


def documents(config: Config, store: Store, *, now: datetime) -> Iterator[Document]:
    """Every document the current state calls for, main feed first, each with its signature."""
    plan = _Plan(fingerprint(config), store.page_signatures(config.feed.max_entries), *store.seq_extent())
    yield from _feed_documents(config, store, plan, now=now, outlet=None)
    if config.per_outlet:
        outlets = store.outlet_signatures()
        for key in sorted(outlets):
            yield from _feed_documents(config, store, replace(plan, outlet=outlets[key]), now=now, outlet=key)


@dataclass(frozen=True, slots=True)
class _Plan:
    """The state's figures that document signatures are made of."""

    fingerprint: str
    pages: dict[int, tuple[int, int]]  # page -> (entries, newest generation)
    top: int
    count: int
    outlet: tuple[int, int] = (0, 0)

    def newest_generation(self) -> int:
        return max((generation for _, generation in self.pages.values()), default=0)


def _feed_documents(config: Config, store: Store, plan: _Plan, *, now: datetime, outlet: str | None
                    ) -> Iterator[Document]:
    stem = Path(config.feed.filename).stem if outlet is None else outlet
    meta = _meta(config, stem, outlet)
    pages = _full_pages(plan, config.feed.max_entries) if outlet is None else 0
    if pages:
        meta = replace(meta, prev_archive_url=_archive_url(config, stem, pages))
    size = config.feed.max_entries
    if outlet is None:
        signature = f"{plan.fingerprint}|main|{plan.top}|{plan.count}|{plan.newest_generation()}|{pages}"
    else:
        signature = f"{plan.fingerprint}|outlet|{plan.outlet[0]}|{plan.outlet[1]}"

    def entries() -> tuple[Entry, ...]:
        return tuple(store.entries_by_seq(config.registry, newest=size, outlet=outlet))

    atom_path = config.output_folder / (config.feed.filename if outlet is None else f"{stem}.atom")
    yield Document(atom_path, "atom", signature, lambda: Rendition("atom", meta, entries(), now))
    if config.rss:
        rss_meta = replace(meta, self_url=config.feed.base_url + f"{stem}.rss")
        yield Document(atom_path.with_suffix(".rss"), "rss", signature + "|rss",
                       lambda: Rendition("rss", rss_meta, entries(), now))
    for page in range(1, pages + 1):
        yield _archive(config, store, stem, meta, (page, pages), plan, now)


def _meta(config: Config, stem: str, outlet: str | None) -> FeedMeta:
    feed = config.feed
    if outlet is None:
        return FeedMeta(config.feed_id, feed.title, feed.author, config.self_url, feed.language,
                        feed.subtitle, feed.home)
    name = config.registry.outlets[outlet].name if outlet in config.registry.outlets else outlet
    return FeedMeta(f"{feed.id_base}feed/{outlet}", f"{feed.title}: {name}", feed.author,
                    f"{feed.base_url}{stem}.atom", feed.language,
                    f"Stories first published by {name}", feed.home)


def _full_pages(plan: _Plan, size: int) -> int:
    """Archive pages are fixed ranges of publication order; a page is full once the order passes it."""
    return plan.top // size if plan.count > size else 0


def _archive_url(config: Config, stem: str, page: int) -> str:
    return f"{config.feed.base_url}{ARCHIVE_FOLDER}/{stem}-{page}.atom"


def _archive(config: Config, store: Store, stem: str, meta: FeedMeta, position: tuple[int, int],
             plan: _Plan, now: datetime) -> Document:
    page, pages = position
    size = config.feed.max_entries
    newer = _archive_url(config, stem, page + 1) if page < pages else None
    page_meta = replace(
        meta, feed_id=f"{meta.feed_id}/archive/{page}", self_url=_archive_url(config, stem, page),
        archive=True, current_url=meta.self_url,
        prev_archive_url=_archive_url(config, stem, page - 1) if page > 1 else None,
        next_archive_url=newer, title=f"{meta.title} (archive {page})")
    seq_range = ((page - 1) * size + 1, page * size)
    path = config.output_folder / ARCHIVE_FOLDER / f"{stem}-{page}.atom"
    count, generation = plan.pages.get(page, (0, 0))
    signature = f"{plan.fingerprint}|archive|{page}|{count}|{generation}|{'next' if newer else 'last'}"
    return Document(path, "atom", signature, lambda: Rendition(
        "atom", page_meta, tuple(store.entries_by_seq(config.registry, seq_range=seq_range)), now))
