"""Plan the feed documents a pass publishes (main, archives, per outlet, RSS) and render each from the store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from feeder.atom import FeedMeta, render_atom, render_rss
from feeder.config import Config
from feeder.editorial import tombstones
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
    """One feed file to publish: where it goes, and how to load what it is rendered from."""

    path: Path
    kind: str  # "atom" or "rss"
    load: Callable[[], Rendition]
    # A full archive page is written once; it is written again only to gain its next-archive
    # link when the next page fills (its entries never change). ``settled`` is that link.
    immutable: bool = False
    settled: bytes | None = None

    def render(self) -> bytes:
        return self.load().render()


def documents(config: Config, store: Store, *, now: datetime) -> Iterator[Document]:
    """Every document the current state calls for, main feed first."""
    yield from _feed_documents(config, store, now=now, outlet=None)
    if config.per_outlet:
        for key in store.outlets():
            yield from _feed_documents(config, store, now=now, outlet=key)


def _feed_documents(config: Config, store: Store, *, now: datetime, outlet: str | None
                    ) -> Iterator[Document]:
    stem = Path(config.feed.filename).stem if outlet is None else outlet
    meta = replace(_meta(config, stem, outlet), deleted=tombstones(store, outlet))  # RFC 6721, current feed only
    pages = _full_pages(store, config.feed.max_entries) if outlet is None else 0
    if pages:
        meta = replace(meta, prev_archive_url=_archive_url(config, stem, pages))
    size = config.feed.max_entries

    def entries() -> tuple[Entry, ...]:
        return tuple(store.entries_by_seq(config.registry, newest=size, outlet=outlet))

    atom_path = config.output_folder / (config.feed.filename if outlet is None else f"{stem}.atom")
    yield Document(atom_path, "atom", lambda: Rendition("atom", meta, entries(), now))
    if config.rss:
        rss_meta = replace(meta, self_url=config.feed.base_url + f"{stem}.rss")
        yield Document(atom_path.with_suffix(".rss"), "rss", lambda: Rendition("rss", rss_meta, entries(), now))
    for page in range(1, pages + 1):
        yield _archive(config, store, stem, meta, (page, pages), now)


def _meta(config: Config, stem: str, outlet: str | None) -> FeedMeta:
    feed = config.feed
    if outlet is None:
        return FeedMeta(config.feed_id, feed.title, feed.author, config.self_url, feed.language,
                        feed.subtitle, feed.home)
    name = config.registry.outlets[outlet].name if outlet in config.registry.outlets else outlet
    return FeedMeta(f"{feed.id_base}feed/{outlet}", f"{feed.title}: {name}", feed.author,
                    f"{feed.base_url}{stem}.atom", feed.language,
                    f"Stories first published by {name}", feed.home)


def _full_pages(store: Store, size: int) -> int:
    """Archive pages are fixed ranges of publication order; a page is full once the order passes it."""
    top, count = store.seq_extent()
    return top // size if count > size else 0


def _archive_url(config: Config, stem: str, page: int) -> str:
    return f"{config.feed.base_url}{ARCHIVE_FOLDER}/{stem}-{page}.atom"


def _archive(config: Config, store: Store, stem: str, meta: FeedMeta, position: tuple[int, int],
             now: datetime) -> Document:
    page, pages = position
    size = config.feed.max_entries
    newer = _archive_url(config, stem, page + 1) if page < pages else None
    page_meta = replace(
        meta, feed_id=f"{meta.feed_id}/archive/{page}", self_url=_archive_url(config, stem, page),
        archive=True, current_url=meta.self_url,
        prev_archive_url=_archive_url(config, stem, page - 1) if page > 1 else None,
        next_archive_url=newer, title=f"{meta.title} (archive {page})", deleted=())
    seq_range = ((page - 1) * size + 1, page * size)
    path = config.output_folder / ARCHIVE_FOLDER / f"{stem}-{page}.atom"
    return Document(path, "atom", lambda: Rendition(
        "atom", page_meta, tuple(store.entries_by_seq(config.registry, seq_range=seq_range)), now),
        # Only the page just before the newest can still lack its next-archive link.
        immutable=True, settled=newer.encode() if newer and page == pages - 1 else None)
