"""Render the site's static pages (index, feed pages, entry pages, 404, feed stylesheet) from records, as bytes.

Pages are plain HTML sharing one style sheet file (``site.css``, the only thing a page loads): no
script, no request to anywhere else, text from articles always escaped (the same helpers as the
feed's content), links between pages relative, so the folder works behind ``feeder serve``, nginx,
caddy or an object store alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from feeder.atom import content_paragraphs, credit_line, escape_attribute, escape_text
from feeder.layout import ENTRY_FOLDER, STYLESHEET, entry_path
from feeder.records import Entry

INDEX = "index.html"
NOT_FOUND = "404.html"
MANIFEST = ".published"  # every path feeder published, one a line: what `feeder serve` may serve
# One file for every page instead of a copy inline in each: an entry page (one per story) stays
# a kilobyte smaller, so most fit the 4 KiB page a file costs the disk, and browsers cache it.
SITE_CSS = "site.css"
INDEX_ENTRIES = 20
# Enforced by the browser even behind a server that sends no headers: nothing loads but the
# site's own style sheet, nothing runs.
POLICY = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True, slots=True)
class Site:
    """What every page shows: the site's name and language; base_url only for the copyable feed URLs."""

    name: str
    language: str
    base_url: str


@dataclass(frozen=True, slots=True)
class FeedRef:
    """A published feed as pages link to it: paths relative to the feeds folder."""

    title: str
    subtitle: str | None
    atom: str  # "feed.atom", "china-daily.atom"
    rss: str | None
    page: str  # its HTML page: "feed.html"
    entries: int


@dataclass(frozen=True, slots=True)
class ArchiveRef:
    """One RFC 5005 archive page: its number and both renditions."""

    number: int
    atom: str  # "archive/feed-3.atom"
    page: str  # "archive/feed-3.html"


# --- renditions: plain data that any process turns into bytes -----------------------------------


@dataclass(frozen=True, slots=True)
class IndexPage:
    """feeds/index.html: every feed, the newest entries of the main one, the archive pages in order."""

    site: Site
    feeds: tuple[FeedRef, ...]
    entries: tuple[Entry, ...]
    archives: tuple[ArchiveRef, ...]
    kind: str = "html"

    def render(self) -> bytes:
        return index_page(self.site, self.feeds, self.entries, self.archives)


@dataclass(frozen=True, slots=True)
class FeedPage:
    """One feed's page, or one archive page of it, with its entries and the links to the other pages."""

    site: Site
    feed: FeedRef
    entries: tuple[Entry, ...]
    archives: tuple[ArchiveRef, ...]
    archive: int | None = None  # which archive page this is; None for the feed's own page
    kind: str = "html"

    def render(self) -> bytes:
        return feed_page(self.site, self.feed, self.entries, self.archives, self.archive)


@dataclass(frozen=True, slots=True)
class EntryPage:
    """The permanent page of one entry."""

    site: Site
    entry: Entry
    feed: FeedRef
    kind: str = "html"

    def render(self) -> bytes:
        return entry_page(self.site, self.entry, self.feed)


@dataclass(frozen=True, slots=True)
class FixedPage:
    """A document whose bytes are known when planned: the 404 page, the stylesheet, the manifest."""

    data: bytes
    kind: str = "html"

    def render(self) -> bytes:
        return self.data


# --- pages ---------------------------------------------------------------------------------------


def index_page(site: Site, feeds: Sequence[FeedRef], entries: Sequence[Entry],
               archives: Sequence[ArchiveRef]) -> bytes:
    parts = [f"<h1>{_e(site.name)}</h1>"]
    if feeds and feeds[0].subtitle:
        parts.append(f'<p class="lede">{_e(feeds[0].subtitle)}</p>')
    if not feeds:
        parts.append("<p>No feeds are published yet: add articles to the inbox and run <code>feeder build</code>.</p>")
    parts.append('<section aria-labelledby="feeds"><h2 id="feeds">Feeds</h2><ul class="feeds">')
    parts.extend(_feed_item(feed) for feed in feeds)
    parts.append("</ul></section>")
    if entries:
        parts.append(f'<section aria-labelledby="latest"><h2 id="latest">Latest stories</h2>'
                     f'{"".join(_entry_summary(e, "") for e in entries[:INDEX_ENTRIES])}'
                     f'<p><a href="{_a(feeds[0].page)}">All {feeds[0].entries} stories of '
                     f"{_e(feeds[0].title)}</a></p></section>")
    parts.append(_older(archives, ""))
    alternates = [_alternate(f, f.atom) for f in feeds] + [_alternate(f, f.rss, "rss") for f in feeds if f.rss]
    return _document(site, site.name, "".join(parts), prefix="", alternates=alternates)


def _feed_item(feed: FeedRef) -> str:
    rss = f' · <a href="{_a(feed.rss)}" type="application/rss+xml">RSS</a>' if feed.rss else ""
    count = f"{feed.entries} {'story' if feed.entries == 1 else 'stories'}"
    return (f'<li><a class="title" href="{_a(feed.page)}">{_e(feed.title)}</a> <span class="meta">{count}</span><br>'
            f'<a class="subscribe" href="{_a(feed.atom)}" type="application/atom+xml">Subscribe (Atom)</a>{rss}</li>')


def _older(archives: Sequence[ArchiveRef], prefix: str) -> str:
    if not archives:
        return ""
    items = "".join(f'<li><a href="{_a(prefix + a.page)}">Archive page {a.number}</a></li>'
                    for a in sorted(archives, key=lambda a: a.number, reverse=True))
    return f'<nav aria-labelledby="older"><h2 id="older">Older entries</h2><ol class="archives">{items}</ol></nav>'


def feed_page(site: Site, feed: FeedRef, entries: Sequence[Entry], archives: Sequence[ArchiveRef],
              archive: int | None) -> bytes:
    prefix = "../" if archive is not None else ""
    title = feed.title if archive is None else f"{feed.title}: archive page {archive}"
    atom = feed.atom if archive is None else next(a.atom for a in archives if a.number == archive)
    parts = [f"<h1>{_e(title)}</h1>"]
    if feed.subtitle and archive is None:
        parts.append(f'<p class="lede">{_e(feed.subtitle)}</p>')
    parts.append(_subscribe(site, feed))
    parts.extend(_entry_summary(e, prefix) for e in entries)
    if not entries:
        parts.append("<p>No stories yet.</p>")
    if archive is None:
        parts.append(_older(archives, prefix))
    else:
        parts.append(_archive_nav(feed, archives, archive))
    return _document(site, title, "".join(parts), prefix=prefix, alternates=(_alternate(feed, atom),))


def _archive_nav(feed: FeedRef, archives: Sequence[ArchiveRef], number: int) -> str:
    pages = {a.number: a for a in archives}
    links = [f'<a href="../{_a(feed.page)}">Current stories</a>']
    if number + 1 in pages:
        links.append(f'<a rel="next" href="../{_a(pages[number + 1].page)}">Newer: archive page {number + 1}</a>')
    if number - 1 in pages:
        links.append(f'<a rel="prev" href="../{_a(pages[number - 1].page)}">Older: archive page {number - 1}</a>')
    return f'<nav class="pager">{" · ".join(links)}</nav>'


def _subscribe(site: Site, feed: FeedRef) -> str:
    url = site.base_url + feed.atom
    return (f'<p class="subscribe-box">To follow these stories, copy this URL into your feed reader: '
            f'<a href="{_a(url)}" type="application/atom+xml"><code>{_e(url)}</code></a></p>')


def _entry_summary(entry: Entry, prefix: str) -> str:
    article = entry.article
    first = article.body[0] if article.body else ""
    return (f'<article><h2><a href="{_a(prefix + entry_path(entry.id))}">{_e(article.title)}</a></h2>'
            f'<p class="credit">{credit_line(article)}</p><p>{_e(_shorten(first))}</p></article>')


def _shorten(text: str, limit: int = 320) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def entry_page(site: Site, entry: Entry, feed: FeedRef) -> bytes:
    article = entry.article
    parts = [f"<article><h1>{_e(article.title)}</h1>", f'<p class="credit">{credit_line(article)}</p>']
    parts.extend(content_paragraphs(article))
    parts.append("</article>")
    links = []
    if article.source_url:
        outlet = article.outlet.name if article.outlet else "the original outlet"
        links.append(f'<li>Original story at {_e(outlet)}: <a href="{_a(article.source_url)}">'
                     f"{_e(article.source_url)}</a></li>")
    links.extend(f'<li>Republished at <a href="{_a(via)}">{_e(via)}</a></li>' for via in entry.vias)
    if links:
        parts.append(f'<section aria-labelledby="links"><h2 id="links">Where this story appeared</h2>'
                     f'<ul class="links">{"".join(links)}</ul></section>')
    parts.append(f'<p class="meta">Entry <code>{_e(entry.id)}</code>, last updated '
                 f"{_e(entry.updated.isoformat())}.</p>")
    parts.append(f'<nav class="pager"><a href="../{_a(feed.page)}">All stories of {_e(feed.title)}</a></nav>')
    return _document(site, article.title, "".join(parts), prefix="../", alternates=(_alternate(feed, feed.atom),))


def not_found_page(site: Site) -> bytes:
    """A page a static server can send with 404; its links are root-relative since any path may show it."""
    body = ("<h1>Page not found</h1><p>There is no page at this address. Stories keep their address once "
            'published; the list of feeds is on the <a href="/index.html">front page</a>.</p>')
    return _document(site, "Page not found", body, prefix="/", alternates=())


def site_css() -> bytes:
    """The style sheet every page links to (readable at 400 px and on a desktop, dark-mode aware)."""
    return CSS.encode()


def stylesheet() -> bytes:
    """The XSLT that makes a feed document readable in a browser ("copy this URL into your reader")."""
    from importlib.resources import files  # here: the style sheet is written once

    return files("feeder").joinpath("assets", STYLESHEET).read_bytes()


def manifest_head(entries: int, others: Sequence[str]) -> str:
    """The list's first line: what it was built from (it is rebuilt when this line changes)."""
    plan = hashlib.sha256("\n".join(sorted(others)).encode()).hexdigest()[:16]
    return f"# feeder: {entries} entries, documents {plan}\n"


def manifest(head: str, paths: Sequence[str]) -> bytes:
    """The list of published documents, sorted, relative to the feeds folder, under its head line."""
    return (head + "".join(f"{p}\n" for p in sorted(set(paths)))).encode()


def manifest_of_sorted(head: str, *runs: Sequence[str]) -> bytes:
    """``manifest`` of paths given as runs, each sorted and without repeats, that no two runs share
    (nor any prefix: an entry page's folder sorts apart from every other path), merged here."""
    return manifest(head, ()) + "".join(f"{p}\n" for p in sorted(chain(*runs))).encode()


def read_manifest(data: bytes) -> frozenset[str]:
    return frozenset(line for line in data.decode("utf-8", "replace").splitlines() if line and line[0] != "#")


# --- the frame every page shares -----------------------------------------------------------------


Alternate = tuple[str, str, str]  # (media type, title, path relative to the feeds folder)


def _alternate(feed: FeedRef, path: str, kind: str = "atom") -> Alternate:
    return (f"application/{kind}+xml", feed.title if kind == "atom" else f"{feed.title} (RSS)", path)


def _document(site: Site, title: str, body: str, *, prefix: str, alternates: Sequence[Alternate]) -> bytes:
    """The frame every page shares; ``prefix`` leads from the page's folder back to the feeds folder."""
    discovery = "".join(f'<link rel="alternate" type="{kind}" title="{_a(name)}" href="{_a(prefix + path)}">'
                        for kind, name, path in alternates)
    title_text = title if title == site.name else f"{title} · {site.name}"
    return (f'<!DOCTYPE html>\n<html lang="{_a(site.language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="color-scheme" content="light dark">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            f'<title>{_e(title_text)}</title>{discovery}<link rel="stylesheet" href="{_a(prefix + SITE_CSS)}"></head>'
            f'<body><header><a class="site" href="{_a(prefix + INDEX)}">{_e(site.name)}</a></header>'
            f"<main>{body}</main><footer>Republished with credit to the original outlets.</footer>"
            f"</body></html>\n").encode()


_e = escape_text  # text nodes
_a = escape_attribute  # attribute values


CSS = """\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#5a5a5a;--link:#0b57b5;--rule:#ddd}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e3;--bg:#16181b;--muted:#a9a9a9;--link:#8ab4f8;--rule:#333}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:44rem;padding:1rem;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",
Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--link)}
header{border-bottom:1px solid var(--rule);padding-bottom:.5rem;margin-bottom:1rem}
header .site{font-weight:600;text-decoration:none}
h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .25rem}
article{border-bottom:1px solid var(--rule);padding-bottom:.75rem}
.credit,.meta,footer{color:var(--muted);font-size:.95rem}
.credit a{color:inherit}
.lede{font-size:1.1rem}
.subscribe-box{border:1px solid var(--rule);border-radius:.4rem;padding:.5rem .75rem}
ul.feeds{padding-left:1.2rem}
ul.feeds li{margin:.4rem 0}
code{font-size:.9em}
footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem}
"""


__all__ = ["ENTRY_FOLDER", "INDEX", "MANIFEST", "NOT_FOUND", "SITE_CSS", "ArchiveRef", "EntryPage", "FeedPage",
           "FeedRef", "FixedPage", "IndexPage", "Site", "entry_page", "feed_page", "index_page", "manifest",
           "manifest_head", "not_found_page", "read_manifest", "site_css", "stylesheet"]
