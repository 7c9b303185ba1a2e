"""Times printed without their day in the post's header (alone on a line, or after the headline): proposed to
complete a day-only post date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeder.extract import resolver
from feeder.extract.proposals import Found
from feeder.extract.shapes import Line

# "1:02pm", "15:46", "3:42 PM", "10:31 a.m. EDT", "08:05:12": a clock time and nothing else (a zone may follow).
CLOCK_ALONE = re.compile(r"^\s*(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s+[A-Z]{2,4}T?)?)\s*$",
                         re.I)
# The origin's end that tells the resolver the time must stand beside the post date (resolver.CLOCK_REACH).
CLOCK_WHY = ": a time alone on its line"


# "Headline 15:53 (20:53 GMT)", "Headline 03:42 pm": a news list's entry prints its post time after the headline (a
# two-digit hour, a meridiem or the time in GMT beside it: never a verse or a score, "John 3:16").
_TAIL_TIME = re.compile(r"\S\s+(?P<time>\d{2}:\d{2}|\d{1,2}:\d{2}\s*[ap]\.?m\.?)"
                        r"(?:\s*\((?P<gmt>\d{1,2}:\d{2}\s*(?:GMT|UTC))\))?$", re.I)
TAIL_WHY = ": post time after the headline"


def propose_clocks(lines: Sequence[Line], found: Found, title: str = "") -> None:
    """Every time alone on its line above the story's first paragraph (a post header prints its date and time
    on two lines, either way up): the resolver keeps one only beside the chosen post date; and a time printed
    after the headline, as a journal prints it before (posters.lead_time), which completes the post date."""
    first = found.origins[0] if found.origins else None
    at = found.at
    for index, line in enumerate(lines):
        if line.origin == first:
            found.at = index
            found.propose("story", "", f"{line.origin}: the story's first paragraph", 0.0)
            break
        if title and line.text == title and len(title.split()) >= 4 and (m := _TAIL_TIME.search(title)) is not None:
            found.at = index
            found.propose("post time", m.group("gmt") or m.group("time"), f"{line.origin}{TAIL_WHY}",
                          resolver.POST_HEADER, "last")
            continue
        if len(line.text) <= 20 and (m := CLOCK_ALONE.match(line.text)) is not None:
            found.at = index
            found.propose("post time", m.group("time"), f"{line.origin}{CLOCK_WHY}", resolver.POST_HEADER)
    found.at = at
