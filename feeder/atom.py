"""Render Entries as an Atom document with feedgen (the only module that imports it), and write it atomically.

feedgen 1.0.0 falls short in three ways that this module works around, without forking it:
entry links lose their ``rel`` (a ``via`` link would become a second alternate), ``source()``
writes only a title and a link (no id, no updated), and the feed's ``updated`` defaults to the
clock. Links and sources are therefore written by an entry extension, and ``updated`` is
always set from the newest entry.
"""

from __future__ import annotations

import html
import os
import tempfile
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from feeder import __version__
from feeder.errors import PublishError
from feeder.layout import STYLESHEET, entry_path
from feeder.records import Article, Entry, Stamp, Tombstone
from feeder.sources import clean_url, source_id
from feeder.text import xml_text

if TYPE_CHECKING:  # feedgen is imported by the passes that render a feed, not by a quiet one
    from feedgen.feed import FeedGenerator

ATOM = "http://www.w3.org/2005/Atom"
HISTORY = "http://purl.org/syndication/history/1.0"  # RFC 5005
TOMBSTONES = "http://purl.org/atompub/tombstones/1.0"  # RFC 6721
SUMMARY_CHARS = 280


@dataclass(frozen=True, slots=True)
class FeedMeta:
    """What identifies and describes one feed document."""

    feed_id: str
    title: str
    author: str
    self_url: str
    language: str
    subtitle: str | None = None
    home: str | None = None
    archive: bool = False  # an RFC 5005 archive document (fh:archive)
    current_url: str | None = None  # the subscription feed, from an archive document
    prev_archive_url: str | None = None
    next_archive_url: str | None = None
    deleted: tuple[Tombstone, ...] = ()  # entries withdrawn by the editor (RFC 6721 at:deleted-entry)
    site_url: str | None = None  # where the feeds folder is served (base_url): entry pages, stylesheet


def entry_link(entry: Entry, site_url: str | None) -> str | None:
    """What a reader opens for an entry: the original story, else the republishing page, else its own page."""
    article = entry.article
    via = article.via if article.via in entry.vias else next(iter(entry.vias), None)
    return article.source_url or via or (site_url + entry_path(entry.id) if site_url else None)


def feed_home(meta: FeedMeta) -> str | None:
    """The feed's alternate link: ``[feed] home``, else the site's index page."""
    return meta.home or (meta.site_url + "index.html" if meta.site_url else None)


class _HistoryExtension:
    """RFC 5005 links and fh:archive, which feedgen's link() refuses (it allows five rel values)."""

    def __init__(self) -> None:
        self.meta: FeedMeta | None = None

    def extend_ns(self) -> dict[str, str]:
        spaces = {"fh": HISTORY} if self.meta and self.meta.archive else {}
        return {**spaces, "at": TOMBSTONES} if self.meta and self.meta.deleted else spaces

    def extend_atom(self, feed: Any) -> Any:
        meta = self.meta
        if meta is None:
            return feed
        position = _first_entry_index(feed)
        extra: list[Any] = []
        if meta.archive:
            extra.append(etree.Element(f"{{{HISTORY}}}archive"))
        for rel, href in (("current", meta.current_url), ("prev-archive", meta.prev_archive_url),
                          ("next-archive", meta.next_archive_url)):
            if href:
                extra.append(etree.Element("link", {"rel": rel, "type": "application/atom+xml",
                                                    "href": href}))
        for offset, element in enumerate(extra):
            feed.insert(position + offset, element)  # before the entries, where validators look
        for tombstone in meta.deleted:
            feed.append(_tombstone(tombstone))
        return feed

    def extend_rss(self, feed: Any) -> Any:
        return feed


def _tombstone(tombstone: Tombstone) -> Any:
    marker = etree.Element(f"{{{TOMBSTONES}}}deleted-entry",
                           {"ref": tombstone.ref, "when": tombstone.when.isoformat()})
    if tombstone.comment:
        etree.SubElement(marker, f"{{{TOMBSTONES}}}comment").text = xml_text(tombstone.comment)
    return marker


def _first_entry_index(feed: Any) -> int:
    for index, child in enumerate(feed):
        if child.tag in ("entry", f"{{{ATOM}}}entry"):
            return index
    return len(feed)


class _CreditExtension:
    """Writes an entry's links and its complete atom:source, which feedgen cannot."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []
        self.source: dict[str, str] | None = None

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_atom(self, entry: Any) -> Any:
        # feedgen builds elements without a namespace and declares Atom with a literal xmlns
        # attribute on the root; ours follow suit so they serialize as plain Atom elements.
        for attrs in self.links:
            etree.SubElement(entry, "link", attrs)
        if self.source:
            source = etree.SubElement(entry, "source")
            for name in ("id", "title", "updated"):
                etree.SubElement(source, name).text = self.source[name]
            if "link" in self.source:
                etree.SubElement(source, "link",
                                 {"rel": "alternate", "type": "text/html", "href": self.source["link"]})
        return entry

    def extend_rss(self, item: Any) -> Any:
        return item


def render_atom(entries: Sequence[Entry], meta: FeedMeta, *, empty_updated: datetime) -> bytes:
    """The feed document; entries newest first; ``updated`` is the newest entry's (same input, same bytes)."""
    fg = _generator(meta)
    ordered = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    stamps = [e.updated for e in ordered[:1]] + [t.when for t in meta.deleted[:1]]
    fg.updated(max(stamps) if stamps else empty_updated)  # a retraction changes the feed too
    for entry in ordered:
        _add_entry(fg, entry, meta.site_url)
    return _with_stylesheet(bytes(fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)), meta)


def _with_stylesheet(data: bytes, meta: FeedMeta) -> bytes:
    """Add the xml-stylesheet instruction after the declaration, relative so it stays same-origin (XSLT needs it)."""
    if not meta.site_url or not meta.self_url.startswith(meta.site_url):
        return data
    depth = meta.self_url[len(meta.site_url):].count("/")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{"../" * depth}{STYLESHEET}"?>\n'.encode()
    declaration_end = data.index(b"?>") + 3
    return data[:declaration_end] + instruction + data[declaration_end:]


def _generator(meta: FeedMeta) -> FeedGenerator:
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.register_extension("history", _HistoryExtension, None, atom=True, rss=False)
    fg.history.meta = meta
    fg.id(meta.feed_id)
    fg.title(meta.title)
    fg.author({"name": meta.author})
    fg.link(href=meta.self_url, rel="self", type="application/atom+xml")
    if home := feed_home(meta):
        fg.link(href=home, rel="alternate", type="text/html")
    if meta.subtitle:
        fg.subtitle(meta.subtitle)
    fg.language(meta.language)
    fg.generator("feeder", version=__version__)
    return fg


def render_rss(entries: Sequence[Entry], meta: FeedMeta, *, empty_updated: datetime) -> bytes:
    """An RSS 2.0 rendition of the same entries, crediting each outlet with <source> and dc:creator."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.title(meta.title)
    # feedgen's RSS <link> is the last link given, so the self link goes first.
    fg.link(href=meta.self_url, rel="self", type="application/rss+xml")
    fg.link(href=feed_home(meta) or meta.self_url.rsplit("/", 1)[0] + "/", rel="alternate")
    fg.description(meta.subtitle or meta.title)
    fg.language(meta.language)
    fg.generator("feeder", version=__version__)
    ordered = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    fg.lastBuildDate(ordered[0].updated if ordered else empty_updated)
    for entry in ordered:
        _add_item(fg, entry, meta.site_url)
    return bytes(fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def _xml_safe(entry: Entry) -> Entry:
    """The entry as XML can carry it: no character XML 1.0 forbids in its text, only clean links.

    normalize() cleans what it reads from a page; this guards every other way in (the store, the
    API), since lxml refuses such a character with a ValueError and then no feed is written at all.
    """
    a = entry.article
    title, body = xml_text(a.title) or "(untitled)", tuple(xml_text(p) for p in a.body)
    authors = tuple(filter(None, (xml_text(n) for n in a.authors)))
    republisher = xml_text(a.republisher) or None if a.republisher else None
    source_url, via = clean_url(a.source_url), clean_url(a.via)
    vias = tuple(filter(None, map(clean_url, entry.vias)))
    if (title, body, authors, republisher, source_url, via, vias) == (
            a.title, a.body, a.authors, a.republisher, a.source_url, a.via, entry.vias):
        return entry  # what the store and normalize() give: already clean (no copy of the records)
    article = replace(a, title=title, body=body, authors=authors, republisher=republisher,
                      source_url=source_url, via=via)
    return replace(entry, article=article, vias=vias)


def _add_item(fg: FeedGenerator, entry: Entry, site_url: str | None) -> None:
    entry = _xml_safe(entry)
    article = entry.article
    fe = fg.add_entry(order="append")
    fe.guid(entry.id, permalink=False)
    fe.title(article.title)
    if link := entry_link(entry, site_url):
        fe.link(href=link)
    fe.description(content_html(article))
    fe.pubDate(entry.published or entry.updated)
    for name in entry_authors(article):
        fe.dc.dc_creator(name, replace=False)
    if article.outlet and article.outlet.homepage:  # RSS <source> needs a url
        fe.source(url=article.outlet.homepage, title=article.outlet.name)


def _add_entry(fg: FeedGenerator, entry: Entry, site_url: str | None) -> None:
    entry = _xml_safe(entry)
    article = entry.article
    fe = fg.add_entry(order="append")
    fe.register_extension("credit", _CreditExtension, atom=True, rss=False)
    fe.id(entry.id)
    fe.title(article.title)
    fe.updated(entry.updated)
    if entry.published:
        fe.published(entry.published)
    for name in entry_authors(article):
        fe.author({"name": name})
    fe.content(content_html(article), type="html")
    fe.summary(summary_text(article), type="text")
    credit: _CreditExtension = fe.credit
    credit.links = _links(entry, site_url)
    if article.outlet:
        fe.rights(f"© {article.outlet.name}. Republished with attribution.")
        credit.source = {"id": source_id(article.outlet), "title": article.outlet.name,
                         "updated": entry.updated.isoformat()}
        if article.outlet.homepage:  # an outlet credited only by its printed name has none
            credit.source["link"] = article.outlet.homepage


@dataclass(frozen=True, slots=True)
class EntryValues:
    """What rendering an entry writes, by the rule each must pass: text nodes, IRIs, dates (RFC 3339)."""

    texts: tuple[str, ...]
    iris: tuple[str, ...]
    dates: tuple[str, ...]


def entry_values(entry: Entry, site_url: str | None) -> EntryValues:
    """The values ``render_atom`` writes for an entry (after the same cleaning), without building XML."""
    entry = _xml_safe(entry)
    article = entry.article
    texts = [article.title, content_html(article), summary_text(article), *entry_authors(article)]
    iris = [entry.id, *(link["href"] for link in _links(entry, site_url))]
    if article.outlet:
        texts.append(article.outlet.name)
        iris.append(source_id(article.outlet))
        iris.extend(filter(None, [article.outlet.homepage]))
    dates = [entry.updated.isoformat(), *([entry.published.isoformat()] if entry.published else [])]
    return EntryValues(tuple(texts), tuple(iris), tuple(dates))


def entry_authors(article: Article) -> tuple[str, ...]:
    """The story's authors; when no person is known, the outlet, else the republisher."""
    if article.authors:
        return article.authors
    fallback = article.outlet.name if article.outlet else article.republisher
    return (fallback,) if fallback else ()


def _links(entry: Entry, site_url: str | None) -> list[dict[str, str]]:
    """rel=alternate (what readers open), a via per republishing page, related to the entry's own page."""
    article = entry.article
    alternate = entry_link(entry, site_url)
    links = [{"rel": "alternate", "type": "text/html", "href": alternate}] if alternate else []
    for via in dict.fromkeys(entry.vias):
        if via != article.source_url:
            links.append({"rel": "via", "type": "text/html", "href": via})
    own = site_url + entry_path(entry.id) if site_url else None
    if own and own != alternate:
        links.append({"rel": "related", "type": "text/html", "href": own})
    return links


def content_html(article: Article) -> str:
    """The story as escaped paragraphs (full text or excerpt per the outlet's rights) and a visible credit."""
    return "".join([*content_paragraphs(article), f"<p><em>{credit_line(article)}</em></p>"])


def content_paragraphs(article: Article) -> list[str]:
    """The story's paragraphs as escaped HTML: all of them, or the first and a link for an excerpt-only outlet."""
    paragraphs = article.body
    excerpt = article.outlet is not None and article.outlet.rights == "excerpt"
    if excerpt:
        paragraphs = paragraphs[:1]
    parts = [f"<p>{_text(p)}</p>" for p in paragraphs]
    if excerpt and article.source_url:
        parts.append(f'<p><a href="{escape_attribute(article.source_url)}">Read the full story at '
                     f"{_text(article.outlet.name if article.outlet else '')}</a></p>")
    return parts


def credit_line(article: Article) -> str:
    """ "Originally published by China Daily (By Fan Feifei, updated 2020-10-13 16:49 UTC+08:00)." as HTML."""
    if article.outlet is None:
        who = _text(article.republisher or "the republishing site")
        return f"Published by {who}; no original outlet is named on the page."
    outlet = _text(article.outlet.name)
    if article.source_url:
        outlet = f'<a href="{escape_attribute(article.source_url)}">{outlet}</a>'
    details = []
    if article.authors:
        details.append("By " + _text(_join(article.authors)))
    if article.published:
        details.append(f"published {human_date(article.published)}")
    if article.updated and article.published and article.updated.value != article.published.value:
        details.append(f"updated {human_date(article.updated)}")
    if article.republisher:
        details.append(f"republished by {_text(article.republisher)}")
    tail = f" ({'; '.join(details)})" if details else ""
    return f"Originally published by {outlet}{tail}."


# Most text has nothing to escape: three ``in`` tests cost a twentieth of ``html.escape``'s replacements,
# which every paragraph of every entry goes through several times per pass. Same result either way.
def escape_text(value: str) -> str:
    """``html.escape(value, quote=False)``."""
    if "&" in value or "<" in value or ">" in value:
        return html.escape(value, quote=False)
    return value


_text = escape_text  # text for an HTML text node (quotes stay readable)


def escape_attribute(value: str) -> str:
    """``html.escape(value, quote=True)``."""
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value, quote=True)
    return value


def human_date(stamp: Stamp) -> str:
    value = stamp.value
    if stamp.day_only:
        return value.strftime("%Y-%m-%d")
    offset = value.strftime("%z")
    return f"{value.strftime('%Y-%m-%d %H:%M')} UTC{offset[:3]}:{offset[3:]}"


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def summary_text(article: Article) -> str:
    first = article.body[0]
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


_swept: set[Path] = set()  # folders this process has cleared of killed writers' temporary files
_sweeping = threading.Lock()  # pages are written by several threads: none may start a temp file mid-sweep


def write_atomic(path: Path, data: bytes, *, sync_folder: bool = True, sync: bool = True) -> bool:
    """Replace path with data via a fsynced temporary file and a rename; False when already identical.

    With ``sync_folder=False`` the caller makes the rename durable itself, once for many files
    (``sync_filesystem``) before it commits the state that says they are published; with
    ``sync=False`` the file's data too (``sync_filesystem``). A rename is atomic either way, so
    a reader (or a pass after a kill) sees the old file or the new one, never a part.
    """
    try:
        if _holds(path, data):
            return False
        fd, tmp = _temporary(path)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if sync:
                    os.fsync(handle.fileno())
                os.fchmod(handle.fileno(), 0o644)
            os.replace(tmp, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
        if sync_folder and sync:
            _fsync_dir(path.parent)
    except OSError as exc:
        raise PublishError(path, exc.strerror or str(exc)) from exc
    return True


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at path holds exactly data (False when there is none: no ``stat`` first)."""
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def _temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside path (its folder made when missing): a descriptor and its name.

    The folder is made only when the file cannot be created (a pass writes thousands of pages
    into folders that exist: no ``mkdir`` for each).
    """
    _sweep(path.parent)
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def _sweep(folder: Path) -> None:
    """Remove temporary files left by a writer that was killed, once per folder (a listing per write is O(n²))."""
    with _sweeping:
        if folder not in _swept:
            _remove_temporaries(folder)
            _swept.add(folder)


def sweep_temporaries(folders: Sequence[Path], *, left: bool) -> None:
    """Before a pass writes into ``folders``: remove the temporary files a killed writer ``left`` there,
    or (none left: the caller knows every earlier writer ended) note them as swept without listing
    them (a folder of 100,000 entry pages takes a tenth of a second to list)."""
    with _sweeping:
        for folder in folders:
            if left:
                _remove_temporaries(folder)
            _swept.add(folder)


def _remove_temporaries(folder: Path) -> None:
    try:
        with os.scandir(folder) as listing:
            stale = [entry.path for entry in listing  # the names ``glob(".*.tmp")`` matches
                     if entry.name[0] == "." and entry.name.endswith(".tmp") and len(entry.name) > 4]
    except FileNotFoundError:
        return
    for path in stale:
        with suppress(FileNotFoundError):
            os.unlink(path)  # only one feeder holds the folder's lock


def sync_filesystem(folder: Path) -> None:
    """Make every write to the file system holding folder durable: one ``syncfs`` for thousands of
    pages instead of a fsync each (the kernel flushes them together either way); ``sync`` where
    there is no syncfs."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise PublishError(folder, exc.strerror or str(exc)) from exc
    try:
        syncfs = _load_syncfs()
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


@cache
def _load_syncfs() -> Any:
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None



def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def previous_entries(path: Path) -> dict[str, str]:
    """Entry id -> updated text of the feed published at path (empty when there is none yet)."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return {}
    found = {}
    for entry in root.iterfind(f"{{{ATOM}}}entry"):
        eid, updated = entry.findtext(f"{{{ATOM}}}id"), entry.findtext(f"{{{ATOM}}}updated")
        if eid and updated:
            found[eid] = updated
    return found
