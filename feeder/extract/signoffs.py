"""Credit and stamp lines in the forms sites print around an agency's story beyond the credit rows: a line
written "with" an agency, an outlet's name before its stamp, a blog theme's post footer, a byline's role line,
an agency named under a label or after a dash."""

from __future__ import annotations

from feeder.extract import lazy_re as re
from feeder.extract import resolver, rules
from feeder.extract.datelines import PRINTED_CREDIT, agency_named, token_outlet
from feeder.extract.dates import MONTH_NUMBER, WEEKDAY_WORDS, find_dates
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, proper_name


def read_signoff(line: Line, found: Found, is_outlet: IsOutlet, following: str) -> bool:
    """Take one of these lines into candidates; True when the line was one (it is then no story text)."""
    text = line.text
    if len(text) > 200:
        return False  # these lines are short; a story paragraph is not
    if (agency := _with_agency(text, is_outlet)) is not None:
        found.credit(agency, f"{line.origin}: the site's credit line naming the agency it wrote with",
                     resolver.WITH_AGENCY)
        return True
    if (stamped := _outlet_then_date(text, is_outlet)) is not None:
        found.credit(stamped[0], f"{line.origin}: outlet and stamp")
        found.propose("stamp", stamped[1], f"{line.origin}: outlet and stamp", resolver.BESIDE_CREDIT)
        return True
    if text[:4] in ("This", "this") and (m := _ENTRY_POSTED.match(text)) is not None:
        _post_footer(m.group("rest"), line, found)
        return True
    if _role_line(text):
        return True  # "Journalist AFP Lagos Bureau.": the role under a byline's name
    if len(text) <= 40 and following[:1] in _ROLE_INITIALS and _role_line(following) and _person_name(text, is_outlet):
        found.byline(text, f"{line.origin}: name over its role line")
        return True
    if (agency := _labelled_agency(text, is_outlet)) is not None:
        found.credit(agency, f"{line.origin}: an agency under a story label")
        return True
    if text[:1].isupper() and "," in text[:32] and (m := _BARE_DATELINE.match(text)) and is_outlet(m.group("outlet")):
        # "TOKYO, Oct. 6 Kyodo": a dateline alone on its line, the agency's name after its date.
        found.credit(m.group("outlet"), f"{line.origin}: a dateline line naming the agency", resolver.DATELINE)
        return True
    if found.body and text[:1] in "([" and (agency := _bracketed_agency(text, is_outlet)) is not None:
        found.credit(agency, f"{line.origin}: an agency's token alone on its line after the story", resolver.DATELINE)
        return True
    if found.body and (printed := _dashed_outlet(text)) is not None and not is_outlet(printed):
        found.credit(printed, f"{line.origin}: an outlet's sign-off after the story{PRINTED_CREDIT}", resolver.DATELINE)
        return True
    return False


# "Slate Afrique avec AFP", "With Reuters", "Redacción con información de EFE", "(mit dpa)", "Agência X com Lusa",
# "(With inputs from PTI)": a site's credit line for a story written with an agency's copy.
_WITH_AGENCY = re.compile(
    r"^[(\[]?(?:[^()\[\].!?]{0,50}?\s)?(?i:avec|with|con información de|con|mit|com|met)"
    r"(?:\s+(?i:inputs?|additional inputs?|reporting|files|information|material)\s+(?i:from|of|by))?\s+"
    r"(?P<outlets>[^\s()\[\]][^()\[\].!?]{0,40}?)[)\]]?\.?$")
_WITH_WORD = re.compile(r"(?:avec|with|con|mit|com|met|Avec|With|Con|Mit|Com|Met) ")  # the cheap test first
_AGENCY_LIST = re.compile(r"\s*(?:,|/|&|\s(?:et|and|y|e|und|en)\s)\s*", re.I)
# Words of a line written "with" an agency's copy: more is a sentence ("Talks with Xinhua editors ended").
_WITH_LINE_WORDS = 10


def _with_agency(text: str, is_outlet: IsOutlet) -> str | None:
    """The first known agency a "… with AGENCY" credit line names."""
    if len(text) > 90 or _WITH_WORD.search(text) is None or len(text.split()) > _WITH_LINE_WORDS:
        return None
    if (m := _WITH_AGENCY.match(text)) is None:
        return None
    return next((part for part in _AGENCY_LIST.split(m.group("outlets")) if part and is_outlet(part)), None)


def _outlet_then_date(text: str, is_outlet: IsOutlet) -> tuple[str, str] | None:
    """(outlet, stamp): "Global Times August 20, 2022", "Reuters 10 April 2023 14:05 GMT" — a known outlet's
    name and a dated stamp with nothing else on the line."""
    if not 10 <= len(text) <= 80 or not text[:1].isupper() or text[-1] in ".!?,;\"”" or not (
            text[-1].isdigit() or text[-1].isupper()):
        return None  # a stamp ends on its year, its time or its zone: prose lines are spared the date finder
    words = text.split()
    if len(words) > _STAMP_LINE_WORDS or words[0].rstrip(",.").lower() in _NOT_AN_OUTLET_START:
        return None  # a date line itself ("January 3, 2019"), a byline
    hits = find_dates(text)
    if not hits or hits[0].year is None or hits[0].label is not None or text[hits[-1].end:].strip(" .)"):
        return None
    head = text[:hits[0].start].strip(" ,|·•:-–—")
    return (head, text[hits[0].start:]) if head and len(head) <= 40 and is_outlet(head) else None


# Words of an outlet's name and its stamp on one line ("Reuters 10 April 2023 14:05 GMT").
_STAMP_LINE_WORDS = 10
# First words no outlet's name starts with: a month, a weekday, "By", a stamp's label.
_NOT_AN_OUTLET_START = frozenset((*MONTH_NUMBER, *WEEKDAY_WORDS, "by", "posted", "published", "updated", "source"))


# "This entry was posted on Monday, April 10th, 2023 at 2:05 pm and is filed under News.", "This entry was posted
# in Ferries on April 11, 2023 by harbourkeeper.": a blog theme's footer, the post's own date and poster.
_ENTRY_POSTED = re.compile(
    r"^this (?:entry|post|article|story) was (?:posted|published|written|filed)\b(?P<rest>.{0,200})$", re.I)
_FOOTER_POSTER = re.compile(r"\bby\s+([\w.'’-]{2,30}(?:\s[A-Z][\w.'’-]+){0,2})")


def _post_footer(rest: str, line: Line, found: Found) -> None:
    found.ended = found.ended or bool(found.body)
    if (hit := next((h for h in find_dates(rest) if h.year), None)) is not None:
        found.propose("republished", hit.raw, f"{line.origin}: the post's footer", resolver.POST_HEADER)
    if (poster := _FOOTER_POSTER.search(rest)) is not None:
        found.propose("republisher", poster.group(1).rstrip("."), f"{line.origin}: the post's footer",
                      resolver.PRINTED_REPUBLISHER)


# "Journalist AFP Lagos Bureau.", "Senior correspondent, The Star": a byline's role line, under the name.
_ROLE_LINE = re.compile(r"^(?:(?:senior|chief|staff|special|foreign|freelance|political|business)\s+)?"
                        r"(?:journalist|reporter|correspondent|writer|photographer|bureau chief|columnist)\b", re.I)
_ROLE_OPENINGS = frozenset(("senior", "chief", "staff", "special", "foreign", "freelance", "political", "business",
                            "journalist", "reporter", "correspondent", "writer", "photographer", "bureau", "columnist"))
_ROLE_WORDS = 8
_ROLE_INITIALS = frozenset(c for word in _ROLE_OPENINGS for c in (word[0], word[0].upper()))


def _role_line(text: str) -> bool:
    if not 0 < len(text) <= 90 or text[0] not in _ROLE_INITIALS or text.split(" ", 1)[0].rstrip(",.:").lower() not in (
            _ROLE_OPENINGS):
        return False  # the first letter, then the first word, tell most lines apart before the pattern runs
    return len(text.split()) <= _ROLE_WORDS and _ROLE_LINE.match(text) is not None


def _person_name(text: str, is_outlet: IsOutlet) -> bool:
    return 2 <= len(text.split()) <= 4 and proper_name(text) and not is_outlet(text)


# "Story: AP", "Text: dpa/Photo: AFP", "Texto: EFE": a label for who wrote the story, naming known agencies only
# (a person's name under it is a byline, read elsewhere).
_STORY_LABEL = re.compile(r"^(?:story|text|texto|texte|copy|wire)\s*[:：]\s*(?P<outlets>[^:：]{2,40}?)"
                          r"(?:\s*/\s*(?:photos?|foto|image|bild)\s*[:：].*)?$", re.I)


def _labelled_agency(text: str, is_outlet: IsOutlet) -> str | None:
    if len(text) > 80 or (":" not in text[:7] and "：" not in text[:7]) or (m := _STORY_LABEL.match(text)) is None:
        return None
    return next((part for part in _AGENCY_LIST.split(m.group("outlets")) if part and is_outlet(part)), None)


# "— Pattaya One News", "-- Island Herald": a dash and an outlet's name alone on the line after the story; only a
# name made of an outlet's words (News, Press, Agency …) is credited as printed, "— Jane Doe" is a signature.
_DASHED = re.compile(r"^(?:--|[—–-])\s*(?P<name>[^\W\d_][\w&'’. -]{2,40}?)\.?$")


def _dashed_outlet(text: str) -> str | None:
    if len(text) > 48 or text[:1] not in "-—–" or (m := _DASHED.match(text)) is None:
        return None
    name = m.group("name").strip()
    return name if proper_name(name) and agency_named(name) else None


# "(APA/Red)", "[AFP]", "(Agency/ab)": an agency's token alone on its line after the story, maybe joined by the
# desk's or editor's initials; only a token naming a known outlet is credited.
_BRACKETED = re.compile(r"^[(\[]\s*(?P<token>[^()\[\]]{2,30}?)\s*[)\]]\.?$")


def _bracketed_agency(text: str, is_outlet: IsOutlet) -> str | None:
    if len(text) > 34 or (m := _BRACKETED.match(text)) is None:
        return None
    return token_outlet(m.group("token"), is_outlet)


# A place in capitals, a date, then the agency's name, nothing else on the line.
_BARE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,30},\s*" + rules.DATELINE_DATE +
                            r"\s+(?P<outlet>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})$")
