"""Stamps in rows and datelines: an empty author field before the post's date ("Written by  on March 3, 2022",
"By | 14 June 2020") gives the post date and no poster or author; a dateline alone on its line that prints another
calendar's date before the Gregorian one ("Riyadh, Ramadan 27, 1442 AH, corresponding to May 09, 2021 AD, SPA")
credits the agency with the Gregorian date; a person's byline, the outlet and its stamp on one row with no "By"
("Henrik Lund (NTB) | 2022-02-14 09:40") is the outlet's credit row, as a dateline's place and outlet as the credit
field is ("Riyadh - SPA" over its date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract.credit_lines import _NOT_A_PLACE, _PERSON_OUTLET_STAMP, _PLACE_DASH_OUTLET
from feeder.extract.datelines import COMMA_TOKEN_LINE
from feeder.extract.dates import find_dates

STORY = ("OSLO (NTB) - The old town hall will reopen to the public next month after a two-year restoration that "
         "replaced its roof and rebuilt the clock tower, the municipality said on Thursday.")
MORE = "The building will host the tourist office and a small museum of the town's shipyards."


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(("Written by", "By", "Author:")), st.sampled_from(("on", "|", "–")),
       st.sampled_from(("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d")))
def test_an_empty_author_field_leaves_the_post_date(tmp_path: Path, config: Config, day: date, label: str,
                                                    joint: str, shape: str) -> None:
    dump = f"Lakeside FM\nHome\nNews\n\nTown hall to reopen after restoration\n\n{label} {joint} {day:{shape}}\n\n" \
           f"{STORY}\n\n{MORE}\n"
    path = tmp_path / "post.txt"
    path.write_text(dump, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["republished"] == f"{day:%Y-%m-%d}T00:00:00+00:00"
    assert record["authors"] == [] and record["republisher"] is None and record["published"] is None


# --- a dateline printing another calendar's date before the Gregorian one (Hijri beside Gregorian)

_HIJRI_MONTHS = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi' al-Thani", "Jumada al-Ula", "Rajab", "Sha'ban",
                 "Ramadan", "Shawwal", "Dhu al-Hijjah")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.sampled_from(_HIJRI_MONTHS),
       st.integers(min_value=1, max_value=30), st.integers(min_value=1400, max_value=1480),
       st.sampled_from(("{m} {d}, {y}", "{d} {m} {y}", "{m} {d}, {y} AH", "{d} {m} {y} H")),
       st.sampled_from(("", "corresponding to ")), st.sampled_from(("%B %d, %Y", "%d %B %Y", "%b %d, %Y")),
       st.sampled_from(("SPA", "KUNA", "Saudi Press Agency")))
def test_a_dateline_line_with_another_calendar_keeps_the_gregorian_date(
        day: date, month: str, hijri_day: int, year: int, hijri: str, joint: str, shape: str, token: str) -> None:
    other = hijri.format(m=month, d=hijri_day, y=year)
    for line in (f"Riyadh, {other}, {joint}{day:{shape}}, {token}", f"Riyadh, {day:{shape}}, {token}"):
        m = COMMA_TOKEN_LINE.match(line)
        assert m is not None and m.group("outlet") == token, line
        hits = [h for h in find_dates(m.group("date")) if h.year is not None]
        assert [(h.year, h.month, h.day) for h in hits] == [(day.year, day.month, day.day)], line


def test_a_headline_with_a_place_and_a_date_is_no_dateline_line_without_a_comma_token() -> None:
    assert COMMA_TOKEN_LINE.match("Riyadh marks national day on 23 September 2021 with parades") is None
    assert COMMA_TOKEN_LINE.match("Jeddah, 19 September 2021 - ministry launches permits for workers") is None


# --- a person's byline, the outlet and its stamp on one row, no "By"

_GIVEN = st.sampled_from(("Henrik", "Ana", "Marta", "Kwame", "Li"))
_FAMILY = st.sampled_from(("Lund", "Ribeiro", "Quiroga", "Mensah", "Wei", "O'Neil"))


@given(_GIVEN, _FAMILY, st.sampled_from(("Reuters", "NTB", "Lusa", "Agence France-Presse")),
       st.sampled_from(("{n} ({o}) | {d}", "{n} ({o}) {d}", "{n} ({o}) - {d}", "{n}, {o}, {d}", "{n} - {o} - {d}",
                        "{n}/{o} {d}", "Written by {n} ({o}) on {d}")),
       st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 12, 31)),
       st.sampled_from(("%d %B %Y", "%b %d, %Y", "%Y-%m-%d 09:40", "%d.%m.%Y 10:15")))
def test_a_person_outlet_and_stamp_row_splits_into_its_three_fields(given_name: str, family: str, outlet: str,
                                                                     row: str, day: date, shape: str) -> None:
    name = f"{given_name} {family}"
    m = _PERSON_OUTLET_STAMP.match(row.format(n=name, o=outlet, d=f"{day:{shape}}"))
    assert m is not None
    assert m.group("names") == name and (m.group("bracketed") or m.group("outlet")).strip() == outlet
    hits = find_dates(m.group("date"))
    assert hits and hits[0].start == 0 and (hits[0].year, hits[0].month, hits[0].day) == (day.year, day.month, day.day)


def test_a_by_line_is_left_to_the_byline_readers() -> None:
    assert _PERSON_OUTLET_STAMP.match("By Nicolas Vauclair, Associated Press | Posted - Jan. 19, 2020") is None


# --- a dateline's place and outlet as the credit field ("Riyadh - SPA", "Bern — Keystone-SDA | 12.10.2021 14:20")


@given(st.sampled_from(("Riyadh", "Bern", "Sao Paulo", "Port Louis", "St. John's")),
       st.sampled_from(("-", "–", "—")), st.sampled_from(("SPA", "Keystone-SDA", "Agência Brasil", "Reuters")),
       st.one_of(st.none(), st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 12, 31))))
def test_a_place_dash_outlet_field_reads_its_outlet_and_stamp(place: str, dash: str, outlet: str,
                                                              day: date | None) -> None:
    text = f"{place} {dash} {outlet}" + ("" if day is None else f" | {day:%a, %d %b %Y}")
    m = _PLACE_DASH_OUTLET.match(text)
    assert m is not None and m.group("place") == place and m.group("outlet") == outlet
    if day is None:
        assert m.group("date") is None
    else:
        hit = find_dates(m.group("date"))[0]
        assert (hit.year, hit.month, hit.day) == (day.year, day.month, day.day)


def test_a_headline_with_a_dash_is_no_place_and_outlet_field() -> None:
    assert _PLACE_DASH_OUTLET.match("Grain barges load fully again after dredging - Reuters") is None


def test_a_label_before_the_outlet_is_no_place() -> None:
    # "About This Source - Outlet" names the outlet, but no dateline: the credit is read as what it is elsewhere.
    m = _PLACE_DASH_OUTLET.match("About This Source - Anadolu Agency")
    assert m is not None and _NOT_A_PLACE.intersection(m.group("place").casefold().split())
    assert not _NOT_A_PLACE.intersection("The Hague".casefold().split())
