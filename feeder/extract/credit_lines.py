"""Credit, byline and stamp lines: a line naming the outlet, the story's authors or its stamps, read into candidates."""

from __future__ import annotations

from collections.abc import Sequence

from feeder.extract import endings, headline, resolver, rules, signoffs, vocab
from feeder.extract import lazy_re as re
from feeder.extract.credit_rows import (
    ACCOUNT_LOGIN,
    dashed_row,
    organisation_shaped,
    outlet_after_names,
    outlet_shaped,
    own_site,
    paper_shaped,
    pipe_fields,
    post_meta_row,
    role_line,
    run_on_paper,
    site_account_outlet,
    stamp_fields,
    stamp_role,
)
from feeder.extract.datelines import COMMA_TOKEN_LINE, PRINTED_CREDIT, dateline_stamp, token_outlet
from feeder.extract.dates import MONTH_NUMBER, find_dates
from feeder.extract.posters import header_date
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, is_date_line, is_prose, printed_date, proper_name, slight
from feeder.fold import fold_text
from feeder.records import Clue

# The provenance of a byline printed right over the outlet's name ("By A" over "Associated Press").
BYLINE_OVER_OUTLET = "byline over the outlet's name"
STACKED_OUTLET = "the outlet's name under the byline"
# ... and of a paper's name run on after the byline's name with no comma ("By Peter Kessler Tribune Newspapers").
RUN_ON_PAPER = " (run on after the name)"


# Why a "By X" line under the story is proposed as the page's poster (on an outlet's own page: the story's byline).
AUTHOR_BOX = ": author box after the story"


# The longest line read as a byline with its role ("Name — Reporter of Outlet — Place").
ROLE_LINE_CHARS = 120


def read_credit(line: Line, found: Found, is_outlet: IsOutlet, story: bool, following: str) -> bool:
    """Take credit, stamp, byline, editor and photo lines; True when the line was one."""
    text = line.text
    size = len(text)  # measured once: most of the tests below are gated on it
    if size > 420:
        return False  # credit, stamp and caption lines are short; story paragraphs are not
    if rules.promotion_line(text):
        return False  # "Advertise with CNN", "Subscribe to The Times": an outlet named as a promotion's, no credit
    if signoffs.read_signoff(line, found, is_outlet, following):
        return True
    if text[:5] == "from " and size <= 200 and _feed_tool_from(line, found, is_outlet, following):
        return True
    if ("|" in text or " / " in text) and post_meta_row(text, line.origin, found, is_outlet):
        return True
    if size <= 100 and (" / " in text or " | " in text) and _outlet_and_stamp(line, found, is_outlet):
        return True
    if size <= LABEL_ALONE_CHARS and following and text.casefold().rstrip(" :：") in _CREDIT_LABELS and (
            _label_over_outlet(line, found, is_outlet, following)):
        return True
    if " is a" in text and size <= TAGLINE_CHARS and len(found.body) >= 2 and _writer_tagline(
            line, found, is_outlet, following):
        return True
    if text[:6].lower() == "story:" and size <= 80 and _story_label(line, found, is_outlet):
        return True
    if size <= 100 and (" by " in text or " By " in text) and _dated_by(line, found, is_outlet):
        return True
    if size <= 100 and (text[:1].isdigit() or (text[:1].isupper() and text[-1:].isalpha() and text.split(
            " ", 1)[0].rstrip(".,").casefold() in MONTH_NUMBER)) and _stamp_then_outlet(line, found, is_outlet):
        return True
    if size <= 120 and text[:1].isupper() and (m := _PERSON_OUTLET_STAMP.match(text)) and (
            _person_outlet_stamp(line, m, found, is_outlet)):
        return True
    if size <= 90 and text[:1].isupper() and (m := _PLACE_DASH_OUTLET.match(text)) and (
            _place_dash_outlet(line, m, found, is_outlet)):
        return True
    if text[:1] in "PVDAOR" and size <= 80 and (m := _LOCAL_BY.match(text)) is not None and proper_name(
            names := m.group("names")):
        # "Por GABRIELA SOTO ACUÑA", "Von Anna Schmidt", "Door Jan de Vries": a byline in the page's language.
        return _byline(Line(f"By {names}", line.origin, line.in_body), found, is_outlet, story, following)
    if text[:5] == "From " and size <= 80 and headline.other_role(text) == "byline":
        # "From Nurul Huda Kamaruddin" over the story: an agency's byline word (the headline reader reads it so too).
        return _byline(Line(f"By {text[5:]}", line.origin, line.in_body), found, is_outlet, story, following)
    if text[:1] in "ASRTWastrw" and size <= 120 and (m := _PREFIXED_BY.match(text)) is not None:
        # "Article By A, Outlet", "Story by A": a byline with its theme's word before the "By".
        return _byline(Line(f"By {m.group('rest')}", line.origin, line.in_body), found, is_outlet, story, following)
    if found.body and text[:1] in "C©(" and size <= 200 and (m := _SYNDICATED_RIGHTS.match(text)) and is_outlet(
            outlet := m.group("outlet")) and is_outlet(m.group("host")) and not own_site(outlet, found):
        # "Copyright 2012 Outlet. To see more, visit https://outlet…/": the rights line a syndicated story carries
        # under it, naming the outlet and its address, credits that outlet (the site's own copyright names itself).
        found.credit(outlet, f"{line.origin}: the syndicated story's rights line naming its outlet")
        return True
    if text[:1] in "TBH" and size <= DIGEST_LEAD_CHARS and (m := _DIGEST_LEAD.match(text)) and is_outlet(
            outlet := m.group("outlet").rstrip(".")):
        # "The following is the latest list of selected news summaries by Outlet.": a digest's lead naming whose
        # items follow credits that outlet; the sentence stays the story's first.
        found.credit(outlet, f"{line.origin}: a digest's lead naming its outlet", resolver.DATELINE)
        return False
    opening = text.lstrip(_NOTE_WRAPPERS)
    if (opening[:1] in _SENTENCE_OPENINGS or opening[:10].lower() == "originally") and (
            size <= CREDIT_SENTENCE_CHARS) and _credit_sentence(line, found, is_outlet, following):
        return True
    if size <= 120 and "ggregator" in text and _FEED_AGGREGATOR.search(text):
        # A menu or breadcrumb naming the site's feed aggregator: its items are other outlets' (read on as chrome).
        found.propose("feed page", text, f"{line.origin}: the site's feed aggregator", 0.0)
        return False
    if _feed_site_hinted(text):
        _feed_site(line, found)  # the line is still the story's closer: the walk reads it on
        return False
    if size <= ROLE_LINE_CHARS and (" – " in text or " — " in text or " - " in text) and role_line(
            text, line.origin, found, is_outlet):
        return True  # "Helena Vasconcelos — Repórter da Agência Brasil": the byline and its role naming the outlet
    if not rules.credit_shaped(text) and not _post_or_link_shaped(text):
        # None of the patterns below can match: only an outlet's bare name may.
        if size <= 60 and is_outlet(text):
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
    if text[:4] == "http" and found.body and not found.ended and not found.count("outlet", resolver.CREDIT_ROW) and (
            m := _BARE_URL.match(text)) and is_outlet(m.group("host")):
        # A known outlet's article address alone on the line under the story, with no credit printed: the
        # original it was copied from, and its credit.
        why = f"{line.origin}: the original's address under the story"
        found.propose("source url", text, why, resolver.PRINTED_URL)
        found.credit(m.group("host"), why, resolver.CREDIT_ROW)
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
    if (m := rules.SOURCE_LINE.match(text)) is not None or ("|" in text and stamp_fields(text, is_outlet)):
        pipe_fields(m.group(1) if m else text, line.origin, found, is_outlet, labelled=m is not None)
        return True
    if (m := rules.PUBLISHED_ON_SITE.match(text)) and is_date_line(m.group("date")) and not is_outlet(m.group("site")):
        found.propose("republished", m.group("date"), f"{line.origin}: '{m.group(0)[:40]}'", resolver.POST_HEADER)
        return True
    if (" — " in text or " – " in text or " - " in text) and dashed_row(text, line.origin, found, is_outlet):
        return True
    if (m := rules.STAMP_LABEL.match(text)) is not None and is_date_line(m.group("rest")):
        if m.group("label").lower() in ("date", "time") and not story:
            # "Date: …" in a page's own header (a mail archive, a forum post) is its post date.
            found.propose("republished", m.group("rest"), f"{line.origin}: 'Date' header", resolver.POST_HEADER)
            return True
        role, why = stamp_role(m.group("label")), f"{line.origin}: '{m.group('label')}' stamp"
        if role == "published" and not found.stamped(prose=False) and not any(
                _CLOSES_SENTENCE.search(p.rstrip()) for p in found.body):
            # Above the story: nothing of its credit yet, and no sentence (a headline or a deck is no paragraph).
            found.propose("header", m.group("rest"), why, resolver.LABELLED_HEADER)
        else:
            found.propose(role, m.group("rest"), why, resolver.PRINTED_STAMP)
        return True
    return _byline(line, found, is_outlet, story, following)


# A paragraph's last sentence closing (a headline's closing quote is no sentence's end).
_CLOSES_SENTENCE = re.compile(r"[.!?。！？][\"”’')]*$")
# A sentence crediting the story's outlet: "Printed in The Outlet, May 14, 2015", "Translated from Outlet",
# "This article was first published in Outlet", "As reported by Outlet", "From Outlet via A Feed", and the
# republisher's note of its permission after the outlet ("This story was originally published by Outlet and is
# republished here with permission", "… by Outlet and is reproduced under a Creative Commons licence").
_CREDIT_SENTENCE = re.compile(
    r"^(?:(?:(?:a version of )?this (?:article|story|report|piece|letter|post) (?:(?:was|is|has been) )?)?"
    r"(?:first |originally )?"
    r"(?:printed|published|carried|appeared|(?P<re>republished|reprinted|reproduced)(?:\s+with\s+permission)?)|"
    r"translated|(?:as )?reported|from)\s+(?P<how>in|by|from|on)?\s*"
    r"(?P<outlet>[^\W\d][^,;:()]{1,48}?)(?:\s+via\s+(?P<feed>\S.{0,60}?))?"
    r"(?:\s*,\s*(?P<date>[^;()]{4,30}?)|\s+on\s+(?P<on>[^;()]{4,30}?))?"
    r"(?P<permission>,?\s+(?:and|with|under)\s+[^()]{0,100}?\b(?:re-?published|reprinted|reproduced|republication|"
    r"permission|licen[cs]e|creative commons)\b[^()]{0,60}?)?\s*[.!]?$", re.I)
# The longest credit sentence read.
CREDIT_SENTENCE_CHARS = 220
# A digest's lead announcing whose items follow: "The following is the latest list of selected news summaries by
# Outlet.", "Below is the latest selection of news summaries from Outlet.", "Here are today's top stories from Outlet."
_DIGEST_LEAD = re.compile(r"^(?:The following|Below|Here)\s+(?:is|are)\s+(?:[\w'’-]+\s+){0,6}?"
                          r"(?:summaries|summary|stories|reports|headlines|news|items|briefs|round-?up|digest)\s+"
                          r"(?:by|from)\s+(?:the\s+)?(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)\s*[.:]?$")
DIGEST_LEAD_CHARS = 160
# A syndicated story's rights line: the outlet's copyright, then where to read more of it (its address).
_SYNDICATED_RIGHTS = re.compile(r"^(?:©|\([cC]\)|Copyright)(?:\s*©)?\s*(?:(?:19|20)\d\d\s*)?"
                                r"(?P<outlet>[A-Z][^.,;:©]{1,50}?)\.?"
                                r"\s+(?:To (?:see|read) more|For more|More)[^:/]{0,30}?(?:visit|at|on)\s*:?\s+"
                                r"(?:https?://)?(?P<host>[\w-]+(?:\.[\w-]+)+)")
_SENTENCE_OPENINGS = "PpTtAaFfRr"
_RAN_FIRST_ON = re.compile(r"^(?:this (?:article|story|report) (?:was|is) )?(?:first|originally) (?:published|printed) "
                           r"on\s+(?P<date>[^.]{4,40}?)\.?$", re.I)
_HOST = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|[a-z]{2})(?:\.[a-z]{2})?\b")
_APPEARED = re.compile(r"\bappeared\s+on\b", re.I)
_RAN_FIRST = re.compile(r"\b(?:first|originally)\s+(?:printed|published|carried|appeared)\b", re.I)


# Brackets and emphasis marks a note is printed in ("(This story was first published in …)", "*Originally …*").
_NOTE_WRAPPERS = "([*_ "


def _credit_sentence(line: Line, found: Found, is_outlet: IsOutlet, following: str) -> bool:
    """A credit sentence after (or above) the story naming its outlet; True when the line was one."""
    text = line.text.strip()
    if text[:1] in _NOTE_WRAPPERS and text[-1:] in ")*_":
        line = Line(text.strip("()[]*_ ").strip(), line.origin, line.in_body)
    if (m := _CREDIT_SENTENCE.match(line.text)) is None:
        return False
    if (dated := _RAN_FIRST_ON.match(line.text)) and is_date_line(dated.group("date")):
        # "This article was first published on Jun 18, 2016." over a line giving the outlet's address: its credit.
        outlet = next((host for host in _HOST.findall(following) if is_outlet(host)), None)
        if outlet is None:
            return False
        why = f"{line.origin}: 'first published on' over the outlet's address"
        found.credit(outlet, why)
        found.propose("stamp", dated.group("date"), why, resolver.BESIDE_CREDIT)
        found.ended = len(found.body) >= 2 or found.ended  # the credit and the outlet's plug close the story
        return True
    verb = line.text.split()[0].lower()
    outlet = m.group("outlet").strip()
    outlet = outlet[4:] if outlet[:4].lower() == "the " and is_outlet(outlet[4:]) else outlet
    if verb == "from" and m.group("feed") is None:
        return False  # "From Monday, …": only "From Outlet via Feed" is a credit sentence
    if verb in ("translated", "from") and m.group("how") not in (None, "from"):
        return False
    if m.group("re") and m.group("how") == "from":
        verb = "from"  # "This article is republished from Outlet": where it came from, as "Translated from"
    elif verb not in ("translated", "from") and m.group("how") not in ("in", "by") and not (
            m.group("how") == "on" and _APPEARED.search(line.text) and not is_date_line(m.group("outlet"))):
        return False  # "Published on May 5" is a stamp; "Printed in", "Reported by", "Appeared on X" name the outlet
    known = is_outlet(outlet)
    bare = outlet[4:] if outlet[:4].lower() == "the " else outlet
    if not known and _RAN_FIRST.search(line.text) and m.group("how") == "in" and own_site(bare, found):
        # "This story first appeared in The Site": a credit naming the site itself, the outlet's own story's.
        found.credit(bare, f"{line.origin}: credit sentence naming the site itself{PRINTED_CREDIT}")
        found.ended = len(found.body) >= 2 or found.ended
        return True
    # "Published by John Smith" names a person, "Published in Main Story" a site's category: a name the registry
    # does not know is taken as printed only after words that say the story ran elsewhere first (and, after "by",
    # that it is republished with the outlet's permission: a publisher grants that, not a writer).
    ran_elsewhere = verb in ("printed", "translated", "from") or _RAN_FIRST.search(line.text) is not None
    permitted = ran_elsewhere and m.group("permission") is not None and proper_name(outlet) and (
        len(outlet.split()) <= 5)
    if not known and not permitted and (verb in ("as", "reported") or m.group("how") == "by" or not (
            paper_shaped(outlet) or (ran_elsewhere and proper_name(outlet) and len(outlet.split()) <= 5))):
        return False
    writer_may_be_named = m.group("how") == "by" or bool(m.group("re"))
    if not known and (own_site(outlet, found) or not outlet_shaped(outlet, writer_may_be_named)):
        # "… originally published by Jane Morrison", "first appeared on Medium", "republished from Harvard
        # University", the site's own name: a writer, a platform, an organisation or the site itself is no outlet,
        # and the sentence stays the story's.
        return False
    why = f"{line.origin}: credit sentence '{line.text[:40]}'" + ("" if known else PRINTED_CREDIT)
    found.credit(outlet, why)
    if (when := m.group("date") or m.group("on")) and is_date_line(when):
        found.propose("stamp", when, why, resolver.BESIDE_CREDIT)
    if len(found.body) >= 2:
        found.ended = True  # a credit sentence under the paragraphs closes the story
    return True


# "Outlet / March 3, 2024", "Outlet | 3 March 2024": an outlet's name and its stamp, alone on a row.
_NAME_AND_STAMP = re.compile(r"^(?P<name>[^|/]{2,50}?)\s+[/|]\s+(?P<date>[^|/]{4,40})$")


def _outlet_and_stamp(line: Line, found: Found, is_outlet: IsOutlet) -> bool:
    """A row of an outlet's name (known, or shaped like a paper's) and a date: the credit and its stamp; True when
    the line was one. A person's name and a date are a byline row (not read here)."""
    if (m := _NAME_AND_STAMP.match(line.text)) is None or not is_date_line(m.group("date")):
        return False
    name = m.group("name").strip()
    known = is_outlet(name)
    if not (known or paper_shaped(name)):
        return False
    why = f"{line.origin}: outlet and stamp row" + ("" if known else PRINTED_CREDIT)
    found.credit(name, why)
    found.propose("stamp", m.group("date"), why, resolver.BESIDE_CREDIT)
    return True


# A credit's label alone on its line, as item forms print a field's name over its value ("Publication" over "The
# Harbour Gazette"): the labels that name where the story came from, in the languages agencies' copy travels in.
_CREDIT_LABELS = frozenset(("source", "publication", "publisher", "original source", "fuente", "fonte", "quelle",
                            "source publication", "outlet", "media outlet"))
LABEL_ALONE_CHARS = 20
# A printed outlet's name: capitalised words, maybe joined by the connectors of names in several languages ("Diario del
# Valle", "Voice of the People").
_OUTLET_NAME = re.compile(r"^[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|de|del|da|do|dos|das|di|du|la|le|el|"
                          r"y|e|und|van|von|al))*$")


def _label_over_outlet(line: Line, found: Found, is_outlet: IsOutlet, following: str) -> bool:
    """A credit label alone over the outlet's name (known, or a printed name of a few capitalised words): the
    credit. True when the line was one."""
    name = following.strip()
    known = is_outlet(name)
    if not known and not (_OUTLET_NAME.match(name) and len(name.split()) <= 5 and not rules.credit_shaped(name)):
        return False
    found.credit(name, f"{line.origin}: '{line.text.strip()}' over the outlet's name" + ("" if known
                                                                                         else PRINTED_CREDIT))
    return True


# A writer's tagline under the story: "Name is a Outlet columnist covering finance.", "Name is an Outlet correspondent
# based in Cairo." (not a former one: a story may say that of anyone).
_TAGLINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}) is (?:a|an|the)\s+(?:(?:senior|chief|staff|regular|"
    r"contributing|special|veteran)\s+)?(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+(?:opinion\s+)?"
    r"(?:columnist|correspondent|reporter|writer|editor|contributor|journalist|commentator)"
    r"(?:\s+(?:covering|based|who writes|writing|for)\b[^.!?]{0,100})?\.?$")
TAGLINE_CHARS = 200


def _writer_tagline(line: Line, found: Found, is_outlet: IsOutlet, following: str) -> bool:
    """A writer's tagline under the story names its writer and the outlet the writer works for (known, or the
    known outlet its first words name: "Bloomberg Opinion" is Bloomberg's); True when the line was one. A line with
    the story's prose still under it is a sentence of the story."""
    if (m := _TAGLINE.match(line.text)) is None or (is_prose(following) and len(following.split()) >= 8):
        return False
    words = m.group("outlet").split()
    outlet = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if is_outlet(" ".join(words[:n]))), None)
    if outlet is None:
        return False
    why = f"{line.origin}: the writer's tagline under the story"
    found.byline(m.group("name"), why)
    found.credit(outlet, why)
    found.ended = True
    return True


# "Story: Outlet": the label of the story's provenance over it.
_STORY_LABEL = re.compile(r"^story\s*:\s*(?P<name>\S.{1,60}?)\.?$", re.I)


def _story_label(line: Line, found: Found, is_outlet: IsOutlet) -> bool:
    """"Story: Outlet" names the outlet the story is from when the name is an outlet's (known, or shaped like a
    paper's); "Story: Jane Doe" is a writer's credit (left to the byline readers). True when the line was one."""
    if (m := _STORY_LABEL.match(line.text)) is None:
        return False
    name = m.group("name").strip()
    known = is_outlet(name)
    if not (known or paper_shaped(name)):
        return False
    found.credit(name, f"{line.origin}: 'Story:' label" + ("" if known else PRINTED_CREDIT))
    return True


# A feed tool's autopost footer: "from Feed Title - Outlet https://short.link" (over "via tool"), in lower case.
_FEED_TOOL_FROM = re.compile(r"^from\s+(?P<title>\S.{1,150}?)(?:\s+(?P<url>https?://\S+))?"
                             r"(?P<via>\s+via\s+\S[^\s]{0,40})?$")
_TITLE_FIELDS = re.compile(r"\s+[-–—|:]\s+")


def _feed_tool_from(line: Line, found: Found, is_outlet: IsOutlet, following: str) -> bool:
    """An autopost footer naming the feed the story came from; its outlet (the title, or a field of it the
    registry knows) is the credit and its link the original's address. True when the line was one."""
    if (m := _FEED_TOOL_FROM.match(line.text)) is None or not (m.group("url") or m.group("via") or
                                                                  following.startswith("via ")):
        return False
    title = m.group("title").strip()
    fields = [title, *_TITLE_FIELDS.split(title)[::-1]]  # a feed's title ends or starts with its outlet's name
    outlet = next((field for field in fields if len(field) <= 60 and is_outlet(field)), None)
    if outlet is None:
        return False
    why = f"{line.origin}: feed tool's 'from' footer"
    found.credit(outlet, why)
    if m.group("url"):
        found.propose("source url", m.group("url"), why, resolver.PRINTED_URL)
    return True


# The words after an outlet's name that make a byline its desk's: "Staff", "Web Desk", "Newsroom".
_DESK_ONLY = re.compile(r"\s(?:staff|(?:news |web |online |digital )?desk|newsroom|news team)$", re.I)
def _desk_of_credit(desk: str, following: str) -> bool:
    m = rules.SOURCE_LINE.match(following)
    return m is not None and proper_name(desk) and fold_text(desk) in fold_text(m.group(1))


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
    if _LOCAL_POSTED_AT.match(text) is not None:
        return True
    return (("osted" in text or "ublished" in text) and _POST_TIME.search(text) is not None) or (
        "@" in text and _SIGNED_TIME.search(text) is not None)


def outlet_like(name: str, is_outlet: IsOutlet) -> bool:
    return bool(name) and (is_outlet(name) or proper_name(name))


_HEAD_END = re.compile(r"\s*(?:[·•|,]|\s-\s)\s*")


def _names_outlet(text: str, is_outlet: IsOutlet) -> bool:
    """Does this line start with an outlet's name ("Reuters · March 5", "AFP | Mar 9")?"""
    head = _HEAD_END.split(text, maxsplit=1)[0]
    return bool(head) and len(head) <= 40 and is_outlet(head)


def credits_outlet(text: str, is_outlet: IsOutlet) -> bool:
    """A credit line naming a known outlet: "Source: Xinhua", "(Reuters)", "Xinhua | Editor: Li"."""
    if (m := rules.SOURCE_LINE.match(text)) is not None:
        return is_outlet(m.group(1).strip()) or _names_outlet(m.group(1), is_outlet)
    return _names_outlet(text.strip("()（）[] "), is_outlet)


# "By Name Name and Name Name PLACE (Agency) -Text": names in mixed case, the dateline's place in capitals.
_BYLINE_OVER_DATELINE = re.compile(
    r"^By\s+(?P<names>[A-Z][a-z][\w.'’-]*(?:(?:\s+(?:and\s+)?|,\s*)[A-Z][a-z.][\w.'’-]*){1,7})\s+"
    r"(?P<paragraph>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,2}(?:,\s*[^()]{2,30}?)?\s*\((?P<outlet>[^()]{2,40})\)"
    r"\s*(?:--|—|–|-)\s?(?P<story>\S.*))$")


def _byline(line: Line, found: Found, is_outlet: IsOutlet, story: bool, following: str = "") -> bool:
    text = line.text
    if not found.body and " wrote" in text and (m := rules.WROTE_ON.match(text)) and is_date_line(m.group("date")):
        found.propose("republisher", m.group("name"), f"{line.origin}: entry's writer", resolver.PRINTED_REPUBLISHER)
        found.propose("republished", m.group("date"), f"{line.origin}: entry's time", resolver.POST_HEADER)
        return True
    if (m := _LOCAL_POSTED_AT.match(text)) is not None:
        # A blog platform's post footer in its theme's language: "投稿者 X 時刻: 20:15", "Diposkan oleh X di 20:15".
        found.propose("republisher", m.group("name"), f"{line.origin}: post footer", resolver.PRINTED_REPUBLISHER)
        found.propose("post time", m.group("time"), f"{line.origin}: post time", resolver.POST_HEADER, "last")
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
            m := _POST_TIME.search(text) or _SIGNED_TIME.search(text)) and not printed_date(text):
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
    if (tools := _TOOLBAR_HEAD.match(text)) and (m := rules.OUTLET_STAMP.match(text[tools.end():])) and is_outlet(
            m.group("outlet")) and is_date_line(m.group("date")):
        # "0 Comment(s) Print E-mail Outlet, September 1, 2019": a story toolbar's buttons run into the outlet's
        # credit and stamp.
        found.credit(m.group("outlet"), f"{line.origin}: outlet and stamp after the toolbar")
        found.propose("stamp", m.group("date"), f"{line.origin}: outlet and stamp", resolver.BESIDE_CREDIT)
        return True
    if (m := rules.OUTLET_STAMP.match(text)) and is_outlet(m.group("outlet")) and is_date_line(m.group("date")):
        found.credit(m.group("outlet"), f"{line.origin}: outlet and stamp")
        found.propose("stamp", m.group("date"), f"{line.origin}: outlet and stamp", resolver.BESIDE_CREDIT)
        return True
    if text.endswith(")") and (m := rules.DATELINE_LINE.match(text)) and (
            outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "ASTANA, December 15 (Agency)" alone on a line (often under the story): a dateline as its credit line.
        found.credit(outlet, f"{line.origin}: dateline on a line of its own", resolver.DATELINE)
        dateline_stamp(m, found)
        return True
    if "," in text and (m := COMMA_TOKEN_LINE.match(text)) and (outlet := token_outlet(m.group("outlet"), is_outlet)):
        # "Riyadh, Ramadan 27, 1442 AH, corresponding to May 09, 2021 AD, SPA" alone on a line: a dated place and the
        # agency's name after a comma, the story under it; the credit line and its stamp.
        found.credit(outlet, f"{line.origin}: dateline on a line of its own", resolver.DATELINE)
        dateline_stamp(m, found)
        return True
    if (m := rules.NAMES_OUTLET.match(text)) is not None and is_outlet(m.group("outlet")):
        found.credit(m.group("outlet"), f"{line.origin}: outlet beside the byline")
        found.byline(m.group("names"), f"{line.origin}: byline naming the outlet")
        return True
    if text[:3] == "By " and (m := _BYLINE_OVER_DATELINE.match(text)) and is_outlet(m.group("outlet")) and (
            is_prose(m.group("story"))):
        # "By A and B MADRID (Reuters) -Text": the byline glued to the datelined first paragraph (a capture that
        # lost the line break): the names are the byline, the rest is the story's first paragraph.
        found.byline(m.group("names"), f"{line.origin}: byline glued to the first paragraph's dateline")
        found.keep(m.group("paragraph"), line.origin)
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
    if not any(c.isalpha() for c in name.replace("T", "").replace("Z", "")) and is_date_line(name):
        # "By <an empty author link> <time>": the post's stamp, and no name
        header_date(Line(name, line.origin, line.in_body), found, story)
        return True
    if (empty := _EMPTY_AUTHOR.match(name)) is not None and is_date_line(when := name[empty.end():]):
        # "Written by <an empty author field> on September 25, 2021": the theme's row, its stamp, and no name.
        header_date(Line(when, line.origin, line.in_body), found, story)
        return True
    # "By hafiz", "By admin": a site account's login (one lower-case word), not a reporter's name:
    # whoever posted the story on this page.
    account = not found.body and bool(ACCOUNT_LOGIN.match(name.split(" ", 1)[0])) and (
        len(name.split()) == 1 or bool(rules.NAME_THEN_DATE.match(name)))
    if name.count(",") >= 2 and (tail := _dated_tail(name)) is not None:
        # "By A, The Outlet, 23 Apr 2018": a syndicated story's byline: the person, the outlet, the date.
        name, when = name[:tail].rstrip(" ,"), name[tail:].lstrip(" ,")
        header_date(Line(when, line.origin, line.in_body), found, story and not account)
    elif (split := rules.NAME_THEN_DATE.match(name)) and is_date_line(split.group("date")):
        name = split.group("name")
        header_date(Line(split.group("date"), line.origin, line.in_body), found, story and not account)
    elif (tail := run_on_stamp(name)) is not None:
        # "by Site Newsdesk 22 June 2013, 18:47": the capture ran the row's stamp on after the name, no bar between.
        name, when = name[:tail].rstrip(), name[tail:]
        header_date(Line(when, line.origin, line.in_body), found, story and not account)
    if account and ACCOUNT_LOGIN.match(name):
        found.propose("republisher", name, f"{line.origin}: site account's byline", resolver.PRINTED_REPUBLISHER)
        return True
    if (agency := site_account_outlet(name, lambda part: own_site(part, found), is_outlet)) is not None:
        # "By MTI-Hungary Today": the site's account for an agency's copy credits the agency; it names no person.
        found.credit(agency, f"{line.origin}: the site's account naming the agency")
        found.propose("desk byline", name, f"{line.origin}: the site's account naming the agency",
                      resolver.PRINTED_BYLINE)
        return True
    desk = rules.DESK_WORDS.sub("", name)
    credit = outlet_after_names(name, is_outlet)
    run_on = "" if credit else RUN_ON_PAPER
    credit = credit or run_on_paper(name, is_outlet)
    if is_outlet(name) or (desk != name and is_outlet(desk)):
        found.credit(desk if desk != name else name, f"{line.origin}: agency or desk byline")
        found.propose("desk byline", name, f"{line.origin}: agency or desk byline", resolver.PRINTED_BYLINE)
    elif _DESK_ONLY.search(name) and _desk_of_credit(desk, following):
        # "OpIndia Staff" over "Publication: Opindia.com": the credited outlet's desk, never a person (a desk
        # byline with no credit beside it is the posting site's own).
        found.propose("desk byline", name, f"{line.origin}: desk byline", resolver.PRINTED_BYLINE)
    elif credit:
        # "By DELPHINE ORTEGA, Associated Press": the byline of the outlet's story, wherever it stands.
        printed = "" if is_outlet(credit) else PRINTED_CREDIT
        found.credit(credit, f"{line.origin}: outlet named in the byline{run_on}{printed}")
        # A name the registry does not know stays out of the byline: normalization cannot strip it there.
        found.byline(name[: name.rfind(credit)].rstrip(" ,") if printed else name,
                     f"{line.origin}: byline naming the outlet")
    elif not found.body and (unlisted := _stacked_outlet(following, found, is_outlet)) is not None:
        # "Author: A" over "Inter Press Service" over the date: a wire's signature, stacked; the name under the
        # byline, shaped as a news outlet's and not the site's own, is the story's outlet.
        found.credit(unlisted, f"{line.origin}: {STACKED_OUTLET}{PRINTED_CREDIT}")
        found.byline(name, f"{line.origin}: {BYLINE_OVER_OUTLET}")
    elif found.body and slight(found.body) and text[:3].lower() == "by ":
        found.restart()  # a "By …" line after a line or two of prose: that prose was a teaser
        found.byline(name, f"{line.origin}: byline")
    elif found.body and not slight(found.body) and credit_next and text[:3].lower() == "by ":
        # "By X" over the outlet's name and stamp under the story: the byline nearest the credit is the story's.
        found.byline(name, f"{line.origin}: byline over the outlet's credit")
    elif found.body and not slight(found.body):
        found.ended = True  # an author box after the story: the republisher, not the story's author
        found.propose("republisher", name, f"{line.origin}{AUTHOR_BOX}", resolver.PRINTED_REPUBLISHER)
    elif story and not text.lower().startswith("author"):
        # "By A" over a line that is only the outlet's name: the story's byline with its outlet, stacked as wire
        # copy is signed (normalization keeps it even when the page's metadata names the same person its poster).
        stacked = bool(following) and len(following) <= 60 and is_outlet(following.strip())
        found.byline(name, f"{line.origin}: {BYLINE_OVER_OUTLET if stacked else 'byline'}")
    else:
        found.propose("republisher", name, f"{line.origin}: republisher's byline", resolver.PRINTED_REPUBLISHER)
    return True


def _stacked_outlet(following: str, found: Found, is_outlet: IsOutlet) -> str | None:
    """The line under a byline when it is only a news outlet's name the registry does not know: a paper's or a news
    service's shape ("Inter Press Service", "Harbour Gazette"), no organisation's, not the site's own name, no byline
    of its own ("By The Associated Press"), and printed alone nowhere else on the page (a name the site's menu or
    section label prints again, "Community News", is the site's own furniture)."""
    name = following.strip()
    if not name or len(name) > 60 or name.split()[0].casefold() in vocab.BY_WORDS or is_outlet(name) or not (
            paper_shaped(name) or _SERVICE_END.search(name)) or (
            organisation_shaped(name) or not proper_name(name) or resolver.names_the_site(name, found.site)) or (
            found.folds.count(fold_text(name)) > 1):
        return None
    return name


# What a theme prints between an empty author field and its date ("Written by  on <date>", "By | <date>").
_EMPTY_AUTHOR = re.compile(r"^(?:on|at|[|·•–—-])\s+", re.I)
# The most words a byline's name may print before a stamp run on after it.
RUN_ON_NAME_WORDS = 5


def run_on_stamp(name: str) -> int | None:
    """Where a stamp run on after a byline's name with no bar between starts ("Site Newsdesk 22 June 2013, 18:47",
    "Jane Doe Mar 3, 2021 10:15 AM"): a dated stamp closing the text after at most RUN_ON_NAME_WORDS capitalised
    words, no trap, nothing but punctuation after it."""
    hits = [h for h in find_dates(name) if h.trap is None and h.year is not None]
    if len(hits) != 1 or name[hits[0].end:].strip(" .,;") or not is_date_line(name[hits[0].label_start:]):
        return None
    start = hits[0].label_start if hits[0].label is not None else hits[0].start
    words = name[:start].split()
    if not 1 <= len(words) <= RUN_ON_NAME_WORDS or not all(w[:1].isupper() for w in words) or (
            name[start - 1:start] != " "):
        return None
    return start


def _dated_tail(name: str) -> int | None:
    """Where the date a byline ends with starts ("A, Outlet, 23 Apr 2018", "A, Outlet, May 5, 2021"), if it does."""
    fields = name.split(",")
    for count in (2, 1):
        if len(fields) > count + 1 and is_date_line(when := ",".join(fields[-count:]).strip()) and (
                hits := find_dates(when)) and hits[0].start == 0:
            return len(",".join(fields[:-count]))
    return None


# A story toolbar's buttons at the start of a line: a comment counter, print, e-mail, share, font size.
_TOOLBAR_HEAD = re.compile(r"^(?:(?:\d+\s*comments?(?:\(s\))?|print|e-?mail|share|tweet|font size|A\+|A-)\s*){2,}",
                           re.I)


# A post's footer signed "— author @ 11:18 pm" (the date stands in the post's header).
_SIGNED_TIME = re.compile(r"(?:^|[—–-]\s)(?P<name>[^\W\d][\w.'’-]{1,30}(?:\s[A-Z][\w.'’-]*){0,2})\s@\s"
                          r"(?P<time>\d{1,2}:\d{2}\s*[ap]\.?m\b\.?)\s*$", re.I)


# An editor's field after a credit ("Editor : Zhao Jing", in Chinese too): never the outlet's name.
_EDITOR_TAIL = re.compile(r"\s*(?:editor|edited by|责任编辑|编辑)\s*[:：].*$", re.I)


def _stamp_then_outlet(line: Line, found: Found, is_outlet: IsOutlet) -> bool:
    """"2022-08-29 15:10:27Xinhua Editor : Zhao Jing", "2021-03-05 08:15 Xinhua": a stamp, then the outlet's name
    (glued to it or after a space; an editor's field may follow): the outlet's credit and its stamp."""
    hits = find_dates(line.text)
    if not hits or hits[0].start != 0 or hits[0].year is None or hits[0].trap is not None:
        return False
    rest = _EDITOR_TAIL.sub("", line.text[hits[0].end:]).strip(" ,;·|-–—")
    if not rest or len(rest) > 40 or not is_outlet(rest):
        return False
    found.credit(rest, f"{line.origin}: outlet after its stamp")
    found.propose("stamp", hits[0].raw, f"{line.origin}: stamp before the outlet's name", resolver.BESIDE_CREDIT)
    return True


# A byline opened by "by" in another language, then a person's name and nothing else (each word capitalised, a
# particle of a name aside): "Por GABRIELA SOTO ACUÑA", "Von Anna Schmidt", "Door Jan de Vries", "Oleh Siti Rahma".
_LOCAL_BY = re.compile(r"^(?:Por|Von|Door|Av|Oleh|Przez|Redacción:?|Reportagem de|Par)\s+"
                       r"(?P<names>[^\W\d_][\w'’.-]+(?:\s+(?:[^\W\d_a-z][\w'’.-]+|de|del|da|dos|van|von|der|den|bin|binti|"
                       r"y|e|und|en|et|and)){1,5})$")


# "Article By A", "Story by A", "Words by A": a byline with a theme's word before its "By".
_PREFIXED_BY = re.compile(r"^(?:article|story|report|words|text)\s+by\s*:?\s+(?P<rest>[^\W\d].*)$", re.I)


# A person's byline, the outlet after it (in brackets, or after a comma, a dash or a slash), then the outlet's stamp:
# "Marta Quiroga (Reuters) | 2021-08-01 20:49", "Marta Quiroga, Reuters, 1 August 2021", "Written by Marta Quiroga
# (Reuters) on Aug 1, 2021". (Other rows of bars are read field by field elsewhere; "By" lines by the byline readers.)
_PERSON_OUTLET_STAMP = re.compile(
    r"^(?:(?i:written|posted|reported)\s+(?i:by)\s*:?\s+)?"
    r"(?P<names>(?!(?i:by)\s)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:\s*[(（]\s*(?P<bracketed>[^()（）]{2,40}?)\s*[)）]\s*(?:[|·•,/–—-]\s*)?"
    r"|(?:,|/|\s[·•–—-])\s*(?P<outlet>[A-Z][^,/|·•()–—]{1,40}?)\s*(?:,|/|\s[·•–—-]|(?=\s(?:\d|[A-Z][a-z]{2,8}\.?\s\d))))"
    r"\s*(?:(?i:on)\s+)?(?P<date>\S.{3,60})$")


def _person_outlet_stamp(line: Line, m: re.Match[str], found: Found, is_outlet: IsOutlet) -> bool:
    """A person's byline naming a known outlet, with a dated stamp after it: the outlet's credit row (its byline and
    its stamp, as "By A (Outlet) date" is); True when the line was one."""
    names, outlet, when = m.group("names"), (m.group("bracketed") or m.group("outlet")).strip(), m.group("date")
    if not is_outlet(outlet) or is_outlet(names) or not proper_name(names) or not is_date_line(when) or not (
            printed_date(when)) or find_dates(when)[0].start != 0:
        return False
    why = f"{line.origin}: a person's byline, the outlet and its stamp"
    found.credit(outlet, why)
    found.byline(names, why)
    found.propose("stamp", when, why, resolver.BESIDE_CREDIT)
    return True


# A dateline's two fields as the story's credit field: the place, a dash, the outlet ("Riyadh - SPA"), alone on its
# line or the first field of a row with its stamp ("Riyadh - SPA | Mon, 14 Sep 2020").
_PLACE_DASH_OUTLET = re.compile(r"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s+[-–—]\s+"
                                r"(?P<outlet>[^|\d]{2,40}?)\s*(?:\|\s*(?P<date>[^|]{4,40}?)\s*)?$")


# Words no place name is made of: a label or a pointer before the outlet ("About This Source - Outlet", "More From -
# Outlet", "Photo - Outlet"), which names the outlet but is no dateline.
_NOT_A_PLACE = frozenset(("about", "this", "more", "from", "by", "via", "source", "sources", "read", "photo",
                          "photos", "video", "videos", "news", "latest", "top", "see", "our", "your", "all", "share",
                          "follow", "home", "credit", "courtesy", "image", "copyright"))


def _place_dash_outlet(line: Line, m: re.Match[str], found: Found, is_outlet: IsOutlet) -> bool:
    """A known outlet after a place and a dash, alone or before its stamp: the outlet's credit (and its stamp, the
    date nearest its credit); True when the line was one."""
    outlet, when = m.group("outlet"), m.group("date")
    if _NOT_A_PLACE.intersection(m.group("place").casefold().split()) or not is_outlet(outlet) or is_outlet(
            m.group("place")) or (
            when is not None and not (is_date_line(when) and printed_date(when))):
        return False
    why = f"{line.origin}: the dateline's place and outlet as the credit"
    found.credit(outlet, why)
    if when is not None:
        found.propose("stamp", when, why, resolver.BESIDE_CREDIT)
    return True


# "March 9, 2016 by ilcasia": a theme's post line (its "Posted on" left to screen readers), the date first.
_DATE_BY = re.compile(r"^(?P<date>\S.{4,40}?)\s+by\s+(?P<name>[^\W\d][\w.'’-]*(?:\s[\w.'’-]+){0,3})$", re.I)


def _dated_by(line: Line, found: Found, is_outlet: IsOutlet) -> bool:
    """A post line, date first then "by" and the poster: the site's post date and who posted it."""
    if "|" in line.text or (m := _DATE_BY.match(line.text)) is None or is_outlet(name := m.group("name")):
        return False  # (a pipe row's fields are read as a credit row's)
    if not is_date_line(m.group("date")) or printed_date(name) or not _YEAR.search(m.group("date")):
        return False
    found.propose("republished", m.group("date"), f"{line.origin}: post line (date, then its poster)",
                  resolver.POST_ABOVE)
    found.propose("republisher", name, f"{line.origin}: post line (date, then its poster)",
                  resolver.PRINTED_REPUBLISHER)
    return True


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


# A feed aggregator named in a menu or breadcrumb ("Home » Feed aggregator » Sources").
_FEED_AGGREGATOR = re.compile(r"\b(?:feed|news|rss)\s+aggregator\b", re.I)


def _feed_site_hinted(text: str) -> bool:
    """Whether the line holds the words every feed-site footer holds; spelled out as one chain of substring
    tests, as this runs on every line and a generator over a tuple of words cost several times more."""
    return ("first on" in text or "primero en" in text or "primeiro em" in text or "premier sur" in text
            or "zuerst auf" in text or "prima volta su" in text)


# A feed tool's footer "The post Headline appeared first on Site." in the languages its plugins ship in.
_FEED_SITE = re.compile(r"(?:appeared first on|se publicó primero en|apareceu primeiro em|est apparu en premier sur|"
                        r"erschien zuerst auf|è apparso per la prima volta su)\s+(?P<site>[^.<>]{2,60}?)\s*\.?\s*$",
                        re.I)


def feed_site(text: str) -> str | None:
    """The site a feed tool's footer names, if the text is one (or its tail, when the capture broke the line
    on leaked markup)."""
    if not _feed_site_hinted(text) or (m := _FEED_SITE.search(text)) is None or not (
            m.start() == 0 or endings.FEED_FOOTER_ANY.match(text) is not None):
        return None
    site = m.group("site").strip()
    return site if _SITE_NAME.match(site) else None


# A site's name as a feed prints it: capitalised words, numbers among them ("Algérie 360", "The Daily Brief").
_SITE_NAME = re.compile(r"^[A-Z][\w&'’-]*(?:\s+(?:[A-Z\d][\w&'’-]*|of|the|de|al|and|&)){0,5}$")


# The origin html/credits.py gives a page's address read from its feed footer (the page printing none of its own).
FOOTER_ADDRESS = "URL of the post, from its feed footer"


def original_from_footer(chosen: resolver.Resolved, via: Clue | None) -> tuple[Clue | None, Clue | None]:
    """The republishing page's address and the original's: when the page credits only the site its feed footer
    names, the footer's first link is the original copied, not the page's own address."""
    if chosen.feed_copy and chosen.source_url is None and via is not None and via.origin == FOOTER_ADDRESS:
        return None, Clue(via.value, "the first link of the feed's footer: the original copied")
    return via, chosen.source_url


def _feed_site(line: Line, found: Found) -> None:
    """An autoblog copies a feed whose footer names the site it came from: that site is the story's source (by
    its printed name), unless another credit names the outlet (a reader's view of a blog names the blog)."""
    if (site := feed_site(line.text)) is not None:
        found.credit(site, f"{line.origin}: the site a feed's footer names{PRINTED_CREDIT}", resolver.FEED_SITE)


# A blog platform's "Posted by X at 20:15" footer in the languages its themes ship in (the English one is
# rules.POSTED_BY): the poster, then the time of the post (its day stands in the post's header).
_LOCAL_POSTED_AT = re.compile(
    r"^(?:投稿者|投稿人|发布者|發佈者|dicatat oleh|diposkan oleh|publicado por|eingestellt von|publié par|"
    r"pubblicato da|"
    r"geplaatst door|opublikowane przez|gönderen|publicerat av|lagt inn av|indsendt af|udgivet af|julkaissut)"
    r"\s*[:：]?\s*(?P<name>[^\d\s:：][^\d:：]{0,40}?)\s+"
    r"(?:時刻|时间|時間|pada|di|às|a las|à|a la\(s\)|um|alle|om|o|saat|kl\.?|klo)\s*[:：]?\s*"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)(?!\d)", re.I)


# A post's header or footer that prints only the time of day (the date stands elsewhere), maybe its poster.
_POST_TIME = re.compile(r"\b(?:posted|published)\s+(?:on|at)\s+(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)"
                        r"(?![\d/.-])(?:\s+by\s+(?P<name>[^\W\d][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?", re.I)


# How many lines above an outlet's bare name a tag list's heading may stand (the list's other items between).
TAG_LIST_REACH = 6
# A tag list's item is a short line.
TAG_CHARS = 40
# ... alone on its line, or with its first item after a colon ("Topics: Ferries").
_TAG_HEAD = re.compile(rf"^(?:{vocab.TAXONOMY_HEADS})\s*(?:[:：]?$|[:：]\s*[^\s:：][^:：]{{0,{TAG_CHARS}}}$)", re.I)
_NAME_LINE = ": outlet name line"


def tagged_names(lines: Sequence[Line], found: Found) -> None:
    """An outlet's bare name in a list of tags under its heading ("TAGS" over "KUNA" over "Qatar Press Center") is a
    topic the post is filed under, never its credit: such candidates (a name line's, the credit model's) are
    withdrawn."""
    # (Only under the story's first paragraph: a topic list in the story's header may name its source.)
    start = min((c.block for c in found.candidates if c.role == "story"), default=None)
    dropped = [c for c in found.candidates if c.role == "outlet" and c.printed and start is not None and (
        c.block > start) and (c.why.endswith(_NAME_LINE) or resolver.MODEL_CREDIT_WHY in c.why) and _tagged(
        lines, c.block)]
    if dropped:
        found.candidates[:] = [c for c in found.candidates if c not in dropped]
        # The credit model's candidates join after the walk, uncounted: only proposed name lines are taken back.
        proposed = sum(1 for c in dropped if resolver.MODEL_CREDIT_WHY not in c.why)
        if proposed and "outlet" in found.proposed:
            found.proposed["outlet"] = max(0, found.proposed["outlet"] - proposed)


def _tagged(lines: Sequence[Line], block: int) -> bool:
    for at in range(block - 1, max(block - 1 - TAG_LIST_REACH, -1), -1):
        text = lines[at].text.strip()
        if _TAG_HEAD.match(text):
            return True
        if len(text) > TAG_CHARS or is_prose(text):
            return False
    return False


# An outlet's code this short or shorter may stand for another name the page spells out ("CNS"); two letters ("AP")
# spell too many places and people's names to be read so.
SPELLED_CODE = (3, 6)
_CODE = re.compile(r"^[A-Z]+$")
# The last word of a news service's name spelled out ("Catholic News Service"), beside a paper's ("… Times").
_SERVICE_END = re.compile(r"\b(?:Service|Network|Agency|Wire|News|Press|Syndicate)$")


# Where a spelled-out name stands as a credit: a rights line ("© 2024 Catholic News Service", "Copyright Northern News
# Agency"), an attribution label or verb ("Source:", "Courtesy of", "Distributed by", "Reprinted with permission
# from"), or a sign-off's dash ("— Northern News Agency"); the name then closes the line, maybe with a joint holder
# after a slash ("/U.S. Conference of Catholic Bishops"), the year, a rights phrase or the outlet's address after it.
# A masthead (the name alone) and a story's sentence ("engineers from the Coastal Navigation Service said") are no
# such shape.
_RIGHTS_LEAD = (r"(?:©|\([cC]\)|(?i:copyright))(?:\s*(?:©|\([cC]\)))?\s*"
                r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?[\s,]*(?i:by\s+)?")
_ATTRIBUTION_LEAD = (r"(?i:source|sources|credit|credits|courtesy|via|from|fuente|fonte|quelle)\s*[:：]\s*|"
                     r"(?i:courtesy(?:\s+of)?|via)\s+|"
                     r"(?i:distributed|provided|supplied|syndicated|released|contributed)\s+(?i:by)\s+|"
                     r"(?i:reprinted|republished|reproduced|used)\s+"
                     r"(?i:(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\s+)?(?i:from|of|by)\s+")
_CREDIT_LEAD = re.compile(rf"\s*(?:{_RIGHTS_LEAD}|{_ATTRIBUTION_LEAD}|[-–—]{{1,2}}\s*)(?i:the\s+)?$")
_CREDIT_TAIL = re.compile(
    r"^(?:\s*/\s*[A-Z][\w.'’ &-]{0,60})?\s*(?:[.,;]?\s*(?:(?:19|20)\d\d\.?)?\s*"
    r"(?i:all rights reserved\.?|used (?:by|with) permission\.?|to see more.*|(?:https?://|www\.)\S*)?)?\s*$")


def spelled_codes(lines: Sequence[Line], found: Found, is_outlet: IsOutlet) -> None:
    """An outlet's code in a credit's place (a dateline's or a sign-off's brackets, a credit row) that the page spells
    out as a news outlet's name the registry does not know, in a credit's shape ("(CNS)" in the dateline, "© Catholic
    News Service" under the story), stands for that name, not for the outlet the registry knows by the code: the
    credit is the spelled-out name, as printed. A name whose initials merely match (the site's masthead or its own
    rights line, a story's sentence) is no spelling of the code."""
    text: str | None = None
    for index, c in enumerate(found.candidates):
        if c.role != "outlet" or not c.printed or not SPELLED_CODE[0] <= len(c.value) <= SPELLED_CODE[1] or (
                _CODE.match(c.value) is None) or c.why.endswith(_NAME_LINE) or resolver.MODEL_CREDIT_WHY in c.why:
            continue
        if text is None:
            text = "\n".join(line.text for line in lines)  # one pass of the pattern over the page
        spelled = re.compile(r"\b" + r"[ \t]+".join(rf"{ch}[a-z]+" for ch in c.value) + r"\b")
        story = min((x.block for x in found.candidates if x.role == "story"), default=len(lines))
        names = {m.group() for m in spelled.finditer(text) if _credit_shaped(text, m) or _signed_below(text, m, story)}
        names = {n for n in names if (paper_shaped(n) or _SERVICE_END.search(n)) and not (
            resolver.names_the_site(n, found.site) or _masthead(n, lines, found))}
        if len(names) != 1 or _known_spelling(name := names.pop(), is_outlet):
            continue  # none, several, or one the registry knows (the code's own name, or an outlet it credits)
        found.candidates[index] = c._replace(value=name, why=f"{c.why}: the code the page spells out{PRINTED_CREDIT}")


def _masthead(name: str, lines: Sequence[Line], found: Found) -> bool:
    """The name is printed alone on a line above the story: the site's masthead (its rights line names it too)."""
    start = min((c.block for c in found.candidates if c.role == "story"), default=len(lines))
    own = fold_text(name)
    return any(fold_text(line.text.strip()) == own for line in lines[:start])


def _credit_shaped(text: str, m: re.Match[str]) -> bool:
    """The spelled-out name stands on its line as a credit does: after a rights or attribution lead, closing the
    line."""
    start, end = _line_of(text, m)
    return _CREDIT_LEAD.match(text, start, m.start()) is not None and _CREDIT_TAIL.match(text[m.end():end]) is not None


def _line_of(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Where the match's line starts and ends in the page's text."""
    end = text.find("\n", m.end())
    return text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end


def _signed_below(text: str, m: re.Match[str], story: int) -> bool:
    """The spelled-out name alone on its line below the story's start: a sign-off ("Religion News Service" closing
    the story)."""
    start, end = _line_of(text, m)
    return text.count("\n", 0, m.start()) > story and not text[start:m.start()].strip() and not (
        text[m.end():end].strip(" ."))


def _known_spelling(name: str, is_outlet: IsOutlet) -> bool:
    """The registry knows the name, or the name with a word's plural or possessive "s" dropped ("Philippines News
    Agency" for Philippine News Agency)."""
    words = name.split()
    return is_outlet(name) or any(is_outlet(" ".join([*words[:n], re.sub(r"(?:'s|’s|s)$", "", word), *words[n + 1:]]))
                                  for n, word in enumerate(words) if word.endswith("s"))
