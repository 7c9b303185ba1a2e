"""False credits by class: a person's name is never a date, a web address, a template label or a forum rank;
an outlet's name is never the fragment of a word a label ran into, a country, or the name on a promotion line."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.bylines import clean_authors, clean_poster
from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import rules
from feeder.normalize import _republisher
from feeder.records import Clue
from feeder.sources import build_registry, printed_name

REGISTRY = build_registry()

PARAGRAPHS = (
    "Customs officers at the northern port found the shipment hidden in a container that had been declared as "
    "holding plastic pellets, officials said on Wednesday.",
    "The seizure was the largest of its kind this year, and investigators are trying to trace the company that was "
    "due to receive the cargo.",
    "The country is a transit point for the trade, which is banned under international law, the officials added.",
)

# How templates print a post's time where the poster's name should be.
DATE_SHAPES = ("%Y-%m-%dT%H:%M:%S+00:00", "%B %d, %Y", "%d %b %Y", "%a, %b %d, %Y", "%Y/%m/%d %H:%M",
               "%d.%m.%Y", "%b. %d, %Y %I:%M %p")


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)), st.times(), st.sampled_from(DATE_SHAPES),
       st.sampled_from(("By ", "Posted by ", "", "Author: ")))
def test_a_date_in_the_posters_place_names_no_one(day: date, clock: time, shape: str, label: str) -> None:
    when = datetime.combine(day, clock)
    assert _republisher(Clue(f"{label}{when.strftime(shape)}", "test"), REGISTRY, []) is None


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(("http://", "https://", "https://www.", "www.")),
       st.from_regex(r"[a-z][a-z0-9-]{1,20}\.(?:com|org|net|co\.uk)", fullmatch=True),
       st.from_regex(r"(?:/[a-z0-9-]{1,12}){0,3}/?", fullmatch=True))
def test_a_web_address_in_the_posters_place_names_no_one(scheme: str, host: str, path: str) -> None:
    assert clean_poster(f"{scheme}{host}{path}") is None
    assert clean_poster(f"{host}/author/") is None


@pytest.mark.parametrize("badge", ["Staff Member", "Senior Member", "Moderator", "Administrator", "New member",
                                   "Registered User", "Gold Member"])
def test_a_forum_ranks_badge_is_no_poster_and_no_author(badge: str) -> None:
    assert clean_poster(badge) is None
    assert clean_authors(f"By {badge}") == ()


@pytest.mark.parametrize("login", ["admin", "Hanwoo_Guard", "stormvogel4", "247 NEWS", "Capt. Ron"])
def test_logins_and_names_stay_posters(login: str) -> None:
    assert clean_poster(login) == login
    assert _republisher(Clue(f"By {login}", "test"), REGISTRY, []) == login


@pytest.mark.parametrize("label", ["Author", "User Name", "Username", "Name", "Display name", "Nickname", "Poster",
                                   "Plain Text Author"])
def test_a_template_label_is_no_poster_and_no_author(label: str) -> None:
    assert clean_poster(label) is None
    assert clean_authors(f"By {label}") == ()


@pytest.mark.parametrize("raw", ["", "—", "12345", "#121"])
def test_a_poster_has_letters(raw: str) -> None:
    assert clean_poster(raw) is None


# Labels of a source line that end in a word: the outlet's name starts after a word boundary.
WORD_LABELS = ("Read more at", "Read more on", "Read more in", "Read the full story at", "Shared from",
               "Syndicated from", "Originally published in", "Originally published by")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORD_LABELS), st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .",
                                             min_size=1, max_size=30), st.sampled_from(("", " ", "  ")))
def test_a_source_lines_outlet_never_starts_inside_a_word(label: str, rest: str, gap: str) -> None:
    line = f"{label}{gap}{rest}"
    match = rules.SOURCE_LINE.match(line)
    if match is not None:
        start = match.start(1)
        assert not (line[start - 1].isalnum() and line[start].isalnum()), (line, match.group(1))
    if not gap and rest[:1].isalpha():
        assert match is None  # "Read more International News": a label run into a word is no label


def test_a_section_link_after_the_story_credits_no_outlet_fragment(tmp_path: Path, config: Config) -> None:
    page = "\n".join(("Port seizes ivory shipment", *PARAGRAPHS, "The Associated Press",
                      "Read more International News", "Home | About Us | Subscribe", ""))
    path = tmp_path / "paper.txt"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["source"]["name"] == "AP"


def test_an_empty_author_link_beside_the_posts_time_names_no_poster(tmp_path: Path, config: Config) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = ("<html><head><title>Port seizes ivory shipment | Example Portal</title></head><body><article>"
            "<h1>Port seizes ivory shipment</h1>"
            '<div class="post-meta">By <a href="https://portal.example.com/author/" rel="author"></a> '
            '<time class="entry-date" datetime="2013-10-09T05:12:00+00:00">Wed, Oct 09, 2013</time></div>'
            f'<div class="entry-content">{body}</div></article></body></html>')
    path = tmp_path / "portal.html"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["republisher"] is None
    assert record["republished"] == "2013-10-09T05:12:00+00:00"


def test_the_posts_member_and_date_win_over_the_threads_starter_and_a_join_date(tmp_path: Path,
                                                                                 config: Config) -> None:
    # A later page of a thread: the story is post #88, by the member whose details (printed with their values run
    # on, no colons) stand above it; a reply's member details and join date follow it.
    page = "\n".join((
        "Port news and discussion | Page 5 | Example Forum", "Forums", "Log in", "Register",
        "Port news and discussion", "Thread starter riverfan  Start date Sep 3, 2016",
        "Prev 1 … 4 5 6 … 12 Next", "quay_lu", "Staff member", "Joined Nov 17, 2017", "Messages 4,463",
        "Reaction score 293", "Points 0", "Jan 3, 2018", "#88", "Port seizes ivory shipment",
        "By Reuters Staff | Jan. 03, 2018", *PARAGRAPHS, "Like Reply", "Report", "harbour_ann", "Active Member",
        "Joined Mar 2, 2017", "Messages 1,208", "Jan 4, 2018", "#89",
        "A seizure is a start. Let's see whether the next one is found as quickly as this one was found.",
        "Like Reply", "Prev 1 … 4 5 6 … 12 Next", ""))
    path = tmp_path / "thread.txt"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["republisher"] == "quay_lu"
    assert record["republished"] == "2018-01-03T00:00:00+00:00"
    assert record["source"]["name"] == "Reuters"
    assert "Prev 1 … 4 5 6 … 12 Next" not in record["body"]


@pytest.mark.parametrize(("row", "outlet"), [
    ("By Jane Doe | Updated March 5, 2021 | Comments", None),
    ("By Jane Doe | Share | March 5, 2021", None),
    ("Source: Home", None),
    ("Source: Harbour Gazette | Print | Email", "Harbour Gazette"),
    ("By Jane Doe | Harbour Gazette | March 5, 2021 | Reply", "Harbour Gazette"),
])
def test_a_chrome_field_of_a_credit_row_is_no_outlet(tmp_path: Path, config: Config, row: str,
                                                     outlet: str | None) -> None:
    path = tmp_path / "row.txt"
    path.write_text("\n".join(("Port seizes ivory shipment", row, *PARAGRAPHS, "")), encoding="utf-8")
    record = inspect_record(path, config)
    assert (record["source"] or {}).get("name") == outlet


@pytest.mark.parametrize("chrome", ["Share", "Leave a comment", "3 Comments", "Read More", "Home", "Log in", "Facebook",
                                    "Edit"])
def test_site_chrome_in_the_names_place_is_no_poster_and_no_author(chrome: str) -> None:
    assert clean_poster(chrome) is None
    assert clean_authors(f"By {chrome}") == ()
    assert _republisher(Clue(f"Posted by {chrome}", "test"), REGISTRY, []) is None


@pytest.mark.parametrize("date_only", ["March 5", "5 March", "3 hours ago", "Yesterday"])
def test_a_yearless_or_relative_date_in_the_posters_place_names_no_one(date_only: str) -> None:
    assert _republisher(Clue(f"Posted by {date_only}", "test"), REGISTRY, []) is None


@pytest.mark.parametrize(("credit", "outlet"), [
    ("Source: Agencies", None), ("Source: Internet", None), ("Source: Various sources", None),
    ("Credit: Own correspondent", None), ("Source: Social media", None), ("Source: N/A", None),
    ("Source: Unknown", None), ("Source: Click here", None),
    ("Source: The Press", "The Press"), ("Source: Harbour Gazette", "Harbour Gazette"), ("Source: Reuters", "Reuters"),
    # Credit sentences name the paper the story ran in first, never its language or its month.
    ("Originally published in Spanish", None), ("This article was first published in March", None),
    ("Translated from the Portuguese", None), ("Translated from Spanish by Maria Lopez", None),
    ("First published in 2019", None), ("Published in Politics", None),
    ("Printed in The Harbour Gazette, May 14, 2015", "The Harbour Gazette"),
])
def test_a_credit_that_names_no_outlet_credits_none(tmp_path: Path, config: Config, credit: str,
                                                    outlet: str | None) -> None:
    path = tmp_path / "credit.txt"
    path.write_text("\n".join(("Port seizes ivory shipment", *PARAGRAPHS, credit, "")), encoding="utf-8")
    record = inspect_record(path, config)
    assert (record["source"] or {}).get("name") == outlet


@pytest.mark.parametrize(("role", "outlet"), [
    ("Senior Reporter", None), ("Staff Reporter", None), ("Guest Reporter", None), ("Special Correspondent", None),
    ("Staff Writer", None), ("Business Desk", None), ("Political Editor", None),
    ("The Harbour Gazette", "The Harbour Gazette"), ("Kuwait Herald", "Kuwait Herald"),
])
def test_a_writers_role_after_the_name_in_a_dated_byline_is_no_outlet(tmp_path: Path, config: Config, role: str,
                                                                      outlet: str | None) -> None:
    # "By A, The Harbour Gazette, 12 March 2023" credits the paper; "By A, Senior Reporter, …" credits no one.
    path = tmp_path / "byline.txt"
    path.write_text("\n".join(("Port seizes ivory shipment", f"By Jane Doe, {role}, 12 March 2023", *PARAGRAPHS, "")),
                    encoding="utf-8")
    record = inspect_record(path, config)
    assert (record["source"] or {}).get("name") == outlet


@pytest.mark.parametrize("raw", ["Jane Doe Follow", "Jane Doe + Follow", "Jane Doe Share", "Jane Doe Twitter",
                                 "Jane Doe View all posts", "Jane Doe Email Share"])
def test_the_buttons_glued_after_a_writers_name_are_no_part_of_it(raw: str) -> None:
    assert clean_authors(f"By {raw}") == ("Jane Doe",)
    assert clean_poster(raw) == "Jane Doe"


@pytest.mark.parametrize("name", ["Zhang Pin", "Li Line", "Ama Save"])
def test_a_short_chrome_word_may_end_a_name(name: str) -> None:
    assert clean_authors(f"By {name}") == (name,)


@pytest.mark.parametrize("day", ["Monday", "Yesterday", "Today"])
def test_a_day_in_the_names_place_is_no_one(day: str) -> None:
    assert clean_authors(f"By {day}") == ()
    assert clean_poster(day) is None


@pytest.mark.parametrize(("raw", "names"), [
    ("By Jane Doe https://example.com/jane", ("Jane Doe",)),
    ("By http://example.com/author/", ()),
    ("By www.example.com", ()),
    ("By Aa Ahttp", ("Aa Ahttp",)),  # "http" inside a word is no address
])
def test_a_web_address_in_a_byline_is_no_name_and_no_part_of_one(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


CREDIT_CLASSES = Path(__file__).resolve().parent / "fixtures" / "credit_classes"
CLASS_PAGES = sorted(CREDIT_CLASSES.glob("*.txt"))


@pytest.mark.parametrize("page", CLASS_PAGES, ids=[p.stem for p in CLASS_PAGES])
def test_credit_class_page_extracts_as_labelled(page: Path, config: Config) -> None:
    """A country in a credit sentence and a promotion line credit no outlet; a paper's name and a listed code
    in a dateline still do (fixtures in tests/fixtures/credit_classes)."""
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize("place", ["Germany", "the United Kingdom", "Japan", "the USA", "South Korea", "Britain"])
def test_a_country_is_no_printed_outlet_name(place: str) -> None:
    assert printed_name(place) is None
    assert printed_name(f"The {place.removeprefix('the ')} Times") is not None  # a paper named after its country


@pytest.mark.parametrize("line", ["Advertise with CNN", "Sponsored by Reuters", "Follow us on BBC News",
                                  "Watch on Sky News", "Listen on BBC Sounds", "Subscribe to The Times",
                                  "As seen on Fox News", "As seen in The Guardian"])
def test_a_promotion_line_is_no_credit(line: str) -> None:
    assert rules.PROMOTION_LINE.match(line)
