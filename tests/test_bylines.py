"""Byline cleaning: person names in title case, split, without places, roles or agencies."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from feeder.bylines import _BUTTON_TAIL as BUTTON_TAIL
from feeder.bylines import _LABEL_NAME as LABEL_NAME
from feeder.bylines import _ORGANISATION as ORGANISATION_WORD
from feeder.bylines import _ROLES as ROLE_WORDS
from feeder.bylines import byline_poster, clean_authors, clean_poster
from feeder.extract.credit_lines import RUN_ON_NAME_WORDS, run_on_stamp
from feeder.extract.credit_rows import paper_shaped
from feeder.extract.vocab import CHROME_LINE, MEMBER_RANK
from feeder.normalize import _without_name_lists
from feeder.records import Clue
from feeder.sources import build_registry

REGISTRY = build_registry()


def is_outlet(name: str) -> bool:
    return REGISTRY.named(name) is not None


word = st.text(alphabet="abcdefghijklmnoprstuvwyz", min_size=2, max_size=9).map(str.capitalize)
# Role words (staff, desk, editor, news …), forum ranks, site chrome ("Go En"), a share button after the name
# ("Aa Share"), a template's label ("Aa Name") and an organisation's word ("Aa Fc", "Aa Club") are refused by
# design, and byline labels ("By Author: …", "Writer", "Story by") are read as labels, so names are drawn without
# them.
# A name whose last words are an agency's name or code ("Tom Birch Reuters", "Aa Aa Ap") is read as a
# name signed with its agency, by design, so names are drawn without such a tail.
names = st.lists(word, min_size=2, max_size=3).map(" ".join).filter(
    lambda n: not is_outlet(n) and not any(is_outlet(" ".join(n.split()[i:])) for i in range(1, len(n.split())))
    and not ROLE_WORDS.search(n) and not MEMBER_RANK.match(n) and not CHROME_LINE.match(n)
    and not BUTTON_TAIL.search(n) and not LABEL_NAME.search(n) and not ORGANISATION_WORD.search(n) and not any(
        w.lower() in ("and", "with", "in", "for", "by", "from", "at", "of", "van", "von", "der", "den", "de", "da",
                      "del", "la", "le", "author", "authors", "writer", "reporter", "reporters", "written",
                      "reported", "story", "text", "words", "reporting") for w in n.split()))


@settings(max_examples=200, deadline=None)
@given(st.lists(names, min_size=1, max_size=3, unique=True), st.booleans(), st.sampled_from(
    ("", " in Beijing", " in Zhuhai, Guangdong")))
def test_names_come_back_clean(people: list[str], shout: bool, place: str) -> None:
    joined = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    raw = f"By {joined}{place}"
    assert clean_authors(raw.upper() if shout else raw, is_outlet) == tuple(people)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_byline_cleans_without_error_and_never_names_an_agency(raw: str) -> None:
    for name in clean_authors(raw, is_outlet):
        assert not is_outlet(name)
        assert name == name.strip() and name


@pytest.mark.parametrize(("raw", "expected"), [
    ("By FAN FEIFEI", ("Fan Feifei",)),
    ("By ZHANG YI and LI WEI", ("Zhang Yi", "Li Wei")),
    ("Zhang Yi / Li Wei", ("Zhang Yi", "Li Wei")),
    ("By Wang Hua in Shanghai", ("Wang Hua",)),
    ("By XINHUA", ()),
    ("Reuters Staff", ()),
    ("By Li Ming, China Daily correspondent", ("Li Ming",)),
    ("by Xinhua writers Liu Fang, Zhou Hao", ("Liu Fang", "Zhou Hao")),
    ("By JEAN-PIERRE DUBOIS", ("Jean-Pierre Dubois",)),
    ("By MARY O'NEIL", ("Mary O'Neil",)),
    ("Editor: Li Ming", ()),
    ("by Naharnet Newsdesk", ()),  # a desk in one word is still a desk
    ("Coastline Webdesk", ()),
    ("Photo: Qian Baoyu/China Daily", ()),
    # The agency signed after the names without a comma: the names stay, the agency goes.
    ("By MARTA QUIROGA Associated Press", ("Marta Quiroga",)),
    ("By Olu Adeyemi and Tom Birch Reuters", ("Olu Adeyemi", "Tom Birch")),
    ("By Anna Reuters", ("Anna Reuters",)),  # a two-word name keeps its last word, whatever it is
    ("By JOHN KIM AA", ("John Kim Aa",)),  # one case style throughout: the last word may be the name's
])
def test_known_bylines(raw: str, expected: tuple[str, ...]) -> None:
    assert clean_authors(raw, is_outlet) == expected


@pytest.mark.parametrize("raw", ["admin", "By Admin", "Administrator", "webmaster"])
def test_a_cms_login_is_no_author(raw: str) -> None:
    assert clean_authors(raw, is_outlet) == ()


@pytest.mark.parametrize(("raw", "expected"), [
    ("Registered Commenter Hamish", "Hamish"),  # a forum's rank before the name
    ("Senior Member Dana Voss", "Dana Voss"),
    ("Plain Text Author", None),  # a template field's label where the name should be
    ("User Name", None),
    ("Marco's Desk", None),  # a blog's own title in the poster's place
    ("Harbour News BBS", None),
    ("MotorPulse Desk", "MotorPulse Desk"),  # a desk account signs a blog's posts: kept as printed
    ("Ines Carvalho", "Ines Carvalho"),
])
def test_poster_names(raw: str, expected: str | None) -> None:
    assert clean_poster(raw) == expected


@pytest.mark.parametrize(("printed", "expected"), [
    ("CGTN Updated", "CGTN"),  # a stamp's label run on after the outlet, its colon lost
    ("Press Releases", None),  # a site's section heading in the credit row's outlet field
    ("Latest News", None),
    ("0 Comments", None),  # the comment counter beside it
    ("Kyodo News", "Kyodo News"),
])
def test_section_headings_and_counters_credit_no_outlet(printed: str, expected: str | None) -> None:
    found = REGISTRY.credit(printed)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(("token", "expected"), [
    ("efe-epa", "EFE"),  # a wire's dateline token joined to its photo partner's code
    ("AFP/Getty", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Bloomberg-style", None),  # the first half must be a wire
    ("Hong-Kong", None),
])
def test_joint_agency_tokens_credit_the_wire(token: str, expected: str | None) -> None:
    found = REGISTRY.named(token)
    assert (found.name if found else None) == expected


def test_adjacent_bare_names_of_different_outlets_are_a_list_not_a_credit() -> None:
    # A feed reader's subscriptions: three outlet names on adjacent lines; the item's own label is below.
    clues = tuple(Clue(name, f"line {n + 2}: outlet name line", n) for n, name in (
        (7, "Agência Brasil - English"), (8, "Meduza"), (9, "Reuters World"), (17, "Agência Brasil - English")))
    kept = _without_name_lists(clues, REGISTRY)
    assert [c.origin for c in kept] == ["line 19: outlet name line"]
    # The same outlet on two adjacent lines (a logo's text over its name) is still a credit.
    twice = (Clue("Kyodo News", "line 3: outlet name line", 3), Clue("Kyodo", "line 4: outlet name line", 4))
    assert _without_name_lists(twice, REGISTRY) == twice
    # Positions come from the typed field, never from the provenance text; other credits are never a list.
    labelled = (Clue("Meduza", "line 8: credit field 1", 8), Clue("Reuters", "line 9: credit field 1", 9))
    assert _without_name_lists(labelled, REGISTRY) == labelled


@pytest.mark.parametrize(("printed", "expected"), [
    ("Agência Brasil - English", "Agência Brasil"),  # an outlet's edition printed after its name
    ("Reuters World", "Reuters"),
    ("Harbour Gazette - English", None),  # an edition of an outlet nobody listed: not a known name
])
def test_an_edition_after_the_name_names_the_outlet(printed: str, expected: str | None) -> None:
    found = REGISTRY.named(printed)
    assert (found.name if found else None) == expected


def test_a_byline_labelled_article_by() -> None:
    assert clean_authors("Article By Daniel Roe, Reuters", is_outlet) == ("Daniel Roe",)


@pytest.mark.parametrize(("raw", "expected"), [
    ("By Jane Doe, Riverside Garden Club", ("Jane Doe",)),  # the writer's organisation beside the name
    ("Tom Ulloa and the Ferry Users Association", ("Tom Ulloa",)),
    ("Acme Inc", ()),
    ("By Charlotte Church", ("Charlotte Church",)),  # a family name that is also an organisation's word
    ("Ellen Bank and Rui Costa", ("Ellen Bank", "Rui Costa")),
])
def test_an_organisation_beside_the_names_is_no_person(raw: str, expected: tuple[str, ...]) -> None:
    assert clean_authors(raw, is_outlet) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Odile Brannock, Millbrook Allotment Society", "Odile Brannock"),  # a site's own post: the writer posted it
    ("By Priya Halvorsen & Declan Moyes", "Priya Halvorsen and Declan Moyes"),
    ("A. Lin, B. Osei and C. Marr", "A. Lin, B. Osei and C. Marr"),
    ("KATE MORROW", "KATE MORROW"),  # one name: left as printed for the poster's cleaning
    ("greenpages_admin", "greenpages_admin"),  # an account
    ("Metro Desk, Harbour Rowing Club", "Metro Desk, Harbour Rowing Club"),  # no person: left to the poster's cleaning
    ("Kate Lin, Valley Courier", "Kate Lin"),  # the paper she writes for
])
def test_a_byline_read_as_the_poster(raw: str, expected: str) -> None:
    assert byline_poster(raw, is_outlet) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(names, min_size=2, max_size=3, unique=True), st.sampled_from((", ", " and ", " & ", " / ")),
       st.sampled_from(("", "Hill Rowing Club", "Ministry of Water")))
def test_a_byline_poster_is_its_people_joined(people: list[str], joint: str, organisation: str) -> None:
    assume(not any(paper_shaped(p) for p in people[1:]))  # "Aa Star": a paper's name after the first, by design
    raw = joint.join([*people, organisation] if organisation else people)
    assert byline_poster(raw, is_outlet) == ", ".join(people[:-1]) + " and " + people[-1]


# --- a stamp run on after a byline's name, no bar between ("by Site Newsdesk 22 June 2013, 18:47")

_NAME_WORDS = st.sampled_from(("Ruth", "Okafor", "Naharnet", "Newsdesk", "Tomás", "Reyes", "Coastline", "Staff", "Li"))


_PRINTED_TIMES = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2060, 12, 31))  # noqa: DTZ001


@given(st.lists(_NAME_WORDS, min_size=1, max_size=RUN_ON_NAME_WORDS), _PRINTED_TIMES,
       st.sampled_from(("%d %B %Y, %H:%M", "%b %d, %Y %I:%M %p", "%B %d, %Y", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M")))
def test_a_stamp_run_on_after_a_name_splits_where_the_stamp_starts(words: list[str], when: datetime,
                                                                    shape: str) -> None:
    name = " ".join(words)
    assert run_on_stamp(f"{name} {when:{shape}}") == len(name) + 1
    assert run_on_stamp(name) is None
    assert run_on_stamp(f"{name} 3 hours ago") is None  # a relative time is a trap, never a stamp


def test_a_run_on_stamp_needs_a_short_capitalised_name_before_it() -> None:
    assert run_on_stamp("22 June 2013, 18:47") is None  # no name at all
    assert run_on_stamp("the council met on 22 June 2013") is None  # words of a sentence
    assert run_on_stamp("One Two Three Four Five Six 22 June 2013") is None  # longer than a byline's name
