"""Credit and poster classes of issue 12, each on invented pages: a label or the headline is no poster, an empty
labelled field is no name, a link the page calls the original is its address, a feed footer's site is a credit
of last resort, a theme's post-meta row is the site's, a feed aggregator's item stamp is the original's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import resolver
from feeder.extract.line_joins import segments
from feeder.extract.posters import account_name, not_the_headline
from feeder.extract.proposals import Found
from feeder.extract.shapes import Line

STORY = ("Night ferries between the two island ports will run again from next month after a three-year pause, "
         "the maritime board said on Thursday, citing a rise in bookings from seasonal workers.")
MORE = ("The board said two refitted boats would share the route and that fares would be set after a review of "
        "fuel costs in the autumn.")
LAST = "Harbour officials said the first sailing was already fully booked."


def inspect(tmp_path: Path, config: Config, name: str, text: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, config)


# A field label alone on the line over a date, or the headline over its stamp, names no poster.


@given(st.sampled_from(("Date", "date", "Author", "Source:", "Posted", "Time", "Updated", "Editor")))
def test_a_field_label_alone_names_no_poster(label: str) -> None:
    assert account_name(Line(label, "line 3", False), "name above the post date") is None


def test_a_name_over_the_post_date_that_is_the_headline_names_no_poster() -> None:
    found = Found()
    found.propose("republisher", "Harbour Notes", "block 4: name above the post date", resolver.NAME_ABOVE_POST)
    found.propose("republisher", "jlin", "block 30: 'Posted by' line", resolver.PRINTED_REPUBLISHER)
    not_the_headline(found, "Harbour notes")
    assert [c.value for c in found.candidates] == ["jlin"]


# A run-together credit row with an empty field: the label with no value is left out.


def test_an_empty_labelled_field_of_a_run_together_row_is_left_out() -> None:
    (row,) = segments(Line("Author: Source: xinhua Editor: Wu Lan", "block 9", True))
    assert row.text == "Source: xinhua | Editor: Wu Lan"


def test_an_empty_author_field_credits_the_source_and_names_no_one(tmp_path: Path, config: Config) -> None:
    dump = f"""Island Daily
Night ferries return to the island route
Author:   Source: xinhua   Editor: Wu Lan

{STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "empty_author.txt", dump)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["authors"] == [] and record["republisher"] is None


# A link the page names the original is the original's address, whatever its host.


def test_a_link_named_the_original_is_the_source_url_of_an_unknown_outlet(tmp_path: Path, config: Config) -> None:
    page = f"""<!doctype html><html><head><title>Night ferries return to the island route</title>
<link rel="canonical" href="https://islandportal.example/news/night-ferries"></head><body>
<h1>Night ferries return to the island route</h1>
<p>Source: Harbour Wire Service</p>
<div class="story"><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></div>
<p>Read the original article on <a href="https://harbourwire.example/items/20240311-ferries">
Harbour Wire Service</a>.</p>
<p>More on <a href="https://islandportal.example/news">our news page</a>.</p>
</body></html>"""
    record = inspect(tmp_path, config, "original_link.html", page)
    assert record["source"] == {"name": "Harbour Wire Service",
                                "url": "https://harbourwire.example/items/20240311-ferries"}


# A feed tool's footer names the site the autoblog copied: a credit below every other one.


def test_a_feed_footers_site_is_the_source_and_the_byline_the_autoblogs(tmp_path: Path, config: Config) -> None:
    dump = f"""Ferry News Today
Night ferries return to the island route
By Tomas Reyes
March 14, 2024

{STORY}

{MORE}

{LAST}

The post Night ferries return to the island route appeared first on Island Courier 24.
"""
    record = inspect(tmp_path, config, "feed_footer.txt", dump)
    assert record["source"] == {"name": "Island Courier 24", "url": None}
    assert record["authors"] == []
    assert record["republisher"] == "Tomas Reyes"


def test_any_other_credit_outranks_the_feed_footers_site(tmp_path: Path, config: Config) -> None:
    dump = f"""Reader view
Night ferries return to the island route

{STORY}

{MORE}

{LAST} (Xinhua)

The post Night ferries return to the island route appeared first on Harbour Notes.
"""
    record = inspect(tmp_path, config, "reader_view.txt", dump)
    assert record["source"] == {"name": "Xinhua", "url": None}


# A theme's post-meta row (a comment count or categories among its fields) is the site's post date and poster.


@settings(max_examples=40, deadline=None)
@given(st.sampled_from((" / ", " | ", "|")), st.sampled_from(("0 Comments", "Leave a Comment", "Categories: World",
                                                            "3 comments")),
       st.sampled_from(("By admin", "Posted by: deskbot")), st.booleans())
def test_a_post_meta_row_is_the_sites_post(separator: str, meta: str, poster: str, meta_first: bool) -> None:
    from feeder.extract.credit_rows import post_meta_row

    fields = [meta, poster, "March 14, 2024"] if meta_first else [poster, "March 14, 2024", meta]
    found = Found()
    assert post_meta_row(separator.join(fields), "line 5", found, lambda name: False)
    assert [(c.role, c.value) for c in found.candidates] == [
        ("republished", "March 14, 2024"), ("republisher", poster.split()[-1])]


def test_a_post_meta_row_under_an_agency_story_keeps_the_date_the_sites(tmp_path: Path, config: Config) -> None:
    dump = f"""Coastal Times
Night ferries return to the island route
Leave a Comment / World / By admin / March 14, 2024

PORT LOUIS (Reuters) - {STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "post_meta.txt", dump)
    assert record["source"] == {"name": "Reuters", "url": None}
    assert record["republisher"] == "admin"
    assert record["republished"] == "2024-03-14T00:00:00+00:00"
    assert record["published"] is None


# A feed aggregator posts nothing of its own: the stamp over its item is the original's.


def test_a_feed_aggregators_item_stamp_is_the_originals(tmp_path: Path, config: Config) -> None:
    page = f"""<!doctype html><html><head><title>Night ferries return | Feeds</title></head><body>
<div class="breadcrumb"><a href="/">Home</a> » <a href="/aggregator">Feed aggregator</a></div>
<h2 class="feed-item-title"><a href="https://www.reuters.com/world/night-ferries-2024-03-14/">Night ferries return to
the island route</a></h2>
<div class="feed-item-meta"><a class="feed-item-source" href="/aggregator/sources/2">Top Stories Feed</a> -
<span class="feed-item-date">Thu, 2024-03-14 09:05</span></div>
<div class="feed-item-body"><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></div>
</body></html>"""
    record = inspect(tmp_path, config, "aggregator.html", page)
    assert record["source"]["name"] == "Reuters"
    assert record["published"] == "2024-03-14T09:05:00+00:00"
    assert record["republished"] is None


def test_on_a_feed_aggregators_page_the_date_over_the_item_is_an_original_stamp() -> None:
    menu = resolver.Candidate("feed page", "Home » Feed aggregator » Sources", 3, 0.0, "block 3")
    header = resolver.Candidate("header", "Mon, 03/11/2024 - 08:15", 9, resolver.PLAIN_HEADER, "block 9", "last")
    chosen = resolver.resolve([menu, header], outlet_page=False)
    assert chosen.republished is None
    assert [d.value for d in chosen.dates] == ["Mon, 03/11/2024 - 08:15"]
    assert "feed aggregator" in chosen.dates[0].origin
    plain = resolver.resolve([header], outlet_page=False)
    assert plain.republished is not None and plain.dates == ()


# A date line above the story that opens with the name the original's address spells is the outlet's.


def test_a_stamp_line_naming_the_outlet_the_original_address_spells_is_the_outlets(
        tmp_path: Path, config: Config) -> None:
    page = f"""<!doctype html><html><head><title>Night ferries return to the island route</title>
<link rel="canonical" href="https://solidarity.example/posts/night-ferries"></head><body>
<h1>Night ferries return to the island route</h1>
<p>Reef Gazette - March 1, 2023</p>
<div class="entry-content"><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p>
<p>Source: https://www.reefgazette.example/news/ferries-0301.html</p></div>
</body></html>"""
    record = inspect(tmp_path, config, "address_spells.html", page)
    assert record["source"] == {"name": "Reef Gazette", "url": "https://www.reefgazette.example/news/ferries-0301.html"}
    assert record["published"] == "2023-03-01T00:00:00+00:00"
    assert record["republished"] is None


def test_a_stamp_line_naming_another_site_stays_the_post_date() -> None:
    header = resolver.Candidate("header", "Island Notes - March 1, 2023", 2, resolver.PLAIN_HEADER, "block 2", "last")
    url = resolver.Candidate("source url", "https://www.reefgazette.example/news/1.html", 11, resolver.PRINTED_URL,
                             "block 11")
    chosen = resolver.resolve([header, url], outlet_page=False)
    assert chosen.republished is not None and chosen.outlets == ()


# A theme's post line with the date first, then "by" and the poster.


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(("March 9, 2016", "9 March 2016", "2016-03-09")), st.sampled_from(("ilcasia", "Ren Aoki",
                                                                                          "news198")))
def test_a_date_then_by_and_a_name_is_the_sites_post(day: str, name: str) -> None:
    from feeder.extract.credit_lines import _dated_by

    found = Found()
    assert _dated_by(Line(f"{day} by {name}", "line 12", False), found, lambda outlet: outlet == "Reuters")
    assert [(c.role, c.value) for c in found.candidates] == [("republished", day), ("republisher", name)]
    assert not _dated_by(Line(f"{day} by Reuters", "line 12", False), Found(), lambda outlet: outlet == "Reuters")


# An agency's name opening a reporting credit glued to the last sentence; a theme's word before "By".


def test_an_agency_opening_a_glued_reporting_credit_credits_it_and_its_reporters(
        tmp_path: Path, config: Config) -> None:
    dump = f"""Energy Desk Daily
Night ferries return to the island route
March 14, 2024

{STORY}

{MORE}

{LAST} (Reuters - Reporting by Mara Lind; Editing by Tom Ashe)
"""
    record = inspect(tmp_path, config, "agency_reporting.txt", dump)
    assert record["source"] == {"name": "Reuters", "url": None}
    assert record["authors"] == ["Mara Lind"]
    assert record["body"][-1] == LAST


@given(st.sampled_from(("Article By", "Story by", "Words by", "ARTICLE BY")))
def test_a_themes_word_before_by_keeps_the_byline(prefix: str) -> None:
    from feeder.extract.credit_lines import read_credit

    found = Found()
    assert read_credit(Line(f"{prefix} Mara Lind, Reuters", "block 4", True), found,
                       lambda name: name == "Reuters", True, "")
    assert ("byline", "Mara Lind, Reuters") in [(c.role, c.value) for c in found.candidates]
    assert ("outlet", "Reuters") in [(c.role, c.value) for c in found.candidates]


@given(st.sampled_from(("2022-08-29 15:10:27", "5 March 2021 08:15", "2021/3/5 20:49")),
       st.sampled_from(("", " ")), st.sampled_from(("", " Editor : Wu Lan")))
def test_a_stamp_then_the_outlets_name_is_its_credit_and_stamp(stamp: str, gap: str, editor: str) -> None:
    from feeder.extract.credit_lines import read_credit

    found = Found()
    assert read_credit(Line(f"{stamp}{gap}Xinhua{editor}", "line 43", True), found, lambda name: name == "Xinhua",
                       True, "")
    assert [(c.role, c.value) for c in found.candidates] == [("outlet", "Xinhua"), ("stamp", stamp)]
