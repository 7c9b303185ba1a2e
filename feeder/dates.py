"""Turn printed timestamps into aware datetimes: stated zones win, else the outlet's zone, never the machine's.

A chain of strict readers is tried in order (ISO, numeric, Chinese, then dateutil for month
names); the first that reads the whole string wins. Zones are taken out of the string first
and resolved by our own table, because dateutil reads "GMT+8" as UTC-8 (POSIX sign order)
and guesses abbreviations from the machine's locale.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

CHINA_ZONE = "Asia/Shanghai"

# Abbreviations resolve to one offset each; "CST" is China Standard Time for outlets in
# China's zone and US Central Standard Time otherwise (see resolve_abbreviation).
ABBREVIATIONS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "IST": 5.5, "PKT": 5, "ICT": 7, "WIB": 7, "HKT": 8, "SGT": 8,
    "AWST": 8, "PHT": 8, "MYT": 8, "BJT": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
    "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3,
}

# Zone words that name a region's clock, summer or winter: they resolve through the IANA zone.
REGIONAL: dict[str, str] = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                            "PT": "America/Los_Angeles", "BJT": "Asia/Shanghai", "CEST": "Europe/Paris",
                            "CET": "Europe/Paris"}
_REGIONAL = re.compile(r"\b(ET|CT|MT|PT)\b")
_TZ_IN_TEXT = re.compile(r"[+-]\d{2}:?\d{2}\b|\bZ\b")
_OFFSET = re.compile(r"\(?\b(?:GMT|UTC|UT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\)?", re.I)
_ABBREV = re.compile(r"\(?\b(CST|" + "|".join(k for k in ABBREVIATIONS if len(k) > 1) + r")\b\)?")
_LABEL = re.compile(
    r"^\s*(?:last\s+)?(?:updated|update|published|posted|modified|date|release[sd]?|time)"
    r"(?:\s+(?:on|at))?\s*[:：]?\s*", re.I)
_HAS_TIME = re.compile(r"\d{1,2}\s*[:.]\s*\d{2}(?!\d|\.\d)|\d\s*[ap]\.?\s*m\b", re.I)
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_NUMERIC = re.compile(
    r"^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
# "15.09.2021 18:42:11": a dotted numeric date is day-first wherever it is written (Europe, Russia, exports).
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_CHINESE = re.compile(
    r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(\d{1,2})\s*[:：时]\s*(\d{2})\s*分?"
    r"(?:\s*[:：]\s*(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: aware value, whether the zone was printed, whether a time was."""

    value: datetime
    zone_stated: bool
    day_only: bool


def parse_date(raw: str, zone: str | tzinfo, *, china_context: bool = False) -> ParsedDate | None:
    """Read raw as a timestamp; times without a printed zone are in ``zone`` (an IANA name).

    Returns None when raw is not a full date with a year (a date without a year is never a
    publication date).
    """
    text = _clean(raw)
    if not text or not _YEAR.search(text):
        return None
    text, stated = _take_zone(text, china_context)
    value = _read(text)
    if value is None:
        return None
    day_only = not _HAS_TIME.search(text)
    if value.tzinfo is not None:  # an ISO stamp that carries its own offset
        return ParsedDate(value.replace(microsecond=0), True, day_only)
    tz: tzinfo = stated or (ZoneInfo(zone) if isinstance(zone, str) else zone)
    return ParsedDate(value.replace(tzinfo=tz, microsecond=0), stated is not None, day_only)


def _clean(raw: str) -> str:
    text = " ".join(raw.replace("\u00a0", " ").split())
    text = _LABEL.sub("", text).strip(" |,;·•")
    text = re.sub(r"\b([ap])\.\s?m\.?", r"\1m", text, flags=re.I)
    text = re.sub(r"\b(\d{1,2})\.(\d{2})(\s*[ap]m\b)", r"\1:\2\3", text, flags=re.I)  # "4.05 pm"
    text = re.sub(r"\b([A-Z][a-z]{2,8})\.", r"\1", text)  # "Mar." -> "Mar"
    return text.replace("|", " ").replace("−", "-").strip()


def stated_offset(text: str) -> tzinfo | None:
    """The fixed offset in "UTC+09:00" / "GMT-5", with the sign as printed; None when there is none."""
    return _take_zone(text, False)[1] if _OFFSET.search(text) else None


def _take_zone(text: str, china_context: bool) -> tuple[str, tzinfo | None]:
    if match := _OFFSET.search(text):
        sign = -1 if match.group(1) in "-−" else 1
        hours, minutes = float(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return text, None
        offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
        return (text[: match.start()] + text[match.end():]).strip(), offset
    if match := _REGIONAL.search(text):
        return (text[: match.start()] + text[match.end():]).strip(), ZoneInfo(REGIONAL[match.group(1)])
    if match := _ABBREV.search(text):
        hours = resolve_abbreviation(match.group(1), china_context)
        return (text[: match.start()] + text[match.end():]).strip(), timezone(timedelta(hours=hours))
    return text, None


def resolve_abbreviation(abbreviation: str, china_context: bool) -> float:
    """The UTC offset in hours that an abbreviation stands for, with CST decided by context."""
    if abbreviation == "CST":
        return 8 if china_context else -6
    return ABBREVIATIONS[abbreviation]


def _read(text: str) -> datetime | None:
    for reader in _READERS:
        found = reader(text)
        if found is not None:
            return found
    return None


def _read_iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None


def _read_numeric(text: str) -> datetime | None:
    match = _NUMERIC.match(text) or _CHINESE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups()[:6])
    try:
        return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - the caller adds the zone
    except ValueError:
        return None


def _read_dotted(text: str) -> datetime | None:
    match = _DOTTED.match(text)
    if not match:
        return None
    day, month, year, hour, minute, second = (int(p) if p else 0 for p in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - the caller adds the zone
    except ValueError:
        return None


def _read_words(text: str) -> datetime | None:
    text = _fix_hours(text)
    for fuzzy in (False, True):
        try:
            with warnings.catch_warnings():
                # Zone words were taken out above; dateutil would only warn about leftovers.
                warnings.simplefilter("ignore")
                value = dateutil_parser.parse(text, fuzzy=fuzzy, default=_DEFAULT)
        except (ValueError, OverflowError, TypeError):
            continue
        return value.replace(tzinfo=None) if value.tzinfo and not _TZ_IN_TEXT.search(text) else value
    return None


def _fix_hours(text: str) -> str:
    """ "16:05 PM" is 16:05: drop a meridiem that contradicts a 24-hour clock."""
    return re.sub(r"\b(1[3-9]|2[0-3])(\s*[:.]\s*\d{2})\s*[ap]m\b", r"\1\2", text, flags=re.I)


_DEFAULT = datetime(2000, 1, 1)  # noqa: DTZ001 - placeholder for missing fields; the year is checked
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH_FIRST = re.compile(
    r"^(?:[a-z]+,?\s+)?(?P<month>[a-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]m)?)?$", re.I)
_DAY_FIRST = re.compile(
    r"^(?:[a-z]+,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<month>[a-z]{3})[a-z]*\.?[\s-]+(?P<year>\d{4})"
    r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]m)?)?$", re.I)


def _read_month_names(text: str) -> datetime | None:
    """The common "March 2, 2021 4:05 PM" and "2 March 2021 16:05" shapes, without dateutil's cost."""
    match = _MONTH_FIRST.match(text) or _DAY_FIRST.match(text)
    month = _MONTHS.get(match.group("month").lower()) if match else None
    if match is None or month is None:
        return None
    hour, minute = int(match.group("hour") or 0), int(match.group("minute") or 0)
    meridiem = (match.group("ampm") or "").lower()
    if meridiem and hour <= 12:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    try:
        return datetime(int(match.group("year")), month, int(match.group("day")), hour, minute,  # noqa: DTZ001
                        int(match.group("second") or 0))
    except ValueError:
        return None


_READERS: tuple[Callable[[str], datetime | None], ...] = (_read_iso, _read_numeric, _read_dotted, _read_month_names,
                                                          _read_words)
