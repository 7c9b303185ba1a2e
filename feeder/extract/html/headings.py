"""The story's headline among the page's title, og:title, JSON-LD and headings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from feeder.extract import lazy_re as re
from feeder.extract.credit_rows import paper_shaped
from feeder.extract.dates import find_dates
from feeder.extract.html.meta import names_the_site
from feeder.extract.html.tree import Tag, elements, text_of
from feeder.extract.lines import IsOutlet, Line, is_date_line, is_prose, split_title
from feeder.extract.resolver import letters
from feeder.extract.titles import SECTION_NAMES
from feeder.fold import fold_text
from feeder.records import DateClue

# A page title that is no headline: the question on a Q&A page, a two-word export or app name.
GENERIC_TITLE_WORDS = 2


def find_headline(tags: list[Tag], meta: Mapping[str, str], ld: Mapping[str, Any],
                  is_outlet: IsOutlet, container: Tag | None, page_text: str = "") -> str | None:
    """The story's headline (tags: the tree's elements): a heading that og:title, JSON-LD or <title> names;
    else og:title, <h1>, <title>."""
    found = _find_headline([t for t in tags if t.name in ("h1", "h2", "h3")], meta, ld, is_outlet, container)
    found = _without_outlet_suffix(found, is_outlet) if found else found
    found = _without_labels(found, tags, meta, is_outlet, page_text) if found else found
    return _without_site_prefix(found, page_text) if found and page_text else found


# What a CMS prints around a headline it copied or filed, never the story's words: a section label before a
# spaced slash ("General / Headline"), a wire's slug in capitals glued on by hyphens ("GRENADA-FINANCE-Headline"),
# and the copied page's own site name after a bar ("Headline | The Economist": a bar is a title's separator, a
# label before one, "VIEWPOINT | Headline", is a column's name and stays). A label or a name is cut only on the
# page's evidence that it is one (`_is_section_label`, `_names_a_site`): "Biden / Xi talks resume" and "Floods
# hit Kerala | Live Updates" are headlines whole.
_SECTION_PREFIX = re.compile(r"^(?P<label>[A-Z][\w&'’.]*(?:\s[A-Z][\w&'’.]*)?)\s+/\s+(?P<rest>\S.*)$")
_SLUG_PREFIX = re.compile(r"^[A-Z]{2,}(?:-[A-Z]{2,})+-(?P<rest>[A-Z][a-z].*)$")
_SITE_SUFFIX = re.compile(
    r"^(?P<rest>.+?)\s+\|\s+(?P<label>(?:The\s+)?(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,2})$")
def _without_labels(title: str, tags: list[Tag], meta: Mapping[str, str], is_outlet: IsOutlet,
                    page_text: str) -> str:
    """The headline without a section label, a wire slug or a copied site name around it (each cut only when a
    headline's MIN_HEADLINE_WORDS words remain, and a label or a name only on the page's evidence)."""
    found = _SECTION_PREFIX.match(title)
    if found is not None and _headline_left(found) and _is_section_label(found.group("label"), title, tags,
                                                                           page_text):
        title = found.group("rest")
    found = _SLUG_PREFIX.match(title)
    if found is not None and _headline_left(found):
        title = found.group("rest")
    found = _SITE_SUFFIX.match(title)
    if found is not None and _headline_left(found) and _names_a_site(found.group("label"), tags, meta,
                                                                       is_outlet):
        title = found.group("rest")
    found = _SECTION_SUFFIX.match(title)
    if found is not None and _headline_left(found) and _links_a_section(found.group("label"), tags):
        title = found.group("rest")
    return title


# "Headline - Pakistan" (any dash): a section's name after a spaced dash or bar closing the title, as a CMS files it.
_SECTION_SUFFIX = re.compile(r"^(?P<rest>.+?)\s+[|–—-]\s+(?P<label>[A-Z][\w&'’.]*(?:\s[A-Z][\w&'’.]*)?)$")
# The words of a link's address that name a section's page ("/category/pakistan/", "/section/world"; a tag's page
# names a topic or a person the story is about, "/tag/capcoe/", never a label the title carries).
_SECTION_PATH = re.compile(r"/(?:category|categories|section|sections)/(?P<slug>[^/?#]+)/?(?:[?#]|$)",
                           re.I)


def _links_a_section(label: str, tags: list[Tag]) -> bool:
    """The page links the label's section: a link to a category's or section's page spelling its name."""
    spelled = letters(label)
    return any(tag.name == "a" and isinstance(href := tag.get("href"), str) and (m := _SECTION_PATH.search(href))
               is not None and letters(m.group("slug")) == spelled for tag in tags)


def _headline_left(found: re.Match[str]) -> bool:
    return len(found.group("rest").split()) >= MIN_HEADLINE_WORDS


def _is_section_label(label: str, title: str, tags: list[Tag], page_text: str) -> bool:
    """A label before a slash is a section's: a section's name, a link's words on the page (a breadcrumb, a
    category link), or printed before other titles on the page too."""
    if SECTION_NAMES.fullmatch(label.split()[-1]) is not None:
        return True
    folded = fold_text(label)
    if any(t.name == "a" and fold_text(text_of(t)) == folded for t in tags) or _links_a_section(label, tags):
        return True
    return bool(page_text) and len(_other_titles(title[:title.index("/") + 2], title, page_text)) >= 1


def _names_a_site(name: str, tags: list[Tag], meta: Mapping[str, str], is_outlet: IsOutlet) -> bool:
    """A name after a bar is a site's: an outlet's, shaped like a paper's ("The Rice Monitor"), the site's own
    (og:site_name, the <title>'s last part, its masthead), or spelled by the address of a page it links to."""
    if is_outlet(name) or paper_shaped(name) or names_the_site(name, meta):
        return True
    if fold_text(name) in _site_names([t for t in tags if t.name in ("h1", "h2", "h3", "a")], meta):
        return True
    spelled = letters(re.sub(r"^the\s+", "", name, flags=re.I))
    return len(spelled) >= SPELLED_HOST_CHARS and any(spelled in host for host in _link_hosts(tags, meta))


# A site's name spelled by an address has at least this many letters (a two-letter code matches anything).
SPELLED_HOST_CHARS = 4


def _link_hosts(tags: list[Tag], meta: Mapping[str, str]) -> Iterator[str]:
    """The letters of the hosts the page's links and its own address name ("economist.com" -> "economistcom")."""
    hrefs = [meta.get("og:url", ""), meta.get("canonical", "")]
    hrefs += [href for t in tags if t.name == "a" and isinstance(href := t.get("href"), str)]
    for href in hrefs:
        host = _HOST.match(href.strip())
        if host is not None:
            yield letters(host.group(1).removeprefix("www."))


_HOST = re.compile(r"^https?://([^/?#:]+)", re.I)


# "Headline | The Economist", "Headline - Reuters": the outlet's name after a bar or a spaced dash.
_OUTLET_SUFFIX = re.compile(r"^(?P<head>.+?)\s+(?:\||[-–—])\s+(?P<outlet>[^|–—]{2,40}?)\s*$")


def _without_outlet_suffix(title: str, is_outlet: IsOutlet) -> str:
    """A post titled with the outlet page's own title, its outlet's name after a bar or dash, is the headline
    without that name (a credit, never the story's words)."""
    m = _OUTLET_SUFFIX.match(title)
    if m is None or len(m.group("head").split()) < MIN_HEADLINE_WORDS or not is_outlet(m.group("outlet")):
        return title
    return m.group("head")


def _find_headline(tags: list[Tag], meta: Mapping[str, str], ld: Mapping[str, Any],
                   is_outlet: IsOutlet, container: Tag | None) -> str | None:
    headings = [text_of(h) for h in tags]
    folded = {fold_text(h): h for h in headings if h}
    page_title = meta.get("title") or ""
    head = _unprefixed(split_title(page_title, headings, is_outlet)[0], meta, is_outlet) if page_title else ""
    og = meta.get("og:title") or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
    og = _unprefixed(split_title(og, headings, is_outlet)[0], meta, is_outlet) if og else None
    for candidate in (og, head):
        if candidate and fold_text(candidate) in folded:
            return unless_a_name(folded[fold_text(candidate)], tags, meta, is_outlet, container)
    h1 = next((t for t in tags if t.name == "h1"), None)
    found = og or (text_of(h1) if isinstance(h1, Tag) else None) or head or None
    return unless_a_name(found, tags, meta, is_outlet, container) if found else None


# Other titles on the page that open on the same prefix: then it is the site's label for them all.
SITE_PREFIX_LINKS = 2


def _without_site_prefix(title: str, page_text: str) -> str:
    """"Africa: Headline" when the page's text (its lists included, before anything is dropped) opens other titles
    on "Africa: " too: an aggregator's region or feed label that it puts before every headline it lists."""
    found = _NAME_PREFIX.match(title)
    if found is None or len(found.group("rest").split()) < MIN_HEADLINE_WORDS:
        return title
    prefix = title[:found.start("rest")]
    return found.group("rest") if len(_other_titles(prefix, title, page_text)) >= SITE_PREFIX_LINKS else title


# How much of a title after a prefix tells it from another (a related story printed twice is one title).
TITLE_HEAD_CHARS = 40


def _other_titles(prefix: str, title: str, page_text: str) -> set[str]:
    """The distinct openings of the page's other titles that follow the prefix (a related story's link printed
    in a "Read more" pointer and in the related list is one other title)."""
    found: set[str] = set()
    at = page_text.find(prefix)
    while at >= 0 and len(found) < SITE_PREFIX_LINKS:
        if not page_text.startswith(title, at):
            found.add(page_text[at + len(prefix):at + len(prefix) + TITLE_HEAD_CHARS])
        at = page_text.find(prefix, at + len(prefix))
    return found


# "China Daily: Headline": a page title opened by the outlet's or the site's name and a colon.
_NAME_PREFIX = re.compile(r"^(?P<name>[^:：]{2,40})\s*[:：]\s+(?P<rest>\S.*)$")


def _unprefixed(title: str, meta: Mapping[str, str], is_outlet: IsOutlet) -> str:
    """The title without an outlet's or the site's name put before it with a colon."""
    found = _NAME_PREFIX.match(title)
    if found is None:
        return title
    name = found.group("name").strip()
    site = fold_text(meta.get("og:site_name", ""))
    return found.group("rest") if is_outlet(name) or (site and fold_text(name) == site) else title


# An RSS item's pubDate glued to the end of its title by a feed-fed theme ("...influenceThu, 03 Oct 2024
# 11:26:50 GMT"): the feed's stamp of the original item, not part of the headline.
_GLUED_FEED_STAMP = re.compile(
    r"(?<=\S)\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})?"
    r" (?:GMT|UTC|[+-]\d{4}))$")


def unglued_feed_stamp(title: str, lines: list[Line]) -> tuple[str, list[Line], DateClue | None]:
    """The headline without a feed stamp glued to it, and that stamp as the original item's."""
    found = _GLUED_FEED_STAMP.search(title)
    if found is None:
        return title, lines, None
    head = title[:found.start()].rstrip()
    lines = [replace(line, text=head) if line.text.strip() == title.strip() else line for line in lines]
    return head, lines, DateClue(found.group(1), "feed stamp glued to the headline", "published")


# A title ending on a preposition or article ("NRI in News from"): a feed's or section's label whose
# variable part was left out, never a story's headline.
_DANGLING = re.compile(r"\s(?:from|of|in|on|at|by|for|to|with|the|a|an|and)$", re.I)
# The words a date printed as a title may hold besides numbers: a month and a weekday.
DATE_TITLE_WORDS = 2
# A story's headline has a few words; a shorter heading above the story is a section's or a widget's.
MIN_HEADLINE_WORDS = 4
_TITLE_PARTS = re.compile(r"\s+(?:[|·»«~–—]|-|::)\s+")


def unless_a_name(title: str, headings: list[Tag], meta: Mapping[str, str], is_outlet: IsOutlet,
                   container: Tag | None) -> str:
    """The headline, unless the title found names the site or an outlet (a blog's name in its <h1>, an
    aggregator's "CHINA DAILY" over an item) or is a label left dangling: then the heading that is another part
    of the <title>, else the last heading above the story, else the first headline-shaped one inside it (the
    item under a feed's name)."""
    names = _site_names(headings, meta)
    if (item := _feed_item_title(title, headings, meta)) is not None:
        return item
    if not _is_a_name(title, names, is_outlet) and not _DANGLING.search(title):
        # (a title of a word or two is the site's short name when a headline stands right above the story)
        short = len(title.split()) <= GENERIC_TITLE_WORDS and container is not None
        return (line_above(container) if short and container is not None else None) or title
    parts = {fold_text(p) for p in _TITLE_PARTS.split(meta.get("title", ""))}
    texts = [(h, text_of(h)) for h in headings]
    for _, text in texts:
        if fold_text(text) in parts and not _is_a_name(text, names, is_outlet) and len(text.split()) >= 2 and (
                not _DANGLING.search(text)):
            return text
    above = _above(headings, container)
    found = next((text for heading, text in reversed(texts) if id(heading) in above and (
        len(text.split()) >= MIN_HEADLINE_WORDS) and not _is_a_name(text, names, is_outlet)), None)
    inside = heading_inside(container) if container is not None else None
    return found or inside or (line_above(container) if container is not None else None) or title


# Text runs looked at above the story's block for its headline (a page built of tables prints no heading).
ABOVE_RUNS = 6


def line_above(container: Tag) -> str | None:
    """The headline-shaped line printed right above the story's block when no heading names the story (a table
    layout's title cell, `<td><span id="lblTitle">`): a few words, no sentence's end, not a date."""
    for piece in container.find_all_previous(string=True, limit=ABOVE_RUNS):
        text = " ".join(str(piece).split())
        if not text:
            continue
        shaped = MIN_HEADLINE_WORDS <= len(text.split()) <= MAX_HEADLINE_WORDS and not text.endswith(
            (".", "!", "?", ":", "…")) and not is_date_line(text)
        return text if shaped else None
    return None


# A feed's or a section's name is short: a heading this short that opens the <title> ("Indonesian News | Site")
# may name the feed an aggregator's page shows, not the story.
FEED_LABEL_WORDS = 3


def _feed_item_title(title: str, headings: list[Tag], meta: Mapping[str, str]) -> str | None:
    """A feed aggregator's item page: the <h1> and the <title>'s first part name the feed ("Indonesian News |
    Site"), and the one item's headline is the heading below it that links to the story on its outlet's site."""
    parts = _TITLE_PARTS.split(meta.get("title", ""))
    folded = fold_text(title)
    if len(title.split()) > FEED_LABEL_WORDS or len(parts) < 2 or fold_text(parts[0]) != folded:
        return None
    below = False
    for heading in headings:
        text = text_of(heading)
        if not below:
            below = fold_text(text) == folded
        elif len(text.split()) >= MIN_HEADLINE_WORDS and _links_out(heading):
            return text
    return None


def _links_out(heading: Tag) -> bool:
    """The heading is a link to a page on another site (an absolute address)."""
    return any(t.name == "a" and isinstance(href := t.get("href"), str) and href.startswith(("http://", "https://"))
               for t in elements(heading))


def _site_names(headings: list[Tag], meta: Mapping[str, str]) -> set[str]:
    """The site's name as the page prints it: og:site_name, and headings that link to the site's home."""
    names = {fold_text(meta.get("og:site_name", ""))}
    names.update(fold_text(text_of(h)) for h in headings if _links_home(h))
    return names - {""}


def _links_home(heading: Tag) -> bool:
    for a in (t for t in (heading, *elements(heading)) if t.name == "a"):
        href = a.get("href")
        if "home" in (a.get("rel") or ()) or (isinstance(href, str) and re.fullmatch(
                r"(?:https?://[^/?#]+)?/?(?:index\.\w+)?", href.strip())):
            return True
    return False


def _is_a_name(text: str, names: set[str], is_outlet: IsOutlet) -> bool:
    return fold_text(text) in names or (len(text) <= 60 and is_outlet(text))


def _above(headings: list[Tag], container: Tag | None) -> set[int]:
    """Ids of the headings that stand before the story container in the document."""
    if container is None:
        return set()
    inside = {id(t) for t in elements(container)}
    found: set[int] = set()
    for heading in headings:
        if id(heading) in inside:
            break
        found.add(id(heading))
    return found


def only_a_date(title: str) -> bool:
    """A title that is a date and nothing else ("24th of February 2011", "Monday, March 1, 2021")."""
    hits = find_dates(title)
    return bool(hits) and len(re.sub(r"[\W\d_]+|\b(?:of|the|de|on)\b", " ", title).split()) <= DATE_TITLE_WORDS


def heading_inside(container: Tag) -> str | None:
    """The first headline-shaped heading inside the story container."""
    for heading in container.find_all(["h1", "h2", "h3", "h4"]):
        text = text_of(heading)
        if MIN_HEADLINE_WORDS <= len(text.split()) <= MAX_HEADLINE_WORDS and not text.endswith("."):
            return text
    return None


def not_a_headline(title: str) -> bool:
    return title.rstrip().endswith("?") or len(title.split()) <= GENERIC_TITLE_WORDS


def opening_headline(lines: list[Line]) -> str | None:
    """A pasted story's headline: the first line of the post's story block (after a "X wrote:" citation),
    headline-shaped (a few words, no end punctuation) and followed by prose."""
    body = [x.text for x in lines if x.in_body and not x.text.endswith((":", "："))][:2]
    if len(body) < 2:
        return None
    first, following = body
    words = len(first.split())
    if not MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS or first.endswith((".", "!", "?", ";", "…")) or (
            is_date_line(first) or not is_prose(following)):
        return None
    return first


# A headline is at most this long; a longer opening line is the story's first sentence.
MAX_HEADLINE_WORDS = 25


def lead_bold(container: Tag) -> str | None:
    """A quoted or shared story's headline: the bold line the story container opens with."""
    bold = container.find(["b", "strong"])
    if not isinstance(bold, Tag):
        return None
    text = text_of(bold)
    words = len(text.split())
    opens = text_of(container).startswith(text)
    if not opens or not 4 <= words <= 25 or text.endswith(".") or text.lower().startswith("by "):
        return None
    return text

