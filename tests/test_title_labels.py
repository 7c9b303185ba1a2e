"""Kicker labels and section labels around a headline: what is cut, and that a cut never eats the headline."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.html.headings import _without_labels
from feeder.extract.titles import KICKER_REST_WORDS, split_title, without_kicker_label

_WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-'’|:/", min_size=1, max_size=8),
                  min_size=0, max_size=12)


@settings(deadline=None)
@given(_WORDS)
def test_a_cut_title_is_the_end_of_the_printed_one(words: list[str]) -> None:
    title = " ".join(words)
    cut = without_kicker_label(title)
    assert title.endswith(cut)
    if cut != title:
        assert len(cut.split()) >= KICKER_REST_WORDS


@settings(deadline=None)
@given(st.sampled_from(["UPDATE 2-", "EXCLUSIVE: ", "WATCH: ", "POLITICS | ", "Breaking: ", "VIDEO - "]),
       st.lists(st.sampled_from(["ferry", "fares", "rise", "on", "the", "lake", "again"]), min_size=4, max_size=9))
def test_a_label_class_kicker_is_cut(label: str, words: list[str]) -> None:
    headline = "Ferry " + " ".join(words)
    assert without_kicker_label(label + headline) == headline


def test_headline_words_and_column_names_stay() -> None:
    for title in ("Exclusive club deal lifts ferry fares on the lake", "Watch out for falling prices this winter",
                  "YOURSAY | No new dawn, just more of the same", "Analysis: Ferry fares rise faster than wages",
                  "EXCLUSIVE: Ferry fares rise", "Update on the ferry fares of the northern lake"):
        assert without_kicker_label(title) == title


_NAME = st.sampled_from(["Biden", "Xi", "Modi", "Lula Silva", "Kerala", "Ruto", "Macron"])


@settings(deadline=None)
@given(_NAME, _NAME, st.lists(st.sampled_from(["talks", "resume", "after", "a", "long", "pause", "today"]),
                             min_size=3, max_size=8))
def test_no_evidence_no_cut_of_a_slash_or_bar_part(first: str, second: str, words: list[str]) -> None:
    for title in (f"{first} / {second} {' '.join(words)}", f"{second} {' '.join(words)} | {first}"):
        assert _without_labels(title, [], {}, lambda name: False, "") == title


@settings(deadline=None)
@given(st.sampled_from(["World", "General", "Farm News", "Business"]),
       st.lists(st.sampled_from(["tariffs", "rise", "four", "percent", "in", "july"]), min_size=4, max_size=8))
def test_a_section_name_before_a_slash_is_cut(label: str, words: list[str]) -> None:
    rest = "Water " + " ".join(words)
    assert _without_labels(f"{label} / {rest}", [], {}, lambda name: False, "") == rest


@settings(deadline=None)
@given(st.sampled_from(["Ridge Notes", "Notes From the Ridge and the Valley", "AP"]),
       st.sampled_from([": ", " - ", " | "]),
       st.lists(st.sampled_from(["up", "the", "fire", "tower", "at", "last"]), min_size=3, max_size=8),
       st.booleans())
def test_a_blogs_name_over_its_post_gives_the_post(name: str, sep: str, words: list[str], name_above: bool) -> None:
    post = "Fire " + " ".join(words)
    lines = [name, "a tagline", post] if name_above else [post, "a tagline", name]
    head, _ = split_title(f"{name}{sep}{post}", lines, lambda printed: False)
    assert f"{name}{sep}{post}".endswith(head) or head == name
    if name_above:
        assert head == post
