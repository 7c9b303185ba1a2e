"""Read a page given as ordered lines: the story's paragraphs, and candidates for every other role, for the resolver."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from feeder.extract import endings, resolver, rules, vocab
from feeder.extract.dates import find_dates
from feeder.extract.resolver import Candidate, Role
from feeder.fold import fold_text
from feeder.records import Clue, DateClue, DateRole, Page

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


_DATE_ROLES = frozenset(("published", "updated", "stamp", "header", "republished"))
# A four-digit year: most stamps print one, and then the date finder need not look for it.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The block index of what the page's metadata says: after every printed block.
METADATA_BLOCK = 1 << 30


@dataclass
class _Found:
    """What the walk has seen so far: the story's paragraphs, its credits, and the candidates it proposed
    for the resolver (dates, post date, poster), each at the block where it stands."""

    body: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    at: int = 0  # the index of the line being read: the block of what is proposed now
    ended: bool = False  # an author box or comment block closed the story
    after_credit: bool = False  # the previous line named the outlet: a bare date next is its stamp

    proposed: dict[str, int] = field(default_factory=dict)  # candidates per role, so far

    def propose(self, role: Role, value: str, why: str, score: float,
                nearest: Literal["first", "last"] = "first") -> None:
        if role in _DATE_ROLES and not _YEAR.search(value) and not _printed_date(value):
            return  # a date without a year (a teaser's dateline, "March 3") is a trap: never a stamp
        self.candidates.append(Candidate(role, value, self.at, score, why, nearest))
        self.proposed[role] = self.proposed.get(role, 0) + 1

    def byline(self, names: str, why: str) -> None:
        """Propose the story's authors as printed; normalization reads the first that names a person."""
        self.propose("byline", names, why, resolver.PRINTED_BYLINE)

    def credit(self, outlet: str, why: str, score: float | None = None) -> None:
        """Propose an outlet: a credit row or label (CREDIT_ROW), a dateline or a glued credit (DATELINE)."""
        self.propose("outlet", outlet, why, resolver.CREDIT_ROW if score is None else score)

    def metadata(self, role: Role, clue: Clue | DateClue | None, score: float) -> None:
        """Propose what the page's metadata says (HTML meta tags, JSON-LD): it stands after every block."""
        if clue is not None:
            self.candidates.append(Candidate(role, clue.value, METADATA_BLOCK, score, clue.origin, printed=False))

    def count(self, role: Role, score: float | None = None) -> int:
        if score is None:
            return self.proposed.get(role, 0)
        return sum(c.role == role and c.score == score for c in self.candidates)

    def has(self, *roles: Role) -> bool:
        return any(role in self.proposed for role in roles)

    def stamped(self) -> bool:
        """Something of the story's credit is already printed: a byline, a credit or a stamp."""
        return bool(self.body) or self.has("byline", "reporting", "outlet", *resolver.ORIGINAL_ROLES)


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


def _repeated_headline(page_title: str, lines: Sequence[str]) -> str | None:
    whole = fold_text(page_title)
    best: str | None = None
    for line in lines[:80]:
        if len(line) > _HEAD_CHARS and not _may_fold_into(line, whole):
            continue  # a paragraph that cannot be the title: spared the folding
        folded = fold_text(line)
        if folded in whole and len(folded) * 2 >= len(whole) and len(folded.split()) >= 4 and (
                best is None or len(folded) > len(fold_text(best))):
            best = " ".join(line.split())
    return best


_WORD_RUN = re.compile(r"\w+")
# How much of a line's start _may_fold_into reads.
_HEAD_CHARS = 48


def _may_fold_into(text: str, folded: str) -> bool:
    """False when fold_text(text) cannot be part of ``folded``: a word of the line's start is not in it.
    (Folding a paragraph costs more than this test, and paragraphs are most of a page.)"""
    return all(run in folded for run in _WORD_RUN.findall(text[:_HEAD_CHARS].casefold()))


def _cut_suffix(title: str, seen: set[str], is_outlet: IsOutlet) -> tuple[str, str] | None:
    for sep in rules.TITLE_SEPARATORS:
        head, found, site = title.rpartition(sep)
        if found and head.strip() and (fold_text(head) in seen or len(site.split()) <= 4 or is_outlet(site)):
            return head.strip(), site.strip()
    return None


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
            words = len(above.split())
            if 4 <= words <= 25 and not above.endswith((".", ":", "!", "?", "…")) and not is_date_line(above) and (
                    not rules.FURNITURE.match(above)):
                return above
            return None
    return None


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
    return bool(rules.DATE_HINT.search(text)) or _printed_date(text)


def _printed_date(text: str) -> bool:
    return any(hit.trap != "relative" and hit.year is not None for hit in find_dates(text))


def read_lines(lines: Sequence[Line], title: str, hints: Hints, is_outlet: IsOutlet) -> Page:
    """Walk the lines once, in order: the headline line marks where the story starts and the walk keeps the
    story's paragraphs; credits, bylines, stamps, post dates and posters are proposed as candidates, and
    the resolver (extract/resolver.py) chooses among them once the whole page is read."""
    found = _Found()
    lines = _labelled([piece for line in _label_at_end(lines) for piece in _segments(line)])
    zone = next((m.group(1) for x in lines  # "time" first: a cheap test that spares most lines the regex
                 if "time" in x.text.lower() and (m := rules.PAGE_ZONE.search(x.text))), None)
    hints = replace(hints, page_zone=hints.page_zone or zone)
    folded_title = fold_text(title)
    folds = [fold_text(x.text) if len(x.text) < 2 * len(title) + 40 else "" for x in lines]
    started, ended = False, False
    title_ahead = folded_title in folds  # the headline is repeated further down: we are above it
    skipping = hints.skip_before_title and title_ahead
    member_value = False  # "Joined" alone on a line: the next line is its value, not a date of the story
    member_row: int | None = None  # the last line of a forum member's details
    for index, line in enumerate(lines):
        text, folded = line.text, folds[index]
        found.at = index
        if member_value:
            member_value = False
            continue
        if not found.body and (starter := vocab.THREAD_STARTER.match(text)) is not None:
            found.propose("republisher", starter.group("name"), f"{line.origin}: thread starter",
                          resolver.THREAD_START)
            if starter.group("date") and is_date_line(starter.group("date")):
                found.propose("republished", starter.group("date"), f"{line.origin}{_THREAD_START}",
                              resolver.THREAD_START)
            continue
        if not found.body and (start := vocab.THREAD_START_DATE.match(text)) and is_date_line(start.group("date")):
            found.propose("republished", start.group("date"), f"{line.origin}{_THREAD_START}", resolver.THREAD_START)
            continue
        if not found.body and index and len(text) <= 40 and vocab.MEMBER_RANK.match(text) and (
                not found.count("republisher", resolver.PRINTED_REPUBLISHER)):
            _poster_name(found, _member(lines[index - 1:index]))  # a post's header: the member over their rank
            continue
        if (member := rules.MEMBER_META.match(text)) is not None:
            member_value = member.end() == len(text) and not text.endswith(":")
            if not found.count("republisher", resolver.PRINTED_REPUBLISHER):  # the first post's member wins
                _poster_name(found, _member(lines[max(0, index - 3):index]))
            if found.body:
                ended = True  # a member's details under a post: a reply follows
            member_row = index
            continue
        if "ollow" in text and not found.has("republisher") and _slight(found.body):
            if rules.FOLLOWER_COUNT.match(text):
                _poster_name(found, _profile_name(lines[max(0, index - 3):index]))
            elif rules.FOLLOW_BUTTON.match(text) and index:
                _poster_name(found, _account_name(lines[index - 1]))
        if text[:1] == "@" and index and not found.has("republisher") and not found.body and rules.HANDLE.match(
                text):
            _poster_name(found, _account_name(lines[index - 1], "display name above the @handle"))
        if folded == folded_title:
            _quoting_outlet(line, found, is_outlet)
            if started and not _slight(found.body) and not (
                    title_ahead and _prose_words(lines[index + 1:]) > sum(len(p.split()) for p in found.body)):
                ended = True  # the headline again under a whole story: a link card or a teaser follows
                continue
            was_skipping = skipping
            # The headline stands above the story: prose above its first printing, when more prose follows
            # it, was the site's blurb or a teaser, not the story.
            restart = title_ahead and bool(found.body)
            started, skipping, title_ahead = True, False, False
            if _slight(found.body) or restart:
                found.body.clear()  # prose above the headline was a tagline or a teaser, not the story
                ended = found.ended = False
            if was_skipping and index and is_date_line(above := lines[index - 1].text) and (
                    not _masthead_widget(lines, index - 1)) and not rules.FURNITURE.match(above):
                # A stamp printed just above the headline belongs to the story's header, as one below it.
                _header_date(Line(above, f"{lines[index - 1].origin} (above the headline)", line.in_body), found,
                             line.in_body or hints.outlet_page)
            continue
        if folded and _titled(folded, folded_title):
            _quoting_outlet(line, found, is_outlet)
            continue  # "Thread: Headline", "08:25 am - Headline": a header, not the story's start
        if skipping:
            if line.in_body and not hints.outlet_page and folds[min(index + 1, len(lines) - 1)] != folded_title and (
                    is_date_line(text)) and not _masthead_widget(lines, index):
                # Inside the post's own container, above its headline (not just above it: that stamp is the
                # story header's, read with the headline): the post header's date, and its poster.
                _header_date(line, found, False, above_headline=True)
                _poster(lines, index, found)
            continue
        story = (started and line.in_body) or hints.outlet_page
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        credited, paragraphs = found.proposed.get("outlet", 0), len(found.body)
        if _credit(line, found, is_outlet, story, following):
            # A bare date next stands beside the credit when it names an outlet (not a commenter's login).
            found.after_credit = found.proposed.get("outlet", 0) > credited and _outlet_like(
                next(c.value for c in reversed(found.candidates) if c.role == "outlet"), is_outlet)
            if paragraphs and not found.body:
                ended = False  # a byline under a teaser: the story starts here, below any earlier break
            continue
        if found.after_credit and is_date_line(text):
            found.propose("stamp", text, f"{line.origin}: stamp beside the outlet's name", resolver.BESIDE_CREDIT)
            found.after_credit = False
            continue
        found.after_credit = False
        if rules.FURNITURE.match(text):
            ended = ended or bool(rules.STORY_END.match(text) and found.body)
            continue
        if endings.closes_story(text):
            ended = ended or bool(found.body and line.in_body)  # a post footer, a syndication note: story over
            continue
        ended = ended or found.ended
        if is_date_line(text):
            if not started and not found.body and _masthead_widget(lines, index):
                continue  # today's date in the site's masthead: the day of the capture, no stamp
            if not found.body and member_row is not None and index - member_row <= POST_DATE_REACH:
                # The post date is the date nearest the poster: just under the member's details.
                found.propose("republished", text, f"{line.origin}: post date under the poster", resolver.POST_HEADER)
                continue
            if any(c.role == "republished" and c.why.endswith(_THREAD_START) and folded == fold_text(c.value)
                   for c in found.candidates):
                continue  # the post's date printed again over the post (a thread header, then the post)
            if found.body and not ended and _credits_outlet(following, is_outlet):
                # A stamp just above the outlet's credit under the story is the outlet's (the original
                # stamp is the date nearest the credit).
                found.propose("stamp", text, f"{line.origin}: stamp above the outlet's credit", resolver.BESIDE_CREDIT)
            elif found.body and not _slight(found.body) and not ended:
                # A date under a whole story is the post's own stamp or a comment's: the story is over.
                ended = True
                if not hints.outlet_page:
                    found.propose("republished", text, f"{line.origin}: post date under the post", resolver.POST_BELOW)
            elif title_ahead:
                # Above the headline: the post's own date, not the story's (the one nearest the post wins).
                _header_date(line, found, False, above_headline=True)
                _poster(lines, index, found)
            elif not found.body:
                _header_date(line, found, story)
                if not story:
                    _poster(lines, index, found)
        elif is_prose(text) and line.in_body and not ended:
            found.body.append(text)
            started = True
    return _page(found, title, hints, is_outlet)


_OUTLET_QUOTED = re.compile(r"^(?P<outlet>[^:：\"“]{2,40}?)\s*[:：]\s*[\"“‘']")
_QUOTED_HEADLINE = re.compile(r"^(?P<outlet>[^:：\"“]{2,40}?)\s*[:：]\s*[\"“‘'](?P<headline>[^\"“”]{10,200})[\"”’']$")


def _quoting_outlet(line: Line, found: _Found, is_outlet: IsOutlet) -> None:
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


def _masthead_widget(lines: Sequence[Line], index: int) -> bool:
    """A date in the site's masthead: the next line is site chrome (login, menu, sections, a news ticker)."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(vocab.CHROME_LINE.match(following) or vocab.BREADCRUMB.match(following)
                or vocab.TICKER.match(following)) and (
        not is_date_line(following))


def _credits_outlet(text: str, is_outlet: IsOutlet) -> bool:
    """A credit line naming a known outlet: "Source: Xinhua", "(Reuters)", "Xinhua | Editor: Li"."""
    if (m := rules.SOURCE_LINE.match(text)) is not None:
        return is_outlet(m.group(1).strip()) or _names_outlet(m.group(1), is_outlet)
    return _names_outlet(text.strip("()（）[] "), is_outlet)


def _prose_words(lines: Sequence[Line]) -> int:
    """Words of the prose lines (story paragraphs) among these."""
    return sum(len(line.text.split()) for line in lines if line.in_body and is_prose(line.text))


def _slight(body: Sequence[str]) -> bool:
    """Too little prose to be a story yet: a tagline, a teaser or a standfirst."""
    return len(body) <= 2 and sum(len(p.split()) for p in body) < 60


def _titled(folded: str, title: str) -> bool:
    """The headline with a short lead ("08:25 am - Headline", "Re: Headline")."""
    return len(title) >= 20 and folded.endswith(title) and len(folded[: -len(title)].split()) <= 4


def _member(before: Sequence[Line]) -> Clue | None:
    """A forum member's name: the one-word line just above their rank, join date or post count."""
    for line in reversed(before):
        if rules.USERNAME.match(line.text) and not rules.FURNITURE.match(line.text) and (
                not vocab.MEMBER_RANK.match(line.text)):
            return Clue(line.text, f"{line.origin}: forum member above the member details")
    return None


def _profile_name(before: Sequence[Line]) -> Clue | None:
    """A writer's name on a profile card: the name-shaped line just above their headline and follower count."""
    for line in reversed(before):
        if rules.PERSON_NAME.match(line.text) and not rules.FURNITURE.match(line.text):
            return Clue(line.text, f"{line.origin}: profile name above the follower count")
    return None


def _account_name(line: Line, where: str = "account name beside the follow button") -> Clue | None:
    """The account on a social post: the handle or name on the line just above its follow button."""
    text = line.text
    if (rules.USERNAME.match(text) or rules.PERSON_NAME.match(text)) and not rules.FURNITURE.match(text) and (
            not vocab.CHROME_LINE.match(text) and not vocab.SITE_SECTION.match(text)):
        return Clue(text, f"{line.origin}: {where}")
    return None


def _poster(lines: Sequence[Line], index: int, found: _Found) -> None:
    """A post's header is its poster's name over its date: the name line just above the post date."""
    if not found.has("republisher") and index:  # (a yearless post date is no candidate, still a post header)
        above = lines[index - 1]
        if "@" in above.text or " at " in above.text:
            # A mail archive's sender: "Name <name@host>", "Name name at host.org" (the address hidden).
            above = Line(_SENDER_ADDRESS.sub("", above.text), above.origin, above.in_body)
        if not is_date_line(above.text) and not is_prose(above.text):
            _poster_name(found, _account_name(above, "name above the post date"), resolver.NAME_ABOVE_POST)


_SENDER_ADDRESS = re.compile(r"\s+[<(]?[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+[>)]?$")


def _poster_name(found: _Found, clue: Clue | None, score: float = resolver.PRINTED_REPUBLISHER) -> None:
    """Propose who posted the story on this page."""
    if clue is not None:
        found.propose("republisher", clue.value, clue.origin, score)


_TRAILING_LABEL = re.compile(rf"\s(?:{vocab.FIELD_LABELS})\s*[:：]$", re.I)


def _label_at_end(lines: Sequence[Line]) -> list[Line]:
    """A wrapped credit row ("By A and B Source:" / "Global Times Published: …"): a short line that
    ends with a field's label continues with that field's value on the next line."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last is not None and len(last.text) <= 120 and len(line.text) <= 120 and (
                (last.text.endswith((":", "：")) and _TRAILING_LABEL.search(last.text))
                or _time_of(last.text, line.text)):
            joined[-1] = Line(f"{last.text} {line.text}", last.origin, last.in_body)
        else:
            joined.append(line)
    return joined


def _time_of(date_text: str, text: str) -> bool:
    """A time alone on the line under a stamp that printed only its day ("Published: 2019/10/26" / "0:28:40")."""
    return bool(rules.TIME_ONLY.match(text)) and not re.search(r"\d[:.]\d\d", date_text) and (
        rules.STAMP_LABEL.search(date_text) is not None or _TRAILING_STAMP.search(date_text) is not None)


_TRAILING_STAMP = re.compile(r"(?:published|updated|posted)\s*(?:on|at)?\s*[:：]?\s*\S.{4,30}$", re.I)


def _labelled(lines: list[Line]) -> list[Line]:
    """A property label alone on its line ("Original:", "Created by") read with the value on the next line."""
    joined: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if following and len(text) <= 30 and len(following) <= 200 and (
                (text.endswith((":", "：")) and len(text.split()) <= 3) or rules.LABEL_ONLY.match(text)) and (
                not rules.FURNITURE.match(text)):  # "Quote:", "Tags:" head a block, not one value
            label = _LEADING_ICON.sub("", text)
            joined.append(Line(f"{label} {following}", line.origin, line.in_body))
            skip = True
        else:
            joined.append(line)
    return joined


_LEADING_ICON = re.compile(r"^[^\w(\[]+")


def _segments(line: Line) -> list[Line]:
    """A short meta row "Xinhua, 5 Mar 2021 21:40 · Shared on 6 Mar 2021 by x" read as its parts."""
    if len(line.text) < 200 and vocab.LEADING_LABEL.match(line.text) and "|" not in line.text and (
            len(fields := vocab.NEXT_LABEL.split(line.text)) > 1):
        # Several labels run together on one credit row: read it as the fields of a "|" row.
        return [Line(" | ".join(fields), line.origin, line.in_body)]
    if "·" not in line.text and "•" not in line.text:
        return [line]
    parts = [p.strip() for p in re.split(r"\s[·•]\s", line.text)]
    if len(parts) < 2 or len(line.text) > 200 or not any(is_date_line(p) for p in parts):
        return [line]
    return [Line(p, f"{line.origin} part {n}", line.in_body) for n, p in enumerate(parts, 1) if p]


def _credit(line: Line, found: _Found, is_outlet: IsOutlet, story: bool, following: str) -> bool:
    """Take credit, stamp, byline, editor and photo lines; True when the line was one."""
    text = line.text
    if len(text) > 420:
        return False  # credit, stamp and caption lines are short; story paragraphs are not
    if not rules.credit_shaped(text) and not _post_or_link_shaped(text):
        # None of the patterns below can match: only an outlet's bare name may.
        if len(text) <= 60 and is_outlet(text):
            found.credit(text, f"{line.origin}: outlet name line", resolver.BARE_NAME)
            return True
        return False
    if rules.EDITOR_LINE.match(text) or rules.PHOTO_LINE.match(text):
        return True
    if (m := rules.MAIL_FROM.match(text)) is not None and not story:
        found.propose("republisher", m.group("name"), f"{line.origin}: mail sender", resolver.PRINTED_REPUBLISHER)
        return True
    if len(found.body) >= 2 and (rules.SOURCE_LINE.match(text) or rules.REPORTING_LINE.match(text)
                                 or rules.ORIGINAL_URL.match(text)):
        found.ended = True  # a credit line after the paragraphs closes the story; comments follow
    if text[:4] == "http" and found.after_credit and (m := _BARE_URL.match(text)) and is_outlet(m.group("host")):
        # The outlet's address alone on the line under its credit: the original article.
        found.propose("source url", text, f"{line.origin}: the original's address under the outlet's credit",
                      resolver.PRINTED_URL)
        return True
    if text[:4].lower() in ("link", "url:") and (m := _LINK_LABEL.match(text)) and is_outlet(m.group("host")):
        # A link post ("link: https://…" over the shared story): the outlet's article it shares.
        found.propose("source url", m.group("url"), f"{line.origin}: the shared link", resolver.PRINTED_URL)
        found.credit(m.group("url"), f"{line.origin}: the shared link")
        return True
    if (m := rules.ORIGINAL_URL.match(text)) is not None:
        found.propose("source url", m.group(1), f"{line.origin}: original article's address", resolver.PRINTED_URL)
        found.credit(m.group(1), f"{line.origin}: original article's address")
        return True
    if (m := rules.REPORTING_LINE.match(text)) is not None:
        found.propose("reporting", m.group(1), f"{line.origin}: 'Reporting by' credit", resolver.PRINTED_BYLINE)
        return True
    if (m := rules.SOURCE_LINE.match(text)) is not None or ("|" in text and _stamp_fields(text, is_outlet)):
        _pipe_fields(m.group(1) if m else text, line.origin, found, is_outlet, labelled=m is not None)
        return True
    if (m := rules.PUBLISHED_ON_SITE.match(text)) and is_date_line(m.group("date")) and not is_outlet(m.group("site")):
        found.propose("republished", m.group("date"), f"{line.origin}: '{m.group(0)[:40]}'", resolver.POST_HEADER)
        return True
    if (m := rules.STAMP_LABEL.match(text)) is not None and is_date_line(m.group("rest")):
        if m.group("label").lower() in ("date", "time") and not story:
            # "Date: …" in a page's own header (a mail archive, a forum post) is its post date.
            found.propose("republished", m.group("rest"), f"{line.origin}: 'Date' header", resolver.POST_HEADER)
            return True
        role, why = _role(m.group("label")), f"{line.origin}: '{m.group('label')}' stamp"
        if role == "published" and not found.stamped():
            found.propose("header", m.group("rest"), why, resolver.LABELLED_HEADER)
        else:
            found.propose(role, m.group("rest"), why, resolver.PRINTED_STAMP)
        return True
    return _byline(line, found, is_outlet, story, following)


_BARE_URL = re.compile(r"^https?://(?P<host>[\w.-]+)/\S+$")
_LINK_LABEL = re.compile(r"^(?:link|url)\s*[:：]\s*(?P<url>https?://(?P<host>[\w.-]+)/\S+)$", re.I)


_LINK_OPENINGS = ("http", "link", "Link", "LINK", "url:", "URL:", "Url:")
# "(Outlet) 10:15, December 13, 2021": a dateline's token opening a line that is the outlet's stamp.
_OUTLET_IN_BRACKETS = rules.DATELINE_OPEN


def _post_or_link_shaped(text: str) -> bool:
    """Whether one of this module's own credit patterns (rules.credit_shaped lists the shared ones) may match:
    an outlet's stamp in brackets, an address under a credit, a link post's link, a post's time alone."""
    if text.startswith(_LINK_OPENINGS) or (text[:1] == "(" and _OUTLET_IN_BRACKETS.match(text)):
        return True
    return (("osted" in text or "ublished" in text) and _POST_TIME.search(text) is not None) or (
        "@" in text and _SIGNED_TIME.search(text) is not None)


def _outlet_like(name: str, is_outlet: IsOutlet) -> bool:
    return bool(name) and (is_outlet(name) or _proper_name(name))


def _outlet_after_names(name: str, is_outlet: IsOutlet) -> str | None:
    """The outlet in "Names, Outlet" / "Names for Outlet" / "Names (Outlet)", if the tail is one."""
    match = re.search(r"(?:,|\bfor\b|\()\s*(?:the\s+)?([^,()]{2,40}?)\)?\s*$", name)
    if match is None:
        return None
    # "By A and B, Associated Press Writers": the outlet, then the writers' role.
    outlet = rules.BYLINE_ROLE.sub("", match.group(1))
    return outlet if outlet and is_outlet(outlet) else None


_HEAD_END = re.compile(r"\s*(?:[·•|,]|\s-\s)\s*")


def _names_outlet(text: str, is_outlet: IsOutlet) -> bool:
    """Does this line start with an outlet's name ("Reuters · March 5", "AFP | Mar 9")?"""
    head = _HEAD_END.split(text, maxsplit=1)[0]
    return bool(head) and len(head) <= 40 and is_outlet(head)


def _byline(line: Line, found: _Found, is_outlet: IsOutlet, story: bool, following: str = "") -> bool:
    text = line.text
    if not found.body and " wrote" in text and (m := rules.WROTE_ON.match(text)) and is_date_line(m.group("date")):
        found.propose("republisher", m.group("name"), f"{line.origin}: entry's writer", resolver.PRINTED_REPUBLISHER)
        found.propose("republished", m.group("date"), f"{line.origin}: entry's time", resolver.POST_HEADER)
        return True
    if (m := rules.POSTED_BY.match(text)) is not None:
        found.propose("republisher", m.group(1), f"{line.origin}: 'Posted by' line", resolver.PRINTED_REPUBLISHER)
        when = rules.COMMENT_COUNT.sub("", m.group(2) or "")
        if is_date_line(when):
            found.propose("republished", when, f"{line.origin}: post date", resolver.POST_HEADER)
        elif rules.TIME_ONLY.match(when):
            found.propose("post time", when, f"{line.origin}: post time", resolver.POST_HEADER, "last")
        return True
    if (m := rules.POSTED_ON.match(text)) is not None and is_date_line(m.group(1)):
        found.propose("republished", m.group(1), f"{line.origin}: 'Posted on' line", resolver.POST_HEADER)
        if m.group(2):
            found.propose("republisher", m.group(2), f"{line.origin}: 'Posted on' line", resolver.PRINTED_REPUBLISHER)
        return True
    if len(text) <= 100 and ("osted" in text or "ublished" in text or "@" in text) and (
            m := _POST_TIME.search(text) or _SIGNED_TIME.search(text)) and not _printed_date(text):
        # "Posted On 23:26 by X 0 comments", "Like 0 Published at 5:55 PM Comments (0)": the post's time.
        found.propose("post time", m.group("time"), f"{line.origin}: post time", resolver.POST_HEADER, "last")
        if m.group("name"):
            found.propose("republisher", m.group("name"), f"{line.origin}: 'Posted at' line",
                          resolver.PRINTED_REPUBLISHER)
        return True
    if len(text) <= 60 and is_outlet(text):
        found.credit(text, f"{line.origin}: outlet name line", resolver.BARE_NAME)
        return True
    if text[:1] == "(" and (m := _OUTLET_IN_BRACKETS.match(text)) and is_outlet(m.group("outlet")) and (
            is_date_line(text[m.end():])):
        # "(Outlet) 10:15, December 13, 2021": the outlet's credit and its stamp on one line.
        found.credit(m.group("outlet"), f"{line.origin}: outlet and stamp")
        found.propose("stamp", text[m.end():], f"{line.origin}: outlet and stamp", resolver.BESIDE_CREDIT)
        return True
    if (m := rules.OUTLET_STAMP.match(text)) and is_outlet(m.group("outlet")) and is_date_line(m.group("date")):
        found.credit(m.group("outlet"), f"{line.origin}: outlet and stamp")
        found.propose("stamp", m.group("date"), f"{line.origin}: outlet and stamp", resolver.BESIDE_CREDIT)
        return True
    if text.endswith(")") and (m := rules.DATELINE_LINE.match(text)) and (
            outlet := _token_outlet(m.group("outlet"), is_outlet)):
        # "ASTANA, December 15 (Agency)" alone on a line (often under the story): a dateline as its credit line.
        found.credit(outlet, f"{line.origin}: dateline on a line of its own", resolver.DATELINE)
        _dateline_stamp(m, found)
        return True
    if (m := rules.NAMES_OUTLET.match(text)) is not None and is_outlet(m.group("outlet")):
        found.credit(m.group("outlet"), f"{line.origin}: outlet beside the byline")
        found.byline(m.group("names"), f"{line.origin}: byline naming the outlet")
        return True
    if (m := rules.BYLINE_OUTLET.match(text)) is not None and is_outlet(m.group("outlet")):
        found.credit(m.group("outlet"), f"{line.origin}: outlet in the byline")
        found.byline(m.group("names"), f"{line.origin}: byline")
        if is_date_line(m.group("date")):
            found.propose("stamp", m.group("date"), f"{line.origin}: stamp after the byline", resolver.BESIDE_CREDIT)
        return True
    if (m := rules.BYLINE.match(text)) is None or (is_prose(text) and len(text.split()) > 12):
        return False
    # The outlet's name on the next line ("By X" / "Reuters · March 5"): the byline is its story's.
    credit_next = _names_outlet(following, is_outlet)
    story = story or credit_next
    name = m.group(1).strip()
    # "By hafiz", "By admin": a site account's login (one lower-case word), not a reporter's name:
    # whoever posted the story on this page.
    account = not found.body and bool(_ACCOUNT_LOGIN.match(name.split(" ", 1)[0])) and (
        len(name.split()) == 1 or bool(rules.NAME_THEN_DATE.match(name)))
    if (split := rules.NAME_THEN_DATE.match(name)) and is_date_line(split.group("date")):
        name = split.group("name")
        _header_date(Line(split.group("date"), line.origin, line.in_body), found, story and not account)
    if account and _ACCOUNT_LOGIN.match(name):
        found.propose("republisher", name, f"{line.origin}: site account's byline", resolver.PRINTED_REPUBLISHER)
        return True
    desk = rules.DESK_WORDS.sub("", name)
    credit = _outlet_after_names(name, is_outlet)
    if is_outlet(name) or (desk != name and is_outlet(desk)):
        found.credit(desk if desk != name else name, f"{line.origin}: agency or desk byline")
        found.propose("desk byline", name, f"{line.origin}: agency or desk byline", resolver.PRINTED_BYLINE)
    elif credit:
        # "By DELPHINE ORTEGA, Associated Press": the byline of the outlet's story, wherever it stands.
        found.credit(credit, f"{line.origin}: outlet named in the byline")
        found.byline(name, f"{line.origin}: byline naming the outlet")
    elif found.body and _slight(found.body) and text[:3].lower() == "by ":
        found.body.clear()  # a "By …" line after a line or two of prose: that prose was a teaser
        found.byline(name, f"{line.origin}: byline")
    elif found.body and not _slight(found.body) and credit_next and text[:3].lower() == "by ":
        # "By X" over the outlet's name and stamp under the story: the byline nearest the credit is the story's.
        found.byline(name, f"{line.origin}: byline over the outlet's credit")
    elif found.body and not _slight(found.body):
        found.ended = True  # an author box after the story: the republisher, not the story's author
        found.propose("republisher", name, f"{line.origin}: author box after the story", resolver.PRINTED_REPUBLISHER)
    elif story and not text.lower().startswith("author"):
        found.byline(name, f"{line.origin}: byline")
    else:
        found.propose("republisher", name, f"{line.origin}: republisher's byline", resolver.PRINTED_REPUBLISHER)
    return True


# A post's footer signed "— author @ 11:18 pm" (the date stands in the post's header).
_SIGNED_TIME = re.compile(r"(?:^|[—–-]\s)(?P<name>[^\W\d][\w.'’-]{1,30}(?:\s[A-Z][\w.'’-]*){0,2})\s@\s"
                          r"(?P<time>\d{1,2}:\d{2}\s*[ap]\.?m\b\.?)\s*$", re.I)
# A post's header or footer that prints only the time of day (the date stands elsewhere), maybe its poster.
_POST_TIME = re.compile(r"\b(?:posted|published)\s+(?:on|at)\s+(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)"
                        r"(?![\d/.-])(?:\s+by\s+(?P<name>[^\W\d][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?", re.I)
_ACCOUNT_LOGIN = re.compile(r"^[a-z][a-z0-9_.]{2,24}$")


def _stamp_fields(text: str, is_outlet: IsOutlet) -> bool:
    """A pipe-separated credit such as "By A | chinadaily.com.cn | Updated: 2020-10-13 16:49"."""
    fields = [f.strip() for f in text.split("|")]
    return len(text) < 200 and any(
        rules.STAMP_LABEL.match(f) or rules.BYLINE.match(f) or is_outlet(f) for f in fields) and any(
        is_date_line(f) for f in fields)


def _pipe_fields(text: str, origin: str, found: _Found, is_outlet: IsOutlet, labelled: bool = False) -> None:
    if not labelled and _post_meta_row(text, origin, found, is_outlet):
        return
    # A stamp printed beside the outlet's name is the outlet's: it outranks loose date lines.
    beside = any(is_outlet(f.strip()) for f in text.split("|"))
    _read_fields(text, origin, found, is_outlet, resolver.BESIDE_CREDIT if beside else resolver.PRINTED_STAMP, labelled)


def _post_meta_row(text: str, origin: str, found: _Found, is_outlet: IsOutlet) -> bool:
    """"By admin | January 2, 2023 | Category | 0 Comments": the site's own post-meta row, a login as its
    byline: it names the poster and the post date, and credits no outlet (its other fields are categories)."""
    fields = [f.strip() for f in text.split("|")]
    if (m := rules.BYLINE.match(fields[0])) is None:
        return False
    login = m.group(1).strip()
    if not _ACCOUNT_LOGIN.match(login) or is_outlet(login):
        return False
    found.propose("republisher", login, f"{origin}: site account's post-meta row", resolver.PRINTED_REPUBLISHER)
    for index, part in enumerate(fields[1:], 2):
        if is_date_line(part):
            found.propose("republished", part, f"{origin}: post-meta field {index}", resolver.POST_HEADER)
    return True


def _read_fields(text: str, origin: str, found: _Found, is_outlet: IsOutlet, score: float,
                 labelled: bool = False) -> None:
    for index, part in enumerate(f.strip() for f in text.split("|")):
        where = f"{origin}: credit field {index + 1}"
        if not part:
            continue
        if (split := _outlet_then_date(part, is_outlet, labelled and index == 0)) is not None:
            # "Source" (full-width colon) "CGTN  Aug. 5, 2021 13:02 PM": name, then stamp, in one field.
            found.credit(split[0], where)
            found.propose(split[2], split[1], where, score)
            continue
        if (m := rules.POSTED_ON.match(part)) is not None and is_date_line(m.group(1)):
            found.propose("republished", m.group(1), where, resolver.POST_HEADER)
            if m.group(2):
                found.propose("republisher", m.group(2), where, resolver.PRINTED_REPUBLISHER)
        elif (m := rules.STAMP_LABEL.match(part)) is not None and is_date_line(m.group("rest")):
            found.propose(_role(m.group("label")), m.group("rest"), where, score)
        elif (m := rules.BYLINE.match(part)) is not None:
            desk = rules.DESK_WORDS.sub("", m.group(1))
            if is_outlet(m.group(1)) or is_outlet(desk):
                found.credit(desk, where)
            elif credit := _outlet_after_names(m.group(1), is_outlet):  # "By Li Wen, Xinhua"
                found.credit(credit, f"{where}: outlet named in the byline")
                found.byline(m.group(1), where)
            else:
                found.byline(m.group(1), where)
        elif is_date_line(part):
            found.propose("stamp", part, where, score)
        elif (m := rules.SOURCE_LINE.match(part)) is not None:
            found.credit(m.group(1).strip(), where)
        elif not rules.EDITOR_LINE.match(part):
            found.credit(part, where)


def _outlet_then_date(part: str, is_outlet: IsOutlet, labelled: bool) -> tuple[str, str, DateRole] | None:
    """An outlet's name followed by a printed date in one field (and the date's role); the name must be a
    known outlet, or a proper name standing right after a credit label ("Source:")."""
    if not part[:1].isalpha() or not is_date_line(part):
        return None
    hit = next((h for h in find_dates(part) if h.year is not None and h.trap is None), None)
    if hit is None or hit.start < 2:
        return None
    name, role = _label_tail(part[: hit.start].strip(" ,;:-–—·"), part[hit.start:])
    if not name or len(name) > 40 or is_date_line(name):
        return None
    return (name, part[hit.start:], role) if is_outlet(name) or (labelled and _proper_name(name)) else None


def _label_tail(name: str, date: str) -> tuple[str, DateRole]:
    """"Source: Outlet Updated 20:41, 17-Jan-2023": a stamp label with no colon of its own ends the outlet's
    name; it names the stamp's role."""
    words = name.split()
    for count in range(min(_LABEL_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-count:])
        if (m := rules.STAMP_LABEL.match(f"{tail} {date}")) is not None and m.group("rest") == date \
                and m.group("label").lower() not in _LOOSE_LABELS:
            return " ".join(words[:-count]), _role(m.group("label"))
    return name, "stamp"


# Words a stamp label runs to ("Last updated"); labels that are also common words in names are no label here.
_LABEL_WORDS = 2
_LOOSE_LABELS = frozenset(("date", "time", "release", "released", "releases", "update"))


def _role(label: str) -> DateRole:
    label = label.lower()
    if label.startswith(("updat", "modif")) or label in vocab.UPDATED_LABELS:
        return "updated"  # normalization makes a lone "Updated:" stamp the published one too
    return "published" if label.startswith(("publish", "releas")) or label in vocab.PUBLISHED_LABELS else "stamp"


_POST_DATE = ": republisher's post date"
# Lines between a forum member's details and the date of their post.
POST_DATE_REACH = 3
_THREAD_START = ": thread start date"


def _header_date(line: Line, found: _Found, story: bool, above_headline: bool = False) -> None:
    """A bare date: the outlet's stamp inside the story, the republisher's post date before it (above the
    headline, the date nearest the headline is the post's)."""
    if story and not found.stamped():
        # Above every byline and credit: the platform's date, unless the story prints no stamp of its own.
        found.propose("header", line.text, f"{line.origin}: date line above the story", resolver.PLAIN_HEADER, "last")
    elif story:
        if not found.has("stamp"):
            found.propose("stamp", line.text, f"{line.origin}: date line under the byline", resolver.PRINTED_STAMP)
    else:
        found.propose("republished", line.text, f"{line.origin}{_POST_DATE}", resolver.POST_ABOVE,
                      "last" if above_headline else "first")


def _page(found: _Found, title: str, hints: Hints, is_outlet: IsOutlet) -> Page:
    body = _strip_datelines(found, is_outlet)
    for names in hints.bylines:
        found.metadata("byline", names, resolver.META_BYLINE)
    for outlet in hints.outlets:
        found.metadata("outlet", outlet, resolver.META_OUTLET)
    found.metadata("source url", hints.source_url, resolver.META_URL)
    for stamp in hints.dates:
        found.metadata(stamp.role, stamp, resolver.META_STAMP)
    found.metadata("republished", hints.republished, resolver.META_POST)
    found.metadata("republisher", hints.republisher, resolver.META_REPUBLISHER)
    chosen = resolver.resolve(found.candidates, outlet_page=hints.outlet_page)
    return Page(
        title=hints.title or Clue(title, "page title"),
        body=tuple(body),
        outlets=chosen.outlets,
        bylines=chosen.bylines,
        dates=chosen.dates,
        republisher=None if hints.outlet_page else chosen.republisher,
        republished=None if hints.outlet_page else chosen.republished,
        source_url=chosen.source_url,
        via=hints.via,
        links=hints.links,
        site=hints.site,
        page_zone=hints.page_zone,
    )


def _strip_datelines(found: _Found, is_outlet: IsOutlet) -> list[str]:
    """Take the agency token out of the first paragraph's dateline and the last one's credit."""
    body = list(found.body)
    for index in range(min(3, len(body))):  # a standfirst may stand before the datelined paragraph
        datelined = _dateline(body[index], found, is_outlet)
        if datelined != body[index]:
            body[index] = datelined
            if any(vocab.FIRST_PERSON.search(p) for p in body[:index]):
                del body[:index]  # the poster's own words above the pasted story, not its standfirst
            else:  # a photo's caption above the datelined paragraph is no standfirst
                body[:index] = [p for p in body[:index] if not rules.CAPTION_CREDIT.search(p)]
            break
    if body:
        body[-1] = _trailing_credit(body[-1], found, is_outlet)
    # Headlines of related stories under the story (no sentence of their own): the credited last
    # sentence above them is where the story ends.
    for last in range(len(body) - 2, max(-1, len(body) - 2 - TEASER_REACH), -1):
        if found.count("outlet", resolver.DATELINE) or rules.SENTENCE_END.search(body[last + 1]):
            break
        credited = _trailing_credit(body[last], found, is_outlet)
        if found.count("outlet", resolver.DATELINE):
            body[last:] = [credited]
    return [p for p in body if p]


# Headline-shaped lines under a story that are read as related teasers when the story's credit stands above.
TEASER_REACH = 6


def _dateline(text: str, found: _Found, is_outlet: IsOutlet) -> str:
    if (m := rules.DATELINE_OPEN.match(text)) and (outlet := _token_outlet(m.group("outlet"), is_outlet)):
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        return text[m.end():]
    if (m := rules.DATELINE_CITY.match(text)) and ((outlet := _token_outlet(m.group("outlet"), is_outlet))
                                                   or _proper_name(m.group("outlet"))):
        # "CITY (Name) --" is a credit by its shape: an outlet feeder does not know is credited as printed.
        found.credit(outlet or m.group("outlet"), "dateline of the first paragraph" + (
            "" if outlet else PRINTED_CREDIT), resolver.DATELINE)
        _dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    if (m := _DATELINE_UNDASHED.match(text)) and (outlet := _token_outlet(m.group("outlet"), is_outlet)):
        # "Melbourne, Oct 22 (PTI) Australian …", "Madrid, Mar 18 (EFE).- Spain's …": a known outlet's token
        # with no dash after it; the token goes, the rest stays as printed.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        _dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    if (m := rules.DATELINE_MARKED.match(text)) and is_outlet(code := m.group("slashed") or m.group("barred")):
        found.credit(code, "dateline of the first paragraph", resolver.DATELINE)
    return text


# "(AFP/VNA)", "(APP, LPP)", "(agency-photo agency)": a token naming the agencies that carried the story.
_TOKEN_PARTS = re.compile(r"\s*[,/;]\s*|\s*-\s*|\s+and\s+|\s*&\s*")


def _token_outlet(token: str, is_outlet: IsOutlet) -> str | None:
    """The outlet a dateline's token names: the whole token, else the first of the agencies it joins that
    feeder knows (the first is the story's; the others carried it or its photos)."""
    if is_outlet(token):
        return token
    return next((part for part in _TOKEN_PARTS.split(token) if part and is_outlet(part)), None)


def _dateline_stamp(m: re.Match[str], found: _Found) -> None:
    """"CITY, Mar 3, 2021 (Agency) -": a dateline's date with its year is the story's stamp (one
    without a year is a trap, and propose drops it)."""
    if m.group("date"):
        found.propose("stamp", m.group("date"), "date of the first paragraph's dateline", resolver.DATELINE_STAMP)


# A dateline whose agency token is followed by the story's first word (or ".-"), not by a dash.
_DATELINE_UNDASHED = re.compile(
    r"^(?P<city>[A-Z][A-Za-z .'’-]{1,40}?(?:,\s*[A-Z][A-Za-z .]{1,25}?)?(?:,\s*" + rules.DATELINE_DATE + r")?),?\s*"
    r"(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\))(?=\.-\s|\s+[A-Z\"“‘])")


# Origin suffix of a credit whose outlet is credited by its printed name (see normalize).
PRINTED_CREDIT = " (a credit by its shape; outlet as printed)"
_PROPER_NAME = re.compile(r"^(?:[A-Z][\w&'’.-]*|of|the|de|al)(?:\s+(?:[A-Z][\w&'’.-]*|of|the|de|al)){0,4}$")


def _proper_name(text: str) -> bool:
    """Capitalised words, as an outlet's name is printed ("ABC News", "Prensa Latina")."""
    return bool(_PROPER_NAME.match(text)) and not rules.PHOTO_LINE.match(text) and text[0].isupper()


def _trailing_credit(text: str, found: _Found, is_outlet: IsOutlet) -> str:
    """Credits glued to the end of the story: "(Xinhua)", "— AFP", "/IANS", "(Reporting by …; Editing by …)"."""
    tail = text[-50:].rstrip()
    if not tail.endswith((")", "]", "）")) and not any(mark in tail for mark in "-–—/"):
        return text  # nothing glued after the last sentence: most stories end so, spare them the patterns
    if (m := rules.TRAILING_REPORTING.search(text)) is not None:
        found.propose("reporting", m.group("names").strip(), "'Reporting by' credit at the end of the last paragraph",
                      resolver.PRINTED_BYLINE)
        text = text[: m.start()].rstrip()
    for pattern in (rules.TRAILING_CREDIT, rules.TRAILING_DASH_CREDIT):
        if (m := pattern.search(text)) and is_outlet(m.group("outlet")):
            found.credit(m.group("outlet"), "credit at the end of the last paragraph", resolver.DATELINE)
            return text[: m.start()].rstrip()
    return text
