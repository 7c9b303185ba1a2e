"""Extract a Page from a plain-text dump of a scraped page (one block per line, title first)."""

from __future__ import annotations

from dataclasses import replace

from feeder.extract import blocks, headline, linemodel, resolver, rules
from feeder.extract import lazy_re as re
from feeder.extract.dates import find_dates
from feeder.extract.line_joins import glued_stamps
from feeder.extract.lines import read_lines
from feeder.extract.shapes import Hints, IsOutlet, Line, is_date_line, is_prose, proper_name
from feeder.extract.titles import headline_above_byline, quoted_headline, split_title, unquoted_excerpt
from feeder.fold import fold_text
from feeder.records import Clue, Page


def extract_text(text: str, is_outlet: IsOutlet) -> Page | None:
    """The Page in a text dump, or None when it has no title line."""
    if "[" in text:
        text = rules.BBCODE_TAG.sub("", text)  # forum markup left in the dump: never part of a line's words
    raw_lines = text.split("\n")
    width = blocks.wrap_width(raw_lines)
    if width is not None:  # blank lines still separate the paragraphs here
        lines = [Line(joined, f"line {n}") for joined, n in blocks.unwrap(raw_lines, width)]
    else:
        lines = [Line(line, f"line {n}") if line else _BLANK for n, line in enumerate(blocks.squeezed(text), 1)]
    lines = _continued(lines)
    lines = glued_stamps(_unglued_bylines([line for line in lines if line.text], is_outlet))
    if not lines:
        return None
    head, rest = lines[0], lines[1:]
    title, site = split_title(head.text, [line.text for line in rest], is_outlet)
    proposed = _headline_candidates(title, site, lines, is_outlet)
    chosen = resolver.headline(resolver.Candidate("headline", title, 0, resolver.FIRST_LINE_HEADLINE, "page title"),
                               [*proposed, *_model_headline(title, lines, proposed, is_outlet)])
    clue: Clue | None = None
    if chosen.value != title:
        clue = Clue(chosen.value, chosen.why)
        if chosen.score >= resolver.CONTAINER_HEADLINE:
            site = head.text  # the first line was the app's, account's or document's name
        title = chosen.value
    quoted = quoted_headline(title, is_outlet)
    if quoted is not None:
        clue = Clue(quoted, f"{clue.origin if clue else 'page title'}: the quoted headline after the outlet's name")
    # A capture whose first line is only an outlet's name, the headline read below it, is that outlet's own page (its
    # masthead): the label contract's "the site is an outlet the registry knows".
    masthead = site is None and clue is not None and is_outlet(head.text)
    hints = Hints(title=clue, page_title=head.text, outlet_page=bool(site and is_outlet(site)) or masthead, site=site)
    page = read_lines(rest, title, hints, is_outlet)
    if quoted is not None:
        page = replace(page, body=tuple(unquoted_excerpt(page.body)))
    return page


# A blank line: it only separates paragraphs (and is dropped once they are joined), so it needs no origin.
_BLANK = Line("", "")


def _headline_candidates(title: str, site: str | None, lines: list[Line], is_outlet: IsOutlet
                         ) -> list[resolver.Candidate]:
    """Headlines other than the capture's first line: a shared story's headline inside a container (【】 in
    a social post, the line above a "By" line in a feed or document), a title-like line below chrome."""
    proposed = []
    rest = lines[1:]
    bracketed = _bracketed_headline(rest)
    if bracketed is not None:
        proposed.append(resolver.Candidate("headline", bracketed.text, 1, resolver.CONTAINER_HEADLINE,
                                           f"{bracketed.origin}: the shared story's headline in 【】"))
    elif (above := headline_above_byline(rest, title)) is not None and not (
            site is None and headline.headline_shaped(title)):
        # The first line names a container (a document, a mail, a feed), not the story.
        proposed.append(resolver.Candidate("headline", above, 1, resolver.CONTAINER_HEADLINE,
                                           "the line above the story's byline"))
    if (below := _headline_below(title, site, lines, is_outlet)) is not None:
        proposed.append(resolver.Candidate("headline", below.text, below.index, resolver.BELOW_HEADLINE,
                                           f"{lines[below.index].origin}: headline candidate ({below.why}; "
                                           f"score {below.score:.1f})"))
    return proposed


def _model_headline(title: str, lines: list[Line], proposed: list[resolver.Candidate], is_outlet: IsOutlet
                    ) -> list[resolver.Candidate]:
    """The learned line scorer's headline (the first line's is its headline without the site's name); not
    scored when a candidate already outranks it, nor when the first line gives a headline-shaped title (it gives
    way only to a line the page confirms: an echo, a container's headline)."""
    if any(c.score > resolver.MODEL_HEADLINE for c in proposed) or headline.headline_shaped(title):
        return []
    found = linemodel.headline_of([line.text for line in lines])
    if found is None:
        return []
    index, probability = found
    if index and rules.PHOTO_CREDIT_CLOSE.search(lines[index].text):
        return []  # "Students marched on Monday. (AFP Photo)": a paragraph with its photo's credit is no headline
    if index and is_outlet(lines[index].text.strip()):
        return []  # "dpa" alone under a byline: one line is one thing, and an outlet's bare name is its credit
    return [resolver.Candidate("headline", lines[index].text if index else title, index, resolver.MODEL_HEADLINE,
                               f"{lines[index].origin}: the line model's headline (probability {probability:.2f})")]


def _headline_below(title: str, site: str | None, lines: list[Line], is_outlet: IsOutlet) -> headline.Candidate | None:
    """The headline below the first line, when that line is site chrome or the site's name."""
    texts = [line.text for line in lines]
    in_post = headline.thread_page(texts[0])
    named = in_post or headline.site_block(texts)
    if not named and _echoed(title, lines[1:]):
        # The page prints the first line again: a headline, unless it is the site's name (masthead, footer).
        named = site is None and headline.masthead(title, texts, is_outlet)
        if not named:
            return None
    chosen = headline.choose(texts, title, site is not None, named, in_post)
    return chosen if chosen is not None and chosen.text != title else None


def _echoed(title: str, lines: list[Line]) -> bool:
    """The page prints the first line's headline again: the strongest evidence there is, keep it."""
    folded = fold_text(title)
    return any(len(line.text) < 2 * len(title) + 40 and fold_text(line.text) == folded for line in lines[:80])


def _bracketed_headline(lines: list[Line]) -> Line | None:
    """A shared story's headline set in 【】 near the top of a social post."""
    for line in lines[:40]:
        if line.text.startswith("【") and (m := rules.BRACKETED_HEADLINE.match(line.text)):
            return Line(m.group("headline").strip(), line.origin)
    return None


def _continues(text: str) -> bool:
    """A carried-on sentence has words or ends one; a lone lower-case token ("harbour_kite") is a handle."""
    if " " not in text and "/" in text:
        return False  # "example.com/news/stor..." under a headline is a link card's address
    if len(text) <= rules.MAX_DATE_LINE and any(hit.label is not None and hit.year for hit in find_dates(text)):
        return False  # "veröffentlicht am 24.03.2023 um 11:42 Uhr", "updated 3 May 2021": a stamp's own line
    if headline.other_role(text) is not None:
        return False  # "about 5 hours ago", "posted by kim at 10:15": a relative time's or a poster's own line
    return " " in text or text.endswith((".", "!", "?", ",", ";", ":"))


# A byline's word printed alone on its line, the name on the next (a theme's "By" / "Name" / "-" / date fields).
_BY_ALONE = frozenset(("By", "by", "BY", "By:", "by:", "BY:"))
# The longest name line joined to it.
BY_NAME_CHARS = 60


def _continued(lines: list[Line]) -> list[Line]:
    """Join a line that stops mid-sentence to the next when that one carries on in lower case, and a byline's word
    alone on its line to the name under it."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last and last.text and line.text[:1].islower() and len(last.text.split()) >= 6 and (
                not last.text.endswith((".", "!", "?", ":", '"', "”", "’", ")"))) and _continues(line.text):
            joined[-1] = Line(f"{last.text} {line.text}", last.origin, last.in_body)
        elif last and last.text.strip() in _BY_ALONE and len(line.text) <= BY_NAME_CHARS and proper_name(
                line.text.strip()) and not is_date_line(line.text):
            joined[-1] = Line(f"By {line.text.strip()}", last.origin, last.in_body)
        else:
            joined.append(line)
    return joined


# "Headline By NAME and NAME, Outlet Writers": a byline glued to the headline by a capture that lost the
# line break between them (the "By" capitalised, the headline with no end punctuation).
_GLUED_BYLINE = re.compile(r"^(?P<head>[^.!?:]{12,200}?)\s+(?P<byline>By\s+(?P<names>[A-Z][^,]{2,80})"
                           r"(?:,\s*(?P<tail>[^,]{2,60}))?)$")


def _unglued_bylines(lines: list[Line], is_outlet: IsOutlet) -> list[Line]:
    """Cut a byline glued to the headline off it, above the story's first paragraph: the byline is its own
    line when the names are printed in capitals or the tail names an outlet."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        m = _GLUED_BYLINE.match(line.text) if " By " in line.text else None
        if m is not None and _credited(m, is_outlet):
            out += [replace(line, text=m.group("head")), replace(line, text=m.group("byline"))]
        elif is_prose(line.text):
            return out + lines[index:]  # the story has started: nothing below it is split
        else:
            out.append(line)
    return out


def _credited(m: re.Match[str], is_outlet: IsOutlet) -> bool:
    tail = m.group("tail")
    if tail is not None and is_outlet(rules.BYLINE_ROLE.sub("", tail)):
        return True
    names = m.group("names")
    return names.isupper() and len(names.split()) >= 2
