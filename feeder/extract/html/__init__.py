"""Extract a Page from a saved HTML page: metadata from meta tags and JSON-LD, text from the main content.

The modules of this package, each one stage of reading the page, are called from here in order."""

from __future__ import annotations

from dataclasses import replace

from feeder.extract import rules
from feeder.extract.html.body import body_regions, page_lines
from feeder.extract.html.container import densest_block, story_container
from feeder.extract.html.credits import hints_of
from feeder.extract.html.forum import first_post
from feeder.extract.html.furniture import drop_furniture, drop_hidden, story_regions
from feeder.extract.html.headings import (
    find_headline,
    heading_inside,
    lead_bold,
    not_a_headline,
    only_a_date,
    opening_headline,
    unglued_feed_stamp,
)
from feeder.extract.html.marks import read_marks
from feeder.extract.html.meta import json_ld, meta_tags, outlet_page_of
from feeder.extract.html.tree import elements, parse
from feeder.extract.lines import IsOutlet, headline_above_byline, read_lines
from feeder.records import Page

__all__ = ["extract_html"]


def extract_html(text: str, is_outlet: IsOutlet, outlet_url: IsOutlet) -> Page | None:
    """The Page in a saved HTML document, or None when it has no title at all."""
    soup, head = parse(text)
    meta = meta_tags(head)
    ld = json_ld(head)
    zone = rules.PAGE_ZONE.search(head.text)
    drop_hidden(soup)
    tags = elements(soup)
    post = first_post(tags)
    if post is not None:
        tags = elements(soup)  # replies were removed: walk the tree again
    story = story_regions(tags)
    marks = read_marks(tags, story.kept, is_outlet)
    tags = drop_furniture(soup, post, tags, story)
    container = (densest_block(elements(post)) or post) if post is not None else story_container(tags)
    title = find_headline(tags, meta, ld, is_outlet, container, head.text)
    if not title:
        return None
    # A thread's title names the thread; a story pasted in its first post opens with its own headline.
    lead = lead_bold(container) if container is not None and (post or not_a_headline(title)) else None
    outlet_page = outlet_page_of(meta, ld, is_outlet, outlet_url)
    inside, own, closing = body_regions(container, marks, outlet_page, is_outlet)
    lines = list(page_lines(soup.body or soup, inside))
    title, lines, feed_stamp = unglued_feed_stamp(title, lines)
    if lead is None and post is not None:
        lead = opening_headline(lines)
    if lead is None and container is not None and only_a_date(title):
        lead = heading_inside(container)  # a daily post titled by its date: the story has its own heading
    if lead is None and (above := headline_above_byline(lines, title)) is not None and above != title:
        lead = above  # <title> named the container (an email's subject, a document's name), not the story
    hints = hints_of(soup, tags, meta, ld, lead or title, is_outlet, outlet_url, own, closing, outlet_page)
    # A headline inside the content (a quoted story) has the post's own header above it: read that too.
    hints = replace(hints, page_zone=zone.group(1) if zone else None, skip_before_title=lead is None,
                    dates=hints.dates + ((feed_stamp,) if feed_stamp else ()))
    return read_lines(lines, lead or title, hints, is_outlet)
