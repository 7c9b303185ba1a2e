"""One resolver: from the scored candidates the detectors propose, pick each role's value by named tie-breaks.

Detectors (the line reader, HTML metadata) never decide: each proposes a Candidate with its role,
the printed value, the block it stands in, a score and why it was proposed. ``resolve`` then makes
one assignment for the whole page, and every chosen value says which tie-break won it:

- the original stamp is the date nearest the outlet's credit (a stamp in or beside the credit row
  outranks every other printed stamp; metadata stamps come last);
- a stamp standing above the whole story is the republishing page's post date (the blog's own date
  is only the republication date); it is the story's stamp only on the outlet's own page, when the
  page names its post date elsewhere, or when it is the only stamp and stands by a byline or credit
  row naming the outlet (within CREDIT_REACH blocks);
- the post date is the one a label or the page's post header names, else the date nearest the
  story's start above it (a bare date far above the story's own header stamp is the masthead's: MASTHEAD_REACH),
  else the date under the post, nearest the republisher on a tie;
- the poster is never one of the story's own bylines ("Reporting by X" did not repost it);
- traps (a capture-day widget, a forum member's join date, a date inside the story's sentences)
  are never proposed as dates, so they never win.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple, get_args

from feeder.extract import lazy_re as re
from feeder.extract.dates import find_dates
from feeder.fold import fold_text
from feeder.records import Clue, DateClue, DateRole

# Roles a candidate may be proposed for. "header" is a stamp above the whole story (the platform's
# or the story's, decided here); "post time" a time alone that completes a day-only post date; "story" marks the block
# of the story's first paragraph (what stands above it is the page's header).
Role = Literal["published", "updated", "stamp", "header", "republished", "post time", "republisher", "outlet",
               "source url", "byline", "reporting", "desk byline", "headline", "feed page", "story"]
ORIGINAL_ROLES: tuple[DateRole, ...] = get_args(DateRole)

# Scores of original-stamp candidates. bench/fit_resolver.py sweeps them leave-one-set-out.
BESIDE_CREDIT = 3.0  # in the outlet's credit row, or on the line next to it
PRINTED_STAMP = 1.0  # a labelled stamp or a date line in the story's header or byline row
DATELINE_STAMP = 0.75  # the date of a dated dateline opening the story ("CITY, Mar 3, 2021 (Agency) -")
META_STAMP = 0.5  # a stamp from the page's metadata (HTML meta tags, JSON-LD)
# Scores of header candidates (a stamp above the whole story).
LABELLED_HEADER = 2.0  # "Published: …": the label says it is the story's
PLAIN_HEADER = 1.0  # a bare date line; the one nearest the story wins
# A stamp above the story this many blocks from a byline or credit row naming the outlet is the outlet's.
CREDIT_REACH = 2
# A bare date line further than this many blocks above the story's header stamp stands in the site's masthead
# (today's date, a clock widget), not over the post: the header stamp, nearest the story, is the post date.
MASTHEAD_REACH = 6
# Rows of stamps printed one under another ("Published: …" over "Updated: …") right under an agency's account in
# the byline slot: all of them the site's post, not the story's.
ACCOUNT_ROWS = 2
# ... the first of them within this many blocks under the account's name (a theme may print a line between).
ACCOUNT_REACH = 1
# A person's byline with a date under it above a story whose only credit is a labelled source line ("Source: Outlet")
# is the site's own post header: its author posted the outlet's story (1: the tie-break applies; 0: it does not).
SITE_BYLINE = 1
# A printed credit naming the site itself (its masthead, title suffix, og:site_name) makes the page the outlet's own
# for its stamps (1: the tie-break applies; 0: it does not).
OWN_CREDIT_PAGE = 1
# A day-only post date printed again with its time is completed by it (1: the tie-break applies; 0: it does not).
SAME_DAY_TIME = 1
# The only stamp above the story within this many blocks under an agency named in the byline slot is the site's post
# date (0: the tie-break does not apply).
AGENCY_SLOT = 2
# The end of the origin of a credit row's "By Agency" field (extract/credit_rows.py).
AGENCY_BYLINE_FIELD = ": an agency's byline"
# Scores of post-date candidates.
META_POST = 4.0  # the page's metadata names its own post date
# A post header names it: a label ("Posted on …", "Posted by X on …", a mail's "Date:"), a thread's
# start date, the date line under a forum poster's details.
POST_HEADER = 2.0
POST_ABOVE = 1.0  # a date line above the story (nearest the story wins)
POST_BELOW = 1.0  # a date line under the whole post
# Scores of outlet candidates: normalization reads them in this order and credits the first it can name.
CREDIT_ROW = 2.0  # a credit label or row ("Source: …", "By A | Outlet | date"), a byline naming the outlet
BARE_NAME = 1.5  # an outlet's name alone on a line (a byline slot, also a breadcrumb or a tag)
# A site's own credit line naming the agency it wrote the story with ("Site avec AFP"): the stamps beside it
# are the site's, so it credits the agency without claiming them.
WITH_AGENCY = 1.25
DATELINE = 1.0  # a dateline opening the story, or a credit glued to its last sentence
# The site a feed tool's footer names ("The post X appeared first on Site."): an autoblog's source, but on a
# reader's view of a blog the blog itself, so any other credit outranks it.
FEED_SITE = 0.75
# The learned credit scorer's outlet (extract/creditmodel.py): proposed only when no rule printed a credit, and
# dropped when a rule's credit is proposed later (a dateline's): it reads the forms the rules miss, no more.
MODEL_CREDIT = 1.0
MODEL_CREDIT_WHY = "the credit model's outlet"
META_OUTLET = 0.5  # metadata (og:site_name of an outlet, JSON-LD publisher, a link to the outlet)
# Scores of the original article's address.
META_URL = 4.0  # metadata (canonical link or og:url of the outlet's page)
PRINTED_URL = 1.0  # "Original: https://…" printed under the story; the first printed wins
# Scores of byline candidates: normalization reads them in this order and takes the first naming a person.
PRINTED_BYLINE = 1.0  # a byline, a "Reporting by" credit, a byline field of a credit row
META_BYLINE = 0.5  # metadata (meta author, JSON-LD author, an author link)
# Scores of a text dump's headline candidates (HTML pages have their <title>, <h1> and og:title).
CONTAINER_HEADLINE = 3.0  # a shared story inside a container: 【】 in a social post, the line above its byline
BELOW_HEADLINE = 2.0  # a title-like line below site chrome, scored by feeder/extract/headline.py
# The learned line scorer's headline (extract/linemodel.py): over the capture's first line, under the rules' pick
# below chrome and a container's. bench/train_lines.py --wired fits it leave-one-set-out: 1.5 gets 4 more
# titles and a body more than no model, 2.5 and 3.5 more titles but a body fewer.
MODEL_HEADLINE = 1.5
FIRST_LINE_HEADLINE = 1.0  # the capture's first line (its page title), without the site's name
# Scores of republisher candidates.
META_REPUBLISHER = 4.0  # the page's metadata (HTML author of the post)
PRINTED_REPUBLISHER = 1.0  # a poster's name printed on the page; the first printed wins
# A line over the post date read as the poster's name: often the blog's own name, so a footer's
# "Posted by X" outranks it.
NAME_ABOVE_POST = 0.5
# A forum thread's header (who started the thread, and when): the post carrying the story may be a
# later one, on a later page, so a post's own header outranks it.
THREAD_START = 0.75


# The end of an outlet candidate's provenance that lets normalization credit a name the registry does not know.
PRINTED_CREDIT = " (a credit by its shape; outlet as printed)"


class Candidate(NamedTuple):
    """A value proposed for one role: where it stands (block index), how strongly, and why (immutable; a
    named tuple, as a page proposes many and builds them in its inner loop)."""

    role: Role
    value: str
    block: int
    score: float
    why: str  # provenance: the block and the detector that proposed it
    nearest: Literal["first", "last"] = "first"  # which of equal candidates a tie-break prefers
    printed: bool = True  # False: from the page's metadata, not its visible text


@dataclass(frozen=True, slots=True)
class Resolved:
    """The chosen values: original stamps (best first, one list per page), post date and poster."""

    dates: tuple[DateClue, ...]
    republished: Clue | None
    republisher: Clue | None
    outlets: tuple[Clue, ...] = ()  # strongest first: normalization credits the first it can name
    bylines: tuple[Clue, ...] = ()  # strongest first: normalization takes the first naming a person
    source_url: Clue | None = None
    feed_copy: bool = False  # the page's only printed credit is the site a feed's footer names
    own_story: bool = False  # a credit in a credit's place names the site itself: the outlet's own page, no repost


def resolve(candidates: Sequence[Candidate], *, outlet_page: bool, site: Sequence[str] = ()) -> Resolved:
    """One consistent assignment of every role from the candidates proposed on the page (``site``: the names the
    page gives itself, its masthead or title suffix and og:site_name)."""
    by_role: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_role.setdefault(candidate.role, []).append(candidate)
    _staff_credits(by_role)
    _named_by_address(by_role)
    _model_credit_gives_way(by_role)
    _named_by_credit(by_role)
    _another_outlets_stamp(by_role)
    feed_copy = _feed_copy(by_role)
    if feed_copy:
        # Tie-break: an autoblog's copy of a feed credits only the feed's site; the byline it prints is its own
        # account's, who posted the copy, not the story's author.
        printed = [c for c in by_role.get("byline", ()) if c.printed]
        by_role["byline"] = [c for c in by_role.get("byline", ()) if not c.printed]
        by_role.setdefault("republisher", []).extend(
            c._replace(role="republisher", score=PRINTED_REPUBLISHER) for c in printed)
    # Only the site credited (no other outlet's credit printed): a credit naming the site may make it the outlet.
    # (The site's own name: its og:site_name or title suffix when it has one, not any part of its title line.)
    named = tuple(site[:1]) if site and site[0] else site
    alone = not outlet_page and not _credits_another(by_role, named)
    if alone:
        _site_desk(by_role, site)
    elif not outlet_page:
        _site_desk_posts(by_role, site)
    credits_site = not outlet_page and _credits_the_site(by_role, site)
    if SITE_BYLINE and not outlet_page and not credits_site:
        _site_byline(by_role)
    if not outlet_page and not credits_site:
        _masthead_byline(by_role, site)
    if not outlet_page:
        _dated_dateline(by_role)
    # Tie-break (the label contract): a printed credit naming the site itself, in a credit's place (a dateline's
    # token, a source or sign-off line, a desk's byline), makes the page the outlet's own story: its writer is the
    # story's author, its stamps the story's, and no one reposted it. (A feed aggregator's page names its feeds'
    # sites and posts nothing of its own.) The site's masthead, title or copyright line alone is no such credit.
    own_credit = bool(OWN_CREDIT_PAGE and credits_site and not _feed_page(by_role))
    own_story = own_credit and alone
    if own_story:
        _own_story(by_role, named)
    poster = _poster(by_role)
    dates, post = _stamps(by_role, poster, outlet_page or own_credit)
    outlets = tuple(Clue(c.value, c.why, c.block if c.printed else None) for c in _ranked(by_role.get("outlet", ())))
    bylines = tuple(Clue(c.value, c.why) for c in _ranked(_bylines(by_role)))
    return Resolved(dates, post, _clue(poster), outlets, bylines, _clue(_best(by_role.get("source url", ()))),
                    feed_copy, own_story)


def headline(first_line: Candidate, others: Sequence[Candidate]) -> Candidate:
    """The headline of a text dump: the best-scored candidate; on a tie, the one nearest the top."""
    return _best([first_line, *others]) or first_line


# "Outlet Name - March 1, 2023": a name, a separator, then the rest of a date line.
_NAME_HEAD = re.compile(r"^(?P<name>[^\W\d][^|,:–—]{2,40}?)\s*(?:\s[-–—]\s|\||,|:)\s*(?P<rest>\S.*)$")
_ADDRESS_HOST = re.compile(r"^https?://(?:www\.)?(?P<host>[\w.-]+)")


def letters(text: str) -> str:
    """A name compared by its letters and digits alone, case folded: "Eastern Eye", "EasternEye" and "eastern_eye"
    are one name (the site's own name, an account's, an address's label)."""
    return "".join(filter(str.isalnum, text.casefold()))  # filter(): the loop stays in C


def _named_by_address(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: a date line above the story that opens with the name the original's address spells ("Benar
    News - March 1, 2023" over a link to benarnews.org) is the outlet's credit and its stamp, not a post date."""
    url = _best(by_role.get("source url", ()))
    host = _ADDRESS_HOST.match(url.value) if url is not None else None
    if host is None:
        return
    labels = {letters(label) for label in host.group("host").split(".")[:-1] if len(label) >= 4}
    for role in ("header", "republished"):
        for c in list(by_role.get(role, ())):
            if not c.printed or (role == "republished" and c.score != POST_ABOVE):
                continue
            if (m := _NAME_HEAD.match(c.value)) is None or letters(m.group("name")).removeprefix("the") not in {
                    label.removeprefix("the") for label in labels}:
                continue
            by_role[role].remove(c)
            why = f"{c.why}: the name the original's address spells"
            by_role.setdefault("stamp", []).append(Candidate("stamp", m.group("rest"), c.block, BESIDE_CREDIT, why))
            by_role.setdefault("outlet", []).append(
                Candidate("outlet", m.group("name").strip(), c.block, CREDIT_ROW, f"{why}{PRINTED_CREDIT}"))


# The rest of a credit row's first field before its bar ("Article |", "| "): one word at most.
_FIELD_BEFORE_BAR = re.compile(r"^(?:[^\W\d]+\s*)?[|·•]\s*")


def _named_by_credit(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: a date line that opens with the outlet credited on that very line ("Outlet 21 Apr 2025 11:39 am"
    under a teaser) is the outlet's credit row and its stamp, not a post date: one line is not both."""
    # A dateline's or glued credit stands in the story's paragraphs (proposed after the walk, at its last block),
    # never on a date line: only credits read from a line itself (rows, names, the credit model's) count here.
    credits = {(c.block, fold_text(c.value)) for c in by_role.get("outlet", ()) if c.printed and len(c.value) >= 3
               and (c.score != DATELINE or MODEL_CREDIT_WHY in c.why)}
    if not credits:
        return
    for role in ("header", "republished"):
        for c in list(by_role.get(role, ())):
            name = next((n for b, n in credits if b == c.block and fold_text(c.value).startswith(n + " ")), None)
            if not c.printed or name is None:
                continue
            rest = c.value.split(None, len(name.split()))[-1]
            # A row's fields between bars: "Outlet Article | 08/23/2020 09:59" (a word naming the item, then the bar).
            rest = rest[m.end():] if (m := _FIELD_BEFORE_BAR.match(rest)) is not None else rest
            if not (hits := find_dates(rest)) or hits[0].start != 0:
                continue  # "Outlet Think Tank October 3rd": a desk's name runs on between the credit and the date
            by_role[role].remove(c)
            # A printed stamp's rank: a line saying where the story first appeared still outranks it.
            by_role.setdefault("stamp", []).append(
                Candidate("stamp", rest, c.block, PRINTED_STAMP, f"{c.why}: the stamp beside the outlet's name"))


# "Bloomberg 21 Apr 2024 11:39 am": a name (capitalised words, no label) printed before a stamp's date.
_NAMED_STAMP = re.compile(r"^(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s+(?=\d)")
# ... but not a one-word label the date finder does not know ("Curated 13 May 2021", "Filed 2 June 2020").
_VERB_LABEL = re.compile(r"^\w+(?:ed|ing)$")


def _another_outlets_stamp(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: a stamp line that opens with a name other than every outlet the page credits ("Bloomberg 21 Apr
    2024" above a story credited "Source: Nikkei Asia") is that other name's stamp: never the credited outlet's,
    nor this page's post date (a post's date prints a label or no name)."""
    credited = {fold_text(c.value) for c in by_role.get("outlet", ()) if c.printed}
    if not any(c.printed and c.score >= CREDIT_ROW for c in by_role.get("outlet", ())):
        return
    for role in ("header", *ORIGINAL_ROLES):
        for c in list(by_role.get(role, ())):
            if not c.printed or c.score >= BESIDE_CREDIT or (m := _NAMED_STAMP.match(c.value)) is None or (
                    _VERB_LABEL.match(m.group("name"))):
                continue
            hits = find_dates(c.value)
            if not hits or hits[0].label is not None or hits[0].start != m.end():
                continue
            name = fold_text(m.group("name"))
            if any(name == n or name.startswith(n + " ") or n.startswith(name + " ") for n in credited):
                continue
            by_role[role].remove(c)


# "Source: Civic Daily staff": a credit to an outlet's staff.
_STAFF_CREDIT = re.compile(r"^(?P<name>\S.*?)\s*(?:'s)?\s+staff(?:\s+(?:writers?|reporters?))?\W*$", re.I)


def _staff_credits(by_role: dict[str, list[Candidate]]) -> None:
    """A credit to an outlet's staff ("Source: Civic Daily staff") names that outlet, not an outlet called so."""
    outlets = by_role.get("outlet", [])
    for index, c in enumerate(outlets):
        if c.printed and (m := _STAFF_CREDIT.match(c.value)) is not None:
            outlets[index] = c._replace(value=m.group("name"), why=f"{c.why} (a staff credit names its outlet)")


_TITLE_PARTS = re.compile(r"\s+[-|–—:·•»]\s+")


def names_the_site(name: str, site: Sequence[str]) -> bool:
    """Whether a printed name is the site's own: its og:site_name, its masthead, or a part of its title line
    ("Site - Tagline", "Headline | Site"), compared by letters, a leading "The" aside."""
    own = letters(name).removeprefix("the")
    return bool(own) and any(own == letters(part).removeprefix("the") for line in site
                             for part in _TITLE_PARTS.split(line))


def _credits_the_site(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> bool:
    """A printed credit names the site itself (its masthead, title suffix or og:site_name): the page is the site's
    own story, whose byline and date are the story's, not a post header over another outlet's story."""
    outlets = [c for c in by_role.get("outlet", ()) if c.printed]
    if not outlets:
        return False
    # names_the_site for every credit, the site's parts folded once.
    parts = {letters(part).removeprefix("the") for line in site for part in _TITLE_PARTS.split(line)} - {""}
    return any(letters(c.value).removeprefix("the") in parts for c in outlets)


# A desk's or staff's byline: a name and its desk's word ("Site Staff", "SITE NEWSDESK", "By Site Reporter").
_DESK_BYLINE = re.compile(r"^(?:by\s+)?(?P<name>\S.*?)\s+(?:staff(?:\s+(?:writers?|reporters?))?|news\s*desk|desk|"
                          r"news\s*room|reporters?|correspondents?|editors?|editorial(?:\s+(?:team|board))?)\W*$", re.I)
# ... its desk's word anywhere in a byline (a cheap test before the byline's date is looked for).
_DESK_WORD = re.compile(r"(?i)\b(?:staff|(?:news\s*)?desk|news\s*room|reporters?|correspondents?|editors?|editorial)\b")
# The fewest letters of a desk's name that may name the site as one part of its name ("INSIDER" of "Italian Insider").
SITE_WORD_LETTERS = 5


def _site_desk(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> None:
    """A desk's or staff's byline naming the site itself ("Site Staff", "SITE NEWSDESK") is a credit naming the site,
    standing in the byline's place: the site's name as the page prints it (its title line, masthead) is credited, and
    the desk is no person and no poster."""
    parts = _site_parts(site)
    if not parts:
        return
    for role in ("byline", "desk byline", "republisher"):
        for c in list(by_role.get(role, ())):
            if (m := _DESK_BYLINE.match(c.value)) is None or (name := _site_part(m.group("name"), parts)) is None:
                continue
            if name == name.lower():  # a folded name: the same name as a title or masthead prints it
                name = next((part.strip() for line in site for part in _TITLE_PARTS.split(line)
                             if letters(part) == letters(name) and part != part.lower()), name)
            by_role[role].remove(c)
            why = f"{c.why}: a desk's byline naming the site{PRINTED_CREDIT}"
            by_role.setdefault("outlet", []).append(Candidate("outlet", name, c.block, CREDIT_ROW, why, printed=True))


def _site_desk_posts(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> None:
    """On a page crediting another outlet, a desk's byline naming the site itself ("by Site Newsdesk 22 June 2013,
    18:47") is the site's account that posted the story: the poster, and the date it prints the post's."""
    desks = [c for c in by_role.get("byline", ()) if c.printed and _DESK_WORD.search(c.value) is not None]
    parts = _site_parts(site) if desks else []
    for c in desks if parts else ():
        hits = find_dates(c.value)
        name, when = (c.value[:hits[0].start].rstrip(" ,-–—|"), c.value[hits[0].start:]) if hits and hits[
            0].start > 0 else (c.value, None)
        if (m := _DESK_BYLINE.match(name)) is None or _site_part(m.group("name"), parts) is None:
            continue
        by_role["byline"].remove(c)
        why = f"{c.why} (a desk's byline naming the site, another outlet credited: the site's post)"
        by_role.setdefault("republisher", []).append(c._replace(role="republisher", value=name,
                                                                score=PRINTED_REPUBLISHER, why=why))
        if when is not None:
            by_role.setdefault("republished", []).append(c._replace(role="republished", value=when,
                                                                    score=POST_HEADER, why=why))
            continue
        # ... or the date line right under it (the site's post header: "By Site Desk" over "February 16, 2021").
        under = [d for role in ORIGINAL_ROLES for d in by_role.get(role, ()) if d.printed and (
            d.score <= PRINTED_STAMP and 0 < d.block - c.block <= 1)]
        if len(under) == 1:
            by_role[under[0].role].remove(under[0])
            by_role.setdefault("republished", []).append(under[0]._replace(
                role="republished", score=POST_HEADER, why=f"{under[0].why} (under {why.strip(' ()')})"))


def _site_parts(site: Sequence[str]) -> list[str]:
    """The parts of the site's title or masthead lines that may be its name (split at bars and dashes)."""
    return [part for line in site for part in _TITLE_PARTS.split(line) if len(letters(part)) >= 3]


def _site_part(name: str, parts: Sequence[str]) -> str | None:
    """The site's name (one part of its title or masthead line) that ``name`` spells, wholly or as its last words
    ("Insider" of "Italian Insider"), or None."""
    own = letters(name).removeprefix("the")
    if not own:
        return None
    for part in parts:
        words = part.split()
        if own == letters(part).removeprefix("the") or (len(own) >= SITE_WORD_LETTERS and any(
                own == letters(" ".join(words[n:])) for n in range(1, len(words)))):
            return part.strip()
    return None


def _own_story(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> None:
    """The outlet's own page (a credit names the site itself): the writer the site's post names is the story's author
    (unless a byline is printed, or the writer is the site's own account), the post's date is the story's stamp."""
    posters = by_role.pop("republisher", [])
    if not any(c.printed for role in ("byline", "reporting", "desk byline") for c in by_role.get(role, ())):
        writer = _best(c for c in posters if not names_the_site(c.value, site))
        if writer is not None:
            by_role.setdefault("byline", []).append(writer._replace(
                role="byline", score=PRINTED_BYLINE if writer.printed else META_BYLINE,
                why=f"{writer.why} (the writer of the outlet's own story)"))
    posts = by_role.pop("republished", [])
    printed = _best(c for c in posts if c.printed)
    if printed is not None:
        by_role.setdefault("stamp", []).append(printed._replace(
            role="stamp", score=PRINTED_STAMP, why=f"{printed.why} (the outlet's own page: the story's stamp)"))
    for c in posts:
        if not c.printed:  # the page's metadata names when it was published: the story's first stamp
            by_role.setdefault("published", []).append(c._replace(
                role="published", score=META_STAMP, why=f"{c.why} (the outlet's own page: the story's stamp)"))


def _credits_another(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> bool:
    """A printed credit names an outlet other than the site itself."""
    printed = [c for c in by_role.get("outlet", ()) if c.printed]
    if not printed:
        return False
    parts = {letters(part).removeprefix("the") for line in site for part in _TITLE_PARTS.split(line)} - {""}
    return any(letters(c.value).removeprefix("the") not in parts for c in printed)


def _site_byline(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: on a republishing page, a person's byline over a date line, above a story credited only by a
    labelled source line elsewhere ("Source: Outlet"), is the site's post header: the name posted it, the date is
    the post's (the outlet's own stamp would stand in or beside its credit)."""
    bylines = [c for c in by_role.get("byline", ()) if c.printed]
    outlets = [c for c in by_role.get("outlet", ()) if c.printed]
    stamps = [c for role in ORIGINAL_ROLES for c in by_role.get(role, ()) if c.printed]
    if len(bylines) != 1 or len(stamps) != 1 or "desk byline" in by_role or "reporting" in by_role or not outlets:
        return
    byline, stamp = bylines[0], stamps[0]
    if not byline.why.endswith(": byline") or not 0 <= stamp.block - byline.block <= 1 or stamp.score > PRINTED_STAMP:
        return
    if any(by_role.get(role) for role in ("republished", "header", "republisher")):
        return
    if not all(_LABELLED_CREDIT in c.why and abs(c.block - byline.block) > 1 for c in outlets):
        return
    by_role["byline"].remove(byline)
    by_role[stamp.role].remove(stamp)
    why = " (a person's byline over the post date, the story credited by a source line: the site's post header)"
    by_role.setdefault("republisher", []).append(byline._replace(role="republisher", score=PRINTED_REPUBLISHER,
                                                                   why=byline.why + why))
    by_role.setdefault("republished", []).append(stamp._replace(role="republished", score=POST_HEADER,
                                                                  why=stamp.why + why))


def _masthead_byline(by_role: dict[str, list[Candidate]], site: Sequence[str]) -> None:
    """Tie-break: a byline naming the site's own masthead ("Article by WN.com" under the first line "WN.com") over a
    date line, on a page crediting another outlet, is the site's post header: no person wrote the story under it, and
    the date is the post's."""
    if not by_role.get("byline") or not site:
        return
    bylines = [c for c in by_role["byline"] if c.printed and names_the_site(c.value, site)]
    if len(bylines) != 1 or any(by_role.get(role) for role in ("republished", "header")):
        return
    byline = bylines[0]
    stamps = [c for role in ORIGINAL_ROLES for c in by_role.get(role, ())
              if c.printed and 0 <= c.block - byline.block <= 1 and c.score <= PRINTED_STAMP]
    by_role["byline"].remove(byline)
    for stamp in stamps[:1]:
        by_role[stamp.role].remove(stamp)
        by_role.setdefault("republished", []).append(stamp._replace(
            role="republished", score=POST_HEADER, why=stamp.why + " (under a byline naming the site: its post date)"))


# The most days a bare date under the byline may fall after the story's dated dateline and still be this page's post.
DATELINE_POST_DAYS = 31


def _day(value: str) -> date | None:
    """The one unlabelled day a stamp prints, when its order is plain (None otherwise)."""
    hits = find_dates(value)
    if len(hits) != 1 or hits[0].label is not None or hits[0].order_ambiguous or None in (
            hits[0].year, hits[0].month, hits[0].day):
        return None
    hit = hits[0]
    try:
        return date(hit.year or 0, hit.month or 0, hit.day or 0)
    except ValueError:
        return None


def _dated_dateline(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: the story's own dateline prints its day with the year ("SANTIAGO, Feb. 26, 2024 (Reuters) -");
    a bare date line under the byline naming a later day is when this page posted it, not the story's stamp (the
    outlet dated its story in its dateline)."""
    datelined = [c for c in by_role.get("stamp", ()) if c.printed and c.score == DATELINE_STAMP]
    if len(datelined) != 1 or any(c.printed for c in by_role.get("republished", ())) or (
            original := _day(datelined[0].value)) is None:
        return
    later = [c for role in ORIGINAL_ROLES for c in by_role.get(role, ()) if c.printed and c.score == PRINTED_STAMP
             and (day := _day(c.value)) is not None and 0 < (day - original).days <= DATELINE_POST_DAYS]
    if len(later) != 1:
        return
    posted = later[0]
    by_role[posted.role].remove(posted)
    by_role.setdefault("republished", []).append(posted._replace(
        role="republished", score=POST_HEADER, why=f"{posted.why} (a later day than the story's dated dateline: "
                                                   "the post's)"))


# The origin of an outlet named by a labelled credit line ("Source: Outlet"; extract/credit_rows.py).
_LABELLED_CREDIT = ": credit field "


def _model_credit_gives_way(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: the credit model's outlet stands only where no rule printed a credit."""
    outlets = by_role.get("outlet", [])
    if any(c.printed and MODEL_CREDIT_WHY not in c.why for c in outlets):
        by_role["outlet"] = [c for c in outlets if MODEL_CREDIT_WHY not in c.why]


def _feed_copy(by_role: dict[str, list[Candidate]]) -> bool:
    """The page's only printed credit (addresses aside) is the site a feed's footer names."""
    named = [c for c in by_role.get("outlet", ()) if c.printed and "://" not in c.value]
    return bool(named) and all(c.score == FEED_SITE for c in named)


def _bylines(by_role: dict[str, list[Candidate]]) -> list[Candidate]:
    """The story's bylines; "Reporting by" credits only when the byline slot does not name the agency or a
    desk (an agency story's reporting line is a credit line, not its authors)."""
    if "desk byline" in by_role:
        return by_role.get("byline", [])
    return [*by_role.get("byline", ()), *by_role.get("reporting", ())]


def _poster(by_role: dict[str, list[Candidate]]) -> Candidate | None:
    """Who posted the story here; never one of the story's own bylines ("Reporting by X" did not repost it)."""
    posters = by_role.get("republisher", [])
    authors = [fold_text(c.value) for role in ("byline", "reporting") for c in by_role.get(role, ()) if c.printed or (
        c.why.startswith(MARKED_BYLINE))] if posters else []
    # Tie-break: "PIA Bicol" posting the story PIA's credit names is the outlet's own (regional, desk) account.
    credited = {x for c in by_role.get("outlet", ()) if len(x := letters(c.value)) >= 2}
    return _best(c for c in posters if not (c.printed and any(fold_text(c.value) in names for names in authors)) and (
        not (c.printed and _opens_with(c.value, credited))))


def _opens_with(name: str, credited: set[str]) -> bool:
    """The name is one of ``credited`` (letters only), or opens with one as words of their own."""
    words = name.split()
    return any(letters(" ".join(words[:n])) in credited for n in range(1, len(words) + 1))


def _stamps(by_role: dict[str, list[Candidate]], poster: Candidate | None, outlet_page: bool
            ) -> tuple[tuple[DateClue, ...], Clue | None]:
    """The original stamps (best first) and the post date, one assignment: a date is one or the other."""
    if not outlet_page and _feed_page(by_role):
        _items_are_original(by_role)
    _originally(by_role)
    _credit_row_posts(by_role)
    posts = by_role.get("republished", [])
    meta = _best(c for c in posts if not c.printed)
    # Tie-break: a printed stamp that is the page's own metadata post date, to the second, is that post's date
    # (a site posting under the agency's name prints its post time beside it), not the original's.
    originals = _ranked(c for role in ORIGINAL_ROLES for c in by_role.get(role, ()) if not (
        meta is not None and c.printed and _CLOCK_SECONDS.search(meta.value) and c.value.startswith(meta.value)))
    near = poster.block if poster is not None and poster.printed else None
    post = _best((c for c in posts if c.printed), near)
    if post is None and not outlet_page and (account := _agency_account_stamps(by_role, originals)):
        # Tie-break: a site posting agency copy under the agency's name ("By AFP" over "Published March 9, 2018")
        # prints its own post date under that account (and its "Updated" row under that); no person's byline or
        # post header says otherwise.
        originals[:] = [c for c in originals if c not in account]
        first = min(account, key=lambda c: (c.role != "published", c.block, c.value, c.why))
        post = first._replace(role="republished", why=f"{first.why} (under the agency's account: the post's)")
    if post is None and not outlet_page and AGENCY_SLOT and (slot := _agency_slot_stamp(by_role, originals)):
        # Tie-break (the label contract): the page's only stamp, above the story beside an agency named in the
        # byline slot ("By AFP | date", "IANS" over "October 7, 2025"), is the site's post date: the site's own
        # meta row, the agency filling its byline slot; the agency printed no stamp of its own.
        originals.remove(slot)
        post = slot._replace(role="republished", why=f"{slot.why} (beside the agency in the byline slot: the "
                                                     "site's post date)")
    dates = [_date(c, _ranked_why(c)) for c in originals]
    header = _best(by_role.get("header", ()))
    if header is not None and post is not None and _masthead(post, header):
        post = None  # the bare date far above the story is the masthead's; the header stamp is nearer the story
    if header is not None:
        by_credit = any(abs(header.block - c.block) <= CREDIT_REACH for c in by_role.get("outlet", ())
                        if c.printed and c.score >= CREDIT_ROW)
        if not outlet_page and post is None and (any(c.printed for c in originals) or not by_credit):
            # Tie-break: the stamp above the story on a republishing page is that page's post date.
            post = header._replace(role="republished", why=f"{header.why} (the republishing page's date "
                                                          "above the story)")
        else:
            # A stamp printed in the byline or credit row stands nearer the outlet's credit than the one above.
            # (On the outlet's own page the stamp above its story is the story's own header stamp.)
            nearer = 0 if outlet_page else sum(
                1 for c in originals if c.printed and c.score >= PRINTED_STAMP and c.block > header.block)
            dates.insert(nearer, _date(header, "the stamp above the story, first" if not nearer else
                                       "the stamp above the story, after the byline's"))
    # The page's metadata names its own post date: it outranks every printed one.
    if meta is not None and (post is None or meta.score > post.score):
        post = meta
    post = _same_day(post, by_role)
    return tuple(dates), _with_time(post, _post_time(post, by_role.get("post time", ())))


# The origin of a feed item's stamp read from a feed aggregator's markup (html/credits.py).
FEED_ITEM = "markup: a feed aggregator's item stamp"
# A byline the markup's structure says is the story's (extract/html/marks.py), printed in the page's byline slot.
MARKED_BYLINE = "markup: the story's byline"


def _feed_page(by_role: dict[str, list[Candidate]]) -> bool:
    """A feed aggregator's page (its menus or breadcrumb name the aggregator, its markup an item's stamp)."""
    return "feed page" in by_role or any(c.why == FEED_ITEM for role in ORIGINAL_ROLES for c in by_role.get(role, ()))


def _items_are_original(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: a feed aggregator posts nothing of its own; the date over its item is the feed item's, the
    original's stamp as the feed gave it, not a post date."""
    above = [c for c in by_role.get("republished", ()) if c.printed and c.score == POST_ABOVE]
    items = [*by_role.pop("header", ()), *above]
    by_role["republished"] = [c for c in by_role.get("republished", ()) if c not in above]
    by_role.setdefault("stamp", []).extend(
        c._replace(role="stamp", score=PRINTED_STAMP, why=f"{c.why} (a feed aggregator's item stamp)") for c in items)


def _agency_account_stamps(by_role: dict[str, list[Candidate]], originals: list[Candidate]) -> list[Candidate]:
    """The stamps printed right under (or beside) an agency's name in the byline slot, when no person is named:
    the first within ACCOUNT_REACH blocks of it, and the rows of stamps printed on under that one (ACCOUNT_ROWS)."""
    desks = [c.block for c in by_role.get("desk byline", ()) if c.printed]
    if not desks or any(c.printed for role in ("byline", "reporting") for c in by_role.get(role, ())):
        return []
    loose = [c for c in originals if c.printed and c.score <= PRINTED_STAMP]
    first = min((c for c in loose if any(0 <= c.block - block <= ACCOUNT_REACH for block in desks)),
                key=lambda c: c.block, default=None)
    if first is None:
        return []
    return [c for c in loose if first.block <= c.block <= first.block + ACCOUNT_ROWS]


# The origins of an agency named in the byline slot: a bare name line, an agency's byline, a "By Agency" row field.
_AGENCY_SLOT_WHYS = (": outlet name line", ": agency or desk byline", AGENCY_BYLINE_FIELD)


# A credit read by its shape that kept the byline's word ("By Anadolu Agency" in an outlet and stamp row).
_BY_NAME = re.compile(r"^by\s+\S", re.I)


def _agency_slot_stamp(by_role: dict[str, list[Candidate]], originals: list[Candidate]) -> Candidate | None:
    """The page's only printed stamp above the story's first paragraph when it stands right under a bare agency
    name line, or within AGENCY_SLOT blocks under (or on the row of) an agency's byline, no person's byline printed,
    and the name is no source field: no labelled credit ("Source: …") beside it, not in brackets ("(Reuters)"), not
    what the page's markup calls its source."""
    start = min((c.block for c in by_role.get("story", ())), default=None)
    if start is None or any(
            c.printed for role in ("byline", "reporting", "republished", "header") for c in by_role.get(role, ())):
        return None
    above = [c for c in originals if c.printed and c.block < start]
    if len(above) != 1 or "first appeared" in above[0].why:
        return None
    stamp = above[0]
    near = [c for c in by_role.get("outlet", ()) if c.printed and 0 <= stamp.block - c.block <= AGENCY_SLOT]
    sources = {fold_text(c.value) for c in by_role.get("outlet", ()) if not c.printed and "source field" in c.why}
    slot = [c for c in near if (c.why.endswith(_AGENCY_SLOT_WHYS[1:]) or _BY_NAME.match(c.value) or (
        c.why.endswith(_AGENCY_SLOT_WHYS[0]) and stamp.block - c.block <= 1))]
    if not slot or any(_LABELLED_CREDIT in c.why and not c.why.endswith(AGENCY_BYLINE_FIELD) for c in near) or any(
            c.value.startswith(("(", "[")) or fold_text(c.value) in sources for c in slot):
        return None
    return stamp


# "Originally posted on CGTN on August 27, 2021", "First published in Outlet, 3 May 2022": the credit line
# under a repost names where and when the story first appeared.
_ORIGINALLY = re.compile(r"^\W{0,3}(?:originally|first)\s+(?:posted|published|appeared|ran)\b"
                         r"(?:\s+(?:on|in|at|by)\s+(?P<name>[A-Z][\w.&' -]{1,40}?)(?=\s+(?:on|at)\s|\s*[,|:]))?", re.I)


def _originally(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: a date line saying where the story first appeared is the original's stamp and credit line, wherever
    it stands (a repost prints it under the post, where a bare date would be the post's)."""
    for role in ("republished", "header", *ORIGINAL_ROLES):
        lines = [(c, m) for c in by_role.get(role, ()) if c.printed and (m := _ORIGINALLY.match(c.value)) is not None
                 and (role not in ORIGINAL_ROLES or c.score < BESIDE_CREDIT)]
        for c, m in lines:
            by_role[role].remove(c)
            kept: Role = role if role in ORIGINAL_ROLES else "stamp"
            why = f"{c.why}: where the story first appeared"
            by_role.setdefault(kept, []).append(c._replace(role=kept, score=BESIDE_CREDIT, why=why))
            if m.group("name") is not None:
                # The name it appeared in: credited only when the registry knows it (no printed-credit mark).
                by_role.setdefault("outlet", []).append(Candidate("outlet", m.group("name"), c.block, CREDIT_ROW, why))


def _credit_row_posts(by_role: dict[str, list[Candidate]]) -> None:
    """Tie-break: every date in the outlet's credit row is the outlet's ("PTI | Dubai | Updated: … | Created: …"),
    whatever its label; a "Created"/"Posted" field there names no post of this page."""
    rows = {c.block for role in ORIGINAL_ROLES for c in by_role.get(role, ()) if c.printed and c.score >= BESIDE_CREDIT}
    if rows and "republished" in by_role:
        by_role["republished"] = [c for c in by_role["republished"] if not (c.printed and c.block in rows)]


def _masthead(post: Candidate, header: Candidate) -> bool:
    """Tie-break: of two bare date lines above the story, the one nearest the story is the post's; the other,
    far above it (over the site's name and menus), is the masthead's date of the capture."""
    return (post.score == POST_ABOVE and post.printed and header.score == PLAIN_HEADER
            and header.block - post.block > MASTHEAD_REACH)


def _clue(candidate: Candidate | None) -> Clue | None:
    return Clue(candidate.value, candidate.why) if candidate else None


def _ranked_why(candidate: Candidate) -> str | None:
    """Why an original stamp ranks where it does (None: the first printed, the default order)."""
    if not candidate.printed:
        return "page metadata: after every printed stamp"
    return "nearest the outlet's credit" if candidate.score >= BESIDE_CREDIT else None


def _ranked(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Best score first; on a tie, the first printed (a stable sort keeps proposal order in a block)."""
    return sorted(candidates, key=lambda c: (-c.score, c.block))


def _best(candidates: Iterable[Candidate], near: int | None = None) -> Candidate | None:
    """The best-scored candidate. Among equals: the one nearest block ``near`` (the poster, for a post
    date), then the first printed, or the last for a candidate whose tie-break is "nearest the story
    below it" (``nearest="last"``). The order the candidates were proposed in never matters."""
    return max(candidates, key=lambda c: (c.score, -abs(c.block - near) if near is not None else 0,
                                          c.block if c.nearest == "last" else -c.block), default=None)


def _date(candidate: Candidate, why: str | None = None) -> DateClue:
    """The chosen stamp, its provenance saying which tie-break ranked it (none: the first printed)."""
    role: DateRole = candidate.role if candidate.role in ORIGINAL_ROLES else "stamp"
    return DateClue(candidate.value, f"{candidate.why} ({why})" if why else candidate.why, role)


_CLOCK = re.compile(r"\d:\d\d")
_CLOCK_SECONDS = re.compile(r"\d:\d\d:\d\d")


# A time alone on its line (extract/clocks.py) completes the post date only this many blocks below it (or on the line
# right above it): the post's header printing its date and time on two lines, the headline between at most (0: never).
CLOCK_REACH = 2
_CLOCK_ALONE = ": a time alone on its line"


def _post_time(post: Candidate | None, times: Sequence[Candidate]) -> Candidate | None:
    """The time that completes a day-only post date: a post footer's or header's, else a time alone on its line
    beside the post date (never one far from it: a video's length, another item's time)."""
    labelled = _best(c for c in times if not c.why.endswith(_CLOCK_ALONE))
    if labelled is not None or post is None or not post.printed:
        return labelled
    return _best((c for c in times if c.why.endswith(_CLOCK_ALONE) and CLOCK_REACH > 0
                  and -1 <= c.block - post.block <= CLOCK_REACH and c.block != post.block), post.block)


def _day_and_time(value: str) -> tuple[int | None, int | None, int | None, bool]:
    hits = find_dates(value)
    if not hits:
        return None, None, None, False
    return hits[0].year, hits[0].month, hits[0].day, hits[0].hour is not None


def _same_day(post: Candidate | None, by_role: dict[str, list[Candidate]]) -> Candidate | None:
    """Tie-break: a day-only post date printed again on the page with its time (a post's stamp above the story and
    its "Publish Date" row under it; the page's metadata) is that post's time: the printing with the time wins."""
    if post is None or not SAME_DAY_TIME:
        return post
    year, month, day, timed = _day_and_time(post.value)
    if timed or None in (year, month, day):
        return post
    if any(not c.why.endswith(_CLOCK_ALONE) for c in by_role.get("post time", ())):
        return post  # the post's footer or header prints its time: that completes it
    # (Only the post's own printings: a header stamp may have gone to the original's stamps.)
    for c in sorted((c for c in by_role.get("republished", ()) if c is not post),
                    key=lambda c: (not c.printed, c.block)):
        if _day_and_time(c.value) == (year, month, day, True):
            return c._replace(role="republished", why=f"{post.why}; its time from {c.why} (the same day printed "
                                                      "with its time)")
    return post


def _with_time(post: Candidate | None, time: Candidate | None) -> Clue | None:
    """Tie-break: a day-only post date is completed by the time in the post's footer ("Posted by X at 7:45 PM")."""
    if post is None:
        return None
    if time is None or _CLOCK.search(post.value):
        return Clue(post.value, post.why)
    return Clue(f"{post.value} {time.value}", f"{post.why}, time from {time.why}")
