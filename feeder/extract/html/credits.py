"""The page's own post and its credits to an original (links, account, JSON-LD), as hints for the line reader."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from feeder.extract import endings, rules
from feeder.extract import lazy_re as re
from feeder.extract.credit_lines import FOOTER_ADDRESS, feed_site
from feeder.extract.credit_rows import site_account_outlet
from feeder.extract.html.marks import Marks, marked_name
from feeder.extract.html.meta import (
    ld_authors,
    ld_dates,
    name_of,
    names_the_site,
    sites_account,
    str_of,
    writes_for_an_outlet,
)
from feeder.extract.html.tree import BeautifulSoup, NavigableString, Tag, text_of
from feeder.extract.lines import PRINTED_CREDIT, Hints, IsOutlet, is_date_line, split_title
from feeder.extract.resolver import FEED_ITEM
from feeder.records import Clue, DateClue
from feeder.sources import host_of

# The account that posted the page, named by the markup: "user-name", "author__name", Telegram's "from_name".
ACCOUNT_NAME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:user|author|profile|account|channel|from)[-_]{0,2}name(?:$|[\s_-])", re.I)


# Distinct links to outlets' pages from which a post is a list of links (a roundup), not one republished story.
ROUNDUP_LINKS = 3


def hints_of(soup: BeautifulSoup, tags: list[Tag], meta: Mapping[str, str], ld: Mapping[str, Any], title: str,
             is_outlet: IsOutlet, outlet_url: IsOutlet, marks: Marks, closing: set[int], outlet_page: bool) -> Hints:
    """What the markup says for the line reader (tags: the tree's elements): the page's own post, its
    outlet when it is the outlet's page, its credits to an original."""
    own = meta.get("og:url") or meta.get("canonical") or str_of(ld.get("url"))
    canonical = meta.get("canonical")
    site = meta.get("og:site_name") or name_of(ld.get("publisher"))
    found = list(_links(tags, closing))
    links = tuple(dict.fromkeys(href for href, _, _ in found))
    # A page without an address of its own (a feed reader's view of a post): its feed footer names the post's.
    footer = next((href for href, in_footer, _ in found if in_footer and not outlet_url(href)), None)
    # A page with an address of its own copied a feed: its footer's first link is the original's address.
    copied = footer if own and footer and host_of(footer) != host_of(own) else None
    own = own or footer
    outlets = [Clue(site, "meta og:site_name / JSON-LD publisher")] if outlet_page and site else []
    if outlet_page and own and not outlets:
        outlets.append(Clue(own, "URL of the outlet's page"))
    # A republished page may name the original as its canonical URL, else link to it.
    original = canonical if canonical and outlet_url(canonical) and not outlet_page else None
    linked = [link for link in links if outlet_url(link)]
    # One link to an outlet's story may be the original; several are a post's list of reading, not a credit.
    original = original or (linked[0] if 0 < len(linked) < ROUNDUP_LINKS else None)
    if original and not outlet_page:
        outlets.append(Clue(original, "link to the outlet's site"))
    # "Read the original article on <a>Outlet</a>": the one link the page names the original is its address,
    # whatever its host (an outlet the registry does not know); it credits no outlet by itself.
    named = list(dict.fromkeys(href for href, _, says_original in found if says_original and (
        not own or host_of(href) != host_of(own))))
    if not original and not outlet_page and len(named) == 1:
        original = named[0]
    if not original and not outlet_page and copied:
        original = copied
        outlets.extend(feed_sites(tags))
    dates = ld_dates(meta, ld) or tuple(d for _, d in marks.dates)
    # The post's date is when it was published: a modified stamp alone (a page the site edits) says not when.
    posted = [d for d in dates if d.role == "published"]
    people = tuple(p for p in ld_authors(meta, ld) if _a_person(p.value, meta, is_outlet)) or tuple(
        a for _, a in marks.authors if _a_person(a.value, meta, is_outlet))
    # A field the markup names the source ("content-source", "feed-source") holding an outlet's name credits it.
    if not outlet_page:
        outlets.extend(_source_fields(tags, is_outlet))
    # A site posting an agency's copy under the agency's name ("PNA", "Xinhua"): the author field credits it.
    if not outlet_page:
        outlets.extend(Clue(a.value, f"{a.origin}: an author field naming an outlet") for a in (
            *ld_authors(meta, ld), *(a for _, a in marks.authors)) if is_outlet(a.value))
        # "MTI-Hungary Today", "AFP / The Local": the site's account for an agency's copy names both.
        outlets.extend(Clue(agency, f"{a.origin}: an author field naming an outlet beside the site") for a in (
            *ld_authors(meta, ld), *(a for _, a in marks.authors)) if (agency := site_account_outlet(
                a.value, lambda part: names_the_site(part, meta), is_outlet)))
    # "Headline (Outlet)": a post titled with the known outlet it copied, in brackets after the headline.
    if not outlet_page and (m := _TITLE_CREDIT.search(title)) and is_outlet(m.group("outlet")):
        outlets.append(Clue(m.group("outlet"), "outlet in brackets after the headline"))
    # (a printed author slot naming the site itself is no person, but the site's account posted the page; the
    # metadata's author field holds the site's name by default, whoever posted)
    account = people[0] if people else _classed_account(soup, meta, is_outlet) or sites_account(
        (a for _, a in marks.authors), meta)
    # An aggregator's JSON-LD describing the original (its publisher an outlet, the page not the outlet's):
    # the author it names wrote the story; the page's own poster is not in it.
    publisher = name_of(ld.get("publisher"))
    original_ld = not outlet_page and bool(publisher) and is_outlet(publisher or "") and any(
        p.origin == "JSON-LD author" for p in people)
    # The author the metadata names printed in a byline row beside an outlet's name wrote the story for it.
    original_ld = original_ld or (not outlet_page and bool(people) and writes_for_an_outlet(
        people[0].value, tags, is_outlet))
    if original_ld:
        account = _classed_account(soup, meta, is_outlet)
    suffix = split_title(meta["title"], [], is_outlet)[1] if meta.get("title") else None
    return Hints(
        site=meta.get("og:site_name") or suffix or (host_of(own) if own else None),
        skip_before_title=True,
        title=Clue(title, "headline (<h1>, og:title, JSON-LD or <title>)"),
        page_title=meta.get("title"),
        outlet_page=outlet_page,
        outlets=tuple(outlets),
        bylines=(*(_joined(people) if outlet_page or original_ld else ()), *(b for _, b in marks.bylines)),
        dates=dates if outlet_page else tuple(_feed_item_stamps(tags)),
        republisher=None if outlet_page else account,
        republished=None if outlet_page or not posted else Clue(posted[0].value, posted[0].origin),
        source_url=Clue(own, "URL of the outlet's page") if outlet_page and own else (
            Clue(original, "link to the original article") if original and not home_page(original) else None),
        via=None if outlet_page or not own else Clue(own, "URL of the republishing page" if own != footer else
                                                     FOOTER_ADDRESS),
        links=links,
    )


def _joined(people: tuple[Clue, ...]) -> tuple[Clue, ...]:
    """The story's authors as one byline: JSON-LD lists each person of a byline apart ("author": [A, B]), and
    normalization reads the first byline naming people."""
    ld = [p for p in people if p.origin == "JSON-LD author"]
    if len(ld) < 2:
        return people
    return (Clue(", ".join(p.value for p in ld), "JSON-LD author"), *(p for p in people if p not in ld))


# An outlet's name in brackets closing a headline: "Headline (Outlet)".
_TITLE_CREDIT = re.compile(r"\S\s*[(（]\s*(?P<outlet>[^()（）]{2,40}?)\s*[)）]\s*$")


# A home page's path: none, a language or edition ("/en/", "/english"), an index file.
_HOME_PATH = re.compile(r"^/?(?:(?:[a-z]{2}(?:[-_][a-z]{2})?|english|home|index|default|main)(?:\.\w{2,5})?/?)?$", re.I)


def home_page(url: str) -> bool:
    """Whether a link is to an outlet's home page (it credits the outlet but is no story's address)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.query and _HOME_PATH.match(parts.path) is not None


# A feed aggregator's item stamp ("feed-item-date"): the date the feed gave the item, the original's.
_FEED_ITEM_DATE = re.compile(r"(?:^|\s)feed-item-(?:date|time)(?:$|\s)")


def _feed_item_stamps(tags: list[Tag]) -> Iterator[DateClue]:
    for tag in tags:
        classes = tag.get("class") if tag.attrs else None
        if isinstance(classes, list) and _FEED_ITEM_DATE.search(" ".join(classes)) and (
                is_date_line(stamp := text_of(tag))):
            yield DateClue(stamp, FEED_ITEM, "stamp")
            return


def _classed_account(soup: BeautifulSoup, meta: Mapping[str, str], is_outlet: IsOutlet) -> Clue | None:
    found = soup.find(class_=ACCOUNT_NAME_CLASS)
    # (several names, "A and B", are the story's byline as a portal prints it, not the posting account)
    name = (marked_name(found) or "") if isinstance(found, Tag) else ""
    return Clue(name, "account name (class naming a user or author name)") if 2 <= len(name) <= 60 and (
        _a_person(name, meta, is_outlet)) else None


# A class naming an element the story's source field, and how many words such a field holds.
_SOURCE_CLASS = re.compile(r"(?:^|[\s_-])source(?:$|[\s_-])", re.I)
SOURCE_FIELD_WORDS = 6


def _source_fields(tags: list[Tag], is_outlet: IsOutlet) -> list[Clue]:
    """Outlets named by the elements classed as the story's source ("Source: EFE"), in document order."""
    found = []
    for tag in tags:
        classes = tag.get("class") if tag.attrs else None
        if not isinstance(classes, list) or not _SOURCE_CLASS.search(" ".join(classes)):
            continue
        name = _SOURCE_LABEL.sub("", text_of(tag)).strip(" .")
        if name and len(name.split()) <= SOURCE_FIELD_WORDS and is_outlet(name):
            found.append(Clue(name, f"markup: the source field ({' '.join(classes)})"))
    return found


_SOURCE_LABEL = re.compile(r"^(?:source|fuente|fonte|quelle|来源|出典|출처)\s*[:：]?\s*", re.I)


# A credit label before an author field's name ("Via AP news wire"): what follows names a source.
_VIA = re.compile(r"^(?:via|from|source)\b\s*:?\s*", re.I)
# Leading words of an author field checked for an outlet's name ("Reuters UK", "AP news wire").
OUTLET_PREFIX_WORDS = 2


def _a_person(name: str, meta: Mapping[str, str], is_outlet: IsOutlet) -> bool:
    """An author field that may name a person: not the site itself, not an outlet or one of its desks or
    wire accounts (a name that opens with an outlet's name, or joins one to the site's), not a credit label
    ("Via …")."""
    if names_the_site(name, meta) or _VIA.match(name) or site_account_outlet(
            name, lambda part: names_the_site(part, meta), is_outlet):
        return False
    words = name.split()
    return not any(is_outlet(" ".join(words[:n])) for n in range(1, min(OUTLET_PREFIX_WORDS, len(words)) + 1))


def _links(tags: list[Tag], closing: set[int]) -> Iterator[tuple[str, bool, bool]]:
    """Links that credit an original ("Read the original at …", "Source: …", the one link of a short line
    closing the story), not mentions in a story; each with whether it is the first link of a feed footer, and
    whether its words or the words before it name it the original ("Read the original article on")."""
    contexts: dict[int, str] = {}
    for a in (t for t in tags if t.name == "a" and t.has_attr("href")):
        href = a["href"]
        if not isinstance(href, str) or not href.startswith(("http://", "https://")):
            continue
        before = a.previous_sibling
        lead = " ".join(str(before).split())[-60:] if isinstance(before, NavigableString) else ""
        parent = a.parent if isinstance(a.parent, Tag) else a
        if id(parent) not in contexts:  # once per parent: a list of many links stays linear
            contexts[id(parent)] = text_of(parent)
        context = contexts[id(parent)]
        in_footer = bool(_FEED_FOOTER.match(context) and _FEED_FOOTER_LEAD.search(lead))
        if rules.CREDIT_LINK.search(lead) or rules.CREDIT_LINK.search(context[:80]) or (
                rules.ORIGINAL_LINK_TEXT.match(text_of(a))) or (
                len(context) <= len(text_of(a)) + 3) or id(a) in closing or in_footer:
            says_original = bool(_SAYS_ORIGINAL.search(lead) or rules.ORIGINAL_LINK_TEXT.match(text_of(a)))
            yield href.strip(), in_footer, says_original


# Words just before a link that name it the original ("Read the original article on", "Original story:").
_SAYS_ORIGINAL = re.compile(r"(?:(?:read|view|see)\s+(?:the\s+)?original(?:\s+(?:story|article|post|report))?"
                            r"|original\s+(?:story|article|post|report|link|source|url))\s*(?:on|at|in|here)?\s*[:：]?\s*$",
                            re.I)


def feed_sites(tags: list[Tag]) -> Iterator[Clue]:
    """The site a feed tool's footer names ("… appeared first on <a>Site</a>."), credited by its printed name."""
    for tag in tags:
        if tag.name == "p" and (site := feed_site(text_of(tag))) is not None:
            yield Clue(site, f"the site a feed's footer names{PRINTED_CREDIT}")
            return


# A feed tool's footer, "The post <a>Headline</a> appeared first on <a>Site</a>.": its first link is the original.
_FEED_FOOTER = re.compile(endings.FEED_FOOTER, re.I)
_FEED_FOOTER_LEAD = re.compile(rf"(?:^|\s){endings.FEED_FOOTER_LEAD}$", re.I)
