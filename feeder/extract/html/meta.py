"""What a page says about itself in markup: meta tags, JSON-LD, and whether it is the outlet's own page."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from feeder.extract import lazy_re as re
from feeder.extract.html.tree import Head, Tag
from feeder.extract.lines import IsOutlet
from feeder.extract.resolver import letters
from feeder.fold import fold_text
from feeder.records import Clue, DateClue

# schema.org types (JSON-LD "@type") of a page that carries one story or post.
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                           "AnalysisNewsArticle", "WebPage", "OpinionNewsArticle",
                           "DiscussionForumPosting", "SocialMediaPosting"})


def meta_tags(head: Head) -> dict[str, str]:
    """The page's meta tags by lower-case name (the first of each), its canonical URL and its <title>."""
    found: dict[str, str] = {}
    for attrs in head.metas:
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and content.strip():
            found.setdefault(key.lower().strip(), " ".join(content.split()))
    for attrs in head.links:
        href = attrs.get("href")
        if "canonical" in (attrs.get("rel") or "").split() and href is not None:
            found.setdefault("canonical", href.strip())
    if head.title:
        found.setdefault("title", " ".join(head.title.split()))
    return found


def json_ld(head: Head) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (looking inside @graph and lists)."""
    for script in head.json_ld:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if ARTICLE_TYPES.intersection(k for k in kinds if isinstance(k, str)):
                return item
    return {}


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    stack = deque([data])
    while stack:
        item = stack.popleft()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])


def outlet_page_of(meta: Mapping[str, str], ld: Mapping[str, Any], is_outlet: IsOutlet, outlet_url: IsOutlet) -> bool:
    """The page is the outlet's own: its URL is on the outlet's site, or its site name is an outlet's."""
    own = meta.get("og:url") or meta.get("canonical") or str_of(ld.get("url"))
    site = meta.get("og:site_name") or name_of(ld.get("publisher"))
    return bool(own and outlet_url(own)) or bool(site and is_outlet(site))


def ld_dates(meta: Mapping[str, str], ld: Mapping[str, Any]) -> tuple[DateClue, ...]:
    pairs = (("published", str_of(ld.get("datePublished")), "JSON-LD datePublished"),
             ("published", meta.get("article:published_time"), "meta article:published_time"),
             ("updated", str_of(ld.get("dateModified")), "JSON-LD dateModified"),
             ("updated", meta.get("article:modified_time"), "meta article:modified_time"))
    return tuple(DateClue(value, origin, role) for role, value, origin in pairs  # type: ignore[arg-type]
                 if value)


_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/?$")  # lower case: "J.Smith" is a person
_TITLE_SEGMENTS = re.compile(r"\s*(?:[|_·»~–—]|\s-\s|::)\s*")


def names_the_site(name: str, meta: Mapping[str, str]) -> bool:
    """An "author" that is the site itself: its og:site_name, the last segment of its <title>, or a
    domain name ("example.com" is an address, never a person), spelled with or without its spaces ("Eastern Eye"
    for "EasternEye"), alone or as one part of a joined account ("MTI-Hungary Today": an agency's copy posted by
    the site's account)."""
    if not fold_text(name):
        return False
    if _DOMAIN.match(name.strip()):
        return True
    sites = _site_letters(meta)
    return bool(sites) and any(letters(part) in sites for part in (name, *_ACCOUNT_PARTS.split(name)))


def _site_letters(meta: Mapping[str, str]) -> set[str]:
    """The site's name as its og:site_name and the last segment of its <title> spell it, letters only."""
    segments = _TITLE_SEGMENTS.split(meta.get("title", ""))
    return {letters(meta.get("og:site_name", "")), letters(segments[-1]) if len(segments) > 1 else ""} - {""}


def sites_account(authors: Iterable[Clue], meta: Mapping[str, str]) -> Clue | None:
    """The first author field that is the site's own account: a name (not an address) whose letters spell the
    site's whole name ("agri_asia" on "Agri Asia", "EasternEye"). No person wrote the story under it, but the
    site posted it: on a page reposting another's story that account is the page's poster."""
    sites = _site_letters(meta)
    return next((a for a in authors if letters(a.value) in sites and not _DOMAIN.match(a.value.strip())), None)


# The joints of an account's name made of two ("MTI-Hungary Today", "Reuters / Site"); a hyphen inside a person's
# name ("Soto-Acuña") never joins a site's name.
_ACCOUNT_PARTS = re.compile(r"\s*[-–—/|+&]\s*")


def ld_authors(meta: Mapping[str, str], ld: Mapping[str, Any]) -> tuple[Clue, ...]:
    raw = ld.get("author")
    names = [name_of(a) for a in (raw if isinstance(raw, list) else [raw])]
    found = [Clue(n, "JSON-LD author") for n in names if n]
    if not found:
        found = [Clue(meta[key], f"meta {key}") for key in ("author", "article:author", "byl", "dc.creator")
                 if key in meta and not meta[key].startswith("http")][:1]
    return tuple(found)


def name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def str_of(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


# A byline row's element: its class names it ("byline", "article-byline", "author-info").
_BYLINE_ROW_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|by-line|author-?info|article-?author)(?:$|[\s_-])", re.I)
# Byline rows looked at: a page prints its own near the headline, the first few are enough.
MAX_BYLINE_ROWS = 5


def writes_for_an_outlet(name: str, tags: list[Tag], is_outlet: IsOutlet) -> bool:
    """The page prints the author its metadata names in a byline row beside an outlet's name ("Por GABRIELA SOTO
    ACUÑA" over "Associated Press"): the story's writer for that outlet, not the account that posted it here."""
    spelled = letters(name)
    if len(spelled) < 4 or is_outlet(name):
        return False
    rows = [t for t in tags if isinstance(classes := t.get("class"), list) and _BYLINE_ROW_CLASS.search(
        " ".join(classes))][:MAX_BYLINE_ROWS]
    return any(spelled in letters(" ".join(parts := list(row.stripped_strings))) and any(
        is_outlet(part) and spelled not in letters(part) and letters(part) not in spelled for part in parts)
        for row in rows)
