"""Times printed alone in a post's header or footer (extract/clocks.py) and a poster row's time field
(extract/posters.py): a CJK clock prints its meridiem word before the time ("上午8:05", "오후 3:15")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeder.dates import parse_date
from feeder.extract.clocks import clock_time
from feeder.extract.posters import read_row

# Each meridiem word with the half of the day it names, as CJK clocks print them before a 12-hour time.
_MERIDIEMS = (("上午", "am"), ("下午", "pm"), ("午前", "am"), ("午後", "pm"), ("오전", "am"), ("오후", "pm"))
# The day a post's header prints, in each script, for a date.
_DAYS: tuple[Callable[[date], str], ...] = (lambda d: f"{d.year}年{d.month}月{d.day}日",
                                            lambda d: f"{d.year}년 {d.month}월 {d.day}일")


@pytest.mark.parametrize(("line", "time"), [
    ("上午8:05", "上午8:05"),
    ("下午 3:15", "下午 3:15"),
    ("오후 11:40", "오후 11:40"),
    ("午後12:30", "午後12:30"),
    ("8:05", None),  # a one-digit hour with no meridiem is a running time
    ("上午好", None),  # the word alone is no clock
])
def test_a_cjk_meridiem_before_the_time_makes_a_clock(line: str, time: str | None) -> None:
    assert clock_time(line) == time


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)), st.integers(0, 11), st.integers(0, 59),
       st.sampled_from(_MERIDIEMS), st.sampled_from(_DAYS), st.sampled_from(("", " ")))
def test_a_cjk_post_time_completes_its_day_to_the_minute(day: date, hour: int, minute: int, meridiem: tuple[str, str],
                                                         printed_day: Callable[[date], str], gap: str) -> None:
    """Any minute of any day, printed as a CJK footer's time (its meridiem word, a 12-hour clock) and completed by
    its post date (as the resolver joins them), reads back to the same instant."""
    word, half = meridiem
    when = datetime(day.year, day.month, day.day, hour + (12 if half == "pm" else 0), minute, tzinfo=UTC)
    printed = f"{word}{gap}{hour or 12}:{minute:02d}"
    assert clock_time(printed) == printed
    row = read_row(f"发布者： poster_01 时间： {printed}")
    assert row is not None and row[2] == printed
    parsed = parse_date(f"{printed_day(day)} {printed}", "UTC")
    assert parsed is not None and not parsed.day_only
    assert parsed.value == when
