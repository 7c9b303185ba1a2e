"""Posters' rows in blog and CMS themes, and the lines another reader claims (one line is one thing): read one
line at a time; whole pages of each class are in tests/fixtures/dump_classes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from feeder.extract import headline, linemodel, posters
from feeder.extract.html.marks import _SEVERAL_NAMES as SEVERAL_NAMES
from feeder.extract.html.marks import marked_name


@pytest.mark.parametrize(("text", "row"), [
    ("Submitted by Ana Ruiz on Sat, 10/20/2018 - 14:35", ("Ana Ruiz", "Sat, 10/20/2018 - 14:35", None)),
    ("Publicerat av Lasse kl. 21:40", ("Lasse", None, "21:40")),
    ("Diposting oleh Budi pada 08:15", ("Budi", None, "08:15")),
    ("Publié par Marie Lenoir le 14/03/2023", ("Marie Lenoir", "14/03/2023", None)),
    ("Por Ana Ruiz | 4 octubre, 2025 | Cuba | Sin comentarios", ("Ana Ruiz", "4 octubre, 2025", None)),
    ("Oleh Budi Santoso - 12 Maret 2021 - Nasional", ("Budi Santoso", "12 Maret 2021", None)),
    ("Posted by admin", ("admin", None, None)),
    ("By Omar Nasser · June 2, 2017 · Saudi Arabia", ("Omar Nasser", "June 2, 2017", None)),  # a theme's meta row
    ("submitted 3 hours ago by latam_feed to latam", ("latam_feed", None, None)),  # an age is no date
    ("Posted by Jane Roe in World News, Asia", ("Jane Roe", None, None)),  # the category after the name
])
def test_a_posters_row_names_the_poster_and_the_post_date_or_time(text: str, row: tuple[str, str | None, str | None]
                                                                  ) -> None:
    assert posters.poster_row(text) == row


@pytest.mark.parametrize("text", [
    "Por Ana Ruiz",  # a Spanish byline: the story's author as often as the poster
    "Von Anna Schmidt | 12.03.2021",  # a byline and its stamp: a theme's row runs on past the date
    "By John Smith | March 3, 2021",  # a byline and its stamp
    "Written by Henry Castellón",  # "written by" names an author as often as an account
    "Posted by - May 24",  # a date's fragment is no name
    "Posted in Travel",
])
def test_no_posters_row(text: str) -> None:
    assert posters.poster_row(text) is None


@pytest.mark.parametrize("name", ["Bosse", "tngadmin01", "Malaysians Must Know the TRUTH", "Pemba R."])
def test_poster_shaped(name: str) -> None:
    assert posters.poster_shaped(name)


@pytest.mark.parametrize("name", ["- May 24", "May 24", "Uncategorized", "Comments", "Home",
                                  "the story goes on here now and on"])
def test_not_poster_shaped(name: str) -> None:
    assert not posters.poster_shaped(name)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=140))
def test_a_posters_row_is_printed_on_its_line(text: str) -> None:
    row = posters.poster_row(text)
    if row is not None:
        name, date, time = row
        assert name in text and posters.poster_shaped(name)
        assert date is None or date in text
        assert time is None or time in text


@pytest.mark.parametrize(("text", "role"), [
    ("2 hours 28 min ago", "relative time"),
    ("about 5 hours ago", "relative time"),
    ("il y a 3 heures", "relative time"),
    ("hace 2 días", "relative time"),
    ("This news has been read 6808 times!", "counter"),
    ("Viewed 1,482 times", "counter"),
    ("From Nurul Huda Kamaruddin", "byline"),
    ("Submitted by Ana Ruiz on Sat, 10/20/2018 - 14:35", "poster's row"),
])
def test_a_line_another_reader_claims_is_never_the_headline(text: str, role: str) -> None:
    assert headline.other_role(text) == role
    assert not headline.headline_shaped(text)


@pytest.mark.parametrize("text", [
    "From Russia With Love: a spy thriller returns to the stage",
    "Man jailed 3 times for the same theft walks free",
    "Three years ago, a town vanished under the lake",
    "From Beijing to Brussels: the new silk road",
])
def test_a_headline_is_claimed_by_no_other_reader(text: str) -> None:
    assert headline.other_role(text) is None


def test_the_line_model_never_decodes_a_claimed_line_as_the_headline() -> None:
    lines = ["Site Name", "Home", "CHINA DAILY", "Japanese man arrested over bodies found near Tokyo",
             "2 hours 28 min ago",
             "TOKYO - A Japanese man in his 30s was arrested on Friday on suspicion of dumping two bodies near Tokyo, "
             "local police said on Saturday after a search of the area."]
    scores = linemodel.score_lines(lines)
    top = linemodel.headline_line_of(lines, scores)
    assert top is not None and headline.other_role(lines[top]) is None
    found = linemodel.headline_of(lines)
    assert found is not None and found[0] == top


@pytest.mark.parametrize(("text", "digest"), [
    ("VIETNAM NEWS HEADLINES AUGUST 19", True),
    ("Kyodo news summary -5-", True),
    ("East Africa morning round-up (14)", True),
    ("Trump headlines rally in Ohio", False),  # a digest's word without an edition
    ("MONDAY, JANUARY 12TH, 2026", False),  # a capture-day widget
])
def test_a_digests_title_names_its_edition(text: str, digest: bool) -> None:
    assert headline.digest_title(text) is digest


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["", "Posted by ", "por ", "By ", "submitted 2 days ago by ", "Publicerat av ", "- "])
       .flatmap(lambda head: st.text(max_size=100).map(lambda tail: head + tail)))
def test_the_rows_gate_never_changes_an_answer(text: str) -> None:
    assert posters.poster_row(text) == (posters.read_row(text) if 6 <= len(text) <= posters.MAX_POSTER_ROW else None)


def test_the_rows_gate_on_every_labelled_line() -> None:
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent / "fixtures"
    for name in ("scenarios", "corpus", "dump_classes", "blind16", "blind17"):
        for path in sorted((fixtures / name).glob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if 6 <= len(line) <= posters.MAX_POSTER_ROW:
                    assert posters.poster_row(line) == posters.read_row(line), line


# --- a blog's display name: a first name and a descriptive tail ("Kate the gardener")

@pytest.mark.parametrize(("name", "expected"), [
    ("Kate the gardener", True), ("Sam from the shop", True), ("Jo at the bakery", True),
    ("Tom of Harbour Books", True),
    ("Posted on", False), ("Publié le", False), ("Publicado el", False),  # a theme's label before the name
    ("Editor at the desk", False),  # a role word with a tail
    ("the gardener", False),  # a role alone
    ("Kate Morrow", False),  # a plain name is read as one anyway
])
def test_a_display_name(name: str, expected: bool) -> None:
    assert posters.display_name(name) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghiklmnoprstuvw", min_size=2, max_size=8).map(str.capitalize),
       st.sampled_from(("the", "from the", "at the", "of the", "from")),
       st.lists(st.text(alphabet="abcdefghiklmnoprstuvw", min_size=2, max_size=8), min_size=1, max_size=2))
def test_a_first_name_and_a_lower_case_tail_is_a_display_name_and_marked_as_printed(
        first: str, joint: str, tail: list[str]) -> None:
    name = f"{first} {joint} {' '.join(tail)}"
    assume(not SEVERAL_NAMES.search(name))  # "Et the aa": "et" joins two names in French
    shaped = posters.display_name(name)
    assert shaped is (first.casefold() not in posters._NO_FIRST_NAME and posters.poster_shaped(name))
    tag = BeautifulSoup(f'<span class="author">{name}</span>', "lxml").find("span")
    assert isinstance(tag, Tag)
    assert (marked_name(tag) == name) is shaped
