"""A theme's meta row glued after a dump's headline: cut into the headline and its row, never losing a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.line_joins import glued_stamps
from feeder.extract.shapes import Line

_HEAD = st.lists(st.sampled_from(["Volunteers", "plant", "seedlings", "on", "the", "burnt", "ridge", "again", "Mayor",
                                  "opens", "new", "bridge"]), min_size=4, max_size=9).map(
    lambda words: " ".join([*words, "ridge"]))  # a noun closes it: no word of it owns a date after it
_TAIL = st.sampled_from(["", " by admin", " by lightning", " June 9, 2024", " June 9, 2024 by ridgewatcher",
                         " Posted on 9 June 2024 by admin", " for October 12, 2024", " by the river"])


@settings(max_examples=200, deadline=None)
@given(_HEAD, _TAIL)
def test_a_cut_keeps_every_word(head: str, tail: str) -> None:
    text = head + tail
    cut = glued_stamps([Line(text, "line 1")])
    assert " ".join(" ".join(x.text for x in cut).split()) == " ".join(text.split())
    assert len(cut) <= 2


@settings(deadline=None)
@given(_HEAD, st.sampled_from([" by lightning", " by the river", " for October 12, 2024", " until June 9, 2024"]))
def test_a_headlines_own_words_stay(head: str, tail: str) -> None:
    assert [x.text for x in glued_stamps([Line(head + tail, "line 1")])] == [head + tail]


@settings(deadline=None)
@given(_HEAD, st.sampled_from([" by admin", " June 9, 2024 by ridgewatcher", " Posted on 9 June 2024 by admin"]))
def test_a_glued_row_is_its_own_line(head: str, tail: str) -> None:
    assert [x.text for x in glued_stamps([Line(head + tail, "line 1")])] == [head, tail.strip()]
