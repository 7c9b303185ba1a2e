"""The learned line scorer: trained deterministically by one command, shipped, loadable, never raising."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract import blocks, endings, headline, linemodel, resolver, rules, vocab
from feeder.extract import text as text_extractor
from feeder.extract.shapes import Line, is_date_line, is_prose
from feeder.sources import build_registry

ROOT = Path(__file__).resolve().parent.parent

STORY = """Harbour Gazette | Home | World | Sport | Login
Port authority approves new ferry terminal for the east quay
By Mara Lindqvist
March 3, 2021
The port authority on Wednesday approved plans for a new ferry terminal on the east quay, ending a long dispute.
The terminal will handle up to four ferries at once and is expected to open in the spring of 2024, officials said.
Residents had objected to the increase in traffic, but the final plan moves the car park away from the houses.
Share this article
Related stories
Comments (3)"""


def test_training_is_one_deterministic_command(tmp_path: Path) -> None:
    written = []
    for name in ("first.json", "second.json"):
        out = tmp_path / name
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_lines.py"), "--out", str(out)],
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        written.append(out.read_bytes())
    assert written[0] == written[1]
    # The shipped file is what the command writes today: a change to the line features retrains it in the same commit.
    assert written[0] == (ROOT / "feeder" / "data" / "linemodel.json").read_bytes()
    model = linemodel.model_from(json.loads(written[0]))
    assert (len(model.body), len(model.headline)) == (len(linemodel.FEATURE_NAMES), len(linemodel.HEADLINE_NAMES))


def test_shipped_model_loads_and_fits_the_features() -> None:
    model = linemodel.shipped()
    assert (len(model.body), len(model.headline)) == (len(linemodel.FEATURE_NAMES), len(linemodel.HEADLINE_NAMES))
    assert any(model.body) and any(model.headline)


def test_a_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="other features"):
        linemodel.model_from({"features": ["bias"], "headline features": ["bias"], "body": [0.0], "headline": [0.0]})


def test_scores_a_plain_story_page() -> None:
    lines = STORY.splitlines()
    scores = linemodel.score_lines(lines)
    assert [s.index for s in scores] == list(range(len(lines)))
    assert all(s.body > 0.5 for s in scores[4:7])
    assert all(s.body < 0.5 for s in scores[:4] + scores[7:])
    assert max(scores, key=lambda s: s.headline).index == 1
    assert linemodel.story_lines(scores) == [4, 5, 6]
    assert linemodel.headline_line(scores) == 1


def test_the_story_run_is_the_best_contiguous_run() -> None:
    assert linemodel.body_span([0.1, 0.9, 0.8, 0.2, 0.9, 0.1]) == (1, 4)
    assert linemodel.body_span([0.9, 0.1, 0.1, 0.1, 0.1, 0.6]) == (0, 0)
    assert linemodel.body_span([0.2, 0.3]) == (0, -1)


def test_no_lines_no_scores() -> None:
    assert linemodel.score_lines([]) == []
    assert linemodel.story_lines([]) == []
    assert linemodel.headline_line([]) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=40))
def test_scoring_never_raises_on_arbitrary_lines(lines: list[str]) -> None:
    scores = linemodel.score_lines(lines)
    assert len(scores) == len(lines)
    assert all(0.0 <= s.body <= 1.0 and 0.0 <= s.headline <= 1.0 for s in scores)
    chosen = linemodel.story_lines(scores)
    assert chosen == sorted(set(chosen)) and all(0 <= i < len(lines) for i in chosen)
    top = linemodel.headline_line(scores)
    assert (top is None) == (not lines) and (top is None or top < len(lines))


def _reference_shape(text: str) -> list[float]:
    """The line's features as first written, from blocks.describe and headline.title_like themselves: the
    model's own _shape must give the same numbers without their per-character loop."""
    words, chars, tail = len(text.split()), len(text), text[-linemodel.TAIL_CHARS:]
    paragraph = words > linemodel.PARAGRAPH_WORDS
    f = blocks.describe(0, text[:linemodel.LOOK_CHARS] if paragraph else text)
    title_like = not paragraph and headline.title_like(f, text)
    short = chars <= rules.MAX_DATE_LINE
    return [
        math.log1p(words) / 5, math.log1p(chars) / 7, float(text.rstrip().endswith(blocks.END_PUNCT)),
        f.caps_share, float(f.cjk), float(f.link), float(f.chrome and not paragraph), float(is_prose(text)),
        float(short and is_date_line(text)), float(short and rules.credit_shaped(text)),
        float(bool(rules.FURNITURE.match(text))), float(bool(rules.STORY_END.match(text))),
        float(endings.closes_story(text)), float(bool(vocab.BREADCRUMB.match(text))),
        float(bool(vocab.LABEL_PREFIX.match(text))), float(bool(rules.CAPTION_CREDIT.search(tail))),
        float(bool(rules.DATELINE_CITY.match(text) or rules.DATELINE_OPEN.match(text))),
        float(bool(rules.TRAILING_CREDIT.search(tail) or rules.TRAILING_DASH_CREDIT.search(tail))),
        float(bool(rules.SENTENCE_END.search(tail))), float(title_like),
        float(headline.headline_shaped(text) if title_like else False),
        float(bool(vocab.FIRST_PERSON.search(text))), float(bool(rules.BYLINE.match(text))),
        float(bool(vocab.TICKER.match(text))), float(not paragraph and headline.other_role(text) is not None),
    ]


@pytest.fixture(scope="module")
def labelled_dumps() -> list[list[str]]:
    """Every labelled training dump's lines, cut as the text extractor cuts them."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_lines
    finally:
        sys.path.remove(str(ROOT / "bench"))
    registry = build_registry()
    return [case.lines for case in train_lines.load_cases(lambda name: registry.named(name) is not None)]


def test_line_features_equal_the_line_readers_on_every_labelled_dump(labelled_dumps: list[list[str]]) -> None:
    lines = [line for dump in labelled_dumps for line in dump]
    assert len(lines) > 3000
    for line in lines:
        assert list(linemodel._line_shape(line)) == pytest.approx(_reference_shape(line), abs=1e-9, rel=0), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbB zZ.,:;!?()[]|/>»-–—（）：。xX中文日本ÉéſK0 19\t"), max_size=120)
       | st.text(max_size=200))
def test_line_features_equal_the_line_readers_on_any_line(line: str) -> None:
    assert list(linemodel._line_shape(line)) == pytest.approx(_reference_shape(line), abs=1e-9, rel=0)


def test_the_headline_alone_is_the_decoded_headline(labelled_dumps: list[list[str]]) -> None:
    for lines in labelled_dumps:
        scores = linemodel.score_lines(lines)
        top = linemodel.headline_line_of(lines, scores)
        assert top is not None
        assert linemodel.headline_of(lines) == (top, pytest.approx(scores[top].headline, abs=1e-12))
    assert linemodel.headline_of([]) is None


def _no_outlet(name: str) -> bool:
    return False


def test_the_model_headline_is_a_candidate_unless_a_rule_outranks_it() -> None:
    lines = [Line(text, f"line {n}") for n, text in enumerate(STORY.splitlines(), 1)]
    title = lines[0].text
    (proposed,) = text_extractor._model_headline(title, lines, [], _no_outlet)
    assert (proposed.value, proposed.score) == (lines[1].text, resolver.MODEL_HEADLINE)
    assert "line model" in proposed.why
    rule = resolver.Candidate("headline", lines[1].text, 1, resolver.BELOW_HEADLINE, "below chrome")
    assert text_extractor._model_headline(title, lines, [rule], _no_outlet) == []
    assert text_extractor._model_headline(lines[1].text, lines, [], _no_outlet) == []  # a headline-shaped first line


def test_the_model_headline_is_never_a_line_that_is_only_an_outlets_name() -> None:
    lines = [Line(text, f"line {n}") for n, text in enumerate(STORY.splitlines(), 1)]
    picked = lines[1].text
    assert text_extractor._model_headline(lines[0].text, lines, [], lambda name: name == picked) == []


@given(st.text(max_size=80))
def test_the_capitals_share_counts_as_letter_by_letter(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    expected = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    assert blocks.caps_share(text) == pytest.approx(expected, abs=1e-12)
