"""The story's span: furniture at the edges of the walk's run of prose is cut by scored candidates, each class
pinned by a small invented page in tests/fixtures/span_classes with the expected `inspect --json` fields beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import blocks, rules, span
from feeder.extract.endings import closes_story, without_end_marker

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "span_classes"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))

STORY = ("Harbour pilots in the northern port have started guiding cargo ships with a shared digital chart "
         "that updates tide and wind readings every minute, the port authority said on Tuesday.")
MORE = ("The chart replaces paper tables that pilots had carried on board for decades, and the authority "
        "said it expects fewer delays when fog settles over the channel in the winter months ahead.")
TITLE = "Pilots steer by a shared digital chart"


def test_every_page_has_its_expectation() -> None:
    assert len(PAGES) >= 18
    assert all(page.with_suffix(".json").is_file() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_extracts_as_labelled(page: Path, config: Config) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected
    assert record["provenance"]["body"].startswith(("line ", "<p>"))


def origins(count: int) -> list[str]:
    return [f"line {n}" for n in range(1, count + 1)]


def test_a_run_without_furniture_stands_as_the_walk_read_it() -> None:
    chosen = span.resolve_span([STORY, MORE], origins(2), TITLE)
    assert chosen.body == (STORY, MORE)
    assert chosen.why == "line 1 to line 2: starts at the walk's first prose line; ends at the walk's last prose line"


def test_the_headline_again_above_the_story_is_cut_and_provenance_says_why() -> None:
    chosen = span.resolve_span(["Pilots steer ships by a shared digital chart now", STORY, MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "echoes the headline" in chosen.why and chosen.why.startswith("line 2 to line 3")


def test_a_lead_in_to_a_list_stays() -> None:
    # A lead-in ends no sentence, but its colon announces what follows: it is no headline.
    lead = "Here are the stories from the waterfront this week:"
    assert span.resolve_span([lead, STORY, MORE], origins(3), TITLE).body == (lead, STORY, MORE)


def test_a_headline_shaped_line_above_the_story_is_cut() -> None:
    lead = "Pilot boats go electric on the river"
    chosen = span.resolve_span([lead, STORY, MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "score 1.75" in chosen.why


def test_weak_furniture_above_a_login_prompt_goes_with_it() -> None:
    lines = ["Pilot boats go electric on the river", "Please log in or register to view links!", STORY, MORE]
    chosen = span.resolve_span(lines, origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "a prompt to log in" in chosen.why


def test_a_line_above_a_datelined_paragraph_is_a_highlight() -> None:
    lead = "Fewer delays expected when fog settles"
    dated = f"ROTTERDAM, May 4 (Reuters) - {STORY}"
    assert span.resolve_span([lead, dated, MORE], origins(3), TITLE).body == (dated, MORE)


def test_related_headlines_and_a_rights_notice_under_the_story_are_cut() -> None:
    tail = ["Tug crews train for hydrogen fuel", "Copyright 2022 Harbour Wire. All rights reserved."]
    chosen = span.resolve_span([STORY, MORE, *tail], origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "ends at above furniture" in chosen.why


def test_a_sentence_cut_off_at_the_end_is_not_a_related_headline() -> None:
    # The file ends mid-sentence: the gate that rejects truncated captures must still see it.
    cut = "Officials expected the first shipments from the new packing houses to reach"
    assert span.resolve_span([STORY, MORE, cut], origins(3), TITLE).body == (STORY, MORE, cut)


def test_the_span_always_keeps_a_sentence() -> None:
    lines = ["Pilots steer by a shared digital chart", "Copyright 2022 Harbour Wire"]
    assert span.resolve_span(lines, origins(2), TITLE).body == tuple(lines)


@pytest.mark.parametrize("line", [
    "Go to Forum >>0 Comment(s)",
    "Navigation: use the links below to view more comments.",
    "Please sign in to view the attachments",
])
def test_comment_counters_and_prompts_under_the_story_are_cut(line: str) -> None:
    assert span.resolve_span([STORY, MORE, line], origins(3), TITLE).body == (STORY, MORE)


def test_a_separator_closes_the_story_whatever_follows() -> None:
    comment = "***** I sailed with her once, and she was the calmest person on the bridge that night."
    chosen = span.resolve_span([STORY, MORE, comment, STORY[::-1]], origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "above a separator" in chosen.why


def test_a_feed_excerpt_and_its_footer_above_the_story_are_cut() -> None:
    excerpt = STORY[:120] + "..."
    footer = "The post Pilots steer by a shared digital chart appeared first on Quay Notes."
    chosen = span.resolve_span([excerpt, footer, STORY, MORE], origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "feed's excerpt" in chosen.why


@pytest.mark.parametrize("line", [
    "The pilot boat at the quay. File photo (Pic: Quay Notes)",
    "Pilots on the bridge of a tanker. AFP Photo via Harbour Wire.",
    "ALSO READ: Tug crews train for hydrogen fuel",
    "Lea también: Reabre el tranvía del puerto",
])
def test_photo_credits_and_pointers_inside_the_span_are_dropped(line: str) -> None:
    assert span.resolve_span([STORY, line, MORE], origins(3), TITLE).body == (STORY, MORE)


@pytest.mark.parametrize("caption", [
    "Pilots board a tanker at dawn on Monday. (Photo courtesy of the port authority)",
    "Pilots board a tanker at dawn. Foto: Ana Ruiz/Quay Notes",
    "Pilots board a tanker at dawn on Monday. HARBOUR WIRE",
    "Pilots board a tanker at dawn on Monday. (Quay) ==Quay",
])
def test_a_photo_caption_above_the_story_is_cut(caption: str) -> None:
    chosen = span.resolve_span([caption, STORY, MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "a photo's caption" in chosen.why


def test_a_deck_ending_no_sentence_above_the_story_is_cut() -> None:
    deck = "Harbour pilots across the northern port now share one chart that updates tide and wind every minute"
    caption = "A pilot checks the chart on the bridge of a tanker. (Photo by Ana Ruiz)"
    assert span.resolve_span([deck, caption, STORY, MORE], origins(4), TITLE).body == (STORY, MORE)
    assert span.resolve_span([deck, STORY, MORE], origins(3), TITLE).body == (STORY, MORE)


def test_a_first_paragraph_broken_across_two_lines_stays_whole() -> None:
    head, rest = STORY[:60].rsplit(" ", 1)[0], STORY[len(STORY[:60].rsplit(" ", 1)[0]) + 1:]
    assert rest[:1].islower()
    # kept, and joined again: the next line carries its sentence on
    assert span.resolve_span([head, rest, MORE], origins(3), TITLE).body == (STORY, MORE)
    broken = ["The port authority said on Tuesday that pilots guiding ships through the",
              "Northern Channel now share one digital chart that updates every minute.", MORE]
    assert span.resolve_span(broken, origins(3), TITLE).body == tuple(broken)


def test_a_story_sentence_mentioning_a_photo_stays() -> None:
    line = "The pilots said the photo of the chart on the bridge had been shared widely."
    assert span.resolve_span([STORY, line, MORE], origins(3), TITLE).body == (STORY, line, MORE)


def test_a_paragraph_printed_twice_is_dropped_every_time() -> None:
    caption = "A pilot boat leaves the harbour at dawn."
    chosen = span.resolve_span([STORY, caption, MORE, caption], origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "printed twice" in chosen.why


@pytest.mark.parametrize("line", [
    "LONDON, Sept 28 – British drivers queued for hours.",
    "SEOUL/WASHINGTON - A report has concluded",
    "BEIJING, Jan. 1, 2023 /PRNewswire/ — As the city reopens",
    "München (dts Nachrichtenagentur) – Der Streik",
    "Paris, Mar 3 (AFP) - The city will plant",
])
def test_a_paragraph_opening_with_a_dateline(line: str) -> None:
    assert span.OPENS_WITH_DATELINE.match(line)


@pytest.mark.parametrize("line", [
    "The plan - which the city approved - costs more.",
    "Officials said on Tuesday that the plan would go ahead.",
])
def test_a_paragraph_not_opening_with_a_dateline(line: str) -> None:
    assert not span.OPENS_WITH_DATELINE.match(line)


@pytest.mark.parametrize("line", [
    "投稿者 Kenta Mori 時刻: 20:15 0 コメント",
    "Publicado por Ana Ruiz en 10:15 2 comentarios",
    "Tema Ringkas. Dikuasakan oleh Blogger.",
    "Langgan: Catat Ulasan (Atom)",
    "Powered by Blogger.",
    "Harbour coverage receives support through a partnership with a maritime trust. The wire is solely responsible.",
    "This article was posted by Harbour Wire .",
    "Pilots adopt chart has 132 words, post on at 2017-11-12. This is cached page on Harbour News.",
])
def test_platform_footers_and_notes_close_a_story(line: str) -> None:
    assert closes_story(line)


@pytest.mark.parametrize("line", [
    "The port received support from the city for the new berth, officials said.",
    "Ana Ruiz, who publicado por the union's newsletter, said crews were relieved.",
    "The tug is powered by hydrogen cells made in the region.",
])
def test_story_sentences_with_the_same_words_are_no_footer(line: str) -> None:
    assert not closes_story(line)


@pytest.mark.parametrize(("line", "following", "broken"), [
    ("first hydrogen tug due in service on", "March 22 after a trial season along", True),
    ("the coast that lasted for several", "months, the operator told reporters", True),
    ("months, the operator told reporters", "Harbour Watch met at the quay.", True),  # "months," is no weekday
    ("Q: What changes for crews aboard", "Northern Star, the first new tug?", True),
    ("By Mira Jansen and Tom de Vries Smit", "Harbour Watch staff reporters", False),
    ("Source: Harbour Wire | Editor: Li Na", "Pilots began guiding ships on Monday", False),
])
def test_a_wrapped_line_carries_on(line: str, following: str, broken: bool) -> None:
    assert blocks._broken(line, following, 36) is broken


LINES = st.sampled_from([
    STORY, MORE, TITLE, "Tug crews train for hydrogen fuel", "Copyright 2022 Harbour Wire. All rights reserved.",
    "Please log in or register to view links!", "ALSO READ: Ferry timetables change", "***** My own view.",
    "ROTTERDAM, May 4 (Reuters) - Pilots began guiding ships with the chart, the port said.", "Thank you",
    "The post Pilots steer by a shared digital chart appeared first on Quay Notes.", "Go to Forum >>0 Comment(s)",
    # the eleventh round's classes: pointers, notes on the writer, promotions, pitches, photo credits, short lines
    "Related coverage: Port strike ends", "Lena Ortiz is a freelance journalist based in Quito.",
    "Download the Harbour Radio app for the latest news.", "Get a weekly email with the latest port news.",
    "(Photographs by Tom Ashby)", "UPDATE: The vote was moved to Thursday, the council said.",
    "Cooperative cellar opens its doors to visitors for the first time since the pandemic",
    "I found my notes from that afternoon in a drawer, twenty years after the mayor's speech on the quay.",
])


@settings(max_examples=300)
@given(st.lists(LINES, max_size=12))
def test_the_span_keeps_the_walks_order_and_a_sentence(body: list[str]) -> None:
    chosen = span.resolve_span(body, origins(len(body)), TITLE)
    kept = iter(body)
    assert all(any(p == q for q in kept) for p in chosen.body)  # a subsequence, in order
    if any(p.rstrip().endswith(".") for p in body):
        assert any(p.rstrip()[-1:] in '.!?"”’)' for p in chosen.body)
    assert chosen.why


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry said the work would go on.(end)", "The ministry said the work would go on."),
    ("The ministry said the work would go on. (People Daily) Endit", "The ministry said the work would go on. "
                                                                      "(People Daily)"),
    ("The ministry said the work would go on. ENDS", "The ministry said the work would go on."),
    ("The ministry said the work would go on. (The Mast). Enditem", "The ministry said the work would go on. "
                                                                    "(The Mast)."),
    ("The ministry said the work would go on. End", "The ministry said the work would go on."),
    ("The pilots call the quay the World's End", "The pilots call the quay the World's End"),
    ("The watershed covers 356 hectares. (MAL/PIA5/Camarines Sur)", "The watershed covers 356 hectares."),
    ("They will back the party that paid attention. (Citizen 2) SOURCE: Malaysiakini",
     "They will back the party that paid attention. (Citizen 2)"),
    # a year range, a dash inside the sentence, a source named in the sentence: the story's own words
    ("The road was built in 1990–2001 by the army.", "The road was built in 1990–2001 by the army."),
    ("The pilots – all of them – agreed.", "The pilots – all of them – agreed."),
    ("The minister named the source: a leaked memo.", "The minister named the source: a leaked memo."),
    ("The ministry said the work would go on. (rin)(+)", "The ministry said the work would go on."),
    ("The ministry said the work would go on (see map).", "The ministry said the work would go on (see map)."),
    ("The pilots wait where the road ends", "The pilots wait where the road ends"),
    ("The pilots said the season ENDS", "The pilots said the season ENDS"),
])
def test_an_agency_end_marker_glued_to_the_last_sentence_goes(text: str, expected: str) -> None:
    assert without_end_marker(text) == expected


def test_a_dashed_name_glued_after_the_last_sentence_stays_in_the_body() -> None:
    # Nothing reads "— Name" as a credit or a byline: stripped, the sign-off would vanish from the entry. The test
    # whether the paragraph ends a sentence looks past it.
    for text in ("Police found the body in a pool of blood. – Hanan Al-Salem",
                 "Passengers hoped the delays were over for good. — Valley Echo"):
        assert without_end_marker(text) == text
        assert without_end_marker(text, dashed_name=True) == text[: text.rindex(".") + 1]


@pytest.mark.parametrize("framing", [
    "Saw this in the weekend paper and thought you would like it. Pasted below.",
    "Harbour Wire published this item, entitled “Pilots steer by chart” – below is their description.",
    "Disclaimer: Harbour Wire is a state-run outlet.",
])
def test_words_about_the_story_below_are_cut(framing: str) -> None:
    chosen = span.resolve_span([framing, STORY, MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "words about the story below" in chosen.why


def test_an_agencys_own_below_is_opening_stays() -> None:
    opening = "Below is the latest selection of news summaries from Harbour Wire."
    assert span.resolve_span([opening, STORY, MORE], origins(3), TITLE).body == (opening, STORY, MORE)


@pytest.mark.parametrize("note", [
    "This article appeared on p9 of the Weekend section of the Harbour Herald on Saturday 4 May 2024.",
    "A version of this article appears in print on May 4, 2024, Section A, Page 9.",
])
def test_a_print_note_closes_the_story(note: str) -> None:
    assert closes_story(note)
    assert span.resolve_span([STORY, MORE, note], origins(3), TITLE).body == (STORY, MORE)


def test_a_related_headline_in_a_script_without_capitals_is_cut() -> None:
    # Arabic (and CJK) letters have no case: a headline's shape does not need a capital there.
    teaser = "افتتاح سوق جديد للسمك في الميناء"
    assert span.tail_score(teaser, TITLE)[0] >= span.FURNITURE_SCORE
    assert span.resolve_span([STORY, MORE, teaser], origins(3), TITLE).body == (STORY, MORE)


@pytest.mark.parametrize("line", ["Search this site: Find :", "Search this website", "Search this blog"])
def test_a_search_box_label_is_furniture(line: str) -> None:
    assert rules.FURNITURE.match(line)


@pytest.mark.parametrize("line", ["RELATED ARTICLES MORE FROM AUTHOR", "More island news", "Notícias relacionadas",
                                  "Share This Story, Choose Your Platform!", "Deixe um comentário", "Previous"])
def test_a_list_share_comment_or_pager_head_ends_the_story(line: str) -> None:
    assert rules.STORY_END.match(line)


@pytest.mark.parametrize("heading", ["Waiting for the tide", "2. What the pilots want next"])
def test_a_crosshead_between_two_paragraphs_is_dropped(heading: str) -> None:
    chosen = span.resolve_span([STORY, heading, MORE, STORY[::-1] + "."], origins(4), TITLE)
    assert chosen.body == (STORY, MORE, STORY[::-1] + ".")
    assert "1 crosshead" in chosen.why


def test_a_digest_items_headline_over_its_dateline_and_a_short_list_stay() -> None:
    item = "Tug crews train for hydrogen fuel"
    dated = f"ROTTERDAM – {MORE}"
    assert span.resolve_span([STORY, item, dated], origins(3), TITLE).body == (STORY, item, dated)
    items = ["Two new pilot boats", "A shared chart for every crew"]
    assert span.resolve_span([STORY, *items, MORE], origins(4), TITLE).body == (STORY, *items, MORE)


REPLY = "Same here on the east side. The tank on our roof was empty by nine last night."


@pytest.mark.parametrize("head", [
    "2 posted on 06/12/2019 10:02:41 AM by quaymaster",
    "#14 replied on 3 May 2020 at 10:02 by Harbour Fan",
    "Navigation: use the links below to view more comments.",
    "Go to Forum >> 0 Comment(s)",
    "3 thoughts on \u201cPilots steer by a shared digital chart\u201d",
    "Reply #3 on: March 5, 2019, 10:02:41 AM",
    "Quote from: harbourfan on March 5, 2019",
    "On 5 March 2019, Harbour Fan wrote:",
])
def test_the_head_of_a_reply_ends_the_story_with_the_prose_under_it(head: str) -> None:
    chosen = span.resolve_span([STORY, MORE, head, REPLY, "Thanks for posting this."], origins(5), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "above what follows the story" in chosen.why


def test_commenters_heads_end_the_story_when_the_page_prints_several() -> None:
    body = [STORY, MORE, "Ana Reyes says: " + REPLY, "Tom Becker says: Hope they fix it before April."]
    assert span.resolve_span(body, origins(4), TITLE).body == (STORY, MORE)


def test_commenters_heads_alone_on_their_lines_end_the_story() -> None:
    body = [STORY, MORE, "Ana Reyes says:", REPLY, "Tom Becker says: Hope they fix it before April."]
    assert span.resolve_span(body, origins(5), TITLE).body == (STORY, MORE)


def test_a_vox_pop_quoting_people_inside_the_story_stays() -> None:
    # "Name says: <words>" twice, then the story carries on: the people it interviewed, not a comment thread.
    body = [STORY, "Ana Reyes says: the chart saves me an hour on every night shift, and the fog no longer scares "
            "the new pilots.", "Tom Becker says: we asked for this for years, but the budget only came this spring.",
            MORE]
    assert span.resolve_span(body, origins(4), TITLE).body == tuple(body)


def test_a_reaction_count_under_a_signed_off_story_ends_it() -> None:
    signed = MORE + " SOURCE: Harbour Wire"
    body = [STORY, signed, "2 people like this.", REPLY]
    chosen = span.resolve_span(body, origins(4), TITLE)
    assert chosen.body == (STORY, signed)
    assert "a reaction count" in chosen.why


def test_a_reaction_count_inside_the_story_goes_alone() -> None:
    # A widget the capture took from inside the story: the story's paragraph under it stays.
    chosen = span.resolve_span([STORY, "2 people like this.", MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "reaction count" in chosen.why


def test_a_reaction_count_at_the_runs_end_goes() -> None:
    assert span.resolve_span([STORY, MORE, "12 readers found this useful."], origins(3), TITLE).body == (STORY, MORE)


@pytest.mark.parametrize("line", [
    "Will the chart last another fifty winters?",  # a question in the third person
    "Pilots cheered as the first ship came in!",  # an exclamation in the third person
    "It is the best chart we have had in years, one pilot said.",  # reported speech in the first person
    "If you steer here every night, you know every sandbank, one pilot told reporters.",
])
def test_short_story_lines_at_the_edges_are_no_posters_words(line: str) -> None:
    assert span.resolve_span([STORY, MORE, line], origins(3), TITLE).body == (STORY, MORE, line)
    assert span.resolve_span([line, STORY, MORE], origins(3), TITLE).body == (line, STORY, MORE)


@pytest.mark.parametrize("line", ["Did you catch that, pilots?", "I still prefer the paper tables.",
                                  "Thanks to Harbour Fan for the tip!", "H/T Harbour Fan"])
def test_the_posters_own_words_in_the_first_or_second_person_go(line: str) -> None:
    assert span.resolve_span([STORY, MORE, line], origins(3), TITLE).body == (STORY, MORE)


def test_a_sentence_leading_in_with_a_colon_ends_the_story_as_printed() -> None:
    lead_in = "The authority listed the jobs still to do:"
    assert span.resolve_span([STORY, MORE, lead_in], origins(3), TITLE).body == (STORY, MORE, lead_in)


@pytest.mark.parametrize("label", ["Related:", "Share this story:", "Mei Ling Tan says:"])
def test_a_label_leading_in_to_nothing_goes(label: str) -> None:
    assert span.resolve_span([STORY, MORE, label], origins(3), TITLE).body == (STORY, MORE)


@pytest.mark.parametrize("body", [
    # one "Name says:" alone is the story's lead-in to a quotation
    [STORY, "The harbour master says: pilots will keep paper tables on board for the first winter.", MORE],
    # an article or pronoun is no commenter's name
    [STORY, "The Minister says: the chart will be free.", "The Minister says: pilots were consulted.", MORE],
    # a short story sentence counting comments, a date and a quotation opening a paragraph
    [STORY, "The consultation drew 1200 comments.", MORE],
    [STORY, "On Monday, the harbour master wrote: \u201cThe chart is free.\u201d", MORE],
    # a story sentence counting comments or readers is longer than a head
    [STORY, "The authority received 300 comments from pilots and 2 people like this plan less than the old one, "
            "it said in a report published on Monday.", MORE],
])
def test_story_sentences_shaped_like_heads_stay(body: list[str]) -> None:
    assert span.resolve_span(body, origins(len(body)), TITLE).body == tuple(body)


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Adjust font size: PORTVILLE, Oct. 4 (Xinhua) -- The plant opened.",
     "PORTVILLE, Oct. 4 (Xinhua) -- The plant opened."),
    ("Published time: 12 Mar, 2021 09:40 Three villages make ice with the sun, the cooperative said.",
     "Three villages make ice with the sun, the cooperative said."),
    # a dateline, a label of the story's own, a lead-in: the paragraph stands
    ("BEIJING: The city said on Monday that it would open a new line.", None),
    ("Editor's note: this interview was edited for length.", None),
    ("UPDATE: WASHINGTON (AP) — The president said on Monday.", None),
    ("Update: 12 Mar, 2021 the plant is closed on weekends.", None),
])
def test_a_label_glued_before_the_first_paragraph_goes(paragraph: str, expected: str | None) -> None:
    assert span.without_glued_label(paragraph) == (expected or paragraph)


@pytest.mark.parametrize("carried", [
    "(MUR'-sur), points out that pilots have guided ships by paper tables for decades.",
    "(Northern Port Authority) said on Tuesday that the chart would be free.",
    "who has guided ships there for twenty years, said the chart was welcome.",
])
def test_a_paragraph_broken_before_the_rest_of_its_sentence_is_joined(carried: str) -> None:
    head = "The head of the pilots' association, Dale Mercer"
    chosen = span.resolve_span([STORY, head, carried, MORE], origins(4), TITLE)
    assert chosen.body == (STORY, f"{head} {carried}", MORE)
    assert "joined" in chosen.why


def test_a_lead_in_and_a_crosshead_are_not_joined_to_what_follows() -> None:
    body = [STORY, "What the pilots said:", "(in their own words) the chart is a help.", "Waiting for fog",
            MORE]
    assert span.resolve_span(body, origins(5), TITLE).body[:3] == (STORY, body[1], body[2])


def test_a_translators_note_above_the_story_is_cut() -> None:
    note = "Translated by Rosa Lindqvist, as part of our partnership with a newsroom. Read the original here."
    chosen = span.resolve_span([note, STORY, MORE], origins(3), TITLE)
    assert chosen.body == (STORY, MORE)


def test_the_posters_own_words_beside_a_story_in_the_third_person_are_cut() -> None:
    chosen = span.resolve_span(["Saved for later: the best harbour story I read this week.", STORY, MORE,
                                "Did you see that coming?"], origins(4), TITLE)
    assert chosen.body == (STORY, MORE)
    assert "the poster's own words" in chosen.why


@pytest.mark.parametrize("body", [
    # a quotation closing the story is someone the story quotes
    [STORY, MORE, "\u201cWe will keep the paper tables on board for now,\u201d the chief pilot said."],
    # a column in the first person: its paragraphs are all the writer's
    ["I have guided ships through this channel for twenty years.", "I never saw fog like last winter's, and my "
     "crew still talks about the night we waited four hours at the harbour mouth.", MORE],
])
def test_first_person_story_text_stays(body: list[str]) -> None:
    assert span.resolve_span(body, origins(len(body)), TITLE).body == tuple(body)


def test_a_site_name_and_tagline_under_the_story_are_cut() -> None:
    chosen = span.resolve_span([STORY, MORE, "Harbour Notes · An archive of coastal and river news for readers"],
                               origins(3), TITLE)
    assert chosen.body == (STORY, MORE)


def test_a_lead_in_closing_the_run_introduces_nothing_of_the_story() -> None:
    assert span.resolve_span([STORY, MORE, "Mei Ling Tan says:"], origins(3), TITLE).body == (STORY, MORE)


GLUED_CAPTIONS = st.sampled_from(["Drivers wait at a rank on the beach road. (File Photo) ",
                                  "The bridge at dusk (Photo: A. Rahman) ", "Visitors at the gate [Pic: Site] ", "",
                                  "Council says (AP) "])
OPENINGS = st.sampled_from(["PATTAYA, Thailand – Taxis will charge by the meter.", "KUALA LUMPUR: The bridge opened.",
                            "The bridge opened on Monday, officials said.", "(Reuters) - The bridge opened."])


@given(GLUED_CAPTIONS, OPENINGS)
def test_a_glued_caption_goes_only_before_a_dateline(caption: str, opening: str) -> None:
    paragraph = caption + opening
    unglued = span.without_glued_caption(paragraph)
    assert paragraph.endswith(unglued)  # the paragraph, or its end: nothing added, nothing moved
    if unglued != paragraph:
        assert span.OPENS_WITH_DATELINE.match(unglued) and len(unglued) < len(paragraph)


def test_a_caption_closing_with_its_credit_and_a_stop() -> None:
    assert span.is_caption("Vendors return to the market on Monday. Foto: Ana Ruiz/Archivo.")
    assert span.is_caption("A grandmother on the quay. Photo: Lena Ortiz....")
    assert not span.is_caption("He showed them the photo: a man standing by the car.")


@pytest.mark.parametrize(("text", "note"), [
    ("Lena Ortiz is a freelance journalist based in Guayaquil.", True),
    ("The author is a senior fellow at an institute for maritime studies.", True),
    ("About the author: Tom writes on energy.", True),
    ("He was a reporter for a regional radio station until it closed.", False),
    ("The minister is a former journalist.", False),
])
def test_a_note_on_the_writer(text: str, note: bool) -> None:
    assert (span.tail_score(text, TITLE, MORE, last=True)[0] >= span.FURNITURE_SCORE) is note


def test_short_lines_ending_no_sentence_go_with_the_furniture_run_they_stand_in() -> None:
    long_teaser = "Cooperative cellar opens its doors to visitors for the first time since the pandemic"
    chosen = span.resolve_span([STORY, MORE, long_teaser, "Hail nets go up across the estates", long_teaser],
                               origins(5), TITLE)
    assert chosen.body == (STORY, MORE)
    # alone, such a line (a capture cut off, a story's last words) stays
    assert span.resolve_span([STORY, MORE, long_teaser], origins(3), TITLE).body == (STORY, MORE, long_teaser)


def test_the_story_starts_at_its_one_dateline_under_short_lines() -> None:
    standfirst = "The union says the deal restores the night-shift bonus the operator cut in January."
    dated = "MOMBASA: Port workers voted on Friday to accept a new pay deal, their union said."
    assert span.resolve_span([standfirst, dated, MORE], origins(3), TITLE).body == (dated, MORE)
    # two datelines: a digest, kept as it is; a label in capitals is no dateline
    other = "LISBON - Coastal towns prepared on Thursday for the highest tides of the year."
    assert span.resolve_span([standfirst, dated, other], origins(3), TITLE).body == (standfirst, dated, other)
    update = "UPDATE: The vote was moved to Thursday, the council said."
    assert span.resolve_span([standfirst, update, MORE], origins(3), TITLE).body == (standfirst, update, MORE)


def test_a_run_opening_in_the_posters_own_voice_keeps_its_first_person_lines() -> None:
    own = "I found my notes from that afternoon in a drawer, twenty years after the mayor spoke to us on the old quay."
    last = "Nobody held anyone to anything, as far as I can tell."
    assert span.resolve_span([own, MORE, last], origins(3), TITLE).body == (own, MORE, last)
    assert span.resolve_span([STORY, MORE, last], origins(3), TITLE).body == (STORY, MORE)
