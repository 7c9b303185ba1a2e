"""A small learned credit scorer: which printed name on a page is the outlet its story is credited to.

The rule detectors (credit_lines, credit_rows, datelines, signoffs) read the credit forms they name. This scorer
is asked only when none of them printed a credit; the forms it reads then (tests/fixtures/credit_model) are a
feed aggregator's item under its source's header line ("Kyodo News Politics"), a video page's "About This
Source - Anadolu Agency", a parenthesised note ("(This article is published on Xinhua Net)"), a person and an
agency in the byline slot, an outlet-shaped name in brackets under the story ("[Harbour Gazette]"). It reads
the name-shaped spans of the lines near the story (a run of capitalised words, an all-caps code, a name the
outlet registry knows) and gives each the probability that it is the story's outlet credit, from what stands
around it: its place relative to the story's paragraphs, a credit label before it (Source, Credit, via,
courtesy, originally published in…), brackets or dashes around it, a date or a "By" on its line, outlet-shaped
words (Agency, News, Times…), a registry hit. Before scoring, places no credit stands are left out: promotions
and menus ("More from", "Watch", "Listen", "As featured in", a row of short items between bars), the headlines
under a "Related" heading, a caption's tail over the story, a listed name with nothing of a credit around it
(the registry's word alone), a bracketed name away from a credit's place or not shaped like an outlet's
("(UNICEF)" is an organisation the story is about). A logistic regression over these features is fitted by
``python bench/train_credits.py`` on the labelled sets and shipped as feeder/data/creditmodel.json with its
threshold. The page's likeliest span over the threshold is proposed to the resolver as printed (normalization
canonicalises it through the registry); nothing is invented: a credit is always words the page prints.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from feeder.extract import lazy_re as re
from feeder.extract import resolver, rules
from feeder.extract.credit_rows import organisation_shaped, spells_out
from feeder.extract.linemodel import probability
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line, is_prose
from feeder.fold import fold_text
from feeder.sources import printed_name

MODEL_FILE = "data/creditmodel.json"  # inside the feeder package

# A line longer than this is a paragraph: only its head (a dateline) and its tail (a glued credit) are read.
EDGE_CHARS = 90
# Distances (in lines) are clipped here: past a few lines, "far" is all a feature needs to say.
MAX_DISTANCE = 8
# Lines further than this from the story's first or last paragraph are not read: on the labelled pages every
# credit stands within 20 lines of the story, and what lies further off is the site's menus and footers.
REACH = 20
# The longest name read: more capitalised words in a row are a headline or a list of names, not an outlet.
MAX_NAME_TOKENS = 6

FEATURE_NAMES = (
    "bias", "registry", "code", "news_head", "one_token", "two_tokens", "many_tokens", "label_before",
    "from_before", "copyright", "photo", "by_line", "date_on_line", "bracketed", "dash_before", "dash_after",
    "whole_field", "line_start", "line_end", "whole_line", "log_line_chars", "prose_line", "long_line",
    "before_story", "after_story", "inside_story", "dist_story", "no_story", "in_title", "site_name",
    "log_mentions", "in_body", "person_before", "line_label", "lower_after", "comma_after_in_story",
    "story_head", "story_tail", "prose_outside_story", "only_heads", "short_token",
)
_AT = {name: i for i, name in enumerate(FEATURE_NAMES)}


class Span(NamedTuple):
    """A name-shaped span of one line: the block (line index) it stands in, its text and its features."""

    block: int
    text: str
    features: tuple[float, ...]


# Words that end or make an outlet's name ("Harbour Gazette", "Agência Pública", "Radio Free Asia").
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEWS_HEADS = _words("""agency agence agencia agência agenzia agentur news newswire wire times post daily press
presse prensa herald tribune gazette gazeta gazzetta journal jornal chronicle telegraph guardian observer express
mail star standard review courier monitor sun mirror nation report reporter network broadcasting broadcaster
radio tv television televisión service magazine weekly bulletin insider today record examiner inquirer dispatch
globe independent noticias nachrichten zeitung zeitschrift diario diário periódico giornale quotidien hebdo
correio correo corriere nouvelles actualités pública publica media medios mídia info informa online digital
voice voz voix tribuna tribune sentinel register leader advertiser bulletin pravda vesti izvestia kommersant
""")
# Connectors inside a name ("Voice of America", "Diário de Notícias"), never at its ends.
_CONNECTORS = _words("of the de do da das dos del della di du des la le el al and & for y e und van von")
# Words of a credit's label or a stamp's, printed capitalised before or after the name ("Source CGTN", "Via
# Xinhua", "CGTN Updated"): never part of an outlet's name.
_LABEL_WORDS = _words("""source sources via from by credit credits courtesy updated published posted printed translated
reported written originally first text story photo photos image copyright fuente fonte quelle source: by:""")
# Capitalised words that are never part of an outlet's name: months, weekdays, clock and zone words, an agency's
# end marker, feed and page words. They end a name ("CGTN Aug 3": CGTN).
_NOT_NAME_WORDS = _words("""jan january feb february mar march apr april may jun june jul july aug august sep sept
september oct october nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs
thursday fri friday sat
saturday sun sunday am pm gmt utc est edt cst cdt pst pdt ist bst cet cest jst kst hkt sgt wib end endit ends rss
home menu share comments comment reply login subscribe advertisement read more""")
# A credit's label: the words before the outlet's name in a credit line.
_LABEL = re.compile(r"(?:\bsources?|\bcredits?|\bvia|\bcourtesy(?:\s+of)?|\b(?:originally|first)\s+(?:published|"
                    r"appeared|posted|printed|ran)(?:\s+(?:in|on|by|at))?|\b(?:re)?published\s+(?:in|by|on)|"
                    r"\bprinted\s+in|\btranslated\s+from|\breprinted\s+(?:from|with)|\brepublished\s+(?:from|with)|"
                    r"\badapted\s+from|\breported\s+by|\bwritten\s+for|\bsyndicated\s+by|\bprovided\s+by|"
                    r"\bpermission\s+(?:of|from)|\bappeared\s+(?:in|on)|\bwith\s+(?:inputs\s+from|files\s+from))"
                    r"\s*[:：\-–—]?\s*(?:the\s+)?$", re.I)
_FROM = re.compile(r"\b(?:from|by|for|in|on)\s*[:：]?\s*(?:the\s+)?$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|all rights reserved)", re.I)
_PHOTO = re.compile(r"\b(?:photo|photos|photograph|image|images|picture|pic|caption|illustration|video|file|"
                    r"photographer|getty|graphic|infographic)\b", re.I)
_BY = re.compile(r"^\s*(?:by|written by|story by|words by)\s+\S", re.I)
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
                   r"\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)", re.I)
_DASHES = "-–—|/"
_TOKEN = re.compile(r"[^\W_][\w'’.&-]*")
# A line opening on a credit's label ("Source:", "Credit -", "Via").
_LINE_LABEL = re.compile(r"^\W{0,3}(?:sources?|credits?|via|courtesy|from|agencies|agency)\b", re.I)
# A word in lower case: a sentence goes on around a name mentioned in it.
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z]{2,}\b")
# The origin of an HTML page's picture caption (html/body.py): its names are the picture's credit.
CAPTION_ORIGIN = "<figcaption>"
# Characters around a name where "Photo", "Image", "File" make it a picture's credit.
PHOTO_REACH = 20
# A writer's role or desk after the name in a byline ("By A, Senior Reporter"): no outlet's name ends so.
_ROLE = re.compile(r"\b(?:writers?|reporters?|correspondents?|editors?|desk|staff|columnists?|contributors?|producers?|"
                   r"anchors?|photographers?|analysts?|interns?|bureau chief|chief)$", re.I)
# A list of tags or categories: its names are topics, not credits.
_TAGS = re.compile(r"^\W{0,3}(?:tags?|tagged|topics?|categor(?:y|ies)|filed under|related|keywords?|labels?|"
                   r"more on|see also)\b", re.I)
# A person's name, with or without "By", then a comma or bar: the name after it is the person's outlet.
_PERSON_BEFORE = re.compile(r"^\W*(?:[Bb][Yy]\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*[,|/–—]\s*$")


def _name_token(token: str) -> bool:
    """A word of a name: capitalised (or in a script without case), no digit, not a stamp's or a page's word."""
    return (token[:1].isupper() or (token[:1].isalpha() and token[:1].lower() == token[:1].upper())) and not any(
        map(str.isdigit, token)) and token.casefold().rstrip(".") not in _NOT_NAME_WORDS


def _spans_of(text: str, is_outlet: IsOutlet) -> list[tuple[int, int]]:
    """(start, end) character spans of the names the text prints: runs of capitalised words (connectors
    inside), each cut to the longest leading part the registry knows when one does, and lower-case tokens
    the registry knows ("dpa", "chinadaily.com.cn")."""
    spans: list[tuple[int, int]] = []
    for start, ends, lower in _runs(text):
        if lower:
            if is_outlet(text[start:ends[0]]):
                spans.append((start, ends[0]))
            continue
        known = next((end for end in reversed(ends) if is_outlet(text[start:end])), None)
        if known is not None:
            spans.append((start, known))
        if known != ends[-1]:
            spans.append((start, ends[-1]))
    return spans


@lru_cache(maxsize=8192)
def _runs(text: str) -> tuple[tuple[int, tuple[int, ...], bool], ...]:
    """The text's name runs, as (start, the ends of its leading parts, False), and its lower-case tokens a
    registry might know, as (start, (end,), True). Kept per text: a site's furniture repeats on every page."""
    tokens = [(m.start(), m.end(), m.group().rstrip(".")) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, tuple[int, ...], bool]] = []
    i = 0
    while i < len(tokens):
        if not _name_token(tokens[i][2]):
            if len(tokens[i][2]) >= 3 and ("." in tokens[i][2] or _alone(text, tokens, i)):
                runs.append((tokens[i][0], (tokens[i][0] + len(tokens[i][2]),), True))
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < MAX_NAME_TOKENS + 2 and (
                _name_token(tokens[j][2]) or tokens[j][2].lower() in _CONNECTORS) and not _break(text, tokens[j - 1],
                                                                                                  tokens[j]):
            j += 1
        while j > i + 1 and (tokens[j - 1][2].lower() in _CONNECTORS or tokens[j - 1][2].lower() in _LABEL_WORDS):
            j -= 1
        while i < j - 1 and tokens[i][2].lower() in _LABEL_WORDS:
            i += 1  # "Source CGTN", "Via Xinhua": the label is no part of the name
        if tokens[i][2].lower() in _LABEL_WORDS:
            i = j
            continue
        run = tokens[i:j]
        if len(run) <= MAX_NAME_TOKENS and not all(t[2].lower() in _CONNECTORS for t in run):
            runs.append((run[0][0], tuple(t[0] + len(t[2]) for t in run), False))
        i = j
    return tuple(runs)


def _alone(text: str, tokens: Sequence[tuple[int, int, str]], i: int) -> bool:
    """A word that is a whole field of its line (between punctuation or the line's ends): "(dpa)", "— dpa"."""
    return (i == 0 or _break(text, tokens[i - 1], tokens[i])) and (
        i + 1 == len(tokens) or _break(text, tokens[i], tokens[i + 1]))


def _break(text: str, before: tuple[int, int, str], after: tuple[int, int, str]) -> bool:
    """Punctuation between two tokens ends a name: a comma, a bracket, a bar, a colon, a spaced dash."""
    gap = text[before[1]:after[0]]
    return gap != " " and _BREAK.search(gap) is not None


_BREAK = re.compile(r"[,;:|()\[\]{}/·•–—]| - ")


def spans(lines: Sequence[Line], story: Sequence[int], title: str, site: str | None,
          is_outlet: IsOutlet) -> list[Span]:
    """Every name-shaped span of the page's lines, with its features (names in FEATURE_NAMES). ``story`` holds
    the indexes of the lines the walk kept as the story's paragraphs."""
    first, last = (min(story), max(story)) if story else (len(lines), -1)
    kept = set(story)
    folded_title, folded_site = fold_text(title), fold_text(site or "")
    page_text = "\n".join(line.text for line in lines)
    out = []
    near = range(max(0, first - REACH), min(len(lines), last + REACH + 1)) if story else range(len(lines))
    under_heading = _under_other_stories(lines, near, kept)
    for index in near:  # far off the story: the site's menus and footers
        if index in kept and index not in (first, last):
            continue  # inside the story, its names are the story's mentions (see _credit_place)
        line = lines[index]
        text = line.text
        if folded_title and len(text) < 2 * len(title) + 40 and folded_title in fold_text(text):
            continue  # the headline's line: a name in it is the story's topic (an outlet page's own title aside)
        if line.origin.startswith(CAPTION_ORIGIN) or (index not in kept and is_prose(text) and _PHOTO.search(text)):
            continue  # a photo's caption (its dateline and credit are the picture's, not the story's)
        if len(text) > 2 * EDGE_CHARS:
            text = f"{text[:EDGE_CHARS]} … {text[-EDGE_CHARS:]}"
        if index in under_heading or _not_a_credit_line(text):
            continue
        for start, end in _spans_of(text, is_outlet):
            name = text[start:end]
            if not _credit_place(text, name, start, end, index == first, index == last, index in kept):
                continue
            if index < first and _after_a_sentence(text, start, end):
                continue  # a caption over the story ("Engineers at work on Saturday. AFP"): the picture's credit
            if index == first and index in kept and _code_the_story_names(name, lines, kept, start, is_outlet):
                continue  # "LONDON (RMT) - … the RMT said": the organisation the story is about
            features = _features(text, name, start, end, index, line, first, last, kept, folded_title, folded_site,
                                 _mentions(page_text, name), is_outlet)
            if _credit_context(name, text, features, index, last):
                out.append(Span(index, name, features))
    return out


# A heading over a list of other stories: the lines under it (until the story's next paragraph) are headlines.
_OTHER_STORIES = re.compile(r"^\W{0,3}(?:related|more\s+(?:stories|news|from|on)|see\s+also|read\s+(?:more|also|next)|"
                            r"also\s+read|you\s+may\s+also\s+like|recommended|most\s+(?:read|popular|viewed)|"
                            r"popular|trending|top\s+stories|latest(?:\s+news)?)\b", re.I)
# A navigation row: several short items between bars or bullets ("Home | World | Reuters | Sport").
_ROW_BREAK = re.compile(r"\s*[|•·»]\s*")
NAV_ITEMS = 3  # items in a row before it is a menu
NAV_ITEM_WORDS = 3  # the most words of a menu's item


def _not_a_credit_line(text: str) -> bool:
    """A promotion or a menu row: no name on it is the story's credit."""
    if rules.promotion_line(text):  # a line that points elsewhere ("More from AP", "Watch it on BBC")
        return True
    items = [item for item in _ROW_BREAK.split(text.strip()) if item]
    return (len(items) >= NAV_ITEMS and all(len(item.split()) <= NAV_ITEM_WORDS for item in items)
            and not _DATE.search(text) and not _BY.match(text))


def _under_other_stories(lines: Sequence[Line], near: range, kept: set[int]) -> set[int]:
    """The lines under a heading of other stories ("Related stories"), up to the story's next paragraph."""
    under: set[int] = set()
    heading = False
    for index in near:
        if index in kept:
            heading = False
        elif heading:
            under.add(index)
        elif len(lines[index].text.split()) <= MAX_NAME_TOKENS and _OTHER_STORIES.match(lines[index].text):
            heading = True
    return under


def _code_the_story_names(name: str, lines: Sequence[Line], kept: set[int], start: int, is_outlet: IsOutlet) -> bool:
    """An unlisted code in the story's first paragraph that the story's text prints again: an organisation the
    story is about, never the agency that filed it (an agency's copy does not name its own code)."""
    if not (name.isupper() and name.isalpha() and len(name) <= CODE_CHARS) or is_outlet(name):
        return False
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(word.search(lines[i].text, start + len(name) if n == 0 else 0)
               for n, i in enumerate(sorted(kept)) if i >= 0)


# The longest code asked about (an agency's code is two to six capitals).
CODE_CHARS = 6


def _after_a_sentence(text: str, start: int, end: int) -> bool:
    """A name ending its line just after a sentence's words and full stop."""
    before = text[:start].rstrip()
    return not text[end:].strip(" .)]") and before.endswith((".", "!", "?")) and bool(_LOWER_WORD.search(before))


def _mentions(page_text: str, name: str) -> int:
    r"""How often the page prints the name as whole words (an "EU" inside "EUROPE" is no mention): the matches of
    ``(?<!\w)name(?!\w)``, found by substring search (a regular expression per name cost a quarter of
    extraction's time: each name compiled, each page scanned in Python's regex engine)."""
    count, size, at = 0, len(name), page_text.find(name)
    while at >= 0 and size:
        end = at + size
        if not (at and _word_char(page_text[at - 1])) and not (end < len(page_text) and _word_char(page_text[end])):
            count += 1
            at = page_text.find(name, end)
        else:
            at = page_text.find(name, at + 1)
    return count


def _word_char(ch: str) -> bool:
    r"""What ``\w`` matches in a str pattern: a Unicode letter or digit, or the underscore."""
    return ch.isalnum() or ch == "_"


# What makes a place a credit's: a label, a dash, brackets, a dateline, a byline or a date on the line, a line of
# its own, a glued credit after the story's last sentence.
_CONTEXT = ("label_before", "by_line", "date_on_line", "bracketed", "dash_before", "dash_after", "whole_line",
            "line_label", "story_head", "story_tail", "person_before", "copyright")


def _edge_head(words: Sequence[str]) -> bool:
    """A news word opening or ending the name ("Harbour Gazette", "Correio Fluvial"); in its middle it names a
    shop or a firm ("Sunrise Daily Deli")."""
    return bool(words) and bool({words[0].strip(".,'’").casefold(), words[-1].strip(".,'’").casefold()} & NEWS_HEADS)


def _outlet_shaped(name: str) -> bool:
    """A name an outlet's news word ends ("Harbour Gazette") or opens before a connector ("Voice of America");
    "Network Rail" is a company."""
    words = [w.strip(".,'’").casefold() for w in name.split()]
    return words[-1] in NEWS_HEADS or (len(words) > 2 and words[0] in NEWS_HEADS and words[1] in _CONNECTORS)


def _credit_context(name: str, line_text: str, features: Sequence[float], index: int, last: int) -> bool:
    """Whether the name stands where a credit is printed. A listed outlet's name needs more than the registry's
    word: a label, brackets or a dash, a dateline, a byline or a date on its line, a line of its own, a short header
    line over the story that it opens. A bracketed name outside a dateline counts only at a credit's place (glued
    after the story's last sentence, or alone just after it) and only when it names an outlet (the registry's, or
    shaped like one): a bracketed "(UNICEF)" or "(Network Rail)" is an organisation the story is about. A name the
    registry does not list, of two words and no news word, is a person's ("Via Grandma Rose")."""

    def has(feature: str) -> bool:
        return features[_AT[feature]] > 0

    if has("bracketed") and not has("story_head"):
        alone_after = has("whole_line") and has("after_story") and index - last <= BRACKET_REACH
        if not (has("story_tail") or alone_after) or not (has("registry") or _outlet_shaped(name)):
            return False
    if not has("registry"):
        if printed_name(name) != name:
            return False  # a name normalization would not credit as printed: a section ("Local News"), a country
        words = name.split()  # two capitalised words and no news word, unknown to the registry: a person's name
        return not (len(words) == 2 and not _edge_head(words) and "." not in name)
    if has("line_start") and has("before_story") and len(line_text.split()) <= HEADER_WORDS:
        return True  # a source's header over the story ("Kyodo News Politics")
    return any(has(feature) for feature in _CONTEXT)


# The most words of a source's header line over the story, opening on the outlet's name.
HEADER_WORDS = 4
# A bracketed name alone on its line stands at most this many lines under the story's last paragraph.
BRACKET_REACH = 2


def _credit_place(text: str, name: str, start: int, end: int, first: bool, last: bool, in_story: bool) -> bool:
    """Whether a credit may stand here. Never a writer's role, a photo's credit, a list of tags, or an abbreviation
    spelled out just before it ("Philippine News Agency (PNA)"); inside the story's paragraphs only in a dateline
    (the head of the first, before any of its sentence's words) or after the last one's last sentence (a glued
    credit), never a name the story's sentences mention."""
    before, after = text[:start], text[end:]
    if _ROLE.search(name) or _abbreviation(before, name) or _TAGS.match(text):
        return False
    if _PHOTO.search(before[-PHOTO_REACH:]) or _PHOTO.search(after[:PHOTO_REACH]):
        return False
    if not in_story:
        return True
    if first and start < EDGE_CHARS and not _LOWER_WORD.search(before):
        return True
    return last and end > len(text) - EDGE_CHARS and before.rstrip().endswith(_CLOSING) and not (
        after.lstrip()[:1].islower() or _LOWER_WORD.match(after.lstrip()))


# What stands before a credit glued after the story's last sentence: the sentence's end, a bracket, a dash.
_CLOSING = (".", "!", "?", "\"", "”", "’", "(", "[", "（", "-", "–", "—", "|", "/", ":")


def _abbreviation(before: str, name: str) -> bool:
    if not (name.isupper() and before.rstrip().endswith(("(", "["))):
        return False
    words = [w for w in before.rstrip()[:-1].split() if w.lower() not in _CONNECTORS][-len(name):]
    return "".join(w[:1] for w in words).upper() == name


def _features(text: str, name: str, start: int, end: int, index: int, line: Line, first: int, last: int,
              kept: set[int], folded_title: str, folded_site: str, mentions: int, is_outlet: IsOutlet
              ) -> tuple[float, ...]:
    words = name.split()
    before, after = text[:start], text[end:]
    head_words = {w.strip(".,'’").casefold() for w in words}
    folded = fold_text(name)
    stripped_before, stripped_after = before.rstrip(), after.lstrip()
    whole_text = text.strip().strip("()[]·•-–—|:.,; ")
    prefix = before.strip()
    return (
        1.0, float(is_outlet(name)), float(len(words) == 1 and name.isupper() and 2 <= len(name) <= 6),
        float(bool(_edge_head(words))), float(len(words) == 1), float(len(words) == 2),
        float(len(words) > 2), float(bool(_LABEL.search(before))), float(bool(_FROM.search(before))),
        *_line_shape(text),
        float(stripped_before.endswith(("(", "[", "（")) and stripped_after.startswith((")", "]", "）"))),
        float(stripped_before[-1:] in _DASHES and bool(stripped_before)),
        float(stripped_after[:1] in _DASHES and bool(stripped_after)),
        float((not stripped_before or stripped_before[-1:] in ",|·•;") and (
            not stripped_after or stripped_after[:1] in ",|·•;.")),
        float(not prefix), float(not stripped_after.strip(".)]）")), float(name == whole_text),
        math.log1p(len(text)) / 6, float(is_prose(line.text)), float(len(line.text) > 2 * EDGE_CHARS),
        float(index < first), float(index > last), float(first <= index <= last),
        _clip(first - index if index < first else index - last if index > last else 0), float(last < 0),
        float(bool(folded) and folded in folded_title), float(bool(folded) and folded == folded_site),
        math.log1p(mentions) / 3, float(line.in_body),
        float(bool(_PERSON_BEFORE.match(before))),
        float(bool(_LINE_LABEL.match(text[:LABEL_CHARS]))),
        float(stripped_after[:1].islower()), float(stripped_after[:1] in ",." and index in kept),
        float(index in kept and start < EDGE_CHARS and index == first),
        float(index in kept and end > len(text) - EDGE_CHARS and index == last),
        float(index not in kept and is_prose(line.text)),
        float(head_words <= NEWS_HEADS), float(any(len(w.strip(".")) <= 2 for w in words)),
    )


@lru_cache(maxsize=8192)
def _line_shape(text: str) -> tuple[float, float, float, float]:
    """What the whole line says (copyright, a picture, "By", a date): the same for each of its names."""
    return (float(bool(_COPYRIGHT.search(text))), float(bool(_PHOTO.search(text))), float(bool(_BY.match(text))),
            float(bool(_DATE.search(text))))


# A label opens a line: its first characters are all a label test reads.
LABEL_CHARS = 24


def _clip(distance: int) -> float:
    return min(MAX_DISTANCE, distance) / MAX_DISTANCE


@dataclass(frozen=True, slots=True)
class Scorer:
    """A logistic regression over FEATURE_NAMES, and the probability a span needs to be proposed (over 1.0: the
    training found no threshold worth using, and the scorer proposes nothing)."""

    weights: tuple[float, ...]
    threshold: float


@dataclass(frozen=True, slots=True)
class Model:
    """One scorer for the names the registry lists, one for those it does not (credited as printed): a listed
    name is most of the evidence, so the other scorer learns from the context alone (its registry weight is 0)."""

    listed: Scorer
    unlisted: Scorer


OFF = Model(Scorer((), 2.0), Scorer((), 2.0))  # proposes nothing: feeder's rules alone
_REGISTRY = FEATURE_NAMES.index("registry")


def listed(span: Span) -> bool:
    return span.features[_REGISTRY] > 0


def model_from(data: dict[str, Any]) -> Model:
    """A model from its file's contents; raises ValueError when it does not fit the features."""
    if tuple(data.get("features", ())) != FEATURE_NAMES:
        raise ValueError("credit model file was trained on other features: run python bench/train_credits.py")
    return Model(*(Scorer(tuple(float(w) for w in data[kind]["weights"]), float(data[kind]["threshold"]))
                   for kind in ("listed", "unlisted")))


@lru_cache(maxsize=1)
def shipped() -> Model:
    """The model shipped in feeder/data (read once)."""
    text = resources.files("feeder").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from(json.loads(text))


def best(found: Sequence[Span], scorer: Scorer) -> tuple[Span, float] | None:
    """The span ``scorer`` finds likeliest a credit, and its probability; on a tie, the first printed."""
    scored = [(probability(scorer.weights, s.features), -k) for k, s in enumerate(found)]
    if not scored:
        return None
    p, k = max(scored)
    return found[-k], p


def choose(found: Sequence[Span], model: Model) -> tuple[Span, float] | None:
    """The likeliest credit of the page over its scorer's threshold (listed and unlisted names each by their
    own); none when names of two different outlets pass (a story has one credit: the page is a list, a digest or
    a story about outlets, and naming the wrong one is worse than naming none)."""
    passing = [(p, s) for s in found
               if (p := probability((scorer := model.listed if listed(s) else model.unlisted).weights, s.features))
               >= scorer.threshold]
    if not passing:
        return None
    p, span = max(passing, key=lambda c: (c[0], -c[1].block))
    key = fold_text(span.text)
    if any(not (other in key or key in other) for other in (fold_text(s.text) for _, s in passing)):
        return None
    return span, p


# The why of a model's outlet candidate: normalization credits an unknown name printed so (resolver.PRINTED_CREDIT).
MODEL_WHY = ": {what} (probability {p:.2f}){tail}"


def propose(lines: Sequence[Line], story_origins: Sequence[str], title: str, site: str | None,
            is_outlet: IsOutlet, model: Model | None = None) -> resolver.Candidate | None:
    """The page's likeliest credit span over the model's threshold, as an outlet candidate for the resolver."""
    model = model or shipped()
    if model.listed.threshold > 1.0 and model.unlisted.threshold > 1.0:
        return None
    at = {line.origin: i for i, line in reversed(list(enumerate(lines)))}
    story = [at[o] for o in story_origins if o in at]
    chosen = choose(spans(lines, story, title, site, is_outlet), model)
    if chosen is None:
        return None
    span, p = chosen
    if not is_outlet(span.text) and organisation_named(span.text, [lines[i].text for i in story[:STORY_READ]]):
        return None
    why = MODEL_WHY.format(what=resolver.MODEL_CREDIT_WHY, p=p, tail=resolver.PRINTED_CREDIT)
    why = f"{lines[span.block].origin}{why}"
    return resolver.Candidate("outlet", span.text, span.block, resolver.MODEL_CREDIT, why)


# The story's paragraphs read for an unknown name's spelled-out form.
STORY_READ = 12


def organisation_named(name: str, story: Sequence[str]) -> bool:
    """Whether an unknown printed name is an organisation's, not an outlet's: a word of its kind ("University of
    Oxford", "FC Barcelona") or a code the story spells out ("(WHO)" over "the World Health Organization said")."""
    return organisation_shaped(name) or (name.isupper() and name.isalpha() and len(name) <= CODE_CHARS and any(
        spells_out(name, paragraph) for paragraph in story))


# The longest code read as an organisation's initials.
CODE_CHARS = 6


def propose_into(found: Found, lines: Sequence[Line], title: str, site: str | None, is_outlet: IsOutlet) -> None:
    """Add the model's outlet candidate to the walk's notebook (extract/proposals.Found) when no rule printed
    one: the model reads the credit forms the rules missed, it never argues with a rule's credit."""
    if any(c.role == "outlet" and c.printed for c in found.candidates):
        return
    candidate = propose(lines, found.origins, title, site, is_outlet)
    if candidate is not None:
        found.candidates.append(candidate)
