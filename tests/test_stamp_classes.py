"""Stamp and poster classes of issue 12, each on invented text: a masthead date far above the story, a weekday
between a date and its time, a credit row's time in its own field, a blog footer in its theme's language."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract.dates import find_dates
from feeder.extract.resolver import MASTHEAD_REACH, PLAIN_HEADER, POST_ABOVE, Candidate, resolve

STORY = ("Engineers at the river port have finished dredging the eastern channel, so that grain barges can "
         "load fully again after a summer of low water, the port authority said on Tuesday.")
MORE = ("The work took eleven weeks and moved enough silt to fill the town's football ground twice over, "
        "according to the authority's figures.")
LAST = "Barge operators said freight rates should ease before the harvest peaks next month."


def inspect(tmp_path: Path, config: Config, name: str, text: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, config)


# A masthead's date (today's date, a clock widget) far above the story against the stamp under the headline.


def test_a_bare_date_far_above_the_story_is_the_masthead_not_the_post_date() -> None:
    widget = Candidate("republished", "July 2, 2024", 0, POST_ABOVE, "block 0", "last")
    header = Candidate("header", "May 4, 2023", MASTHEAD_REACH + 3, PLAIN_HEADER, "header block", "last")
    chosen = resolve([widget, header], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "May 4, 2023"
    assert chosen.dates == ()


def test_a_post_date_just_over_the_post_title_stays_the_post_date() -> None:
    # A blog's date header over the post's title, the story's stamp under it: the date header is the post's.
    post = Candidate("republished", "July 2, 2024", 3, POST_ABOVE, "block 3", "last")
    header = Candidate("header", "May 4, 2023", 5, PLAIN_HEADER, "header block", "last")
    chosen = resolve([post, header], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "July 2, 2024"
    assert [d.value for d in chosen.dates] == ["May 4, 2023"]


def test_a_masthead_date_over_menus_leaves_the_stamp_under_the_headline_as_the_post_date(
        tmp_path: Path, config: Config) -> None:
    menus = "\n".join(("Home", "Region", "Farming", "Transport", "Weather", "Letters", "Jobs", "Contact"))
    dump = f"""Riverside Courier
Wednesday, September 11, 2024
The valley's own news since 1971
{menus}
Channel dredging lets grain barges load fully again
June 3, 2023
NEWPORT (AP) — {STORY}

{MORE}

{LAST}

Related
Leave a comment
"""
    record = inspect(tmp_path, config, "masthead.txt", dump)
    assert record["source"] == {"name": "AP", "url": None}
    assert record["republished"] == "2023-06-03T00:00:00+00:00"
    assert record["published"] is None


# A weekday word printed between a date and its time.


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)), st.times(), st.booleans())
def test_a_weekday_word_between_a_date_and_its_time_keeps_the_time(day: date, clock: time, at: bool) -> None:
    when = datetime.combine(day, clock)
    text = f"{when:%B} {day.day}, {day.year}, {when:%A}{' at' if at else ''} {when:%I:%M %p}"
    hit = find_dates(text)[0]
    assert (hit.year, hit.month, hit.day, hit.hour, hit.minute) == (day.year, day.month, day.day, clock.hour,
                                                                     clock.minute)
    assert hit.raw == text


def test_a_weekday_like_word_without_a_time_is_not_the_stamps() -> None:
    hit = find_dates("March 4, 2021 Sun Daily")[0]
    assert hit.raw == "March 4, 2021" and hit.hour is None


# A credit row printing the day and the time in two fields.


def test_a_time_field_after_a_date_field_completes_the_stamp(tmp_path: Path, config: Config) -> None:
    dump = f"""Channel dredging lets grain barges load fully again
Kyodo News
Home | Nation | World | Business
Ref: 4471203 | Date: 14/06/2022 | Time: 09:41 |

Channel dredging lets grain barges load fully again

{STORY}

{MORE}

{LAST}
"""
    record = inspect(tmp_path, config, "time_field.txt", dump)
    assert record["published"] == "2022-06-14T09:41:00+09:00"


# A blog platform's post footer in its theme's language: the poster and the time of the post.


def test_a_localized_post_footer_names_the_poster_and_the_time(tmp_path: Path, config: Config) -> None:
    for footer, name in (("投稿者 Haruto Sato 時刻: 21:40 0 コメント", "Haruto Sato"),
                         ("Diposkan oleh Dewi Lestari di 21:40", "Dewi Lestari"),
                         ("Publicado por Ana Ribeiro às 21:40", "Ana Ribeiro")):
        dump = f"""River Notes
Wednesday, June 14, 2023
Channel dredging lets grain barges load fully again
{STORY}

{MORE}

{LAST}

{footer}
"""
        record = inspect(tmp_path, config, "footer.txt", dump)
        assert record["republisher"] == name, footer
        assert record["republished"] == "2023-06-14T21:40:00+00:00", footer


# A printed stamp that is the page's own metadata post date, to the second, is the post's, not the original's.


def test_a_printed_stamp_equal_to_the_pages_metadata_post_date_is_the_post_date() -> None:
    from feeder.extract.resolver import BESIDE_CREDIT, META_POST

    meta = Candidate("republished", "2025-09-09T08:30:00+03:00", 1 << 30, META_POST, "JSON-LD datePublished",
                     printed=False)
    beside = Candidate("stamp", "2025-09-09T08:30:00+03:00", 3, BESIDE_CREDIT, "block 3: stamp beside the outlet")
    chosen = resolve([meta, beside], outlet_page=False)
    assert chosen.dates == ()
    assert chosen.republished is not None and chosen.republished.value == "2025-09-09T08:30:00+03:00"
    other = beside._replace(value="2025-09-08T21:10:00+03:00")
    assert [d.value for d in resolve([meta, other], outlet_page=False).dates] == ["2025-09-08T21:10:00+03:00"]


def test_a_stamp_in_the_byline_row_outranks_a_bare_stamp_above_the_story() -> None:
    from feeder.extract.resolver import POST_HEADER, PRINTED_STAMP

    header = Candidate("header", "Dec 1st 2012, 00:23", 7, PLAIN_HEADER, "block 7", "last")
    byline_row = Candidate("stamp", "WASHINGTON | Fri Nov 30, 2012 7:23pm EST", 11, PRINTED_STAMP, "block 11")
    posted = Candidate("republished", "Saturday, December 1, 2012", 30, POST_HEADER, "block 30")
    chosen = resolve([header, byline_row, posted], outlet_page=False)
    assert [d.value for d in chosen.dates] == ["WASHINGTON | Fri Nov 30, 2012 7:23pm EST", "Dec 1st 2012, 00:23"]


def test_a_stamp_under_the_agencys_account_byline_is_the_sites_post_date() -> None:
    from feeder.extract.resolver import PRINTED_BYLINE, PRINTED_STAMP

    desk = Candidate("desk byline", "AFP", 14, PRINTED_BYLINE, "block 14")
    stamp = Candidate("published", "March 9, 2018", 15, PRINTED_STAMP, "block 15: 'Published' stamp")
    chosen = resolve([desk, stamp], outlet_page=False)
    assert chosen.dates == ()
    assert chosen.republished is not None and chosen.republished.value == "March 9, 2018"
    person = Candidate("byline", "Claire Delmas", 14, PRINTED_BYLINE, "block 14")
    assert [d.value for d in resolve([person, stamp], outlet_page=False).dates] == ["March 9, 2018"]
