"""Datelines and glued credits: the agency token opening the first paragraph or closing the last, credited."""

from __future__ import annotations

from feeder.extract import dates, resolver, rules, vocab
from feeder.extract import lazy_re as re
from feeder.extract.credit_rows import organisation_shaped, own_site, spells_out
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, is_date_line, proper_name
from feeder.fold import fold_text
from feeder.sources import is_country


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
    if len(body) >= 2 and body[0][-1:] in _COLONS and _translation_frame(body[0]) is not None:
        del body[0]  # the republisher's frame over what it translated (credited by credit_frame): not the story
    if body and not found.count("outlet", resolver.DATELINE) and (m := _PLACE_DATED.match(body[0])):
        # "BANGKOK, 10 July 2015, The …": a dateline with no agency token still dates the story (its date, with
        # the year, is the original's stamp: nearest the story, which is the outlet's words).
        dateline_stamp(m, found)
    if body:
        body[-1] = _trailing_credit(body[-1], found, is_outlet)
    # Headlines of related stories under the story (no sentence of their own): the credited last
    # sentence above them is where the story ends.
    for last in range(len(body) - 2, max(-1, len(body) - 2 - TEASER_REACH), -1):
        if found.count("outlet", resolver.DATELINE) or rules.SENTENCE_END.search(
                _TEASER_STAMP.sub("", body[last + 1])):
            break
        credited = _trailing_credit(body[last], found, is_outlet)
        if found.count("outlet", resolver.DATELINE):
            body[last:] = [credited]
    _drop_topic_names(found, body)
    return [p for p in body if p]


def _drop_topic_names(found: Found, body: list[str]) -> None:
    """An outlet's bare name on a line of its own that the story's sentences name, when the story's own dateline or
    sign-off credits another outlet, is a topic (a tag under the story, a related link), not the credit: "ANSA" in the
    tags of a story signed "(NAN)" about NAN's agreement with ANSA."""
    signed = {fold_text(c.value) for c in found.candidates if c.role == "outlet" and c.score == resolver.DATELINE}
    if not signed:
        return
    story = "\n".join(body)
    topics = [c for c in found.candidates if c.role == "outlet" and c.score == resolver.BARE_NAME
              and fold_text(c.value) not in signed and re.search(rf"(?<!\w){re.escape(c.value)}(?!\w)", story)]
    if topics:
        found.candidates = [c for c in found.candidates if c not in topics]
        found.proposed["outlet"] -= len(topics)


# A frame's last sentence announcing what follows: a translation, an excerpt, the text of a report.
_FRAME_CLOSE = re.compile(r"(?:^|[.!?]\s+)(?:what follows is|below is|the following is|following is|here is)\b"
                          r"[^.!?]{0,80}?\b(?:translation|translated|excerpts?|extracts?|text|summary)\b"
                          r"[^.!?]{0,80}[:：]$", re.I)
# The frame's opening: the outlet's name, then what it is ("Outlet, a daily, …", "Outlet, the reformist newspaper,").
_FRAME_OPEN = re.compile(r"^(?P<outlet>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}),\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?"
                         r"(?i:daily|newspaper|paper|weekly|monthly|magazine|agency|news agency|news site|website|"
                         r"broadcaster|outlet|journal)\s*,")
# The longest frame read (a sentence or two).
FRAME_CHARS = 400


def credit_frame(found: Found, is_outlet: IsOutlet) -> None:
    """"Outlet, a daily, on December 16 ran a report on … What follows is a partial translation of the report:": the
    republisher's frame over what it translated or excerpted (one of the walk's first paragraphs, with the story
    under it) names the outlet. Read before the span is cut, which may leave the frame out as a lead-in."""
    for text in found.body[:FRAME_REACH]:
        if text[-1:] in _COLONS and (outlet := _translation_frame(text)) is not None:
            why = "frame above the translated report" + ("" if is_outlet(outlet) else PRINTED_CREDIT)
            found.credit(outlet, why, resolver.DATELINE)
            return


# The walk's paragraphs read for a frame (a deck or a caption may stand above it).
FRAME_REACH = 3


def _translation_frame(text: str) -> str | None:
    """The outlet a republisher's frame over a translated or excerpted report names, when the paragraph is one."""
    if len(text) > FRAME_CHARS or (close := _FRAME_CLOSE.search(text)) is None:
        return None
    m = _FRAME_OPEN.match(text)
    return m.group("outlet") if m is not None and m.end() <= close.start() + 1 else None


# Headline-shaped lines under a story that are read as related teasers when the story's credit stands above.
TEASER_REACH = 6
# A teaser headline's time stamp at its end ("… Cruz Roja 15:45 (20:45 GMT)", "… Bank 3:20 pm"): the stamp's bracket
# closes no sentence.
_TEASER_STAMP = re.compile(r"\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(\d{1,2}[:.]\d\d\s*[A-Z]{2,5}\))?$", re.I)


def _dateline(text: str, found: Found, is_outlet: IsOutlet) -> str:
    if text[:3] == "By " and (m := _GLUED_BYLINE.match(text)) and is_outlet(m.group("outlet")):
        # "By A and B, Agency, Place : text": a byline glued to the datelined first paragraph.
        found.byline(m.group("names"), "byline glued to the first paragraph's dateline")
        found.credit(m.group("outlet"), "byline glued to the first paragraph's dateline", resolver.DATELINE)
        return text[m.end():]
    if text[:3] == "By " and (cut := _glued_outlet_byline(text, is_outlet)) is not None:
        # "By Agency HARARE: text": the outlet's byline glued before the dateline's place; it goes.
        found.credit(text[3:cut].strip(" ,"), "outlet's byline glued to the first paragraph's dateline",
                     resolver.DATELINE)
        return text[cut:].lstrip()
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
                                                   or (_printed_outlet(m.group("outlet")) and not _named_in_story(
                                                       m.group("outlet"), m.end(), text, found))):
        # "CITY (Name) --" is a credit by its shape: an outlet feeder does not know is credited as printed.
        found.credit(outlet or m.group("outlet"), "dateline of the first paragraph" + (
            "" if outlet else PRINTED_CREDIT), resolver.DATELINE)
        dateline_stamp(m, found)
        return without_token(text, m.start("token"), m.end("token"))
    if (m := rules.DATELINE_CITY.match(text)) and (dated := _NAME_AND_DATE.match(m.group("outlet"))) and (
            dated_credit := _dated_token_credit(dated, m.end(), text, found, is_outlet)) is not None:
        # "MELBOURNE, Australia (Outlet, Aug. 30, 2011) - text": the outlet's name and its stamp in the dateline's
        # brackets; the token goes, its date is the story's stamp.
        found.credit(dated_credit[0], "dated token of the first paragraph's dateline" + dated_credit[1],
                     resolver.DATELINE)
        found.propose("stamp", dated.group("date"), "date in the first paragraph's dateline token",
                      resolver.DATELINE_STAMP)
        return without_token(text, m.start("token"), m.end("token"))
    if (m := _DATELINE_UNDASHED.match(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)) and not (
            _spelled_out(m.group("city").split(), m.group("outlet"))):
        # "Melbourne, Oct 22 (PTI) Australian …", "Madrid, Mar 18 (EFE).- Spain's …": a known outlet's token
        # with no dash after it; the token goes, the rest stays as printed.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return without_token(text, m.start("token"), m.end("token"))
    if any(mark in text[:_TOKEN_REACH] for mark in "(/|") and (m := _DATELINE_ANY.match(text)) and (
            credit := _any_token_credit(m, is_outlet)) is not None:
        # "München (dts Nachrichtenagentur) —", "LONDON (Reuters) -The", "BEIJING, Jan. 1, 2023 /PRNewswire/ —":
        # a place in any script, a token in brackets or slashes, then a dash: the token goes.
        if credit:
            found.credit(credit[0], "dateline of the first paragraph" + credit[1], resolver.DATELINE)
        dateline_stamp(m, found)
        return without_token(text, m.start("token"), m.end("token"))
    if "," in text[:_TOKEN_REACH] and (m := _COMMA_TOKEN.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "Tehran, May 1, IRNA - text": a known agency's name between the dated place and the dash; it goes.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return text[: m.start("token")] + text[m.end("token"):]
    if "," in text[:_TOKEN_REACH] and (m := _COMMA_CODE.match(text)) and (m.group("region") or m.group("date")) and (
            credit := _comma_code_credit(m, text, found, is_outlet)) is not None:
        # "ST. GEORGE'S, Grenada, CMC - text", "BRIDGETOWN, Barbados, May 20, CMC -text": an agency's code after
        # the dateline's place and its region or date, set off by a comma, before the story's dash; it goes.
        found.credit(credit[0], "dateline of the first paragraph" + credit[1], resolver.DATELINE)
        dateline_stamp(m, found)
        return without_token(text, m.start("token"), m.end("token"))
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
        return without_token(text, m.start("token"), m.end("token"))
    elif "(" in text[:_TOKEN_REACH] and (m := _DATE_THEN_TOKEN.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "May 25, 2020 (Agency) Rescuers …": a dateline without its place, the date then a known agency's token
        # and no dash: the token goes, the date is the story's stamp.
        found.credit(outlet, "dateline of the first paragraph", resolver.DATELINE)
        dateline_stamp(m, found)
        return (text[: m.start("token")].rstrip() + " " + text[m.end("token"):].lstrip()).strip()
    elif "(" in text[:_TOKEN_REACH] and (m := _LEAD_TOKEN.match(text)) and _lead_prefix(
            m.group("prefix"), m.group("outlet")) and _story_starts(text, m.end()) and (
            credit := _lead_token_credit(m.group("outlet"), is_outlet)) is not None:
        # "Santo Domingo, 4 oct (Agency) La …", "12 March 2022 (Agency) - The …": a token in brackets after a
        # dateline of a place or a date, in any language, the story's first word right after it; the token goes.
        found.credit(credit[0], "dateline of the first paragraph" + credit[1], resolver.DATELINE)
        if _YEAR.search(m.group("prefix")):
            found.propose("stamp", m.group("prefix").strip(" ,"), "date of the first paragraph's dateline",
                          resolver.DATELINE_STAMP)
        return without_token(text, m.start("token"), m.end("token"))
    elif "(" in text[:_TOKEN_REACH] and (m := _CLIP_GLUED.match(text)) is not None and is_outlet(m.group("outlet")):
        # "Clip title 3:47 (Agency) — text": a video's title and running time glued before a known outlet's token
        # opening the story (the player's caption lost its line): the story starts at the token.
        before = found.count("outlet", resolver.DATELINE)
        read = _dateline(text[m.start("token"):], found, is_outlet)
        return read if found.count("outlet", resolver.DATELINE) > before else text
    elif "(" in text[:_CAPTION_REACH] and (m := _CAPTION_GLUED.search(text, 0, _CAPTION_REACH)) is not None:
        # "A man at work in X. (Photo by A/Agency)CITY, March 3 (Agency) — text": a photo's caption glued before
        # the dateline (no line break survived the capture): the story starts at the dateline.
        before = found.count("outlet", resolver.DATELINE)
        read = _dateline(text[m.end():], found, is_outlet)
        return read if found.count("outlet", resolver.DATELINE) > before else text
    return text


def without_token(text: str, start: int, end: int) -> str:
    """The paragraph without a dateline's token; a comma before it goes too when a colon follows it (the colon ends
    the dateline: "KUWAIT CITY, Oct 17, (Agency): The" -> "KUWAIT CITY, Oct 17: The"; before a dash the labelled
    pages keep it: "NAIROBI, (Agency) --" -> "NAIROBI, --"). The rest stays as printed."""
    before, after = text[:start].rstrip(), text[end:]
    if after.lstrip()[:1] in _COLONS:
        before = before.removesuffix(",").rstrip()
    return (before + after).strip()


_COLONS = (":", "：")


# The prefix of a dateline, its token in brackets, and what follows it (the story's first word, maybe after a dash
# or a colon): the prefix is read word by word (_lead_prefix).
_LEAD_TOKEN = re.compile(r"^(?P<prefix>[^()]{2,70}?)(?P<token>,?\s*\(\s*(?P<outlet>[^()]{2,40}?)\s*\))")
# What may stand between a dateline's token and the story's first word.
_AFTER_TOKEN = re.compile(r"\s*(?:(?:--|—|–|-|:|\.-|_)\s*)?[\"“‘«]?")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The most words of a dateline's prefix (a place with its region and a date).
LEAD_PREFIX_WORDS = 8
# Lower-case words a dateline's place or date may hold ("Rio de Janeiro", "4 de octubre").
_PLACE_CONNECTORS = frozenset(("de", "del", "do", "da", "dos", "das", "di", "du", "la", "le", "el", "al", "of", "der"))


def _lead_prefix(prefix: str, token: str) -> bool:
    """Whether the words before a token are a dateline's: places (capitalised) and a date (day, month in any of the
    date finder's languages and cases, year), no sentence's lower-case word; at least one place or month name."""
    words = [w.strip(".,'’") for w in prefix.replace(",", " ").split()]
    words = [w for w in words if w]
    if not words or len(words) > LEAD_PREFIX_WORDS:
        return False
    if _spelled_out(words, token):
        return False  # "Agence France Presse (AFP) The agency …": a name spelled out before its abbreviation
    named = False
    for word in words:
        folded = word.casefold()
        if folded in dates.MONTH_NUMBER or (word[:1].isupper() and not word[:1].isdigit()):
            named = True
        elif not (word.isdigit() and len(word) <= 4) and folded.rstrip("stndrh") not in _DAY_ORDINALS and (
                folded not in _PLACE_CONNECTORS):
            return False
    return named


_DAY_ORDINALS = frozenset(str(n) for n in range(1, 32))


def _spelled_out(words: list[str], token: str) -> bool:
    """Whether the words before a bracketed code spell it out ("Agence France Presse (AFP)"): the code is the
    name's abbreviation in a sentence, not a dateline's token."""
    initials = "".join(w[0] for w in words if w and w.casefold() not in _PLACE_CONNECTORS)
    return token.isupper() and len(token) >= 2 and initials.upper().endswith(token)


def _story_starts(text: str, at: int) -> bool:
    """The story's first word (capitalised, maybe after a dash, a colon or a quotation mark) right after ``at``."""
    m = _AFTER_TOKEN.match(text, at)
    following = text[m.end():m.end() + 1] if m else ""
    return following.isupper()


def _lead_token_credit(token: str, is_outlet: IsOutlet) -> tuple[str, str] | None:
    """What a lead's token credits: an outlet feeder knows, else an agency or paper named by a word of its kind (as
    printed); None for anything else (an organisation's code in brackets is no outlet)."""
    if (outlet := token_outlet(token, is_outlet)) is not None:
        return outlet, ""
    return (token, PRINTED_CREDIT) if agency_named(token) and proper_name(token) else None


# "By Agency PLACE:": "By", an outlet's name, then the dateline's place in capitals and its colon or dash.
_BY_OUTLET_PLACE = re.compile(r"(?<=\s)(?=[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}\s*(?::|\s(?:--|—|–|-))\s)"
                              r"|(?<=,\s)(?=[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*(?::|\s(?:--|—|–|-))\s)")
# How far into the paragraph the glued byline's place may start.
_BY_OUTLET_REACH = 60


def _glued_outlet_byline(text: str, is_outlet: IsOutlet) -> int | None:
    """Where the dateline starts after "By <outlet> " glued before it, when the name is an outlet feeder knows."""
    for m in _BY_OUTLET_PLACE.finditer(text[:_BY_OUTLET_REACH + 40], 4, _BY_OUTLET_REACH):
        name = text[3:m.start()].strip(" ,")  # "By Agency, Place:": the comma sets the place off
        if name and is_outlet(name):
            return m.start()
    return None


# A date of another calendar printed before the Gregorian one, in a dateline: "Ramadan 27, 1442 AH, corresponding
# to May 09, 2021 AD", "27 Ramadan 1442, 9 May 2021" (a month word and a year of the Hijri era, 1300-1499, which
# the Persian solar calendar's years share); only the Gregorian date is the stamp.
OTHER_CALENDAR = (r"(?:(?:[A-Z][\w'’ -]{2,24}?\s+\d{1,2},?|\d{1,2}\s+[A-Z][\w'’ -]{2,24}?)\s+1[34]\d\d(?!\d)"
                  r"(?:\s*(?:AH|A\.H\.|H|SH))?\s*[,/–-]?\s*(?:(?:corresponding|which corresponds) to\s+)?)")
# A dated place, the agency's name after a comma, then the dash: "Tehran, May 1, IRNA - text".
_COMMA_TOKEN = re.compile(r"^[A-Z][\w .'’-]{1,40}?,\s*" + f"{OTHER_CALENDAR}?" + rules.DATELINE_DATE +
                          r"(?:\s*A\.?D\.?)?(?P<token>,\s*"
                          r"(?P<outlet>[A-Z][\w&.'’-]{1,20}(?:\s[A-Z][\w&.'’-]{1,20}){0,2}))\s*(?=(?:--|—|–|-)\s)")
# ... alone on its line, with no dash (the story starts on the next line): the story's credit line and its stamp.
COMMA_TOKEN_LINE = re.compile(r"^[A-Z][\w .'’-]{1,40}?,\s*" + f"{OTHER_CALENDAR}?" + rules.DATELINE_DATE +
                              r"(?:\s*A\.?D\.?)?,\s*(?P<outlet>[A-Z][\w&.'’-]{1,20}(?:\s[A-Z][\w&.'’-]{1,20}){0,2})"
                              r"\s*(?:--|—|–|-)?$")


# A place, its region or a date (or both), then an agency's code after a comma, then the story's dash (maybe with no
# space before the story's first word).
_COMMA_CODE = re.compile(r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3},\s*"
                         r"(?P<region>[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,2}(?=,))?"
                         r"(?:,?\s*" + rules.DATELINE_DATE + r")?(?P<token>,\s*(?P<outlet>[A-Z]{2,6}))"
                         r"\s*(?=(?:--|—|–|-)\s?[^\W\d_\"“‘])")


def _comma_code_credit(m: re.Match[str], text: str, found: Found, is_outlet: IsOutlet) -> tuple[str, str] | None:
    """What a dateline's comma-set code credits: an outlet feeder knows, or a real agency's code that several
    organisations share (as printed); never a country's ("PORTLAND, Ore., USA - "), a code the story names again or
    spells out (an organisation it is about), nor any other code: "PARIS, France, UEFA - European football's governing
    body …" opens a story about UEFA, and the code stays in it."""
    code = m.group("outlet")
    if is_country(code) or _named_in_story(code, m.end(), text, found):
        return None
    if is_outlet(code):
        return code, ""
    return (code, PRINTED_CREDIT) if code in vocab.SHARED_AGENCY_CODES else None


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
# A clip's title and running time ("m:ss", "h:mm:ss") glued before a bracketed token and the story's dash.
_CLIP_GLUED = re.compile(r"^[^()]{3,90}?\s(?:\d{1,2}:)?\d{1,2}:\d\d\s+(?P<token>\(\s*(?P<outlet>[^()]{2,30}?)\s*\))"
                         r"\s*(?:--|—|–|-)\s*[\"“‘]?[A-Z]")


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
    if (paren := m.group("paren")) is not None and (credit := _provenance_outlet(paren, is_outlet)) is not None and (
            credit[1] == "" or not own_site(credit[0], found)):
        # "(Aggregator- Agency Name (CODE)) CITY - text": the aggregator's note of where the story came from.
        found.credit(credit[0], "aggregator's credit glued before the first paragraph" + credit[1], resolver.DATELINE)
        return rest
    if paren is not None and (outlet := token_outlet(paren, is_outlet)) is not None and _story_starts(text, m.end()):
        # "(UN News) Aid convoys reached …": a known outlet's name in brackets opening the story, a dateline without
        # its place.
        found.credit(outlet, "outlet's token opening the first paragraph", resolver.DATELINE)
        return rest
    code = m.group("bracket")
    if code is not None and is_outlet(code) and _PLACE_DASH.match(rest):
        found.credit(code, "agency code glued before the first paragraph's dateline", resolver.DATELINE)
        return rest
    return text


# "Aggregator- Agency Name (CODE)": the aggregator's name, a dash, the outlet it carries (maybe with its code).
_PROVENANCE = re.compile(r"^(?P<site>[^\W\d_][\w.&'’ ]{1,30}?)\s*[-–—:]\s*(?P<outlet>[^()]{2,50}?)\s*"
                         r"(?:\((?P<code>[^()]{2,15})\))?$")


def _provenance_outlet(paren: str, is_outlet: IsOutlet) -> tuple[str, str] | None:
    """The outlet an aggregator's bracketed provenance names: one feeder knows (by name or by code), else one
    named by a word of its kind ("Jordan Times"), as printed."""
    if (m := _PROVENANCE.match(paren)) is None:
        return None
    for name in (m.group("outlet"), m.group("code")):
        if name and is_outlet(name.strip()):
            return name.strip(), ""
    name = m.group("outlet").strip()
    return (name, PRINTED_CREDIT) if agency_named(name) and proper_name(name) else None


_OUTLET_DOT_DASH = re.compile(r"^(?P<outlet>[A-Z][\w&'’ -]{1,30}?)\s*\.-\s+(?=\S)")


# "(AFP/VNA)", "(APP, LPP)", "(agency-photo agency)": a token naming the agencies that carried the story.
_TOKEN_PARTS = re.compile(r"\s*[,/;]\s*|\s*-\s*|\s+and\s+|\s*&\s*")


def token_outlet(token: str, is_outlet: IsOutlet) -> str | None:
    """The outlet a dateline's token names: the whole token, else the first of the agencies it joins that
    feeder knows (the first is the story's; the others carried it or its photos)."""
    if is_outlet(token):
        return token
    return next((part for part in _TOKEN_PARTS.split(token) if part and is_outlet(part)), None)


# A dateline's place and its agency printed as a field of their own, set apart by a spaced dash ("Riyadh - SPA",
# "Kuwait, en dash, KUNA"): the place a word or three in capitals, the agency's name after it.
_PLACE_AND_OUTLET = re.compile(r"^(?P<place>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})\s+[-–—]\s+"
                               r"(?P<outlet>\S.{0,40}?)\s*$")
# Words a label or pointer before an outlet's name is made of ("Photo - AFP", "Source - Reuters"): no place.
_LABEL_WORDS = frozenset(("photo", "photos", "picture", "image", "video", "source", "courtesy", "credit", "by", "via",
                          "from", "more", "read", "see", "about", "follow", "copyright"))


def place_and_outlet(text: str, is_outlet: IsOutlet) -> str | None:
    """The agency a "Place - Agency" field names (its place no outlet's name and no label), or None."""
    m = _PLACE_AND_OUTLET.match(text.strip())
    if m is None or not is_outlet(m.group("outlet")) or is_outlet(m.group("place")) or _LABEL_WORDS.intersection(
            m.group("place").casefold().split()):
        return None
    return m.group("outlet")


# Words an agency's or paper's name is made of, in several languages: "dts Nachrichtenagentur", "Agence X".
_OUTLET_WORD = re.compile(r"(?i:nachrichtenagentur|presseagentur|news\s?agency|agency|agence|agencia|agência|agenzia|"
                          r"ajansı|haber|press|presse|prensa|imprensa|stampa|news|nachrichten|noticias|notícias|wire|"
                          r"times|post|herald|tribune|gazette|journal|daily|chronicle|courier|zeitung|gazeta)")
_AGENCY_TOKEN = re.compile(r"^[^\W\d_][\w&'’.-]*(?:\s+[^\W\d_][\w&'’.-]*){0,3}$")


def _named_in_story(token: str, after: int, text: str, found: Found) -> bool:
    """Whether an unknown name in a dateline's brackets is printed again in the story's text ("LONDON (RMT) - …
    the RMT said", "TOKYO (Toyota) - Toyota recalled …") or a code is spelled out there ("GENEVA (WHO) - … the World
    Health Organization said"): an organisation the story is about, not the agency that filed it (an agency's copy
    never names its own code). A name of several words is not asked about."""
    story = [text[after:], *found.body[1:STORY_MENTION_REACH]]
    if token.isupper() and token.isalpha() and 2 <= len(token) <= _CODE_CHARS:
        return any(spells_out(token, paragraph) for paragraph in story) or _mentioned(token, story)
    return len(token.split()) == 1 and token[:1].isupper() and token.isalpha() and not is_country(token) and (
        _mentioned(token, story))


def _mentioned(name: str, story: list[str]) -> bool:
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(word.search(paragraph) for paragraph in story)


# The longest code asked about, and the paragraphs read for a mention of it.
_CODE_CHARS = 6
STORY_MENTION_REACH = 12


# A dateline token holding the outlet's name and its stamp: "(Radio Australia, Aug. 30, 2011)".
_NAME_AND_DATE = re.compile(r"^(?P<name>[^\W\d_][^,;:]{1,40}?),\s*(?P<date>[^,]{3,12},?\s*(?:19|20)\d\d|\d[^,]{4,20})$")


def _dated_token_credit(dated: re.Match[str], end: int, text: str, found: Found, is_outlet: IsOutlet
                        ) -> tuple[str, str] | None:
    """What a dated dateline token credits: a known outlet, else a name printed as an outlet's (never a country, an
    organisation's, or a name the story names again: what the story is about); None when its date is no date."""
    name = dated.group("name").strip()
    if not is_date_line(dated.group("date")) or is_country(name):
        return None
    if (outlet := token_outlet(name, is_outlet)) is not None:
        return outlet, ""
    return (name, PRINTED_CREDIT) if _printed_outlet(name) and not _named_in_story(name, end, text, found) else None


def _printed_outlet(token: str) -> bool:
    """An unknown name in a dateline's brackets credited as printed: a proper name or an agency's, never an
    organisation's ("University of Oxford", "FC Barcelona": the story's subject)."""
    return (proper_name(token) or agency_named(token)) and not organisation_shaped(token)


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
