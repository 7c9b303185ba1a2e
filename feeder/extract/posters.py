"""Who posted the story on this page and when: forum members, profile cards, account names, post-header dates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeder.extract import resolver, rules, vocab
from feeder.extract.dates import find_dates
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, is_date_line, is_prose
from feeder.fold import fold_text
from feeder.records import Clue


def member_name(before: Sequence[Line]) -> Clue | None:
    """A forum member's name: the one-word line just above their rank, join date or post count."""
    for line in reversed(before):
        if rules.USERNAME.match(line.text) and not rules.FURNITURE.match(line.text) and (
                not vocab.MEMBER_RANK.match(line.text)):
            return Clue(line.text, f"{line.origin}: forum member above the member details")
    return None


def profile_name(before: Sequence[Line]) -> Clue | None:
    """A writer's name on a profile card: the name-shaped line just above their headline and follower count."""
    for line in reversed(before):
        if rules.PERSON_NAME.match(line.text) and not rules.FURNITURE.match(line.text):
            return Clue(line.text, f"{line.origin}: profile name above the follower count")
    return None


# A field label alone on its line ("Date", "Author:"): its value stands on the next line, it names no one.
_FIELD_LABEL_ALONE = re.compile(rf"^(?:{vocab.FIELD_LABELS})\s*[:：]?$", re.I)


def account_name(line: Line, where: str = "account name beside the follow button") -> Clue | None:
    """The account on a social post: the handle or name on the line just above its follow button."""
    text = line.text
    if (rules.USERNAME.match(text) or rules.PERSON_NAME.match(text)) and not rules.FURNITURE.match(text) and (
            not vocab.CHROME_LINE.match(text) and not vocab.SITE_SECTION.match(text)) and (
            not _FIELD_LABEL_ALONE.match(text)):
        return Clue(text, f"{line.origin}: {where}")
    return None


def propose_poster(lines: Sequence[Line], index: int, found: Found) -> None:
    """A post's header is its poster's name over its date: the name line just above the post date."""
    if not found.has("republisher") and index:  # (a yearless post date is no candidate, still a post header)
        above = lines[index - 1]
        if "@" in above.text or " at " in above.text:
            # A mail archive's sender: "Name <name@host>", "Name name at host.org" (the address hidden).
            above = Line(_SENDER_ADDRESS.sub("", above.text), above.origin, above.in_body)
        if not is_date_line(above.text) and not is_prose(above.text):
            poster_name(found, account_name(above, "name above the post date"), resolver.NAME_ABOVE_POST)


def not_the_headline(found: Found, title: str) -> None:
    """A name over the post date that is the page's headline (a short title over its stamp) names no poster."""
    folded = fold_text(title)
    found.candidates[:] = [c for c in found.candidates if not (
        c.role == "republisher" and c.score == resolver.NAME_ABOVE_POST and fold_text(c.value) == folded)]


_SENDER_ADDRESS = re.compile(r"\s+[<(]?[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+[>)]?$")


def poster_name(found: Found, clue: Clue | None, score: float = resolver.PRINTED_REPUBLISHER) -> None:
    """Propose who posted the story on this page."""
    if clue is not None:
        found.propose("republisher", clue.value, clue.origin, score)


_POST_DATE = ": republisher's post date"


# Lines between a forum member's details and the date of their post.
POST_DATE_REACH = 3


THREAD_START = ": thread start date"


def header_date(line: Line, found: Found, story: bool, above_headline: bool = False) -> None:
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


def teaser_stamps(found: Found, kept: int) -> None:
    """Under the story's end (related posts, more news, replies) a labelled stamp that credits no outlet in its row
    is another story's, as a bare date line there is: the candidates proposed from ``kept`` on lose their stamps."""
    new = found.candidates[kept:]
    if any(c.role == "outlet" for c in new):
        return
    stamps = [c for c in new if c.role in resolver.ORIGINAL_ROLES]
    for c in stamps:
        found.proposed[c.role] -= 1
    found.candidates[kept:] = [c for c in new if c not in stamps]


# A teaser's headline over its date in a list under the story: a few words, no sentence closed.
_TEASER_WORDS = (4, 24)
_CLOSED = re.compile(r"[.!?:。！？][\"”’')]*$")


def teaser_pairs(lines: Sequence[Line], index: int) -> bool:
    """The date at ``index`` stands under a headline in a list of such pairs (a "Latest news" block under the story:
    headline, date, headline, date): it is that teaser's date, not the post's."""
    def pair(at: int) -> bool:
        if at < 1 or at >= len(lines):
            return False
        title = lines[at - 1].text
        return (_TEASER_WORDS[0] <= len(title.split()) <= _TEASER_WORDS[1] and title[:1].isupper()
                and not _CLOSED.search(title) and not is_date_line(title) and is_date_line(lines[at].text))
    return pair(index) and (pair(index + 2) or pair(index - 2))


def lead_time(line: Line, found: Found) -> None:
    """"08:25 am - Headline": a journal's entry prints its post time before the headline; it completes a day-only
    post date."""
    if (m := _LEAD_TIME.match(line.text)) is not None:
        found.propose("post time", m.group("time"), f"{line.origin}: post time before the headline",
                      resolver.POST_HEADER, "last")


_LEAD_TIME = re.compile(r"^(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)\s*[-–—|:]\s+\S", re.I)


# A login as forums print it over a post: one word holding a digit or an underscore ("KLtrader_88", "mei.l2021").
_LOGIN = re.compile(r"^(?=[^\s]*[\d_])[^\W\d_][\w.\-]{2,31}$")


def login_over_stamp(lines: Sequence[Line], index: int, found: Found) -> bool:
    """"KLtrader_88" over "Publish date: Tue, 4 Jun 2019, 10:12 AM": a login over a labelled date, above the story,
    is a post's header (who posted it and when), not the story's byline and stamp; True when the line was one."""
    if not index or found.has("republisher") or not _LOGIN.match(above := lines[index - 1].text) or (
            rules.FURNITURE.match(above)):
        return False
    text = lines[index].text
    if not any(hit.label is not None and hit.year is not None and hit.trap is None for hit in find_dates(text)):
        return False
    found.propose("republished", text, f"{lines[index].origin}: labelled date under the poster's login",
                  resolver.POST_HEADER)
    poster_name(found, Clue(above, f"{lines[index - 1].origin}: login over the post date"))
    return True


def recency_pair(lines: Sequence[Line], index: int, found: Found) -> bool:
    """"Dec 10, 2022" over "Updated 3 hrs ago": a site's CMS prints its post date with a freshness label on the
    site's own clock; that date is the post's, not the story's stamp (the relative time itself is a trap, never a
    date); True when the line was one."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if len(following) > 40 or not any(
            hit.trap == "relative" and hit.label == "updated" for hit in find_dates(following)):
        return False
    found.propose("republished", lines[index].text, f"{lines[index].origin}: post date over the site's "
                  "'updated … ago' label", resolver.POST_HEADER)
    return True


def stamp_over_headline(lines: Sequence[Line], index: int, found: Found, is_outlet: IsOutlet,
                        story: bool | None = None) -> None:
    """A date line in the post's header, above the headline: the story header's stamp (``story``: the line just
    above the headline) or the post's date and poster (further above); but "EFE" over "02/22/2024", a date right
    under a line that is only an outlet's name, is that outlet's stamp (the date nearest the outlet's credit)."""
    line = lines[index]
    if index and is_outlet(lines[index - 1].text.strip()):
        found.propose("stamp", line.text, f"{line.origin}: stamp under the outlet's name", resolver.BESIDE_CREDIT)
    elif story is not None:
        header_date(Line(line.text, f"{line.origin} (above the headline)", line.in_body), found, story)
    else:
        header_date(line, found, False, above_headline=True)
        propose_poster(lines, index, found)
