"""Who posted the story on this page and when: forum members, profile cards, account names, post-header dates."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from feeder.extract import lazy_re as re
from feeder.extract import resolver, rules, vocab
from feeder.extract.clocks import CJK_MERIDIEM
from feeder.extract.datelines import place_and_outlet
from feeder.extract.dates import find_dates
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, is_date_line, is_prose, slight
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
        if not is_date_line(above.text) and not is_prose(above.text) and not _in_menu(lines, index - 1):
            poster_name(found, account_name(above, "name above the post date"), resolver.NAME_ABOVE_POST)


# A menu item or a section's label is a word or two on its line.
MENU_ITEM_WORDS = 2


def _menu_item(text: str) -> bool:
    return len(text.split()) <= MENU_ITEM_WORDS and text[:1].isupper() and not text.rstrip().endswith(
        (".", "!", "?", ":")) and not is_date_line(text)


def _in_menu(lines: Sequence[Line], index: int) -> bool:
    """The line is the last of a run of menu items ("Home", "Economy", "Travel" over the post date): a menu's or a
    category's word, not the account that posted the story."""
    return index > 1 and all(_menu_item(lines[i].text) for i in range(index - 2, index + 1))


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


def teaser_stamps(found: Found, kept: int, lines: Sequence[Line] = (), index: int = 0, ended: bool = True) -> None:
    """Under the story's end (related posts, more news, replies) a labelled stamp that credits no outlet in its row
    is another story's, as a bare date line there is: the candidates proposed from ``kept`` on lose their stamps.
    A post line there ("Submitted by X on DATE") under a comment block's heading, or under a teaser's headline in a
    list of such rows, is that comment's or teaser's: it names no poster or post date of this page."""
    new = found.candidates[kept:]
    if lines and not_the_posts_row(lines, index, found):
        posts = [c for c in new if c.role in ("republished", "republisher", "post time")]
        for c in posts:
            found.proposed[c.role] -= 1
        found.candidates[kept:] = new = [c for c in new if c not in posts]
    if not ended or any(c.role == "outlet" for c in new):
        return
    stamps = [c for c in new if c.role in resolver.ORIGINAL_ROLES]
    for c in stamps:
        found.proposed[c.role] -= 1
    found.candidates[kept:] = [c for c in new if c not in stamps]


# A teaser's headline over its date in a list under the story: a few words, no sentence closed.
_TEASER_WORDS = (4, 24)
_CLOSED = re.compile(r"[.!?:。！？][\"”’')]*$")


def _teaser_headline(title: str, fewest: int = _TEASER_WORDS[0]) -> bool:
    """A teaser's headline: a few capitalised words closing no sentence, not a date."""
    return (fewest <= len(title.split()) <= _TEASER_WORDS[1] and title[:1].isupper()
            and not _CLOSED.search(title) and not is_date_line(title))


# A teaser's headline in such a list may be shorter than a lone teaser's ("Fly-tipping fines doubled").
_LIST_TEASER_WORDS = 2


def _teaser_list(lines: Sequence[Line], index: int) -> bool:
    """The line at ``index`` stands under a teaser's headline in a list of such pairs (the line two above or below
    opens with the same word under a headline of its own): a related list's row, not the post's footer."""
    def row(at: int) -> bool:
        return 1 <= at < len(lines) and _teaser_headline(lines[at - 1].text, _LIST_TEASER_WORDS) and (
            lines[at].text.split()[:1] == lines[index].text.split()[:1])
    return row(index) and (row(index - 2) or row(index + 2))


# A comment block's heading (a related list's may stand over the post's own footer: WordPress prints "Related" there).
_LIST_HEAD = re.compile(f"^(?:{vocab.COMMENT_BLOCK_HEADS})$", re.I)


def not_the_posts_row(lines: Sequence[Line], index: int, found: Found) -> bool:
    """The post line at ``index`` stands below the story, under a comment block's heading or in a list of teaser
    headline and post-line rows: a comment's or a teaser's, not this page's post."""
    if (end := _story_end(lines, index, found)) is None:
        return False
    return _teaser_list(lines, index) or any(
        len(lines[at].text) <= 60 and _LIST_HEAD.match(lines[at].text) for at in range(end + 1, index))


def _story_end(lines: Sequence[Line], index: int, found: Found) -> int | None:
    """The story's last paragraph above the line at ``index``, or None when the line stands above the story or
    under too little of it (the walk may have read a teaser's long headline below the story as prose)."""
    if not found.body or slight(found.body):
        return None
    story = set(found.origins)
    end = next((at for at in range(min(index, len(lines)) - 1, -1, -1) if lines[at].origin in story), None)
    if end is None or slight([x.text for x in lines[:end + 1] if x.origin in story]):
        return None
    return end


def a_replys_row(lines: Sequence[Line], index: int, found: Found, posts: Sequence[tuple[int, str]],
                 name: str) -> bool:
    """One page, one post: a poster's row under the story's end is a reply's when a forum member's details or
    another post's row stand between the story and it, or when the post's own row above names someone else.
    ``posts`` are the rows already read as the post's (where each stands, its poster's name folded)."""
    if (end := _story_end(lines, index, found)) is None:
        return False
    return any(at > end or poster != name for at, poster in posts) or any(
        rules.MEMBER_META.match(lines[at].text) for at in range(end + 1, index))


def teaser_pairs(lines: Sequence[Line], index: int) -> bool:
    """The date at ``index`` stands under a headline in a list of such pairs (a "Latest news" block under the story:
    headline, date, headline, date): it is that teaser's date, not the post's."""
    def pair(at: int) -> bool:
        if at < 1 or at >= len(lines):
            return False
        title = lines[at - 1].text
        return (_TEASER_WORDS[0] <= len(title.split()) <= _TEASER_WORDS[1] and title[:1].isupper()
                and not _CLOSED.search(title) and not is_date_line(title) and is_date_line(lines[at].text))
    return pair(index) and (pair(index + 2) or pair(index - 2) or _named_stamp_row(lines[index].text))


# "Reuters 15 Apr 2024 04:02 pm": a stamp row opening with a name (an outlet's, a desk's) before its date.
_NAME_THEN_DATE = re.compile(r"^[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}\s+(?=\d)")


def _named_stamp_row(text: str) -> bool:
    """A stamp row naming whose stamp it is (the name, then the date): under a teaser's headline it is that
    teaser's credit row, whatever the heading above says (a post's own date under the story prints no name)."""
    m = _NAME_THEN_DATE.match(text)
    return m is not None and not is_date_line(m.group(0)) and bool(find_dates(text[m.end():]))


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
    under a line that is only an outlet's name (or a dateline's place and the outlet's name: "Riyadh - SPA"), is that
    outlet's stamp (the date nearest the outlet's credit)."""
    line = lines[index]
    if index and (is_outlet(above := lines[index - 1].text.strip()) or place_and_outlet(above, is_outlet)):
        found.propose("stamp", line.text, f"{line.origin}: stamp under the outlet's name", resolver.BESIDE_CREDIT)
    elif story is not None:
        header_date(Line(line.text, f"{line.origin} (above the headline)", line.in_body), found, story)
    else:
        header_date(line, found, False, above_headline=True)
        propose_poster(lines, index, found)


# The words a blog or CMS theme prints before its posting account, by language: a verb and its "by" ("Posted by",
# "Publicerat av", "Diposting oleh", "Publié par"), which names the poster whatever follows it.
_POSTER_VERB = "|".join(
    rf"(?:{'|'.join(verbs)})\s+{by}" if by else "|".join(verbs) for verbs, by in vocab.POSTER_VERBS)
# (A "written by" names the story's author as often as the account that posted it: the byline readers' business.)
# The bare "by" of each language: it opens a byline as often as a poster's row, so it names a poster only in a
# theme's meta row, the name followed by a separator and the post's date ("Por X | 4 octubre, 2025 | Cuba").
_BY_WORD = rf"(?:{'|'.join(vocab.BY_WORDS)})"
# A poster's name: a handle or a few words, no digits opening it, no separator inside.
_NAME = r"(?P<name>[^\W\d][^\s|·•/,:;]{0,30}(?:\s+[^\s|·•/,:;–—-][^\s|·•/,:;]{0,30}){0,3}?)"
_SEPARATOR = r"\s*(?:[|·•/]|\s[-–—]\s|,)\s*"
# After the name, the post's time or date: "kl. 05:12", "at 9:14 AM", "on Sat, 10/20/2018 - 14:35", "um 10:15",
# "时间 上午8:05" (a CJK footer's "time", its full-width colon after it).
_AFTER = (r"(?:\s+(?:kl\.?|klo|at|on|um|am|à|le|el|a\s+las|às|alle|il|om|op|pada|di|pukul|o|in|en|dans|em|unter|"
          r"(?:时间|時間|時刻|시간)\s*[:：]?)\s+|"
          + _SEPARATOR + ")")
_VERB_ROW = re.compile(rf"^\W{{0,2}}(?:{_POSTER_VERB})\s*[:：]?\s+{_NAME}(?:{_AFTER}(?P<rest>.+))?$", re.I)
# "submitted 3 hours ago by latam_feed to latam": a link aggregator's row, the post's age before its poster.
_AGED_ROW = re.compile(rf"^(?:submitted|posted|shared)\s+(?P<age>[^|]{{2,30}}?\s+ago)\s+by\s+{_NAME}"
                       r"(?:\s+(?:to|in)\s+\S+)?$", re.I)
_BY_ROW = re.compile(rf"^\W{{0,2}}{_BY_WORD}\s*[:：]?\s+{_NAME}{_SEPARATOR}(?P<rest>.+)$", re.I)
# A line this long is a paragraph, never a meta row.
MAX_POSTER_ROW = 120
# A theme's meta row runs on past the date: its category, its comment count.
_MORE_FIELDS = re.compile(r"^\s*(?:[|·•/]|\s[-–—]\s)\s*\S")
# The post's time alone in the row's field: "9:14 AM", "05:12", "上午8:05" (a CJK footer's meridiem before it).
_TIME = re.compile(rf"^(?P<time>(?:{CJK_MERIDIEM}\s*)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?\s?m\b\.?)?)(?!\d)", re.I)


# The first words of every row above (lower case): a line opening otherwise is spared the patterns.
_OPENERS = frozenset(
    [verb.split("\\s+")[0] for verbs, _ in vocab.POSTER_VERBS for verb in verbs] + list(vocab.BY_WORDS) + ["written"])
_FIRST_WORD = re.compile(r"^\W{0,2}(\w+)")


def opens_a_row(text: str) -> bool:
    """The line opens on a word a poster's row or a byline opens on ("Posted", "By", "Written", "Thread")."""
    first = _FIRST_WORD.match(text)
    return first is not None and first.group(1).lower() in (*_OPENERS, "thread")


@lru_cache(maxsize=8192)
def poster_row(text: str) -> tuple[str, str | None, str | None] | None:
    """A posting account's row in a blog or CMS theme: (the poster's name, the post's date, the post's time alone),
    or None. "Submitted by X on Sat, 10/20/2018 - 14:35", "Publicerat av X kl. 05:12", "Por X | 4 octubre, 2025 |
    Cuba": a verb and its "by" name the poster whatever follows; a bare "by" word only before the post's date."""
    if len(text) > MAX_POSTER_ROW or len(text) < 6:
        return None
    if (first := _FIRST_WORD.match(text)) is None or first.group(1).lower() not in _OPENERS:
        return None
    return read_row(text)


def read_row(text: str) -> tuple[str, str | None, str | None] | None:
    """poster_row without its gate (tests/test_posters.py checks that the gate never changes an answer)."""
    if "(" in text:
        text = _BRACKETED_ROLE.sub("", text)  # "X (Guest Contributor) on …": the account's role, not its name
    if (written := _WRITTEN_ROW.match(text)) is not None:
        name, date = written.group("name").strip(), _post_date(written.group("rest"))
        return (name, date, None) if date is not None and poster_shaped(name) else None
    if (aged := _AGED_ROW.match(text)) is not None:
        name = aged.group("name").strip()
        return (name, None, None) if poster_shaped(name) else None  # a relative age is no date
    m = _VERB_ROW.match(text)
    verb = m is not None
    if m is None and (m := _BY_ROW.match(text)) is None:
        return _verb_then_date(text)
    name, rest = m.group("name").strip(), (m.group("rest") or "").strip()
    if not poster_shaped(name):
        return _verb_then_date(text) if verb else None
    date = _post_date(rest)
    time = m2.group("time") if date is None and (m2 := _TIME.match(rest)) else None
    if not verb and (date is None or not _MORE_FIELDS.search(rest[len(date):])):
        return None  # "Por X | 12.03.2021" may be the story's byline and stamp; a theme's row runs on past them
    return name, date, time


# A writer's role a theme prints in brackets after the account's name ("Marta Oyelaran (Guest Contributor)",
# "(guest writer)", "(Staff Writer)"): the role of whoever posted, never a word of the name.
_BRACKETED_ROLE = re.compile(
    r"\s*\((?i:(?:guest|staff|contributing|senior|freelance)\s+(?:contributor|writer|author|columnist|editor|"
    r"blogger|reporter)|guest(?:\s+post)?|contributor|columnist|staff|blogger|correspondent)\)")
# "Written by X on June 9, 2024": a theme's author field dated with the post is its poster's row. (Alone, "Written
# by X" is a byline the byline readers weigh; the post's date right after it makes it the theme's row.)
_WRITTEN_ROW = re.compile(rf"^\W{{0,2}}written\s+by\s*:?\s+{_NAME}\s+(?i:on)\s+(?P<rest>.+)$", re.I)
_VERB_HEAD = re.compile(rf"^\W{{0,2}}(?:{_POSTER_VERB})\s*[:：]?\s+(?P<tail>.+)$", re.I)
# A poster's name before the date with no separator holds at most this many words ("Posted by: Site Name June 26").
MAX_GLUED_NAME_WORDS = 4


def _verb_then_date(text: str) -> tuple[str, str | None, str | None] | None:
    """"Posted by: Pakistan Economist June 26, 2017 in News": a verb row whose name runs straight into the post's
    date (no separator, no "on"): the words before the date are the poster."""
    if (m := _VERB_HEAD.match(text)) is None or not any(map(str.isdigit, tail := m.group("tail"))):
        return None
    hit = next((h for h in find_dates(tail) if h.year is not None and h.trap is None), None)
    if hit is None or hit.start < 2:
        return None
    name = tail[:hit.start].strip(" ,|·•»-–—")
    if not poster_shaped(name) or len(name.split()) > MAX_GLUED_NAME_WORDS or find_dates(name):
        return None
    return name, tail[hit.start:hit.end], None


def _post_date(rest: str) -> str | None:
    """The post's date at the head of a row's rest (its first field), or None."""
    if not rest or not any(map(str.isdigit, rest)):
        return None
    hits = [h for h in find_dates(rest) if h.year is not None and h.trap is None]
    if not hits or hits[0].start > 12:
        return None
    return rest[:hits[0].end].strip(" ,|·•/-–—")[hits[0].start:] if hits[0].start else rest[:hits[0].end]


# Words no account is named: a date's parts, a relative time's, a menu's and a comment counter's.
_NOT_A_NAME = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|comments?|share|home|menu|search|login|log in|news|"
    r"category|categories|tags?|uncategori[sz]ed|by|posted|author|authors|written|editor|admin panel|"
    # the newsroom's label in the languages rows are read in ("Por Redacción", "Von Redaktion"): a desk, no account
    r"(?:la\s+|die\s+|a\s+)?(?:redacci[oó]n|reda[cç][aã]o|redaktion|r[ée]daction|redazione|redaksi|redactie|"
    r"redakcja|redaktionen|toimitus|редакция|newsroom))$"
    r"|^(?:the|a|an|this|that|these|our|my|his|her|their|its)\s", re.I)


# A blog's account may be a phrase ("Malaysians Must Know the TRUTH"); longer, it is a sentence.
MAX_NAME_WORDS = 6


def poster_shaped(name: str) -> bool:
    """A person's or an account's name: a few words or a handle, no date, no menu or category word, no
    sentence."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not 2 <= len(name) <= 40 or _NOT_A_NAME.match(name):
        return False
    if name[-1:] in "!?":
        return False
    if any(map(str.isdigit, name)) and (len(words) > 1 or find_dates(name)):
        return False  # "- May 24", "10 March": a date's fragment (a handle may hold digits: "tngadmin01")
    return not (vocab.CHROME_LINE.match(name) or vocab.SITE_SECTION.match(name))


# A blog's display name: a first name and a descriptive tail in lower case ("Kate the gardener", "Sam from the shop",
# "Jo at the bakery"): an account as the blog signs its posts, printed so.
_DISPLAY_NAME = re.compile(r"^(?P<first>[A-Z][\w'’.-]*)\s+(?:the|from|of|at|@)\s+(?:(?:the|our|my)\s+)?"
                           r"[\w'’-]+(?:\s+[\w'’-]+){0,2}$")
# First words that make such a phrase a theme's label ("Posted at the weekend", "Published from the app") or a role
# ("Editor at the desk"), no display name.
_NO_FIRST_NAME = frozenset([verb for verbs, _ in vocab.POSTER_VERBS for verb in verbs if verb.isalpha()] + [
    "written", "updated", "filed", "last", "editor", "editors", "staff", "team", "desk", "newsdesk", "reporter",
    "correspondent", "contributor", "writer", "author", "admin", "webmaster", "news", "photo", "video"])


def display_name(name: str) -> bool:
    """Whether an account's name is a blog's display name, a first name and its descriptive tail ("Kate the
    gardener"), never a theme's label ("Posted on", "Publié le") or a role word with a tail."""
    m = _DISPLAY_NAME.match(name)
    return m is not None and m.group("first").casefold() not in _NO_FIRST_NAME and poster_shaped(name)


def poster_rows(printed: Sequence[Line], lines: Sequence[Line], found: Found, is_outlet: IsOutlet,
                outlet_page: bool) -> None:
    """Propose the poster (and the post's date or time) of every poster's row outside the story's paragraphs, each
    where it stands (the resolver picks the best; the first printed on a tie). ``printed`` are the page's lines as
    printed, ``lines`` as the walk read them (a row cut into its fields). One line is one thing: a byline or a
    stamp read off the row's fields is the poster's name and the post's date. An outlet's name there is the
    outlet's own account, and a name a byline elsewhere prints is the story's author: neither is proposed."""
    posts: list[tuple[int, str]] = []  # the rows read as the post's: where each stands, its poster folded
    if outlet_page:
        return
    at = found.at
    try:
        for line in printed:
            if (row := poster_row(line.text)) is None:
                continue
            name, date, time = row
            part = f"{line.origin} part "  # the row, however the walk cut it into its fields
            same = {i for i, x in enumerate(lines) if x.origin == line.origin or x.origin.startswith(part)}
            if not same or is_outlet(name) or _outlets_staff(name, is_outlet):
                continue  # the outlet's own account ("By AFP", "By Reuters Staff"): its row is the story's credit
            folded = fold_text(name)
            if any(fold_text(c.value) == folded for c in found.candidates if c.block not in same and c.role in (
                    "byline", "reporting")):
                continue  # (a poster the page names elsewhere, a forum member's details under the post, is this
                # row's poster: the row still dates the post)
            _drop_section_credits(found, same, line.text, name, date)
            # The row's own reading of its name replaces a coarser one.
            _claim(found, same, ("byline", "reporting", "header", "republisher", *resolver.ORIGINAL_ROLES))
            if not_the_posts_row(lines, min(same), found) or a_replys_row(lines, min(same), found, posts, folded):
                continue  # a comment's, a teaser's or a reply's row under the story
            posts.append((min(same), folded))
            found.at = min(same)
            found.propose("republisher", name, f"{line.origin}: poster's row", resolver.PRINTED_REPUBLISHER)
            if date is not None:
                found.propose("republished", date, f"{line.origin}: poster's row{_POST_DATE}", resolver.POST_HEADER)
            elif time is not None:
                found.propose("post time", time, f"{line.origin}: poster's row", resolver.POST_HEADER, "last")
    finally:
        found.at = at


def _claim(found: Found, same: set[int], roles: tuple[str, ...]) -> None:
    """Withdraw the candidates of ``roles`` proposed from the row's lines."""
    claimed = [c for c in found.candidates if c.block in same and c.role in roles]
    for c in claimed:
        found.proposed[c.role] -= 1
    found.candidates[:] = [c for c in found.candidates if c not in claimed]


def _drop_section_credits(found: Found, same: set[int], text: str, name: str, date: str | None) -> None:
    """A row's fields after its name and date are its section and counters, never an outlet ("By X | date | Local"):
    outlets read off them are withdrawn."""
    tail = text.split(date, 1)[1] if date and date in text else text.split(name, 1)[-1]
    fields = {fold_text(f) for f in re.split(r"[|·•/,]|\s[-–—]\s", tail) if f.strip()}
    dropped = [c for c in found.candidates if c.role == "outlet" and c.block in same and fold_text(c.value) in fields]
    if dropped:
        found.proposed["outlet"] -= len(dropped)
        found.candidates[:] = [c for c in found.candidates if c not in dropped]


# The words an outlet's own desk account adds to its name ("Reuters Staff", "Xinhua Desk", "Redacción EFE").
_STAFF_WORD = re.compile(r"^(?:redacci[oó]n|reda[cç][aã]o|redaktion|r[ée]daction|redazione|redaksi|redactie|newsroom)"
                         r"\s+|\s+(?:staff|desk|newsroom|team|editors?|reporters?|writers?|web|digital|online)$", re.I)


def _outlets_staff(name: str, is_outlet: IsOutlet) -> bool:
    """The name is an outlet's with its desk's word ("Reuters Staff"): the outlet's own account."""
    bare = _STAFF_WORD.sub("", name).strip()
    return bool(bare) and bare != name and is_outlet(bare)


_HOST = re.compile(r"(?i)\b(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]{3,40})\.(?:com|net|org|info|news|co|tv|[a-z]{2})\b")
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|copyright\b)")


def vet_posters(lines: Sequence[Line], found: Found, is_outlet: IsOutlet, site: str | None) -> None:
    """A poster is a person or an account: a printed name that is a date's fragment, a menu's or a category's
    word is no poster, nor is an outlet's own account (an outlet the registry knows; a name whose letters spell a
    site printed on the page other than the page's own, as a link card's "WWW.OUTLET.COM" under the outlet's
    account): such candidates are dropped before the resolver chooses."""
    posters = [c for c in found.candidates if c.role == "republisher" and c.printed]
    if not posters:
        return
    dropped = [c for c in posters if not poster_shaped(c.value) or is_outlet(c.value) or _joins_an_outlet(
        c.value, is_outlet) or _outlets_site(
        resolver.letters(c.value), lines, site) or _masthead_under_title(c, found.site)]
    if dropped:
        found.candidates[:] = [c for c in found.candidates if c not in dropped]
        found.proposed["republisher"] -= len(dropped)



# The joints of an account's name made of two names ("MTI-Hungary Today", "Reuters / Site"); a hyphen inside one
# word of a person's name ("Soto-Acuña") is no joint unless a known outlet's name stands on one side of it.
_JOINT = re.compile(r"\s*[-–—/|+&]\s*")


def _joins_an_outlet(name: str, is_outlet: IsOutlet) -> bool:
    """An account named by an outlet joined to another name ("MTI-Hungary Today": the agency's copy as the site's
    account posts it) is that outlet's account, no poster."""
    parts = [p for p in _JOINT.split(name) if p]
    return len(parts) > 1 and any(is_outlet(p) for p in parts)


# A site's short name ("HOY") spelled inside its masthead line ("Diario Hoy") has at least this many letters.
MIN_SITE_LETTERS = 3


def _masthead_under_title(candidate: resolver.Candidate, names: Sequence[str]) -> bool:
    """A name over the post date on the line right under the capture's title line that spells the site's name there
    (or is spelled in it: "HOY" over "Diario Hoy") is the site's masthead over its edition date, not an account."""
    if candidate.block != 1 or candidate.score != resolver.NAME_ABOVE_POST:  # (its block: the date line's)
        return False
    letters = resolver.letters(candidate.value)
    return any(len(own) >= MIN_SITE_LETTERS and (own in letters or letters in own)
               for own in map(resolver.letters, names))


def _outlets_site(letters: str, lines: Sequence[Line], site: str | None) -> bool:
    """The name spells a site printed on the page (``pattayamail`` in "WWW.PATTAYAMAIL.COM") that is not the page's
    own (its name, its first line, its copyright line)."""
    if len(letters) < 4:
        return False
    printed = [x.text for x in lines if "." in x.text and len(x.text) <= 200 and letters in resolver.letters(x.text)]
    if not any(resolver.letters(m.group("host")) == letters for text in printed for m in _HOST.finditer(text)):
        return False
    own = {resolver.letters(site or ""), resolver.letters(lines[0].text) if lines else ""}
    own |= {resolver.letters(x.text) for x in lines if len(x.text) <= 120 and _COPYRIGHT.search(x.text)}
    return not any(letters in x for x in own if x)
