"""The shortcuts that keep extraction fast give the answers of the patterns they stand in front of."""

from __future__ import annotations

import inspect
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract import blocks, credit_lines, datelines, line_joins, lines, rules, vocab, walls

FIXTURES = Path(__file__).parent / "fixtures"
LABELLED = ("scenarios", "corpus", "heldout", "heldout2", "heldout3", "blind5", "boilerplate", "dedup", "dates")
GATED = ("PHOTO_LINE", "NAMES_OUTLET", "DATE_HINT", "DATELINE_CITY", "DATELINE_MARKED")
# Lines written to reach the gated alternatives, and the characters IGNORECASE folds onto ASCII letters.
CRAFTED = (
    "Photo: Li Wen/Xinhua", "FILE PHOTO: a ferry", "The bridge at dusk. (Zhang Yi/China Daily)",
    "Workers at the port [Photo by Chen Jia/For China Daily]", "Crowds at the fair / Reuters",
    "İMAGE: the harbour", "VıDEO: the launch", "Li Wen and Zhao Lei (Xinhua)", "Mara Olsen （AFP）",
    "BEIJING, March 2 (Xinhua) -- The city said", "NEW YORK (AP) — Officials said", "２０２１年３月５日",
    "Home » News » World", "« Older posts", "-------------- next part --------------",
    "News | World | Asia | Sport", "Home | About | Contact", "ſource: Xinhua",
)
ALPHABET = st.sampled_from([*"abcdeghiknoprstvxyz ABCPIVX/|»«()（）:.,-—0123456789", "\u0130", "\u0131",
                            "\u017f", "\u212a", "\n", "photo", "image", "video", "picture", "next part",
                            " » ", "２０２１", "年", "Mar ", "By ", "(Xinhua)", "Li Wen", " -- "])


@cache
def fixture_lines() -> tuple[str, ...]:
    found: set[str] = set(CRAFTED)
    for folder in LABELLED:
        for path in (FIXTURES / folder).rglob("*"):
            if path.is_file():
                for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
                    found.update((line, " ".join(line.split())))
    return tuple(sorted(found))


def _same(left: re.Match[str] | None, right: re.Match[str] | None) -> bool:
    if left is None or right is None:
        return left is right
    return (left.span(), left.groups()) == (right.span(), right.groups())


# The furniture alternation as one pattern, which rules.FURNITURE answers for part by part.
_FURNITURE_WHOLE = re.compile(f"^(?:{'|'.join(rules.FURNITURE.parts)})$", re.I)


def _gated_agrees(text: str) -> None:
    for name in GATED:
        gated = getattr(rules, name)
        assert _same(gated.match(text), gated.pattern.match(text)), (name, text)
        assert _same(gated.search(text), gated.pattern.search(text)), (name, text)
    assert bool(rules.FURNITURE.match(text)) == bool(_FURNITURE_WHOLE.match(text)), text
    expected = "|" in text or any(pattern.match(text) for pattern in rules.CREDIT_SHAPES)
    assert rules.credit_shaped(text) == expected, text


def test_gated_patterns_answer_as_their_patterns_on_every_labelled_line() -> None:
    for text in fixture_lines():
        _gated_agrees(text)
        _gated_agrees(text * 3)  # the long-line paths (FURNITURE splits its alternation past 100 characters)


@settings(max_examples=300)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_gated_patterns_answer_as_their_patterns_on_any_text(text: str) -> None:
    _gated_agrees(text)
    _gated_agrees(text + " " + "x" * 100)


def test_credit_shapes_name_every_pattern_the_credit_walk_tests() -> None:
    """A line that fails credit_shaped skips _credit and _byline: each pattern they try must be listed."""
    source = inspect.getsource(credit_lines.read_credit) + inspect.getsource(credit_lines._byline)
    tested = set(re.findall(r"rules\.([A-Z_]+)\.match\(text\)", source))
    listed = {name for name, value in vars(rules).items() if any(value is p for p in rules.CREDIT_SHAPES)}
    assert tested and tested <= listed, tested - listed


@pytest.mark.parametrize("notice", [
    "please verify you are human. just a moment...", "log in to continue or sign in to read",
    "this page was removed. the story has been deleted", "404 error: not found", "x" * 50,
])
def test_wall_phrases_searched_one_by_one_find_what_the_alternation_finds(notice: str) -> None:
    alternation = re.compile("|".join(f"(?P<k{n}>{'|'.join(p)})" for n, p in enumerate(walls.WALLS.values())))
    kinds = tuple(walls.WALLS)
    texts = [notice, *(line.lower() for line in fixture_lines()[::7])]
    texts += [f"{text[:40]} {notice} {text[40:]}" for text in texts[1:200]]
    for text in texts:
        m = alternation.search(text)
        expected = None if m is None or m.lastgroup is None else (kinds[int(m.lastgroup[1:])], m.group(0))
        assert walls._find(text) == expected, text


# Text built to reach the line shortcuts: labels, repost verbs, times, sentence ends, every kind of whitespace.
SHORTCUT_ALPHABET = st.sampled_from([
    *"abdjlmoprstuy ABDJLMOPRSTUY:：.!?”)'\"0123456789", "\u0130", "\u0131", "\u017f", "\u212a", "\t", "\r",
    "\n", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "  ", "来源", "posted", "by", "joined",
    "member since", "thread starter", "start date", "source", "updated", "12:05", "2021", " pm",
])


def _shortcuts_agree(text: str) -> None:
    assert blocks.squeeze(text) == " ".join(text.split()), text
    opening = text[:1].lower() if text[:1].isascii() else ""
    for pattern, openings in lines.OPENING_GATES:
        assert pattern.match(text) is None or opening in openings, (pattern.pattern[:30], text)
    assert vocab.LEADING_LABEL.match(text) is None or line_joins._may_open_label(text), text
    assert rules.LABEL_ONLY.match(text) is None or line_joins._may_end_label(text), text
    assert rules.TIME_ONLY.match(text) is None or text[:1].isdigit(), text
    assert _same(rules.SENTENCE_END.search(text), rules.SENTENCE_END.pattern.search(text)), text


def test_line_shortcuts_answer_as_their_patterns_on_every_labelled_line() -> None:
    for text in fixture_lines():
        _shortcuts_agree(text)
        _shortcuts_agree(text + "\n")


@settings(max_examples=400)
@given(st.lists(SHORTCUT_ALPHABET, max_size=30).map("".join))
def test_line_shortcuts_answer_as_their_patterns_on_any_text(text: str) -> None:
    _shortcuts_agree(text)


def test_the_label_shortcuts_read_word_lists() -> None:
    """The opening and ending letters are read from plain word lists: a pattern among them would break them."""
    verbs = rules.REPOST_VERB.removeprefix("(?:").removesuffix(")").split("|")
    for word in (*vocab.FIELD_LABELS.split("|"), *verbs):
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", word), word


def test_wall_phrases_are_skipped_only_when_their_opening_words_are_missing() -> None:
    texts = [line.lower() for line in fixture_lines()[::5]]
    for kind, pattern, opening in walls._GATED:
        assert opening == "" or pattern.source.startswith(opening), opening
        for text in texts:
            assert pattern.search(text) is None or opening in text, (kind, pattern.pattern, text)


def _glued_by_letters(text: str, names: frozenset[str]) -> int | None:
    """datelines._glued_outlet as a letter-by-letter loop (the shape it takes on non-ASCII text)."""
    for i in range(2, min(len(text) - 1, datelines._GLUE_REACH)):
        if text[i - 1].islower() and text[i].isupper() and text[i + 1].islower() and text[:i] in names:
            return i
    return None


@settings(max_examples=400)
@given(st.text(alphabet="aAbBzZ .", max_size=50), st.sets(st.integers(0, 50)))
def test_glued_outlet_scans_ascii_as_the_letter_loop_does(text: str, cuts: set[int]) -> None:
    names = frozenset(text[:cut] for cut in cuts)
    assert datelines._glued_outlet(text, names.__contains__) == _glued_by_letters(text, names)


def test_kept_promotion_answers_are_the_patterns_own() -> None:
    for text in fixture_lines():
        assert rules.promotion_line(text) == (rules.PROMOTION_LINE.match(text) is not None), text

