"""Failure classes seen on unfamiliar page templates, each pinned by a small invented page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feeder.cli import inspect_record
from feeder.config import Config

STORY = ("Harbour pilots in the northern port have started guiding cargo ships with a shared digital chart "
         "that updates tide and wind readings every minute, the port authority said on Tuesday.")
MORE = ("The chart replaces paper tables that pilots had carried on board for decades, and the authority "
        "said it expects fewer delays when fog settles over the channel in the winter months ahead.")


def inspect(tmp_path: Path, config: Config, name: str, text: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, config)


def test_furniture_classed_wrapper_around_the_post_body_is_kept(tmp_path: Path, config: Config) -> None:
    # Blogger themes wrap the whole post list in class="widget Blog"; only its sidebar siblings are widgets.
    page = f"""<html><head><title>Pilots get a digital chart</title></head><body>
    <div class="header"><h1>Quay Notes</h1><p>Letters and news from the waterfront, gathered by hand.</p></div>
    <div class="widget Blog"><article><h3 class="post-title">Pilots get a digital chart</h3>
    <div class="post-body"><p>By ANA TORRES</p><p>{STORY}</p><p>{MORE}</p><p>Source: Reuters</p></div></article></div>
    <div class="widget Profile"><p>I write about ships and the people who steer them through our harbour.</p></div>
    </body></html>"""
    record = inspect(tmp_path, config, "widget_blog.html", page)
    assert record["body"] == [STORY, MORE]
    assert record["authors"] == ["Ana Torres"]


def test_profile_article_platform_date_reposted_credit(tmp_path: Path, config: Config) -> None:
    # A long-form post on a professional network: profile card (name, pipe headline, follower count),
    # the platform's "Published" date above the reposted story, and a "Reposted from … for my network." credit.
    url = "https://www.reuters.com/world/harbour-pilots-digital-chart-2021-05-04/"
    page = f"""<html><head><title>Pilots get a digital chart</title>
    <meta property="og:url" content="https://pro.example.net/pulse/pilots-digital-chart"></head><body>
    <main><h1>Pilots get a digital chart</h1>
    <div class="card"><h3>Nadia Okonjo</h3><h4>Port logistics | Tug scheduling and pilotage | North Sea</h4>
    <div>4,102 followers</div><div>Published May 5, 2021</div></div>
    <p>Reposted from <a href="{url}">Reuters</a> for my network.</p>
    <p>By Tom Vries and Lena Bakker</p><p>May 4, 2021 3:10 PM</p>
    <p>{STORY}</p><p>{MORE}</p></main></body></html>"""
    record = inspect(tmp_path, config, "profile_post.html", page)
    assert record["body"] == [STORY, MORE]
    assert record["source"] == {"name": "Reuters", "url": url}
    assert record["republisher"] == "Nadia Okonjo"
    assert record["published"] == "2021-05-04T15:10:00+00:00"
    assert record["republished"] == "2021-05-05T00:00:00+00:00"


def test_social_post_dump_bracketed_headline_account_and_bilingual_credit(tmp_path: Path, config: Config) -> None:
    # A microblog text dump: the first line is the app's name, the account sits above its follow button,
    # the post time is above the 【headline】, and comments follow the bilingual credit line.
    url = "http://www.xinhuanet.com/english/2021-06/02/c_139985411.htm"
    dump = f"""声音 Voices
首页 Home  发现 Discover  登录 Log in  注册 Sign up
harbour_kite
关注 Follow
2021-6-3 08:15 来自 手机 app
Sharing this one for the sailors among my friends #港口# #ships#
【Harbour pilots get a shared digital chart】
Source: Xinhua
{STORY}
{MORE}
原文 Original: {url}
kite_fan：我也看到了！Saw this on the ferry this morning, great news for the pilots.
"""
    record = inspect(tmp_path, config, "social_post.txt", dump)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["republisher"] == "harbour_kite"
    assert record["republished"] == "2021-06-03T08:15:00+00:00"
    assert record["source"] == {"name": "Xinhua", "url": url}
    assert record["body"] == [STORY, MORE]


def test_answer_page_quoting_a_story_under_a_question_title(tmp_path: Path, config: Config) -> None:
    # Q&A page: the page title is the question; the quoted story's headline is the bold line opening the
    # quote; the answerer's own sentences around the quote and their "Answered" date are not the story.
    page = f"""<html><head><title>Why do pilots use a digital chart now? - AskHub</title></head><body>
    <h1 class="question">Why do pilots use a digital chart now?</h1>
    <div class="answer"><a class="answer-user-name" href="https://askhub.example.com/u/rui">Rui Matos</a>
    <div>Answered June 8, 2021</div>
    <div class="answer-body"><p>I work on the tugs there, and this wire piece explains it better than I could:</p>
    <blockquote><p><b>Harbour pilots get a shared digital chart</b></p>
    <p>By Nils HANSEN · AFP · 7 Jun 2021, 10:20 CET</p><p>{STORY}</p><p>{MORE}</p></blockquote>
    <p>Hope that helps, and say hello if you ever come through on the evening ferry.</p></div></div>
    </body></html>"""
    record = inspect(tmp_path, config, "answer.html", page)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["republisher"] == "Rui Matos"
    assert record["republished"] == "2021-06-08T00:00:00+00:00"
    assert record["published"] == "2021-06-07T10:20:00+01:00"
    assert record["body"] == [STORY, MORE]


def test_channel_export_title_attribute_stamp_and_sender(tmp_path: Path, config: Config) -> None:
    # A chat-channel export: <title> is the exporter's, the message's full timestamp (day-first, with its
    # offset) is only in a title attribute, and an earlier message of the channel has its own stamp.
    page = f"""<html><head><title>Exported Data</title></head><body>
    <div class="message"><div class="date details" title="08.06.2021 07:02:10 UTC+02:00">07:02</div>
    <div class="from_name">Quay Wire</div><div class="text">Morning all. Ships and ports today.</div></div>
    <div class="message"><div class="date details" title="08.06.2021 19:45:31 UTC+02:00">19:45</div>
    <div class="from_name">Quay Wire</div>
    <div class="text"><strong>Harbour pilots get a shared digital chart</strong><br><br>Source: Reuters<br><br>
    {STORY}<br><br>{MORE}</div></div></body></html>"""
    record = inspect(tmp_path, config, "export.html", page)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["republisher"] == "Quay Wire"
    assert record["republished"] == "2021-06-08T19:45:31+02:00"
    assert record["body"] == [STORY, MORE]


def test_app_view_original_link_and_header_byline_credited_in_the_tail(tmp_path: Path, config: Config) -> None:
    # A news app's web view: the byline sits in the header above the article element, the story ends with
    # "(Reporting by …)", and the only link to the original is worded "View original on …".
    url = "https://www.reuters.com/world/harbour-pilots-digital-chart-2021-05-04/"
    page = f"""<html><head><title>Harbour pilots get a shared digital chart</title></head><body>
    <div class="app"><h1>Harbour pilots get a shared digital chart</h1>
    <div class="meta"><span class="by">By Eva Lind and Jon Berg</span>
    <span class="when">May 4, 2021 3:10 PM</span></div>
    <article><p>OSLO, May 4 (Reuters) - {STORY}</p><p>{MORE}</p>
    <p>(Reporting by Eva Lind and Jon Berg in Oslo; Editing by Ian Ross)</p></article>
    <a class="orig" href="{url}">View original on Reuters</a>
    <div class="note">This story is shown here under licence from its publisher.</div></div></body></html>"""
    record = inspect(tmp_path, config, "app_view.html", page)
    assert record["source"] == {"name": "Reuters", "url": url}
    assert record["authors"] == ["Eva Lind", "Jon Berg"]
    assert record["republisher"] is None


def test_feed_post_dump_headline_above_byline_and_story_closed_by_post_stamp(tmp_path: Path, config: Config) -> None:
    # A social feed dump: the first line is the app's name, the headline is the line above "By …", and the
    # post's own stamp under the story closes it (replies with their own dates follow), giving `republished`.
    page = f"""Chirpline
chirp.example.net

Quay Wire
@quaywire@chirp.example.net

Posting the whole piece because the link asks everyone to log in first:

Harbour pilots get a shared digital chart
By Eva LIND
Reuters · May 4, 2021 3:10 PM UTC

{STORY}

{MORE}

Jun 2, 2021, 09:41 · 4 reshares

Ole Brun
@ole@chirp.example.net
@quaywire this is a great piece about the harbour and I wish more ports would copy it soon.
Jun 2, 2021, 10:02
"""
    record = inspect(tmp_path, config, "feed.txt", page)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["body"] == [STORY, MORE]
    assert record["republished"] == "2021-06-02T09:41:00+00:00"


def test_link_card_under_headline_and_byline_after_sort_row(tmp_path: Path, config: Config) -> None:
    # A link post: the headline is followed by its lower-case address (not a continuation of it), and the
    # story pasted in a comment starts at its byline, below the "Sort by" row that looks like an end.
    page = f"""Harbour pilots get a shared digital chart : r/ports

r/ports
author: quay_kim
posted: 2021-05-04 18:00:00 UTC

Harbour pilots get a shared digital chart
reuters.com/world/harbour-pil...

Sort by: best

quay_kim · OP · 12 points
Here is the text for anyone who cannot open the link:

By Eva Lind
May 4, 2021 3:10 PM UTC

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "link_post.txt", page)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["body"] == [STORY, MORE]
    assert record["republisher"] == "quay_kim"
    assert record["republished"] == "2021-05-04T18:00:00+00:00"


def test_forum_thread_bare_member_labels_and_date_above_the_credit(tmp_path: Path, config: Config) -> None:
    # A forum thread dump: member details as label/value line pairs ("Joined" / a date) are no dates of the
    # story; the thread's date above the story's credit row is the post date; the credit row names the outlet
    # by its domain and carries the story's own stamp.
    page = f"""Harbour pilots get a shared digital chart | Quayside Forum

Harbour pilots get a shared digital chart
Thread starter quay_kim  Start date May 5, 2021

quay_kim
Senior member
Joined
Feb 2, 2018
Messages
812

May 5, 2021

By EVA LIND in Oslo | reuters.com | Updated: 2021-05-04 15:10

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "forum.txt", page)
    assert record["republisher"] == "quay_kim"
    assert record["republished"] == "2021-05-05T00:00:00+00:00"
    assert record["published"] == "2021-05-04T15:10:00+00:00"
    assert record["source"]["name"] == "Reuters"


def test_journal_entry_writer_line_and_clip_or_curate_stamps(tmp_path: Path, config: Config) -> None:
    # "NAME wrote DATE" heads a journal entry; "Clipped by …", "Curated … by …" and "Sent:" are the same
    # act of reposting under other verbs.
    entry = f"""quay_kim: Harbour pilots get a shared digital chart

[profile] quay_kim wrote 2021-05-05 09:12 pm

Harbour pilots get a shared digital chart

OSLO, May 4 (Reuters) - {STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "entry.txt", entry)
    assert record["republisher"] == "quay_kim"
    assert record["republished"] == "2021-05-05T21:12:00+00:00"
    clip = f"""Harbour pilots get a shared digital chart

Clipped by Ola Nord · 6 May 2021 08:00 UTC

OSLO, May 4 (Reuters) - {STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "clip.txt", clip)
    assert record["republisher"] == "Ola Nord"
    assert record["republished"] == "2021-05-06T08:00:00+00:00"


def test_social_post_poster_from_handle_or_from_the_name_over_the_post_date(tmp_path: Path, config: Config) -> None:
    # Who posted: the display name above an "@handle" line, or the page name over the post's date line.
    handle = f"""Chirpline

Ola Nord
@ola@chirp.example.net

Harbour pilots get a shared digital chart
By Eva Lind
Reuters · May 4, 2021 3:10 PM UTC

{STORY}

{MORE}
"""
    assert inspect(tmp_path, config, "handle.txt", handle)["republisher"] == "Ola Nord"
    page = f"""Pagebook

Quayside Harbour News
June 2, 2021 at 9:41 AM · Public

Worth a read for anyone who works the channel in fog:

Harbour pilots get a shared digital chart
By Eva Lind
Reuters · May 4, 2021 3:10 PM UTC

{STORY}

{MORE}
"""
    record = inspect(tmp_path, config, "page_post.txt", page)
    assert record["republisher"] == "Quayside Harbour News"
    assert record["republished"] == "2021-06-02T09:41:00+00:00"
    assert record["body"] == [STORY, MORE]


def test_saved_email_subject_is_a_container_headline_above_the_byline(tmp_path: Path, config: Config) -> None:
    # An email saved as HTML: <title> is the letter's subject, not the story's headline; the headline is
    # the line above "By …". The sender and "Sent:" give the republisher and the republication time.
    url = "https://www.reuters.com/world/harbour-pilots-digital-chart-2021-05-04/"
    page = f"""<html><head><title>Quay Letter - week 18</title></head><body><div class="Section1">
    <p class="MsoNormal">From: Ola Nord &lt;ola@quayletter.example.org&gt;</p>
    <p class="MsoNormal">Sent: Thursday, May 6, 2021 6:30 PM</p>
    <p class="MsoNormal">Subject: Quay Letter - week 18</p>
    <p class="MsoNormal">Hello all, only one story this week, and a good one for the fog season.</p>
    <p class="MsoNormal"><b>Harbour pilots get a shared digital chart</b></p>
    <p class="MsoNormal">By Eva LIND</p><p class="MsoNormal">Reuters · May 4, 2021 3:10 PM UTC</p>
    <p class="MsoNormal">OSLO, May 4 (Reuters) - {STORY}</p><p class="MsoNormal">{MORE}</p>
    <p class="MsoNormal"><a href="{url}">Read on reuters.com</a></p></div></body></html>"""
    record = inspect(tmp_path, config, "letter.html", page)
    assert record["title"] == "Harbour pilots get a shared digital chart"
    assert record["republisher"] == "Ola Nord"
    assert record["republished"] == "2021-05-06T18:30:00+00:00"
    assert record["body"] == [f"OSLO, May 4 - {STORY}", MORE]


def test_property_labels_with_values_on_the_next_line(tmp_path: Path, config: Config) -> None:
    # A clipping page's property table: "Created by" / name and "Created" / time, "Original:" / URL.
    url = "https://www.reuters.com/world/harbour-pilots-digital-chart-2021-05-04/"
    page = f"""Harbour pilots get a shared digital chart

Harbour pilots get a shared digital chart
* Created by
Ola Nord
* Created
May 6, 2021 6:30 PM

OSLO, May 4 (Reuters) - {STORY}

{MORE}

Original:
{url}
"""
    record = inspect(tmp_path, config, "clip_page.txt", page)
    assert record["republisher"] == "Ola Nord"
    assert record["republished"] == "2021-05-06T18:30:00+00:00"
    assert record["source"] == {"name": "Reuters", "url": url}
