"""Plan the feed documents a pass publishes (main, archives, per outlet, RSS) and render each from the store."""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from feeder import pages
from feeder.atom import FeedMeta, render_atom, render_rss
from feeder.config import Config
from feeder.editorial import tombstones
from feeder.layout import ARCHIVE_FOLDER, ENTRY_FOLDER, STYLESHEET, entry_path, fingerprint
from feeder.records import Entry
from feeder.store import EntryRow, PublishedDocument, Store, decode_entry

if TYPE_CHECKING:
    from feeder.sources import Registry


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
class StoredRendition:
    """A feed document with its entries as the state holds them: what a backfill sends to the process
    that renders it, which decodes them itself (the rows pickle in a tenth of the entries' time)."""

    kind: str
    meta: FeedMeta
    rows: tuple[EntryRow, ...]
    empty_updated: datetime

    def decoded(self, registry: Registry) -> Rendition:
        entries = tuple(decode_entry(row, registry) for row in self.rows)
        return Rendition(self.kind, self.meta, entries, self.empty_updated)


class Renderable(Protocol):
    """A feed or a page as plain data (picklable): its kind for the gate, and its bytes."""

    @property
    def kind(self) -> str: ...

    def render(self) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Document:
    """One file to publish: where it goes, what the state says it must contain, how to render it.

    ``signature`` is computed from the state alone (the entries' count and newest generation,
    the links, the settings), so a pass can tell which published files disagree with the state
    (never written, written from an older state, or changed on disk) without rendering anything.
    """

    path: Path
    kind: str  # "atom", "rss" or "html" (pages, the stylesheet, the list of published paths)
    signature: str
    load: Callable[[], Renderable]
    # A feed's entries left as stored, for rendering in another process (``StoredRendition``).
    stored: Callable[[], StoredRendition] | None = None

    def render(self) -> bytes:
        return self.load().render()


@dataclass(frozen=True, slots=True)
class _Plan:
    """The state's figures that document signatures are made of."""

    fingerprint: str
    pages: dict[int, tuple[int, int]]  # page -> (entries, newest generation)
    top: int
    count: int
    outlets: dict[str, tuple[int, int]]  # outlet -> (entries, newest generation)

    def newest_generation(self) -> int:
        return max((generation for _, generation in self.pages.values()), default=0)

    def main(self, size: int) -> str:
        return f"{self.fingerprint}|main|{self.top}|{self.count}|{self.newest_generation()}|{_full_pages(self, size)}"

    def outlet(self, key: str) -> str:
        count, generation = self.outlets.get(key, (0, 0))
        return f"{self.fingerprint}|outlet|{key}|{count}|{generation}"

    def everything(self, size: int) -> str:
        """For a page that shows every feed (the index, the feeds' pages): any change changes it."""
        return self.main(size) + "|" + ",".join(f"{k}:{c}:{g}" for k, (c, g) in sorted(self.outlets.items()))


Recorded = Callable[[str], PublishedDocument | None]  # what the state says of a written document, by path
Agrees = Callable[[str, str], bool]  # whether the document at this path is on disk as written with this signature


@dataclass(frozen=True, slots=True)
class _Kept:
    """Archive pages left out of a plan because they are on disk as planned (``agrees``): a pass would
    only stat them and pass on; their paths are still listed (``paths``, for the list of published paths)."""

    agrees: Agrees | None
    paths: list[str]

    def skips(self, path: str, signature: str) -> bool:
        if self.agrees is not None and self.agrees(path, signature):
            self.paths.append(path)
            return True
        return False


def documents(config: Config, store: Store, *, now: datetime, recorded: Recorded | None = None,
              agrees: Agrees | None = None) -> Iterator[Document]:
    """Every document the current state calls for, main feed first, the list of them last.

    ``recorded`` tells which archive pages' entries changed since they were written: their entry
    pages are planned again (without it, only those of an archive page missing on disk).
    ``agrees`` (a pass's own check of a document against the state) leaves out the archive pages
    (Atom and HTML) already on disk as planned, the thousands a pass at 100,000 stories would
    make a document of only to find it written; the list of published paths still lists them.
    """
    plan = _Plan(fingerprint(config), store.page_signatures(config.feed.max_entries), *store.seq_extent(),
                 store.outlet_signatures() if config.per_outlet else {})
    kept = _Kept(agrees, [])
    planned: list[str] = kept.paths
    feeds = _feed_documents(config, store, plan, now=now, outlet=None, kept=kept)
    if config.per_outlet:
        feeds = chain(feeds, *(_feed_documents(config, store, plan, now=now, outlet=key)
                               for key in sorted(plan.outlets)))
    for document in chain(feeds, _page_documents(config, store, plan, (recorded, kept))):
        planned.append(os.fspath(document.path))
        yield document
    yield _manifest(config, store, planned, recorded)


def _feed_documents(config: Config, store: Store, plan: _Plan, *, now: datetime, outlet: str | None,
                    kept: _Kept | None = None) -> Iterator[Document]:
    stem = Path(config.feed.filename).stem if outlet is None else outlet
    deleted = tombstones(store, outlet)  # RFC 6721 markers of retracted entries, in the current feed only
    meta = replace(_meta(config, stem, outlet), deleted=deleted)
    pages = _full_pages(plan, config.feed.max_entries) if outlet is None else 0
    signature = plan.main(config.feed.max_entries) if outlet is None else plan.outlet(outlet)
    signature += f"|{len(deleted)}|{deleted[0].when.isoformat()}" if deleted else ""
    if pages:
        meta = replace(meta, prev_archive_url=_archive_url(config, stem, pages))
    size = config.feed.max_entries

    def rows() -> tuple[EntryRow, ...]:
        return tuple(store.entry_rows_by_seq(newest=size, outlet=outlet))

    atom_path = config.output_folder / (config.feed.filename if outlet is None else f"{stem}.atom")
    yield _feed_document(atom_path, "atom", signature, StoredRendition("atom", meta, (), now), rows, config)
    if config.rss:
        rss_meta = replace(meta, self_url=config.feed.base_url + f"{stem}.rss")
        yield _feed_document(atom_path.with_suffix(".rss"), "rss", signature + "|rss",
                             StoredRendition("rss", rss_meta, (), now), rows, config)
    archives = config.output_folder / ARCHIVE_FOLDER
    folder = os.fspath(archives)
    for page in range(1, pages + 1):
        if kept is not None and kept.skips(os.path.join(folder, f"{stem}-{page}.atom"),
                                           _archive_signature(plan, page, pages)):
            continue
        yield _archive(config, store, stem, meta, (page, pages), plan, now, archives)


def _feed_document(path: Path, kind: str, signature: str, frame: StoredRendition | Callable[[], StoredRendition],
                   rows: Callable[[], tuple[EntryRow, ...]], config: Config) -> Document:
    """A feed document: rendered here from its entries, or elsewhere from its stored rows; ``frame``
    may be made when it is rendered (an archive page is planned at every pass, rendered once)."""
    def stored() -> StoredRendition:
        return replace(frame if isinstance(frame, StoredRendition) else frame(), rows=rows())

    return Document(path, kind, signature, lambda: stored().decoded(config.registry), stored)


def _meta(config: Config, stem: str, outlet: str | None) -> FeedMeta:
    feed = config.feed
    if outlet is None:
        return FeedMeta(config.feed_id, feed.title, feed.author, config.self_url, feed.language,
                        feed.subtitle, feed.home, site_url=feed.base_url)
    name = config.registry.outlets[outlet].name if outlet in config.registry.outlets else outlet
    return FeedMeta(f"{feed.id_base}feed/{outlet}", f"{feed.title}: {name}", feed.author,
                    f"{feed.base_url}{stem}.atom", feed.language,
                    f"Stories first published by {name}", feed.home or f"{feed.base_url}{stem}.html",
                    site_url=feed.base_url)


def _full_pages(plan: _Plan, size: int) -> int:
    """Archive pages are fixed ranges of publication order; a page is full once the order passes it."""
    return plan.top // size if plan.count > size else 0


def _archive_signature(plan: _Plan, page: int, pages: int) -> str:
    count, generation = plan.pages.get(page, (0, 0))
    return f"{plan.fingerprint}|archive|{page}|{count}|{generation}|{'next' if page < pages else 'last'}"


def _archive_url(config: Config, stem: str, page: int) -> str:
    return f"{config.feed.base_url}{ARCHIVE_FOLDER}/{stem}-{page}.atom"


def _archive(config: Config, store: Store, stem: str, meta: FeedMeta, position: tuple[int, int],
             plan: _Plan, now: datetime, folder: Path) -> Document:
    page, pages = position
    size = config.feed.max_entries

    def frame() -> StoredRendition:
        newer = _archive_url(config, stem, page + 1) if page < pages else None
        page_meta = replace(
            meta, feed_id=f"{meta.feed_id}/archive/{page}", self_url=_archive_url(config, stem, page),
            archive=True, current_url=meta.self_url,
            prev_archive_url=_archive_url(config, stem, page - 1) if page > 1 else None,
            next_archive_url=newer, title=f"{meta.title} (archive {page})", deleted=())
        return StoredRendition("atom", page_meta, (), now)

    seq_range = ((page - 1) * size + 1, page * size)
    return _feed_document(folder / f"{stem}-{page}.atom", "atom", _archive_signature(plan, page, pages), frame,
                          lambda: tuple(store.entry_rows_by_seq(seq_range=seq_range)), config)


def _page_documents(config: Config, store: Store, plan: _Plan, state: tuple[Recorded | None, _Kept | None]
                    ) -> Iterator[Document]:
    """The site's pages (index, one per feed and archive page, one per entry), the 404 page, the feeds'
    stylesheet and the pages' style sheet.

    Entry pages of the newest stories follow their edits; those of older stories are written once,
    with the archive page they land on (a backfill's stories go straight there).
    """
    folder, size, feed = config.output_folder, config.feed.max_entries, config.feed
    site = pages.Site(feed.title, feed.language, feed.base_url)
    stem = Path(feed.filename).stem
    count = _full_pages(plan, size)
    every = plan.everything(size)
    archives = tuple(pages.ArchiveRef(n, f"{ARCHIVE_FOLDER}/{stem}-{n}.atom", f"{ARCHIVE_FOLDER}/{stem}-{n}.html")
                     for n in range(1, count + 1))
    outlets = store.outlets() if config.per_outlet else []
    recorded, kept = state

    @cache
    def refs() -> tuple[pages.FeedRef, ...]:
        return tuple(_feed_ref(config, store, key) for key in [None, *outlets])

    @cache
    def newest() -> tuple[Entry, ...]:
        return tuple(store.entries_by_seq(config.registry, newest=size))

    yield Document(folder / pages.INDEX, "html", every, lambda: pages.IndexPage(site, refs(), newest(), archives))
    yield Document(folder / pages.NOT_FOUND, "html", f"{plan.fingerprint}|404",
                   lambda: pages.FixedPage(pages.not_found_page(site)))
    yield Document(folder / STYLESHEET, "html", f"{plan.fingerprint}|css", lambda: pages.FixedPage(pages.stylesheet()))
    yield Document(folder / pages.SITE_CSS, "html", f"{plan.fingerprint}|site-css",
                   lambda: pages.FixedPage(pages.site_css()))
    for index, key in enumerate([None, *outlets]):
        def load(index: int = index, key: str | None = key) -> pages.FeedPage:
            entries = newest() if key is None else tuple(store.entries_by_seq(config.registry, newest=size,
                                                                                outlet=key))
            return pages.FeedPage(site, refs()[index], entries, archives if key is None else ())
        yield Document(folder / f"{stem if key is None else key}.html", "html", every, load)
    written: set[str] = set()
    for entry in newest():
        written.add(entry.id)
        yield _entry_document(config, site, entry, refs, plan.fingerprint)
    base = os.fspath(folder)
    for ref in archives:
        if kept is not None and kept.skips(os.path.join(base, ref.page),
                                           _archive_signature(plan, ref.number, len(archives)) + "|html"):
            continue  # as when it is planned and found written: its stories' pages are not planned again
        yield from _archive_pages(config, store, site, (ref, archives), refs, written, (plan, recorded))


def _archive_pages(config: Config, store: Store, site: pages.Site,
                   position: tuple[pages.ArchiveRef, tuple[pages.ArchiveRef, ...]],
                   refs: Callable[[], tuple[pages.FeedRef, ...]], written: set[str],
                   state: tuple[_Plan, Recorded | None]) -> Iterator[Document]:
    ref, archives = position
    plan, recorded = state
    path, size = config.output_folder / ref.page, config.feed.max_entries
    seq_range = ((ref.number - 1) * size + 1, ref.number * size)

    held: list[tuple[Entry, ...]] = []

    def entries() -> tuple[Entry, ...]:  # read once for the page and the pages of its stories
        if not held:
            held.append(tuple(store.entries_by_seq(config.registry, seq_range=seq_range)))
        return held[0]

    signature = _archive_signature(plan, ref.number, len(archives)) + "|html"
    # Asked before the page is yielded (the pass may write it before resuming here): a page missing,
    # or written when it held other entries (a retraction, a correction), has its stories' pages planned.
    count, generation = plan.pages.get(ref.number, (0, 0))
    known = recorded(str(path)) if recorded is not None else None
    is_new = not path.exists() or (recorded is not None and (
        known is None or f"|archive|{ref.number}|{count}|{generation}|" not in known.signature))
    yield Document(path, "html", signature,
                   lambda: pages.FeedPage(site, refs()[0], entries(), archives, ref.number))
    if not is_new:
        return
    for entry in entries():  # the page is new: so are the pages of the stories on it
        if entry.id not in written:
            written.add(entry.id)
            yield _entry_document(config, site, entry, refs, plan.fingerprint)


def _entry_document(config: Config, site: pages.Site, entry: Entry,
                    refs: Callable[[], tuple[pages.FeedRef, ...]], prefix: str) -> Document:
    def load() -> pages.EntryPage:
        return pages.EntryPage(site, entry, refs()[0])

    article = entry.article  # the fields an editor's correction may change, besides updated
    edited = hashlib.blake2b(repr((article.title, article.authors, article.outlet and article.outlet.key,
                                   entry.published)).encode(), digest_size=6).hexdigest()
    signature = f"{prefix}|entry|{entry.updated.isoformat()}|{article.digest}|{len(entry.vias)}|{edited}"
    return Document(config.output_folder / entry_path(entry.id), "html", signature, load)


def _feed_ref(config: Config, store: Store, outlet: str | None) -> pages.FeedRef:
    stem = Path(config.feed.filename).stem if outlet is None else outlet
    meta = _meta(config, stem, outlet)
    return pages.FeedRef(meta.title, meta.subtitle, f"{stem}.atom", f"{stem}.rss" if config.rss else None,
                         f"{stem}.html", store.count_entries(outlet))


def _manifest(config: Config, store: Store, planned: list[str], recorded: Recorded | None) -> Document:
    """The list of everything published, for ``feeder serve``: it serves these paths and nothing else.

    Its first line says what it was built from (the number of entries and the other documents); it
    is recorded with the state's generation too, so any entry written since makes it disagree. It
    is then built from the list written before (when that file is as recorded) and the entries
    written since, instead of from every entry id: the same bytes, without hashing 100,000 ids.
    """
    folder = config.output_folder
    path = folder / pages.MANIFEST
    # entry pages are planned only when they may change: listed from the ids (string work: a
    # relative_to per planned document cost more than the rest of planning them)
    base = os.path.join(os.fspath(folder), "")
    entries = base + ENTRY_PREFIX
    others = [_relative(name, base, folder) for name in planned
              if not name.startswith(entries) or "/" in name[len(entries):]]
    count = store.count_entries()
    head = pages.manifest_head(count, others)
    generation = store.state_generation()
    known = recorded(str(path)) if recorded is not None else None

    def load() -> pages.FixedPage:
        block = _entry_lines_since(store, path, known, count)
        listed = sorted(set(others))
        if block is not None and not any(other.startswith(ENTRY_PREFIX) for other in listed):
            # every entry page sorts after the others below "entries/" and before the rest
            below = [other for other in listed if other < ENTRY_PREFIX]
            above = listed[len(below):]
            return pages.FixedPage(pages.manifest_of_sorted(head, below) + block
                                   + "".join(f"{other}\n" for other in above).encode())
        paths = sorted({entry_path(eid) for eid in store.entry_ids()})
        return pages.FixedPage(pages.manifest_of_sorted(head, listed, paths))

    return Document(path, "html", f"{head.rstrip()}|generation {generation}", load)


ENTRY_PREFIX = ENTRY_FOLDER + "/"


def _relative(path: str, base: str, folder: Path) -> str:
    if path.startswith(base) and os.sep == "/":
        return path[len(base):]
    return Path(path).relative_to(folder).as_posix()


def _entry_lines_since(store: Store, path: Path, known: PublishedDocument | None, count: int) -> bytes | None:
    """Every entry page's line of the list, sorted, as bytes: those the list on disk holds (when it is
    the one the state records, with the generation it was built at) and those of entries written
    since; None when that list cannot be used, or when the two together are not exactly the
    ``count`` entries (an entry was removed since): the caller lists every entry.

    The list is sorted, so its entry pages are one run of lines: it is cut out and merged with the
    few new ones as bytes, not decoded and split into 100,000 strings.
    """
    if known is None or "|generation " not in known.signature:
        return None
    head, _, built = known.signature.rpartition("|generation ")
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read() if (info.st_size, info.st_mtime_ns) == (known.size, known.mtime_ns) else b""
    except OSError:
        return None
    first_end = data.find(b"\n")
    if not built.isdigit() or first_end < 0 or data[:first_end] != head.encode() or not data.endswith(b"\n"):
        return None
    marker = b"\n" + ENTRY_PREFIX.encode()
    start = data.find(marker, first_end)
    if start < 0:
        lines: list[bytes] = []
    else:
        end = data.index(b"\n", data.rfind(marker) + 1) + 1
        run = data[start + 1:end]
        lines = run.split(b"\n")
        lines.pop()  # the run ends with a newline
        if run.count(marker) != len(lines) - 1:  # a line of the run that is not an entry page: not as written
            return None
    added = sorted(page for page in {entry_path(eid).encode() for eid in store.entry_ids(written_after=int(built))}
                   if not _holds(lines, page))
    if len(lines) + len(added) != count:
        return None
    if added:
        lines.extend(added)
        lines.sort()  # two sorted runs: merged in linear time
    return b"\n".join(lines) + b"\n" if lines else b""


def _holds(lines: list[bytes], line: bytes) -> bool:
    """Whether the sorted ``lines`` hold ``line``."""
    at = bisect_left(lines, line)
    return at < len(lines) and lines[at] == line
