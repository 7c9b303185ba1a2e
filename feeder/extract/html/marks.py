"""Bylines and stamps the markup names (microdata, hCard/hAtom, rel=author, RDFa), and the page's own post row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from feeder.extract import lazy_re as re
from feeder.extract.html.furniture import meta_row_with_share
from feeder.extract.html.tree import INLINE, Tag, attr_words, elements, text_of, words_of
from feeder.extract.posters import display_name
from feeder.extract.resolver import MARKED_BYLINE
from feeder.records import Clue, DateClue, DateRole

# Regions whose names and dates belong to other posts or to the site: comments, replies, sidebars,
# related and popular lists, today's-date widgets, menus.
OTHER_POSTS_ATTR = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|respond|repl(?:y|ies)|sidebar|related|recommend\w*|popular|trending|"
    r"today|current-date|ticker|breadcrumbs?|menu|nav\w*|widget-area|footer-widgets?|share|sharing|"
    r"social)(?:$|[\s_-])", re.I)


# Theme classes naming the account that posted the page ("post-author", "entry-author"); a "byline" class
# is left to the text reader: portals print the story's own byline in it.
AUTHOR_ATTR = re.compile(r"(?:^|[\s_-])(?:author|creator|poster|writer)(?:$|[\s_-])", re.I)
UPDATED_ATTR = re.compile(r"updated|modified", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HATOM_DATE = re.compile(r"published|updated")
_PROPERTY_DATE = re.compile(r"date(?:Published|Modified|Created)|dc:(?:date|created|issued|modified)")


# "By", "Posted by", and the word for "by" in Spanish and Portuguese (por), French (par) and Dutch (door).
_NAME_LABEL = re.compile(r"^(?:(?:posted|written|published|submitted)\s+)?(?:by|por|par|door)\s+|"
                         r"^(?:author|autor|auteur)\s*[:：]\s*", re.I)


_SEVERAL_NAMES = re.compile(r",|&|\band\b|\bund\b|\bet\b|\by\b|、", re.I)
# An author's name, as printed: a few words, no digits.
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Marks:
    """Bylines and stamps the markup names (microdata, hCard/hAtom, rel=author, RDFa), read before furniture goes."""

    authors: tuple[tuple[Tag, Clue], ...] = ()
    dates: tuple[tuple[Tag, DateClue], ...] = ()
    # Author elements holding the story's byline as a portal prints it: several people ("A and B"), a person
    # and the outlet they write for ("Name, Agence France-Presse"), or a person beside an outlet's own field.
    bylines: tuple[tuple[Tag, Clue], ...] = ()


def read_marks(tags: list[Tag], kept: frozenset[int], is_outlet: Callable[[str], bool]) -> Marks:
    """One pass from the root (tags in document order), skipping the regions of other posts and of the site
    (kept: ids of the elements that hold the story, never such a region whatever their names say)."""
    other: set[int] = set()
    authors: list[tuple[int, int, Tag, str]] = []
    dates: list[tuple[Tag, DateClue]] = []
    bylines: list[tuple[Tag, Clue]] = []
    for n, tag in enumerate(tags):
        parent = tag.parent
        if parent is not None and id(parent) in other:
            other.add(id(tag))
            continue
        attrs = tag.attrs
        if not attrs:
            continue
        words = attr_words(tag)
        # (body classes name the layout)
        if tag.name not in ("body", "html") and OTHER_POSTS_ATTR.search(words) and id(tag) not in kept and (
                not meta_row_with_share(tag, words)):
            other.add(id(tag))
        elif (tag.name in _MARKED or not _PLAIN_ATTRS.issuperset(attrs) or AUTHOR_ATTR.search(words)
              or "fn" in words.split()) and len(authors) + len(dates) < MAX_MARKS:
            _mark(tag, n, words, authors, dates, bylines, is_outlet)
    authors.sort(key=lambda found: found[:2])
    return Marks(tuple((t, Clue(name, f"markup: {_describe(t)}")) for _, _, t, name in authors), tuple(dates),
                 tuple(bylines))


# Marked names and stamps read on one page: a page's own post has a few; the bound keeps hostile nesting linear.
MAX_MARKS = 40
# Elements and attributes that may mark a byline or a stamp; an element with only plain ones is skipped fast.
_MARKED = frozenset({"time", "abbr"})
_PLAIN_ATTRS = frozenset({"class", "id", "style", "href", "src", "alt", "title", "target", "lang", "dir",
                          "width", "height", "data-role"})


def _mark(tag: Tag, n: int, words: str, authors: list[tuple[int, int, Tag, str]],
          dates: list[tuple[Tag, DateClue]], bylines: list[tuple[Tag, Clue]], is_outlet: Callable[[str], bool]) -> None:
    if (rank := _author_rank(tag, words)) is not None:
        if any(id(tag) in _inside(t) for t, _ in bylines):
            return  # a name inside a byline already read: one of its people
        if (name := marked_name(tag, handle=rank < _CLASSED)) and rank == _CLASSED and beside_an_outlet(
                tag, name, is_outlet):
            bylines.append((tag, Clue(name, f"{MARKED_BYLINE} beside its outlet in {_describe(tag)}")))
        elif name:
            authors.append((rank, n, tag, name))
        elif (byline := story_byline(tag, is_outlet)) is not None:
            bylines.append((tag, Clue(byline, f"{MARKED_BYLINE} in {_describe(tag)}")))
    elif (clue := _marked_date(tag, words)) is not None:
        dates.append((tag, clue))


def _inside(tag: Tag) -> set[int]:
    return {id(t) for t in elements(tag)}


# The rank of an author element named so by its class alone (a theme's or portal's byline slot).
_CLASSED = 4
# The separators between a byline row's fields ("AP | NAME | Posted …", "Name, Outlet", "Name - Outlet").
_FIELD_SEPARATORS = re.compile(r"\s*(?:[|·•/]|\s[-–—]\s|,)\s*")
# A poster's label: the name after it posted the page, whatever stands beside it.
_POSTER_LABEL = re.compile(r"^(?:posted|submitted|published|uploaded|shared)\s+by\b", re.I)


def story_byline(tag: Tag, is_outlet: Callable[[str], bool]) -> str | None:
    """The byline an author element prints when it is the story's, not a posting account's: several people
    ("Carla Tsang and Giulia Ferretti", "By A and B"), or a person then the outlet they write for ("Name,
    Agence France-Presse"); each part a name's shape. None for anything else (a label, a sentence, a date)."""
    text = text_of(tag)
    if _POSTER_LABEL.match(text) or len(text) > MAX_BYLINE_CHARS:
        return None
    name = _NAME_LABEL.sub("", text).strip(" ,;:|·-–—")
    parts = [p for p in _SEVERAL_NAMES.split(name) if p.strip(" .")]
    if not parts or len(parts) > MAX_BYLINE_PEOPLE or not all(_name_shaped(p) for p in parts):
        return None
    people = [p for p in parts if not is_outlet(p.strip(" ."))]
    if people and len(people) == len(parts) - 1 and is_outlet(parts[-1].strip(" .")):
        return name
    # Several people each linked to their profile on the site are the site's own contributors' accounts: whether
    # they wrote the story or posted it, the page's credits decide, not this slot.
    linked = tag.find("a") is not None
    return name if len(people) == len(parts) > 1 and not linked else None


# A byline element read as the story's: a few people's names, well under a sentence's length.
MAX_BYLINE_PEOPLE = 4
MAX_BYLINE_CHARS = 120


def _name_shaped(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= MAX_NAME_WORDS and not any(c.isdigit() for c in part) and part.strip()[:1].isupper()


def beside_an_outlet(tag: Tag, name: str, is_outlet: Callable[[str], bool]) -> bool:
    """A person's name in an author element whose row prints an outlet as a field of its own ("AP | NAME | Posted
    07.18.2012"): the person wrote the story for that outlet, no account posting it. Never a poster's row ("Posted
    by admin | Xinhua"): the label names who posted."""
    if is_outlet(name) or _POSTER_LABEL.match(text_of(tag)):
        return False
    field = tag
    while isinstance(field.parent, Tag) and field.parent.name in INLINE:
        field = field.parent
    row = field.parent
    if not isinstance(row, Tag) or row.name in ("body", "html") or words_of(row) > MAX_ROW_WORDS:
        return False
    mine = _inside(tag) | {id(tag)}
    # (a link's words are a category, a tag or a menu: "China News" under the site's own menu is no credit)
    links = {id(t) for a in elements(row) if a.name == "a" for t in (a, *elements(a))}
    fields = [part for piece in row.strings if not (
        isinstance(piece.parent, Tag) and (id(piece.parent) in mine or id(piece.parent) in links))
        for part in _FIELD_SEPARATORS.split(" ".join(str(piece).split())) if part]
    return any(is_outlet(part.strip(" .")) for part in fields)


def _author_rank(tag: Tag, words: str) -> int | None:
    """How plainly the markup says "this is the author's name": microdata, rel=author, hCard, a class."""
    prop = tag.get("itemprop")
    if prop == "name" and isinstance(tag.parent, Tag) and tag.parent.get("itemprop") == "author":
        return 0
    if prop == "author":
        return 1
    if tag.name == "a" and "author" in (tag.get("rel") or ()):
        return 2
    classes = tag.get("class")
    if isinstance(classes, list) and "fn" in classes:
        return 3
    return 4 if AUTHOR_ATTR.search(words) else None


def marked_name(tag: Tag, handle: bool = False) -> str | None:
    """The one name an element marked as an author holds (its "By" label gone), or None: none, several, a label.
    With ``handle`` (an element marked explicitly: microdata, rel=author, hCard), an account's one-word handle with
    digits ("n3k6") is a name too."""
    name = _NAME_LABEL.sub("", text_of(tag)).strip(" ,;:|·-–—")
    words = name.split()
    digits = any(c.isdigit() for c in name) and not (handle and len(words) == 1 and _HANDLE.match(name))
    # Several people ("A and B", "A, B") are the story's byline as a portal prints it, not the posting account.
    if _SEVERAL_NAMES.search(name) or not 1 <= len(words) <= MAX_NAME_WORDS or len(name) > 60 or (
            digits or not name[:1].isalpha()):
        return None
    if not _NAME_LABEL.sub("", f"{name} ").strip():
        return None  # "By" alone: a theme's label element before the names, which stand beside it
    if len(words) > 1 and words[0].casefold() in _ROLE_OPENERS:
        return None  # a role in the name's place ("the gardener", "Our editor"): no name, whatever its tail
    if len(words) > 1 and words[0][:1].isupper() and words[-1].islower() and not display_name(name):
        # A theme's label before the name ("Posted on", "Publié le"): a name's last word is capitalised, but for a
        # blog's display name ("Kate the gardener", "Sam from the shop").
        return None
    return name


# Words that open a role, not a name: an article or a possessive ("the gardener", "our editor").
_ROLE_OPENERS = frozenset(("the", "a", "an", "our", "my", "your", "their", "his", "her", "this"))
# An account's handle: letters and digits, at most a separator between ("n3k6", "user_2041").
_HANDLE = re.compile(r"^[^\W\d_][\w.-]{1,30}$")


def _marked_date(tag: Tag, words: str) -> DateClue | None:
    """A machine-readable stamp: <time datetime>, hAtom <abbr class=published title>, microdata or RDFa dates."""
    attrs = tag.attrs
    prop = f"{attrs.get('itemprop') or ''} {attrs.get('property') or ''}" if (
        "itemprop" in attrs or "property" in attrs) else ""
    if tag.name == "time":
        value = attrs.get("datetime")
    elif tag.name == "abbr" and _HATOM_DATE.search(words):
        value = attrs.get("title")
    elif prop and _PROPERTY_DATE.search(prop):
        value = attrs.get("content") or attrs.get("datetime")
    else:
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        return None
    role: DateRole = "updated" if UPDATED_ATTR.search(f"{words} {prop}") else "published"
    return DateClue(value.strip(), f"markup: {_describe(tag)}", role)


def _describe(tag: Tag) -> str:
    found = [f"<{tag.name}"] + [f'{k}="{" ".join(v) if isinstance(v, list) else v}"'
                                for k, v in tag.attrs.items() if k in ("class", "itemprop", "rel", "property")]
    return " ".join(found) + ">"


def page_marks(marks: Marks, story: Tag | None) -> Marks:
    """The marked names and stamps of the page's own post: outside the story's prose (the post's header and
    footer), where a republisher signs and dates the post; a byline inside the story is read as text."""
    if not marks.authors and not marks.dates:
        return marks
    inside = {id(t) for t in elements(story)} | {id(story)} if story is not None else set()
    authors = tuple(a for a in marks.authors if id(a[0]) not in inside or a[0].get("itemprop") in ("name", "author"))
    dates = sorted((d for d in marks.dates if id(d[0]) not in inside), key=lambda d: d[1].role != "published")
    return Marks(authors[:1], tuple(dates), marks.bylines)


# Words in the meta row around a posting account's name ("Posted by X at 4:03 AM | 2 comments").
MAX_ROW_WORDS = 40


def account_row(marks: Marks) -> set[int]:
    """Ids of the block around the posting account's marked name: its meta row, where the post date
    stands beside it (the post date is the date nearest the republisher)."""
    if not marks.authors:
        return set()
    tag = marks.authors[0][0]
    while isinstance(tag.parent, Tag) and tag.parent.name in INLINE:
        tag = tag.parent
    row = tag.parent
    if not isinstance(row, Tag) or row.name in ("body", "html") or row.decomposed or (
            words_of(row) > MAX_ROW_WORDS):
        return set()
    return {id(row), *(id(t) for t in elements(row))}
