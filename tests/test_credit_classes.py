"""Credit and poster classes of issue 12, each on invented pages: a label or the headline is no poster, an empty
labelled field is no name, a link the page calls the original is its address, a feed footer's site is a credit
of last resort, a theme's post-meta row is the site's, a feed aggregator's item stamp is the original's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import resolver
from feeder.extract.credit_lines import read_credit
from feeder.extract.html.credits import home_page
from feeder.extract.line_joins import segments
from feeder.extract.posters import account_name, not_the_headline
from feeder.extract.proposals import Found
from feeder.extract.shapes import Line
from feeder.sources import build_registry

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


# A syndicated story's byline row: the person, the outlet, the date on one line.


@given(st.sampled_from(("23 Apr 2018", "May 5, 2021", "2021-03-05")))
@settings(max_examples=10, deadline=None)
def test_a_byline_row_of_person_outlet_and_date_credits_the_outlet(date: str) -> None:
    found = Found()
    assert read_credit(Line(f"By Mirela Andov, The Straits Times, {date}", "line 7", False), found,
                       _REGISTRY_OUTLET, True, "")
    assert ("outlet", "The Straits Times") in [(c.role, c.value) for c in found.candidates]
    # the known outlet's name left in the byline is normalization's to strip
    assert [c.value.split(",")[0] for c in found.candidates if c.role == "byline"] == ["Mirela Andov"]
    assert ("header", date) in [(c.role, c.value) for c in found.candidates]


def test_a_byline_row_naming_an_unknown_paper_credits_it_as_printed(tmp_path: Path, config: Config) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route
By Mirela Andov, The Harbour Evening Times, 3 Mar 2021

{STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "byline_row.txt", dump)
    assert record["source"] == {"name": "The Harbour Evening Times", "url": None}
    assert record["authors"] == ["Mirela Andov"]


def test_a_byline_row_with_a_role_in_the_middle_credits_no_outlet() -> None:
    found = Found()
    read_credit(Line("By Mirela Andov, Senior Writer, 3 Mar 2021", "line 7", False), found, _REGISTRY_OUTLET,
                True, "")
    assert not [c for c in found.candidates if c.role == "outlet"]


# Credit sentences under (or over) the story: the outlet it ran in first.


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Printed in DAWN, May 14, 2015", "Dawn"),
    ("Printed in The Harbour Herald, March 3, 2021", "The Harbour Herald"),
    ("Translated from Diario Costero", "Diario Costero"),
    ("This article was first published in Gulf News", "Gulf News"),
    ("This story was originally published in Costa Semanal.", "Costa Semanal"),
    ("As reported by The Voice of America", "VOA"),
    ("From teleSUR via Island Reader Feed.", "teleSUR"),
])
def test_a_credit_sentence_credits_its_outlet(tmp_path: Path, config: Config, sentence: str, outlet: str) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

{STORY}

{MORE}

{LAST}

{sentence}
"""
    record = inspect(tmp_path, config, "credit_sentence.txt", dump)
    assert record["source"] == {"name": outlet, "url": None}


@pytest.mark.parametrize("sentence", ["Published in Island Notes", "Published by Maria Lopez",
                                      "Reported by Maria Lopez", "From Monday the ferries run twice a day."])
def test_a_category_or_a_person_after_the_verb_is_no_credit(sentence: str) -> None:
    found = Found()
    read_credit(Line(sentence, "line 30", True), found, _REGISTRY_OUTLET, True, "")
    assert not [c for c in found.candidates if c.role == "outlet"]


# A date and the outlet's token nested in one bracket opening the story.


def test_a_nested_date_and_token_opener_credits_the_outlet(tmp_path: Path, config: Config) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

(Mar 03, 2021, (Xinhua))--{STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "nested_opener.txt", dump)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["body"][0] == STORY


# A registry outlet's name with a generic tail (what it is, or its desk's city) is the registry's outlet.


@pytest.mark.parametrize(("printed", "canonical"), [
    ("Agence France-Presse . Lyon", "AFP"), ("BERNAMA News Agency", "Bernama"), ("Gulf News, Dubai", "Gulf News"),
    ("Kyodo News Service", "Kyodo News"),
])
def test_a_registry_name_with_a_generic_tail_is_the_registry_outlet(printed: str, canonical: str) -> None:
    outlet = build_registry().named(printed)
    assert outlet is not None and outlet.name == canonical


@pytest.mark.parametrize("printed", ["Xinhua, China Daily", "AFP, Reuters", "Harbour Wire, Lyon"])
def test_two_outlets_or_an_unknown_head_are_not_one_registry_outlet(printed: str) -> None:
    assert build_registry().named(printed) is None


# An outlet's home-page link credits the outlet but is no story's address.


@pytest.mark.parametrize(("url", "home"), [
    ("https://www.arabnews.com/", True), ("https://www.bernama.com/en/", True), ("https://example.org", True),
    ("https://www.arabnews.com/node/1780000/saudi-arabia", False), ("https://example.org/?p=12", False),
])
def test_a_home_page_link_is_told_from_a_story_link(url: str, home: bool) -> None:
    assert home_page(url) is home


def test_a_home_page_link_credits_the_outlet_with_no_story_url(tmp_path: Path, config: Config) -> None:
    page = f"""<!doctype html><html><head><title>Night ferries return to the island route</title>
<link rel="canonical" href="https://islandportal.example/news/night-ferries"></head><body>
<h1>Night ferries return to the island route</h1>
<div class="story"><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></div>
<p><em>This article was first published in <a href="https://www.arabnews.com/">Arab News</a></em></p>
</body></html>"""
    record = inspect(tmp_path, config, "home_link.html", page)
    assert record["source"] == {"name": "Arab News", "url": None}


_REGISTRY = build_registry()


def _REGISTRY_OUTLET(name: str) -> bool:
    return _REGISTRY.named(name) is not None


# A known outlet's name glued to the story's first word (the line between them lost in the capture).


def test_an_outlet_name_glued_to_the_first_paragraph_credits_it(tmp_path: Path, config: Config) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

Deutsche Welle{STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "glued_outlet.txt", dump)
    assert record["source"] == {"name": "DW", "url": None}
    assert record["body"][0] == STORY


# A feed tool's autopost footer: "from Feed Title - Outlet" with its short link or over "via tool".


@pytest.mark.parametrize(("footer", "url"), [
    ("from Nation | Latest Headlines from the Islands - Gulf News\nvia harbourbot", None),
    ("from Gulf News https://sho.rt/Ab12Cd", "https://sho.rt/Ab12Cd"),
])
def test_a_feed_tools_from_footer_credits_the_feeds_outlet(tmp_path: Path, config: Config, footer: str,
                                                           url: str | None) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

{STORY}

{MORE}

{LAST}
{footer}
"""
    record = inspect(tmp_path, config, "feed_tool.txt", dump)
    assert record["source"] == {"name": "Gulf News", "url": url}


def test_a_from_line_naming_no_known_outlet_is_no_credit() -> None:
    found = Found()
    read_credit(Line("from the harbour office https://sho.rt/Ab12Cd", "line 30", True), found, _REGISTRY_OUTLET,
                True, "via harbourbot")
    assert not [c for c in found.candidates if c.role == "outlet"]


# A dateline whose month runs into the day ("Jan.28") still carries its agency's token.


def test_a_dateline_with_the_day_run_into_the_month_credits_its_token(tmp_path: Path, config: Config) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

RIVERTON, Feb.3 (Kyodo) -- {STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "dotted_dateline.txt", dump)
    assert record["source"] == {"name": "Kyodo News", "url": None}
    assert record["body"][0] == f"RIVERTON, Feb.3 -- {STORY}"


# A post titled with the known outlet it copied, in brackets after the headline.


@pytest.mark.parametrize(("suffix", "outlet"), [(" (Gulf News)", "Gulf News"), (" (Harbour Notes)", None)])
def test_a_known_outlet_in_brackets_after_the_headline_credits_it(tmp_path: Path, config: Config, suffix: str,
                                                                  outlet: str | None) -> None:
    page = f"""<!doctype html><html><head><title>Night ferries return to the island route{suffix}</title>
<link rel="canonical" href="https://islandportal.example/news/night-ferries"></head><body>
<h1>Night ferries return to the island route{suffix}</h1>
<div class="story"><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></div>
</body></html>"""
    record = inspect(tmp_path, config, "title_credit.html", page)
    assert record["source"] == (None if outlet is None else {"name": outlet, "url": None})


# "First published on DATE" over a line giving the outlet's address: the outlet's credit and the story's date.


@pytest.mark.parametrize(("under", "outlet"), [
    ("Pick up a copy of the paper or go to gulfnews.com for more stories.", "Gulf News"),
    ("Pick up a copy of the paper or go to harbournotes.example for more.", None),
])
def test_first_published_on_a_date_over_the_outlets_address_credits_it(tmp_path: Path, config: Config, under: str,
                                                                        outlet: str | None) -> None:
    dump = f"""Harbour Notes
Night ferries return to the island route

{STORY}

{MORE}

{LAST}

This article was first published on Mar 3, 2021.
{under}
"""
    record = inspect(tmp_path, config, "first_published_on.txt", dump)
    assert record["source"] == (None if outlet is None else {"name": outlet, "url": None})


# A story toolbar's buttons run into the outlet's credit and stamp.


@pytest.mark.parametrize("toolbar", ["0 Comment(s)Print E-mail ", "3 comments Share Print ", "Print Email "])
def test_a_toolbar_run_into_the_outlet_and_stamp_credits_the_outlet(toolbar: str) -> None:
    found = Found()
    assert read_credit(Line(f"{toolbar}Xinhua, March 3, 2021", "line 9", False), found, _REGISTRY_OUTLET, True, "")
    assert [(c.role, c.value) for c in found.candidates if c.role in ("outlet", "stamp")] == [
        ("outlet", "Xinhua"), ("stamp", "March 3, 2021")]
