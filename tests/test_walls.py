"""Non-articles are rejected with the kind of wall they are; a story that only mentions such words is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeder.errors import NotAnArticle
from feeder.extract import extract
from feeder.extract.walls import wall_kind
from feeder.records import RawArticle
from feeder.sources import build_registry

LONG_STORY = " ".join(["Harbour officials said the new ferry schedule would add three crossings a day."] * 20)


@pytest.mark.parametrize(("notice", "kind"), [
    ("This content is not available in your region. Because of licensing restrictions this article "
     "cannot be shown in the country you are visiting from.", "geoblock"),
    ("We and our 842 partners store and access information on your device. Manage privacy settings "
     "or accept all cookies to continue.", "consent wall"),
    ("Something about your browser made our system think you might be an automated program. "
     "JavaScript is required to complete this security check.", "bot wall"),
    ("This article is for subscribers only. Already a subscriber? Sign in to continue reading.",
     "login or paywall"),
    ("Sorry, the page you are looking for has been moved or no longer exists. Try the search.", "error page"),
    ("403 Forbidden. You don't have permission to access this resource on this server.", "error page"),
    ("Access to this page has been denied because we believe you are using automation tools to browse the "
     "website.", "bot wall"),
    ("Please wait while we verify that your browser is not a robot. This process is automatic.", "bot wall"),
    ("You must be logged in to view this content. Please log in or register for a free account.",
     "login or paywall"),
    ("Members only. Become a member today to read this article and get unlimited access to our journalism.",
     "login or paywall"),
    ("The ferry operator will add a night crossing next month, the company said. To read the full story, "
     "subscribe today or log in if you already have an account.", "login or paywall"),
    ("This content is only available to subscribers. Subscribe now for just $1 a week.", "login or paywall"),
    ("Sorry, this page isn't available. The link you followed may be broken, or the page may have been removed.",
     "error page"),
    ("We're sorry, but something went wrong. Our engineers have been notified. Please try again later.",
     "error page"),
    ("Error 503: the server is temporarily unable to service your request. Please try again later.", "error page"),
    ("Oops! That page can't be found. It looks like nothing was found at this location. Maybe try a search?",
     "error page"),
])
def test_a_wall_with_prose_is_rejected_with_its_kind(notice: str, kind: str) -> None:
    text = f"Coastal towns weigh sea walls - Gazette\n\nHome | News\n\nCoastal towns weigh sea walls\n\n{notice}\n"
    raw = RawArticle(Path("wall.txt"), "text", text, "utf-8", "0" * 64, len(text))
    with pytest.raises(NotAnArticle, match=kind):
        extract(raw, build_registry())


def test_a_long_story_that_mentions_a_captcha_is_kept() -> None:
    body = [LONG_STORY, "Ticket machines now ask riders to solve a captcha before buying passes online."]
    assert wall_kind("Ferry schedule grows\n\n" + "\n\n".join(body), body) is None


def test_a_list_of_headlines_is_no_article() -> None:
    lines = ["Latest headlines - Daily", "Kazakh capital opens round-the-clock public library", "Xinhua | 2021-03-09",
             "Shrimpers turn to solar freezers to ride out price slump", "AP | Mar. 9, 2021",
             "Floating saunas draw winter swimmers to Norwegian harbours", "AFP | 2 Mar 2021"]
    text = "\n\n".join(lines) + "\n"
    raw = RawArticle(Path("list.txt"), "text", text, "utf-8", "0" * 64, len(text))
    with pytest.raises(NotAnArticle):
        extract(raw, build_registry())


def test_a_story_quoting_wall_words_is_kept() -> None:
    # A brief of some 170 words whose sources say "something went wrong" and "not a robot": a story, not a wall.
    body = ["Harbour officials said on Monday that something went wrong with the ferry's steering on Sunday night, "
            "forcing the crew to drop anchor outside the breakwater until a tug arrived to tow the vessel in.",
            " ".join(["Passengers waited on board for three hours while engineers checked the hydraulic lines, and "
                      "the operator said the fault had been traced to a worn seal that will be replaced this week."]
                     * 3),
            "A new automatic mooring system, which the operator insists is not a robot but a set of winches that "
            "follow a pilot's commands, will be tested at the pier next month before the summer timetable."]
    assert wall_kind("Ferry steering fault\n\n" + "\n\n".join(body), body) is None
