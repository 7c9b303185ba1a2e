"""Datelines and glued credits: the agency token opening the first paragraph or closing the last, credited."""

from __future__ import annotations

import re

from feeder.extract import resolver, rules, vocab
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, proper_name


def strip_datelines(found: Found, is_outlet: IsOutlet) -> list[str]:
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
    if body and not found.count("outlet", resolver.DATELINE) and (m := _PLACE_DATED.match(body[0])):
        # "BANGKOK, 10 July 2015, The …": a dateline with no agency token still dates the story (its date, with
        # the year, is the original's stamp: nearest the story, which is the outlet's words).
        dateline_stamp(m, found)
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


def _dateline(text: str, found: Found, is_outlet: IsOutlet) -> str:
    if text[:3] == "By " and (m := _GLUED_BYLINE.match(text)) and is_outlet(m.group("outlet")):
        # "By A and B, Agency, Place : text": a byline glued to the datelined first paragraph.
        found.byline(m.group("names"), "byline glued to the first paragraph's dateline")
        found.credit(m.group("outlet"), "byline glued to the first paragraph's dateline", resolver.DATELINE)
        return text[m.end():]
    if (m := rules.DATELINE_OPEN.match(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)):
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        return text[m.end():]
    if (cut := _glued_outlet(text, is_outlet)) is not None:
        # "Deutsche WelleAmerican specialists …": the outlet's name glued to the story's first word (a capture
        # that lost the line between them): the name is the credit, the rest the paragraph.
        found.credit(text[:cut], "outlet's name glued to the first paragraph", resolver.DATELINE)
        return text[cut:]
    if text[:1] == "(" and (m := _NESTED_OPENER.match(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "(Dec 02, 2015, (Outlet))--Text": the date and the outlet's token nested in one bracket opening the story.
        found.credit(outlet, "dated opener of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return text[m.end():]
    if (m := rules.DATELINE_CITY.match(text)) and ((outlet := token_outlet(m.group("outlet"), is_outlet))
                                                   or _printed_outlet(m.group("outlet"))):
        # "CITY (Name) --" is a credit by its shape: an outlet feeder does not know is credited as printed.
        found.credit(outlet or m.group("outlet"), "dateline of the first paragraph" + (
            "" if outlet else PRINTED_CREDIT), resolver.DATELINE)
        dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    if (m := _DATELINE_UNDASHED.match(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "Melbourne, Oct 22 (PTI) Australian …", "Madrid, Mar 18 (EFE).- Spain's …": a known outlet's token
        # with no dash after it; the token goes, the rest stays as printed.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    if any(mark in text[:_TOKEN_REACH] for mark in "(/|") and (m := _DATELINE_ANY.match(text)) and (
            credit := _any_token_credit(m, is_outlet)) is not None:
        # "München (dts Nachrichtenagentur) —", "LONDON (Reuters) -The", "BEIJING, Jan. 1, 2023 /PRNewswire/ —":
        # a place in any script, a token in brackets or slashes, then a dash: the token goes.
        if credit:
            found.credit(credit[0], "dateline of the first paragraph" + credit[1], resolver.DATELINE)
        dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    if "," in text[:_TOKEN_REACH] and (m := _COMMA_TOKEN.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "Tehran, May 1, IRNA - text": a known agency's name between the dated place and the dash; it goes.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return text[: m.start("token")] + text[m.end("token"):]
    if (m := rules.DATELINE_MARKED.match(text)) and is_outlet(code := m.group("slashed") or m.group("barred")):
        # "MOSCOW, May 14. /TASS/. text" -> "MOSCOW, May 14. text"; "Place | AFP | text" -> "Place | text".
        found.credit(code, "dateline of the first paragraph", resolver.DATELINE)
        return _without_marked_token(text, m)
    elif ".-" in text[:40] and (m := _OUTLET_DOT_DASH.match(text)) and is_outlet(m.group("outlet")):
        # "Infobae .- El mandatario …", "EFE.- Text": the outlet opening the story with the wires' ".-".
        found.credit(m.group("outlet"), "the outlet opening the first paragraph", resolver.DATELINE)
        return text[m.end():]
    elif (m := _GLUED_PREFIX.match(text)) is not None:
        return _after_prefix(text, m, found, is_outlet)
    elif "(" in text[:_TOKEN_REACH] and (m := _DATED_TOKEN.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "#Tag — CITY — March 22 (Agency) — text": a known agency's token between a dated dateline in any
        # dress and the story's dash; the token goes, the rest stays as printed.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        return (text[: m.start("token")].rstrip() + text[m.end("token"):]).strip()
    elif "(" in text[:_TOKEN_REACH] and (m := _DATE_THEN_TOKEN.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "May 25, 2020 (Agency) Rescuers …": a dateline without its place, the date then a known agency's token
        # and no dash: the token goes, the date is the story's stamp.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + " " + text[m.end("token"):].lstrip()).strip()
    elif "(" in text[:_CAPTION_REACH] and (m := _CAPTION_GLUED.search(text, 0, _CAPTION_REACH)) is not None:
        # "A man at work in X. (Photo by A/Agency)CITY, March 3 (Agency) — text": a photo's caption glued before
        # the dateline (no line break survived the capture): the story starts at the dateline.
        before = found.count("outlet", resolver.DATELINE)
        read = _dateline(text[m.end():], found, is_outlet)
        return read if found.count("outlet", resolver.DATELINE) > before else text
    return text


# A dated place, the agency's name after a comma, then the dash: "Tehran, May 1, IRNA - text".
_COMMA_TOKEN = re.compile(r"^[A-Z][\w .'’-]{1,40}?,\s*" + rules.DATELINE_DATE + r"(?P<token>,\s*"
                          r"(?P<outlet>[A-Z][\w&.'’-]{1,20}(?:\s[A-Z][\w&.'’-]{1,20}){0,2}))\s*(?=(?:--|—|–|-)\s)")


def _without_marked_token(text: str, m: re.Match[str]) -> str:
    """The dateline without its slashed token (and the full stop after it) or its barred token (and one bar)."""
    if m.group("slashed"):
        after = text[m.end():]
        return text[: m.start("slashed") - 1].rstrip() + " " + after.removeprefix(".").lstrip()
    return text[: m.start("barred")].rstrip() + " " + text[m.end():].lstrip()


# Anything short before a date, the agency's token, then a dash.
_DATED_TOKEN = re.compile(r"^.{2,60}?\b" + rules.DATELINE_DATE + r",?\s*(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\))"
                          r"(?=\s*(?:--|—|–|-)\s)")
# A dateline's place in capitals, then a date with its year, then the story: "BANGKOK, 10 July 2015, The …".
_PLACE_DATED = re.compile(r"^[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z][A-Z.'’-]+){0,3},\s*(?P<date>(?:[A-Z][a-z]{2,9}\.?\s+"
                          r"\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,9}\.?,?)\s+(?:19|20)\d\d)"
                          r"\s*(?:,|:|--|—|–|-)\s+\S")
# A dateline that is only a date with its year, then the agency's token: "May 25, 2020 (Agency) text".
_DATE_THEN_TOKEN = re.compile(r"^(?P<date>(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+"
                              r"[A-Z][a-z]{2,9}\.?,?)\s+(?:19|20)\d\d),?\s*(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\))"
                              r"(?=\s+\S)")
# A photo's credit in brackets closing a caption, the dateline's place in capitals right after it.
_CAPTION_GLUED = re.compile(r"\((?i:photos?|foto|picture|pic|image)\b[^()]{0,60}\)\s*(?=[A-Z][A-Z .'’-]{2,40}[,(])")
_CAPTION_REACH = 400


# Furniture or a tag glued before the dateline: an advert label ("- Advertisement - CITY (Agency):"), a
# bracketed agency code ("[CODE] City -- text"), an aggregator's bracketed provenance ("(Site- Agency (CODE)) CITY").
_GLUED_PREFIX = re.compile(r"^(?:-\s*[A-Z][a-z]{3,15}\s*-|\[(?P<bracket>[A-Z]{2,8})\]|"
                           r"\((?P<paren>[^()]{2,60}(?:\([^()]{2,15}\))?)\))\s+(?=[A-Z])")
# A place and its dash opening the story: "Rabat -- Text".
_PLACE_DASH = re.compile(r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3},?\s(?:--|—|–|-)\s+(?=\S)")


def _after_prefix(text: str, m: re.Match[str], found: Found, is_outlet: IsOutlet) -> str:
    """The dateline behind a glued prefix: read it as the paragraph's opening; a bracketed agency code
    before a place and its dash is the credit itself. Nothing read: the paragraph stays as printed."""
    rest = text[m.end():]
    before = found.count("outlet", resolver.DATELINE)
    if not _GLUED_PREFIX.match(rest):  # one prefix, not a chain of them
        read = _dateline(rest, found, is_outlet)
        if found.count("outlet", resolver.DATELINE) > before:
            return read
    code = m.group("bracket")
    if code is not None and is_outlet(code) and _PLACE_DASH.match(rest):
        found.credit(code, "agency code glued before the first paragraph's dateline", resolver.DATELINE)
        return rest
    return text


_OUTLET_DOT_DASH = re.compile(r"^(?P<outlet>[A-Z][\w&'’ -]{1,30}?)\s*\.-\s+(?=\S)")


# "(AFP/VNA)", "(APP, LPP)", "(agency-photo agency)": a token naming the agencies that carried the story.
_TOKEN_PARTS = re.compile(r"\s*[,/;]\s*|\s*-\s*|\s+and\s+|\s*&\s*")


def token_outlet(token: str, is_outlet: IsOutlet) -> str | None:
    """The outlet a dateline's token names: the whole token, else the first of the agencies it joins that
    feeder knows (the first is the story's; the others carried it or its photos)."""
    if is_outlet(token):
        return token
    return next((part for part in _TOKEN_PARTS.split(token) if part and is_outlet(part)), None)


# Words an agency's or paper's name is made of, in several languages: "dts Nachrichtenagentur", "Agence X".
_OUTLET_WORD = re.compile(r"(?i:nachrichtenagentur|presseagentur|news\s?agency|agency|agence|agencia|agência|agenzia|"
                          r"ajansı|haber|press|presse|prensa|imprensa|stampa|news|nachrichten|noticias|notícias|wire|"
                          r"times|post|herald|tribune|gazette|journal|daily|chronicle|courier|zeitung|gazeta)")
_AGENCY_TOKEN = re.compile(r"^[^\W\d_][\w&'’.-]*(?:\s+[^\W\d_][\w&'’.-]*){0,3}$")


def _printed_outlet(token: str) -> bool:
    return proper_name(token) or agency_named(token)


def agency_named(token: str) -> bool:
    """A dateline's token that names an agency or a paper by a word of its kind ("dts Nachrichtenagentur"),
    even in lower case: an outlet feeder does not know, credited as printed."""
    return bool(_AGENCY_TOKEN.match(token)) and _OUTLET_WORD.search(token) is not None and not (
        rules.PHOTO_LINE.match(token))


def dateline_stamp(m: re.Match[str], found: Found) -> None:
    """"CITY, Mar 3, 2021 (Agency) -": a dateline's date with its year is the story's stamp (one
    without a year is a trap, and propose drops it)."""
    if m.group("date"):
        found.propose("stamp", m.group("date"), "date of the first paragraph's dateline", resolver.DATELINE_STAMP)


# How far into a paragraph an outlet's name glued to its first word may end.
_GLUE_REACH = 40
# A capital between two lower-case letters (ASCII): where a name may be glued to the next word.
_GLUE_POINT = re.compile(r"(?<=[a-z])[A-Z](?=[a-z])")


def _glued_outlet(text: str, is_outlet: IsOutlet) -> int | None:
    """Where the story starts when a known outlet's name is glued to its first word ("Deutsche WelleAmerican"):
    a lower-case letter run into a capitalised word, everything before it the outlet's name."""
    head = text[:_GLUE_REACH + 1]
    if head.isascii():  # an ASCII letter is lower or upper case as [a-z] or [A-Z] says: one scan in C
        return next((i for m in _GLUE_POINT.finditer(head) if (i := m.start()) >= 2 and is_outlet(text[:i])), None)
    for i in range(2, min(len(text) - 1, _GLUE_REACH)):
        if text[i - 1].islower() and text[i].isupper() and text[i + 1].islower() and is_outlet(text[:i]):
            return i
    return None


# "(Dec 02, 2015, (Outlet))--": a date and the outlet's token nested in one bracket, then the story's dash.
_NESTED_OPENER = re.compile(r"^\(\s*(?P<date>[^()]{4,30}?)\s*,?\s*\(\s*(?P<outlet>[^()]{2,40}?)\s*\)\s*\)\s*"
                            r"(?:--|—|–|-)\s*(?=\S)")


# A dateline whose agency token is followed by the story's first word (or ".-"), not by a dash.
_DATELINE_UNDASHED = re.compile(
    r"^(?P<city>[A-Z][A-Za-z .'’-]{1,40}?(?:,\s*[A-Z][A-Za-z .]{1,25}?)?(?:,\s*" + rules.DATELINE_DATE + r")?),?\s*"
    r"(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\))(?=\.-\s|\s+[A-Z\"“‘])")


# "By R. Name and Other Name, Agency, Place : …": names, a known outlet, then the dateline's place and its dash.
_GLUED_BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){1,7}),\s*"
                           r"(?P<outlet>[^,]{2,40}?),\s*(?=[A-Z][\w.'’ -]{1,30}?\s?(?::|--|—|–|-)\s)")
# A dateline in any script whose token (in brackets, between slashes, or after a bar) is followed by a dash,
# maybe with no space before the story's first word.
_DATELINE_ANY = re.compile(
    r"^(?P<city>[^\W\d_][\w.'’/-]*(?:\s[^\W\d_][\w.'’/-]*){0,3}?(?:,\s*[^\W\d_][\w .]{1,25}?)?"
    r"(?:,\s*" + rules.DATELINE_DATE + r")?),?\s*"
    r"(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\)|/(?P<slashed>[^/\s][^/]{1,28}?)/|\|\s*(?P<barred>[^|—–-]{2,30}?)\s*"
    r"(?=\s(?:--|—|–|-)\s))"
    r"(?=\s*(?:--|—|–|-)(?:\s|[A-Z\"“‘])|\.-\s)")
# How far into the paragraph a dateline's token may open (its place, maybe a date, then the token).
_TOKEN_REACH = 110
# A token naming a news agency by what it is, in the languages agencies' copy travels in.
_AGENCY_WORD = re.compile(r"(?:\b(?:news\s?agency|agency|agencia|agence|agenzia|agência)\b|nachrichtenagentur\b)", re.I)


def _any_token_credit(m: re.Match[str], is_outlet: IsOutlet) -> tuple[str, str] | tuple[()] | None:
    """What a dateline's token credits: a known outlet, an agency named by what it is (as printed), nothing
    for a slashed code feeder does not know (the token still goes); None when the token is no credit."""
    if m.group("slashed") is not None:
        code = m.group("slashed").strip()
        return (code, "") if is_outlet(code) else ()
    if m.group("barred") is not None:  # "Place | Agency — text": a known outlet's name between a bar and a dash
        name = m.group("barred").strip()
        return (name, "") if is_outlet(name) else None
    token = m.group("outlet")
    if (outlet := token_outlet(token, is_outlet)) is not None:
        return outlet, ""
    return (token, PRINTED_CREDIT) if _AGENCY_WORD.search(token) else None


# Origin suffix of a credit whose outlet is credited by its printed name (see normalize).
PRINTED_CREDIT = resolver.PRINTED_CREDIT


_GLUED_NAME = re.compile(r"(?<=[.!?\"”’])\s+(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})$")


def _trailing_credit(text: str, found: Found, is_outlet: IsOutlet) -> str:
    """Credits glued to the end of the story: "(Xinhua)", "— AFP", "/IANS", "(Reporting by …; Editing by …)"."""
    if (m := _GLUED_SOURCE.search(text, max(0, len(text) - 80))) is not None:
        # "… paid attention to them. SOURCE: Outlet": the source label glued after the last sentence.
        found.credit(m.group("outlet"), f"credit at the end of the last paragraph{PRINTED_CREDIT}", resolver.DATELINE)
        return text[: m.start()].rstrip()
    tail = text[-50:].rstrip()
    if not tail.endswith((")", "]", "）")) and not any(mark in tail for mark in "-–—/"):
        if tail[-1:].isalpha() and (m := _GLUED_NAME.search(tail)) and agency_named(name := m.group("outlet")) and (
                proper_name(name)):
            # "… use less. Pattaya One News": an outlet's name glued after the last sentence, credited as printed.
            found.credit(name, f"credit at the end of the last paragraph{PRINTED_CREDIT}", resolver.DATELINE)
            return text[: len(text) - len(tail) + m.start()].rstrip()
        if tail[-1:].isupper() and (m := _GLUED_CODE_WORD.search(tail)) and (
                outlet := token_outlet(m.group("code"), is_outlet)):
            # "… what they have achieved.” PTI": a known agency's code glued after the last sentence.
            found.credit(outlet, "credit at the end of the last paragraph", resolver.DATELINE)
            return text[: len(text) - len(tail) + m.start()].rstrip()
        return text  # nothing glued after the last sentence: most stories end so, spare them the patterns
    if (m := _AGENCY_REPORTING.search(text)) is not None and (outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "… last sentence. (Agency - Reporting by A; Editing by B)": the agency's credit and its reporters.
        found.credit(outlet, "credit at the end of the last paragraph", resolver.DATELINE)
        found.propose("reporting", m.group("names").strip(), "'Reporting by' credit at the end of the last paragraph",
                      resolver.PRINTED_BYLINE)
        return text[: m.start()].rstrip()
    if (m := rules.TRAILING_REPORTING.search(text)) is not None:
        found.propose("reporting", m.group("names").strip(), "'Reporting by' credit at the end of the last paragraph",
                      resolver.PRINTED_BYLINE)
        text = text[: m.start()].rstrip()
    for pattern in (rules.TRAILING_CREDIT, rules.TRAILING_DASH_CREDIT, _TRAILING_NAME_AND_CODE):
        # "— Agency Name, CODE", "(AFP/VNA)": the token may join the agency's name and code, or two agencies.
        if (m := pattern.search(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)):
            found.credit(outlet, "credit at the end of the last paragraph", resolver.DATELINE)
            return text[: m.start()].rstrip()
    if (m := _GLUED_CODE.search(text)) is not None:
        # "… the last sentence.(CODE)": a code in capitals glued to the last sentence's stop is the outlet's
        # sign-off even when feeder does not know it (a code in a sentence has a space before its bracket).
        found.credit(m.group("code"), f"credit at the end of the last paragraph{PRINTED_CREDIT}", resolver.DATELINE)
        return text[: m.start()].rstrip()
    if (m := _LOWER_CODE.search(text)) and is_outlet(code := m.group("code").upper()):
        # "… day and night./aa": an agency's code glued in lower case after the last sentence.
        found.credit(code, "credit at the end of the last paragraph", resolver.DATELINE)
        return text[: m.start()].rstrip()
    return text


# "… last sentence. (Agency - Reporting by A in B; Editing by C)": the agency's name opening its reporting credit.
_AGENCY_REPORTING = re.compile(
    r"\s*[(\[]\s*(?P<outlet>[A-Z][\w&'’.]*(?:\s[A-Z][\w&'’.]*){0,3})\s*[-–—:,]\s*(?i:additional\s+)?"
    r"(?i:reporting|writing)\s+(?i:by)\s+(?P<names>[^;)\]]+)(?:;[^)\]]*)?[)\]]\s*$")


# "… last sentence. — Agency Name, CODE": an agency's name and its code after a dash.
_TRAILING_NAME_AND_CODE = re.compile(
    r"(?<=[.!?\"”’])\s*[-–—]+\s*(?P<outlet>[A-Z][\w.&'’ -]{1,38}?,\s*[A-Z][\w&.-]{1,10})\.?\s*$")
_GLUED_SOURCE = re.compile(r"(?<=[.!?)\"”’])\s+(?i:source|fuente|fonte|quelle|sumber)\s*:\s*"
                           r"(?P<outlet>[^\W\d_][\w&'’. -]{1,40}?)\.?\s*$")
_GLUED_CODE_WORD = re.compile(r"(?<=[.!?\"”’])\s+(?P<code>[A-Z]{2,6})$")
_GLUED_CODE = re.compile(r"(?<=[.!?\"”’])\((?P<code>[A-Z]{2,6})\)\s*$")
_LOWER_CODE = re.compile(r"(?<=[.!?\"”’])\s*/\s*(?P<code>[a-z]{2,6})\s*$")
