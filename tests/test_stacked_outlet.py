"""A byline stacked over a news outlet's name the registry does not know ("Author: A" / "Inter Press Service" /
date): the name credits the outlet only when shaped as a paper's or a news service's, and is not the site's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.credit_lines import _stacked_outlet
from feeder.extract.credit_rows import role_line, run_on_paper
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


# --- a byline and its role naming the outlet on one line ("Name — Repórter da Agência Brasil")

@pytest.mark.parametrize(("line", "byline", "outlet"), [
    ("Helena Vasconcelos – Repórter da Agência Brasil", "Helena Vasconcelos", "Agência Brasil"),
    ("By Camila Duarte - Reporter for Reuters - Santos", "Camila Duarte", "Reuters"),
    ("Tom Okoro — Correspondent for the Coastal Herald", "Tom Okoro", "Coastal Herald"),
    ("Tom Okoro – Editor of the Harbour Ferry Users Association", None, None),  # an organisation's
    ("Prices rose - reporter of the year award goes to Ana", None, None),
    ("Jean-Pierre Dubois", None, None),  # a hyphen inside a name is no field's joint
])
def test_a_byline_and_its_role_line(line: str, byline: str | None, outlet: str | None) -> None:
    found = Found()
    assert role_line(line, "line 1", found, is_outlet) is (byline is not None)
    assert [c.value for c in found.candidates] == ([byline, outlet] if byline else [])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=2, max_size=3), st.sampled_from((" – ", " — ", " - ")),
       st.sampled_from(("Reporter for", "Correspondent of the", "Repórter da")),
       st.sampled_from(("Reuters", "Harbour Gazette", "Agência Brasil")))
def test_a_role_line_names_the_person_and_the_outlet(name: list[str], dash: str, role: str, outlet: str) -> None:
    found = Found()
    person = " ".join(name)
    assert role_line(f"{person}{dash}{role} {outlet}", "line 1", found, is_outlet)
    assert [c.value for c in found.candidates] == [person, outlet]


# --- a paper's name run on after the person's with no comma ("By Peter Kessler Tribune Newspapers")

@pytest.mark.parametrize(("name", "paper"), [
    ("Dolores Quint McKinley Newspapers", "McKinley Newspapers"),
    ("Arturo Benn Harbour Weekly", "Harbour Weekly"),
    ("Mary Ann Holt Valley Daily News", None),  # "Valley Daily News" or "Holt Valley Daily News": no guess
    ("Jane Doe New York Times", None),  # "York Times" after three words fits too
    ("JONAH PRESTWICK Associated Press", None),  # a listed outlet: the byline cleaning's
    ("Jane Doe, Harbour Weekly", None),  # a comma: outlet_after_names reads it
    ("Jane Doe", None),
])
def test_a_paper_run_on_after_the_name(name: str, paper: str | None) -> None:
    assert run_on_paper(name, is_outlet) == paper


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=2, max_size=3), st.lists(words, min_size=1, max_size=3),
       st.sampled_from(("Gazette", "Herald", "Newspapers", "Courier")))
def test_a_run_on_paper_is_a_cut_of_the_name_never_a_guess(person: list[str], place: list[str], end: str) -> None:
    name = " ".join([*person, *place, end])
    paper = run_on_paper(name, is_outlet)
    assert paper is None or name.endswith(f" {paper}")
    if paper is not None:  # the only cut: the other length of person's name leaves no paper's shape
        head = len(name.split()) - len(paper.split())
        assert head in (2, 3)
