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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator
from lxml import etree

from feeder import __version__
from feeder.errors import PublishError
from feeder.records import Article, Entry, Stamp
from feeder.sources import clean_url, source_id
from feeder.text import xml_text

ATOM = "http://www.w3.org/2005/Atom"
HISTORY = "http://purl.org/syndication/history/1.0"  # RFC 5005
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


class _HistoryExtension:
    """RFC 5005 links and fh:archive, which feedgen's link() refuses (it allows five rel values)."""

    def __init__(self) -> None:
        self.meta: FeedMeta | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"fh": HISTORY} if self.meta and self.meta.archive else {}

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
        return feed

    def extend_rss(self, feed: Any) -> Any:
        return feed


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
    fg.updated(ordered[0].updated if ordered else empty_updated)
    for entry in ordered:
        _add_entry(fg, entry)
    return bytes(fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def _generator(meta: FeedMeta) -> FeedGenerator:
    fg = FeedGenerator()
    fg.register_extension("history", _HistoryExtension, None, atom=True, rss=False)
    fg.history.meta = meta
    fg.id(meta.feed_id)
    fg.title(meta.title)
    fg.author({"name": meta.author})
    fg.link(href=meta.self_url, rel="self", type="application/atom+xml")
    if meta.home:
        fg.link(href=meta.home, rel="alternate", type="text/html")
    if meta.subtitle:
        fg.subtitle(meta.subtitle)
    fg.language(meta.language)
    fg.generator("feeder", version=__version__)
    return fg


def render_rss(entries: Sequence[Entry], meta: FeedMeta, *, empty_updated: datetime) -> bytes:
    """An RSS 2.0 rendition of the same entries, crediting each outlet with <source> and dc:creator."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.title(meta.title)
    fg.link(href=meta.home or meta.self_url.rsplit("/", 1)[0] + "/", rel="alternate")
    fg.link(href=meta.self_url, rel="self", type="application/rss+xml")
    fg.description(meta.subtitle or meta.title)
    fg.language(meta.language)
    fg.generator("feeder", version=__version__)
    ordered = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    fg.lastBuildDate(ordered[0].updated if ordered else empty_updated)
    for entry in ordered:
        _add_item(fg, entry)
    return bytes(fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def _xml_safe(entry: Entry) -> Entry:
    """The entry as XML can carry it: no character XML 1.0 forbids in its text, only clean links.

    normalize() cleans what it reads from a page; this guards every other way in (the store, the
    API), since lxml refuses such a character with a ValueError and then no feed is written at all.
    """
    a = entry.article
    article = replace(
        a, title=xml_text(a.title) or "(untitled)", body=tuple(xml_text(p) for p in a.body),
        authors=tuple(filter(None, (xml_text(n) for n in a.authors))),
        republisher=xml_text(a.republisher) or None if a.republisher else None,
        source_url=clean_url(a.source_url), via=clean_url(a.via))
    return replace(entry, article=article, vias=tuple(filter(None, map(clean_url, entry.vias))))


def _add_item(fg: FeedGenerator, entry: Entry) -> None:
    entry = _xml_safe(entry)
    article = entry.article
    fe = fg.add_entry(order="append")
    fe.guid(entry.id, permalink=False)
    fe.title(article.title)
    link = article.source_url or next(iter(entry.vias), None)
    if link:
        fe.link(href=link)
    fe.description(content_html(article))
    fe.pubDate(entry.published or entry.updated)
    for name in entry_authors(article):
        fe.dc.dc_creator(name, replace=False)
    if article.outlet and article.outlet.homepage:  # RSS <source> needs a url
        fe.source(url=article.outlet.homepage, title=article.outlet.name)


def _add_entry(fg: FeedGenerator, entry: Entry) -> None:
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
    credit.links = _links(article, entry.vias)
    if article.outlet:
        fe.rights(f"© {article.outlet.name}. Republished with attribution.")
        credit.source = {"id": source_id(article.outlet), "title": article.outlet.name,
                         "updated": entry.updated.isoformat()}
        if article.outlet.homepage:  # an outlet credited only by its printed name has none
            credit.source["link"] = article.outlet.homepage


def entry_authors(article: Article) -> tuple[str, ...]:
    """The story's authors; when no person is known, the outlet, else the republisher."""
    if article.authors:
        return article.authors
    fallback = article.outlet.name if article.outlet else article.republisher
    return (fallback,) if fallback else ()


def _links(article: Article, vias: Sequence[str]) -> list[dict[str, str]]:
    links = []
    if article.source_url:
        links.append({"rel": "alternate", "type": "text/html", "href": article.source_url})
    for via in dict.fromkeys(vias):
        if via != article.source_url:
            links.append({"rel": "via", "type": "text/html", "href": via})
    return links


def content_html(article: Article) -> str:
    """The story as escaped paragraphs (full text or excerpt per the outlet's rights) and a visible credit."""
    paragraphs = article.body
    excerpt = article.outlet is not None and article.outlet.rights == "excerpt"
    if excerpt:
        paragraphs = paragraphs[:1]
    parts = [f"<p>{_text(p)}</p>" for p in paragraphs]
    if excerpt and article.source_url:
        parts.append(f'<p><a href="{html.escape(article.source_url)}">Read the full story at '
                     f"{_text(article.outlet.name if article.outlet else '')}</a></p>")
    parts.append(f"<p><em>{credit_line(article)}</em></p>")
    return "".join(parts)


def credit_line(article: Article) -> str:
    """ "Originally published by China Daily (By Fan Feifei, updated 2020-10-13 16:49 UTC+08:00)." as HTML."""
    if article.outlet is None:
        who = _text(article.republisher or "the republishing site")
        return f"Published by {who}; no original outlet is named on the page."
    outlet = _text(article.outlet.name)
    if article.source_url:
        outlet = f'<a href="{html.escape(article.source_url)}">{outlet}</a>'
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


def _text(value: str) -> str:
    """Escape text for an HTML text node (quotes stay readable)."""
    return html.escape(value, quote=False)


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


def write_atomic(path: Path, data: bytes) -> bool:
    """Replace path with data via a fsynced temporary file and a rename; False when already identical."""
    try:
        if path.exists() and path.read_bytes() == data:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise PublishError(path, exc.strerror or str(exc)) from exc
    return True


def clean_temporaries(folder: Path) -> None:
    """Remove the temporary files of writers that were killed (one feeder holds the folder's lock)."""
    try:
        for stale in folder.glob(".*.tmp"):
            stale.unlink(missing_ok=True)
    except OSError as exc:
        raise PublishError(folder, exc.strerror or str(exc)) from exc


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
