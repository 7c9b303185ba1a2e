"""The date finder: a table of printed shapes read as expected, round trips of random instants, no crash on any text."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from feeder.dates import parse_date
from feeder.extract.dates import DateHit, find_dates, numeric_order_evidence

TABLE = Path(__file__).parent / "fixtures" / "dates"
FIELDS = ("raw", "year", "month", "day", "hour", "minute", "second", "zone", "precision", "order_ambiguous",
          "label", "trap", "weekday_named", "line_is_only_date")
# What a field is when the expected JSON leaves it out.
DEFAULTS: dict[str, Any] = {"hour": None, "minute": None, "second": None, "zone": None, "order_ambiguous": False,
                            "label": None, "trap": None, "weekday_named": False, "line_is_only_date": False}


def _table() -> list[tuple[str, dict[str, Any]]]:
    lines = [line for line in (TABLE / "shapes.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    expected = json.loads((TABLE / "shapes.json").read_text(encoding="utf-8"))
    assert [case["text"] for case in expected["cases"]] == lines, "shapes.json must follow shapes.txt line by line"
    return [(line, {**case, "zone": expected["zone"]}) for line, case in zip(lines, expected["cases"], strict=True)]


def test_the_table_covers_many_shapes() -> None:
    cases = _table()
    assert len(cases) >= 150
    assert sum(1 for _, case in cases if not case["hits"]) >= 10  # and lines that hold no date


@pytest.mark.parametrize(("text", "case"), _table(), ids=lambda v: v if isinstance(v, str) else "")
def test_printed_shapes_read_as_the_table_says(text: str, case: dict[str, Any]) -> None:
    found = [{field: getattr(hit, field) for field in FIELDS} for hit in find_dates(text)]
    expected = [{**DEFAULTS, **hit} for hit in case["hits"]]
    assert found == expected
    parsed = parse_date(text, case["zone"])
    reading = None if parsed is None else {"value": parsed.value.isoformat(), "zone_stated": parsed.zone_stated,
                                           "day_only": parsed.day_only}
    assert reading == case["parsed"]


# --- round trips: a random instant printed in many shapes reads back to the same instant

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")
MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Printed zones and the offsets they stand for (never CST: its reading depends on the outlet).
NAMED_ZONES = {"EDT": -4, "EST": -5, "PDT": -7, "BST": 1, "CEST": 2, "JST": 9, "KST": 9, "IST": 5.5, "UTC": 0,
               "GMT": 0, "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "GST": 4, "IRST": 3.5, "WITA": 8}
# Words printed around a stamp that must not change its reading (no digits, no month or zone words).
FILLERS = ("", "Posted by admin | ", "Source: Xinhua | ", "By Li Wei, ", "— ", "(Reuters) ")
TRAILERS = ("", " | Share", " · Comments", ". Read more", " 来源：新华社")

instants = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)).map(  # noqa: DTZ001
    lambda d: d.replace(microsecond=0, fold=0))
offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timedelta(minutes=15 * q))


def _offset_text(offset: timedelta, colon: bool) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}" if colon else f"{sign}{hours:02d}{rest:02d}"


def _zoned_shapes(d: datetime, offset: timedelta) -> list[str]:
    """The moment ``d`` (wall time) at ``offset``, as pages and feeds print it."""
    wd, mon = WEEKDAYS[d.weekday()], MONTHS[d.month - 1]
    shapes = [
        f"{d:%Y-%m-%dT%H:%M:%S}{_offset_text(offset, True)}",
        f"{wd[:3]}, {d.day:02d} {mon[:3]} {d.year} {d:%H:%M:%S} {_offset_text(offset, False)}",
        f"{d.year}年{d.month}月{d.day}日 {d:%H:%M:%S} UTC{_offset_text(offset, True)}",
        f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}, {d:%H:%M:%S} GMT{_offset_text(offset, True)}",
    ]
    if offset.total_seconds() % 3600 == 0:
        hours = int(offset.total_seconds() // 3600)
        shapes.append(f"{d:%Y/%m/%d %H:%M:%S} GMT{'+' if hours >= 0 else '-'}{abs(hours)}")
    return shapes


def _unzoned_shapes(d: datetime) -> list[str]:
    """The same moment printed without a zone, seconds included so the reading is exact."""
    hour12, meridiem = d.hour % 12 or 12, "AM" if d.hour < 12 else "PM"
    wd, mon = WEEKDAYS[d.weekday()], MONTHS[d.month - 1]
    return [
        f"{wd}, {mon} {d.day}, {d.year} {hour12}:{d:%M:%S} {meridiem}",
        f"{d:%H:%M:%S}, {mon[:3]}. {d.day} {d.year}",
        f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}, {d:%H:%M:%S}",
        f"{d.day} {MONTHS_FR[d.month - 1]} {d.year} à {d:%H:%M:%S}",
        f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} г. {d:%H:%M:%S}",
        f"{d:%d.%m.%Y %H:%M:%S}",
        f"{d.year}년 {d.month}월 {d.day}일 {d:%H:%M:%S}",
        f"{d:%d-%b-%y %H:%M:%S}",
        f"{d:%b-%d-%Y} {d:%H:%M:%S}",
        f"Updated:{d.year}/{d.month}/{d.day} {d:%H:%M:%S}",
    ]


def _only_hit(text: str) -> DateHit:
    hits = [h for h in find_dates(text) if h.trap is None]
    assert len(hits) == 1, (text, hits)
    return hits[0]


@settings(max_examples=150, deadline=None)
@given(instants, offsets, st.sampled_from(FILLERS), st.sampled_from(TRAILERS))
@example(datetime(2021, 3, 2, 16, 5, 0), timedelta(hours=8), "", "")  # noqa: DTZ001
@example(datetime(2021, 3, 2, 0, 0, 0), timedelta(hours=-5), "Source: Xinhua | ", " | Share")  # noqa: DTZ001
def test_a_zoned_stamp_reads_back_to_its_instant(moment: datetime, offset: timedelta, before: str,
                                                 after: str) -> None:
    expected = moment.replace(tzinfo=timezone(offset))
    for shape in _zoned_shapes(moment, offset):
        text = before + shape + after
        hit = _only_hit(text)
        assert (hit.year, hit.month, hit.day, hit.hour, hit.minute, hit.second) == (
            moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second), text
        assert text[hit.start:hit.end] == hit.raw and hit.zone, text
        parsed = parse_date(text, "Asia/Shanghai")
        assert parsed is not None and parsed.zone_stated and not parsed.day_only, text
        assert parsed.value == expected and parsed.value.utcoffset() == offset, text


@settings(max_examples=150, deadline=None)
@given(instants, st.sampled_from(("America/New_York", "Europe/Paris", "Asia/Shanghai", "Asia/Kolkata", "UTC")),
       st.sampled_from(FILLERS), st.sampled_from(TRAILERS))
def test_an_unzoned_stamp_is_in_the_outlets_zone(moment: datetime, zone: str, before: str, after: str) -> None:
    expected = moment.replace(tzinfo=ZoneInfo(zone))  # fold=0: a printed time carries no fold
    for shape in _unzoned_shapes(moment):
        text = before + shape + after
        hit = _only_hit(text)
        assert (hit.year, hit.month, hit.day, hit.hour, hit.minute, hit.second, hit.zone) == (
            moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, None), text
        parsed = parse_date(text, zone)
        assert parsed is not None and not parsed.zone_stated, text
        assert parsed.value == expected and parsed.value.utcoffset() == expected.utcoffset(), text


@settings(max_examples=100, deadline=None)
@given(instants, st.sampled_from(sorted(NAMED_ZONES)), st.sampled_from(("", " hrs", " Hrs")))
def test_named_zones_stand_for_their_offsets(moment: datetime, name: str, hours: str) -> None:
    # "11:30 hrs GMT": the word for hours may stand between the time and its zone.
    text = f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year} {moment:%H:%M}{hours} {name}"
    parsed = parse_date(text, "Asia/Shanghai")
    assert parsed is not None and parsed.zone_stated
    assert parsed.value.utcoffset() == timedelta(hours=NAMED_ZONES[name])
    assert parsed.value.replace(tzinfo=None) == moment.replace(second=0)


# --- any text: no crash, and every hit is a well-formed span of it

DATEISH = st.text(alphabet="0123456789 /-.:,年月日년월일时分 APMapmT+Z()|JanMrchuly一二", max_size=60)


def _well_formed(text: str) -> None:
    hits = find_dates(text)
    previous_end = 0
    for hit in hits:
        assert 0 <= hit.label_start <= hit.start < hit.end <= len(text)
        assert hit.start >= previous_end and text[hit.start:hit.end] == hit.raw
        previous_end = hit.end
        if hit.trap == "relative":
            assert hit.year is None and hit.month == hit.day == 0
            continue
        assert 1 <= hit.month <= 12 and 1 <= hit.day <= 31
        assert (hit.year is None) == (hit.trap == "yearless")
        assert (hit.hour is None) == (hit.precision == "day") and (hit.second is None) != (hit.precision == "second")
        if hit.hour is not None:
            assert 0 <= hit.hour <= 23 and hit.minute is not None and 0 <= hit.minute <= 59


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_well_formed_hits(text: str) -> None:
    _well_formed(text)


@settings(max_examples=400, deadline=None)
@given(DATEISH)
def test_date_like_noise_gives_well_formed_hits(text: str) -> None:
    _well_formed(text)
    parsed = parse_date(text, "UTC")
    assert parsed is None or parsed.value.tzinfo is not None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Published: 2021-03-02 16:05", "3 hours ago", "March 2", "Tue, 02 Mar 2021",
                                 "2021年3月2日", "Page 2 of 14", "by Li Wei", "\n", " | "]), max_size=8))
def test_hits_in_a_block_are_those_of_its_parts(parts: list[str]) -> None:
    _well_formed("".join(parts))


# --- day-first and month-first

def test_an_ambiguous_numeric_date_takes_the_callers_order() -> None:
    hit = _only_hit("03/04/2021")
    assert hit.order_ambiguous and (hit.month, hit.day) == (3, 4)
    day_first = hit.read_as(day_first=True)
    assert (day_first.month, day_first.day, day_first.order_ambiguous) == (4, 3, False)
    assert hit.read_as(day_first=False).month == 3
    us = parse_date("03/04/2021", "UTC", day_first=False)
    uk = parse_date("03/04/2021", "UTC", day_first=True)
    assert us is not None and us.value.month == 3 and not us.order_guessed
    assert uk is not None and uk.value.month == 4 and not uk.order_guessed


def test_without_a_preference_the_outlets_zone_decides_and_says_so() -> None:
    new_york = parse_date("03/04/2021 10:00", "America/New_York")
    paris = parse_date("03/04/2021 10:00", "Europe/Paris")
    assert new_york is not None and new_york.value.month == 3 and new_york.order_guessed
    assert paris is not None and paris.value.month == 4 and paris.order_guessed
    settled = parse_date("13/04/2021", "America/New_York")  # 13 is no month: nothing to guess
    assert settled is not None and settled.value.month == 4 and not settled.order_guessed


def test_dotted_dates_are_day_first_and_a_page_shows_its_order() -> None:
    assert _only_hit("04.03.2021").month == 3 and not _only_hit("04.03.2021").order_ambiguous
    assert numeric_order_evidence(find_dates("Posted 13/04/2021, updated 03/05/2021")) is True
    assert numeric_order_evidence(find_dates("Posted 04/13/2021, updated 03/05/2021")) is False
    assert numeric_order_evidence(find_dates("Posted 03/05/2021")) is None
    assert numeric_order_evidence(find_dates("13/04/2021 and 04/13/2021")) is None


# --- traps and context the resolver needs

def test_relative_and_yearless_stamps_are_traps_never_dates() -> None:
    for text in ("3 hours ago", "an hour ago", "Yesterday at 4:05 PM", "3小时前", "March 2", "Updated: March 2 16:05"):
        assert all(hit.trap in ("relative", "yearless") for hit in find_dates(text)), text
        assert find_dates(text), text
        assert parse_date(text, "UTC") is None, text


def test_a_capture_day_widget_is_a_lone_line_with_a_weekday() -> None:
    block = "Skip to main content\nMonday, January 12th, 2026\nHarbour cranes go electric\nBy Li Wei | 2021-03-02"
    widget, stamp = find_dates(block)
    assert widget.weekday_named and widget.line_is_only_date and widget.year == 2026
    assert not stamp.weekday_named and not stamp.line_is_only_date and stamp.year == 2021


def test_several_labels_on_one_line_each_name_their_date() -> None:
    text = "By A and B Source: Global Times Published: 2021/8/1 20:49:14 Updated:2021/8/2 08:00"
    published, updated = find_dates(text)
    assert (published.label, published.day, published.second) == ("published", 1, 14)
    assert (updated.label, updated.day, updated.hour) == ("updated", 2, 8)
    assert text[published.label_start:published.start] == "Published: "


def test_a_malformed_meridiem_below_the_body_still_reads() -> None:
    hit = _only_hit("Editor: Li Wei   15 October 2020 13:02 PM")
    assert (hit.year, hit.month, hit.day, hit.hour, hit.minute) == (2020, 10, 15, 13, 2)


@pytest.mark.parametrize("text", [
    "1" + " " * 20_000 + "x",  # once read in quadratic time: two spaces-runs in a row in one branch
    "1" + "\u00a0" * 20_000 + "ago",
    ("3 March " + " " * 500) * 40,
    "1:" * 10_000,
    "月1" * 10_000,
])
def test_long_runs_are_read_in_one_pass(text: str) -> None:
    # The work is bounded by the input's size (no wall-clock budget): a pattern that backtracks
    # over a run of spaces once per split of it would take minutes here, not milliseconds.
    _well_formed(text)


def test_a_stamp_that_settles_the_order_settles_its_neighbour() -> None:
    parsed = parse_date("Posted 03/04/2021, updated 13/04/2021", "America/New_York")
    assert parsed is not None and (parsed.value.month, parsed.value.day) == (4, 3) and not parsed.order_guessed



# --- a printed weekday settles the day/month order

@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(("", "Submitted by Ana on ", "Posted: ")), st.sampled_from(("", " - 09:15", " 18:40")))
def test_a_printed_weekday_picks_the_reading_that_falls_on_it(day: date, before: str, after: str) -> None:
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    try:
        swapped: date | None = date(day.year, day.day, day.month)  # the other reading of either print
    except ValueError:
        swapped = None
    settles = swapped is not None and swapped != day and swapped.weekday() != day.weekday()
    for printed in (f"{day:%m/%d/%Y}", f"{day:%d/%m/%Y}"):
        hit = _only_hit(f"{before}{weekday}, {printed}{after}")
        assert hit.weekday_named and hit.year == day.year
        if settles:
            assert (hit.month, hit.day, hit.order_ambiguous) == (day.month, day.day, False), printed


# --- dotted numeric dates: day-first, unless only the month-first reading exists

@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(("", "Posted ", "AP | ", "Updated: ")), st.sampled_from(("", " | World", " 09:15")))
def test_a_dotted_date_reads_day_first_unless_its_second_number_is_no_month(day: date, before: str,
                                                                            after: str) -> None:
    day_first = _only_hit(f"{before}{day:%d.%m.%Y}{after}")
    assert (day_first.year, day_first.month, day_first.day) == (day.year, day.month, day.day)
    month_first = find_dates(f"{before}{day:%m.%d.%Y}{after}")
    if day.day > 12:  # "07.18.2012": read month-first, and evidence of the page's order
        assert len(month_first) == 1 and (month_first[0].month, month_first[0].day) == (day.month, day.day)
        assert month_first[0].order_decisive and numeric_order_evidence(month_first) is False
    else:  # both numbers are months: the dotted convention, day-first
        assert len(month_first) == 1 and (month_first[0].month, month_first[0].day) == (day.day, day.month)
        assert not month_first[0].order_decisive
