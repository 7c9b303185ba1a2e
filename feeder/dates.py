"""Turn a printed timestamp into an aware datetime: stated zones win, else the outlet's zone, never the machine's.

The date itself is read by the one date finder (``feeder.extract.dates.find_dates``); this
module only settles what the finder leaves open, by the policy in the README:
- a time printed without a zone is in ``zone`` (the outlet's zone);
- zones are resolved by our own tables ("GMT+8" is +08:00, never POSIX's -08:00); "CST" is
  China Standard Time in China context and US Central otherwise; ET/PT and "Beijing time"
  name a region's clock and go through its IANA zone;
- a date without a time keeps day precision (midnight in its zone);
- a date without a year, or a relative one ("3 hours ago"), is never a publication date;
- a wall time in a daylight-saving gap or overlap resolves with fold=0 every time (the earlier
  offset), because a printed time carries no fold;
- a numeric date whose day and month could be swapped (03/04/2021) is read by the caller's
  ``day_first`` preference (evidence from the page, see ``numeric_order_evidence``), else by
  another date in the same string that settles the order, else by the convention of the
  outlet's zone (month-first in US zones and Manila, day-first elsewhere);
  ``ParsedDate.order_guessed`` says when the convention decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from feeder.extract.dates import REGIONAL_ZONES, ZONE_ABBREVIATIONS, DateHit, find_dates, numeric_order_evidence

CHINA_ZONE = "Asia/Shanghai"
ABBREVIATIONS = ZONE_ABBREVIATIONS

# Zones whose pages print numeric dates month first (03/04/2021 is March 4).
MONTH_FIRST_ZONE_PREFIXES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                             "America/Los_Angeles", "America/Anchorage", "America/Adak", "America/Boise",
                             "America/Detroit", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/",
                             "America/Juneau", "America/Sitka", "America/Nome", "America/Yakutat",
                             "America/Menominee", "America/Metlakatla", "Pacific/Honolulu", "US/", "Asia/Manila")

_OFFSET = re.compile(r"^\(?(?:GMT|UTC|UT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\)?$", re.I)
_OFFSET_IN_TEXT = re.compile(r"\(?\b(?:GMT|UTC|UT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\)?", re.I)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: aware value, whether the zone was printed, whether a time was."""

    value: datetime
    zone_stated: bool
    day_only: bool
    order_guessed: bool = False  # day/month order came from the zone's convention, not the page


def parse_date(raw: str, zone: str | tzinfo, *, china_context: bool = False,
               day_first: bool | None = None) -> ParsedDate | None:
    """Read the first dated stamp in raw; times without a printed zone are in ``zone`` (an IANA name).

    Returns None when raw holds no full date with a year (yearless and relative stamps are not
    publication dates). ``day_first`` settles 03/04/2021-style dates; None uses the zone's convention.
    """
    hits = find_dates(raw)
    hit = next((h for h in hits if h.trap is None), None)
    if hit is None or hit.year is None:
        return None
    if not hit.order_ambiguous:
        return hit_to_date(hit, zone, china_context=china_context)
    if day_first is None:
        day_first = numeric_order_evidence(hits)  # "03/04/2021, updated 13/04/2021" settles itself
    guessed = day_first is None
    hit = hit.read_as(day_first=_zone_is_day_first(zone) if day_first is None else day_first)
    return hit_to_date(hit, zone, china_context=china_context, order_guessed=guessed)


def hit_to_date(hit: DateHit, zone: str | tzinfo, *, china_context: bool = False,
                order_guessed: bool = False) -> ParsedDate | None:
    """An aware reading of one finder hit (settle an ambiguous order with ``DateHit.read_as`` first)."""
    if hit.year is None or hit.trap is not None:
        return None
    stated = resolve_zone(hit.zone, china_context) if hit.zone else None
    tz = stated or (ZoneInfo(zone) if isinstance(zone, str) else zone)
    value = datetime(hit.year, hit.month, hit.day, hit.hour or 0, hit.minute or 0, hit.second or 0,
                     tzinfo=tz, fold=0)
    return ParsedDate(value, stated is not None, hit.precision == "day", order_guessed)


def resolve_zone(printed: str, china_context: bool) -> tzinfo | None:
    """The zone a printed zone word or offset stands for; None for one we cannot read."""
    if match := _OFFSET.match(printed.strip()):
        return _fixed(match)
    if printed in REGIONAL_ZONES or " ".join(printed.lower().split()) in REGIONAL_ZONES:
        return ZoneInfo(REGIONAL_ZONES.get(printed) or REGIONAL_ZONES[" ".join(printed.lower().split())])
    if printed == "CST" or printed in ZONE_ABBREVIATIONS:
        return timezone(timedelta(hours=resolve_abbreviation(printed, china_context)))
    return None


def resolve_abbreviation(abbreviation: str, china_context: bool) -> float:
    """The UTC offset in hours that an abbreviation stands for, with CST decided by context."""
    if abbreviation == "CST":
        return 8 if china_context else -6
    return ZONE_ABBREVIATIONS[abbreviation]


def stated_offset(text: str) -> tzinfo | None:
    """The fixed offset in "UTC+09:00" / "GMT-5", with the sign as printed; None when there is none."""
    match = _OFFSET_IN_TEXT.search(text)
    return _fixed(match) if match else None


def _fixed(match: re.Match[str]) -> tzinfo | None:
    sign = -1 if match.group(1) in "-−" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone_is_day_first(zone: str | tzinfo) -> bool:
    key = zone if isinstance(zone, str) else getattr(zone, "key", "")
    return not (isinstance(key, str) and key.startswith(MONTH_FIRST_ZONE_PREFIXES))
