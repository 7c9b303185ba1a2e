"""Month and weekday names of the languages agency copy is republished in beyond the first seven
(Indonesian, Malay, Dutch, Turkish, the Scandinavian languages, Polish, Finnish, Greek) are read like the others;
a lone abbreviation stays a word."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.dates import MONTHS_BY_LANGUAGE, find_dates


@pytest.mark.parametrize(("text", "fields"), [
    ("13 Desember 2024", (2024, 12, 13, None)),
    ("Jumat, 13 Desember 2024 10:05 WIB", (2024, 12, 13, 10)),
    ("Isnin, 12 Mac 2023", (2023, 3, 12, None)),
    ("vrijdag 14 april 2023", (2023, 4, 14, None)),
    ("3 Ağustos 2021", (2021, 8, 3, None)),
    ("12 mei 2021", (2021, 5, 12, None)),
    ("15 augusti 2020 kl. 13:02", (2020, 8, 15, 13)),
    ("3. desember 2019 13:02", (2019, 12, 3, 13)),
    ("15. marts 2020", (2020, 3, 15, None)),
    ("15 października 2020", (2020, 10, 15, None)),
    ("15. lokakuuta 2020", (2020, 10, 15, None)),
    ("15 Οκτωβρίου 2020", (2020, 10, 15, None)),
])
def test_a_date_in_another_language(text: str, fields: tuple[int, int, int, int | None]) -> None:
    hit = find_dates(text)[0]
    assert (hit.year, hit.month, hit.day, hit.hour) == fields
    assert hit.raw == text


def test_a_capitalised_word_that_abbreviates_a_month_elsewhere_is_no_date() -> None:
    assert find_dates("Des 12 candidats ont été retenus") == ()


_SPELLINGS = [(number, spelling) for months in MONTHS_BY_LANGUAGE.values()
              for number, spellings in enumerate(months, 1) for spelling in spellings if len(spelling) > 3]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_SPELLINGS), st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
       st.booleans())
def test_every_full_month_name_reads_as_its_month(month: tuple[int, str], day: date, capital: bool) -> None:
    number, spelling = month
    if day.day > 28:
        day = day.replace(day=28)
    word = spelling.capitalize() if capital else spelling
    hit = find_dates(f"{day.day} {word} {day.year}")[0]
    assert (hit.year, hit.month, hit.day) == (day.year, number, day.day)
