"""Times printed without their day in the post's header (alone on a line, or after the headline): proposed to
complete a day-only post date."""

from __future__ import annotations

from collections.abc import Sequence

from feeder.extract import lazy_re as re
from feeder.extract import resolver
from feeder.extract.dates import MERIDIEM
from feeder.extract.line_joins import TIME_OWNED
from feeder.extract.proposals import Found
from feeder.extract.shapes import Line

# The meridiem words Chinese, Japanese and Korean clocks print before the time ("上午8:05", "午後 3:15", "오후 3:15"),
# from the date finder's table (which reads them inside a stamp).
CJK_MERIDIEM = "(?:" + "|".join(sorted((w for w in MERIDIEM if not w.isascii()), key=len, reverse=True)) + ")"
# "1:02pm", "15:46", "3:42 PM", "10:31 a.m. EDT", "08:05:12", "上午8:05": a clock time and nothing else (a zone may
# follow).
CLOCK_ALONE = re.compile(rf"^\s*(?P<time>(?P<cjk>{CJK_MERIDIEM}\s*)?(?P<hour>\d{{1,2}})[:.]\d{{2}}(?::\d{{2}})?"
                         r"(?P<ap>\s*[ap]\.?\s?m\b\.?)?(?P<zone>\s+(?-i:[A-Z]{2,4}T?))?)\s*$", re.I)
# The origin's end that tells the resolver the time must stand beside the post date (resolver.CLOCK_REACH).
CLOCK_WHY = ": a time alone on its line"


def clock_time(text: str) -> str | None:
    """The clock time a line is made of, or None. A one-digit hour with no am/pm and no zone ("2:35", "1:02:35")
    is a running time (a video's or a track's length), never a post's clock: posts print "02:35" or "2:35 pm"."""
    m = CLOCK_ALONE.match(text)
    if m is None or (len(m.group("hour")) == 1 and not (m.group("ap") or m.group("cjk") or m.group("zone"))):
        return None
    return m.group("time")


# "Headline 15:53 (20:53 GMT)", "Headline 03:42 pm", "Headline | 14:20": a news list's entry prints its post time
# after the headline (a two-digit hour, a meridiem or the time in GMT beside it: never a verse or a score,
# "John 3:16"), set apart from the headline's words: a preposition before it makes it the headline's own
# ("Train services to resume at 06:00", "… until 23:30"), unless a bar or a dash stands between.
_STAMP = r"(?P<time>\d{2}:\d{2}|\d{1,2}:\d{2}\s*[ap]\.?m\.?)(?:\s*\((?P<gmt>\d{1,2}:\d{2}\s*(?:GMT|UTC))\))?"
_TAIL_TIME = re.compile(rf"(?P<last>\S)\s+(?P<bar>[|·•–—-]\s*)?{_STAMP}$", re.I)
# The same stamp as the line a capture cut from the headline's end (line_joins.glued_stamps: "… part 2").
_STAMP_ALONE = re.compile(rf"^{_STAMP}$", re.I)
TAIL_WHY = ": post time after the headline"
# A clock time in the story's words: hour (leading zero optional) and minutes.
_STORY_TIME = r"(?<![\d:.])0?{hour}[:.]{minutes}(?![\d:])"


def propose_clocks(lines: Sequence[Line], found: Found, title: str = "") -> None:
    """Every time alone on its line above the story's first paragraph (a post header prints its date and time
    on two lines, either way up): the resolver keeps one only beside the chosen post date; and a time printed
    after the headline, as a journal prints it before (posters.lead_time), which completes the post date."""
    first = found.origins[0] if found.origins else None
    at = found.at
    title_origin = None
    for index, line in enumerate(lines):
        if line.origin == first:
            found.at = index
            found.propose("story", "", f"{line.origin}: the story's first paragraph", 0.0)
            break
        cut = title_origin is not None and line.origin == f"{title_origin} part 2"  # the headline's own end
        tail = _tail_time(line, title, cut, found.body)
        if title and line.text == title:
            title_origin = line.origin
        if tail is not None:
            found.at = index
            found.propose("post time", tail, f"{line.origin}{TAIL_WHY}", resolver.POST_HEADER, "last")
        elif not cut and len(line.text) <= 20 and (time := clock_time(line.text)) is not None:
            found.at = index
            found.propose("post time", time, f"{line.origin}{CLOCK_WHY}", resolver.POST_HEADER)
    found.at = at


def _tail_time(line: Line, title: str, cut: bool, story: Sequence[str]) -> str | None:
    """The post time printed after the headline on its line (or cut from its end onto the next line: cut), or
    None."""
    if title and line.text == title and len(title.split()) >= 4 and (m := _TAIL_TIME.search(title)) is not None:
        if m.group("bar") is None and TIME_OWNED.search(title[:m.start("time")]):
            return None  # "… to resume at 06:00": the preposition makes the time the headline's words
        if m.group("bar") is not None and m.group("last").isdigit():
            return None  # "… open 08:00 - 20:00": a range of the headline's times
    elif not cut or (m := _STAMP_ALONE.match(line.text)) is None:
        return None
    return None if _told_in_story(m.group("time"), story) else m.group("gmt") or m.group("time")


def _told_in_story(time: str, story: Sequence[str]) -> bool:
    """The story's words print the headline's time ("… will resume at 06:00 on Wednesday"): it is the news's own
    time, not the post's."""
    hour, minutes = time[:time.index(":")], time[time.index(":") + 1:][:2]
    pattern = re.compile(_STORY_TIME.format(hour=int(hour), minutes=minutes))
    return any(pattern.search(paragraph) for paragraph in story)
