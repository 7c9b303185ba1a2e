"""A poster's row naming the account with its role in brackets, and a theme's dated "Written by" row."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.posters import poster_row, read_row

_NAME = st.sampled_from(["Marta Oyelaran", "ridgewatcher", "Kwan Li-hua", "admin", "Tom Okafor"])
_ROLE = st.sampled_from(["", " (Guest Contributor)", " (guest writer)", " (Staff Writer)", " (Contributor)",
                         " (Columnist)"])
_DATE = st.sampled_from(["June 9, 2024", "9 June 2024", "Sat, 10/20/2018 - 14:35"])
_VERB = st.sampled_from(["Written by", "Posted by", "Submitted by"])


@settings(deadline=None)
@given(_VERB, _NAME, _ROLE, _DATE)
def test_the_role_is_no_part_of_the_posters_name(verb: str, name: str, role: str, date: str) -> None:
    row = poster_row(f"{verb} {name}{role} on {date}")
    assert row is not None and row[0] == name and row[1] is not None
    assert read_row(f"{verb} {name}{role} on {date}") == row


@settings(deadline=None)
@given(_NAME, _ROLE)
def test_an_undated_written_by_line_is_no_posters_row(name: str, role: str) -> None:
    assert poster_row(f"Written by {name}{role}") is None
