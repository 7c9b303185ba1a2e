"""Which date gets which role, on invented candidates: a line saying where the story first appeared, every date of
the outlet's credit row, the rows of stamps under an agency's account (the pages are in fixtures/resolver)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract.line_joins import segments
from feeder.extract.lines import Hints, Line, read_lines
from feeder.extract.resolver import (
    ACCOUNT_ROWS,
    BESIDE_CREDIT,
    CREDIT_ROW,
    PLAIN_HEADER,
    POST_BELOW,
    POST_HEADER,
    PRINTED_STAMP,
    Candidate,
    Role,
    resolve,
)
from feeder.records import Page


def cand(role: Role, value: str, block: int, score: float) -> Candidate:
    return Candidate(role, value, block, score, f"block {block}")


def test_a_line_saying_where_the_story_first_appeared_is_the_originals_stamp_and_credit() -> None:
    header = cand("header", "September 14th, 2022", 5, PLAIN_HEADER)
    under = cand("republished", "Originally posted on Xinhua on September 12, 2022", 10, POST_BELOW)
    chosen = resolve([header, under], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == "September 14th, 2022"
    assert [d.value for d in chosen.dates] == [under.value]
    assert "first appeared" in chosen.dates[0].origin
    assert [o.value for o in chosen.outlets] == ["Xinhua"]


def test_a_bare_date_under_the_post_stays_the_post_date() -> None:
    under = cand("republished", "September 12, 2022", 10, POST_BELOW)
    chosen = resolve([under], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == under.value
    assert chosen.dates == () and chosen.outlets == ()


def test_every_date_of_the_outlets_credit_row_is_the_outlets() -> None:
    updated = cand("updated", "20-10-2020 16:01 IST", 15, BESIDE_CREDIT)
    created = cand("republished", "20-10-2020 16:01 IST", 15, POST_HEADER)
    chosen = resolve([cand("outlet", "PTI", 15, CREDIT_ROW), updated, created], outlet_page=False)
    assert chosen.republished is None
    assert [d.value for d in chosen.dates] == [updated.value]


def test_a_post_date_on_its_own_row_is_kept_beside_a_credit_row() -> None:
    updated = cand("updated", "20-10-2020 16:01 IST", 15, BESIDE_CREDIT)
    posted = cand("republished", "21-10-2020 09:00", 3, POST_HEADER)
    chosen = resolve([updated, posted], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == posted.value


def test_the_rows_of_stamps_under_an_agencys_account_are_the_posts() -> None:
    desk = cand("desk byline", "Associated Press", 16, PRINTED_STAMP)
    published = cand("published", "8:40 AM CST March 9, 2016", 17, PRINTED_STAMP)
    updated = cand("updated", "11:02 AM CST March 9, 2016", 18, PRINTED_STAMP)
    chosen = resolve([desk, updated, published], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == published.value
    assert chosen.dates == ()


def test_a_stamp_beyond_the_account_rows_stays_the_storys() -> None:
    desk = cand("desk byline", "Associated Press", 16, PRINTED_STAMP)
    published = cand("published", "8:40 AM CST March 9, 2016", 17, PRINTED_STAMP)
    later = cand("stamp", "March 1, 2016", 17 + ACCOUNT_ROWS + 1, PRINTED_STAMP)
    chosen = resolve([desk, published, later], outlet_page=False)
    assert chosen.republished is not None and chosen.republished.value == published.value
    assert [d.value for d in chosen.dates] == [later.value]


def test_a_persons_byline_keeps_the_stamps_under_it_the_storys() -> None:
    desk = cand("desk byline", "Associated Press", 16, PRINTED_STAMP)
    person = cand("byline", "Dana Whitlock", 15, PRINTED_STAMP)
    published = cand("published", "8:40 AM CST March 9, 2016", 17, PRINTED_STAMP)
    chosen = resolve([person, desk, published], outlet_page=False)
    assert chosen.republished is None and [d.value for d in chosen.dates] == [published.value]


# Pages of date candidates in few blocks (so rows share blocks), with the three tie-breaks' shapes among them.
ROLES: tuple[Role, ...] = ("published", "updated", "stamp", "header", "republished", "outlet", "desk byline", "byline")
VALUES = ("March 9, 2016", "Originally posted on Xinhua on March 8, 2016", "First published in The Courier, 3 May 2022",
          "8:40 AM CST March 9, 2016", "Xinhua")
SCORES = (PRINTED_STAMP, BESIDE_CREDIT, POST_HEADER, POST_BELOW, PLAIN_HEADER, CREDIT_ROW)
pages = st.lists(st.tuples(st.sampled_from(ROLES), st.sampled_from(VALUES), st.integers(0, 5), st.sampled_from(SCORES)),
                 max_size=10).map(lambda rows: [cand(*row) for row in rows])


@settings(max_examples=300, deadline=None)
@given(pages, st.randoms(use_true_random=False), st.booleans())
def test_stamp_roles_do_not_depend_on_proposal_order_and_a_date_has_one_role(
        candidates: list[Candidate], rng: random.Random, outlet_page: bool) -> None:
    # Detectors propose a line's candidates in reading order, which the resolver keeps within a block; the blocks'
    # candidates may come in any interleaving.
    rows: dict[int, list[Candidate]] = {}
    for c in candidates:
        rows.setdefault(c.block, []).append(c)
    shuffled = []
    while rows:
        block = rng.choice(sorted(rows))
        shuffled.append(rows[block].pop(0))
        if not rows[block]:
            del rows[block]
    chosen = resolve(candidates, outlet_page=outlet_page)
    again = resolve(shuffled, outlet_page=outlet_page)
    assert (again.republished, [d.value for d in again.dates]) == (
        chosen.republished, [d.value for d in chosen.dates])
    proposed = {c.value for c in candidates}
    assert all(d.value in proposed for d in chosen.dates)
    if chosen.republished is not None:
        assert not chosen.republished.value.lower().startswith(("originally", "first"))


# The walk's proposals, on lines (the pages in fixtures/resolver run them end to end).


def walk(texts: list[str], title: str, site: str | None = None) -> Page:
    return read_lines([Line(t, f"line {n}") for n, t in enumerate(texts, 1)], title, Hints(site=site),
                      lambda name: name in ("The Straits Times", "China Daily"))


STORY = ("Engineers at the river port have finished dredging the eastern channel, so that grain barges can load fully "
         "again after a summer of low water, the port authority said on Tuesday.")


def test_a_date_under_a_blogs_tagline_and_menus_is_the_post_date_header() -> None:
    page = walk(["Notes on harbours and trade, one post at a time", "Home", "About", "Tuesday, 24 May 2022",
                 "Dredging of the east channel finished", "By Tan Wei Ling, The Straits Times, 23 May 2022", STORY],
                "If Only Harbour Towns Kept Watch")
    assert page.republished is not None and page.republished.value == "Tuesday, 24 May 2022"
    assert [d.value for d in page.dates] == ["23 May 2022"]


def test_a_date_right_under_a_short_line_is_not_taken_for_a_post_date_header() -> None:
    page = walk(["Harbour Authority of the East (Port City)", "13 February 2022",
                 "Dredging of the east channel finished", STORY], "If Only Harbour Towns Kept Watch")
    assert page.republished is None


def test_a_journals_time_before_the_headline_completes_its_day_only_post_date() -> None:
    title = "Cargo barges return to the upper river"
    page = walk(["March 3rd, 2022", f"07:40 pm - {title}", "(China Daily) 16:20, March 2, 2022", STORY], title)
    assert page.republished is not None and page.republished.value == "March 3rd, 2022 07:40 pm"


def test_a_labelled_stamp_under_the_storys_end_is_a_teasers() -> None:
    title = "Solar pumps spread across dryland farms"
    page = walk([title, "Published:May 3,2023", "By Achieng Otieno", STORY, "Source: China Daily", "Related Posts",
                 "Coffee growers turn to drip irrigation", "Published:May2,2023"], title)
    assert "May2,2023" not in [d.value for d in page.dates]


def test_a_login_over_a_labelled_date_above_the_story_is_the_posts_header() -> None:
    title = "YOURSAY | Ferry fares should fall with the fuel price"
    page = walk(["Forum » General Discussion » Thread", title, "harbour_watch_77",
                 "Publish date: Tue, 4 Jun 2019, 10:12 AM", STORY, "rakyat_biasa", STORY, "04/06/2019 11:40 AM"], title)
    assert page.republished is not None and page.republished.value == "Publish date: Tue, 4 Jun 2019, 10:12 AM"
    assert page.republisher is not None and page.republisher.value == "harbour_watch_77"
    assert page.dates == ()


def test_a_byline_over_a_labelled_date_stays_the_storys() -> None:
    title = "Ferry fares should fall with the fuel price"
    page = walk([title, "By Tan Wei Ling", "Published: Tue, 4 Jun 2019, 10:12 AM", STORY], title)
    assert page.republisher is None


def test_todays_date_printed_over_the_sites_name_is_the_capture_day_not_a_post_date() -> None:
    title = "Ferry fares should fall with the fuel price"
    texts = ["Thursday, March 30, 2023", "Harbour Daily Times", "Home", "World", title, STORY]
    assert walk(texts, title, site="Harbour Daily Times").republished is None
    # Straight over the headline, the same line is the post's date.
    page = walk([texts[0], title, STORY], title, site="Harbour Daily Times")
    assert page.republished is not None and page.republished.value == "Thursday, March 30, 2023"


# A labelled stamp glued before the story's first sentence (a capture that lost the line break).

SENTENCE = "A regional court has ruled that the ferry company was not obliged to refund the season tickets in full."


def test_a_labelled_stamp_glued_before_the_first_sentence_is_read_as_its_own_line() -> None:
    parts = segments(Line(f"Published time: 16 Nov, 2017 18:51 {SENTENCE}", "line 9"))
    assert [(p.text, p.origin) for p in parts] == [("Published time: 16 Nov, 2017 18:51", "line 9 part 1"),
                                                   (SENTENCE, "line 9 part 2")]


def test_a_sentence_that_names_a_date_after_a_label_is_left_whole() -> None:
    text = "Updated: the ministry said on 3 May 2022 that it would cut the ferry fares by a fifth next month."
    assert [p.text for p in segments(Line(text, "line 9"))] == [text]
    short = "Published: 16 Nov, 2017 18:51 See more"  # no sentence follows the stamp
    assert [p.text for p in segments(Line(short, "line 9"))] == [short]


LABELS = ("Published:", "Published time:", "Updated", "Last updated:", "Posted on", "Publicado el")
STAMPS = st.builds(lambda y, m, d, h, mi: f"{d} {MONTHS[m - 1]} {y} {h:02d}:{mi:02d}",
                   st.integers(1995, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23),
                   st.integers(0, 59))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LABELS), STAMPS, st.sampled_from((SENTENCE, STORY)))
def test_a_glued_stamp_splits_off_whole_and_loses_nothing(label: str, stamp: str, sentence: str) -> None:
    parts = segments(Line(f"{label} {stamp} {sentence}", "line 3"))
    if label.startswith("Posted"):  # a post's label, no stamp label: the walk reads it whole
        assert [p.text for p in parts] == [f"{label} {stamp} {sentence}"]
    else:
        assert [p.text for p in parts] == [f"{label} {stamp}", sentence]


def test_a_date_over_the_sites_updated_ago_label_is_the_post_date() -> None:
    title = "Rail bridge reopens after flood repairs"
    page = walk([title, "By DANA WHITLOCK Associated Press", "Dec 10, 2022", "Updated 3 hrs ago", STORY], title)
    assert page.republished is not None and page.republished.value == "Dec 10, 2022"
    assert page.dates == ()


def test_a_date_under_a_byline_without_the_label_stays_the_storys() -> None:
    title = "Rail bridge reopens after flood repairs"
    page = walk([title, "By DANA WHITLOCK Associated Press", "Dec 10, 2022", STORY], title)
    assert page.republished is None and [d.value for d in page.dates] == ["Dec 10, 2022"]


def test_a_date_right_under_an_outlets_name_above_the_headline_is_the_outlets_stamp() -> None:
    title = "Ferry operator wins the regional safety award for the third year running"
    texts = ["Home", "News", "EFE", "02/22/2024", title, STORY]
    page = read_lines([Line(t, f"block {n}") for n, t in enumerate(texts, 1)], title, Hints(skip_before_title=True),
                      lambda name: name == "EFE")
    assert page.republished is None
    assert [d.value for d in page.dates] == ["02/22/2024"]
    assert "outlet's name" in page.dates[0].origin


def test_a_date_under_a_site_section_above_the_headline_stays_the_post_date() -> None:
    title = "Ferry operator wins the regional safety award for the third year running"
    texts = ["Home", "News", "Sports", "02/22/2024", title, STORY]
    page = read_lines([Line(t, f"block {n}") for n, t in enumerate(texts, 1)], title, Hints(skip_before_title=True),
                      lambda name: name == "EFE")
    assert page.republished is not None and page.republished.value == "02/22/2024"
