"""Extract a Page from a plain-text dump of a scraped page (one block per line, title first)."""

from __future__ import annotations

from feeder.extract.lines import Hints, IsOutlet, Line, read_lines, split_title
from feeder.records import Page


def extract_text(text: str, is_outlet: IsOutlet) -> Page | None:
    """The Page in a text dump, or None when it has no title line."""
    lines = [Line(" ".join(raw.split()), f"line {n}") for n, raw in enumerate(text.split("\n"), 1)]
    lines = [line for line in lines if line.text]
    if not lines:
        return None
    head, rest = lines[0], lines[1:]
    title, site = split_title(head.text, [line.text for line in rest], is_outlet)
    hints = Hints(page_title=head.text, outlet_page=bool(site and is_outlet(site)), site=site)
    return read_lines(rest, title, hints, is_outlet)
