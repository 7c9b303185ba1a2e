"""Headline candidates of a text dump: title-like lines scored by the evidence around them.

A dump has no <title> we can trust: its first line may be site chrome (a site name, a capture-day
widget, "Skip to main content", a breadcrumb, a masthead in capitals). The headline is the
title-like line the story hangs from: short, no end punctuation, just above a byline, a stamp, a
dateline or the first paragraph, often echoed by the first line, a URL slug or a later line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from feeder.extract import lazy_re as re
from feeder.extract import posters, rules, vocab
from feeder.extract.blocks import CJK, Features, describe
from feeder.extract.datelines import COMMA_TOKEN_LINE
from feeder.extract.dates import LABEL_OF, find_dates
from feeder.fold import fold_text

# How far down a dump the headline may stand (lines, after blank lines are dropped).
SEARCH_LINES = 60
# Weights of the evidence. bench/fit_headline.py sweeps them group by group (with the reaches and gaps below)
# over the labelled text dumps of the eighteen training sets, leaving one set out at a time: these give 221 of
# 227 headlines, and the weights the other sets choose give as many on every left-out set (eleventh round, with
# its share-head, noun-byline, trailing-title and blog-name classes; 217 before them).
ECHOED = 3.0  # the line is repeated: in the first line (the capture's title) or further down
ANCHORED = 2.0  # a byline, a stamp, a dateline or the first story paragraph stands just below it
SLUG = 1.5  # a URL on the page spells its words
SHAPE = 0.5  # five to twenty words, as most headlines
STORY = 1.0  # the story's first paragraph follows, past only bylines, stamps and chrome: the story hangs from it
BELOW = 1.0  # the line stands below story paragraphs: a related post's or the next post's headline
DEPTH = 0.03  # per line of text above it (menu words are not counted): the headline stands near the top
DIGEST = 3.0  # a digest's title (its edition's day or number) over items that are each a headline and a story
# Below this the best candidate is not trusted over the capture's first line.
MIN_SCORE = 2.0
# An anchor counts within this many lines below the candidate.
ANCHOR_REACH = 3
# A run of this many chrome lines is a navigation menu: no headline is cut from its story by one
# (a share row between a headline and its byline is shorter).
MENU_LINES = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One line proposed as the headline, its score and why."""

    text: str
    index: int
    score: float
    why: str




def title_like(features: Features, text: str) -> bool:
    """Shaped like a headline: a short phrase, not chrome, a label, a link, a date or a byline."""
    return title_shaped(text, cjk=features.cjk, chars=features.chars, words=features.words,
                        end_punct=features.end_punct, chrome=features.chrome, link=features.link,
                        caps_share=features.caps_share)


def title_shaped(text: str, *, cjk: bool, chars: int, words: int, end_punct: bool, chrome: bool, link: bool,
                 caps_share: float) -> bool:
    """title_like from a line's measures however they were taken (the line model measures them without
    blocks.describe's per-character loop): one test, so the two readers can never drift apart."""
    if cjk:
        if not 6 <= chars <= 80 or (len(CJK.findall(text)) < 6 and words < 3):
            return False
    elif not 3 <= words <= 30:
        return False
    if (end_punct and not text.endswith("!")) or chrome or link:
        return False  # a headline may exclaim ("Jangan sia-siakan ANTARA!"); it never ends on a full stop
    if other_role(text) is not None:
        return False  # one line is one thing: a line another reader takes for a byline, a poster's row, a counter…
    if _PAGER.search(text) or _NOT_A_HEADLINE.search(text) or _ACCOUNT_PROMPT.search(text) or _COUNTER.match(text):
        return False  # a pager, a counter, a category label, a byline's role, an image's file name
    if paywall_promo(text):
        return False  # "Go a step further with Premium access: …": a subscription advert over the story
    if _menu_row(text):
        return False  # "Topics · Post Article": a row of menu links
    if words >= 4 and len(set(text.lower().split())) * 5 < words * 3:
        return False  # "font size decrease font size increase font size": a widget repeats its words
    if caps_share > 0.8 and words <= 8 and not digest_title(text):
        return False  # a masthead or a section name in capitals (a digest's title names its edition)
    if ((m := vocab.LABEL_PREFIX.match(text)) and not _kicker(text, m.end())) or (
            vocab.BREADCRUMB.match(text) and not _kicker_bar(text)) or rules.BYLINE.match(text) or (
            _WROTE_BYLINE.match(text)):
        return False
    if caption(text):
        return False  # a photo's caption: its credit closes it, a headline's never does
    if (m := rules.STAMP_LABEL.match(text)) and any(h.year for h in find_dates(m.group("rest")[:_STAMP_REACH])):
        return False  # "Publicado em 10/05/2021 — 06:05 Por …": a stamp row under its label
    if (m := rules.POSTED_BY.match(text)) and m.group(2) and any(h.year for h in find_dates(m.group(2))):
        return False  # "Submitted by X on Sat, 10/20/2018 - 14:35": the post's header, its poster and date
    if _CAPTURE_WORD.search(text) and any(hit.year for hit in find_dates(text)):
        return False  # "Archived on 12 March 2021 08:00 UTC from the original page": the capture's banner
    if _SHARE_BUTTON.match(text) or _opens_on_a_date(text) or _TRAIL.match(text) or (
            _dated_row(text) and not _titled_date(text)):
        return False  # "Tweet on Twitter"; "April 18, 2022 At Site Breaking News …": a share button, a meta row
    return not (rules.FURNITURE.match(text) or (_date_like(text) and not _titled_date(text) and not digest_title(text)))


# Words of a field's label ("Source:", "Tags:", "Photo:"): a line opening on one is a field, never a headline.
_FIELD_LABEL = re.compile(rf"^(?:{vocab.FIELD_LABELS}|photos?|photograph(?:s|er)?|fotos?|bild|images?|pictures?|"
                          r"video|tags?|labels?|categor(?:y|ies)|keywords?|topics?|section|share|related|read more|"
                          r"see also|more|comments?|note|notes|"
                          r"location|disclaimer|warning|caption|credits?|contact|email|phone|website|url|link|"
                          r"filed under|posted in|address|price|title|subject|re|fwd?|article|original|translation)$",
                          re.I)
# Words after a kicker's colon that make the line a headline ("Analysis: GOP gave up 5 House seats …").
KICKER_REST_WORDS = 4


def _kicker(text: str, value_start: int) -> bool:
    """"Analysis: …", "Kyodo News Brief: Jan. 4, 2026": a kicker or a digest's name before a headline's words
    or its day, not a field's label before its value."""
    label = text[:value_start].rstrip(" :：")
    if _FIELD_LABEL.match(label) or dates_label(label):
        return False
    return len(text[value_start:].split()) >= KICKER_REST_WORDS or _titled_date(text)


# "YOURSAY | No new dawn, just more of the same": a column's name, one bar, then a headline's words. A
# breadcrumb's parts are short; a kicker's name has at most this many words and the headline after it at least
# KICKER_BAR_WORDS.
KICKER_NAME_WORDS = 3
KICKER_BAR_WORDS = 5
_KICKER_BAR = re.compile(r"^(?P<name>[^|>»/›]{1,30}?)\s+\|\s+(?P<rest>[^|>»/›]+)$")


def _kicker_bar(text: str) -> bool:
    m = _KICKER_BAR.match(text)
    return m is not None and len(m.group("name").split()) <= KICKER_NAME_WORDS and (
        len(m.group("rest").split()) >= KICKER_BAR_WORDS) and not _TRAIL.match(text)


# A subscription advert between a headline and its story ("Get more from your reading with The Paper Premium",
# "Go a step further with Premium access: …", "Yearly Premium ₹999 ₹349/Year"): never a headline, and the
# headline above it still hangs over the story below it.
_PAYWALL_PROMO = re.compile(
    r"(?i:\bpremium (?:access|members?(?:hip)?|content|subscription|plan)\b|\bmembers only\b|\bfree trial\b"
    r"|\bsubscribe (?:now|today|to read|for)\b|\bbecome a (?:member|subscriber)\b|\bunlimited (?:access|reading)\b"
    r"|\b(?:yearly|monthly|annual) (?:premium|plan|subscription)\b"
    r"|[$€£₹¥]\s?\d[\d.,]*\s*/\s*(?:year|month|yr|mo|week)\b)")
_WITH_PREMIUM = re.compile(r"(?i:\bwith (?:the )?[\w ]{2,30} premium)$")
# What every advert line above holds (one of these), and how long it runs at most: most lines are spared the
# patterns.
_PROMO_HINTS = ("premium", "member", "subscri", "trial", "unlimited", "/")
MAX_PROMO_CHARS = 200


@lru_cache(maxsize=8192)
def paywall_promo(text: str) -> bool:
    if len(text) > MAX_PROMO_CHARS:
        return False
    lowered = text.lower()
    if not any(hint in lowered for hint in _PROMO_HINTS):
        return False
    return _PAYWALL_PROMO.search(text) is not None or (
        lowered.endswith("premium") and _WITH_PREMIUM.search(text) is not None)


# A byline whose verb opens it ("كتب سامر عبد الحميد": "wrote Samer …", "بقلم": "by the pen of"): right-to-left
# scripts' portals print it under the headline where English prints "By …".
_WROTE_BYLINE = re.compile(r"^(?:كتب|كتبت|بقلم|كتبه|كتبها)\s+\S+(?:\s+\S+){0,4}$")


# "Home » World » Headline": a breadcrumb trail, whatever its last part.
_TRAIL = re.compile(r"(?i:home|start|inicio|início|accueil|startseite|beranda|首页)\s*[»>›/|]")
# A breadcrumb's separators: its last part is the page's own headline when a line below prints it alone.
_TRAIL_PARTS = re.compile(r"\s*[>»›/|]\s*")
_SHARE_BUTTON = re.compile(r"(?i:(?:share|tweet|post|pin|send|email)\b.{0,20}\b(?:on|via|to|with)\s+"
                           r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|email|line)\b)")
# "Share this on", "Share via:", "Email this story to": a share row's head, its buttons on the lines below it.
_SHARE_ROW_HEAD = re.compile(r"(?i:(?:share|send|e-?mail|post)(?:\s+(?:this|it))?(?:\s+(?:post|article|story|page))?"
                             r"\s+(?:on|via|with|to)\s*:?\s*)$")
# "Article by WN.com", "Story by Jane Roe", "Report by Staff": a byline opened by what the item is, a name or an
# address after its "by" and nothing else.
_NOUN_BYLINE = re.compile(r"(?i:(?:article|story|report|post|text|words|column|analysis|news)\s+by)\s+"
                          r"(?:[A-Z][\w'’.-]*|[\w-]+\.[a-z]{2,})(?:\s+[A-Z][\w'’.-]*){0,3}$")
# "Kyodo News Digest: April 16, 2022": a digest's title names its day after its own words, which no label is.
_TITLED_DATE = re.compile(r"^(?P<head>[^\d:|–—]{8,80}?)\s*[:|–—]\s*\S")


def _titled_date(text: str) -> bool:
    if (m := _TITLED_DATE.match(text)) is None or len(m.group("head").split()) < 2:
        return False
    hits = find_dates(text)
    return bool(hits) and hits[0].year is not None and hits[0].label is None and hits[0].start >= m.end() - 1


def dates_label(label: str) -> bool:
    """A stamp's label ("Published", "Last updated", "发布时间")."""
    return label.lower() in LABEL_OF


def _opens_on_a_date(text: str) -> bool:
    """A row that opens on a full date and runs on (a post's meta row, category chips after it)."""
    if not text[:1].isdigit() and not text[:1].isupper():
        return False
    hits = find_dates(text) if any(map(str.isdigit, text[:20])) else ()
    return bool(hits) and hits[0].start == 0 and hits[0].year is not None and len(text) - hits[0].end > 20


_ROW_PARTS = re.compile(r"\s*[|·•]\s*")


# Words of each link in a menu row ("Browse · Search", "Topics · Post Article").
MENU_LINK_WORDS = 2


def _menu_row(text: str) -> bool:
    if "·" not in text and "•" not in text and "|" not in text:
        return False
    parts = [p for p in _ROW_PARTS.split(text) if p]
    return len(parts) >= 2 and all(len(p.split()) <= MENU_LINK_WORDS for p in parts)


@lru_cache(maxsize=8192)
def _dated_row(text: str) -> bool:
    """"| blog, France, World | January 14, 2016", "News · 14 Jan 2016": a post's meta row, parts parted by bars
    or dots, closing on the post's full date."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False
    last = _ROW_PARTS.split(text.rstrip(" |·•"))[-1]
    hits = find_dates(last) if any(map(str.isdigit, last)) else ()
    return bool(hits) and hits[-1].year is not None and 2 * (hits[-1].end - hits[-1].start) >= len(last)


# "Published in Regional", "Filed under World": a category label; "AP Special Correspondent": a byline's role.
_NOT_A_HEADLINE = re.compile(
    r"^(?:published|posted|filed|categori[sz]ed|listed)\s+(?:in|under)\b"
    r"|^(?:\S+\s+){0,3}(?:special |staff |senior |chief |foreign )?(?:correspondent|writer|reporter|columnist)s?$",
    re.I)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b", re.I)
_PAGER = re.compile(r"\d\s*(?:…|\.\.\.)\s*\d|^(?:«\s*)?(?:prev|previous)\b.*\d.*\b(?:next)\b"
                    r"|^(?:«\s*)?first\b.*\d.*\blast\b", re.I)
# "Showing 1 of 1 comments", "105 total views, 1 today", "2 people like this": a page's counters.
_COUNTER = re.compile(r"^(?:showing|viewing|displaying)\s+\d+(?:\s*[-–]\s*\d+)?\s+of\s+\d+\b"
                      r"|^[\d,.]+\s*k?\s+(?:total\s+)?(?:views|comments|replies|likes|shares|responses|reads)"
                      r"(?:\s*[,·|]\s*[\d,.]+\s*k?\s+\w+)*\.?$"
                      r"|^\d+\s+(?:people|persons|members|users)\s+like\s+this\.?$", re.I)
# Words of a capture tool's or an archive's banner over the page, dated with the day of the capture.
_CAPTURE_WORD = re.compile(r"(?i:\b(?:archived|saved|captured|retrieved|fetched|cached|crawled|snapshot|clipped|"
                           r"downloaded|as it appeared)\b)")
# Longer than any headline: a paragraph (checked before the features are computed).
MAX_TITLE_CHARS = 240


# "A 'high' Hari Raya-do...": a blog post's title may trail off on an ellipsis. A short line, no sentence ended
# inside it, right over the story's first paragraph (a teaser cut off mid-sentence runs longer and ends a
# sentence before its cut).
TRAILING_TITLE_WORDS = 8
_TRAILS_OFF = re.compile(r"(?<=\w)(?:\.{3}|…)$")


def _trailing_off(text: str, window: Sequence[str], index: int) -> str:
    """The line without the ellipsis it trails off on, when it is a short title over the story's first paragraph
    (the line itself otherwise)."""
    if not text.endswith(("...", "…")) or not _TRAILS_OFF.search(text) or len(text.split()) > TRAILING_TITLE_WORDS or (
            not text[:1].isupper()):
        return text
    head = _TRAILS_OFF.sub("", text)
    if rules.SENTENCE_END.search(head) or re.search(r"[.!?]\s", head):
        return text
    below = window[index + 1] if index + 1 < len(window) else ""
    return head if _paragraph(below, OPENING_WORDS) else text


def _may_be_title(text: str) -> bool:
    """Cheap checks first: most lines of a page are paragraphs or single words."""
    return 8 <= len(text) <= MAX_TITLE_CHARS and (" " in text or not text.isascii()) and (
        not text.startswith(("#", "(", "[")) or _PAREN_KICKER.match(text) is not None) and not text.endswith(
        (".", ":", ";", ","))


# "(LEAD) Headline", "(2nd LD) Headline", "(Summit) Headline": an agency's kicker in parentheses before the
# headline's words (at least KICKER_REST_WORDS of them).
_PAREN_KICKER = re.compile(rf"^\([^()]{{2,30}}\)\s+(?:[^\s()]+\s+){{{KICKER_REST_WORDS - 1},}}[^\s()]+")


def _date_like(text: str) -> bool:
    """A short line that is mostly a date: the quick pattern, else the general date finder (numeric month-first
    and day-first dates, weekday-led stamps: "Tue, 06/13/2023 - 14:05")."""
    if len(text) > rules.MAX_DATE_LINE:
        return False
    if len(text.split()) <= 8 and rules.DATE_HINT.search(text):
        return True
    # A labelled stamp or a line mostly made of its date: "Last modified on Mon 10 Apr 2023 14.05 BST".
    return any(hit.year is not None and (hit.label is not None or 2 * (hit.end - hit.start) >= len(text))
               for hit in find_dates(text))


# How far after a stamp's label its dated stamp starts on a stamp row.
_STAMP_REACH = 30
# "Editor's Note:", "Writer's note:": a label whose words carry an apostrophe opens a note over the story.
_NOTE_LABEL = re.compile(r"^[A-Z][a-z]+['’]s\s+[Nn]ote\s*[:：]")


def _anchor(text: str) -> bool:
    """A line a headline hangs over: byline, stamp, dateline, credit label or a story paragraph."""
    if rules.BYLINE.match(text) or _date_like(text) or _NOTE_LABEL.match(text) or _opens_on_a_date(text) or (
            _dated_row(text) and not _titled_date(text)) or _WROTE_BYLINE.match(text) or _NOUN_BYLINE.match(text):
        return True
    if (m := vocab.LABEL_PREFIX.match(text)) and not _kicker(text, m.end()):
        return True
    if rules.DATELINE_CITY.match(text) or rules.DATELINE_OPEN.match(text):
        return True
    return len(text.split()) >= 20 and bool(rules.SENTENCE_END.search(text))


_SLUG_WORDS = re.compile(r"https?://\S+")


def _slug_words(lines: Sequence[str]) -> list[set[str]]:
    slugs = []
    for line in lines:
        for url in _SLUG_WORDS.findall(line):
            path = url.split("://", 1)[1].partition("/")[2]
            words = {w for w in re.split(r"[^a-z0-9]+", path.lower()) if len(w) > 2 and not w.isdigit()}
            if len(words) >= 3:
                slugs.append(words)
    return slugs


# "08:25 am - Headline", "14:02 | Headline": an entry head that prefixes the time to the subject.
_TIME_PREFIX = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–—|:]\s+", re.I)
# "【Headline】": Chinese social posts set a shared story's headline in lenticular brackets.
_BRACKETS = re.compile(r"^【(?P<inner>[^【】]{6,200})】$")
# Story paragraphs above a line that put it below the story: a line there and its echoes are another story's
# (a related post, the next post's link), so its echoes there do not count.
BELOW_STORY = 2
# The capture's first line is its page title: it holds the headline when it names a site beside it.
FIRST_LINE = 1.0


def candidates(lines: Sequence[str], head: str | None = None, head_named_site: bool = False,
               masthead: bool = False) -> list[Candidate]:
    """Every title-like line near the top, scored; best first, earliest first on ties.

    ``lines`` start with the capture's first line; ``head`` is the headline that line gives once a
    site name is cut from it (``head_named_site``). A ``masthead`` first line is the site's name:
    neither it nor its echoes are candidates.
    """
    window = list(lines[:SEARCH_LINES])
    folds = [fold_text(x) for x in lines]
    counts: dict[str, int] = {}
    for at, folded in enumerate(folds):
        if not at or folded != folds[at - 1]:  # a line printed again right under itself is one printing
            counts[folded] = counts.get(folded, 0) + 1
    title_fold = folds[0] if folds else ""
    line_folds = set(folds)
    trail_ends = {fold_text(_TRAIL_PARTS.split(x)[-1]) for x in window if _TRAIL.match(x) or vocab.BREADCRUMB.match(x)}
    site_folds = {title_fold, fold_text(head or "")} if masthead else set()
    if head_named_site and head and lines and head in lines[0]:
        # The site's name the first line printed beside its headline (its masthead, its copyright line) is no
        # headline: one line is not both the site and the story.
        site_folds.add(fold_text(lines[0].replace(head, "", 1).strip(" -|–—:·»«/")))
        site_folds.discard("")
    slugs = _slug_words(lines)
    first_at: dict[str, int] = {}
    for index, folded in enumerate(folds):
        first_at.setdefault(folded, index)
    found, titled = [], set()  # titled: the title-like lines so far (a run of them is a list: highlights, links)
    depth, story_above, paragraphs_above, first_paragraph = -1, False, 0, len(lines)
    for index, line in enumerate(window):
        depth += index == 0 or not _menu_word(window[index - 1])
        if index > 0 and _paragraph(window[index - 1]):
            story_above, paragraphs_above = True, paragraphs_above + 1
            first_paragraph = min(first_paragraph, index - 1)
        if index + 1 < len(window) and folds[index + 1] == folds[index] and index:
            continue  # a blog theme prints its post's title twice or more in a row: the last copy stands for them
        text = head if index == 0 and head else line
        text = _TIME_PREFIX.sub("", text)
        if index and " | " in text:
            text = _without_page_name(text, line_folds)
        if (bracketed := _BRACKETS.match(text)) is not None:
            text = bracketed.group("inner").strip()
        shape = _trailing_off(text, window, index)  # the words a title trailing off on an ellipsis is judged by
        if not _may_be_title(shape) or rules.PHOTO_CREDIT_CLOSE.search(text):
            continue  # a paragraph closed by its photo's credit ("… on Monday. (AFP Photo)") is a story's, no title
        features = describe(index, shape)
        if not title_like(features, shape) or _SHARE_ROW_HEAD.match(text) or _NOUN_BYLINE.match(text):
            continue  # ("Share this on" over its buttons: the share row's head; "Article by WN.com": a byline)
        titled.add(index)
        score, why = -DEPTH * depth, []
        folded = fold_text(text)
        if folded in site_folds:
            continue
        if index == 0:
            score += FIRST_LINE if head_named_site else 0.0
            why.append("the capture's title line" + (" naming its site" if head_named_site else ""))
        below_story = paragraphs_above >= BELOW_STORY and first_at.get(folded, index) > first_paragraph
        if (2 <= counts.get(folded, 0) + (index == 0 and folded != folds[0]) <= 3 and not below_story) or (
                index and folded in title_fold and len(folded) * 2 >= len(title_fold)) or (
                index and folded in trail_ends and len(folded.split()) >= MIN_HEADLINE_WORDS):
            score += ECHOED
            why.append(_ECHO_WHY)
        if _anchored(window, index):
            score += ANCHORED
            why.append(_ANCHOR_WHY)
            top = _first_copy(folds, index)  # (the lines above the run of its copies: a list of titles or not)
            if not story_above and _hangs_story(window, index) and not {top - 1, top - 2} <= titled:
                score += STORY
                why.append(_STORY_WHY)
        words = {w for w in re.split(r"[^a-z0-9]+", folded) if len(w) > 2}
        if slugs and words and any(len(words & slug) * 10 >= 6 * len(words) for slug in slugs):
            score += SLUG
            why.append(_SLUG_WHY)
        if 5 <= features.words <= 20 or features.cjk:
            score += SHAPE
        if digest_title(text) and _items_below(window, index) >= MIN_DIGEST_ITEMS:
            score += DIGEST
            why.append(_DIGEST_WHY)
        if paragraphs_above >= BELOW_STORY:
            score -= BELOW
            why.append("below the story's paragraphs")
        found.append(Candidate(text, index, score, "; ".join(why) or "title-like line"))
    found = _decks_under_headlines(_over_a_teaser(found, window), window)
    found.sort(key=lambda c: (-c.score, c.index))
    return found


# "Headline | TOPIC NAME |": a curation page's or a section's name after a bar, printed alone elsewhere on the page.
_BAR_SUFFIX = re.compile(r"^(?P<head>.+?)\s+\|\s+(?P<name>[^|]{2,60}?)\s*\|?\s*$")


def _without_page_name(text: str, line_folds: set[str]) -> str:
    """The line without a name after its bar that the page prints alone on a line of its own (a topic's, a
    section's, the site's): one line is not both the headline and the page's name."""
    m = _BAR_SUFFIX.match(text)
    if m is None or len(m.group("head").split()) < MIN_HEADLINE_WORDS or fold_text(m.group("name")) not in line_folds:
        return text
    return m.group("head")


def _decks_under_headlines(found: list[Candidate], window: Sequence[str]) -> list[Candidate]:
    """A standfirst the story hangs from, under a shorter line the story hangs from past only its byline or stamp
    rows, is that headline's deck: it gives the story to the headline above it."""
    hanging = {c.index: c for c in found if _STORY_WHY in c.why}
    out = []
    for c in found:
        above = next((i for i in range(c.index - 1, max(-1, c.index - STORY_REACH - 1), -1) if i in hanging), None)
        if above is not None and _STORY_WHY in c.why and _deck(c.text) and not _deck(hanging[above].text) and all(
                _anchor(x) for x in window[above + 1:c.index]):
            c = Candidate(c.text, c.index, c.score - STORY, c.why.replace(_STORY_WHY, _DECK_WHY))
        out.append(c)
    return out


def _first_copy(folds: Sequence[str], index: int) -> int:
    """The first of the copies of the line printed one right under the other down to it."""
    while index > 0 and folds[index - 1] == folds[index]:
        index -= 1
    return index


def _over_a_teaser(found: list[Candidate], window: Sequence[str]) -> list[Candidate]:
    """A line the story seems to hang from, when another such line stands a few lines below it past a paragraph:
    that paragraph was a photo's caption or a teaser, and the story hangs from the lower line (a site's tagline over
    a caption; a caption over the headline). A byline between them is the upper line's: it is the headline."""
    hanging = [c.index for c in found if _STORY_WHY in c.why]
    out = []
    for c in found:
        lower = next((i for i in hanging if c.index < i <= c.index + STORY_REACH + 1), None)
        between = window[c.index + 1:lower] if lower is not None else ()
        if between and _STORY_WHY in c.why and any(
                _paragraph(x, OPENING_WORDS) or _cut_paragraph(x) for x in between) and not any(
                rules.BYLINE.match(x) or _WROTE_BYLINE.match(x) for x in between):
            c = Candidate(c.text, c.index, c.score - STORY, c.why.replace(_STORY_WHY, _TEASER_WHY))
        out.append(c)
    return out


def _anchored(window: Sequence[str], index: int) -> bool:
    """The next lines that are not chrome include an anchor before any other title-like line."""
    seen = chrome = 0
    for text in window[index + 1:]:
        if paywall_promo(text):
            continue  # a subscription advert's lines are one block, however many
        if vocab.CHROME_LINE.match(text) or rules.FURNITURE.match(text):
            chrome += 1
            if chrome >= MENU_LINES:
                return False  # a menu stands between: the line is the site's (a tagline), not a story's
            continue
        if _anchor(text):
            return True
        seen += 1
        if seen >= ANCHOR_REACH or (_may_be_title(text) and title_like(describe(0, text), text)):
            return False
    return False


# How many lines a byline/stamp block under a headline may take before its story starts.
STORY_REACH = 6
# A story's first paragraph: at least this many words, ending a sentence.
STORY_WORDS = 20


def _hangs_story(window: Sequence[str], index: int) -> bool:
    """The first story paragraph follows the line, past only bylines, stamps, labels, captions and chrome;
    a site's tagline is followed by a capture-day stamp and then menus or other headlines instead. (Only
    asked of lines above every paragraph.)"""
    decks = 0
    for text in itertools.islice((x for x in window[index + 1:] if not paywall_promo(x) and not _share_row(x)),
                                 STORY_REACH):
        if _paragraph(text, OPENING_WORDS) or _cut_paragraph(text):
            return True
        if not decks and _deck(text):
            decks += 1  # the headline's standfirst under its byline row: the story follows it
            continue
        if rules.DATELINE_CITY.match(text) or rules.DATELINE_OPEN.match(text):
            return True
        if not (_anchor(text) or vocab.CHROME_LINE.match(text) or rules.FURNITURE.match(text)
                or caption(text) or _ACCOUNT_PROMPT.search(text) or _NAME_LINE.match(text)
                or _SHARE_BUTTON.match(text)):
            return False
    return False


# A standfirst (deck) runs longer than most headlines: at least this many words, ending no sentence.
DECK_WORDS = 14


def _deck(text: str) -> bool:
    """A headline's standfirst: a long line of words ending no sentence, shaped like a title."""
    return len(text.split()) >= DECK_WORDS and _may_be_title(text) and title_like(describe(0, text), text)


# A share row's buttons, one a line ("Compartir", "Facebook", "Twitter", "0"), between a byline and its story.
_SHARE_WORD = re.compile(r"^(?:\d{1,4}|share|shares|compartir|partager|teilen|condividi|bagikan|facebook|twitter|x|"
                         r"whatsapp|telegram|linkedin|pinterest|email|e-mail|print|reddit)$", re.I)


def _share_row(text: str) -> bool:
    return len(text) <= 12 and _SHARE_WORD.match(text.strip()) is not None


# "Inter Press Service", "Maria Lopez": a name alone on a line of the byline block (an outlet's, a writer's).
_NAME_LINE = re.compile(r"^[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|de)){1,3}$")
# "Please, Log in or Register to view URLs content!": a forum's placeholder for a link it hides from guests.
_ACCOUNT_PROMPT = re.compile(r"(?i:\b(?:log ?in|sign ?in|register|sign up)\b.{0,30}\bto (?:view|see|access)\b)")


def _paragraph(text: str, words: int = STORY_WORDS) -> bool:
    """A paragraph of prose: a line within the story, never over it (a headline inside a story is a crosshead)."""
    return len(text) >= words * 4 and len(text.split()) >= words and bool(rules.SENTENCE_END.search(text))


# A story may open on one short sentence ("The following are the main stories of the day.").
OPENING_WORDS = 12
_LIST_MARKS = re.compile(r"\s[•·|]\s")


def _cut_paragraph(text: str) -> bool:
    """A long run of words that a bad wrap cut before its sentence ended; a ticker's run of headlines,
    parted by bullets or bars, is none."""
    return len(text.split()) >= STORY_WORDS and _LIST_MARKS.search(text) is None


def caption(text: str) -> bool:
    """A photo's caption: its credit closes it ("… (Photo: VNA)", "… on Monday. REUTERS/Lesley Martin")."""
    if text.endswith((")", "]")) and rules.CAPTION_CREDIT.search(text):
        return True
    if "." in text and _IMAGE_FILE.search(text):
        return True  # "EU, european union flag, zastava.jpg": an image's file name, its alt text
    return _CREDIT_TAIL.search(text[-120:]) is not None or _LABELLED_CREDIT_TAIL.search(text[-80:]) is not None


# "… on Monday. REUTERS/Lesley Martin", "… in Kabul. AP Photo/Rahmat Gul": an agency/photographer credit after
# the caption's last sentence.
_CREDIT_TAIL = re.compile(r"[.!?]\s+(?:[A-Z][A-Za-z]+(?: [Pp]hoto)?\s?/\s?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
                          r"|(?:[A-Z][A-Za-z]*\s+)?(?:File )?(?:Photo|Photos|Pic|Picture|Image)"
                          r"(?:\s*[:/]\s*[A-Z][\w .'’-]{1,40})?)$")


# "… (not pictured) Picture: Getty Images)", "… the harbour. Photo: Jane Doe": a photo credit under its label
# closing a caption (a stray bracket after it, where the capture lost the opening one).
_LABELLED_CREDIT_TAIL = re.compile(r"\s(?:photo|picture|image|pic|foto)s?(?:\s+(?:by|credit))?\s*[:：]\s*"
                                   r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s*[)\]]?$", re.I)


# "Thread title | Page 7 | Forum": a later page of a running thread, whose posts each carry their own story.
_THREAD_PAGE = re.compile(r"(?:\s[|–—-]\s|\s)Page\s+(?:[2-9]|\d{2,})(?:\s+of\s+\d+)?(?:\s[|–—-]\s|$)")


def thread_page(first: str) -> bool:
    """The capture's title names a later page of a forum thread: its title is the thread's, the story's headline
    stands in a post on the page."""
    return "Page" in first and _THREAD_PAGE.search(first) is not None


def site_block(lines: Sequence[str]) -> bool:
    """The capture opens on the site's masthead: its first line is "Site - Tagline" and the next lines print
    both parts alone (a site's name and its tagline, not a story's headline and its site)."""
    if not lines:
        return False
    first = lines[0]
    for sep in rules.TITLE_SEPARATORS:
        left, found, right = first.partition(sep)
        if found and left.strip() and right.strip():
            near = {fold_text(x) for x in lines[1:4]}
            return fold_text(left) in near and fold_text(right) in near
    return False


def _menu_word(text: str) -> bool:
    """A line of one or two words without a sentence: a menu item, a section name, a control."""
    return len(text.split()) <= 2 and not text.endswith((".", "!", "?"))


def choose(lines: Sequence[str], head: str, head_named_site: bool, masthead: bool = False,
           in_post: bool = False) -> Candidate | None:
    """The headline the evidence picks over the capture's first line, or None to keep that line. ``in_post``:
    the story is pasted in a post of a thread page, so only a line the story hangs from is its headline."""
    ranked = candidates(lines, head, head_named_site, masthead)
    if in_post:
        ranked = [c for c in ranked if _STORY_WHY in c.why]
    if not ranked or ranked[0].index == 0 or ranked[0].score < MIN_SCORE:
        return None
    first = next((c for c in ranked if c.index == 0), None)
    if first is not None and len(first.text.split()) >= MIN_HEADLINE_WORDS and not (
            _ECHO_WHY in ranked[0].why or _SLUG_WHY in ranked[0].why or _hung_from(ranked[0], first)):
        return None  # a headline-shaped first line gives way only to a line the page itself confirms
    return ranked[0]


# Lines between a tagline first line and the headline the story hangs from (menus, more taglines); a headline's
# standfirst or kicker stands closer under it.
TAGLINE_GAP = 3


def _hung_from(best: Candidate, first: Candidate) -> bool:
    """The story hangs from the best line, and the first line, which the page prints nowhere else, hangs over
    no byline, stamp or paragraph and stands more than TAGLINE_GAP lines above it: it is the site's tagline
    ("Serving the community since 1990") over its menus, not a headline over its own standfirst or kicker."""
    return _STORY_WHY in best.why and _ANCHOR_WHY not in first.why and _ECHO_WHY not in first.why and (
        len(best.text.split()) >= MIN_HEADLINE_WORDS) and best.index - first.index > TAGLINE_GAP


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
# A site's name is short; a first line longer than this is never read as one.
MAX_MASTHEAD_WORDS = 6


def masthead(first: str, lines: Sequence[str], is_name: Callable[[str], bool]) -> bool:
    """The capture's first line is the site's name, not a headline: an outlet's bare name (an agency's
    own page), or the name its copyright line prints ("© 2020 Site Name")."""
    if len(first.split()) > MAX_MASTHEAD_WORDS or headline_ends(first):
        return False
    if is_name(first):
        return True
    folded = fold_text(first)
    return any(len(line) <= 120 and _COPYRIGHT.search(line) and folded in fold_text(line) for line in lines[-25:])


def headline_ends(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":"))


# A first line this long is headline-shaped (a site's name is shorter).
MIN_HEADLINE_WORDS = 5
_ECHO_WHY, _SLUG_WHY, _STORY_WHY = "echoed on the page", "spelled by a URL slug", "the story follows"
_ANCHOR_WHY = "above a byline, stamp or the first paragraph"
_DIGEST_WHY = "a digest's title over its items"
_TEASER_WHY = "over a caption or teaser, another headline below it"
_DECK_WHY = "the standfirst of the headline above it"


def headline_shaped(text: str) -> bool:
    """A title-like line of several words: a headline rather than a site's, app's or document's name."""
    return len(text.split()) >= MIN_HEADLINE_WORDS and _may_be_title(text) and title_like(describe(0, text), text)


# A page of headlines: at least this many headlines, each over its own credit or stamp row.
MIN_LISTED = 4


def listing(lines: Sequence[str]) -> bool:
    """A list of stories (an index, a wire page): headline after headline, each over a stamp row, right
    below it or below the one teaser paragraph the index prints under each headline."""
    listed = 0
    for index, text in enumerate(lines[:-1]):
        following = lines[index + 1]
        if not _date_like(following) and not (
                index + 2 < len(lines) and _date_like(lines[index + 2]) and _teaser(following)):
            continue
        if _may_be_title(text) and title_like(describe(0, text), text):
            listed += 1
    return listed >= MIN_LISTED


# A teaser is one short paragraph: a story's own paragraphs under its headline run longer than this.
MAX_TEASER_WORDS = 60


def _teaser(text: str) -> bool:
    return bool(rules.SENTENCE_END.search(text)) and len(text.split()) <= MAX_TEASER_WORDS


# "2 hours 28 min ago", "Updated 3 hrs ago", "il y a 6 mois", "hace 3 días", "vor 2 Stunden", "5 分钟前": a relative
# time, the site's clock beside a post (a date trap, never a headline).
_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|mos?|years?|yrs?|"
         r"secondes?|heures?|jours?|semaines?|mois|ans?|années?|segundos?|minutos?|horas?|días?|dias?|semanas?|"
         r"meses|mes|años?|anos?|sekunden|minuten|stunden?|tagen?|wochen?|monaten?|jahren?|detik|menit|jam|hari|"
         r"minggu|bulan|tahun|timmar?|dagar?|veckor?|månader?|år)")
_AMOUNT = rf"(?:\d+|an?|one|un|une|una|uno|einer?|einem)\s*{_UNIT}\b\.?"
_RELATIVE_LINE = re.compile(
    rf"^(?:(?:updated|posted|published|submitted|edited|last updated|modified)\s*:?\s+)?"
    rf"(?:(?:about|over|almost|nearly|just)\s+)?"
    rf"(?:(?:{_AMOUNT}[\s,]*(?:and\s+)?)+(?:ago|lalu|yang lalu|sedan|siden)"
    rf"|(?:il y a|hace|há|vor|för|fa)\s+(?:{_AMOUNT}[\s,]*(?:et\s+|y\s+|e\s+|und\s+)?)+)"
    rf"(?:\s+(?:by|par|por|von)\s+\S.*)?$"
    r"|^\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|个月|年)前$", re.I)
# "This news has been read 6808 times!", "Viewed 1,234 times", "Hits: 532", "1.2k views": a page's counter.
_READ_COUNTER = re.compile(
    r"\b(?:read|viewed|seen|visited|accessed|opened|clicked|downloaded)\s+[\d,.]+\s*(?:times|x)\b"
    r"|^(?:views?|hits|reads|visits|pageviews|page views)\s*[:：]\s*[\d,.]+\s*k?$"
    r"|^[\d,.]+\s*k?\s+(?:views|reads|hits|visits|pageviews)\b", re.I)
# A post's counter and its action buttons ("1204 comments share save hide report", "37 points · reply · permalink",
# "Like Reply Share"): a counter's number and its word, or the buttons alone, each word one of the row's controls.
_ACTIONS = (r"share|save|saved|hide|report|reply|replies|permalink|embed|flag|like|likes|unlike|upvote|downvote|"
            r"vote|retweet|repost|quote|bookmark|follow|subscribe|award|give award|crosspost|edit|delete|more|"
            r"copy link|print|e-?mail|tweet|pin|comment|comments|points?|votes?|views?")
_ACTION_ROW = re.compile(
    rf"^(?:[\d,.]+\s*k?\s+(?:{_ACTIONS})(?:\s*[·|•,]?\s*(?:{_ACTIONS}))+"
    rf"|(?:{_ACTIONS})(?:\s*[·|•,]?\s*(?:{_ACTIONS})){{2,}})\s*$", re.I)
# "From Nurul Huda Kamaruddin": a portal's byline opened by "From", a name and nothing after it.
_FROM_BYLINE = re.compile(r"^(?:From|Von|De|Dari|Par)\s+[A-Z][\w'’.-]+(?:\s+(?:bin|binti|al|el|de|da|van|von|"
                          r"[A-Z][\w'’.-]+)){1,4}$")
# "by admin", "By Jane Roe": a by-line of a name or handle alone (no sentence goes on after it).
_BARE_BY = re.compile(r"^[Bb]y\s+(?P<name>[^\s.,;:!?]+(?:\s+[^\s.,;:!?]+){0,2})$")
# Words a headline's capitalised phrase after "From" holds that no name does.
_NOT_NAME_WORDS = frozenset(("With", "To", "The", "And", "For", "In", "On", "At", "Of", "A", "An", "Is", "Are", "Was",
                             "Will", "Into", "Over", "After", "Before", "Across", "Around", "Amid", "Against"))
# A relative time, a counter, a byline is short: a line longer than this is none of them.
MAX_OTHER_ROLE_CHARS = 120


@lru_cache(maxsize=8192)
def other_role(text: str) -> str | None:
    """What another of the page's readers takes the line for (a byline, a poster's row, a relative time, a page's
    counter), or None: one line is one thing, so a line read as any of these is never the headline."""
    if len(text) > MAX_OTHER_ROLE_CHARS:
        return None
    if _FROM_BYLINE.match(text) and not _NOT_NAME_WORDS.intersection(text.split()[1:]):
        return "byline"
    if (m := _BARE_BY.match(text)) is not None and posters.poster_shaped(m.group("name")):
        return "byline"  # "by admin" alone under a headline: a theme's author line, never the headline's last words
    if posters.poster_row(text) is not None:
        return "poster's row"
    digits = any(map(str.isdigit, text))
    if digits and (_COUNTER.match(text) or _READ_COUNTER.search(text)):
        return "counter"
    if _ACTION_ROW.match(text):
        return "counter"
    if digits and (m := COMMA_TOKEN_LINE.match(text)) and any(hit.year for hit in find_dates(m.group("date"))):
        return "dateline"  # "Jeddah, 12 Safar 1443 H, 19 September 2021, SPA": the story's credit line over it
    if _RELATIVE_LINE.match(text.strip()) or (len(text.split()) <= 3 and any(
            hit.trap == "relative" and 2 * (hit.end - hit.start) >= len(text) for hit in find_dates(text))):
        return "relative time"
    return None


# "Kyodo news summary -5-", "VIETNAM NEWS HEADLINES AUGUST 19", "Morning Briefing, March 3": a digest names itself
# and its edition (a day, a number); its items below are each a headline over its story.
_DIGEST_WORD = re.compile(r"(?i:\b(?:summary|summaries|round-?up|headlines|digest|briefing|bulletin|news in brief|"
                          r"in brief|wrap-?up|top stories)\b)")
_EDITION_NUMBER = re.compile(r"(?:-\s?\d{1,3}\s?-|\b(?:No\.?|Nr\.?|#)\s?\d{1,4}\b|\(\d{1,3}\))")
# Items a digest holds at least; how far below its title they are looked for.
MIN_DIGEST_ITEMS = 2
DIGEST_REACH = 40
# Lines between an item's headline and its first paragraph at most (a hard-wrapped capture's scrap of a line).
ITEM_REACH = 2


def digest_title(text: str) -> bool:
    """A digest's title: a digest's word and its edition (a day, with or without its year, or a number)."""
    if len(text) > 100 or _DIGEST_WORD.search(text) is None:
        return False
    return _EDITION_NUMBER.search(text) is not None or any(
        hit.trap in (None, "yearless") and hit.end > hit.start for hit in find_dates(text))


def _items_below(window: Sequence[str], index: int) -> int:
    """Items below a line: title-like lines each over a paragraph (right under it, or under the scrap of a broken
    line)."""
    items = 0
    below = window[index + 1:index + 1 + DIGEST_REACH]
    for at, text in enumerate(below[:-1]):
        if _may_be_title(text) and title_like(describe(0, text), text) and any(
                _paragraph(x, OPENING_WORDS) or _cut_paragraph(x) for x in below[at + 1:at + 1 + ITEM_REACH]):
            items += 1
    return items
