"""What one line of a page is: the Line and Hints records and the shape tests every line reader shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from feeder.extract import lazy_re as re
from feeder.extract import rules
from feeder.extract.dates import find_dates
from feeder.records import Clue, DateClue

IsOutlet = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Line:
    """One block of text on the page, where it was, and whether it is inside the main content."""

    text: str
    origin: str
    in_body: bool = True


@dataclass(frozen=True)
class Hints:
    """What the document's structure and metadata already tell (HTML meta tags, JSON-LD, <h1>)."""

    title: Clue | None = None
    page_title: str | None = None
    outlet_page: bool = False
    outlets: tuple[Clue, ...] = ()
    bylines: tuple[Clue, ...] = ()
    dates: tuple[DateClue, ...] = ()
    republisher: Clue | None = None
    republished: Clue | None = None
    source_url: Clue | None = None
    via: Clue | None = None
    links: tuple[str, ...] = ()
    # HTML: what stands before the headline is the site's masthead (menus, today's date).
    skip_before_title: bool = False
    site: str | None = None
    page_zone: str | None = None


_CJK_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def is_prose(text: str) -> bool:
    if not text.isascii() and _CJK_IDEOGRAPH.search(text):
        return len(text) >= 20
    words = len(text.split(maxsplit=rules.MIN_PROSE_WORDS - 1))  # counts up to MIN_PROSE_WORDS, no further
    return words >= rules.MIN_PROSE_WORDS or (words >= 4 and bool(rules.SENTENCE_END.search(text)))


@lru_cache(maxsize=8192)
def is_date_line(text: str) -> bool:
    """Short and mostly a date: any common printed shape (month names in several languages, numeric
    day-first or month-first, dotted, slashed, CJK), not a relative time."""
    if len(text) > rules.MAX_DATE_LINE or (is_prose(text) and len(text.split()) > 10):
        return False
    return bool(rules.DATE_HINT.search(text)) or printed_date(text)


def printed_date(text: str) -> bool:
    return any(hit.trap != "relative" and hit.year is not None for hit in find_dates(text))


def prose_words(lines: Sequence[Line]) -> int:
    """Words of the prose lines (story paragraphs) among these."""
    return sum(len(line.text.split()) for line in lines if line.in_body and is_prose(line.text))


def slight(body: Sequence[str]) -> bool:
    """Too little prose to be a story yet: a tagline, a teaser or a standfirst."""
    return len(body) <= 2 and sum(len(p.split()) for p in body) < 60


_PROPER_NAME = re.compile(r"^(?:[A-Z][\w&'’.-]*|of|the|de|al)(?:\s+(?:[A-Z][\w&'’.-]*|of|the|de|al)){0,4}$")


def proper_name(text: str) -> bool:
    """Capitalised words, as an outlet's name is printed ("ABC News", "Prensa Latina")."""
    return bool(_PROPER_NAME.match(text)) and not rules.PHOTO_LINE.match(text) and text[0].isupper()
