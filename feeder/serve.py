"""Serve the published feeds folder over HTTP: the feed documents for readers, HTML views for people.

Library choice: the standard library (``http.server.ThreadingHTTPServer`` with a
``BaseHTTPRequestHandler``), not a framework. What we serve is a handful of small files and two
server-rendered pages with conditional GET, gzip and a strict path allowlist; every one of those is
a few lines over the request handler, while a framework (and an ASGI/WSGI server to run it) would be
two new dependencies and a second routing and static-file layer that we would have to lock down
anyway. It binds 127.0.0.1 by default: put a reverse proxy (TLS, rate limits) in front when
publishing to the world, since a thread per connection is fine for readers, not for abuse.

What is served, and nothing else (everything else is 404, never an exception):

    /                         index: every feed, its entry count, a subscribe link and its HTML view
    /<name>.atom|.rss|.xml    a published feed document (.xml only when it is an Atom or RSS document)
    /archive/<...>            a feed document under archive/ (RFC 5005 archives)
    /view/<feed path>         one feed's entries rendered as HTML

Paths are checked twice: the decoded path must be plain names (no dot files, no ``..``, no
``%``-left-overs, no backslashes), and the file is opened segment by segment with ``O_NOFOLLOW``
relative to the folder, so symlinks and swapped directories are refused without a race.
Only GET and HEAD are allowed (405 otherwise). Responses carry a strong ETag (a hash of the bytes;
the gzip variant's ends in ``-gzip``), Last-Modified, Cache-Control and ``Vary: Accept-Encoding``.
Parsed feeds are cached by (path, inode, mtime_ns, size), so a rename by ``atom.write_atomic`` is
picked up on the next request. This module only reads the clock through ``http.server``'s Date header.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import hashlib
import html
import logging
import os
import re
import signal
import socket
import socketserver
import stat
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.utils import formatdate, parsedate_to_datetime
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Generic, TypeVar, cast
from urllib.parse import unquote_to_bytes, urlsplit

from lxml import etree

from feeder import __version__

logger = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
DC_NS = "http://purl.org/dc/elements/1.1/"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
MEDIA_TYPES = {"atom": ATOM_TYPE, "rss": RSS_TYPE}
FEED_SUFFIXES = {".atom": "atom", ".rss": "rss", ".xml": None}  # None: whatever the root element says
ARCHIVE_FOLDER = "archive"
VIEW_PREFIX = "view"

SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}")  # no leading dot: no "..", no dotfiles
UNSAFE_NAME = re.compile(r"\.(?:tmp|part|swp|bak)$|~$", re.IGNORECASE)  # editor and writer leftovers
MAX_DEPTH = 8
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
MAX_ARCHIVES_LISTED = 500
CACHED_DOCUMENTS = 128
CACHED_VIEWS = 32
ETAG = re.compile(r'(?:W/)?"[^"]*"')
QVALUE = re.compile(r"0(?:\.\d{0,3})?|1(?:\.0{0,3})?")
LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")

ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "br", "blockquote", "ul", "ol", "li"})
VOID_TAGS = frozenset({"br"})
LINK_SCHEMES = frozenset({"http", "https"})


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    """One entry as shown to people; ``content`` is already sanitized HTML."""

    title: str
    link: str | None
    authors: tuple[str, ...]
    published: datetime | None
    updated: datetime | None
    content: str
    source_name: str | None
    source_link: str | None
    vias: tuple[str, ...]
    rights: str | None


@dataclass(frozen=True)
class FeedView:
    """A parsed Atom or RSS 2.0 document, reduced to what the HTML pages show."""

    kind: str
    title: str
    subtitle: str | None
    language: str | None
    updated: datetime | None
    entries: tuple[EntryView, ...]
    history: tuple[tuple[str, str], ...] = ()  # RFC 5005 (rel, served path): current, prev-/next-archive


@dataclass(frozen=True)
class Resource:
    """Bytes ready to send, both plain and gzipped, with their validators."""

    body: bytes
    gzipped: bytes
    content_type: str
    digest: str
    mtime: float | None

    @property
    def etag(self) -> str:
        return f'"{self.digest}"'

    @property
    def etag_gzip(self) -> str:
        return f'"{self.digest}-gzip"'


@dataclass(frozen=True)
class Document:
    """A published feed file: its bytes as a Resource, and its parse (None when it is not readable XML)."""

    path: str
    resource: Resource
    feed: FeedView | None


def make_resource(body: bytes, content_type: str, mtime: float | None) -> Resource:
    digest = hashlib.sha256(body).hexdigest()[:32]
    return Resource(body, gzip.compress(body, mtime=0), content_type, digest, mtime)


# --- request paths -------------------------------------------------------------------------------


def request_parts(target: str) -> tuple[str, ...] | None:
    """The path segments of a request target, or None when it is anything but plain safe names."""
    path = target.partition("?")[0]
    if not path.startswith("/") or "#" in path:
        return None
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "%" in decoded or "\\" in decoded:
        return None  # double encoding or Windows separators: never a name we publish
    if decoded == "/":
        return ()
    parts = tuple(decoded[1:].split("/"))
    if len(parts) > MAX_DEPTH or not all(_safe_name(p) for p in parts):
        return None
    return parts


def _safe_name(name: str) -> bool:
    return SAFE_NAME.fullmatch(name) is not None and UNSAFE_NAME.search(name) is None


def is_feed_path(parts: tuple[str, ...]) -> bool:
    """A published feed's place: a feed file at the top, or any file under archive/."""
    if len(parts) == 1:
        return Path(parts[0]).suffix.lower() in FEED_SUFFIXES
    return len(parts) > 1 and parts[0] == ARCHIVE_FOLDER


def open_no_follow(root: Path, parts: tuple[str, ...]) -> int | None:
    """A read-only descriptor for root/parts, opened without following any symlink; None if not a file."""
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        for name in parts[:-1]:
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC,
                            dir_fd=folder)
            os.close(folder)
            folder = inner
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


# --- feeds -> views ------------------------------------------------------------------------------


def parse_feed(data: bytes) -> FeedView | None:
    """The Atom or RSS 2.0 document in data, parsed without entities, DTDs or network; None otherwise."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.tag == f"{{{ATOM_NS}}}feed":
        return _atom_feed(root)
    channel = root.find("channel")
    if root.tag == "rss" and channel is not None:
        return _rss_feed(channel)
    return None


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _atom_feed(root: etree._Element) -> FeedView:
    authors = _atom_authors(root)
    return FeedView(kind="atom", title=_atom_text(root.find(_atom("title"))) or "Untitled feed",
                    subtitle=_atom_text(root.find(_atom("subtitle"))),
                    language=root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                    updated=_iso_date(root.findtext(_atom("updated"))),
                    entries=tuple(_atom_entry(e, authors) for e in root.iterfind(_atom("entry"))),
                    history=_history(root))


def _history(root: etree._Element) -> tuple[tuple[str, str], ...]:
    """RFC 5005 links that point at a document this server would serve, as served paths."""
    found = []
    for link in root.iterfind(_atom("link")):
        rel = link.get("rel", "")
        local = _served_path(link.get("href")) if rel in ("current", "prev-archive", "next-archive") else None
        if local:
            found.append((rel, local))
    return tuple(found)


def _served_path(url: str | None) -> str | None:
    """The served path a published URL names (its file, or archive/ and its file), when it is safe."""
    try:
        segments = [s for s in urlsplit(url or "").path.split("/") if s]
    except ValueError:
        return None
    tail = segments[-2:] if len(segments) > 1 and segments[-2] == ARCHIVE_FOLDER else segments[-1:]
    parts = request_parts("/" + "/".join(tail))
    return "/".join(parts) if parts and is_feed_path(parts) else None


def _atom_entry(entry: etree._Element, feed_authors: tuple[str, ...]) -> EntryView:
    source = entry.find(_atom("source"))
    links = entry.findall(_atom("link"))
    alternates = [_safe_url(x.get("href")) for x in links if x.get("rel", "alternate") == "alternate"]
    content = entry.find(_atom("content"))
    if content is None:
        content = entry.find(_atom("summary"))
    return EntryView(
        title=_atom_text(entry.find(_atom("title"))) or "Untitled",
        link=next((a for a in alternates if a), None),
        authors=_atom_authors(entry) or feed_authors,
        published=_iso_date(entry.findtext(_atom("published"))),
        updated=_iso_date(entry.findtext(_atom("updated"))),
        content=_atom_content(content),
        source_name=_atom_text(source.find(_atom("title"))) if source is not None else None,
        source_link=_atom_alternate(source) if source is not None else None,
        vias=tuple(u for x in links if x.get("rel") == "via" and (u := _safe_url(x.get("href")))),
        rights=_atom_text(entry.find(_atom("rights"))),
    )


def _atom_authors(parent: etree._Element) -> tuple[str, ...]:
    names = (a.findtext(_atom("name")) for a in parent.iterfind(_atom("author")))
    return tuple(n.strip() for n in names if n and n.strip())


def _atom_alternate(parent: etree._Element) -> str | None:
    for link in parent.iterfind(_atom("link")):
        if link.get("rel", "alternate") == "alternate" and (url := _safe_url(link.get("href"))):
            return url
    return None


def _atom_text(element: etree._Element | None) -> str | None:
    """A text construct as plain text (markup in html and xhtml titles is dropped)."""
    if element is None:
        return None
    kind = element.get("type", "text")
    text = _inner_text(element)
    if kind == "html":
        text = strip_tags(text)
    text = " ".join(text.split())
    return text or None


def _atom_content(element: etree._Element | None) -> str:
    """Entry content as sanitized HTML, whatever its type."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if element.get("src"):
        url = _safe_url(element.get("src"))
        return f'<p><a href="{html.escape(url)}">Content</a></p>' if url else ""
    if kind == "html":
        return sanitize_html(element.text or "")
    if kind == "xhtml":
        return sanitize_html(_xhtml_markup(element))
    if kind in ("text", "text/plain"):
        return _text_paragraphs(_inner_text(element))
    return '<p class="note">(content of type ' + html.escape(kind) + " not shown)</p>"


def _xhtml_markup(element: etree._Element) -> str:
    """The markup inside an xhtml construct's div, with namespaces dropped, for the sanitizer."""
    found = element.find(f"{{{XHTML_NS}}}div")
    if found is None:
        return html.escape(_inner_text(element))
    div = copy.deepcopy(found)  # a tree of its own, so no namespace is inherited from the feed
    for node in div.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(div)
    inner = (etree.tostring(child, method="html", encoding="unicode", with_tail=True) for child in div)
    return html.escape(div.text or "") + "".join(inner)


def _inner_text(element: etree._Element) -> str:
    return "".join(t for t in element.itertext() if isinstance(t, str))


def _text_paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _rss_feed(channel: etree._Element) -> FeedView:
    return FeedView(kind="rss", title=_plain(channel.findtext("title")) or "Untitled feed",
                    subtitle=_plain(channel.findtext("description")),
                    language=_plain(channel.findtext("language")),
                    updated=_rfc822_date(channel.findtext("lastBuildDate")),
                    entries=tuple(_rss_item(i) for i in channel.iterfind("item")))


def _rss_item(item: etree._Element) -> EntryView:
    authors = [_plain(item.findtext("author")), _plain(item.findtext(f"{{{DC_NS}}}creator"))]
    return EntryView(title=strip_tags(item.findtext("title") or "").strip() or "Untitled",
                     link=_safe_url(item.findtext("link")), authors=tuple(a for a in authors if a),
                     published=_rfc822_date(item.findtext("pubDate")), updated=None,
                     content=sanitize_html(item.findtext("description") or ""), source_name=
                     _plain(item.findtext("source")), source_link=None, vias=(), rights=None)


def _plain(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def _iso_date(text: str | None) -> datetime | None:
    try:
        value = datetime.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return value if value.tzinfo else None


def _rfc822_date(text: str | None) -> datetime | None:
    try:
        value = parsedate_to_datetime((text or "").strip())
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo else None


def _safe_url(url: str | None) -> str | None:
    """url when it is an absolute http(s) URL without whitespace or control characters, else None."""
    url = (url or "").strip()
    if not url or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None


# --- HTML sanitizing -----------------------------------------------------------------------------


class _Sanitizer(HTMLParser):
    """Keeps the allowlisted tags (a only with an http/https href, no other attributes); escapes the rest."""

    def __init__(self, *, text_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.text_only = text_only
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.text_only:
            return
        if tag not in ALLOWED_TAGS:
            self.out.append(html.escape(self.get_starttag_text() or ""))
        elif tag in VOID_TAGS:
            self.out.append(f"<{tag}>")
        else:
            href = _safe_url(dict(attrs).get("href")) if tag == "a" else None
            self.out.append(f'<a href="{html.escape(href)}">' if href else f"<{tag}>")
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_TAGS and tag not in VOID_TAGS and not self.text_only:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.text_only or tag in VOID_TAGS:
            return
        if tag not in ALLOWED_TAGS:
            self.out.append(html.escape(f"</{tag}>"))
        elif tag in self.open:
            while self.open:
                closing = self.open.pop()
                self.out.append(f"</{closing}>")
                if closing == tag:
                    break

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.text_only else html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open.clear()
        return "".join(self.out)


def sanitize_html(markup: str) -> str:
    """Markup reduced to p, em, strong, a[href=http(s)], br, blockquote, ul, ol, li; all else escaped."""
    sanitizer = _Sanitizer()
    sanitizer.feed(markup)
    return sanitizer.result()


def strip_tags(markup: str) -> str:
    """The text of markup, tags dropped (for titles declared as html)."""
    sanitizer = _Sanitizer(text_only=True)
    sanitizer.feed(markup)
    return sanitizer.result()


# --- HTML pages ----------------------------------------------------------------------------------

CSS = """
:root{color-scheme:light dark;--muted:#5f6368;--line:#d9dce1;--accent:#1a5fb4}
@media (prefers-color-scheme:dark){:root{--muted:#a4a9b0;--line:#3a3f45;--accent:#8ab4f8}}
body{font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:46rem;margin:0 auto;
padding:1.5rem 1rem 4rem}
a{color:var(--accent)}a:not([href]){color:inherit}h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0}
h2{font-size:1.25rem;line-height:1.3;margin:0 0 .3rem}
header{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1.5rem}
.meta,.note,nav{color:var(--muted);font-size:.9rem}.pager{margin:.8rem 0}
.subscribe{display:inline-block;border:1px solid var(--accent);border-radius:.35rem;padding:.05rem .55rem;
text-decoration:none;font-weight:600}
article,.feeds li{border-bottom:1px solid var(--line);padding:1rem 0 1.2rem}
.feeds{list-style:none;padding:0}blockquote{border-left:3px solid var(--line);margin-left:0;padding-left:1rem}
.content p:last-child em{color:var(--muted)}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def page_html(*, title: str, lang: str, alternates: list[tuple[str, str, str]], body: str) -> bytes:
    """A complete HTML document; alternates are (media type, title, href) for feed autodiscovery."""
    links = "".join(f'<link rel="alternate" type="{_e(kind)}" title="{_e(name)}" href="{_e(href)}">\n'
                    for kind, name, href in alternates)
    return (f'<!doctype html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n{links}<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"</body>\n</html>\n").encode()


def _feed_href(path: str) -> str:
    return "/" + path


def _view_href(path: str) -> str:
    return f"/{VIEW_PREFIX}/{path}"


def _kind_label(kind: str) -> str:
    return "Atom" if kind == "atom" else "RSS"


def _when(value: datetime) -> str:
    offset = value.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return f'<time datetime="{_e(value.isoformat())}">{value.strftime("%Y-%m-%d %H:%M")} {zone}</time>'


def index_html(documents: list[Document]) -> bytes:
    """Every feed, largest first, its Atom and RSS documents as one item; then the archive pages."""
    archives = [d for d in documents if d.path.startswith(ARCHIVE_FOLDER + "/")]
    groups: dict[str, list[Document]] = {}
    for document in documents:
        if not document.path.startswith(ARCHIVE_FOLDER + "/"):
            groups.setdefault(Path(document.path).stem, []).append(document)
    ordered = sorted((sorted(g, key=_atom_first) for g in groups.values()), key=_largest_first)
    items = "\n".join(_index_item(g) for g in ordered) or (
        '<li class="note">No feeds are published yet: run <code>feeder build</code>.</li>')
    body = (f'<header><h1>Feeds</h1><p class="note">Subscribe in a feed reader with a link below, '
            f"or read a feed here.</p></header>\n<main>\n<ul class=\"feeds\">\n{items}\n</ul>\n")
    if archives:
        listed = "\n".join(_index_item([d]) for d in archives)
        body += f'<h2>Archives</h2>\n<ul class="feeds">\n{listed}\n</ul>\n'
    alternates = [_alternate(d) for g in ordered for d in g if d.feed]
    return page_html(title="Feeds", lang="en", alternates=alternates, body=body + "</main>")


def _atom_first(document: Document) -> tuple[bool, str]:
    return (document.feed is None or document.feed.kind != "atom", document.path)


def _largest_first(group: list[Document]) -> tuple[int, str]:
    return (-max(len(d.feed.entries) if d.feed else -1 for d in group), group[0].path)


def _alternate(document: Document) -> tuple[str, str, str]:
    feed = cast(FeedView, document.feed)
    return MEDIA_TYPES[feed.kind].split(";")[0], feed.title, _feed_href(document.path)


def _subscribe(document: Document) -> str:
    kind = document.feed.kind if document.feed else "atom"
    return (f'<a class="subscribe" href="{_e(_feed_href(document.path))}">Subscribe ({_kind_label(kind)})'
            f"</a> <code>{_e(document.path)}</code>")


def _index_item(group: list[Document]) -> str:
    """One feed: the first readable document's title and counts, a subscribe link per document."""
    main = next((d for d in group if d.feed), None)
    links = " · ".join(_subscribe(d) for d in group)
    if main is None or main.feed is None:
        return f'<li><h2>{_e(group[0].path)}</h2><p class="meta">Not readable as a feed. {links}</p></li>'
    feed, count = main.feed, len(main.feed.entries)
    updated = f" · updated {_when(feed.updated)}" if feed.updated else ""
    subtitle = f"<p>{_e(feed.subtitle)}</p>" if feed.subtitle else ""
    return (f'<li><h2><a href="{_e(_view_href(main.path))}">{_e(feed.title)}</a></h2>{subtitle}'
            f'<p class="meta">{count} {"entry" if count == 1 else "entries"}{updated} · {links}</p></li>')


HISTORY_LABELS = {"current": "Current feed", "prev-archive": "Older entries", "next-archive": "Newer entries"}


def view_html(document: Document) -> bytes:
    feed, path = document.feed, document.path
    nav = f'<nav><a href="/">All feeds</a> · <a href="{_e(_feed_href(path))}">{_e(path)}</a></nav>'
    if feed is None:
        body = f'{nav}<header><h1>{_e(path)}</h1></header><p class="note">This file is not a readable feed.</p>'
        return page_html(title=path, lang="en", alternates=[], body=body)
    subtitle = f"<p>{_e(feed.subtitle)}</p>" if feed.subtitle else ""
    entries = "\n".join(_entry_html(e) for e in feed.entries) or '<p class="note">No entries yet.</p>'
    history = " · ".join(f'<a href="{_e(_view_href(local))}">{HISTORY_LABELS[rel]}</a>'
                         for rel, local in feed.history)
    pager = f'\n<nav class="pager">{history}</nav>' if history else ""
    body = (f'{nav}\n<header><h1>{_e(feed.title)}</h1>{subtitle}<p class="meta">{_subscribe(document)} · '
            f"{len(feed.entries)} entries</p>{pager}</header>\n<main>\n{entries}\n</main>{pager}")
    lang = feed.language if feed.language and LANG.fullmatch(feed.language) else "en"
    return page_html(title=feed.title, lang=lang, alternates=[_alternate(document)], body=body)


def _entry_html(entry: EntryView) -> str:
    title = _e(entry.title)
    heading = f'<a href="{_e(entry.link)}">{title}</a>' if entry.link else title
    meta = []
    if entry.authors:
        meta.append("By " + _e(", ".join(entry.authors)))
    if entry.published:
        meta.append("published " + _when(entry.published))
    if entry.updated and entry.updated != entry.published:
        meta.append("updated " + _when(entry.updated))
    footer = []
    if entry.source_name:
        name = _e(entry.source_name)
        footer.append("Source: " + (f'<a href="{_e(entry.source_link)}">{name}</a>' if entry.source_link
                                    else name))
    footer.extend(f'via <a href="{_e(v)}">{_e(urlsplit(v).netloc)}</a>' for v in entry.vias)
    if entry.rights:
        footer.append(_e(entry.rights))
    tail = f'<p class="meta">{" · ".join(footer)}</p>' if footer else ""
    return (f'<article><h2>{heading}</h2><p class="meta">{" · ".join(meta)}</p>'
            f'<div class="content">{entry.content}</div>{tail}</article>')


# --- the folder ----------------------------------------------------------------------------------

K = TypeVar("K")
V = TypeVar("V")


class _Lru(Generic[K, V]):
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[K, V] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()  # outside the lock: two threads may both build it, with the same result
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


StatKey = tuple[str, int, int, int, int]


class Site:
    """The published folder as resources: resolves request targets, reads and renders (no HTTP here)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.documents: _Lru[StatKey, Document] = _Lru(CACHED_DOCUMENTS)
        self.views: _Lru[StatKey, Resource] = _Lru(CACHED_VIEWS)

    def lookup(self, target: str) -> Resource | None:
        """The resource a request target names, or None (404)."""
        parts = request_parts(target)
        if parts is None:
            return None
        if not parts:
            return self.index()
        if parts[0] == VIEW_PREFIX:
            return self.view(parts[1:])
        document = self.document(parts)
        return document.resource if document else None

    def document(self, parts: tuple[str, ...]) -> Document | None:
        if not parts or not is_feed_path(parts):
            return None
        found = self._load(parts)
        return found[1] if found else None

    def _load(self, parts: tuple[str, ...]) -> tuple[StatKey, Document] | None:
        fd = open_no_follow(self.root, parts)
        if fd is None:
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_size > MAX_DOCUMENT_BYTES:
                logger.warning("not serving %s: larger than %d bytes", "/".join(parts), MAX_DOCUMENT_BYTES)
                return None
            path = "/".join(parts)
            key = (path, info.st_ino, info.st_mtime_ns, info.st_size, info.st_dev)
            document = self.documents.get(key, lambda: _read_document(path, handle.read(), info.st_mtime))
        kind = _kind(parts[-1], document.feed)
        return (key, document) if kind else None

    def view(self, parts: tuple[str, ...]) -> Resource | None:
        found = self._load(parts) if parts and is_feed_path(parts) else None
        if found is None:
            return None
        key, document = found
        return self.views.get(key, lambda: make_resource(view_html(document), HTML_TYPE,
                                                         document.resource.mtime))

    def index(self) -> Resource:
        documents = [d for parts in self._published() if (d := self.document(parts))]
        mtimes = [d.resource.mtime for d in documents if d.resource.mtime is not None]
        with contextlib.suppress(OSError):  # a feed removed changes the folder's time, not a feed's
            mtimes.append(self.root.stat().st_mtime)
        return make_resource(index_html(documents), HTML_TYPE, max(mtimes) if mtimes else None)

    def _published(self) -> Iterator[tuple[str, ...]]:
        """Feed paths in the folder: top-level feed files by name, then archive documents."""
        try:
            names = sorted(e.name for e in os.scandir(self.root) if e.is_file(follow_symlinks=False))
        except OSError:
            return
        yield from ((n,) for n in names if _safe_name(n) and is_feed_path((n,)))
        yield from self._archives()

    def _archives(self) -> Iterator[tuple[str, ...]]:
        listed = 0
        for folder, dirs, files in os.walk(self.root / ARCHIVE_FOLDER):
            relative = Path(folder).relative_to(self.root).parts
            dirs[:] = sorted(d for d in dirs if _safe_name(d)) if len(relative) < MAX_DEPTH - 1 else []
            for name in sorted(f for f in files if _safe_name(f)):
                if listed >= MAX_ARCHIVES_LISTED:
                    return
                listed += 1
                yield (*relative, name)


def _read_document(path: str, data: bytes, mtime: float) -> Document:
    feed = parse_feed(data)
    kind = _kind(path, feed)
    return Document(path, make_resource(data, MEDIA_TYPES.get(kind or "", ATOM_TYPE), mtime), feed)


def _kind(name: str, feed: FeedView | None) -> str | None:
    """atom or rss: from the suffix when it says, else from the document; None when it is no feed."""
    declared = FEED_SUFFIXES.get(Path(name).suffix.lower())
    return declared or (feed.kind if feed else None)


# --- HTTP ----------------------------------------------------------------------------------------


def accepts_gzip(values: list[str]) -> bool:
    """Whether Accept-Encoding header values allow gzip (q-values honoured, ``*`` counts)."""
    weights: dict[str, bool] = {}
    for item in ",".join(values).split(","):
        name, *params = (p.strip() for p in item.split(";"))
        if not name:
            continue
        ok = True
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                ok = QVALUE.fullmatch(value.strip()) is not None and float(value) > 0
        weights[name.lower()] = ok
    for name in ("gzip", "x-gzip", "*"):
        if name in weights:
            return weights[name]
    return False


def not_modified(headers: Message, etag: str, mtime: float | None) -> bool:
    """RFC 9110 conditional GET: If-None-Match (weak comparison) wins; If-Modified-Since only without it."""
    tags = headers.get_all("If-None-Match")
    if tags:
        joined = ",".join(tags)
        if joined.strip() == "*":
            return True
        return any(t.removeprefix("W/") == etag for t in ETAG.findall(joined))
    since = headers.get("If-Modified-Since")
    if not since or mtime is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError, IndexError):
        return False
    if when.tzinfo is None:
        return False
    return int(mtime) <= when.timestamp()


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class _Handler(BaseHTTPRequestHandler):
    """GET and HEAD over a Site; every other method is 405; nothing a client sends makes it raise."""

    server_version = f"feeder/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a kept-alive connection may stay idle

    def version_string(self) -> str:
        return self.server_version  # no Python version in the Server header

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, *, head: bool) -> None:
        server = cast(_Server, self.server)
        if self.headers.get("Content-Length", "0").strip() not in ("", "0") or "Transfer-Encoding" in self.headers:
            self.close_connection = True  # we never read request bodies, so the connection cannot be reused
        try:
            resource = server.site.lookup(self.path)
        except Exception:  # a server must answer: log the bug, send 500, keep serving
            logger.exception("error while serving %s", _printable(self.path))
            self._respond(HTTPStatus.INTERNAL_SERVER_ERROR, [], b"Internal server error\n", head=head)
            return
        if resource is None:
            self._respond(HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain; charset=utf-8")],
                          b"Not found\n", head=head)
            return
        self._send(resource, server.cache_control, head=head)

    def _send(self, resource: Resource, cache_control: str, *, head: bool) -> None:
        gzipped = accepts_gzip(self.headers.get_all("Accept-Encoding") or [])
        body, etag = (resource.gzipped, resource.etag_gzip) if gzipped else (resource.body, resource.etag)
        headers = [("ETag", etag), ("Cache-Control", cache_control), ("Vary", "Accept-Encoding")]
        if resource.mtime is not None:
            headers.append(("Last-Modified", formatdate(resource.mtime, usegmt=True)))
        if not_modified(self.headers, etag, resource.mtime):
            self._respond(HTTPStatus.NOT_MODIFIED, headers, b"", head=True)
            return
        headers.append(("Content-Type", resource.content_type))
        if gzipped:
            headers.append(("Content-Encoding", "gzip"))
        self._respond(HTTPStatus.OK, headers, body, head=head)

    def _respond(self, status: HTTPStatus, headers: list[tuple[str, str]], body: bytes, *, head: bool) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if any(n == "Content-Type" and v == HTML_TYPE for n, v in headers):
            self.send_header("Content-Security-Policy",
                             "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                             "form-action 'none'; frame-ancestors 'none'")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head and body:
            self.wfile.write(body)
        logger.info('%s "%s" %d %d "%s"', self.client_address[0], _printable(self.requestline), status,
                    0 if head else len(body), _printable(self.headers.get("User-Agent", "-")))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by http.server itself (bad request line, unknown method) as short plain text."""
        self.close_connection = True
        if not hasattr(self, "headers"):
            self.headers = Message()
        if code == HTTPStatus.NOT_IMPLEMENTED:  # "Unsupported method": any method but GET and HEAD
            self._respond(HTTPStatus.METHOD_NOT_ALLOWED, [("Allow", "GET, HEAD"),
                          ("Content-Type", "text/plain; charset=utf-8")], b"Method not allowed\n",
                          head=self.command == "HEAD")
            return
        status = HTTPStatus(code)
        self._respond(status, [("Content-Type", "text/plain; charset=utf-8")],
                      f"{status.phrase}\n".encode(), head=self.command == "HEAD")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Requests are logged once, with the body size, by _respond."""

    def log_message(self, format: str, *args: object) -> None:
        logger.info("%s %s", self.client_address[0], _printable(format % args))


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer for IPv4 or IPv6 that carries the Site, without a reverse DNS lookup at bind."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Site, cache_control: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.site = site
        self.cache_control = cache_control
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-response is routine; anything else is logged, not printed."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            logger.debug("%s went away: %s", client_address, error)
        else:
            logger.exception("error while handling a request from %s", client_address)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer.server_bind would also call socket.getfqdn()
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)


class ServerHandle:
    """A listening server: ``serve_forever()`` in one thread, ``shutdown()`` from another (or before)."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self._lock = threading.Lock()
        self._serving = False
        self._closed = False

    @property
    def host(self) -> str:
        return str(self._server.server_address[0])

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        with self._lock:
            if self._closed:
                return
            self._serving = True
        self._server.serve_forever(poll_interval)

    def shutdown(self) -> None:
        """Stop serving and close the socket; idempotent; never call it from a request handler."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            serving = self._serving
        if serving:
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


def make_server(feeds: Path, *, host: str = "127.0.0.1", port: int = 8080,
                cache_control: str = "max-age=300") -> ServerHandle:
    """A server bound to host:port (0 picks a free port) for the feeds folder; OSError if it cannot bind."""
    if any(c in cache_control for c in "\r\n\0"):
        raise ValueError(f"cache_control must be one header line, not {cache_control!r}")
    site = Site(Path(feeds).resolve())
    return ServerHandle(_Server((host, port), site, cache_control))


def serve(feeds: Path, host: str = "127.0.0.1", port: int = 8080, cache_control: str = "max-age=300") -> int:
    """Serve until SIGINT or SIGTERM, logging one line per request to stderr; returns 0. Main thread only."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s")
    handle = make_server(feeds, host=host, port=port, cache_control=cache_control)
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    worker = threading.Thread(target=handle.serve_forever, name="feeder-serve", daemon=True)
    try:
        worker.start()
        logger.info("serving %s at %s (Ctrl-C to stop)", Path(feeds).resolve(), handle.url)
        stop.wait()
        logger.info("stopping")
    finally:
        handle.shutdown()
        worker.join(timeout=10)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
