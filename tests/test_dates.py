"""Date parsing: every printed style reads back to the same aware instant; stated zones win; no crashes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from feeder.dates import parse_date

ZONES = ("Asia/Shanghai", "America/New_York", "Europe/Paris", "UTC", "Asia/Kolkata")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Wall-clock times as a page prints them: naive on purpose, the zone is what parse_date must add.
naive_times = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)).map(  # noqa: DTZ001
    lambda d: d.replace(second=0, microsecond=0))


def _styles(d: datetime) -> list[str]:
    hour12 = d.hour % 12 or 12
    meridiem = "AM" if d.hour < 12 else "PM"
    return [
        d.strftime("%Y-%m-%d %H:%M"),
        d.strftime("%Y-%m-%dT%H:%M:%S"),
        f"{d.year}/{d.month}/{d.day} {d.hour:02d}:{d.minute:02d}",
        f"{d.year}年{d.month}月{d.day}日 {d.hour:02d}:{d.minute:02d}",
        f"{MONTHS[d.month - 1]} {d.day}, {d.year} {hour12}:{d.minute:02d} {meridiem}",
        f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year} | {hour12}:{d.minute:02d} {meridiem}",
        f"{d.day} {MONTHS[d.month - 1]} {d.year} {d.hour:02d}:{d.minute:02d}",
        f"{d.hour:02d}:{d.minute:02d}, {d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
        f"Updated: {d.strftime('%Y-%m-%d %H:%M')}",
    ]


@settings(max_examples=150, deadline=None)
@given(naive_times, st.sampled_from(ZONES))
@example(datetime(2028, 3, 12, 2, 0, fold=1), "America/New_York")  # noqa: DTZ001 - in the spring-forward gap
@example(datetime(2028, 11, 5, 1, 30, fold=1), "America/New_York")  # noqa: DTZ001 - in the fall-back overlap
def test_unzoned_times_are_in_the_given_zone(moment: datetime, zone: str) -> None:
    # A printed wall time carries no fold, so the reading is the fold=0 one whatever fold hypothesis drew
    # (the README's rule: gaps and overlaps resolve with fold=0 every time).
    expected = moment.replace(tzinfo=ZoneInfo(zone), fold=0)
    for text in _styles(moment):
        parsed = parse_date(text, zone)
        assert parsed is not None, text
        assert parsed.value == expected, text
        assert parsed.value.utcoffset() == expected.utcoffset(), text
        assert parsed.value.fold == 0, text
        assert not parsed.zone_stated and not parsed.day_only, text


@settings(max_examples=150, deadline=None)
@given(naive_times, st.integers(min_value=-12, max_value=14), st.sampled_from(("GMT", "UTC")))
def test_gmt_plus_n_keeps_its_sign(moment: datetime, hours: int, word: str) -> None:
    text = f"{moment.strftime('%Y-%m-%d %H:%M')} {word}{'+' if hours >= 0 else '-'}{abs(hours)}"
    parsed = parse_date(text, "Asia/Shanghai")
    assert parsed is not None and parsed.zone_stated
    assert parsed.value.utcoffset() == timedelta(hours=hours)
    assert parsed.value.replace(tzinfo=None) == moment


@settings(max_examples=100, deadline=None)
@given(naive_times, st.sampled_from(ZONES))
def test_a_date_without_time_keeps_day_precision(moment: datetime, zone: str) -> None:
    parsed = parse_date(f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}", zone)
    assert parsed is not None and parsed.day_only
    assert parsed.value == datetime(moment.year, moment.month, moment.day, tzinfo=ZoneInfo(zone))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_reads_as_a_date_or_nothing(text: str) -> None:
    parsed = parse_date(text, "UTC")
    assert parsed is None or parsed.value.tzinfo is not None


@pytest.mark.parametrize(("text", "zone", "expected"), [
    ("2021-03-02T16:05:00+08:00", "UTC", "2021-03-02T16:05:00+08:00"),
    ("2021-03-02T16:05:00Z", "Asia/Shanghai", "2021-03-02T16:05:00+00:00"),
    ("Tuesday, March 2, 2021 4:05 pm EDT", "UTC", "2021-03-02T16:05:00-04:00"),
    ("2 March 2021 10:30 IST", "UTC", "2021-03-02T10:30:00+05:30"),
    ("2021-03-02 16:05 JST", "UTC", "2021-03-02T16:05:00+09:00"),
    ("Mar 02, 2021 04:05 PM", "Asia/Shanghai", "2021-03-02T16:05:00+08:00"),
    ("16:05 PM March 2 2021", "UTC", "2021-03-02T16:05:00+00:00"),
    ("12:30 a.m. Mar 2 2021", "UTC", "2021-03-02T00:30:00+00:00"),
    ("14 April 2021 4.05 pm", "Europe/Paris", "2021-04-14T16:05:00+02:00"),
    ("March 2, 2021 09:41 ET", "UTC", "2021-03-02T09:41:00-05:00"),
    ("July 2, 2021 09:41 ET", "UTC", "2021-07-02T09:41:00-04:00"),
])
def test_known_styles(text: str, zone: str, expected: str) -> None:
    parsed = parse_date(text, zone)
    assert parsed is not None and parsed.value.isoformat() == expected


def test_cst_depends_on_the_outlet() -> None:
    china = parse_date("2021-03-02 16:05 CST", "Asia/Shanghai", china_context=True)
    usa = parse_date("2021-03-02 16:05 CST", "America/Chicago", china_context=False)
    assert china is not None and china.value.utcoffset() == timedelta(hours=8)
    assert usa is not None and usa.value.utcoffset() == timedelta(hours=-6)


@pytest.mark.parametrize("text", ["March 2", "Updated: March 2 16:05", "16:05", "yesterday", ""])
def test_a_date_without_a_year_is_not_a_publication_date(text: str) -> None:
    assert parse_date(text, "UTC") is None


def test_daylight_saving_gaps_and_overlaps_resolve_the_same_way_every_time() -> None:
    gap = [parse_date("March 14, 2021 2:30 AM", "America/New_York") for _ in range(3)]
    overlap = [parse_date("November 7, 2021 1:30 AM", "America/New_York") for _ in range(3)]
    for runs in (gap, overlap):
        assert len({p.value.isoformat() for p in runs if p}) == 1
    assert overlap[0] is not None and overlap[0].value.utcoffset() == timedelta(hours=-4)  # fold=0: first
    assert gap[0] is not None and gap[0].value.astimezone(UTC).hour == 7
