"""A small learned line scorer: how likely each line of a text dump is a story paragraph or the headline.

Features come from feeder's own line readers (blocks.describe, shapes, rules, vocab, headline) and the
neighbouring lines'; the weights are two logistic regressions fitted by ``python bench/train_lines.py``
on the labelled sets and shipped as feeder/data/linemodel.json. ``score_lines`` reads a dump's
non-blank lines as the text extractor holds them (unwrapped, carried-on sentences joined, glued
bylines cut); ``story_lines`` and ``headline_line`` turn the scores into the story's paragraphs and headline.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from feeder.extract import blocks, endings, headline, rules, vocab
from feeder.extract import lazy_re as re
from feeder.extract.shapes import is_date_line, is_prose
from feeder.fold import fold_text

MODEL_FILE = "data/linemodel.json"  # inside the feeder package

# Lines past this one are not read for a headline (it stands near the top), as headline.SEARCH_LINES.
HEADLINE_REACH = 80
# Distances (in lines) are clipped here: past a few lines, "far" is all a feature needs to say.
MAX_DISTANCE = 8


@dataclass(frozen=True, slots=True)
class LineScores:
    """The model's belief about one line: a story paragraph, the headline (probabilities, 0..1)."""

    index: int
    body: float
    headline: float


# The per-line shape features a line's neighbours also report (names, for the model file and reports).
SHAPE_NAMES = ("log_words", "log_chars", "end_punct", "caps_share", "cjk", "link", "chrome", "prose", "date",
               "credit", "furniture", "story_end", "closer", "breadcrumb", "label", "caption", "dateline",
               "trailing_credit", "sentence_end", "title_like", "headline_shaped", "first_person", "byline",
               "ticker", "other_role")
NEIGHBOUR_NAMES = ("prose", "date", "credit", "title_like", "chrome", "furniture", "end_punct", "log_words",
                   "dateline", "echo")
PAGE_NAMES = ("bias", "rel_position", "first_line", "log_index", "echo", "echo_elsewhere", "in_first_line",
              "slug_overlap", "before_first_prose", "after_last_prose", "dist_first_prose", "dist_last_prose",
              "prose_share_before", "in_main_run", "dist_credit_above", "dist_credit_below", "dist_date_above",
              "above_first_prose_by_1", "prose_words_after")
FEATURE_NAMES = (*PAGE_NAMES, *SHAPE_NAMES, *(f"prev_{n}" for n in NEIGHBOUR_NAMES),
                 *(f"next_{n}" for n in NEIGHBOUR_NAMES))
_SHAPE_AT = {name: i for i, name in enumerate(SHAPE_NAMES)}
_NEIGHBOUR_AT = tuple(_SHAPE_AT[n] for n in NEIGHBOUR_NAMES if n != "echo")
# Where a row holds whether another reader takes the line for something else than a headline (other_role).
_OTHER_ROLE_AT = len(PAGE_NAMES) + _SHAPE_AT["other_role"]


# A paragraph's look (case, script, links) is read from its first characters: it does not change past them.
LOOK_CHARS = 80
# Its closing credit, from its last ones.
TAIL_CHARS = 100
# More words than any headline (headline.title_like's limit): a paragraph, spared the headline tests.
PARAGRAPH_WORDS = 30


# A line this short may be a site's furniture, printed on every page: its features are kept (as rules.Lines
# keeps a short line's answer); longer lines are a story's paragraphs, read once.
SHORT_LINE = 100


def _shape(text: str) -> tuple[float, ...]:
    """The line's own features (names in SHAPE_NAMES); a short line's are kept."""
    return _short_shape(text) if len(text) < SHORT_LINE else _line_shape(text)


def _line_shape(text: str) -> tuple[float, ...]:
    """The line's own features (names in SHAPE_NAMES). The values are those of blocks.describe and
    headline.title_like on the line (tests/test_linemodel.py proves it on every labelled dump), computed
    here without their per-character loop, each pattern tried only when the line holds what it needs."""
    words, chars, tail = len(text.split()), len(text), text[-TAIL_CHARS:]
    paragraph = words > PARAGRAPH_WORDS
    look = text[:LOOK_CHARS] if paragraph else text
    plain = look.isascii()
    caps = blocks.caps_share(look)
    cjk = not plain and blocks.CJK.search(look) is not None
    link = ("." in look or "://" in look) and blocks.LINK.search(look) is not None
    end_punct = text.rstrip().endswith(blocks.END_PUNCT)
    chrome = not paragraph and vocab.CHROME_LINE.match(text) is not None
    colon = ":" in text or "：" in text
    label = colon and vocab.LABEL_PREFIX.match(text) is not None
    breadcrumb = _BREADCRUMB_SEPARATORS.search(text) is not None and vocab.BREADCRUMB.match(text) is not None
    byline = rules.BYLINE.match(text) is not None
    furniture = rules.FURNITURE.match(text) is not None
    title_like = not paragraph and headline.title_shaped(
        text, cjk=cjk, chars=chars, words=words, end_punct=end_punct, chrome=chrome, link=link, caps_share=caps)
    short = chars <= rules.MAX_DATE_LINE
    closing = tail.rstrip()[-1:]
    return (
        math.log1p(words) / 5, math.log1p(chars) / 7, float(end_punct), caps, float(cjk), float(link),
        float(chrome), float(is_prose(text)), float(short and is_date_line(text)),
        float(short and rules.credit_shaped(text)), float(furniture), float(bool(rules.STORY_END.match(text))),
        float(endings.closes_story(text)), float(breadcrumb), float(label),
        float(bool((")" in tail or "]" in tail) and rules.CAPTION_CREDIT.search(tail))),
        float(bool(rules.DATELINE_CITY.match(text) or (text[:1] == "(" and rules.DATELINE_OPEN.match(text)))),
        float(bool((closing in (")", "）") and rules.TRAILING_CREDIT.search(tail))
                   or (_DASHES.search(tail) and rules.TRAILING_DASH_CREDIT.search(tail)))),
        float(bool(rules.SENTENCE_END.search(tail))), float(title_like),
        # headline.headline_shaped, from the title test already made
        float(title_like and words >= headline.MIN_HEADLINE_WORDS and headline._may_be_title(text)),
        float(bool(vocab.FIRST_PERSON.search(text))), float(byline),
        float(colon and vocab.TICKER.match(text) is not None),
        float(not paragraph and headline.other_role(text) is not None),
    )


_short_shape = lru_cache(maxsize=8192)(_line_shape)


# What a breadcrumb's separators and a trailing dash credit's dash are: a line without one needs no pattern.
_BREADCRUMB_SEPARATORS = re.compile(r"[>»/›|]")
_DASHES = re.compile(r"[-–—/]")


_WORDS = re.compile(r"[a-z0-9]+")


def features(lines: Sequence[str]) -> list[list[float]]:
    """One feature vector per line (names in FEATURE_NAMES): its shape, its neighbours' and its place."""
    n = len(lines)
    if n == 0:
        return []
    shapes = [_shape(x) for x in lines]
    folds = [fold_text(x) if len(x) <= headline.MAX_TITLE_CHARS else "" for x in lines]
    first = folds[0]
    counts: dict[str, int] = {}
    for folded in folds:
        counts[folded] = counts.get(folded, 0) + 1
    slugs = [w for s in headline._slug_words(lines) for w in s]  # the page's URL slugs' words
    slug_words = set(slugs)
    prose = [s[_SHAPE_AT["prose"]] > 0 for s in shapes]
    prose_at = [i for i in range(n) if prose[i]]
    first_prose = prose_at[0] if prose_at else n
    last_prose = prose_at[-1] if prose_at else -1
    main = _main_run(prose)
    words = [len(x.split()) for x in lines]
    prose_total = sum(w for w, p in zip(words, prose, strict=True) if p) or 1
    credit = [s[_SHAPE_AT["credit"]] > 0 or s[_SHAPE_AT["dateline"]] > 0 for s in shapes]
    date = [s[_SHAPE_AT["date"]] > 0 for s in shapes]
    echo = [float(bool(f) and counts[f] > 1) for f in folds]
    out: list[list[float]] = []
    before = 0
    last_credit, last_date = -MAX_DISTANCE, -MAX_DISTANCE
    next_credit = _next_index(credit)
    for i in range(n):
        folded = folds[i]
        tokens = _WORDS.findall(folded)
        page = [
            1.0, i / n, float(i == 0), math.log1p(i) / 5, float(i > 0 and folded == first and bool(folded)),
            echo[i], float(i > 0 and len(tokens) >= 3 and folded in first),
            sum(t in slug_words for t in tokens) / len(tokens) if tokens and slug_words else 0.0,
            float(i < first_prose), float(i > last_prose),
            _clip(i - first_prose), _clip(i - last_prose), before / prose_total, float(main[i]),
            _clip(i - last_credit) if i - last_credit < MAX_DISTANCE else 1.0,
            _clip(next_credit[i] - i), _clip(i - last_date) if i - last_date < MAX_DISTANCE else 1.0,
            float(i == first_prose - 1), math.log1p(prose_total - before) / 8,
        ]
        prev = _neighbour(shapes, echo, i - 1)
        nxt = _neighbour(shapes, echo, i + 1)
        out.append([*page, *shapes[i], *prev, *nxt])
        if prose[i]:
            before += words[i]
        if credit[i]:
            last_credit = i
        if date[i]:
            last_date = i
    return out


def _clip(distance: int) -> float:
    return max(-MAX_DISTANCE, min(MAX_DISTANCE, distance)) / MAX_DISTANCE


def _next_index(flags: Sequence[bool]) -> list[int]:
    following, at = [0] * len(flags), len(flags) + MAX_DISTANCE
    for i in range(len(flags) - 1, -1, -1):
        following[i] = at
        if flags[i]:
            at = i
    return following


def _neighbour(shapes: Sequence[tuple[float, ...]], echo: Sequence[float], i: int) -> list[float]:
    if not 0 <= i < len(shapes):
        return [0.0] * len(NEIGHBOUR_NAMES)
    return [shapes[i][k] for k in _NEIGHBOUR_AT] + [echo[i]]


# Non-prose lines a story's run of paragraphs may hold (a caption, an "Advertisement", a subhead).
RUN_GAP = 2


def _main_run(prose: Sequence[bool]) -> list[bool]:
    """The page's longest run of prose lines, allowing short gaps: where the story most likely is."""
    best, best_span, start, count, gap = 0, (0, -1), -1, 0, 0
    for i, p in enumerate(prose):
        if p:
            if start < 0 or gap > RUN_GAP:
                start, count = i, 0
            count, gap = count + 1, 0
            if count > best:
                best, best_span = count, (start, i)
        else:
            gap += 1
    return [best_span[0] <= i <= best_span[1] for i in range(len(prose))]


# Body decoding: the story is the contiguous run of lines whose body probabilities minus this sum highest.
BODY_THRESHOLD = 0.5


def body_span(body: Sequence[float]) -> tuple[int, int]:
    """The first and last line of the story's run ((0, -1) when no line is likely a paragraph)."""
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, p in enumerate(body):
        if total <= 0:
            total, start = 0.0, i
        total += p - BODY_THRESHOLD
        if total > best:
            best, best_span = total, (start, i)
    return best_span


# The headline stands above the story: what the headline model adds once the body's run is known.
SPAN_NAMES = ("above_span", "dist_span", "title_like_between", "span_found")
HEADLINE_NAMES = (*FEATURE_NAMES, *SPAN_NAMES)


def span_features(rows: Sequence[Sequence[float]], span: tuple[int, int]) -> list[list[float]]:
    """Per line: whether and how far it stands above the story's run, and how many title-like lines come
    between it and the run (the headline is usually the last one)."""
    first = span[0] if span[1] >= 0 else len(rows)
    title_at = FEATURE_NAMES.index("title_like")
    between, out = 0, [[0.0] * len(SPAN_NAMES) for _ in rows]
    for i in range(min(first, len(rows)) - 1, -1, -1):
        out[i] = [1.0, _clip(first - i), min(between, 4) / 4, float(span[1] >= 0)]
        between += rows[i][title_at] > 0
    return out


@dataclass(frozen=True, slots=True)
class Model:
    """Two logistic regressions: the body's over FEATURE_NAMES, the headline's over HEADLINE_NAMES."""

    body: tuple[float, ...]
    headline: tuple[float, ...]


def model_from(data: dict[str, Any]) -> Model:
    """A model from its file's contents; raises ValueError when it does not fit the features."""
    if tuple(data.get("features", ())) != FEATURE_NAMES or tuple(data.get("headline features", ())) != HEADLINE_NAMES:
        raise ValueError("line model file was trained on other features: run python bench/train_lines.py")
    return Model(tuple(float(w) for w in data["body"]), tuple(float(w) for w in data["headline"]))


@lru_cache(maxsize=1)
def shipped() -> Model:
    """The model shipped in feeder/data (read once)."""
    text = resources.files("feeder").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from(json.loads(text))


def probability(weights: Sequence[float], x: Sequence[float]) -> float:
    z = sum(map(operator.mul, weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score_lines(lines: Sequence[str], model: Model | None = None) -> list[LineScores]:
    """How likely each line (a dump's non-blank lines, in order) is a story paragraph or the headline."""
    model = model or shipped()
    rows = features(lines)
    body = [probability(model.body, x) for x in rows]
    spans = span_features(rows, body_span(body))
    return [LineScores(i, body[i], probability(model.headline, [*x, *spans[i]]) if i < HEADLINE_REACH else 0.0)
            for i, x in enumerate(rows)]


def headline_of(lines: Sequence[str], model: Model | None = None) -> tuple[int, float] | None:
    """``headline_line(score_lines(lines))`` and its headline probability, the headline scored only on the lines
    that decoding reads (above the story's run, or the first line)."""
    model = model or shipped()
    rows = features(lines)
    if not rows:
        return None
    span = body_span([probability(model.body, x) for x in rows])
    spans = span_features(rows, span)
    above = min(span[0] if span[0] > 0 else 1, HEADLINE_REACH)  # lines past the reach score 0: never chosen
    best, at = max(((probability(model.headline, [*rows[i], *spans[i]]), -i) for i in range(above)
                    if not (i and rows[i][_OTHER_ROLE_AT])), default=(0.0, 0))
    return -at, best


def headline_line(scores: Sequence[LineScores]) -> int | None:
    """The likeliest headline line above the story's run (the first line when the run starts at the top)."""
    first, _ = body_span([s.body for s in scores])
    above = scores[:first] if first > 0 else scores[:1]
    return max(above, key=lambda s: (s.headline, -s.index)).index if above else None


def headline_line_of(lines: Sequence[str], scores: Sequence[LineScores]) -> int | None:
    """headline_line, one line being one thing: a line another reader takes for a byline, a poster's row, a counter
    or a relative time (headline.other_role) is never the headline, as in headline_of."""
    first, _ = body_span([s.body for s in scores])
    above = [s for s in (scores[:first] if first > 0 else scores[:1])
             if not s.index or headline.other_role(lines[s.index]) is None]
    return max(above, key=lambda s: (s.headline, -s.index)).index if above else None


def story_lines(scores: Sequence[LineScores]) -> list[int]:
    """The story's paragraphs: the lines of its run that are themselves likely paragraphs (a caption or an
    advert inside the run is left out)."""
    first, last = body_span([s.body for s in scores])
    return [i for i in range(first, last + 1) if scores[i].body >= BODY_THRESHOLD]
