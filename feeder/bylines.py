"""Turn raw byline strings into clean person names; agencies, desks, roles and places are not people."""

from __future__ import annotations

import re
from collections.abc import Callable

from feeder.extract.credit_rows import paper_shaped
from feeder.extract.rules import FURNITURE
from feeder.extract.vocab import CHROME_LINE, MEMBER_RANK, ORGANISATION_WORDS

_LEAD = re.compile(
    r"^\s*(?:(?:written|reported|story|text|words|reporting|additional reporting|article|column|report)\s+by|by|author|"
    r"authors|writer|reporter|reporters)\s*[:：]?\s+", re.I)
# "Xinhua writers Liu Fang, Zhou Hao": the desk before the names goes, the names stay.
_DESK_PREFIX = re.compile(r"^(?:[A-Z][\w'’.]*\s+){1,3}(?:staff\s+)?(?:writers?|reporters?|correspondents?)\s+(?=[A-Z])")
_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b|\bwith\b|\+|、|，)\s*", re.I)
_PLACE_TAIL = re.compile(r"\s+(?i:in|from|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*$")
# "He Qingshan in Zhuhai, Guangdong": the place tail runs to the end, commas included.
_PLACE_CLAUSE = re.compile(r"\s+(?i:in)\s+[A-Z][\w'’.-]*(?:[\s,]+[A-Z][\w'’.-]*)*\s*$")
_OUTLET_TAIL = re.compile(r"\s+(?i:for|of)\s+(?:the\s+)?[A-Z].*$")
_ROLES = re.compile(
    r"\b(?:staff|desk|newsdesk|webdesk|newsroom|team|editors?|editorial|correspondents?|reporters?|writers?|"
    r"contributors?|agency|agencies|news|wires?|bureau|online|web|digital|photographer|"
    r"photo|photos|video|graphics|source|updated|published|comments?)\b", re.I)
# The account a CMS posts under by default ("admin"): a login, never the story's writer.
_ACCOUNT = re.compile(r"^(?:site\s+)?(?:admin|administrator|webmaster|sysop|root|guest|anonymous)$", re.I)
# Characters and address parts no person's name holds (web addresses are taken out whole first, see _URL).
_NOT_NAME = re.compile(r"[\d@#:|<>()\[\]{}=_*\\]|\b(?i:www)\.|\.com\b|\.cn\b")
# A web address in a byline ("By Jane Doe https://…"): taken out whole before the names are split at "/".
_URL = re.compile(r"\b(?:https?://|www\.)\S*", re.I)
_PIPE_TAIL = re.compile(r"\s*\|.*$")
# The buttons printed right after a writer's name, glued to it in a capture: "Jane Doe Follow", "Jane Doe Share",
# "Jane Doe View all posts". (Share and network words only: a one-syllable chrome word may end a name.)
_BUTTON_TAIL = re.compile(
    r"(?:\s+\+?\s*(?:follow|unfollow|share|tweet|e-?mail|subscribe|twitter|facebook|linkedin|whatsapp|instagram|"
    r"view (?:all |my )?(?:posts|articles|stories|profile)|(?:see|read) (?:all|more) (?:posts|articles|stories)))+$",
    re.I)
# A weekday or a relative day alone in a name's place: the byline's date, not a person.
_DAY_WORD = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)$", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
# A name holding a word of an organisation's kind ("Harbourview Residents Council", "Acme Inc") is the writer's
# organisation printed beside their name, no person; a two-word name closing on such a word that is also a family
# name ("Charlotte Church", "Ellen Bank") stays a person's.
_ORGANISATION = re.compile(rf"\b(?:{ORGANISATION_WORDS})\b", re.I)
_FAMILY_NAME_ORGANISATION = re.compile(r"^[^\W\d_][\w'’.-]*\s+(?i:church|bank|college|school)$")
# The longest agency name looked for at the end of a byline ("Agence France-Presse", "Press Trust of India").
OUTLET_TAIL_WORDS = 4
_LOWER_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "del", "la", "le"})


def clean_authors(raw: str, is_outlet: Callable[[str], bool] = lambda _: False) -> tuple[str, ...]:
    """Person names in a byline, in order, title-cased, without roles, places or agencies."""
    text = _LEAD.sub("", " ".join(raw.split()))
    text = " ".join(_URL.sub(" ", text).split())
    text = _DESK_PREFIX.sub("", text)
    text = _PIPE_TAIL.sub("", text)  # "By A | outlet | Updated" keeps only the names
    text = _BUTTON_TAIL.sub("", text)
    text = _PLACE_CLAUSE.sub("", text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _clean_one(part, is_outlet)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _clean_one(part: str, is_outlet: Callable[[str], bool]) -> str | None:
    part = _LEAD.sub("", part.strip(" .-–—:"))
    part = _PLACE_TAIL.sub("", part)
    part = _OUTLET_TAIL.sub("", part).strip(" .-–—")
    part = without_outlet_tail(part, is_outlet)
    if not part or is_outlet(part) or _ROLES.search(part) or _NOT_NAME.search(part) or _ACCOUNT.match(part) or (
            MEMBER_RANK.match(part) or _LABEL_NAME.search(part) or _chrome(part) or _DAY_WORD.match(part)) or (
            _organisation(part)):
        return None
    words = part.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return None
    return _title_case(words)


def _organisation(name: str) -> bool:
    return _ORGANISATION.search(name) is not None and not _FAMILY_NAME_ORGANISATION.match(name)


def byline_poster(raw: str, is_outlet: Callable[[str], bool] = lambda _: False) -> str:
    """A byline read as the page's poster (a site's own post, no outlet credited): its person names, cleaned as any
    byline's and joined as a byline joins them ("Rania Saleh and Tomas Ibarra"); an organisation, outlet or role
    printed beside them ("Jane Doe, Riverside Garden Club") is no poster. A byline of one name, or of no person's
    name, is left as printed for the poster's own cleaning (a login or an account is a poster too)."""
    text = " ".join(_URL.sub(" ", _LEAD.sub("", " ".join(raw.split()))).split())
    if len(parts := _SPLIT.split(text)) < 2:
        return raw
    # (A paper's name after the first name is the outlet the writer works for: "Kate Lin, Valley Courier".)
    names = clean_authors(", ".join(p for n, p in enumerate(parts) if n == 0 or not paper_shaped(p)), is_outlet)
    if not names:
        return raw
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def without_outlet_tail(part: str, is_outlet: Callable[[str], bool]) -> str:
    """ "GARRETT HOLLOWAY Associated Press" -> "GARRETT HOLLOWAY": an agency signed after the names without
    a comma (the wire's own style on many portals); a name of two words or more stays before it."""
    words = part.split()
    for size in range(min(OUTLET_TAIL_WORDS, len(words) - 2), 0, -1):
        names, tail = " ".join(words[:-size]), " ".join(words[-size:])
        # In one case style with the names ("JOHN KIM AA") the last word may be the name's own.
        if not (names.isupper() and tail.isupper()) and is_outlet(tail):
            return names
    return part


def _title_case(words: list[str]) -> str:
    """ "FAN FEIFEI" -> "Fan Feifei"; names already in mixed case are kept as written."""
    if any(w.isupper() and len(w) > 1 for w in words) or all(w.islower() for w in words):
        last = len(words) - 1
        words = [w.lower() if w.lower() in _LOWER_PARTICLES and 0 < i < last else _cap(w)
                 for i, w in enumerate(words)]
    return " ".join(words)


def _cap(word: str) -> str:
    """Capitalize each part of a word: "jean-pierre" -> "Jean-Pierre", "o'neil" -> "O'Neil"."""
    return re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word.lower())


# A forum's rank printed before the poster's name ("Registered Commenter Hamish"): the rank is no part of it.
_RANK_PREFIX = re.compile(
    r"^(?:(?:new|junior|senior|active|registered|verified|premium|gold|silver|elite|top)\s+)+"
    r"(?:commenter|member|user|poster|contributor|reader)\s+(?=\S)", re.I)
# A name field whose "name" is the template's label ("Plain Text Author", "User Name", "Display name").
_LABEL_NAME = re.compile(r"(?:^|\s)(?:author|user ?name|(?:display |full |nick ?)?name|poster)$", re.I)
# A site's own title in the poster's place ("Rodrigo's Desk", "City News BBS"): a place, not a person.
_SITE_TITLE = re.compile(r"\w['’]s\s+\w+$|\s(?:blog|weblog|bbs|forum|board|notebook|diary)$", re.I)


def _chrome(name: str) -> bool:
    """Site chrome in a name's place: a link or button of the page (a share or comment link, a menu word)."""
    return CHROME_LINE.match(name) is not None or FURNITURE.match(name) is not None


# A web address in the name's place (an author link's href printed as its text): a place, not a person.
_ADDRESS = re.compile(r"https?://|www\.|^[\w-]+(?:\.[\w-]+)+/", re.I)


def clean_poster(raw: str) -> str | None:
    """The republishing page's poster as printed, without a rank before it; None for what a template prints in
    the name's place: a label, a site's title, a web address, a forum rank's badge, site chrome ("Share",
    "Leave a comment", "3 Comments"), or no letters at all."""
    name = _BUTTON_TAIL.sub("", _RANK_PREFIX.sub("", raw)) or raw
    if _LABEL_NAME.search(name) or _SITE_TITLE.search(name) or _ADDRESS.search(name) or _chrome(name) or (
            _DAY_WORD.match(name)):
        return None
    if MEMBER_RANK.match(name) and not name.islower():
        return None  # a rank's badge ("Staff Member"); the same word typed as a login ("admin") is an account
    return name if any(c.isalpha() for c in name) else None
