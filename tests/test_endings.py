"""Lines that close a story are told from story sentences that use the same words."""

from __future__ import annotations

import pytest

from feeder.extract.endings import closes_story


@pytest.mark.parametrize("line", [
    "Posted in Media Watch | Tagged GAPP, press freedom",
    "Filed under: Harbours, Shipping",
    "(This story has not been edited by the site's staff and is auto-generated from a syndicated feed.)",
    "Associated Press writer Dana Pruitt in Lansing contributed to this report.",
    "The post Ningbo opens third automated berth appeared first on Harbour Notes.",
    "More stories like this are available on example.com",
    "Enter your email address to receive our weekly newsletter.",
    "Harbour Notes is a free weekly letter. You are receiving it because you signed up.",
    "Unsubscribe | Update your preferences",
    "Follow Harbour Notes on Twitter and Facebook to join the conversation.",
])
def test_a_closing_line_is_recognised(line: str) -> None:
    assert closes_story(line)


@pytest.mark.parametrize("line", [
    "The port posted record volumes in May, the group said, and filed plans for two more berths.",
    "This story began in 2019, when the terminal was tagged for automation by the city.",
    "Dock workers contributed ideas to the design, the port group said on Wednesday.",
    "Tickets are available at the terminal, and passengers receive an email when boats are delayed.",
    "Posted",
    "Follow the river on foot for an hour and you reach the old mill.",
])
def test_a_story_sentence_with_the_same_words_is_not_a_closer(line: str) -> None:
    assert not closes_story(line)
