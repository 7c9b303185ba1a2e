"""HTML failure classes (forum threads, markup bylines and stamps, headlines that name the site), each pinned
by a small invented page in tests/fixtures/html_classes with the expected `inspect --json` fields beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import rules
from feeder.extract.html import body
from feeder.extract.html.headings import heading_inside, only_a_date, unless_a_name
from feeder.extract.shapes import is_prose

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html_classes"
PAGES = sorted(FIXTURES.glob("*.html"))


def test_every_page_has_its_expectation() -> None:
    assert PAGES
    assert all(page.with_suffix(".json").is_file() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_extracts_as_labelled(page: Path, config: Config) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("24th of February 2011", True),  # a daily post titled by its date: the story inside has its own heading
    ("Monday, March 1, 2021", True),
    ("2021-03-01", True),
    ("China sends planes to bring its citizens home on 24 February 2011", False),
    ("Drones sow rice seeds on Guizhou terraces", False),
])
def test_a_title_that_is_only_a_date(title: str, expected: bool) -> None:
    assert only_a_date(title) is expected


def test_the_story_heading_inside_a_date_titled_post() -> None:
    soup = BeautifulSoup("<div><p><strong>Site name</strong></p><h3>Menu</h3>"
                         "<h3>Harbin opens its ice festival grounds to skaters</h3><p>HARBIN - Text.</p></div>", "lxml")
    container = soup.find("div")
    assert isinstance(container, Tag)
    assert heading_inside(container) == "Harbin opens its ice festival grounds to skaters"


def test_a_title_part_ending_on_a_preposition_gives_way_to_the_story_heading() -> None:
    soup = BeautifulSoup("<body><h1>Expat Readers Picks from</h1><h3>Desalination plant in Fujairah doubles "
                         "its output</h3><div class='body'><p>FUJAIRAH - Text of the story.</p></div></body>", "lxml")
    headings = soup.find_all(["h1", "h3"])
    container = soup.find("div")
    assert isinstance(container, Tag)
    meta = {"title": "Expat Readers Picks from | Coastline Hub"}
    title = unless_a_name("Expat Readers Picks from", headings, meta, lambda _: False, container)
    assert title == "Desalination plant in Fujairah doubles its output"


@pytest.mark.parametrize("label", ["Source:", "Read the original", "来源：", "出典：", "출처:"])
def test_a_source_label_before_a_link_in_several_languages(label: str) -> None:
    assert rules.CREDIT_LINK.search(label)


OWN_WORDS = st.sampled_from([
    "Every family in the district got the same letter from the school board this week, and several of you asked.",
    "What the letter does not say is who pays for the extended programme that families used last year.",
    "Good news for once."])
QUOTED = st.sampled_from([
    "From September the school day at all primary schools in the district will begin half an hour earlier.",
    "The change follows a review of bus routes, which found that staggered starting times would save money.",
    "KISUMU, March 3 (Reuters) - The operator of the lake ferries said it would keep its fares unchanged."])
BESIDE = st.sampled_from(["", "<p>Reuters</p>", "<p>Read the rest over at the agency's site.</p>", "<p>Thanks.</p>"])


@settings(max_examples=200, deadline=None)
@given(st.lists(OWN_WORDS, max_size=3), st.lists(QUOTED, max_size=5), st.lists(OWN_WORDS, max_size=3), BESIDE)
def test_a_quote_is_the_pasted_story_only_on_its_evidence(before: list[str], quoted: list[str], after: list[str],
                                                          beside: str) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in quoted)
    html = (f"<div>{''.join(f'<p>{p}</p>' for p in before)}<blockquote>{paragraphs}</blockquote>{beside}"
            f"{''.join(f'<p>{p}</p>' for p in after)}</div>")
    story = BeautifulSoup(html, "lxml").find("div")
    assert isinstance(story, Tag)
    quote = body.quoted_story(story, lambda name: name == "Reuters")
    held = sum(len(p.split()) for p in quoted)
    credit = beside.removeprefix("<p>").removesuffix("</p>")
    total = held + sum(len(p.split()) for p in [*before, *after, credit] if is_prose(p))
    if quote is None:
        return
    assert quote.name == "blockquote" and len(quoted) >= body.QUOTED_STORY_PARAGRAPHS
    assert body.QUOTED_STORY_SHARE * total <= held < total
    credited = (bool(beside) and beside != "<p>Thanks.</p>") or any(q.startswith("KISUMU") for q in quoted[:1])
    assert credited or held >= body.QUOTED_STORY_ALONE * total
