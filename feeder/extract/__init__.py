"""Extraction stage: RawArticle -> Page, the strings a page says about its story, with where they were."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from feeder.errors import NotAnArticle
from feeder.extract import blocks, headline, rules
from feeder.extract import lazy_re as re
from feeder.extract.shapes import is_date_line, is_prose
from feeder.extract.text import extract_text
from feeder.extract.titles import without_kicker_label
from feeder.extract.walls import teaser_list, wall_kind
from feeder.records import Clue, Page, RawArticle
from feeder.sources import Registry

__all__ = ["extract"]

# A list of headlines carries little prose of its own: only a page with less is checked for one.
LISTING_WORDS = 300


def extract(raw: RawArticle, registry: Registry) -> Page:
    """Read one article; raise NotAnArticle (naming the file) when it holds no publishable story."""
    def is_outlet(name: str) -> bool:
        return registry.named(name) is not None

    def outlet_url(url: str) -> bool:
        return registry.for_url(url) is not None

    if raw.kind == "html":
        from feeder.extract.html import extract_html  # here: BeautifulSoup is imported by a pass reading HTML only

        page = extract_html(raw.text, is_outlet, outlet_url)
    else:
        page = extract_text(raw.text, is_outlet)
    wall = wall_kind(raw.text, page.body if page else (), page.title.value if page and page.title else "")
    if wall is not None:
        raise NotAnArticle(raw.path, f"{wall[0]} ({wall[1]!r}): the capture holds no article; scrape it again")
    if page is None or page.title is None or not page.title.value.strip():
        raise NotAnArticle(raw.path, "no headline found: the first line or <title>/<h1> is empty")
    if (cut := without_kicker_label(page.title.value)) != page.title.value:
        page = replace(page, title=Clue(cut, f"{page.title.origin}; its kicker label cut"))
    if not page.body:
        raise NotAnArticle(raw.path, "no article body found: no paragraph of story text")
    lines = _text_lines(raw.text) if raw.kind == "text" else []
    if not any(rules.SENTENCE_END.search(p.rstrip()) or _cut_excerpt(p) for p in page.body) or (
            raw.kind == "text" and blocks.words_up_to(page.body, LISTING_WORDS) < LISTING_WORDS and headline.listing(
                lines)):
        raise NotAnArticle(raw.path, "no sentence of story text: a list of headlines or links, not an article")
    if teaser_list(lines, page.body):
        raise NotAnArticle(raw.path, "a list of other stories' teasers (cut off, or each over its link on): a "
                                     "section, tag or archive page, not an article")
    if raw.kind == "text" and teaser_index(lines):
        raise NotAnArticle(raw.path, "an index of story teasers, each over its own stamp: a section page, "
                                     "not an article")
    if _truncated(raw, page):
        raise NotAnArticle(raw.path, "truncated capture: the story stops mid-sentence where the file ends; "
                                     "scrape it again")
    return page


# Two sentences ended inside a paragraph: story text, though the excerpt is cut off ("… four were imported. The
# number of […]"); a headline holds none.
_SENTENCE_INSIDE = re.compile(r"[\w%\"”’)][.!?]\s+[\"“‘(]?[A-Z]")
EXCERPT_SENTENCES = 2


def _cut_excerpt(paragraph: str) -> bool:
    """A story's excerpt cut off mid-sentence: at least EXCERPT_SENTENCES sentences end inside it."""
    return len(_SENTENCE_INSIDE.findall(paragraph)) >= EXCERPT_SENTENCES


def _text_lines(text: str) -> list[str]:
    """A dump's non-blank lines with their spaces collapsed."""
    return [x for x in blocks.squeezed(text) if x]


# Teasers, each a paragraph over its own stamp, from which a page is a section's index.
MIN_TEASERS = 4
# ... when they are at least this share of the page's prose lines (a story's comments are fewer).
TEASER_SHARE = 0.6


def teaser_index(lines: Sequence[str]) -> bool:
    """A section page: most prose lines are teasers, each followed by its own date line."""
    # Date lines are short: the cheap length test spares most lines the date finder.
    teasers = sum(1 for i in range(len(lines) - 1) if len(lines[i + 1]) <= rules.MAX_DATE_LINE and (
        any(map(str.isdigit, lines[i + 1])) and is_prose(lines[i]) and is_date_line(lines[i + 1])))
    return teasers >= MIN_TEASERS and teasers >= TEASER_SHARE * sum(1 for line in lines if is_prose(line))


def _truncated(raw: RawArticle, page: Page) -> bool:
    """The file ends inside the story: its last paragraph is cut off and nothing of the page follows."""
    last = page.body[-1]
    if rules.SENTENCE_END.search(last.rstrip()):
        return False
    if raw.kind == "html":
        return "</html>" not in raw.text[-4000:].lower()
    tail = " ".join(raw.text.split()[-12:])
    if not " ".join(last.split()).endswith(tail):
        return False
    site = next((line for line in blocks.squeezed(raw.text) if line), "")
    return not (len(site) >= 4 and last.startswith(site))  # a footer that names the site first ends the page
