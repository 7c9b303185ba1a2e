"""The story's span: detectors score where the walk's run of prose really starts and ends and which lines inside
it are furniture; one resolver picks a consistent span and says why each boundary won.

The walk (extract/lines.py) keeps every prose line between the headline and what closes the story. Around
the story, pages print prose-like furniture the walk cannot tell apart line by line: the headline again
as the first paragraph, a highlight or the site's tagline above the datelined first paragraph, a login
prompt, related stories' headlines, a rights notice or a platform's footer under the last paragraph, a
photo's caption printed twice. Each line at the edges of the run is described by features; a feature
adds its weight (bench/fit_resolver.py sweeps them leave-one-set-out) and a line whose score reaches
FURNITURE_SCORE is furniture. The tie-breaks:

- the story starts below the run of lines scoring LEAD_SCORE at its top (at most LEAD_REACH lines: headlines,
  decks and standfirsts ending no sentence, a photo's caption closing with its credit; a lead-in ending with
  a colon, or a line whose sentence the next line carries on, ends the run), and ends above the longest run
  of furniture at its bottom (at most TAIL_REACH lines);
- the span always keeps at least one paragraph that ends a sentence: when the edges would meet, the
  walk's run stands as it is;
- a feed's excerpt with its footer ("The post X appeared first on Y") above the whole story: the story
  starts at its first paragraph printed again below the footer;
- a paragraph opening with a separator run ("*****", "-----") closes the story: the span ends above it;
- below the story's first sentence-ending paragraph, a short line reaching CUT_SCORE (the head of a comment or
  a reply, a prompt to reply, a footer) ends the story wherever it stands, with the readers' prose under it;
- a short label the capture ran into the first paragraph ("Adjust font size:", "Published time: <date>") goes
  when a dateline or the story's first sentence follows it;
- inside the span, a paragraph printed twice (a caption or a pull-quote: every copy), a photo credit, an
  agency's file caption ("(AFP files) In a file picture …"), a pointer to another story ("ALSO READ: …")
  and a crosshead between two sentence-ending paragraphs are dropped (a digest item's headline over its
  datelined paragraph stays).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from feeder.extract import blocks, endings, rules, vocab
from feeder.extract import lazy_re as re
from feeder.extract.dates import find_dates
from feeder.extract.shapes import is_prose
from feeder.fold import fold_text

# A line whose features add up to this is furniture. At the top, the story starts below the run of lines
# scoring LEAD_SCORE: there a line ending no sentence (a deck, a standfirst, a kicker) is furniture too,
# unless it is a lead-in ending with a colon or the next line carries on its sentence (a broken paragraph).
FURNITURE_SCORE = 1.5
LEAD_SCORE = 1.0
# Weights of the features (positive: furniture; negative: the story's own text).
NO_SENTENCE = 1.0  # ends no sentence: a heading, a related story's headline, a menu, a label
HEADLINE_SHAPED = 0.75  # and is shaped like a headline: a capital first, a few words, no label
ECHOES_HEADLINE = 2.0  # most of its words are the headline's (the headline again, or a variant of it)
DATELINE_BELOW = 1.5  # a lead line right above a paragraph that opens with a dateline (ending no sentence, or short)
SHORT_LEAD_WORDS = 12
RIGHTS_NOTICE = 4.0  # a copyright or rights notice
CLOSER = 3.0  # a line extract/endings.py classes as closing a story (footers, syndication notes, promos)
AUTHOR_NOTE = 3.0  # under the story, a note on its writer ("Name is a freelance journalist based in …")
PROMOTION = 2.0  # under the story, the site's call to get its app or follow its channel (vocab.SITE_PROMOTION)
ACCOUNT_PROMPT = 3.0  # a prompt to log in, register or reply, a comment counter
CUT_TEASER = 1.5  # a teaser of another story, cut off with "[…]"
CHROME = 2.0  # navigation, account, sharing or advert chrome (extract/vocab.py)
STORY_SENTENCES = -2.0  # a paragraph of several sentences or many words: the story's own text
CAPTION = 3.5  # above the story, a photo's caption: it closes with the photo's credit (outweighs its sentences)
FRAMING = 3.0  # above the story, the poster's or aggregator's words about it ("Copied below.", "Disclaimer: …")
POSTER_WORDS = 1.5  # a short line in the first or second person (or a question) beside a story that is in neither
POSTER_WORDS_MAX = 20  # ... has at most this many words
STAMPED_HEADLINE = 1.5  # under the story, a line ending no sentence before a time or a date: another story's item
LEAD_IN_TO_NOTHING = 1.0  # the run's last line is a label ending with a colon: it introduces nothing the story holds
LEAD_IN_LABEL_WORDS = 4  # ... a label has at most this many words (a longer lead-in is a sentence of the story's)
SEGMENTED = 0.75  # parts joined by a middle dot or a bar, ending no sentence: a site's name and tagline, a meta row
# A short line below the story's first sentence-ending paragraph that reaches CUT_SCORE ends the story wherever it
# stands: the head of a comment thread or of a reply, a prompt to reply, a footer, with readers' prose below it.
# Only the features a story sentence never has count there (a reply's head, a prompt, a closer).
CUT_SCORE = 3.0
THREAD_HEAD = 3.0  # the head of a reader's comment or reply (extract/endings.py)
# A line that cuts the story has at most this many words (a story sentence mentioning "300 comments" has more).
CUT_WORDS = 12
# At the bottom, a short line scoring this (ending no sentence: a related story's headline, a "More in this section"
# label) is furniture when it stands in one run with a line reaching FURNITURE_SCORE.
TAIL_RUN_SCORE = 1.0
# The story starts at the one datelined paragraph near the run's top when every line above it has at most this many
# words (a standfirst, a caption, a poster's note; 0: the tie-break is off).
DATELINE_START_WORDS = 40
# How many lines at each edge of the run are read as candidates.
LEAD_REACH = 6
TAIL_REACH = 6
# A headline-shaped line has at most this many words (a sentence cut off at the end of a capture has more).
HEADLINE_WORDS = 10
# ... above the story (highlights, a standfirst-like kicker), where no capture is cut off mid-sentence.
LEAD_HEADLINE_WORDS = 16
# A line echoing the headline has at most this many words.
ECHO_WORDS = 20
# A paragraph this long (words) is story text whatever else it looks like.
STORY_WORDS = 45
# Share of a line's words that must be the headline's for it to echo the headline.
ECHO_SHARE = 0.6


# Whether the run is the poster's own post (_in_own_voice), asked only when a line reads as a poster's words.
OwnVoice = Callable[[], bool] | None


@dataclass(frozen=True, slots=True)
class Span:
    """The story's paragraphs and why its boundaries stand where they do."""

    body: tuple[str, ...]
    why: str


# How a story's first paragraph opens with a dateline: "LONDON, Sept 28 —", "SEOUL/WASHINGTON -",
# "BEIJING, Jan. 1, 2023 /PRNewswire/ —", "München (dts Nachrichtenagentur) —", "Paris, Mar 3 (AFP) -".
_TOKEN = r"(?:\([^()]{2,40}\)|/[^/\s][^/]{0,28}/|\|[^|]{2,20}\|)"
_DASH = r"(?:--|—|–|-|:|\.-|_)"
OPENS_WITH_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’/-]{2,40}(?:,[^–—:()]{2,30}?)?\s*" + _TOKEN + r"?"
    r"|[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}(?:,\s*[A-Z][\w.]*(?:\s[\w.,]+){0,3}?)?\s*" + _TOKEN +
    r"|[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s*" + rules.DATELINE_DATE + r"\s*" + _TOKEN + r"?)"
    r"\s*" + _DASH + r"\s?(?=\S)")
# A ban on reproducing the site's text ("Reproduction in whole or in part without permission is prohibited.",
# "Prohibida su reproducción total o parcial", "Reproduction interdite", "Riproduzione riservata").
_REPRODUCTION = (r"\breproduction\b[^.]{0,60}(?:\bin whole or in part\b|\bwithout (?:the )?(?:prior |express )?"
                 r"(?:written )?(?:permission|consent|authori[sz]ation)\b)|"
                 r"\bprohibida (?:su|la) reproducci[oó]n\b|\bqueda prohibida\b[^.]{0,40}\breproducci[oó]n\b|"
                 r"\breproduction interdite\b|\briproduzione riservata\b|\bnachdruck\b[^.]{0,40}\bverboten\b")
# A copyright or rights notice, in the languages agencies' copy travels in.
RIGHTS = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bderechos reservados\b|"
                    r"\btous droits réservés\b|\balle rechte vorbehalten\b|\bdireitos reservados\b|版权所有|"
                    + _REPRODUCTION, re.I)
# A prompt to log in, register or reply: forum and paywall chrome inside the post's text.
PROMPT = re.compile(r"\b(?:log ?in|sign ?in|register|sign ?up)\b.{0,40}\b(?:to (?:view|read|see|post|reply|comment"
                    r"|continue)|now|later)\b|^reply to this (?:topic|thread|post)\b|"
                    r"\bview (?:more|all|the) comments\b|\b\d+\s*comment(?:s|\(s\))|"
                    r"(?:comments?|コメント|评论|評論|comentarios?|commentaires?|kommentare?)\s*[(（]\d+[)）]", re.I)
# A separator run opening a paragraph ("***** Back when …", "----"): what follows is the page's, not the story's.
SEPARATOR = re.compile(r"^(?:[*_=~#-]\s?){5,}")
# A paragraph that is a photo's credit or caption credit: "File photo (Pic: X)", "… Kim Jong Il. AFP Photo via X."
PHOTO_CREDIT = re.compile(r"[(\[]\s*(?:pic|photo|photograph|image|picture)s?\s*(?:[:：]|by\s|courtesy of\s)"
                          r"[^()\[\]]{1,60}[)\]]\s*$|"
                          r"(?:^|[.\s])(?:[A-Z]{2,10}|file|staff) (?:photo|pic|picture)s?(?: via [^.]{2,40})?\.?$",
                          re.I)
# How a photo's caption closes with its credit, in the dress agencies and portals print it: "(Photo courtesy of
# X)", "(File photo)", "Foto: A/Agency", "- Facebook pic, May 3, 2015.", "XINHUA PHOTO", ". CHINA DAILY" (an
# outlet's name in capitals after the caption's last sentence), "(Kyodo) ==Kyodo".
CAPTION_CLOSE = re.compile(
    r"(?i:[(\[]\s*(?:photos?|fotos?|pics?|pictures?|images?|files?|file photo)\b[^()\[\]]{0,60}[)\]]\.?$"
    r"|\b(?:photos?|fotos?|pics?|pictures?|images?)\s*(?:by|credit|courtesy)?\s*[:：]\s*[^.:]{2,60}$"
    r"|\s[-–—]\s*[\w .'’-]{2,30}\b(?:photo|pic|picture)s?\b[^.]{0,40}\.?$)"
    # a credit label after the caption's last sentence, its name closed by a stop ("… la vida. Foto: Ana Díaz.")
    r"|(?<=[.!?])\s+(?i:photos?|fotos?|pics?|pictures?|images?)(?i:\s*(?:by|credit|courtesy))?\s*[:：]\s*"
    r"[A-Z][^.:]{1,60}(?:\.{1,4}|…)$"
    r"|\b[A-Z]{2,12}(?:\s[A-Z]{2,12})?\s(?:PHOTOS?|PIC|FILE)$"
    r"|(?<=[.!?])\s+[A-Z]{3,12}(?:\s[A-Z]{3,12}){0,2}$"
    r"|\)\s*==\s*[A-Z]\w{1,20}$")
# How an agency's caption opens: "(AFP files) …", "In a file picture taken on …", "This photo taken on … shows".
CAPTION_OPEN = re.compile(r"^\(\s*(?:[A-Z]{2,10}\s+)?(?:files?|file photo|photo|pic)\s*\)|"
                          r"^(?:in )?(?:a|this) (?:file )?(?:picture|photo|image)(?: taken| dated| shows)\b", re.I)
# The poster's or an aggregator's words about the story that follows: a pointer down to it ("Copied below.",
# "- below is their description.", though not the agency's own "Below is the latest selection …") or the
# site's disclaimer about its source.
FRAMING_LINE = re.compile(r"\b(?:copied|pasted|quoted|posted|reproduced|shared|see|read|find)(?: it| them)? below\b|"
                          r"(?<=\S\s)below (?:is|are)\b|\bbelow\s*[:：]\s*$|^disclaimer\s*[:：]|"
                          # a translator's note on the story that follows ("Translated by X, as part of …")
                          r"^(?:this (?:article|story|report) (?:was |has been )?)?translated (?:from \w+ )?"
                          r"(?:by|for)\b",
                          re.I)
# Substrings a caption's close holds: a cheap test that spares most paragraphs the pattern.
_CAPTION_HINTS = ("hoto", "HOTO", "oto:", "ic", "IC", "icture", "mage", "ile", "ILE", "==")
# An inline pointer to another story inside the span: "ALSO READ: Headline", "Read more: …", "Lea también: …".
READ_ALSO = re.compile(r"^(?:also (?:read|see|watch)|read also|read more|read next|see also|"
                       r"related(?: (?:story|stories|articles?|news|coverage|content|posts?|reading))?|"
                       r"recommended(?: reading)?|"
                       r"(?:suggested|further|must) read(?:ing)?|more on this(?: story| topic)?|don['’]t miss|"
                       r"you (?:may|might) also like|lea también|lee también|leer también|ver también|leia também|"
                       r"veja também|lire aussi|à lire aussi|à lire également|leggi anche|lesen sie auch|lees ook|"
                       r"baca juga|اقرأ أيضا|اقرأ أيضاً)\s*[:：|»>-]\s*\S|"
                       # a pointer set off by a bar ("READ | Headline", "WATCH | …"): a portal's link, not a label
                       r"^(?:read|watch|listen)\s*\|\s*\S", re.I)
# How much of the story's first paragraph a feed's excerpt above the story repeats (excerpts are cut short).
EXCERPT_CHARS = 80
# A caption or pointer line is short: a paragraph this long is story text whatever it ends with.
MAX_DROP_WORDS = 30
# What a sentence (or a quote or bracket closing one) ends with.
_SENTENCE_MARKS = frozenset('.!?。！？…"”’»)')


def _ends_sentence(text: str) -> bool:
    last = text[-1:]
    if last.isspace():  # lines come squeezed: only then is the copy rstrip makes needed
        last = text.rstrip()[-1:]
    return last in _SENTENCE_MARKS


def _ends_sentence_signed(text: str) -> bool:
    """The paragraph ends a sentence, or does once a sign-off glued after its last stop is set aside."""
    return _ends_sentence(text) or _ends_sentence(endings.without_end_marker(text, dashed_name=True))


_SENTENCE_STOP = re.compile(r"[.!?。！？](?:\s|$)")


def resolve_span(body: Sequence[str], origins: Sequence[str], title: str) -> Span:
    """The story's span inside the walk's run of prose ``body`` (each paragraph at ``origins``)."""
    if len(body) < 2:
        start, end, start_why, end_why = 0, len(body), "the walk's run", "the walk's run"
        kept, dropped = list(body), ""
    else:
        own_voice = cache(lambda: _in_own_voice(body))  # read only where a line reads as a poster's words
        start, start_why = _start(body, title, own_voice)
        end, end_why = _end(body, title, start, own_voice)
        if not any(_ends_sentence_signed(p) for p in body[start:end]):
            start, end, start_why, end_why = 0, len(body), "the walk's run", "the walk's run"
        kept, dropped = _without_furniture(body, start, end)
    if kept and (unglued := without_glued_label(kept[0])) != kept[0]:
        kept[0] = unglued
        dropped += "; a label glued before the first paragraph left out"
    elif kept and (unglued := without_glued_video(kept[0])) != kept[0]:
        kept[0] = unglued
        dropped += "; a video's title and running time glued before the first paragraph left out"
    elif kept and (unglued := without_glued_caption(kept[0])) != kept[0]:
        kept[0] = unglued
        dropped += "; a photo's caption glued before the first paragraph left out"
    return Span(tuple(kept), _where(origins, start, end, start_why, end_why) + dropped)


# A short label run together with the story's first paragraph by the capture: page chrome ("Adjust font size:")
# or the page's own stamp ("Published time: 16 Nov, 2017 18:51"), before a dateline or a sentence.
GLUED_LABEL = re.compile(r"^[A-Z][\w'’]*(?: [\w'’]+){0,3}\s*[:：]\s+(?=\S)")
# A reporter's name and a verb of reporting as the story's lead-in ("Kelvin Tsang reports: Some 200 parcels …"): the
# byline's, not the story's sentence.
REPORTER_LEAD_IN = re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}(?:reports|writes|reported|wrote)\s*[:：]\s+")
# How far into the paragraph a glued stamp ends.
GLUED_STAMP_CHARS = 60


def without_glued_label(paragraph: str) -> str:
    """The first paragraph without a label glued before it: the rest opens with a dateline, or the label is a
    stamp's and its date is followed by the story's first sentence."""
    label = GLUED_LABEL.match(paragraph)
    if label is None:
        return paragraph
    rest = paragraph[label.end():]
    if OPENS_WITH_DATELINE.match(rest) and not OPENS_WITH_DATELINE.match(paragraph):
        return rest
    if REPORTER_LEAD_IN.match(paragraph) and _capital_first(rest.lstrip("\"“‘")) and is_prose(rest):
        return rest
    hit = next(iter(find_dates(paragraph[:label.end() + GLUED_STAMP_CHARS])), None)
    if hit is None or hit.label is None or hit.start != label.end() or hit.year is None:
        return paragraph
    after = paragraph[hit.end:].lstrip()
    return after if _capital_first(after) and is_prose(after) else paragraph


# A video's title and running time the capture ran into the first paragraph ("6 people … die from covid-19 3:47
# (CNN) — The United States …"): words ending no sentence, then minutes and seconds.
GLUED_VIDEO = re.compile(r"^[^.!?]{8,160}?\s(?:\d{1,2}:)?\d{1,2}:[0-5]\d\s+(?=\S)")
# A credit in brackets opening the story, with its dash ("(CNN) — …"): a placeless dateline.
_BRACKETED_DATELINE = re.compile(r"^\([A-Z][\w .&'’-]{1,30}\)\s*[—–-]{1,2}\s?(?=\S)")


def without_glued_video(paragraph: str) -> str:
    """The first paragraph without a video's title and running time glued before it, when a dateline follows."""
    if ":" not in paragraph[:170] or OPENS_WITH_DATELINE.match(paragraph):
        return paragraph
    video = GLUED_VIDEO.match(paragraph)
    if video is None:
        return paragraph
    rest = paragraph[video.end():]
    return rest if OPENS_WITH_DATELINE.match(rest) or _BRACKETED_DATELINE.match(rest) else paragraph


# A photo's caption the capture ran into the first paragraph, closing with its credit in brackets ("Complaints about
# fare scams chip away at trust. (File Photo) PATTAYA, Thailand - …", "… on Monday (Photo: A. Rahman) KUALA LUMPUR:
# …").
GLUED_CAPTION = re.compile(r"^[^()\[\]]{10,300}?\s*[(\[]\s*(?:[A-Z]{2,10}\s+)?"
                           r"(?:file photo|photo|pic|picture|image|foto)s?\b[^()\[\]]{0,60}[)\]]\s+(?=\S)", re.I)


def without_glued_caption(paragraph: str) -> str:
    """The first paragraph without a photo's caption and credit glued before it, when a dateline follows."""
    if ("(" not in paragraph[:300] and "[" not in paragraph[:300]) or OPENS_WITH_DATELINE.match(paragraph):
        return paragraph
    caption = GLUED_CAPTION.match(paragraph)
    if caption is None:
        return paragraph
    rest = paragraph[caption.end():]
    return rest if OPENS_WITH_DATELINE.match(rest) else paragraph


def lead_score(text: str, following: str, title: str, own_voice: OwnVoice = None) -> tuple[float, str]:
    """How much a line at the top of the run looks like furniture above the story, and the strongest reason."""
    score, why = _shared_score(text, title, LEAD_HEADLINE_WORDS)
    if following and is_caption(text):
        score += CAPTION
        why = "a photo's caption"
    elif following and ("elow" in text or "isclaimer" in text or "ranslated" in text) and FRAMING_LINE.search(text):
        score += FRAMING
        why = "words about the story below"
    if following and _poster_words(text, following) and not (own_voice and own_voice()):
        score += POSTER_WORDS
        why = why or "the poster's own words"
    if following and (not _ends_sentence(text) or len(text.split()) <= SHORT_LEAD_WORDS) and (
            OPENS_WITH_DATELINE.match(following)) and (
            not OPENS_WITH_DATELINE.match(text) and not READ_ALSO.match(following)):
        score += DATELINE_BELOW
        why = why or "a line above the datelined first paragraph"
    return score, why


def is_caption(text: str) -> bool:
    """A photo's caption: it closes with the photo's credit, or opens as agencies' captions do."""
    tail = text[-90:]
    return bool((any(hint in tail for hint in _CAPTION_HINTS) or tail.rstrip()[-1:].isupper())
                and CAPTION_CLOSE.search(tail)) or (text[:1] in "(IiAaTt" and bool(CAPTION_OPEN.match(text)))


def tail_score(text: str, title: str, above: str = "", last: bool = False, own_voice: OwnVoice = None) -> tuple[
        float, str]:
    """How much a line at the bottom of the run (``above``: the line over it; ``last``: the run's last line) looks
    like furniture under the story, and the strongest reason (``own_voice``: the run is the poster's own post, see
    _in_own_voice)."""
    score, why = _shared_score(text, title, HEADLINE_WORDS)
    if above and _poster_words(text, above) and not (own_voice and own_voice()):
        score += POSTER_WORDS
        why = why or "the poster's own words"
    if last and _lead_in_to_nothing(text):
        score += LEAD_IN_TO_NOTHING
        why = why or "a lead-in to nothing"
    if text[:1].isdigit() and endings.REACTION_COUNT.match(text):
        score += ACCOUNT_PROMPT
        why = "a reaction count"
    if any(hint in text for hint in _BIO_HINTS) and len(text.split(maxsplit=endings.AUTHOR_BIO_WORDS)) <= (
            endings.AUTHOR_BIO_WORDS) and endings.AUTHOR_BIO.match(text):
        score += AUTHOR_NOTE
        why = "a note on the writer"
    if text[:1] in _PROMOTION_OPENINGS and len(text.split(maxsplit=vocab.SITE_PROMOTION_WORDS)) <= (
            vocab.SITE_PROMOTION_WORDS) and vocab.SITE_PROMOTION.match(text):
        score += PROMOTION
        why = why or "the site's call to follow it elsewhere"
    if len(text) <= _COUNTER_CHARS and text[:1] in _COUNTER_OPENINGS and endings.PAGE_COUNTER.match(text):
        score += ACCOUNT_PROMPT
        why = "a page's counter"
    if text[-1:].isalnum() or text[-1:] == ")":
        stamp = TRAILING_STAMP.search(text, max(0, len(text) - 40))
        if stamp is not None and len(text[:stamp.start()].split()) >= 3 and not _ends_sentence(text[:stamp.start()]):
            score += STAMPED_HEADLINE
            why = why or "another story's headline and its stamp"
    return score, why


# Substrings a note on the writer holds, and the first characters a site's promotion opens with: cheap tests that
# spare most lines endings.AUTHOR_BIO and vocab.SITE_PROMOTION.
_BIO_HINTS = (" is ", " was ", " has been ", "uthor", "riter", "olumnist", "utor", "uteur", "utrice")
_PROMOTION_OPENINGS = frozenset("DdGgIiFfJjWwLlSsCcTt*•►▶-–—→>")


# A time or a numeric date closing a line ("… Banco Mundial 15:20 (20:20 GMT)", "… Sahara Issue - 10/03/2016 MAP"),
# with its zone in brackets or an agency's code after it.
TRAILING_STAMP = re.compile(r"\s(?:[-–—|]\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*[apAP]\.?[mM]\.?)?|"
                            r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})(?:\s*\([^()]{2,20}\))?(?:\s+[A-Z]{2,6})?$")


def _lead_in_to_nothing(text: str) -> bool:
    """A label ending with a colon with nothing of the story under it: a few words ("Related:", "Share this:") or a
    commenter's head ("Name says:"). A sentence leading in to what the capture lost ("The council listed the jobs
    still to do:") is the story's own last line."""
    return text.rstrip().endswith((":", "：")) and (
        len(text.split(maxsplit=LEAD_IN_LABEL_WORDS)) <= LEAD_IN_LABEL_WORDS or bool(endings.COMMENT_HEAD.match(text)))


_QUOTES = frozenset('"“”«»„「」')
# The first or second person: the poster speaking, or speaking to the reader.
# (a thanks or a hat tip speaks in the first person without the pronoun: "Thanks to X for the tip!", "H/T X")
_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|you|you'd|your|we|our)\b|"
                     r"^(?i:thanks|thank you|many thanks|h/t|hat tip)\b")
# Reported speech: a clause naming who said it closes the line ("…, one walker said.", "…, said one volunteer.",
# "…, the mayor told reporters."), or an "according to" names the source.
_ATTRIBUTION = re.compile(r",\s*(?:[\w'’.-]+\s+){0,5}(?:said|says|say|told|added|adds|explained|recalled|noted|"
                          r"insisted|wrote|writes|remarked|joked|asked|asks)\b[^,]{0,40}[.!?]?\s*$|"
                          r"\baccording to\b", re.I)


def _poster_words(text: str, beside: str) -> bool:
    """A short line in the first or second person (a question or an exclamation only when so too) beside a story
    paragraph in neither. Quotations and reported speech are the story's: the people it quotes speak so."""
    return len(text.split(maxsplit=POSTER_WORDS_MAX)) <= POSTER_WORDS_MAX and not _QUOTES.intersection(text) and bool(
        _PERSON.search(text)) and not vocab.FIRST_PERSON.search(beside) and not _ATTRIBUTION.search(text)


# A quotation inside a paragraph: the people a story quotes speak in the first person there.
_QUOTATION = re.compile(r'[“"«„][^“”"«»„]{0,400}[”"»“]')


def _in_own_voice(body: Sequence[str]) -> bool:
    """A paragraph opening the run (one of its first OWN_VOICE_REACH), longer than a poster's line, speaks in the
    first or second person outside quotations and reported speech: the run is the poster's own post (a diary, a
    column, a letter quoted in it), and its short first-person lines are its own words, not a poster's note beside
    a story pasted in the third person. (Only the opening counts: readers' replies under a story speak so too.)"""
    return any(len(p.split(maxsplit=POSTER_WORDS_MAX)) > POSTER_WORDS_MAX and _PERSON.search(_QUOTATION.sub(" ", p))
               and not _ATTRIBUTION.search(p) for p in body[:OWN_VOICE_REACH])


# How many paragraphs opening the run tell whether it is the poster's own post.
OWN_VOICE_REACH = 3


def _shared_score(text: str, title: str, headline_words: int) -> tuple[float, str]:
    reasons: list[tuple[float, str]] = []
    words = text.split(maxsplit=STORY_WORDS)  # counted up to STORY_WORDS, no further
    if not _ends_sentence(text):
        reasons.append((NO_SENTENCE, "ends no sentence"))
        if _capital_first(text) and 3 <= len(words) <= headline_words and not text.rstrip().endswith((":", "：")) and (
                not blocks.mid_sentence(text)):  # a sentence cut off mid-way, or a lead-in to a list, is no headline
            reasons.append((HEADLINE_SHAPED, "a headline's shape"))
    if text.rstrip().endswith(_TEASER_ENDS):
        reasons.append((CUT_TEASER, "a teaser cut off with a bracketed ellipsis"))
    if not _ends_sentence(text) and (" · " in text or " | " in text):
        reasons.append((SEGMENTED, "parts joined by a dot or a bar"))
    if len(text) <= _CHROME_CHARS and vocab.CHROME_LINE.match(text):
        reasons.append((CHROME, "site chrome"))
    if len(words) <= ECHO_WORDS and _echoes(text, title):
        reasons.append((ECHOES_HEADLINE, "echoes the headline"))
    if len(text) <= endings.MAX_CLOSER_CHARS:
        if any(hint in text for hint in _RIGHTS_HINTS) and RIGHTS.search(text):
            reasons.append((RIGHTS_NOTICE, "a rights notice"))
        if endings.closes_story(text):
            reasons.append((CLOSER, "a footer or note that closes a story"))
        if any(hint in text for hint in _PROMPT_HINTS) and PROMPT.search(text):
            reasons.append((ACCOUNT_PROMPT, "a prompt to log in or reply"))
    if len(words) >= STORY_WORDS or (len(words) >= 12 and len(_SENTENCE_STOP.findall(text)) >= 2):
        reasons.append((STORY_SENTENCES, "story sentences"))
    score = sum(weight for weight, _ in reasons)
    strongest = max((r for r in reasons if r[0] > 0), default=(0.0, ""))[1]
    return score, strongest


def _capital_first(text: str) -> bool:
    """The line opens with a capital, or with a letter of a script without capitals (Arabic, Hebrew, CJK)."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


# How a teaser of another story ends: its text cut off.
_TEASER_ENDS = ("[…]", "[...]")
# Chrome lines are short.
_CHROME_CHARS = 80
# Substrings a line RIGHTS or PROMPT matches holds: a cheap test that spares most lines the patterns.
_RIGHTS_HINTS = ("©", "opyright", "OPYRIGHT", "eserv", "(c)", "(C)", "版权", "echte", "eproduc", "EPRODUC",
                 "iproduzione", "achdruck")
_PROMPT_HINTS = ("og", "ign", "egist", "eply", "omment", "OG", "IGN", "OMMENT", "コメント", "评论", "評論", "oment",
                 "ommentaire")


def _echoes(text: str, title: str) -> bool:
    """Most of the line's words are the headline's."""
    words = fold_text(text).split()
    headline = _title_words(title)
    return bool(words) and sum(w in headline for w in words) >= ECHO_SHARE * len(words)


@lru_cache(maxsize=4)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(fold_text(title).split())


def _start(body: Sequence[str], title: str, own_voice: OwnVoice = None) -> tuple[int, str]:
    """Tie-break: the story starts below the last strong furniture line of the run of furniture at the top."""
    start, why = 0, "the walk's first prose line"
    for index in range(1, min(LEAD_REACH, len(body) - 1)):
        if body[index + 1][:EXCERPT_CHARS] == body[0][:EXCERPT_CHARS] and endings.FEED_FOOTER_ANY.match(body[index]):
            # Tie-break: a feed's excerpt and its footer above the whole story: the story starts again below.
            return index + 1, "below a feed's excerpt and its footer"
    for index in range(min(LEAD_REACH, len(body) - 1)):
        score, reason = lead_score(body[index], body[index + 1], title, own_voice)
        following = body[index + 1]
        if score < LEAD_SCORE or (score < FURNITURE_SCORE and body[index].rstrip().endswith((":", "："))) or (
                score < CAPTION and (following[:1].islower() or following[:1] in "([（" or (
                    score < FURNITURE_SCORE and blocks.mid_sentence(body[index])))):
            # The story's text, a lead-in to what follows (a list of the poster's links), or a paragraph broken
            # across two lines (the next carries on its sentence).
            break
        start, why = index + 1, f"below furniture ({reason}, score {score:.2f})"
    dated = _dateline_start(body, start)
    if dated is not None:
        start, why = dated, "the datelined first paragraph (short lines above it: a standfirst, a caption)"
    return start, why


def _dateline_start(body: Sequence[str], start: int) -> int | None:
    """Tie-break: the story starts at its dateline. The one paragraph of the run opening with a dateline, near its
    top, is the story's first; the short lines above it (a standfirst ending its sentence, a caption, the poster's
    note) are not the story. A digest (several datelined items) and a long paragraph above keep the run as it is."""
    if DATELINE_START_WORDS <= 0 or start >= len(body) or _opens_with_dateline(body[start]):
        return None  # (most runs: no dateline, or the story's first paragraph holds it)
    dated = next((i for i in range(start + 1, min(LEAD_REACH, len(body))) if _opens_with_dateline(body[i])), None)
    if dated is None or not _ends_sentence_signed(body[dated]) or any(
            _opens_with_dateline(p) for p in body[dated + 1:]):
        return None
    above = body[start:dated]
    if not _ends_sentence(above[-1]) and any(_ends_sentence(p) for p in above[:-1]):
        return None  # a story, then an item's headline over its dateline: a digest's items
    short = all(len(p.split(maxsplit=DATELINE_START_WORDS)) <= DATELINE_START_WORDS for p in above)
    return dated if short else None


def _opens_with_dateline(text: str) -> bool:
    """The paragraph opens with a dateline, not a label in capitals ("UPDATE:", "BACKGROUND -")."""
    found = OPENS_WITH_DATELINE.match(text) if text[:1].isupper() else None
    return found is not None and not vocab.CAPS_LABEL.match(found.group(0))


def _end(body: Sequence[str], title: str, start: int, own_voice: OwnVoice = None) -> tuple[int, str]:
    """Tie-break: the story ends above the longest run of furniture lines at the bottom."""
    end, why = len(body), "the walk's last prose line"
    separator = next((i for i in range(start + 1, len(body)) if SEPARATOR.match(body[i])), None)
    if separator is not None:  # tie-break: a separator closes the story, whatever follows it
        end, why = separator, "above a separator"
    cut = _thread_cut(body, start, end)
    if cut is not None:
        end, why = cut
    notice = _rights_notice_above_links(body, start, end)
    if notice is not None:
        end, why = notice, "above a rights notice (only lines ending no sentence below it)"
    anchored = ""  # why the run at the bottom holds a line that is furniture by itself
    for index in range(end - 1, max(start, end - 1 - TAIL_REACH), -1):
        text = body[index]
        score, reason = tail_score(text, title, body[index - 1] if index > start else "", index == len(body) - 1,
                                   own_voice)
        if score >= FURNITURE_SCORE:
            anchored = f"above furniture ({reason}, score {score:.2f})"
        elif score < TAIL_RUN_SCORE or len(text.split(maxsplit=LEAD_HEADLINE_WORDS)) > LEAD_HEADLINE_WORDS or (
                _ends_sentence_signed(text) or _SENTENCE_STOP.search(text)):
            break  # (a sentence inside the line: the story's last paragraph, a credit glued after its stop)
        if anchored:  # tie-break: a short line ending no sentence goes with the furniture run it stands in
            end, why = index, anchored
    return end, why


# A site's rights notice: "Copyright" and a year, "All rights reserved", "may not be published" (a story's sentence
# about copyright law names none of these; a bare "© Name" is a photo's credit as often as a site's notice).
RIGHTS_NOTICE_SHAPE = re.compile(r"\bcopyright\s*(?:©\s*)?(?:\d{4}|\(c\))|\ball rights reserved\b|"
                                 r"\bmay not be (?:re)?published\b|"
                                 r"\bderechos reservados\b|\btous droits réservés\b|\balle rechte vorbehalten\b|"
                                 r"\bdireitos reservados\b|版权所有|" + _REPRODUCTION, re.I)


def site_rights_notice(text: str) -> bool:
    """A site's or an agency's rights notice on a line of its own (short): under the story, the story is over."""
    return len(text) <= endings.MAX_CLOSER_CHARS and any(hint in text for hint in (*_RIGHTS_HINTS, "ublished")) and (
        RIGHTS_NOTICE_SHAPE.search(text) is not None)


def _rights_notice_above_links(body: Sequence[str], start: int, end: int) -> int | None:
    """Tie-break: a rights notice near the run's end closes the story when every line under it ends no sentence
    (the next story's headline, a list of links): the story ends above the notice. (A story's paragraph under the
    notice keeps it where it stands: the notice may be a photo's credit inside the story.)"""
    for index in range(end - 1, max(start, end - 1 - TAIL_REACH), -1):
        text = body[index]
        notice = site_rights_notice(text)
        if _ends_sentence(text) and not notice:
            return None
        if index < end - 1 and notice and any(_ends_sentence_signed(p) for p in body[start:index]):
            return index
    return None


def cut_score(text: str, repeated_heads: bool) -> tuple[float, str]:
    """How much a short line inside the run reads as the start of what follows a story (comments, replies)."""
    reasons: list[tuple[float, str]] = []
    if endings.opens_thread(text, repeated_heads):  # a head opens its line: the reply's text may run on after it
        reasons.append((THREAD_HEAD, "the head of a comment or reply"))
    if len(text) > endings.MAX_CLOSER_CHARS or len(text.split(maxsplit=CUT_WORDS)) > CUT_WORDS:
        return sum(w for w, _ in reasons), max(reasons, default=(0.0, ""))[1]
    if any(hint in text for hint in _PROMPT_HINTS) and (prompt := PROMPT.search(text)) and not (
            _ends_sentence(text) and _COUNT_IN_A_SENTENCE.fullmatch(prompt.group(0))):
        reasons.append((ACCOUNT_PROMPT, "a prompt to log in or reply"))
    if endings.closes_story(text):
        reasons.append((CLOSER, "a footer or note that closes a story"))
    return sum(w for w, _ in reasons), max(reasons, default=(0.0, ""))[1]


# A count of comments alone, inside a sentence ("The plan drew 300 comments."): the story's words, not a counter.
_COUNT_IN_A_SENTENCE = re.compile(r"\d+\s*comments?", re.I)


def _thread_cut(body: Sequence[str], start: int, end: int) -> tuple[int, str] | None:
    """Tie-break: the story ends above the first line that heads what follows it (a comment thread, replies),
    below its first sentence-ending paragraph."""
    first = next((i for i in range(start, end) if _ends_sentence_signed(body[i])), None)
    if first is None:
        return None
    heads = [i for i in range(first + 1, end) if endings.COMMENT_HEAD.match(body[i])]
    repeated = len(heads) >= 2 and _heads_run_to_the_end(body, heads, end)
    for index in range(first + 1, end):
        score, reason = cut_score(body[index], repeated)
        if score >= CUT_SCORE:
            return index, f"above what follows the story ({reason}, score {score:.2f})"
        if body[index][:1].isdigit() and endings.REACTION_COUNT.match(body[index]) and (
                endings.without_end_marker(body[index - 1], dashed_name=True) != body[index - 1]):
            # A reaction count under a paragraph its sign-off closes: the post's widget, readers' words below. (Under
            # an unsigned paragraph it may be a widget the capture took from inside the story: only it is dropped.)
            return index, "above what follows the story (a reaction count under the signed-off story)"
    return None


def _heads_run_to_the_end(body: Sequence[str], heads: Sequence[int], end: int) -> bool:
    """From the first "Name says:" head to the run's end, every paragraph is a head or a comment's text under a head
    alone on its line: a comment thread. (Where a paragraph of the story's follows the heads, they are the people a
    vox-pop quotes, one after another, inside the story.)"""
    for index in range(heads[0], end):
        if index not in heads and not (index - 1 in heads and body[index - 1].rstrip().endswith((":", "："))):
            return False
    return True


def _without_furniture(body: Sequence[str], start: int, end: int) -> tuple[list[str], str]:
    """The span without the furniture inside it: a paragraph printed twice (a caption above and below a photo,
    a pull-quote), a photo credit, a pointer to another story ("ALSO READ: …"); and why."""
    span = _rejoined(body[start:end])
    repeated = Counter(span) if len(set(span)) < len(span) else None
    dropped: dict[str, int] = {}
    kept = []
    for index, paragraph in enumerate(span):
        reason = _inside_furniture(paragraph, repeated) or _crosshead(span, index)
        if reason:
            dropped[reason] = dropped.get(reason, 0) + 1
        else:
            kept.append(paragraph)
    if not dropped or not any(_ends_sentence(p) for p in kept):
        return list(span), "; a paragraph broken mid-sentence joined" if len(span) < end - start else ""
    joined = "; a paragraph broken mid-sentence joined" if len(span) < end - start else ""
    return kept, joined + "; dropped " + ", ".join(f"{count} {reason}" for reason, count in sorted(dropped.items()))


# How a paragraph carries on the sentence of the one above it when a capture broke it: a lowercase word, or a
# parenthesis (a pronouncer, an abbreviation's expansion) running on with a comma or a lowercase word.
_CARRIES_ON = re.compile(r"^(?:[a-z]|\([^()]{1,40}\)(?:[,;]|\s+[a-z]))")


def _rejoined(span: Sequence[str]) -> list[str]:
    """The span with each paragraph a capture broke mid-sentence joined again: one ending no sentence (nor a
    lead-in's colon) and the next carrying its sentence on."""
    joined: list[str] = []
    for paragraph in span:
        if joined and not _ends_sentence(joined[-1]) and not joined[-1].rstrip().endswith((":", "：")) and (
                _CARRIES_ON.match(paragraph)):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _crosshead(span: Sequence[str], index: int) -> str:
    """A heading between two of the story's paragraphs ("Waiting for the letter", "2. What comes next"): short,
    a capital (or a number) first, ending no sentence, with a sentence-ending paragraph on each side."""
    paragraph = span[index]
    if not 0 < index < len(span) - 1 or _ends_sentence(paragraph) or paragraph.rstrip().endswith((":", "：")):
        return ""
    words = paragraph.split(maxsplit=CROSSHEAD_WORDS)
    if not 2 <= len(words) <= CROSSHEAD_WORDS or not (_capital_first(_NUMBERED.sub("", paragraph))) or (
            blocks.mid_sentence(paragraph)):
        return ""
    following = span[index + 1]
    # Over a datelined paragraph it is an item's headline in a digest of stories, kept with its item.
    return "crosshead" if _ends_sentence(span[index - 1]) and _ends_sentence(following) and (
        not OPENS_WITH_DATELINE.match(following)) else ""


# A crosshead has at most this many words.
CROSSHEAD_WORDS = 10
# A crosshead's number: "2. ", "II. ".
_NUMBERED = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s+")


def _inside_furniture(paragraph: str, repeated: Counter[str] | None) -> str:
    if repeated is not None and repeated[paragraph] >= 2 and (not is_prose(paragraph) or len(paragraph) < 400):
        return "printed twice (a caption or a pull-quote)"
    if len(paragraph) > MAX_DROP_WORDS * 12 or len(paragraph.split()) > MAX_DROP_WORDS:
        return ""
    if any(hint in paragraph[-80:] for hint in _PHOTO_HINTS) and PHOTO_CREDIT.search(paragraph):
        return "photo credit"
    if READ_ALSO.match(paragraph):
        return "pointer to another story"
    if ("mail" in paragraph or "inbox" in paragraph or "ewsletter" in paragraph) and vocab.NEWSLETTER_PITCH.match(
            paragraph):
        return "newsletter pitch"
    if paragraph[:1].isdigit() and endings.REACTION_COUNT.match(paragraph):
        return "reaction count"
    if len(paragraph) <= _COUNTER_CHARS and paragraph[:1] in _COUNTER_OPENINGS and (
            endings.PAGE_COUNTER.match(paragraph)):
        return "page counter"
    if paragraph[:1] in _PICTURE_OPENINGS and PICTURE_LABEL.match(paragraph) and not _SENTENCE_STOP.search(
            paragraph[:-1]):
        return "photo caption"
    if "ideo" in paragraph and VIDEO_FALLBACK.search(paragraph):
        return "video player's notice"
    if text_opens_caption(paragraph):
        return "photo caption"
    return ""


def text_opens_caption(paragraph: str) -> bool:
    return paragraph[:1] in "(IiAaTt" and bool(CAPTION_OPEN.match(paragraph))


# A page counter is a short line, opening as PAGE_COUNTER's lines do (a cheap test before the pattern).
_COUNTER_CHARS = 80
_COUNTER_OPENINGS = frozenset("TtVvHhRrPp0123456789")
# How PICTURE_LABEL's lines open.
_PICTURE_OPENINGS = frozenset("FfMmTtHhCcLlIiPp")
# A picture's label opening a short line of its own: its caption or credit ("Featured image: illustration (via X)",
# "Main photo: …", "Image credit: …"), one sentence at most.
PICTURE_LABEL = re.compile(r"^(?:(?:featured|main|top|header|cover|lead|feature) )?(?:image|photo|picture|pic|foto)s?"
                           r"(?: credits?)?\s*[:：]\s*\S", re.I)
# A video player's notice to a reader without scripts or HTML5 video, printed where the video stood.
VIDEO_FALLBACK = re.compile(r"^to view this video,? please enable javascript\b|"
                            r"\byour browser does not support (?:the )?(?:html5 )?video\b", re.I)
# Substrings the end of a line PHOTO_CREDIT matches holds: a cheap test that spares most paragraphs the pattern.
_PHOTO_HINTS = ("hoto", "HOTO", "ic:", "IC:", "Pic", "icture", "mage")


def _where(origins: Sequence[str], start: int, end: int, start_why: str, end_why: str) -> str:
    if start >= end or not origins:
        return "no paragraph"
    return f"{origins[start]} to {origins[end - 1]}: starts at {start_why}; ends at {end_why}"
