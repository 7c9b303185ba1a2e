"""Extraction v2 classes on text dumps: site chrome above the headline, hard-wrapped captures."""

from __future__ import annotations

from pathlib import Path

from feeder.extract import extract
from feeder.extract.blocks import unwrap, wrap_width
from feeder.extract.headline import candidates
from feeder.records import RawArticle
from feeder.sources import build_registry

STORY = [
    "Fishing crews in the northern bay have started tagging young cod before releasing them, hoping to learn "
    "where the fish spend their first winters and why fewer of them return each spring.",
    "The tags send a short signal to buoys along the coast, and researchers say the first results should be "
    "published before the end of the year.",
]


def _page(text: str) -> str:
    raw = RawArticle(Path("dump.txt"), "txt", text, "utf-8", "0" * 64, len(text))
    title = extract(raw, build_registry()).title
    assert title is not None
    return title.value


def _dump(*top: str) -> str:
    return "\n\n".join([*top, "Cod tagging project tracks young fish through the winter",
                        "By Mara Olsen", "15 October 2020", *STORY, "Share this:"]) + "\n"


def test_chrome_first_lines_are_not_the_headline() -> None:
    for chrome in (("Skip to main content", "Login Register"), ("Monday, January 12th, 2026",),
                   ("THE HARBOUR HERALD", "Home > World > Europe"), ("Connect with us", "Search")):
        assert _page(_dump(*chrome)) == "Cod tagging project tracks young fish through the winter", chrome


def test_headline_candidates_say_why_they_won() -> None:
    lines = [x for x in _dump("Skip to main content").split("\n") if x]
    best = candidates(lines)[0]
    assert best.text.startswith("Cod tagging")
    assert "byline" in best.why


def test_a_phone_capture_wrapped_at_36_columns_is_unwrapped() -> None:
    wrapped: list[str] = []
    for paragraph in STORY:
        line = ""
        for word in paragraph.split():
            if len(line) + 1 + len(word) > 36:
                wrapped.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        wrapped += [line, ""]
    lines = ["Cod tagging project tracks young", "fish through the winter", "", "By Mara Olsen",
             "15 October 2020", "", *wrapped]
    width = wrap_width(lines)
    assert width is not None and 30 <= width <= 36
    joined = [text for text, _ in unwrap(lines, width) if text]
    assert joined[0] == "Cod tagging project tracks young fish through the winter"
    assert joined[1:3] == ["By Mara Olsen", "15 October 2020"]
    assert joined[3:] == STORY
