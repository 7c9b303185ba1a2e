"""What a page says about itself in markup: meta tags, JSON-LD, and whether it is the outlet's own page."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from feeder.extract.html.tree import BeautifulSoup, elements
from feeder.extract.lines import IsOutlet
from feeder.fold import fold_text
from feeder.records import Clue, DateClue

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                           "AnalysisNewsArticle", "WebPage", "OpinionNewsArticle",
                           "DiscussionForumPosting", "SocialMediaPosting"})


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    tags = elements(soup)
    for tag in (t for t in tags if t.name == "meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.lower().strip(), " ".join(content.split()))
    for tag in (t for t in tags if t.name == "link" and t.has_attr("rel")):
        href = tag.get("href")
        if "canonical" in (tag.get("rel") or []) and isinstance(href, str):
            found.setdefault("canonical", href.strip())
    if soup.title and soup.title.string:
        found.setdefault("title", " ".join(soup.title.string.split()))
    return found


def json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (looking inside @graph and lists)."""
    for script in (t for t in elements(soup) if t.name == "script" and t.get("type") == "application/ld+json"):
        try:
            data = json.loads(script.string or "")
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
    domain name ("example.com" is an address, never a person)."""
    folded = fold_text(name)
    if not folded:
        return False
    if _DOMAIN.match(name.strip()):
        return True
    if fold_text(meta.get("og:site_name", "")) == folded:
        return True
    segments = _TITLE_SEGMENTS.split(meta.get("title", ""))
    return len(segments) > 1 and fold_text(segments[-1]) == folded


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
