"""Credit forms that name the outlet in ways a plain "Source: X" line does not, each on an invented page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feeder.cli import inspect_record
from feeder.config import Config

STORY = ("Ferry crews on the southern lake have begun testing a solar-charged boat that carries forty "
         "passengers between the two market towns, the transport office said on Monday.")
MORE = ("Officials said the trial would run through the dry season and that two more boats could join "
        "the route next year if the batteries hold up in the afternoon heat.")
LAST = "Fares will stay at the current level during the trial, the office added."


def inspect(tmp_path: Path, config: Config, name: str, text: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, config)


def test_agency_glued_after_a_dash_above_related_headlines(tmp_path: Path, config: Config) -> None:
    # "… last sentence. (en dash) AGENCY", then a list of related headlines: the credit closes the story.
    dump = f"""Lakeside Daily
Solar ferry trial starts on the southern lake

By webdesk - March 3, 2022

{STORY}

{MORE}

{LAST} – BERNAMA

Market towns plan a joint bus timetable
Lake levels fall for a third straight week
New jetty opens at the northern landing
"""
    record = inspect(tmp_path, config, "glued_dash.txt", dump)
    assert record["source"] == {"name": "Bernama", "url": None}
    assert record["body"] == [STORY, MORE, LAST]
    assert record["republisher"] == "webdesk"
    assert record["republished"] == "2022-03-03T00:00:00+00:00"


def test_source_label_with_fullwidth_colon_and_stamp_in_one_field(tmp_path: Path, config: Config) -> None:
    # "Source" (full-width colon) "OUTLET  date time": name and stamp share one field.
    dump = f"""Solar ferry trial starts on the southern lake

Source：Xinhua  Mar. 3, 2022 14:05

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "fullwidth.txt", dump)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["published"] == "2022-03-03T14:05:00+08:00"


def test_unknown_outlet_after_a_source_label_with_a_date_is_credited_as_printed(
        tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

Source: Lake Region Herald, March 3, 2022

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "printed.txt", dump)
    assert record["source"] is not None and record["source"]["name"] == "Lake Region Herald"
    assert record["published"] is not None and record["published"].startswith("2022-03-03")


def test_forum_markup_around_a_source_line_is_not_text(tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

[b]Solar ferry trial starts on the southern lake[/b]

{STORY}

{MORE}

[i]Source: Xinhua [/i]
"""
    record = inspect(tmp_path, config, "bbcode.txt", dump)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["body"] == [STORY, MORE]


def test_wrapped_credit_row_label_at_line_end_reads_its_value_below(tmp_path: Path, config: Config) -> None:
    # A mobile capture wrapped "By A and B Source: OUTLET Published: date" after the "Source:" label.
    dump = f"""Solar ferry trial starts on the southern lake

By Lin Qiao and Wu Bo Source:
Global Times Published: 2022/3/3

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "wrapped_labels.txt", dump)
    assert record["source"] == {"name": "Global Times", "url": None}
    assert record["authors"] == ["Lin Qiao", "Wu Bo"]
    assert record["published"] == "2022-03-03T00:00:00+08:00"


def test_dateline_with_a_bracketed_country_and_a_colon(tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

Kisumu [Kenya], Mar 3 (ANI): {STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "bracket_dateline.txt", dump)
    assert record["source"] == {"name": "ANI", "url": None}
    assert record["body"][0] == f"Kisumu [Kenya], Mar 3: {STORY}"


def test_sentence_ending_in_a_dash_and_a_name_mid_story_is_not_a_credit(tmp_path: Path, config: Config) -> None:
    # Only a credit above headline-shaped lines closes the story; a story of full sentences is kept whole.
    dump = f"""Solar ferry trial starts on the southern lake

{STORY}

{MORE} – Reuters

{LAST}
"""
    record = inspect(tmp_path, config, "no_credit.txt", dump)
    assert record["body"][-1] == LAST
    assert len(record["body"]) == 3


def test_blog_title_quoting_an_outlets_headline_credits_that_outlet(tmp_path: Path, config: Config) -> None:
    # 'Outlet: "Headline"' over a quoted excerpt: the headline is the quoted part, the outlet is credited,
    # and the excerpt's opening and closing quote marks are not part of the story.
    dump = f"""Lake Notes: The Guardian: "Solar ferry trial starts on the southern lake"

Lake Notes

Home
Contact

Monday, March 7, 2022

The Guardian: "Solar ferry trial starts on the southern lake"

"{STORY}

{MORE}"

Posted by Ada Lindqvist at 9:15 AM
"""
    record = inspect(tmp_path, config, "quoted.txt", dump)
    assert record["title"] == "Solar ferry trial starts on the southern lake"
    assert record["source"] == {"name": "The Guardian", "url": None}
    assert record["body"] == [STORY, MORE]
    assert record["republisher"] == "Ada Lindqvist"


def test_blog_title_with_a_colon_and_no_outlet_keeps_the_title(tmp_path: Path, config: Config) -> None:
    dump = f"""Ferry diary: "a quiet crossing on the southern lake"

Ferry diary: "a quiet crossing on the southern lake"

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "not_quoted.txt", dump)
    assert record["title"] == 'Ferry diary: "a quiet crossing on the southern lake"'
    assert record["source"] is None


def test_known_outlet_printed_without_its_possessive(tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

{STORY}

{MORE}

Source: People Daily, March 3, 2022
"""
    record = inspect(tmp_path, config, "possessive.txt", dump)
    assert record["source"] is not None and record["source"]["name"] == "People's Daily"


def test_read_more_at_a_named_site_credits_it_by_its_printed_name(tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

{STORY}

{MORE}

Read more at lakeregion.com
"""
    record = inspect(tmp_path, config, "read_more.txt", dump)
    assert record["source"] == {"name": "lakeregion.com", "url": None}
    assert record["body"] == [STORY, MORE]


def test_dateline_with_a_comma_and_no_date(tmp_path: Path, config: Config) -> None:
    page = f"""<html><head><title>Solar ferry trial starts on the southern lake</title></head><body>
    <article><h1>Solar ferry trial starts on the southern lake</h1>
    <p>KISUMU, (Xinhua) — {STORY}</p><p>{MORE}</p></article></body></html>"""
    record = inspect(tmp_path, config, "comma_dateline.html", page)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["body"][0] == f"KISUMU, — {STORY}"


def test_labelled_agency_byline_credits_the_agency(tmp_path: Path, config: Config) -> None:
    page = f"""<html><head><title>Solar ferry trial starts on the southern lake</title></head><body>
    <article><h1>Solar ferry trial starts on the southern lake</h1>
    <div class="author">By: <a href="/author/7">Reuters</a></div>
    <p>{STORY}</p><p>{MORE}</p></article></body></html>"""
    record = inspect(tmp_path, config, "by_colon.html", page)
    assert record["source"] == {"name": "Reuters", "url": None}
    assert record["authors"] == []


def test_printed_source_line_outranks_an_outlet_name_in_a_list(tmp_path: Path, config: Config) -> None:
    # "Source: an outlet feeder does not know" under the story; a known agency's name alone in a tag list.
    page = f"""<html><head><title>Solar ferry trial starts on the southern lake</title></head><body>
    <article><h1>Solar ferry trial starts on the southern lake</h1>
    <div class="meta"><span class="author">By Rafiq Hasan -</span></div>
    <p>{STORY}</p><p>{MORE}</p><p>Source: Lake Region Herald</p></article>
    <aside><ul><li>Weather</li><li>Reuters</li><li>Transport</li></ul></aside></body></html>"""
    record = inspect(tmp_path, config, "labelled_vs_list.html", page)
    assert record["source"] is not None and record["source"]["name"] == "Lake Region Herald"


def test_own_post_listing_several_outlet_links_credits_no_outlet(tmp_path: Path, config: Config) -> None:
    # A blogger's own post recommending three stories on an agency's site: reading list, not a repost.
    links = "".join(f'<p><a href="https://www.upi.com/Top_News/2022/03/0{n}/story-{n}/">Story {n} on ferries</a></p>'
                    for n in (1, 2, 3))
    page = f"""<html><head><title>Three ferry stories worth reading</title></head><body>
    <article><h1>Three ferry stories worth reading</h1>
    <p>I have been reading about ferries all week, and these three pieces stood out for me as the best of the lot.</p>
    {links}<p>I will keep adding to this list as the trial goes on and more of them are written.</p></article>
    </body></html>"""
    record = inspect(tmp_path, config, "roundup.html", page)
    assert record["source"] is None


def test_single_link_to_an_outlets_story_still_credits_it(tmp_path: Path, config: Config) -> None:
    url = "https://www.reuters.com/world/solar-ferry-trial-2022-03-03/"
    page = f"""<html><head><title>Solar ferry trial starts on the southern lake</title></head><body>
    <article><h1>Solar ferry trial starts on the southern lake</h1>
    <p>{STORY}</p><p>{MORE}</p><p><a href="{url}">The ferry trial, as the wire reported it</a></p></article>
    </body></html>"""
    record = inspect(tmp_path, config, "one_link.html", page)
    assert record["source"] is not None and record["source"]["name"] == "Reuters"


def test_drupal_body_field_inside_a_promoted_node_is_the_story(tmp_path: Path, config: Config) -> None:
    # Drupal marks a node promoted to the front page with a state class; the node is still the story.
    page = f"""<html><head><title>Solar ferry trial starts | Lake News</title></head><body>
    <div id="sidebar-first" class="sidebar"><h2>Recent content</h2><p>Lake levels fall for a third week</p></div>
    <h1 class="with-tabs">Solar ferry trial starts on the southern lake</h1>
    <div class="node node-article node-promoted node-full clearfix">
    <div class="meta submitted">Submitted by lakeadmin on Thu, 03/03/2022 - 16:05</div>
    <div class="field field-name-body"><div class="field-items"><div class="field-item even">
    <p>KISUMU, March 3. /TASS/. {STORY}</p><p>{MORE}</p><p>{LAST}</p></div></div></div></div>
    </body></html>"""
    record = inspect(tmp_path, config, "drupal.html", page)
    assert record["body"] == [f"KISUMU, March 3. {STORY}", MORE, LAST]  # the slashed token goes, as any dateline token
    assert record["source"] == {"name": "TASS", "url": None}


def test_rate_limit_block_page_is_rejected(tmp_path: Path, config: Config) -> None:
    page = """<html><head><title>Too Many Requests</title></head><body><h1>Slow down, please</h1>
    <p>Your computer has sent more requests to this site in the last minute than our rules allow for a single
    reader, so access from your address is paused for a little while before you can read on again.</p>
    <p>The pause ends by itself after fifteen minutes. Our syndication feeds are the better way to follow us.</p>
    </body></html>"""
    record = inspect(tmp_path, config, "rate_limit.html", page)
    assert record["status"] == "rejected"


def test_index_of_dated_teasers_is_rejected_but_a_story_with_dated_comments_is_not(
        tmp_path: Path, config: Config) -> None:
    teasers = "\n\n".join(
        f"Writer {n}\nThe lake towns must plan their ferries together if the trial is to last beyond one season.\n"
        f"1{n}:20, 0{n}-Mar-2022" for n in range(1, 6))
    index = f"Comment - Lake News\n\nComment\n\n{teasers}\n\nLOAD MORE\n"
    assert inspect(tmp_path, config, "index.txt", index)["status"] == "rejected"
    comments = "\n\n".join(f"Reader {n}\nI took the boat last week and it was quiet and smooth all the way.\n"
                           f"March {n}, 2022" for n in range(1, 5))
    story = (f"Solar ferry trial starts on the southern lake\n\nMarch 3, 2022\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\n"
             f"{STORY}\n\n{MORE}\n\n{LAST}\n\n4 Comments\n\n{comments}\n")
    assert inspect(tmp_path, config, "story.txt", story)["status"] == "ok"


def test_time_alone_under_a_day_only_stamp_completes_it(tmp_path: Path, config: Config) -> None:
    dump = f"""Solar ferry trial starts on the southern lake

By Lin Qiao Source:
Global Times Published: 2022/3/3
7:45:10

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "time_below.txt", dump)
    assert record["published"] == "2022-03-03T07:45:10+08:00"
