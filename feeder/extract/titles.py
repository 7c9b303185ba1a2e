"""The headline as a page prints it: cut from the page title, above a shared story's byline, quoted after an outlet."""

from __future__ import annotations

from collections.abc import Sequence

from feeder.extract import lazy_re as re
from feeder.extract import rules
from feeder.extract.dates import find_dates
from feeder.extract.headline import caption
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, is_date_line
from feeder.fold import fold_text


def split_title(page_title: str, lines: Sequence[str], is_outlet: IsOutlet) -> tuple[str, str | None]:
    """The headline in a page title and the site name it carried ("Story - Blog" -> Story, Blog).

    The page usually repeats its headline: the longest line that the title contains wins
    ("Site - Story", "[list] Story", "user: Story", "Story | by Author | Medium"). Else known
    separators are cut from the right.
    """
    page_title = " ".join(page_title.split())
    repeated = _repeated_headline(page_title, lines)
    if repeated:
        rest = " ".join(fold_text(page_title).replace(fold_text(repeated), " ").split())
        return repeated, rest or None
    seen = {fold_text(x) for x in lines}
    head, site = page_title, None
    while True:
        cut = _cut_suffix(head, seen, is_outlet)
        if cut is None:
            return head, site
        head, site = cut[0], cut[1] if site is None else f"{cut[1]} {site}"


# Separators between a blog's name and its post's title in a page title ("Blog Name: Post title", "Blog - Post").
_NAME_AND_POST = re.compile(r"\s*(?::|\s[-–—|]\s)\s*")


def _post_after_masthead(page_title: str, lines: Sequence[str]) -> str | None:
    """"Blog Name: Post title" when the page prints both parts as lines of their own, the blog's name above the
    post's title (its masthead): the part printed lower is the post's headline, however short."""
    parts = _NAME_AND_POST.split(page_title, maxsplit=1)
    if len(parts) != 2 or len(parts[1].split()) < 3 or _NAME_AND_POST.search(parts[1]):
        return None  # (a feed's item title, "Feed: Section: Headline", is _unprefixed's)
    sizes = {len(part) for part in parts}
    at: dict[str, int] = {}
    for index, line in enumerate(lines[:80]):
        if len(line) in sizes:  # (a part printed alone has its length: the other lines are spared folding)
            at.setdefault(fold_text(line), index)
    name, post = (at.get(fold_text(part)) for part in parts)
    return " ".join(parts[1].split()) if name is not None and post is not None and name < post else None


def _repeated_headline(page_title: str, lines: Sequence[str]) -> str | None:
    if (post := _post_after_masthead(page_title, lines)) is not None:
        return post
    whole = fold_text(page_title)
    best: str | None = None
    for line in lines[:80]:
        if len(line) > _HEAD_CHARS and not _may_fold_into(line, whole):
            continue  # a paragraph that cannot be the title: spared the folding
        folded = fold_text(line)
        if folded in whole and len(folded) * 2 >= len(whole) and len(folded.split()) >= 4 and (
                best is None or len(folded) > len(fold_text(best))):
            best = " ".join(line.split())
    return best if best is None else _unprefixed(best, lines)


def _unprefixed(title: str, lines: Sequence[str]) -> str:
    """"Feed: Section: Headline" -> Headline, when the page also prints the part after the colons alone
    (a feed reader's or an autoposter's item title carries the feed's name before the story's)."""
    _, found, tail = title.rpartition(": ")
    if not found or len(tail.split()) < 4:
        return title
    folded = fold_text(tail)
    return tail.strip() if any(len(x) < 2 * len(tail) and fold_text(x) == folded for x in lines[:80]) else title


_WORD_RUN = re.compile(r"\w+")


# How much of a line's start _may_fold_into reads.
_HEAD_CHARS = 48


def _may_fold_into(text: str, folded: str) -> bool:
    """False when fold_text(text) cannot be part of ``folded``: a word of the line's start is not in it.
    (Folding a paragraph costs more than this test, and paragraphs are most of a page.)"""
    # One word at a time: a paragraph's first or second word is seldom in the title, and the rest go unread.
    return all(run.group() in folded for run in _WORD_RUN.finditer(text[:_HEAD_CHARS].casefold()))


def _cut_suffix(title: str, seen: set[str], is_outlet: IsOutlet) -> tuple[str, str] | None:
    for sep in rules.TITLE_SEPARATORS:
        head, found, site = title.rpartition(sep)
        if found and head.strip() and (fold_text(head) in seen or len(site.split()) <= 4 or is_outlet(site)):
            return head.strip(), site.strip()
    return None


# Words of the line just above a story's "By …" line that make it the headline; over a byline row that also
# dates the story ("By A · June 2, 2017 · Section") as few as MIN_ABOVE_BYLINE_WORDS ("Saudi Press", a daily
# review's name), when not in capitals (a section's label).
ABOVE_BYLINE_WORDS = 4
MIN_ABOVE_BYLINE_WORDS = 2


def _dated_byline(text: str) -> bool:
    return any(hit.year is not None for hit in find_dates(text)) if any(map(str.isdigit, text)) else False


def headline_above_byline(lines: Sequence[Line], title: str) -> str | None:
    """The headline of a story shared inside a container (a feed, an app, a document): the line
    just above the story's "By …" line, when the first line is not repeated on the page."""
    folded = fold_text(title)
    for index, line in enumerate(lines[:60]):
        if (len(line.text) <= _HEAD_CHARS or _may_fold_into(line.text, folded)) and fold_text(line.text) == folded:
            return None  # the page repeats its title: that is the headline
        if index and line.text[:3].lower() == "by " and len(line.text) <= 120 and (
                rules.BYLINE.match(line.text)):
            above = lines[index - 1].text
            if index >= 2 and caption(above):
                above = lines[index - 2].text  # a photo's caption between the headline and its byline
            words = len(above.split())
            least = MIN_ABOVE_BYLINE_WORDS if _dated_byline(line.text) and not above.isupper() else ABOVE_BYLINE_WORDS
            if least <= words <= 25 and not above.endswith((".", ":", "!", "?", "…")) and not is_date_line(above) and (
                    not rules.FURNITURE.match(above)):
                return above
            return None
    return None


def titled(folded: str, title: str) -> bool:
    """The headline with a short lead ("08:25 am - Headline", "Re: Headline")."""
    return len(title) >= 20 and folded.endswith(title) and len(folded[: -len(title)].split()) <= 4


_OUTLET_QUOTED = re.compile(r"^(?P<outlet>[^:：\"“]{2,40}?)\s*[:：]\s*[\"“‘']")


_QUOTED_HEADLINE = re.compile(r"^(?P<outlet>[^:：\"“]{2,40}?)\s*[:：]\s*[\"“‘'](?P<headline>[^\"“”]{10,200})[\"”’']$")


def quoting_outlet(line: Line, found: Found, is_outlet: IsOutlet) -> None:
    """'The Guardian: "Headline"': a blog's post title quoting an outlet's story names that outlet."""
    if (m := _OUTLET_QUOTED.match(line.text)) is not None and is_outlet(m.group("outlet")) and not found.has("outlet"):
        found.credit(m.group("outlet"), f"{line.origin}: outlet named before the quoted headline")


def quoted_headline(title: str, is_outlet: IsOutlet) -> str | None:
    """'The Guardian: "Headline"': a blog post quoting an outlet's story; the headline is the quoted part."""
    m = _QUOTED_HEADLINE.match(title)
    return m.group("headline").strip() if m and is_outlet(m.group("outlet")) else None


def unquoted_excerpt(body: Sequence[str]) -> list[str]:
    """A quoted excerpt's paragraphs without the quote marks that open its first and close its last one."""
    opens, closes = ('"', "“"), ('"', "”")
    if len(body) >= 2 and body[0].startswith(opens) and body[-1].endswith(closes) and (
            sum(body[0].count(q) for q in '"“”') == 1 and sum(body[-1].count(q) for q in '"“”') == 1):
        return [body[0][1:].lstrip(), *body[1:-1], body[-1][:-1].rstrip()]
    return list(body)


# Names of a news site's sections as a CMS or a wire prints them before a headline it files there ("World / …",
# "POLITICS | …", "Farm News / …", WordPress's default "General" and "Uncategorized"): a label's last word.
SECTION_NAMES = re.compile(
    r"(?:news|world|general|uncategori[sz]ed|local|national|international|business|economy|finance|markets?|"
    r"politics|sports?|opinion|editorial|health|science|tech|technology|culture|arts|entertainment|lifestyle|"
    r"travel|education|environment|regions?|regional|asia|africa|europe|americas|latest|updates|features?)",
    re.I)
# Kicker labels: what an agency or a portal prints before a headline to say what kind of item it is (a story's
# version, "UPDATE 2-"; its access, "EXCLUSIVE:"; its medium, "WATCH:", "VIDEO:", "PHOTOS:"; its urgency,
# "BREAKING:", "JUST IN:"), or the section it is filed in before a bar ("POLITICS | "). None is a headline's word
# in that place: a word opening the headline's sentence has no colon, bar or hyphen after it ("Exclusive club
# deal lifts …"), and a column's name ("YOURSAY |", "Analysis:") is the writer's, kept.
_KICKER_LABEL = re.compile(
    r"^(?:(?i:update\s?\d{1,2}|updated|exclusive|breaking(?:\s+news)?|just\s+in|watch|video|photos?|listen)"
    r"\s*(?:[:|]\s*|-(?=[A-Z\"“‘'])|\s[-–—]\s+)"
    rf"|(?i:{SECTION_NAMES.pattern})\s+\|\s+)(?P<rest>\S.*)$")
# Words a headline keeps after its kicker label is cut (a shorter rest is the label's own phrase).
KICKER_REST_WORDS = 4


def without_kicker_label(title: str) -> str:
    """The headline without a kicker label before it ("UPDATE 2-", "EXCLUSIVE: ", "WATCH: ", "POLITICS | ")."""
    found = _KICKER_LABEL.match(title)
    if found is None or len(found.group("rest").split()) < KICKER_REST_WORDS:
        return title
    return found.group("rest")
