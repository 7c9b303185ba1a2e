"""Month and weekday names of the languages agency copy is republished in beyond the first seven
(Indonesian, Malay, Dutch, Turkish) are read like the others; a lone abbreviation stays a word."""

from __future__ import annotations

import pytest

from feeder.extract.dates import find_dates


@pytest.mark.parametrize(("text", "fields"), [
    ("13 Desember 2024", (2024, 12, 13, None)),
    ("Jumat, 13 Desember 2024 10:05 WIB", (2024, 12, 13, 10)),
    ("Isnin, 12 Mac 2023", (2023, 3, 12, None)),
    ("vrijdag 14 april 2023", (2023, 4, 14, None)),
    ("3 Ağustos 2021", (2021, 8, 3, None)),
    ("12 mei 2021", (2021, 5, 12, None)),
])
def test_a_date_in_another_language(text: str, fields: tuple[int, int, int, int | None]) -> None:
    hit = find_dates(text)[0]
    assert (hit.year, hit.month, hit.day, hit.hour) == fields
    assert hit.raw == text


def test_a_capitalised_word_that_abbreviates_a_month_elsewhere_is_no_date() -> None:
    assert find_dates("Des 12 candidats ont été retenus") == ()
