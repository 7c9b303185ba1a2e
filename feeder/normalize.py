"""Normalization stage: Page + registry -> Article with canonical outlet, clean names and aware dates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from urllib.parse import urlsplit

from feeder.bylines import byline_poster, clean_authors, clean_poster, without_outlet_tail
from feeder.config import DatePolicy
from feeder.dates import CHINA_ZONE, parse_date, stated_offset
from feeder.errors import NotAnArticle
from feeder.extract import vocab
from feeder.extract.credit_lines import BYLINE_OVER_OUTLET
from feeder.extract.dates import find_dates, numeric_order_evidence
from feeder.extract.lines import PRINTED_CREDIT
from feeder.extract.rules import FURNITURE
from feeder.fold import fold_text
from feeder.records import Article, Clue, DateClue, Outlet, Page, RawArticle, Stamp
from feeder.sources import Registry, clean_url, host_of
from feeder.text import display_path, xml_text

_DOMAIN = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)


def normalize(raw: RawArticle, page: Page, registry: Registry, default_zone: str) -> Article:
    """Resolve the outlet, clean the bylines, read the dates; record where each field came from."""
    provenance: list[tuple[str, str]] = [("title", page.title.origin if page.title else "")]
    if page.body_origin:
        provenance.append(("body", page.body_origin))
    outlet = _outlet(page.outlets, registry, provenance)
    if outlet is not None:
        page = _platform_row(page)
    page_zone = stated_offset(page.page_zone) if page.page_zone else None
    if outlet is None:
        page = _own_post(page, registry)  # no outlet named: the page's stamps and bylines are its own
    zone = outlet.zone if outlet else default_zone
    printed = [clue.value for clue in page.dates] + ([page.republished.value] if page.republished else [])
    day_first = numeric_order_evidence(hit for value in printed for hit in find_dates(value))
    published, updated = _original_dates(page.dates, zone, outlet, provenance, day_first)
    authors = _authors(page.bylines, registry, provenance)
    republished = _stamp(page.republished, page_zone or default_zone, False, "republished", provenance, day_first)
    republisher = _republisher(page.republisher, registry, provenance)
    if republisher and (signed := _signed_by_agency(republisher, registry)):
        # "NAME NAME Associated Press" in the poster's place is the story's byline, signed as the wire signs.
        authors = authors or clean_authors(signed, lambda s: registry.named(s) is not None)
        republisher = None
        provenance.append(("republisher", "the poster field holds the story's byline with its agency"))
    if outlet is not None and republisher and authors and any(
            BYLINE_OVER_OUTLET in clue.origin and clue.value.casefold().endswith(authors[0].casefold())
            for clue in page.bylines) and tuple(a.casefold() for a in authors) == (republisher.rstrip(".").casefold(),):
        # The byline printed over the outlet's name ("By A" over "Associated Press") is the story's, signed as the
        # wire signs it: the page's metadata naming the same person names the story's author, not a poster.
        republisher = None
        provenance.append(("republisher", "the page's author is the byline printed over the outlet's name"))
    elif outlet is not None and republisher and tuple(a.casefold() for a in authors) == (
            republisher.rstrip(".").casefold(),):
        # The only person byline is the page's own poster: on a page that credits another outlet,
        # that is who republished the story, not who wrote it.
        authors = ()
        poster = page.republisher.origin if page.republisher else "republisher"
        provenance.append(("authors", f"the only byline names the page's own poster ({poster}), "
                                      f"not the {outlet.name} story's author"))
    title = xml_text(page.title.value) if page.title else ""
    source_url = clean_url(page.source_url.value) if page.source_url and outlet else None
    via = clean_url(page.via.value) if page.via else None
    if source_url and registry.for_url(source_url) not in (None, outlet):
        # An outlet's page carrying another outlet's story: that page republished it.
        source_url, via = None, via or source_url
    return Article(
        path=display_path(raw.path), digest=raw.digest, title=title,
        body=tuple(filter(None, (xml_text(p) for p in page.body))), outlet=outlet,
        source_url=source_url, authors=tuple(filter(None, map(xml_text, authors))),
        republisher=xml_text(republisher) if republisher else None, published=published,
        updated=updated, republished=republished, via=via,
        story_key=story_key(title, outlet, source_url, published, via, republished),
        provenance=tuple(provenance), site=site_key(page),
    )


def _row(origin: str) -> str:
    return origin.split(" part ", 1)[0].split(":", 1)[0]


def _platform_row(page: Page) -> Page:
    """The byline and date of one row above the outlet's own credit row and stamp are the platform's.

    Tie-breaks: the original stamp is the date nearest the outlet's credit; the post date is the one
    nearest the republisher. A "by X · date" row whose date is not the credited stamp is who posted
    the story on this page and when, not the story's author and stamp.
    """
    if page.republisher is not None or page.republished is not None or not page.bylines or not page.dates:
        return page
    row = _row(page.bylines[0].origin)
    credit_rows = {_row(c.origin) for c in page.outlets}
    beside = [d for d in page.dates if _row(d.origin) == row]
    credited = [d for d in page.dates if _row(d.origin) in credit_rows and _row(d.origin) != row]
    if not beside or not credited or row in credit_rows:
        return page
    post = beside[0]
    when, stamp = parse_date(post.value, "UTC"), parse_date(credited[0].value, "UTC")
    if when is None or stamp is None or when.value.date() == stamp.value.date():
        return page  # the same day: the story's own byline and stamp, printed twice
    return replace(page, bylines=page.bylines[1:], dates=tuple(d for d in page.dates if d is not post),
                   republisher=Clue(page.bylines[0].value, f"{page.bylines[0].origin}; the post's row "
                                    "(its date is not the credited stamp)"),
                   republished=Clue(post.value, f"{post.origin}; the post's row"))


def _own_post(page: Page, registry: Registry) -> Page:
    """A page that credits no outlet republishes nothing: its byline is the site's, its date its post date.

    No credit is invented, so the story has no original authors or original stamps.
    """
    byline = page.bylines[0] if page.bylines else None
    # (A byline of several names is cleaned to its people here: "Name, Residents Council" names no poster.)
    republisher = page.republisher or (byline and replace(byline, value=byline_poster(
        byline.value, lambda s: registry.named(s) is not None)))
    republished = page.republished or (Clue(page.dates[0].value, page.dates[0].origin) if page.dates else None)
    return replace(page, bylines=(), dates=(), republisher=republisher, republished=republished)


def _outlet(clues: tuple[Clue, ...], registry: Registry, provenance: list[tuple[str, str]]
            ) -> Outlet | None:
    labelled_credit = any(_CREDIT_LABEL in clue.origin for clue in clues)
    clues = _without_name_lists(clues, registry)
    for clue in clues:
        if clue.origin.endswith(_BARE_NAME) and (labelled_credit or _QUOTED.match(clue.value)):
            # a bare outlet name (a list item, a tag) never outranks a labelled credit; one in
            # quotation marks is quoted in a sentence, not a credit
            continue
        found = registry.named(clue.value) or _possessive_dropped(clue.value, registry)
        if found is None and _DOMAIN.match(clue.value):
            url = clue.value if "://" in clue.value else f"http://{clue.value}"
            found = registry.for_url(url)
        if found is not None:
            provenance.append(("source", f"{clue.origin}: {clue.value!r} -> {found.name}"))
            return found
    for clue in clues:
        # A credit label ("Source: Kyodo", a credit field of a stamp row) that names an outlet feeder
        # does not know is still a credit: the outlet is credited by its printed name.
        labelled = _CREDIT_LABEL in clue.origin or clue.origin.endswith(PRINTED_CREDIT)
        # A bare site name ("thinkSPAIN.com") is a printed name; an address with a path is a link, not a credit.
        address = _DOMAIN.match(clue.value) and ("/" in clue.value or not clue.value[:1].isalpha())
        if labelled and not address and not _chrome(clue.value) and (found := registry.credit(clue.value)) is not None:
            provenance.append(("source", f"{clue.origin}: {clue.value!r} -> {found.name} (printed name, "
                                         "not in the registry)"))
            return found
    for clue in clues:
        if clue.origin.endswith(_BARE_NAME) and _QUOTED.match(clue.value):
            continue
        if clue.origin.endswith(_BARE_NAME) and (found := registry.named(clue.value)) is not None:
            provenance.append(("source", f"{clue.origin}: {clue.value!r} -> {found.name}"))
            return found
    provenance.append(("source", "no outlet named on the page"))
    return None


def _without_name_lists(clues: tuple[Clue, ...], registry: Registry) -> tuple[Clue, ...]:
    """Without bare outlet names on adjacent lines naming different outlets: a reader's list of
    subscriptions or a menu of sources lists outlets; it credits none."""
    at: dict[int, str | None] = {}
    for clue in clues:
        if clue.at is not None and clue.origin.endswith(_BARE_NAME):
            found = registry.named(clue.value)
            at[clue.at] = found.key if found else clue.value
    listed = {n for n, key in at.items() if any(at.get(n + step, key) != key for step in (-1, 1))}
    return tuple(c for c in clues if not (c.at in listed and c.origin.endswith(_BARE_NAME)))


def _chrome(printed: str) -> bool:
    """Not the name of an outlet nobody listed: a field of a credit row made only of site chrome words
    ("Comments", "Share", "Home"), a furniture line ("Click here"), or the words a credit prints when it names
    no outlet ("Agencies", "Internet", "Own correspondent", "N/A")."""
    printed = printed.strip()
    return bool(vocab.CHROME_LINE.match(printed) or vocab.UNNAMED_SOURCE.match(printed) or FURNITURE.match(printed))


_POSSESSIVE = re.compile(r"['’]s\b")


def _possessive_dropped(printed: str, registry: Registry) -> Outlet | None:
    """"People Daily" for People's Daily: a known name printed without its possessive 's."""
    if " " not in printed or len(printed) > 40 or _POSSESSIVE.search(printed):
        return None
    key = fold_text(printed)
    for outlet in registry.outlets.values():
        for name in (outlet.name, *outlet.aliases):
            if _POSSESSIVE.search(name) and fold_text(_POSSESSIVE.sub("", name)) == key:
                return outlet
    return None


# The origin extraction gives an outlet named after a credit label (see extract/credit_rows.py _read_fields).
_CREDIT_LABEL = ": credit field "
# The origin of an outlet's name standing alone on a line (see extract/credit_lines.py _byline): the weakest credit.
_BARE_NAME = ": outlet name line"
_QUOTED = re.compile(r"^\s*[\"“‘«'].*[\"”’»']\s*$", re.S)


def _original_dates(clues: tuple[DateClue, ...], zone: str, outlet: Outlet | None,
                    provenance: list[tuple[str, str]], day_first: bool | None = None
                    ) -> tuple[Stamp | None, Stamp | None]:
    china = zone == CHINA_ZONE
    read: dict[str, Stamp | None] = {"published": None, "updated": None, "stamp": None}
    for clue in clues:
        if read[clue.role] is None:
            read[clue.role] = _stamp(clue, zone, china, None, [], day_first)
    published = _most_precise(read["published"] or read["stamp"] or read["updated"],
                              (read["stamp"], read["updated"]))
    # A loose date line is an update only when nothing says when the story was first published.
    updated = read["updated"] or (read["stamp"] if read["published"] is None else None) or published
    if published and updated and updated.value < published.value:
        updated = published
    _note_date("published", published, zone, outlet, provenance)
    _note_date("updated", updated, zone, outlet, provenance)
    return published, updated


def _most_precise(chosen: Stamp | None, others: tuple[Stamp | None, ...]) -> Stamp | None:
    """A day-only stamp gives way to another stamp of the same day that prints the time."""
    if chosen is None or not chosen.day_only:
        return chosen
    same_day = [o for o in others if o and not o.day_only and o.value.date() == chosen.value.date()]
    return same_day[0] if same_day else chosen


def _stamp(clue: Clue | DateClue | None, zone: str | tzinfo, china: bool, field: str | None,
           provenance: list[tuple[str, str]], day_first: bool | None = None) -> Stamp | None:
    """``day_first``: the page's own evidence for 03/04/2021-style dates (a date elsewhere with a number
    above 12); None leaves it to the zone's convention."""
    if clue is None:
        return None
    parsed = parse_date(clue.value, zone, china_context=china, day_first=day_first)
    if parsed is None:
        return None
    stamp = Stamp(parsed.value, clue.origin, parsed.zone_stated, parsed.day_only)
    if field:
        _note_date(field, stamp, zone, None, provenance)
    return stamp


def _note_date(field: str, stamp: Stamp | None, zone: str | tzinfo, outlet: Outlet | None,
               provenance: list[tuple[str, str]]) -> None:
    if stamp is None:
        provenance.append((field, "no date found"))
        return
    whose = f"{outlet.name}'s zone" if outlet else "the configured default zone"
    how = "zone stated on the page" if stamp.zone_stated else f"zone assumed: {zone} ({whose})"
    precision = "; day precision" if stamp.day_only else ""
    provenance.append((field, f"{stamp.origin}; {how}{precision}"))


def _authors(clues: tuple[Clue, ...], registry: Registry, provenance: list[tuple[str, str]]
             ) -> tuple[str, ...]:
    for clue in clues:
        names = clean_authors(clue.value, lambda s: registry.named(s) is not None)
        if names:
            provenance.append(("authors", f"{clue.origin}: {clue.value!r}"))
            return names
    provenance.append(("authors", "no person byline (agency, desk or none)"))
    return ()


def _republisher(clue: Clue | None, registry: Registry, provenance: list[tuple[str, str]]
                 ) -> str | None:
    if clue is None:
        return None
    name = re.sub(r"^(?:by|posted by|author)\s*[:：]?\s+", "", " ".join(clue.value.split()), flags=re.I)
    name = re.sub(r"\s+[-–—|·•:]+$", "", name)  # "By Rafiq Hasan -": the separator before a date left out
    if _dated(name, at_start=True):
        return None
    name = _without_date_tail(name)
    name = clean_poster(name) or ""
    if not name or registry.named(name) is not None or _dated(name):
        return None
    provenance.append(("republisher", clue.origin))
    return name


def _without_date_tail(name: str) -> str:
    """ "247 NEWS, March 5, 2020 in City News" -> "247 NEWS": the post's date and section after the name."""
    head, comma, rest = name.partition(",")
    return head.strip() if comma and head.strip() and find_dates(rest) else name


def _dated(name: str, at_start: bool = False) -> bool:
    """A date printed in the name's place ("By 2013-10-09T05:12:00+00:00", "By Sat, Jan 01, 2000", "March 5":
    an empty author link beside the post's time): no person's name holds a dated stamp or is a date.
    ``at_start``: only a date that starts where the name would (a name followed by its post's date is read
    apart)."""
    whole = len(name.rstrip(" .,;:"))
    return any((hit.year is not None and hit.trap is None and (hit.start == 0 or not at_start))
               or (hit.start == 0 and hit.end >= whole) for hit in find_dates(name))


def _signed_by_agency(name: str, registry: Registry) -> str | None:
    """The names before an agency signed after them ("GARRETT HOLLOWAY Associated Press"), else None."""
    names = without_outlet_tail(name, lambda s: registry.named(s) is not None)
    return names if names != name else None


def story_key(title: str, outlet: Outlet | None, source_url: str | None, published: Stamp | None,
              via: str | None, republished: Stamp | None) -> str:
    """What makes two files the same story: the original URL, else outlet + headline + date."""
    if source_url:
        return f"url:{host_of(source_url)}{urlsplit(source_url).path.rstrip('/')}"
    day = published.value.date().isoformat() if published else ""
    if outlet is not None:
        return f"story:{outlet.key}|{fold_text(title)}|{day}"
    where = via or (republished.value.date().isoformat() if republished else "")
    return f"post:{fold_text(title)}|{where}"


def entry_id(id_base: str, key: str) -> str:
    """The Atom id of a story: derived from its key only, so it never changes once published."""
    return f"{id_base}entry:{hashlib.sha256(key.encode()).hexdigest()[:24]}"


def site_key(page: Page) -> str | None:
    """Which site republished the page: its name (title suffix or og:site_name), else its host."""
    if page.site and fold_text(page.site):
        return "name:" + fold_text(page.site)
    host = host_of(page.via.value) if page.via else None
    return f"host:{host}" if host else None


def check_dates(article: Article, policy: DatePolicy, now: datetime | None) -> Article:
    """Original dates before ``oldest_year`` or beyond ``now`` + tolerance are implausible.

    Policy "fallback" drops them (the republication date, else the first-seen time, stands in)
    and says so in the provenance; "reject" refuses the file. Without ``now`` (inspecting with
    no clock), only the lower bound is checked.
    """
    latest = now + timedelta(hours=policy.future_tolerance_hours) if now else None
    problems = [f"{name} {stamp.value.isoformat()}" for name, stamp in
                (("published", article.published), ("updated", article.updated),
                 ("republished", article.republished))
                if stamp and (stamp.value.year < policy.oldest_year or (latest and stamp.value > latest))]
    if not problems:
        return article
    reason = f"implausible date: {', '.join(problems)} (before {policy.oldest_year} or in the future)"
    if policy.implausible == "reject":
        raise NotAnArticle(article.path, f"{reason}; dates.implausible = 'reject'")
    keep = {name: stamp for name, stamp in (("published", article.published), ("updated", article.updated),
                                            ("republished", article.republished))
            if stamp and not (stamp.value.year < policy.oldest_year or (latest and stamp.value > latest))}
    return replace(article, published=keep.get("published"), updated=keep.get("updated"),
                   republished=keep.get("republished"),
                   provenance=(*article.provenance, ("dates", f"{reason}: ignored (dates.implausible = 'fallback')")))
