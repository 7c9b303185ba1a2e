"""Frozen records that flow one way between the stages: file -> RawArticle -> Page -> Article -> feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

Rights = Literal["full", "excerpt"]
Kind = Literal["text", "html"]
DateRole = Literal["published", "updated", "stamp"]


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet that stories are credited to, as the source registry knows it."""

    key: str  # slug used in file names and ids, e.g. "china-daily"
    name: str  # canonical display name, e.g. "China Daily"
    homepage: str | None  # None for an outlet credited only by its printed name
    zone: str  # IANA zone its unzoned times are printed in
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    rights: Rights = "full"
    feed_id: str | None = None  # atom:source id; the homepage when unset
    agency: bool = False  # a wire service whose name in a byline is not a person
    codes: tuple[str, ...] = ()  # abbreviations that name it only when printed exactly, e.g. "AA"
    country: str | None = None  # ISO 3166-1 alpha-2 code of its home, e.g. "JP"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input file, read and decoded, not yet understood."""

    path: Path
    kind: Kind
    text: str
    encoding: str
    digest: str  # sha256 of the file's bytes
    size: int


@dataclass(frozen=True, slots=True)
class Clue:
    """A string found on the page and where it was found (for provenance)."""

    value: str
    origin: str
    at: int | None = None  # the block (a dump's line, a page's block) it stands in, when the reader says


@dataclass(frozen=True, slots=True)
class DateClue:
    """A printed timestamp with the role the page gives it."""

    value: str
    origin: str
    role: DateRole


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says, as strings, before normalization: the output of extraction."""

    title: Clue | None
    body: tuple[str, ...]
    outlets: tuple[Clue, ...] = ()  # candidate outlet names, strongest first
    bylines: tuple[Clue, ...] = ()  # raw author strings of the original story
    dates: tuple[DateClue, ...] = ()  # the outlet's own stamps
    republisher: Clue | None = None
    republished: Clue | None = None
    source_url: Clue | None = None
    via: Clue | None = None
    links: tuple[str, ...] = ()  # absolute http(s) links seen on the page, for outlet matching
    site: str | None = None  # the republishing site's name (title suffix, og:site_name) for learning
    page_zone: str | None = None  # a zone the page states for its own times ("All times are UTC+09:00")
    body_origin: str = ""  # where the story's span starts and ends, and why (extract/span.py)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A normalized timestamp: aware datetime, how it was read, and whether its zone was stated."""

    value: datetime
    origin: str
    zone_stated: bool
    day_only: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A story ready to publish: normalized names, aware dates, canonical outlet."""

    path: str
    digest: str
    title: str
    body: tuple[str, ...]
    outlet: Outlet | None
    source_url: str | None
    authors: tuple[str, ...]
    republisher: str | None
    published: Stamp | None
    updated: Stamp | None
    republished: Stamp | None
    via: str | None
    story_key: str  # identity of the story, independent of file name and republishing site
    provenance: tuple[tuple[str, str], ...] = field(default=())
    site: str | None = None  # key of the republishing site, for learned boilerplate


@dataclass(frozen=True, slots=True)
class Entry:
    """An Article as the feed publishes it: its permanent id, its dates, every page that carried it."""

    id: str
    article: Article
    updated: datetime
    published: datetime | None
    vias: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file that was not published, and why; the file itself is left in place."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Tombstone:
    """An entry the editor withdrew (RFC 6721 at:deleted-entry): its id, when, and why."""

    ref: str
    when: datetime
    comment: str | None = None
    outlet: str | None = None  # the outlet key whose feed also carries the marker


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one pass did."""

    new: int
    updated: int
    unchanged: int
    rejected: tuple[Rejection, ...]
    feeds: tuple[str, ...]
    entries: int
    refused: tuple[str, ...] = ()  # documents the publishing gate kept back, with why
    merged: int = 0  # files whose story was already published from another file (one entry, another via)
    held: tuple[Rejection, ...] = ()  # readable stories the editor or the outlet rule keeps out of the feeds
