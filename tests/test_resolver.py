"""The resolver's tie-breaks on invented candidates and small invented pages; it ignores proposal order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import rules
from feeder.extract.clocks import clock_time, propose_clocks
from feeder.extract.credit_lines import _post_or_link_shaped
from feeder.extract.proposals import Found
from feeder.extract.resolver import (
    BARE_NAME,
    BELOW_HEADLINE,
    BESIDE_CREDIT,
    CONTAINER_HEADLINE,
    CREDIT_ROW,
    FIRST_LINE_HEADLINE,
    LABELLED_HEADER,
    META_POST,
    META_REPUBLISHER,
    META_STAMP,
    PLAIN_HEADER,
    POST_ABOVE,
    POST_BELOW,
    POST_HEADER,
    PRINTED_BYLINE,
    PRINTED_REPUBLISHER,
    PRINTED_STAMP,
    THREAD_START,
    Candidate,
    Role,
    headline,
    resolve,
)
from feeder.extract.shapes import Line

PAGES = Path(__file__).parent / "fixtures" / "resolver"


def stamp(value: str, block: int, score: float = PRINTED_STAMP, role: Role = "stamp") -> Candidate:
    return Candidate(role, value, block, score, f"block {block}")


def test_the_stamp_beside_the_outlets_credit_outranks_an_earlier_printed_stamp() -> None:
    chosen = resolve([stamp("2021-03-01", 3), stamp("2021-03-03 21:40", 20, BESIDE_CREDIT)], outlet_page=False)
    assert [d.value for d in chosen.dates] == ["2021-03-03 21:40", "2021-03-01"]
    assert "nearest the outlet's credit" in chosen.dates[0].origin


def test_metadata_stamps_come_after_every_printed_stamp() -> None:
    meta = Candidate("published", "2021-03-02", 1 << 30, META_STAMP, "meta tag", printed=False)
    chosen = resolve([meta, stamp("2021-03-01", 9)], outlet_page=False)
    assert [d.value for d in chosen.dates] == ["2021-03-01", "2021-03-02"]


def test_a_stamp_above_the_story_on_a_republishing_page_is_that_pages_post_date() -> None:
    header = stamp("05/03/2021", 2, PLAIN_HEADER, "header")
    chosen = resolve([header, stamp("2021-03-04 09:15", 3, BESIDE_CREDIT)], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "05/03/2021"
    assert [d.value for d in chosen.dates] == ["2021-03-04 09:15"]
    alone = resolve([header], outlet_page=False)
    assert alone.republished is not None and alone.republished.value == "05/03/2021"
    assert alone.dates == ()


def test_a_stamp_above_the_story_is_the_storys_when_the_page_names_its_post_date_elsewhere() -> None:
    posted = stamp("March 6, 2021", 30, POST_HEADER, "republished")
    chosen = resolve([stamp("05/03/2021", 2, PLAIN_HEADER, "header"), posted], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "March 6, 2021"
    assert [d.value for d in chosen.dates] == ["05/03/2021"]


def test_on_the_outlets_own_page_the_stamp_above_the_story_is_the_storys() -> None:
    header = stamp("05/03/2021", 2, PLAIN_HEADER, "header")
    chosen = resolve([header, stamp("2021-03-04", 9)], outlet_page=True)
    assert chosen.republished is None
    assert chosen.dates[0].value == "05/03/2021"


def test_a_labelled_header_stamp_outranks_a_bare_one_and_of_bare_ones_the_nearest_the_story_wins() -> None:
    bare = [Candidate("header", f"2021-03-0{n}", n, PLAIN_HEADER, f"block {n}", "last") for n in (1, 2)]
    assert resolve(bare, outlet_page=True).dates[0].value == "2021-03-02"
    labelled = stamp("2021-03-05", 0, LABELLED_HEADER, "header")
    assert resolve([*bare, labelled], outlet_page=True).dates[0].value == "2021-03-05"


def test_a_labelled_post_date_outranks_a_bare_date_line() -> None:
    chosen = resolve([stamp("March 4, 2021", 1, POST_ABOVE, "republished"),
                      stamp("March 5, 2021", 30, POST_HEADER, "republished")], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "March 5, 2021"


def test_of_post_dates_above_the_headline_the_nearest_the_headline_wins() -> None:
    above = [Candidate("republished", f"March {n}, 2021", n, POST_ABOVE, f"block {n}", "last") for n in (1, 2)]
    chosen = resolve(above, outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "March 2, 2021"


def test_the_post_date_is_the_one_nearest_the_poster_on_a_tie() -> None:
    posts = [stamp("March 4, 2021", 2, POST_BELOW, "republished"),
             stamp("March 6, 2021", 40, POST_BELOW, "republished")]
    poster = Candidate("republisher", "harbour_kite", 38, PRINTED_REPUBLISHER, "block 38")
    chosen = resolve([*posts, poster], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "March 6, 2021"


def test_the_pages_metadata_names_its_own_post_date_over_a_printed_one() -> None:
    meta = Candidate("republished", "2021-03-05T08:12:00Z", 1 << 30, META_POST, "article:published_time",
                     printed=False)
    chosen = resolve([stamp("March 4, 2021", 1, POST_HEADER, "republished"), meta], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "2021-03-05T08:12:00Z"


def test_a_day_only_post_date_takes_the_time_of_the_posts_footer() -> None:
    chosen = resolve([stamp("March 5, 2021", 1, POST_HEADER, "republished"),
                      stamp("7:45 PM", 50, POST_HEADER, "post time")], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "March 5, 2021 7:45 PM"


def test_the_poster_is_never_one_of_the_storys_bylines() -> None:
    candidates = [Candidate("byline", "Reporting by Li Wen and Tom Ellery", 30, PRINTED_BYLINE, "block 30"),
                  Candidate("republisher", "Li Wen", 2, PRINTED_REPUBLISHER, "block 2"),
                  Candidate("republisher", "harbour_kite", 5, PRINTED_REPUBLISHER, "block 5")]
    poster = resolve(candidates, outlet_page=False).republisher
    assert poster is not None and poster.value == "harbour_kite"
    meta = Candidate("republisher", "Site Editor", 1 << 30, META_REPUBLISHER, "meta author", printed=False)
    poster = resolve([*candidates, meta], outlet_page=False).republisher
    assert poster is not None and poster.value == "Site Editor"


def test_a_reporting_credit_names_authors_unless_the_byline_slot_credits_the_agency() -> None:
    reporting = Candidate("reporting", "Samuel Mbuyi; Editing by Ana Ruiz", 40, PRINTED_BYLINE, "block 40")
    assert [c.value for c in resolve([reporting], outlet_page=False).bylines] == [reporting.value]
    desk = Candidate("desk byline", "Reuters", 3, PRINTED_BYLINE, "block 3")
    assert resolve([desk, reporting], outlet_page=False).bylines == ()


def test_a_posts_own_header_outranks_the_threads_starter() -> None:
    starter = Candidate("republisher", "Dragon_Sentinel", 2, THREAD_START, "thread starter")
    started = Candidate("republished", "Dec 5, 2012", 2, THREAD_START, "thread start date")
    member = Candidate("republisher", "harbour_kite", 9, PRINTED_REPUBLISHER, "member over their rank")
    posted = Candidate("republished", "Aug 29, 2022", 11, POST_BELOW, "post date under the post")
    chosen = resolve([starter, started, member, posted], outlet_page=False)
    assert chosen.republisher is not None and chosen.republisher.value == "harbour_kite"
    assert chosen.republished is not None and chosen.republished.value == "Aug 29, 2022"


def test_a_dumps_headline_container_over_line_below_over_first_line() -> None:
    first = Candidate("headline", "Harbour Notes", 0, FIRST_LINE_HEADLINE, "page title")
    below = Candidate("headline", "Ningbo opens third automated berth", 4, BELOW_HEADLINE, "line 5")
    shared = Candidate("headline", "Port opens berth", 2, CONTAINER_HEADLINE, "line 3")
    assert headline(first, []) is first
    assert headline(first, [below]) is below
    assert headline(first, [below, shared]) is shared



CLOCK = ": a time alone on its line"


def test_a_time_alone_completes_the_post_date_only_beside_it() -> None:
    posted = Candidate("republished", "Thu April 26, 2012", 10, POST_ABOVE, "date line")
    above = Candidate("post time", "1:02pm", 9, POST_HEADER, f"line 9{CLOCK}")
    far = Candidate("post time", "3:51", 15, POST_HEADER, f"line 15{CLOCK}")
    chosen = resolve([posted, above], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "Thu April 26, 2012 1:02pm"
    alone = resolve([posted, far], outlet_page=False)
    assert alone.republished is not None and alone.republished.value == "Thu April 26, 2012"


@pytest.mark.parametrize(("line", "time"), [
    ("1:02pm", "1:02pm"), ("15:46", "15:46"), ("08:05:12", "08:05:12"), ("10:31 a.m. EDT", "10:31 a.m. EDT"),
    ("8:15 EDT", "8:15 EDT"),  # a one-digit hour with its meridiem or zone is a clock
    ("2:35", None), ("1:12:40", None), ("4:07 min", None),  # a running time: a video's or a recording's length
    ("Watch 2:35", None),
])
def test_a_time_alone_is_a_clock_never_a_running_time(line: str, time: str | None) -> None:
    assert clock_time(line) == time


def _tail(title: str, story: str = "The story's first paragraph names no time at all.") -> list[Candidate]:
    lines = [Line("Portal", "line 1"), Line(title, "line 2"), Line("March 4, 2025", "line 3"), Line(story, "line 4")]
    found = Found()
    found.keep(story, "line 4")
    propose_clocks(lines, found, title)
    return [c for c in found.candidates if c.role == "post time"]


@pytest.mark.parametrize(("title", "time"), [
    ("Court orders review of harbour dredging permit 04:35 pm", "04:35 pm"),
    ("Three ports closed by heavy swell 09:12 (14:12 GMT)", "14:12 GMT"),
    ("Dock workers end strike after pay deal | 16:05", "16:05"),
    ("Train services to resume at 06:00", None),  # a preposition: the headline's own time
    ("Train services to run until 23:30", None),
    ("El tren eléctrico amplía su horario hasta las 23:30", None),
    ("Le musée ouvre ses portes dès 09:00", None),
    ("Shops in the old town open 08:00 - 20:00", None),  # a range of the headline's times
    ("Dynamo Kyiv beat Shakhtar 2:1 in cup final", None),
])
def test_a_time_after_the_headline_is_the_posts_only_set_apart_from_its_words(title: str, time: str | None) -> None:
    assert [c.value for c in _tail(title)] == ([time] if time else [])


def test_a_headline_time_the_story_repeats_is_the_storys() -> None:
    title = "Runoff vote: last polling stations close 20:00"
    assert [c.value for c in _tail(title)] == ["20:00"]
    assert _tail(title, "The last polling stations were due to close at 20:00, the commission said.") == []


def test_a_day_only_post_date_takes_the_time_of_its_same_day_printing() -> None:
    header = Candidate("header", "07 February 2023", 13, PLAIN_HEADER, "date line above the story")
    below = Candidate("republished", "Publish Date : 07 February 2023 15:42", 26, POST_BELOW, "under the post")
    masthead = Candidate("republished", "Monday, December 22nd, 2025", 0, POST_ABOVE, "date over the menus")
    other = Candidate("republished", "08 February 2023 09:00", 30, POST_BELOW, "a later row")
    chosen = resolve([masthead, header, below, other], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value.endswith("07 February 2023 15:42")
    assert "the same day printed with its time" in chosen.republished.origin


def test_a_credit_naming_the_site_makes_the_stamp_above_the_story_the_storys() -> None:
    header = Candidate("header", "Feb 19, 2020 - 17:48", 12, PLAIN_HEADER, "date line above the story")
    credit = Candidate("outlet", "Ghana News Agency", 26, BARE_NAME, "outlet name line")
    own = resolve([header, credit], outlet_page=False, site=("", "Ghana News Agency"))
    assert own.republished is None and [d.value for d in own.dates] == ["Feb 19, 2020 - 17:48"]
    other = resolve([header, credit], outlet_page=False, site=("", "Harbour Notes"))
    assert other.republished is not None and other.dates == ()


def test_the_only_stamp_beside_an_agency_in_the_byline_slot_is_the_sites_post_date() -> None:
    story = Candidate("story", "", 14, 0.0, "the story's first paragraph")
    name = Candidate("outlet", "IANS", 11, BARE_NAME, "line 13: outlet name line")
    date = Candidate("stamp", "October 7, 2025", 12, BESIDE_CREDIT, "line 14: stamp beside the outlet's name")
    chosen = resolve([story, name, date], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "October 7, 2025"
    assert chosen.dates == ()
    source = Candidate("outlet", "IANS", 11, CREDIT_ROW, "line 13: credit field 1")
    labelled = resolve([story, source, date], outlet_page=False)
    assert labelled.republished is None and [d.value for d in labelled.dates] == ["October 7, 2025"]
    below = resolve([story._replace(block=5), name, date], outlet_page=False)
    assert below.republished is None

ROLES: tuple[Role, ...] = ("published", "updated", "stamp", "header", "republished", "post time", "republisher",
                           "outlet", "source url", "byline")
SCORES = (META_STAMP, PRINTED_STAMP, LABELLED_HEADER, BESIDE_CREDIT, META_POST)
candidate_lists = st.lists(
    st.tuples(st.sampled_from(ROLES), st.sampled_from(("2021-03-01", "Xinhua", "Li Wen", "7:45 PM")),
              st.sampled_from(SCORES), st.sampled_from(("first", "last")), st.booleans()),
    max_size=12).map(lambda rows: [Candidate(role, value, block, score, f"block {block}", nearest, printed)
                                   for block, (role, value, score, nearest, printed) in enumerate(rows)])


@settings(max_examples=200, deadline=None)
@given(candidate_lists, st.randoms(use_true_random=False), st.booleans())
def test_the_assignment_does_not_depend_on_the_order_candidates_were_proposed(
        candidates: list[Candidate], rng: random.Random, outlet_page: bool) -> None:
    shuffled = list(candidates)
    rng.shuffle(shuffled)
    assert resolve(shuffled, outlet_page=outlet_page) == resolve(candidates, outlet_page=outlet_page)


@settings(max_examples=200, deadline=None)
@given(candidate_lists, st.booleans())
def test_every_chosen_value_was_proposed(candidates: list[Candidate], outlet_page: bool) -> None:
    chosen = resolve(candidates, outlet_page=outlet_page)
    values = {c.value for c in candidates}
    assert all(d.value in values for d in chosen.dates)
    assert all(c.value in values for c in (*chosen.outlets, *chosen.bylines))
    for clue in (chosen.republisher, chosen.source_url):
        assert clue is None or clue.value in values
    if chosen.republished is not None:
        # A day-only post date completed by a post time: "date time", both proposed.
        assert chosen.republished.value in values | {f"{a} {b}" for a in values for b in values}


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.txt")), ids=lambda p: p.name)
def test_invented_page_resolves_to_the_expected_fields(path: Path, config: Config) -> None:
    """Capture-day widgets, member join dates and dates inside the story never win; the credit's stamp does."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(path, config)
    for key, value in expected.items():
        assert record[key] == value, f"{path.name}: {key}"
    assert record["provenance"]["published"]  # type: ignore[index]


@pytest.mark.parametrize("line", [
    "(People's Daily Online) 10:15, December 13, 2021",
    "http://politics.people.com.cn/GB/1025/7486347.html",
    "link: https://www.reuters.com/business/ferry-operator-orders-battery-ships-2021-06-03/",
    "Posted On 23:26 by Reportage 0 comments",
    "Like 0 Published at 5:55 PM Comments (0)",
    "Filed under: Doodling — TCA @ 11:18 pm",
])
def test_the_walks_own_credit_patterns_pass_the_credit_shortcut(line: str) -> None:
    """rules.credit_shaped lists the shared credit patterns; the walk's own ones must not be skipped by it."""
    assert rules.credit_shaped(line) or _post_or_link_shaped(line)
