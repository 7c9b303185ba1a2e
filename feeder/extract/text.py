"""Extract a Page from a plain-text dump of a scraped page (one block per line, title first)."""

from __future__ import annotations

from feeder.extract import rules
from feeder.extract.lines import Hints, IsOutlet, Line, headline_above_byline, read_lines, split_title
from feeder.records import Page


def extract_text(text: str, is_outlet: IsOutlet) -> Page | None:
    """The Page in a text dump, or None when it has no title line."""
    lines = [Line(" ".join(raw.split()), f"line {n}") for n, raw in enumerate(text.split("\n"), 1)]
    if _wrapped(text):
        lines = _unwrap(lines)  # blank lines still separate the paragraphs here
    lines = _continued(lines)
    lines = [line for line in lines if line.text]
    if not lines:
        return None
    head, rest = lines[0], lines[1:]
    title, site = split_title(head.text, [line.text for line in rest], is_outlet)
    bracketed = _bracketed_headline(rest) or headline_above_byline(rest, title)
    if bracketed and bracketed != title:
        title, site = bracketed, head.text  # the first line was the app's or account's name
    hints = Hints(page_title=head.text, outlet_page=bool(site and is_outlet(site)), site=site)
    return read_lines(rest, title, hints, is_outlet)


def _bracketed_headline(lines: list[Line]) -> str | None:
    """A shared story's headline set in 【】 near the top of a social post."""
    for line in lines[:40]:
        if line.text.startswith("【") and (m := rules.BRACKETED_HEADLINE.match(line.text)):
            return m.group("headline").strip()
    return None


def _wrapped(text: str) -> bool:
    """Hard-wrapped prose (mail archives, exports): most long lines stop near the same width."""
    lengths = [len(x.rstrip()) for x in text.split("\n") if len(x.strip()) >= 40]
    return len(lengths) >= 6 and sum(55 <= n <= 80 for n in lengths) * 2 >= len(lengths)


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join the lines of a wrapped paragraph (consecutive lines near the wrap width) into one."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last and line.text and 55 <= len(last.text) <= 80 and not last.text.endswith(":") and (
                last.origin.startswith("line")):
            joined[-1] = Line(f"{last.text} {line.text}", last.origin, last.in_body)
        else:
            joined.append(line)
    return joined


def _continues(text: str) -> bool:
    """A carried-on sentence has words or ends one; a lone lower-case token ("harbour_kite") is a handle."""
    if " " not in text and "/" in text:
        return False  # "example.com/news/stor..." under a headline is a link card's address
    return " " in text or text.endswith((".", "!", "?", ",", ";", ":"))


def _continued(lines: list[Line]) -> list[Line]:
    """Join a line that stops mid-sentence to the next when that one carries on in lower case."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last and last.text and line.text[:1].islower() and len(last.text.split()) >= 6 and (
                not last.text.endswith((".", "!", "?", ":", '"', "”", "’", ")"))) and _continues(line.text):
            joined[-1] = Line(f"{last.text} {line.text}", last.origin, last.in_body)
        else:
            joined.append(line)
    return joined
