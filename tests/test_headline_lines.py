"""Which lines of a text dump may be its headline: the line shapes behind the headline classes in
tests/fixtures/dump_classes (counters, pagers, subscription adverts, meta rows, kickers), read one line at a time."""

from __future__ import annotations

import pytest

from feeder.extract import headline
from feeder.extract.blocks import describe
from feeder.extract.shapes import Line
from feeder.extract.titles import headline_above_byline


def _title_like(text: str) -> bool:
    return headline.headline_shaped(text) or (
        headline._may_be_title(text) and headline.title_like(describe(0, text), text))


@pytest.mark.parametrize("text", [
    "Showing 1 of 3 comments",  # a thread's counters
    "212 total views, 3 today",
    "4 people like this",
    "first 1-20 next last",  # a forum's pager
    "Get more from your reading with The Daily Ledger Premium",  # a subscription advert
    "Unlock every story: premium access to analysis for members only",
    "Yearly Premium $49 $24.99/Year",
    "| blog, Transport, City | February 3, 2018",  # a post's meta row closing on its date
    "News · Sport · 14 Jan 2016",
    "The tram at the depot before its first run Photo: Harbour Images)",  # a caption's labelled credit
    "كتب خالد منصور",  # a byline opened by its verb
    "Topics · Post Article",  # a row of menu links
])
def test_not_a_headline(text: str) -> None:
    assert not _title_like(text)


@pytest.mark.parametrize("text", [
    "VIEWPOINT | Port towns deserve more than promises",  # a column's name before a bar: a kicker
    "(LEAD) Port authority orders three new tugboats for winter",  # an agency's kicker in parentheses
    "Premium petrol prices rise for the third week",  # the word alone is no advert
    "3 shares to watch as the harbour strike ends",  # a number of shares is no counter
    "Showing the way: volunteers rebuild the village school",
])
def test_a_headline(text: str) -> None:
    assert _title_like(text)


@pytest.mark.parametrize("text", [
    "Home | News | Sport",  # a breadcrumb stays one
    "World | Asia Pacific",
    "Home » World » Port authority orders three new tugboats",
])
def test_a_breadcrumb_is_no_headline(text: str) -> None:
    assert not _title_like(text)


@pytest.mark.parametrize(("lines", "expected"), [
    (["Site", "Menu", "Press Digest", "By Hana Saleh · March 9, 2018 · Region"], "Press Digest"),  # a dated row
    (["Site", "Menu", "Press Digest", "By Hana Saleh"], None),  # two words over an undated byline: a label
    (["Site", "Menu", "WORLD NEWS", "By Hana Saleh · March 9, 2018"], None),  # a section's label in capitals
])
def test_a_short_headline_over_a_byline(lines: list[str], expected: str | None) -> None:
    assert headline_above_byline([Line(x, "") for x in lines[1:]], lines[0]) == expected
