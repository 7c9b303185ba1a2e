"""A dateline's place and its agency printed as a field of their own above the headline ("Riyadh - SPA" over
the date): the agency's credit, so the date under it is the agency's stamp (extract/datelines.place_and_outlet)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeder.extract.datelines import place_and_outlet

_KNOWN = frozenset(("SPA", "KUNA", "WAM", "Reuters"))


def _is_outlet(name: str) -> bool:
    return name in _KNOWN


@pytest.mark.parametrize(("text", "outlet"), [
    ("Riyadh - SPA", "SPA"),
    ("Kuwait – KUNA", "KUNA"),
    ("Abu Dhabi — WAM", "WAM"),
    ("Photo - Reuters", None),  # a label, no place
    ("Riyadh - Sport", None),  # a section, no agency
    ("Reuters - SPA", None),  # an outlet's name, no place
    ("Riyadh-SPA", None),  # no spaced dash: a hyphenated name
])
def test_a_place_and_an_agency_set_apart_by_a_dash(text: str, outlet: str | None) -> None:
    assert place_and_outlet(text, _is_outlet) == outlet


@given(st.from_regex(r"[A-Z][a-z]{2,9}(?: [A-Z][a-z]{2,9})?", fullmatch=True), st.sampled_from(sorted(_KNOWN)),
       st.sampled_from(("-", "–", "—")), st.sampled_from((" ", "  ")))
def test_any_place_before_a_known_agency_names_the_agency(place: str, agency: str, dash: str, gap: str) -> None:
    if place.casefold() in {"photo", "photos", "picture", "image", "video", "source", "courtesy", "credit", "from",
                            "more", "read", "see", "about", "follow", "copyright"}:
        return
    assert place_and_outlet(f"{place}{gap}{dash} {agency}", _is_outlet) == agency
