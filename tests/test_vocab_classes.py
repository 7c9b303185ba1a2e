"""Vocabulary classes, not one site's wording: ad-slot placeholders of any theme go, story words stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import rules

PLAN = ("The council said the next part of the plan, a second lock on the canal, would be put to tender in "
        "the spring once the engineers had finished their survey of the banks.")
MORE = ("Boat owners welcomed the news, although several said the works should be timed to avoid the busy "
        "summer weeks when the canal carries most of its visitors.")


@pytest.mark.parametrize("line", ["Header Ad", "Sidebar ads here", "Inline advert slot", "Top Banner", "ADS",
                                  "Responsive Ad Unit"])
def test_ad_slot_placeholders_are_furniture(line: str) -> None:
    assert rules.FURNITURE.match(line)


@pytest.mark.parametrize("line", ["Adam Smith", "Banner year for exports", "Top ad agencies merge"])
def test_words_near_ads_are_not_placeholders(line: str) -> None:
    assert not rules.FURNITURE.match(line)


def test_a_story_sentence_about_the_next_part_stays_in_the_story(tmp_path: Path, config: Config) -> None:
    # A list archive's attachment separator once lived in the furniture as ".*next part.*", which dropped
    # this paragraph and closed the story on it.
    page = f"Canal gets a second lock\nBy Jane Doe\n{PLAN}\n{MORE}\nSource: Reuters\n"
    path = tmp_path / "canal.txt"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["body"] == [PLAN, MORE]
    assert record["source"]["name"] == "Reuters"


def test_a_rate_limit_page_is_read_with_its_entities_unescaped(tmp_path: Path, config: Config) -> None:
    page = ("<html><head><title>Slow down</title></head><body><h1>Slow down</h1><p>You&#8217;ve exceeded "
            "the site&#8217;s request limit. Please wait a few minutes and try again.</p></body></html>")
    path = tmp_path / "limit.html"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["status"] == "rejected"
    assert "rate limit block" in record["error"]
