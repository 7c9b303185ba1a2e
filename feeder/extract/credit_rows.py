"""Credit rows read as fields: "By A | Outlet | Updated: date", a site's post-meta row, a labelled source line."""

from __future__ import annotations

from collections.abc import Callable

from feeder.extract import lazy_re as re
from feeder.extract import resolver, rules, vocab
from feeder.extract.dates import find_dates
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, is_date_line, proper_name
from feeder.records import DateRole

ACCOUNT_LOGIN = re.compile(r"^[a-z][a-z0-9_.]{2,24}$")


def stamp_fields(text: str, is_outlet: IsOutlet) -> bool:
    """A pipe-separated credit such as "By A | chinadaily.com.cn | Updated: 2020-10-13 16:49"."""
    fields = [f.strip() for f in text.split("|")]
    return len(text) < 200 and any(
        rules.STAMP_LABEL.match(f) or rules.BYLINE.match(f) or is_outlet(f) for f in fields) and any(
        is_date_line(f) for f in fields)


def pipe_fields(text: str, origin: str, found: Found, is_outlet: IsOutlet, labelled: bool = False) -> None:
    if not labelled and _post_meta_row(text, origin, found, is_outlet):
        return
    # A stamp printed beside the outlet's name is the outlet's: it outranks loose date lines.
    beside = any(is_outlet(f.strip()) for f in text.split("|"))
    _read_fields(text, origin, found, is_outlet, resolver.BESIDE_CREDIT if beside else resolver.PRINTED_STAMP, labelled)


def _post_meta_row(text: str, origin: str, found: Found, is_outlet: IsOutlet) -> bool:
    """"By admin | January 2, 2023 | Category | 0 Comments": the site's own post-meta row, a login as its
    byline: it names the poster and the post date, and credits no outlet (its other fields are categories)."""
    fields = [f.strip() for f in text.split("|")]
    if (m := rules.BYLINE.match(fields[0])) is None:
        return False
    login = m.group(1).strip()
    if not ACCOUNT_LOGIN.match(login) or is_outlet(login):
        return False
    found.propose("republisher", login, f"{origin}: site account's post-meta row", resolver.PRINTED_REPUBLISHER)
    for index, part in enumerate(fields[1:], 2):
        if is_date_line(part):
            found.propose("republished", part, f"{origin}: post-meta field {index}", resolver.POST_HEADER)
    return True


# The fields of a site's post-meta row that are never a credit: its comment count or link, its categories.
_POST_META_FIELD = re.compile(r"^(?:(?:\d+|no)\s+comments?|comments?\s*(?:\(\d+\)|[:：]\s*\d+)|"
                              r"leave an? (?:comment|reply)|categor(?:y|ies)\s*[:：].*|filed under\s*[:：]?.*|"
                              r"tags?\s*[:：].*|"
                              # the same fields in the languages themes ship in: "Sin comentarios", "3 commentaires"
                              r"(?:\d+|sin|sem|pas de|aucun|keine|nessun|geen|ingen)\s+(?:comentarios?|comentários?|"
                              r"commentaires?|kommentare?|comment[io]|reacties|kommentarer)|"
                              r"(?:deja|deixe|laisser|lascia)\s+(?:un|um|une)\s+(?:comentario|comentário|commentaire|"
                              r"commento))$", re.I)
# A byline's word in a theme's language before the poster's name in a post-meta row ("Por X", "Par X").
_LOCAL_BY = re.compile(r"^(?:por|par|von|di|door|av|oleh)\s+(?P<name>[^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,3})$",
                       re.I)
_ROW_SEPARATOR = re.compile(r"\s*\|\s*|\s+/\s+")


def post_meta_row(text: str, origin: str, found: Found, is_outlet: IsOutlet) -> bool:
    """"Leave a Comment / Section / By admin / January 4, 2022", "August 30th, 2024|Categories: News|0 Comments":
    a theme's post-meta row (a field of it is the comment count or the categories) prints the site's post date
    and its poster, never the story's stamp or author; True when the line was one."""
    if len(text) > 200 or not ("oment" in text or "omment" in text or "ategor" in text or "iled under" in text
                               or "ag" in text):
        return False
    fields = [f for f in _ROW_SEPARATOR.split(text.strip(" |/")) if f]
    if len(fields) < 2 or not any(_POST_META_FIELD.match(f) for f in fields):
        return False
    dates = [(n, f) for n, f in enumerate(fields, 1) if is_date_line(f) and not _POST_META_FIELD.match(f)]
    if not dates:
        return False
    for index, part in dates:
        found.propose("republished", part, f"{origin}: post-meta field {index}", resolver.POST_HEADER)
    for index, part in enumerate(fields, 1):
        if (m := rules.BYLINE.match(part) or rules.POSTED_BY.match(part) or _LOCAL_BY.match(part)) is not None and (
                not is_outlet(name := m.group(1).strip())) and not is_date_line(name):
            found.propose("republisher", name, f"{origin}: post-meta field {index}", resolver.PRINTED_REPUBLISHER)
    return True


def _read_fields(text: str, origin: str, found: Found, is_outlet: IsOutlet, score: float,
                 labelled: bool = False) -> None:
    for index, part in enumerate(f.strip() for f in text.split("|")):
        where = f"{origin}: credit field {index + 1}"
        if not part:
            continue
        if index and _time_field(part, found):
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
            found.propose(stamp_role(m.group("label")), m.group("rest"), where, score)
        elif (m := rules.BYLINE.match(part)) is not None:
            desk = rules.DESK_WORDS.sub("", m.group(1))
            if is_outlet(m.group(1)) or is_outlet(desk):
                found.credit(desk, f"{where}{resolver.AGENCY_BYLINE_FIELD}")
            elif credit := outlet_after_names(m.group(1), is_outlet):  # "By Li Wen, Xinhua"
                found.credit(credit, f"{where}: outlet named in the byline")
                found.byline(m.group(1), where)
            else:
                found.byline(m.group(1), where)
        elif is_date_line(part):
            found.propose("stamp", part, where, score)
        elif (m := rules.SOURCE_LINE.match(part)) is not None:
            found.credit(_first_credited(m.group(1).strip(), is_outlet), where)
        elif (m := _LABELLED_FIELD.match(part)) is not None and not is_outlet(part):
            if is_outlet(m.group("label")):  # "Agency: 10:15": an outlet's name before its field's colon
                found.credit(m.group("label"), where)
        elif not rules.EDITOR_LINE.match(part):
            found.credit(_first_credited(part, is_outlet), where)


def _time_field(part: str, found: Found) -> bool:
    """"Date: 02/05/2013 | Time: 01:54": a time alone in the field after a day-only stamp completes that stamp."""
    m = rules.STAMP_LABEL.match(part)
    time = m.group("rest").rstrip("| ") if m is not None and m.group("label").lower() == "time" else part
    if not rules.TIME_ONLY.match(time) or not found.candidates:
        return False
    last = found.candidates[-1]
    if last.block != found.at or last.role not in _DAY_STAMP_ROLES or _CLOCK.search(last.value):
        return False
    found.candidates[-1] = last._replace(value=f"{last.value} {time}", why=f"{last.why}, time from the next field")
    return True


_DAY_STAMP_ROLES = frozenset(("stamp", "published", "updated", "republished"))
_CLOCK = re.compile(r"\d:\d\d")


# "Code: 80639386", "Category: World", "Views: 1,204": a labelled field of a row names its label's value; no
# outlet's name is printed as a label (the source's own label is read above).
_LABELLED_FIELD = re.compile(r"^(?P<label>[^\W\d_][\w .'’-]{0,24}?)\s*[:：](?!//)\s*\S")


_CARRIER = re.compile(r"\s+via\s+|\s*/\s*")


# An outlet's name, then the place it wrote from after a spaced dot, middle dot or dash, in one credit field.
_OUTLET_THEN_PLACE = re.compile(r"^(?P<outlet>[^\W\d_][^|·•]{1,40}?)\s+[.·•–—-]\s+[A-Z][\w .,'’-]{1,40}$")


def _first_credited(name: str, is_outlet: IsOutlet) -> str:
    """"AFP/PACNEWS" -> AFP, "Sports Korea via Naver" -> Sports Korea: the story's outlet before the distributor
    or portal that carried it (a known outlet among the parts wins; an address is left whole)."""
    if "://" in name or is_outlet(name):
        return name
    if (placed := _OUTLET_THEN_PLACE.match(name)) and is_outlet(placed.group("outlet")):
        return placed.group("outlet")  # "Agence France-Presse . Rio de Janeiro, Brazil": the outlet, then its place
    if "/" not in name and " via " not in name:
        return name
    parts = [p for p in _CARRIER.split(name) if p]
    known = next((p for p in parts if is_outlet(p)), None)
    if known is not None:
        return known
    # Unknown names: only "via" parts a name from its carrier ("N/A" is no outlet and its carrier).
    return name.split(" via ", 1)[0].strip() if " via " in name else name


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
    return (name, part[hit.start:], role) if is_outlet(name) or (labelled and proper_name(name)) else None


def _label_tail(name: str, date: str) -> tuple[str, DateRole]:
    """"Source: Outlet Updated 20:41, 17-Jan-2023": a stamp label with no colon of its own ends the outlet's
    name; it names the stamp's role."""
    words = name.split()
    for count in range(min(_LABEL_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-count:])
        if (m := rules.STAMP_LABEL.match(f"{tail} {date}")) is not None and m.group("rest") == date \
                and m.group("label").lower() not in _LOOSE_LABELS:
            return " ".join(words[:-count]), stamp_role(m.group("label"))
    return name, "stamp"


# Words a stamp label runs to ("Last updated"); labels that are also common words in names are no label here.
_LABEL_WORDS = 2


_LOOSE_LABELS = frozenset(("date", "time", "release", "released", "releases", "update"))


def stamp_role(label: str) -> DateRole:
    label = label.lower()
    if label.startswith(("updat", "modif")) or label in vocab.UPDATED_LABELS:
        return "updated"  # normalization makes a lone "Updated:" stamp the published one too
    return "published" if label.startswith(("publish", "releas")) or label in vocab.PUBLISHED_LABELS else "stamp"


def outlet_after_names(name: str, is_outlet: IsOutlet) -> str | None:
    """The outlet in "Names, Outlet" / "Names for Outlet" / "Names (Outlet)", if the tail is one."""
    match = re.search(r"(?:,|\bfor\b|\()\s*(?:the\s+)?([^,()]{2,40}?)\)?\s*$", name)
    if match is None:
        return None
    # "By A and B, Associated Press Writers": the outlet, then the writers' role.
    outlet = rules.BYLINE_ROLE.sub("", match.group(1))
    if outlet and is_outlet(outlet):
        return outlet
    # "By A, The Sunday Courier": a name shaped like a paper's, printed after the person's, is its outlet.
    # A writer's role in the same place ("By A, Senior Reporter") is no paper, however it is capitalised.
    printed = match.group(0).lstrip(",( ").rstrip(") ")
    shaped = match.group(0)[:1] == "," and paper_shaped(printed)
    return printed if shaped and rules.BYLINE_ROLE.search(printed) is None else None


# The words of a person's name before a paper's name run on after it with no comma ("Peter Kessler Tribune
# Newspapers"): two or three.
RUN_ON_NAME_WORDS = (2, 3)


def run_on_paper(name: str, is_outlet: IsOutlet) -> str | None:
    """The paper's name the registry does not know run on after a person's with no comma ("By Peter Kessler Tribune
    Newspapers"), when only one cut leaves a person's name of two or three words before a paper's shape; None when
    none or several do ("Jane Doe New York Times" may be "York Times" after a three-word name: no guess). A listed
    outlet signed so ("By JONAH PRESTWICK Associated Press") is the byline cleaning's (without_outlet_tail)."""
    if "," in name or "(" in name or any(is_outlet(" ".join(name.split()[n:])) for n in RUN_ON_NAME_WORDS):
        return None
    words = name.split()
    tails = [" ".join(words[n:]) for n in RUN_ON_NAME_WORDS if len(words) > n + 1]
    papers = [t for t in tails if paper_shaped(t) and proper_name(" ".join(words[:len(words) - len(t.split())]))]
    return papers[0] if len(papers) == 1 and rules.BYLINE_ROLE.search(papers[0]) is None else None


# The last word of a paper's or a broadcaster's name ("The Sunday Times", "Kuwait Herald", "Metro Daily News").
_PAPER_WORD = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,4}(?:Times|Post|Herald|Tribune|Journal|Gazette|Chronicle|Telegraph|"
    r"Observer|Standard|Express|Guardian|Independent|Inquirer|Courier|Mirror|Mail|Star|Sun|Daily|News|"
    r"Newspapers?|Weekly|Review|Monitor|Sentinel|Dispatch|Bulletin|Record|Examiner|Leader|Nation|Press|Today|"
    r"Insider|Wire|Agency|Television|TV|Radio|Broadcasting)$")


def paper_shaped(name: str) -> bool:
    """Whether a printed name is shaped like an outlet's: "The Sunday Times", "Kuwait Times", "Metro Daily News"."""
    return len(name) <= 50 and _PAPER_WORD.match(name) is not None


# "Publicado em 10/05/2021 — 06:05 Por A B — Repórter da Agência X — Brasília", "Published on 3 May 2022 — 10:15 By
# A B - Correspondent for Outlet": a stamp, a byline and the byline's role naming its outlet on one dashed row (spaced
# dashes or hyphens; a hyphen inside a name, "Jean-Pierre", is no field's joint).
_DASH_FIELD = re.compile(r"\s+[—–-]\s+")
# A role line's joints: spaced dashes or hyphens (a hyphen inside a name, "Jean-Pierre", is no joint).
_ROLE_JOINT = re.compile(r"\s+[—–-]\s+")
_BY_WORD = re.compile(r"\s(?i:por|by|par|von|di)\s+(?=[A-Z])")
_ROLE_OF_OUTLET = re.compile(
    r"^(?i:(?:senior|chief|staff|special)\s+)?(?i:rep[oó]rter|correspondent|correspondente|corresponsal|journalist|"
    r"jornalista|periodista|redator|redactor|editor|editora)\s+(?i:da|do|de|del|of|at|for|with)\s+(?i:the\s+)?"
    r"(?P<outlet>[A-Z][^—–]{1,40}?)\s*$")


def dashed_row(text: str, origin: str, found: Found, is_outlet: IsOutlet) -> bool:
    """Read a stamp, byline and role row split by dashes; True when the line was one."""
    if (m := rules.STAMP_LABEL.match(text)) is None or (by := _BY_WORD.search(rest := m.group("rest"))) is None:
        return False
    stamp = _DASH_FIELD.sub(" ", rest[: by.start()]).strip()
    fields = _DASH_FIELD.split(rest[by.end():])
    role = next((r for r in map(_ROLE_OF_OUTLET.match, fields[1:]) if r is not None), None)
    if role is None or not is_date_line(stamp) or not proper_name(fields[0]):
        return False
    where = f"{origin}: credit field"
    found.propose(stamp_role(m.group("label")), stamp, f"{where} 1", resolver.BESIDE_CREDIT)
    found.byline(fields[0], f"{where} 2")
    found.credit(role.group("outlet"), f"{where} 3: the byline's role names its outlet")
    return True


# A byline and its role naming the outlet on a line of their own ("Helena Vasconcelos — Repórter da Agência Brasil",
# "By A B - Correspondent for Outlet - Place"): the fields after the name are the role, then maybe a place.
ROLE_LINE_FIELDS = 3


def role_line(text: str, origin: str, found: Found, is_outlet: IsOutlet) -> bool:
    """Read a person's name and the role naming their outlet, split by a spaced dash; True when the line was one. The
    outlet is credited as printed when listed or shaped as a news outlet's (no organisation's: "Editor of the Garden
    Club" names none)."""
    fields = _ROLE_JOINT.split(text.strip())
    if not 2 <= len(fields) <= ROLE_LINE_FIELDS or (role := _ROLE_OF_OUTLET.match(fields[1])) is None:
        return False
    name = _BY_LEAD.sub("", fields[0])
    outlet = role.group("outlet")
    if not proper_name(name) or not (is_outlet(outlet) or outlet_shaped(outlet, writer_may_be_named=False)):
        return False
    found.byline(name, f"{origin}: byline and its role")
    printed = "" if is_outlet(outlet) else resolver.PRINTED_CREDIT
    found.credit(outlet, f"{origin}: the byline's role names its outlet{printed}")
    return True


_BY_LEAD = re.compile(rf"^(?i:{'|'.join(vocab.BY_WORDS)})\s+(?=[A-Z])")


def own_site(name: str, found: Found) -> bool:
    """Whether a credited name is the site's own (og:site_name, its masthead, a part of its title line: "Headline -
    Site"), read as the resolver reads a credit naming the site itself: a site that names itself credits nobody."""
    return resolver.names_the_site(name, found.site)


# The joint between an agency's name and the site's in one author field ("MTI-Hungary Today", "AFP / The Local").
_ACCOUNT_JOINT = re.compile(r"\s*[/|–—]\s*|\s+-\s+|(?<=[A-Z])-(?=[A-Z])")
# The longest author field read so.
SITE_ACCOUNT_CHARS = 60


def site_account_outlet(name: str, is_site: Callable[[str], bool], is_outlet: IsOutlet) -> str | None:
    """The outlet an author field joins to the site's own name ("MTI-Hungary Today"): the site's account for an
    agency's copy. Both halves must be what they are, one a known outlet and the other the site itself: any other
    pair may be people's names."""
    if len(name) > SITE_ACCOUNT_CHARS:
        return None
    for joint in _ACCOUNT_JOINT.finditer(name):
        first, second = name[:joint.start()].strip(), name[joint.end():].strip()
        if first and second and is_outlet(first) and is_site(second):
            return first
        if first and second and is_outlet(second) and is_site(first):
            return second
    return None


_PLATFORM = re.compile(rf"^(?:{vocab.PUBLISHING_PLATFORMS})(?:\.com)?$|\b(?:{vocab.PLATFORM_KINDS})$", re.I)
_ORGANISATION = re.compile(rf"\b(?:{vocab.ORGANISATION_WORDS})\b", re.I)
_MEDIA_TRADE = re.compile(rf"\b(?:{vocab.MEDIA_TRADE_WORDS})\b", re.I)
_HOST_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)


def outlet_shaped(name: str, writer_may_be_named: bool = True) -> bool:
    """Whether an unknown printed name may be an outlet's: a paper's or an agency's shape ("Kuwait Times"), a news
    site's address, or capitalised words that are no writer's platform, no organisation's name and no person's (a
    person's is two or three capitalised words with no outlet word; one word is a masthead's, "Grist"), asked only
    where the sentence may name a writer (``writer_may_be_named``: "published by", "republished from")."""
    if _PLATFORM.search(name) or organisation_shaped(name):
        return False
    if paper_shaped(name) or _HOST_NAME.match(name):
        return True
    words = name.split()
    return proper_name(name) and (not writer_may_be_named or len(words) == 1 or len(words) >= 4 or (
        words[0].casefold() in _ARTICLES) or any(word.casefold() in _MEDIA_WORDS for word in words))


# A name opening on an article is a title's ("The Conversation", "La Razon Digital"), never a person's; words a
# masthead carries that a person's name does not.
_ARTICLES = frozenset(("the", "la", "el", "le", "les", "los", "las", "il", "lo", "al", "der", "die", "das", "de", "o"))
_MEDIA_WORDS = frozenset((
    "digital", "online", "media", "magazine", "network", "newsroom", "report", "post", "times", "news", "observer",
    "review", "journal", "press", "wire", "daily", "weekly", "week", "tv", "radio", "herald", "gazette", "tribune",
    "chronicle", "telegraph", "courier", "mail", "express", "star", "sun", "mercury", "dispatch", "bulletin", "record",
    "standard", "nation", "monitor", "guardian", "insider", "today", "globe", "voice", "world", "digest",
    # the same words in the languages agencies' copy travels in
    "diario", "diário", "semanal", "semanario", "semanário", "jornal", "periódico", "periodico", "gazeta", "zeitung",
    "corriere", "giornale", "quotidien", "hebdo", "noticias", "notícias", "nouvelles", "prensa", "presse", "tribuna",
    "correo", "correio", "folha", "heraldo", "voz", "mundo", "nación", "nacion", "crónica", "cronica", "kurier",
    "rundschau"))


def organisation_shaped(name: str) -> bool:
    """Whether a printed name is an organisation's by a word of its kind ("University of Oxford", "FC Barcelona",
    "Ministry of Health", "Acme Inc") and carries no word of the news trade."""
    return _ORGANISATION.search(name) is not None and _MEDIA_TRADE.search(name) is None


def spells_out(code: str, paragraph: str) -> bool:
    """Whether a run of capitalised words in the paragraph has the code's initials, with or without its small words
    ("Ministry of Health" for MOH, "Royal College of Nursing" for RCN): an organisation's code, unless the name is
    an outlet's ("Ghana News Agency" for GNA)."""
    if code[0] not in paragraph:
        return False
    for run in _CAPITAL_RUN.finditer(paragraph):
        words = run.group().split()
        for start in range(len(words)):
            if not words[start][:1].isupper():
                continue
            full = "".join(w[0] for w in words[start:]).upper()
            bare = "".join(w[0] for w in words[start:] if w[:1].isupper()).upper()
            if (full.startswith(code) or bare.startswith(code)) and not _MEDIA_TRADE.search(" ".join(words[start:])):
                return True
    return False


# Capitalised words, maybe joined by the small words of a name ("International Labour Organization", "Ministry of
# Health").
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|de|du|des|la|&)\s+)?[A-Z][\w'’-]*)+")
