"""Extraction v2 classes on text dumps: site chrome above the headline, hard-wrapped captures."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeder.extract import extract
from feeder.extract.blocks import unwrap, wrap_width
from feeder.extract.headline import candidates
from feeder.records import RawArticle
from feeder.sources import build_registry

STORY = [
    "Fishing crews in the northern bay have started tagging young cod before releasing them, hoping to learn "
    "where the fish spend their first winters and why fewer of them return each spring.",
    "The tags send a short signal to buoys along the coast, and researchers say the first results should be "
    "published before the end of the year.",
]


def _page(text: str) -> str:
    raw = RawArticle(Path("dump.txt"), "text", text, "utf-8", "0" * 64, len(text))
    title = extract(raw, build_registry()).title
    assert title is not None
    return title.value


def _dump(*top: str) -> str:
    return "\n\n".join([*top, "Cod tagging project tracks young fish through the winter",
                        "By Mara Olsen", "15 October 2020", *STORY, "Share this:"]) + "\n"


def test_chrome_first_lines_are_not_the_headline() -> None:
    for chrome in (("Skip to main content", "Login Register"), ("Monday, January 12th, 2026",),
                   ("THE HARBOUR HERALD", "Home > World > Europe"), ("Connect with us", "Search")):
        assert _page(_dump(*chrome)) == "Cod tagging project tracks young fish through the winter", chrome


def test_headline_candidates_say_why_they_won() -> None:
    lines = [x for x in _dump("Skip to main content").split("\n") if x]
    best = candidates(lines)[0]
    assert best.text.startswith("Cod tagging")
    assert "byline" in best.why


def test_a_phone_capture_wrapped_at_36_columns_is_unwrapped() -> None:
    wrapped: list[str] = []
    for paragraph in STORY:
        line = ""
        for word in paragraph.split():
            if len(line) + 1 + len(word) > 36:
                wrapped.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        wrapped += [line, ""]
    lines = ["Cod tagging project tracks young", "fish through the winter", "", "By Mara Olsen",
             "15 October 2020", "", *wrapped]
    width = wrap_width(lines)
    assert width is not None and 30 <= width <= 36
    joined = [text for text, _ in unwrap(lines, width) if text]
    assert joined[0] == "Cod tagging project tracks young fish through the winter"
    assert joined[1:3] == ["By Mara Olsen", "15 October 2020"]
    assert joined[3:] == STORY


def test_a_page_whose_paragraphs_run_past_its_short_lines_is_not_wrapped() -> None:
    # Menus, a headline and a stamp row stop near one column, but the story's paragraphs run far past it:
    # the page was not wrapped, and joining its lines would make the whole page one paragraph.
    menu = ["Home", "World", "Politics", "Economy", "Culture", "Sport", "Science", "Search", "Menu"]
    lines = [*menu, "Cod tagging project tracks young fish through winter", "Northern Bay Times with agencies",
             "published 15.10.2020 at 10h05", "Share this story on your network", *STORY, STORY[0],
             "Read also: seals return to the northern bay", "Read also: the bay's winter storms",
             "Comments are open to members of the site only", "Northern Bay Times - all rights reserved"]
    assert wrap_width(lines) is None


def _inspect(tmp_path: Path, name: str, text: str) -> dict[str, object]:
    from feeder.cli import inspect_record
    from feeder.config import load_config
    from tests.conftest import write_config

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, load_config(write_config(tmp_path)))


def test_an_outlet_feeder_does_not_know_is_credited_by_its_printed_name(tmp_path: Path) -> None:
    text = _dump().replace("Share this:", "Source: Nordkapp Coastal Courier\n\nShare this:")
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] == {"name": "Nordkapp Coastal Courier", "url": None}


def test_a_lower_case_source_note_is_no_credit(tmp_path: Path) -> None:
    text = _dump().replace("Share this:", "Source: the fishermen's own logbooks\n\nShare this:")
    assert _inspect(tmp_path, "dump.txt", text)["source"] is None


def test_the_wordpress_poster_of_the_xiamen_sample_is_not_the_xinhua_author(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "articles" / "2021-03-12-xiamen-sea-turtle-rescue.html"
    record = _inspect(tmp_path, sample.name, sample.read_text(encoding="utf-8"))
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["authors"] == []
    assert record["republisher"] == "Hana Pereira"


def _story_with(stamp: str, *, below: bool) -> str:
    top = ["Cod tagging project tracks young fish through the winter", "By Mara Olsen"]
    tail = [stamp, "Source: Reuters"] if below else ["Source: Reuters"]
    return "\n\n".join([*top, *([] if below else [stamp]), *STORY, *tail]) + "\n"


def test_a_stamp_in_a_common_shape_just_above_the_outlet_credit_is_the_original_stamp(tmp_path: Path) -> None:
    shapes = {"15 October 2020": "2020-10-15T00:00:00+00:00", "October 15th, 2020": "2020-10-15T00:00:00+00:00",
              "15.10.2020": "2020-10-15T00:00:00+00:00", "2020年10月15日": "2020-10-15T00:00:00+00:00",
              "15 octobre 2020": "2020-10-15T00:00:00+00:00",
              "Thursday 15 October 2020 13:02 PM": "2020-10-15T13:02:00+00:00"}
    for printed, expected in shapes.items():
        record = _inspect(tmp_path, "dump.txt", _story_with(printed, below=True))
        assert record["published"] == expected, printed
        assert "above the outlet's credit" in str(record["provenance"]["published"])  # type: ignore[index]


def test_a_date_under_the_story_with_no_credit_beside_it_is_not_the_original_stamp(tmp_path: Path) -> None:
    text = "\n\n".join(["Cod tagging project tracks young fish through the winter", "By Mara Olsen", *STORY,
                        "15 October 2020", "Source: Reuters", "Comments", "16 October 2020"]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["published"] == "2020-10-15T00:00:00+00:00"
    text = text.replace("Source: Reuters", "Related stories")
    assert _inspect(tmp_path, "dump.txt", text)["published"] is None


@pytest.mark.parametrize(("row", "source", "authors", "published"), [
    ("By Li Wen and Zhao Lei Source: Global Times Published: 2021/8/1 20:49:14", "Global Times",
     ["Li Wen", "Zhao Lei"], "2021-08-01T20:49:14+08:00"),
    ("By Li Wen Source:Global Times Published:2021/8/1 20:49", "Global Times", ["Li Wen"],
     "2021-08-01T20:49:00+08:00"),
    ("Published: 2021-08-01 20:49 Updated: 2021-08-02 08:00 Source: China Daily", "China Daily", [],
     "2021-08-01T20:49:00+08:00"),
    ("By Li Wen, Xinhua | August 1, 2021", "Xinhua", ["Li Wen"], "2021-08-01T00:00:00+08:00"),
])
def test_several_labels_on_one_line_are_read_as_fields(tmp_path: Path, row: str, source: str,
                                                        authors: list[str], published: str) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    record = _inspect(tmp_path, "dump.txt", "\n\n".join([f"{title} - Blog", title, row, *STORY]) + "\n")
    assert record["source"] == {"name": source, "url": None}
    assert record["authors"] == authors
    assert record["published"] == published


def test_todays_date_in_the_masthead_is_no_date_of_the_story(tmp_path: Path) -> None:
    text = _dump("THE HARBOUR HERALD", "Monday, January 12th, 2026", "Login | Register")
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["republished"] == "2020-10-15T00:00:00+00:00"  # the post's own date, not the capture day


@pytest.mark.parametrize(("tail", "source"), [(" — AFP", "AFP"), ("(Xinhua)", "Xinhua"), (" (UPI)", "UPI")])
def test_an_agency_glued_to_the_last_sentence_is_its_credit(tmp_path: Path, tail: str, source: str) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    text = "\n\n".join([f"{title} - Blog", title, STORY[0], STORY[1] + tail]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] == {"name": source, "url": None}
    assert record["body"] == STORY


def test_a_reporting_credit_glued_to_the_story_is_taken_out_of_the_body(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    glued = STORY[1] + " (Reporting by Mara Olsen in Oslo; Editing by Tom Hale)"
    text = "\n\n".join([f"{title} - Blog", title, "Reuters", STORY[0], glued]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["body"] == STORY
    assert record["authors"] == ["Mara Olsen"]


def test_a_forum_thread_credits_the_pasted_story_not_the_poster(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    parts = [f"{title} - Harbour Forum", "Home › Forums › World news", title,
             "Thread starter seagull_77 Start date Oct 16, 2020", "seagull_77", "Senior Member", "Joined: Mar 2019",
             "Posts: 1,204", "Oct 16, 2020", "#1", "Saw this on Reuters this morning, thought you'd all like it.",
             "OSLO (Reuters) - " + STORY[0], STORY[1], "Reporting by Mara Olsen; Editing by Tom Hale", "Reply",
             "old_salt", "Member", "Oct 16, 2020", "#2",
             "Great news, about time someone did this for the cod stocks in the north sea, I think."]
    record = _inspect(tmp_path, "thread.txt", "\n\n".join(parts) + "\n")
    assert record["source"] == {"name": "Reuters", "url": None}
    assert record["authors"] == ["Mara Olsen"]
    assert record["republisher"] == "seagull_77"
    assert record["published"] is None
    assert record["republished"] == "2020-10-16T00:00:00+00:00"
    assert record["body"] == ["OSLO - " + STORY[0], STORY[1]]


def test_an_html_stamp_above_the_headline_and_a_byline_with_the_outlet_in_brackets(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    html = (f"<html><head><title>{title} | Coastal Notes</title></head><body><header><a href='/'>Coastal Notes</a>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header><main><article>"
            f"<div class='date'>15/10/2020 13:02 PM</div><h1>{title}</h1><div class='author'>Mara Olsen (AFP)</div>"
            f"<p>{STORY[0]}</p><p>{STORY[1]}</p></article></main><footer>© Coastal Notes</footer></body></html>")
    record = _inspect(tmp_path, "page.html", html)
    assert record["source"] == {"name": "AFP", "url": None}
    assert record["authors"] == ["Mara Olsen"]
    assert record["published"] == "2020-10-15T13:02:00+02:00"


def test_the_meta_footer_of_an_article_names_the_poster_and_the_machine_stamp_wins(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    html = (f"<html><head><title>{title} | Coastal Notes</title></head><body><main><h1>{title}</h1>"
            "<article><footer class='node__meta'><div class='node__submitted'>Submitted by <span>gull.k</span> on "
            "<time datetime='2021-03-09T07:20:00Z' title='Tuesday, March 9, 2021 - 14:20' class='datetime'>"
            "Tue, 03/09/2021 - 14:20</time></div></footer><div class='node__content'>"
            f"<p>OSLO (Reuters) - {STORY[0]}</p><p>{STORY[1]}</p></div></article></main>"
            "<footer class='site-footer'>© Coastal Notes</footer></body></html>")
    record = _inspect(tmp_path, "page.html", html)
    assert record["republisher"] == "gull.k"
    assert record["republished"] == "2021-03-09T07:20:00+00:00"
    assert record["source"] == {"name": "Reuters", "url": None}


def test_a_headline_shaped_first_line_gives_way_only_to_a_confirmed_line(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    standfirst = "Fishermen hope the data will explain why stocks keep falling"
    text = "\n\n".join([title, "World", standfirst, "By Mara Olsen", "15 October 2020", *STORY]) + "\n"
    assert _inspect(tmp_path, "dump.txt", text)["title"] == title


REPLY = ("Great news, about time someone did this for the cod stocks in the north sea, they have been "
         "falling for years now and nobody seems to care.")


def test_a_reply_under_the_first_post_is_not_the_story(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    parts = [f"{title} - Harbour Forum", title, "seagull_77", "Senior Member", "Joined: Mar 2019", "Posts: 1,204",
             "Oct 16, 2020", "#1", STORY[0], STORY[1] + " (Xinhua)", "old_salt", "Member", "Joined: Jan 2020",
             "Oct 16, 2020", "#2", REPLY]
    record = _inspect(tmp_path, "thread.txt", "\n\n".join(parts) + "\n")
    assert record["body"] == STORY
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["republisher"] == "seagull_77"
    assert record["published"] is None
    assert record["republished"] == "2020-10-16T00:00:00+00:00"


def test_engagement_counts_close_a_social_post(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    parts = [title, "BEIJING, Oct. 15 (Xinhua) -- " + STORY[0], STORY[1], "12 likes", "3 replies", "old_salt", REPLY]
    record = _inspect(tmp_path, "post.txt", "\n\n".join(parts) + "\n")
    assert record["body"] == ["BEIJING, Oct. 15 -- " + STORY[0], STORY[1]]


def test_the_page_settles_the_order_of_an_ambiguous_numeric_date(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    row = "By Mara Olsen | AP | Published: 03/04/2021 10:00 | Updated: 15/04/2021 08:00"
    record = _inspect(tmp_path, "dump.txt", "\n\n".join([f"{title} - Blog", title, row, *STORY]) + "\n")
    assert record["source"] == {"name": "AP", "url": None}
    assert record["published"] == "2021-04-03T10:00:00-04:00"  # day-first, as the page's 15/04 shows


def test_an_unknown_outlet_in_a_dateline_is_credited_as_printed(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    parts = [f"{title} - Blog", title, "OSLO (Nordic Wire Service) -- " + STORY[0], STORY[1]]
    record = _inspect(tmp_path, "dump.txt", "\n\n".join(parts) + "\n")
    assert record["source"] == {"name": "Nordic Wire Service", "url": None}
    assert record["body"][0] == "OSLO -- " + STORY[0]


def test_a_meta_author_that_names_the_site_is_no_poster(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    html = (f"<html><head><title>{title}_World_Coastal Net</title><meta name='author' content='Coastal Net'>"
            f"</head><body><main><h1>{title}</h1><p>OSLO (Reuters) - {STORY[0]}</p><p>{STORY[1]}</p></main>"
            "</body></html>")
    record = _inspect(tmp_path, "page.html", html)
    assert record["republisher"] is None
    assert record["source"] == {"name": "Reuters", "url": None}


@pytest.mark.parametrize(("post_day", "poster"), [("Mar 10, 2021, 6:30 AM", "Aigerim K."), ("Mar 9, 2021", None)])
def test_a_by_and_date_row_above_the_outlet_stamp_is_the_post_s_unless_the_same_day(
        tmp_path: Path, post_day: str, poster: str | None) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<div class='meta'>by <span>Aigerim K.</span> &middot; <span>{post_day}</span></div>"
            f"<div class='content'><p>Xinhua | 2021-03-09 21:14:33</p><p>{STORY[0]}</p><p>{STORY[1]}</p></div>"
            "</article></body></html>")
    record = _inspect(tmp_path, "page.html", html)
    assert record["source"] == {"name": "Xinhua", "url": None}
    assert record["published"] == "2021-03-09T21:14:33+08:00"
    assert record["republisher"] == poster
    assert record["authors"] == ([] if poster else ["Aigerim K"])


def test_a_byline_under_the_story_over_the_outlet_s_credit_is_the_story_s(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    long_story = [STORY[0], STORY[1], STORY[0].replace("Fishing crews", "Crews further south")]
    parts = [f"{title} - Blog", title, *long_story, "By Mara OLSEN", "AFP · 15 Oct 2020 18:40"]
    record = _inspect(tmp_path, "dump.txt", "\n\n".join(parts) + "\n")
    assert record["authors"] == ["Mara Olsen"]
    assert record["source"] == {"name": "AFP", "url": None}


@pytest.mark.parametrize(("row", "published", "updated"), [
    ("Publié le 15 octobre 2020 à 09:30 | Mis à jour le 16 octobre 2020 à 08:00", "2020-10-15T09:30:00+02:00",
     "2020-10-16T08:00:00+02:00"),
    ("Veröffentlicht: 15.10.2020 09:30", "2020-10-15T09:30:00+02:00", "2020-10-15T09:30:00+02:00"),
])
def test_stamp_labels_in_other_languages(tmp_path: Path, row: str, published: str, updated: str) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    parts = [f"{title} - Blog", title, "By Mara Olsen (AFP)", row, *STORY]
    record = _inspect(tmp_path, "dump.txt", "\n\n".join(parts) + "\n")
    assert record["source"] == {"name": "AFP", "url": None}
    assert (record["published"], record["updated"]) == (published, updated)


def test_a_chinese_original_link_label_gives_the_source_address(tmp_path: Path) -> None:
    title = "Cod tagging project tracks young fish through the winter"
    url = "http://en.people.cn/n3/2021/0306/c90000-9826112.html"
    parts = [f"{title} - Blog", title, "By Mara Olsen (People's Daily)", *STORY, f"原文链接：{url}"]
    record = _inspect(tmp_path, "dump.txt", "\n\n".join(parts) + "\n")
    assert record["source"] == {"name": "People's Daily", "url": url}
    assert record["body"] == STORY


def test_a_blog_tagline_over_the_menu_is_not_the_headline(tmp_path: Path) -> None:
    # Blog name, tagline, a navigation menu, the day's date header, then the post: the tagline stands
    # above a stamp only across the menu, so the post's own title line wins.
    menu = "\n".join(["Home", "World", "Business", "Sport", "Science", "Contact"])
    text = (f"Harbour Dispatch\nDaily notes from the northern coast and beyond\n\n{menu}\n\n"
            f"Tuesday, October 13, 2020\n\nCod tagging project tracks young fish through the winter\n\n"
            f"{STORY[0]}\n\n{STORY[1]}\n\nSource: Reuters\n\nPosted by Mara Olsen at 9:14 AM\n")
    record = _inspect(tmp_path, "tagline.txt", text)
    assert record["title"] == "Cod tagging project tracks young fish through the winter"
    assert record["body"] == STORY


def test_a_dated_dateline_credits_its_agency_and_stamps_the_story(tmp_path: Path) -> None:
    for dateline, day in (("Tromso, Oct 15, 2020 (Reuters) - ", "2020-10-15"),
                          ("Tromso, 15 October 2020 (Reuters) - ", "2020-10-15")):
        text = "\n\n".join(["Cod tagging project tracks young fish through the winter", dateline + STORY[0],
                            *STORY[1:], "Posted by Ana Lind at 8:16 PM"]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["source"] == {"name": "Reuters", "url": None}, dateline
        assert str(record["published"]).startswith(day), dateline
        body = record["body"]
        assert isinstance(body, list) and body[0].startswith(dateline.replace(" (Reuters)", "")), dateline


def test_a_dateline_without_a_year_is_no_stamp(tmp_path: Path) -> None:
    text = "\n\n".join(["Cod tagging project tracks young fish through the winter",
                        "Tromso, Oct 15 (Reuters) - " + STORY[0], *STORY[1:]]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] == {"name": "Reuters", "url": None}
    assert record["published"] is None


def test_a_dateline_token_joining_agencies_credits_the_first_the_registry_knows(tmp_path: Path) -> None:
    for token in ("(reuters-epa)", "(Reuters/Nordkapp Photo)", "(Reuters, NTB)"):
        text = "\n\n".join(["Cod tagging project tracks young fish through the winter",
                            f"Tromso, Oct 15 {token}.- " + STORY[0], *STORY[1:]]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["source"] == {"name": "Reuters", "url": None}, token
        body = record["body"]
        assert isinstance(body, list) and body[0].startswith("Tromso, Oct 15.- Fishing"), token


def test_an_underscore_after_a_wire_dateline_is_its_dash(tmp_path: Path) -> None:
    text = "\n\n".join(["Cod tagging project tracks young fish through the winter",
                        "TROMSO (AP) _ " + STORY[0], *STORY[1:]]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] == {"name": "AP", "url": None}
    body = record["body"]
    assert isinstance(body, list) and body[0].startswith("TROMSO _ Fishing")


def test_a_stamp_label_without_a_colon_ends_the_outlet_name_before_it(tmp_path: Path) -> None:
    for label in ("Updated", "Last updated", "Published"):
        text = _dump().replace("Share this:", f"Source: Nordkapp Coastal Courier {label} 20:41, 15-Oct-2020")
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["source"] == {"name": "Nordkapp Coastal Courier", "url": None}, label
        assert record["updated"] == "2020-10-15T20:41:00+00:00", label


def test_a_comment_counter_after_the_post_time_leaves_the_time(tmp_path: Path) -> None:
    for counter in ("0 comments", "No comments", "Comments (3)"):
        text = "\n\n".join(["Nordkapp Notes", "Saturday, October 17, 2020",
                            "Cod tagging project tracks young fish through the winter",
                            *STORY, "Source: Reuters", f"Posted by Ana Lind at 10:12 AM {counter}"]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["republished"] == "2020-10-17T10:12:00+00:00", counter
        assert record["republisher"] == "Ana Lind", counter


def test_a_posted_by_footer_outranks_the_blog_name_over_the_post_date(tmp_path: Path) -> None:
    text = "\n\n".join(["Search this blog", "Harbour Watch", "Saturday, October 17, 2020",
                        "Cod tagging project tracks young fish through the winter", *STORY, "Source: Reuters",
                        "Posted by Ana Lind at 10:12 AM"]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["republisher"] == "Ana Lind"
    assert record["republished"] == "2020-10-17T10:12:00+00:00"


def test_a_byline_glued_to_the_headline_is_cut_off_it(tmp_path: Path) -> None:
    for byline, authors in (("By MARA OLSEN and ANA LIND, Associated Press Writers", ["Mara Olsen", "Ana Lind"]),
                            ("By Mara Olsen, Reuters", ["Mara Olsen"])):
        head = f"Cod tagging project tracks young fish through the winter {byline}"
        text = "\n\n".join(["Harbour Watch", head, head, *STORY]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["title"] == "Cod tagging project tracks young fish through the winter", byline
        assert record["authors"] == authors, byline


def test_a_capitalised_by_in_a_headline_is_no_byline(tmp_path: Path) -> None:
    head = "Cod tagging project Backed By Coastal Towns tracks young fish"
    text = "\n\n".join(["Harbour Watch", head, head, *STORY]) + "\n"
    assert _inspect(tmp_path, "dump.txt", text)["title"] == head


def test_a_dateline_alone_under_the_story_is_its_credit_line(tmp_path: Path) -> None:
    for line, published in (("TROMSO, October 15 (Reuters)", None),
                            ("TROMSO, October 15, 2020 (Reuters)", "2020-10-15T00:00:00+00:00")):
        text = "\n\n".join(["Cod tagging project tracks young fish through the winter", *STORY, line]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["source"] == {"name": "Reuters", "url": None}, line
        assert record["published"] == published, line
        assert record["body"] == STORY, line


def test_a_photo_caption_under_the_headline_is_not_the_headline() -> None:
    for caption in ("Young cod in a tagging tank at Tromso (Source: Reuters/NTB)", "Young cod in a tank (Photo: NTB)",
                    "A tagged young cod in the harbour (Nordkapp Courier/Ana Lind)"):
        text = "\n\n".join(["Harbour Watch", "Home", "World",
                            "Cod tagging project tracks young fish through the winter", caption,
                            "TROMSO (Reuters) - " + STORY[0], *STORY[1:]]) + "\n"
        assert _page(text) == "Cod tagging project tracks young fish through the winter", caption


def test_a_dateline_naming_two_cities_credits_its_agency(tmp_path: Path) -> None:
    text = "\n\n".join(["Cod tagging project tracks young fish through the winter",
                        "TROMSO/OSLO (Reuters) - " + STORY[0], *STORY[1:]]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] == {"name": "Reuters", "url": None}
    body = record["body"]
    assert isinstance(body, list) and body[0].startswith("TROMSO/OSLO - Fishing")


def test_a_date_over_the_masthead_news_ticker_is_the_capture_day(tmp_path: Path) -> None:
    for ticker in ("Latest: Ferry timetable changes for the winter", "Breaking News:"):
        text = "\n\n".join(["Cod tagging project tracks young fish through the winter - Harbour Watch",
                            "Skip to content", "Monday, March 13, 2023", ticker, "Home", "World",
                            "Cod tagging project tracks young fish through the winter", "By Mara Olsen",
                            "TROMSO (Reuters) - " + STORY[0], *STORY[1:]]) + "\n"
        record = _inspect(tmp_path, "dump.txt", text)
        assert record["republished"] is None, ticker
        assert record["source"] == {"name": "Reuters", "url": None}, ticker


def test_a_photo_caption_above_the_datelined_paragraph_is_no_standfirst(tmp_path: Path) -> None:
    text = "\n\n".join(["Harbour Watch", "Cod tagging project tracks young fish through the winter",
                        "Young cod in a tagging tank at Tromso (Source: Reuters/NTB)",
                        "TROMSO (Reuters) - " + STORY[0], *STORY[1:]]) + "\n"
    body = _inspect(tmp_path, "dump.txt", text)["body"]
    assert isinstance(body, list) and body[0].startswith("TROMSO - Fishing")


def test_a_post_meta_row_under_a_site_login_names_the_poster_and_no_outlet(tmp_path: Path) -> None:
    text = "\n\n".join(["Harbour Watch", "Cod tagging project tracks young fish through the winter",
                        "By admin | October 17, 2020 | Press Releases | 0 Comments", *STORY]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    assert record["source"] is None
    assert record["authors"] == []
    assert record["republisher"] == "admin"


def test_a_post_header_by_name_date_in_forum_cuts_the_name_from_its_date(tmp_path: Path) -> None:
    text = "\n\n".join(["Cod tagging project tracks young fish through the winter - Harbour Forum",
                        "Cod tagging project tracks young fish through the winter",
                        "By HARBOUR BOT, October 17, 2020 in Coastal News", *STORY, "Source: Reuters"]) + "\n"
    record = _inspect(tmp_path, "dump.txt", text)
    names = [*record["authors"], record["republisher"]]  # type: ignore[misc]
    assert "Harbour Bot" in names and not any("2020" in str(name) or "Coastal" in str(name) for name in names)
    assert record["republished"] == "2020-10-17T00:00:00+00:00"
