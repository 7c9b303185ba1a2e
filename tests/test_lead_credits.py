"""Outlet credits inside or glued to the story text: each class pinned by two invented pages in
tests/fixtures/lead_credits (the expected `inspect --json` fields beside each), and the registry's reading of a
printed name that spells out an alias."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import creditmodel, rules
from feeder.sources import alias_parts, build_registry

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lead_credits"
PAGES = sorted(FIXTURES.glob("*.txt"))


def test_every_page_has_its_expectation() -> None:
    assert len(PAGES) >= 20
    assert all(page.with_suffix(".json").is_file() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_extracts_as_labelled(page: Path, config: Config) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize(("printed", "name"), [
    ("South Africa News Agency", "SAnews"),
    ("South African News Agency", "SAnews"),
    ("South Africa News", "SAnews"),
    ("Syrian Arab News Agency", "SANA"),  # an alias as listed
])
def test_a_printed_name_spelling_out_an_alias_is_that_outlet(printed: str, name: str) -> None:
    outlet = build_registry().named(printed)
    assert outlet is not None and outlet.name == name


@pytest.mark.parametrize("printed", [
    "Some Army News Agency",  # initials of no country
    "Associated Press News",  # "AP News": initials alone, no country
    "South Africa Times",  # the alias's word is not there
    "South Africa News Service Daily",  # a word after the alias's that is no outlet's kind
])
def test_a_name_that_does_not_spell_out_an_alias_is_nobodys(printed: str) -> None:
    assert build_registry().named(printed) is None


def test_an_alias_is_read_as_initials_and_words_only_when_it_mixes_them() -> None:
    assert alias_parts("SAnews") == ("SA", "news")
    assert alias_parts("NZ Herald") == ("NZ", "Herald")
    assert alias_parts("SANA") is None  # initials alone fit too many names
    assert alias_parts("Prensa Latina") is None
    assert alias_parts("SAnews.gov.za") is None  # a domain


@pytest.mark.parametrize(("line", "elsewhere"), [
    ("More from AP", True), ("Watch it on BBC", True), ("Listen: BBC Radio 4", True),
    ("Our work has been featured in The Guardian", True), ("Get the Reuters app", True),
    ("Source: Xinhua", False), ("Following the report, Reuters said", False),
])
def test_one_table_says_which_lines_point_elsewhere(line: str, elsewhere: bool) -> None:
    # The credit rules and the credit model both read rules.PROMOTION_LINE (vocab.POINTS_ELSEWHERE).
    assert bool(rules.PROMOTION_LINE.match(line)) is elsewhere


@pytest.mark.parametrize(("printed", "name"), [
    ("German Press Agency", "dpa"), ("Maghreb Arab Press", "MAP"), ("Palestinian News Agency", "WAFA"),
    ("Islamic Republic of Iran News Agency", "IRNA"), ("Lebanese National News Agency", "NNA"),
    ("Senegalese Press Agency", "Agence de Presse Sénégalaise"),
])
def test_an_agencys_english_name_is_its_alias(printed: str, name: str) -> None:
    outlet = build_registry().named(printed)
    assert outlet is not None and outlet.name == name


@given(st.lists(st.sampled_from(["EU", "EUROPE", " ", ".", "_", "é", "AFP", "A", "1", "(", "日本", "\n"]),
                max_size=20).map("".join),
       st.sampled_from(["EU", "AFP", "A", "日本", "E", "AA", ".", "é"]))
@settings(max_examples=300)
def test_the_credit_models_mention_count_is_the_whole_word_pattern(text: str, name: str) -> None:
    # creditmodel._mentions counts by substring search what this pattern finds.
    assert creditmodel._mentions(text, name) == len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))
