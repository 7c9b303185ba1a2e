"""Stamps in a theme's byline row when the row prints no name: an empty author field before the post's date
("Written by  on March 3, 2022", "By | 14 June 2020") gives the post date and no poster or author."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config

STORY = ("OSLO (NTB) - The old town hall will reopen to the public next month after a two-year restoration that "
         "replaced its roof and rebuilt the clock tower, the municipality said on Thursday.")
MORE = "The building will host the tourist office and a small museum of the town's shipyards."


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(("Written by", "By", "Author:")), st.sampled_from(("on", "|", "–", "·")),
       st.sampled_from(("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d")))
def test_an_empty_author_field_leaves_the_post_date(tmp_path: Path, config: Config, day: date, label: str,
                                                    joint: str, shape: str) -> None:
    dump = f"Lakeside FM\nHome\nNews\n\nTown hall to reopen after restoration\n\n{label} {joint} {day:{shape}}\n\n" \
           f"{STORY}\n\n{MORE}\n"
    path = tmp_path / "post.txt"
    path.write_text(dump, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["republished"] == f"{day:%Y-%m-%d}T00:00:00+00:00"
    assert record["authors"] == [] and record["republisher"] is None and record["published"] is None
