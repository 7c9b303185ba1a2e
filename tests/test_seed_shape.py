"""The user's own example shape (a Blogger dump crediting China Daily with the outlet field lost)."""

from __future__ import annotations

from feeder.cli import inspect_record
from feeder.config import Config
from tests.conftest import SCENARIOS

FIXTURE = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
FURNITURE = ("test banner", "Post Top Ad", "Responsive Ads Here", "No comments", "Post a Comment",
             "By NetSherpa", "Source:", "Updated:", "(China Daily)", "March 4, 2021")


def test_seed_shape_fields(config: Config) -> None:
    record = inspect_record(FIXTURE, config)
    assert record["status"] == "ok"
    assert record["title"] == "Rural e-commerce hubs draw young returnees back to Guizhou villages"
    assert record["source"] == {"name": "China Daily", "url": None}
    assert record["authors"] == ["Tang Yuwen"]
    assert record["republisher"] == "NetSherpa"
    assert record["published"] == "2021-03-03T09:41:00+08:00"
    assert record["updated"] == "2021-03-03T09:41:00+08:00"
    assert record["republished"] == "2021-03-04T00:00:00+00:00"


def test_seed_shape_body_is_only_the_story(config: Config) -> None:
    body = inspect_record(FIXTURE, config)["body"]
    assert body[0].startswith("A growing number of young people who left Guizhou")
    assert body[-1].endswith("if they want to last,” Wu said.")
    for paragraph in body:
        for furniture in FURNITURE:
            assert furniture not in paragraph


def test_seed_shape_provenance_says_zone_was_assumed(config: Config) -> None:
    provenance = inspect_record(FIXTURE, config)["provenance"]
    assert "Asia/Shanghai" in provenance["published"]
    assert "assumed" in provenance["published"]
    assert "dateline" in provenance["source"]
