"""Dates printed in the further languages and scripts of the pages agency copy is republished on: Romanian, Czech,
Slovak, Serbian, Ukrainian and Bulgarian month names, Hungarian's year-first order ("2022. március 25."), Arabic
month names (Egypt and the Gulf, the Levant, the Maghreb) and Arabic-Indic or Persian digits; the Nordic clock word
before a dotted time ("kl. 13.02", "klo 9.05"). Each round trip
prints a random instant in the shape and reads it back to the same instant."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeder.dates import parse_date
from feeder.extract.dates import MONTHS_BY_LANGUAGE, find_dates

_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
_NEW = ("ro", "hu", "cs", "sk", "sr", "uk", "bg", "ar")
_SPELLINGS = [(number, spelling) for lang in _NEW for number, names in enumerate(MONTHS_BY_LANGUAGE[lang], 1)
              for spelling in names]
_ARABIC = [(number, spelling) for number, names in enumerate(MONTHS_BY_LANGUAGE["ar"], 1) for spelling in names]
_HUNGARIAN = [(number, spelling) for number, names in enumerate(MONTHS_BY_LANGUAGE["hu"], 1) for spelling in names]
# The digits Arabic pages print (Arabic-Indic) and Persian and Urdu ones (Eastern Arabic-Indic).
_DIGIT_SETS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "0123456789")


def _in(digits: str, number: int, width: int = 1) -> str:
    return "".join(digits[int(ch)] for ch in f"{number:0{width}d}")


@given(_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from(_SPELLINGS), st.sampled_from((" ", ", ")))
def test_a_day_and_time_in_a_further_language_read_back(day: date, hour: int, minute: int,
                                                       month: tuple[int, str], gap: str) -> None:
    number, spelling = month
    day = day.replace(day=min(day.day, 28), month=number)
    printed = f"{day.day} {spelling} {day.year}{gap}{hour:02d}:{minute:02d}"
    parsed = parse_date(printed, "UTC")
    assert parsed is not None
    assert parsed.value == datetime(day.year, number, day.day, hour, minute, tzinfo=UTC)


@given(_DAYS, st.sampled_from(_ARABIC), st.sampled_from(_DIGIT_SETS), st.integers(0, 23), st.integers(0, 59),
       st.sampled_from(("", " - ", "، ")))
def test_an_arabic_date_in_any_digits_reads_back(day: date, month: tuple[int, str], digits: str, hour: int,
                                                 minute: int, gap: str) -> None:
    """The span of the hit is the printed text itself, whatever digits it was printed in."""
    number, spelling = month
    day = day.replace(day=min(day.day, 28), month=number)
    printed = f"{_in(digits, day.day)} {spelling} {_in(digits, day.year)}"
    if gap:
        printed += f"{gap}{_in(digits, hour, 2)}:{_in(digits, minute, 2)}"
    hits = find_dates(printed)
    assert len(hits) == 1 and hits[0].raw == printed
    parsed = parse_date(printed, "UTC")
    assert parsed is not None and parsed.day_only == (not gap)
    assert parsed.value == datetime(day.year, number, day.day, hour if gap else 0, minute if gap else 0, tzinfo=UTC)


@given(_DAYS, st.sampled_from(_HUNGARIAN), st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))))
def test_a_hungarian_year_first_date_reads_back(day: date, month: tuple[int, str],
                                                clock: tuple[int, int] | None) -> None:
    number, spelling = month
    day = day.replace(day=min(day.day, 28), month=number)
    dot = "." if len(spelling) <= 4 else ""  # a short form prints its dot: "márc."
    printed = f"{day.year}. {spelling}{dot} {day.day}."
    if clock is not None:
        printed += f" {clock[0]:02d}:{clock[1]:02d}"
    parsed = parse_date(printed, "UTC")
    assert parsed is not None
    hour, minute = clock if clock is not None else (0, 0)
    assert parsed.value == datetime(day.year, number, day.day, hour, minute, tzinfo=UTC)


_NORDIC = [(number, spelling) for lang in ("sv", "da", "nb", "fi") for number, names in
           enumerate(MONTHS_BY_LANGUAGE[lang], 1) for spelling in names]


@given(_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from(_NORDIC), st.sampled_from(("kl.", "kl", "klo")),
       st.booleans())
def test_a_nordic_dotted_time_after_its_clock_word_reads_back(day: date, hour: int, minute: int,
                                                               month: tuple[int, str], word: str,
                                                               numeric: bool) -> None:
    number, spelling = month
    day = day.replace(day=min(day.day, 28), month=number)
    printed_day = f"{day.day}.{number}.{day.year}" if numeric else f"{day.day}. {spelling} {day.year}"
    printed = f"{printed_day} {word} {hour}.{minute:02d}"
    parsed = parse_date(printed, "UTC")
    assert parsed is not None and not parsed.day_only
    assert parsed.value == datetime(day.year, number, day.day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize("text", [
    "4 اب",  # a short Levantine month name without a year: the word "father" as often
    "٤ مارس",  # no year: never a publication date
    "The census of 2022. Most of them",  # a year ending a sentence before a word that is no month
    "Version 3.10 kl. 2.5",  # a clock word before no time
])
def test_no_publication_date_is_read(text: str) -> None:
    assert all(hit.year is None for hit in find_dates(text))
