"""A byline stacked over a news outlet's name the registry does not know ("Author: A" / "Inter Press Service" /
date): the name credits the outlet only when shaped as a paper's or a news service's, and is not the site's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.credit_lines import _stacked_outlet
from feeder.extract.proposals import Found
from feeder.sources import build_registry

REGISTRY = build_registry()


def is_outlet(name: str) -> bool:
    return REGISTRY.named(name) is not None


@pytest.mark.parametrize(("line", "expected"), [
    ("Inter Press Service", "Inter Press Service"),
    ("Northbridge Courier", "Northbridge Courier"),
    ("The Harbour Gazette", "The Harbour Gazette"),
    ("By The Associated Press", None),  # a byline of its own
    ("Reuters", None),  # a listed outlet: its own rules read it
    ("Riverside Rowing Club", None),  # no news outlet's shape
    ("Ministry of Fisheries", None),  # an organisation's
    ("Monday, September 19, 2011", None),
    ("The council said it would appeal the ruling in the high court.", None),
    ("Millbrook Gazette", None),  # the site's own name
])
def test_the_name_under_a_byline(line: str, expected: str | None) -> None:
    assert _stacked_outlet(line, Found(site=("Millbrook Gazette",)), is_outlet) == expected


words = st.text(alphabet="abcdefghiklmnoprstuvw", min_size=3, max_size=9).map(str.capitalize)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=3), st.sampled_from(("Courier", "Gazette", "News Service", "Herald")),
       st.sampled_from(("", "By ", "Por ")))
def test_a_news_shaped_name_is_credited_as_printed_never_a_byline(first: list[str], end: str, by: str) -> None:
    name = " ".join([*first, end])
    got = _stacked_outlet(f"{by}{name}", Found(), is_outlet)
    assert got is None if by else got in (name, None)
    assert got is None or not is_outlet(got)
