"""An outlet's code spelled out on the page: only a name standing where a credit stands (a rights line, an
attribution label, a sign-off's dash) is the code's spelling; a masthead or a story's sentence is not."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.credit_lines import _credit_shaped

NAME = "Northern News Agency"


def shaped(line: str, name: str = NAME) -> bool:
    text = f"A paragraph of the story above it.\n{line}\nA line under it."
    m = re.search(re.escape(name), text)
    assert m is not None
    return _credit_shaped(text, m)


@pytest.mark.parametrize("line", [
    f"© 2024 {NAME}", f"Copyright (c) 2017 {NAME}/Regional Bishops' Conference. All rights reserved.",
    f"Copyright {NAME}", f"Distributed by {NAME}", f"Courtesy of the {NAME}", f"Source: {NAME}",
    f"Reprinted with permission from {NAME}", f"— {NAME}", f"(c) 2019-2024 {NAME}. Used with permission.",
])
def test_a_credit_shape_around_the_spelled_name(line: str) -> None:
    assert shaped(line)


@pytest.mark.parametrize("line", [
    NAME,  # the site's masthead
    f"Engineers from the {NAME} rebuilt the wall.",  # a story's sentence
    f"The {NAME} said on Monday it would appeal.",
    f"© 2024 {NAME} staff wrote to the council about the plan",  # the name runs on into a sentence
    f"More from {NAME}",  # a promotion: the credit rules read no credit there
])
def test_no_credit_shape_around_the_spelled_name(line: str) -> None:
    assert not shaped(line)


words = st.text(alphabet="abcdefghiklmnoprstuvw", min_size=3, max_size=9).map(str.capitalize)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=2, max_size=3), st.sampled_from(("Service", "Agency", "Wire", "Network")),
       st.sampled_from(("© 2023 ", "Copyright ", "Distributed by ", "Courtesy of ", "Source: ", "— ")),
       st.sampled_from(("", ".", ". All rights reserved.", " 2023")),
       st.sampled_from(("{} said on Tuesday.", "Officials of the {} met.", "{}")))
def test_a_credit_lead_makes_the_shape_and_a_sentence_never_does(
        first: list[str], end: str, lead: str, tail: str, sentence: str) -> None:
    name = " ".join([*first, end])
    assert shaped(f"{lead}{name}{tail}", name)
    assert not shaped(sentence.format(name), name)
