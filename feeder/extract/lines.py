"""Read a page given as ordered lines: the story's paragraphs, and candidates for every other role, for the resolver."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from feeder.extract import creditmodel, endings, resolver, rules, vocab
from feeder.extract import lazy_re as re
from feeder.extract.clocks import propose_clocks
from feeder.extract.credit_lines import (
    AUTHOR_BOX,
    RUN_ON_PAPER,
    STACKED_OUTLET,
    credits_outlet,
    original_from_footer,
    outlet_like,
    read_credit,
    spelled_codes,
    tagged_names,
)
from feeder.extract.datelines import PRINTED_CREDIT, credit_frame, strip_datelines
from feeder.extract.line_joins import label_at_end, labelled_lines, segments
from feeder.extract.posters import (
    POST_DATE_REACH,
    THREAD_START,
    account_name,
    header_date,
    lead_time,
    login_over_stamp,
    member_name,
    not_the_headline,
    poster_name,
    poster_rows,
    profile_name,
    propose_poster,
    recency_pair,
    stamp_over_headline,
    teaser_pairs,
    teaser_stamps,
    vet_posters,
)
from feeder.extract.proposals import Found
from feeder.extract.resolver import Candidate
from feeder.extract.shapes import Hints, IsOutlet, Line, is_date_line, is_prose, prose_words, slight
from feeder.extract.span import resolve_span, site_rights_notice
from feeder.extract.titles import headline_above_byline, quoting_outlet, split_title, titled
from feeder.fold import fold_text
from feeder.records import Clue, Page

# The walk, and the line records and readers its callers (the HTML and text extractors, normalization) use.
__all__ = ["PRINTED_CREDIT", "Hints", "IsOutlet", "Line", "headline_above_byline", "is_date_line", "is_prose",
           "read_lines", "split_title"]


def read_lines(lines: Sequence[Line], title: str, hints: Hints, is_outlet: IsOutlet) -> Page:
    """Walk the lines once, in order: the headline line marks where the story starts and the walk keeps the
    story's paragraphs; credits, bylines, stamps, post dates and posters are proposed as candidates, and
    the resolver (extract/resolver.py) chooses among them once the whole page is read."""
    found = Found(site=tuple(name for name in (hints.site, hints.page_title) if name))
    printed = lines
    lines = labelled_lines([piece for line in label_at_end(lines) for piece in segments(line)])
    zone = next((m.group(1) for x in lines  # "time" first: a cheap test that spares most lines the regex
                 if "time" in x.text.lower() and (m := rules.PAGE_ZONE.search(x.text))), None)
    hints = replace(hints, page_zone=hints.page_zone or zone)
    folded_title = fold_text(title)
    folds = [fold_text(x.text) if len(x.text) < 2 * len(title) + 40 else "" for x in lines]
    found.folds = folds
    started, ended = False, False
    title_ahead = folded_title in folds  # the headline is repeated further down: we are above it
    skipping = hints.skip_before_title and title_ahead
    member_value = False  # "Joined" alone on a line: the next line is its value, not a date of the story
    member_row: int | None = None  # the last line of a forum member's details
    skip_to = 0  # the lines of a box of links inside the story, up to here, are skipped
    for index, line in enumerate(lines):
        text, folded = line.text, folds[index]
        # The line's first character, lowered: the anchored patterns below are tried only on a line opening
        # like their matches (or on a non-ASCII one, which IGNORECASE may fold onto a letter).
        opening = text[:1].lower() if text[:1].isascii() else ""
        found.at = index
        if index < skip_to:
            continue
        if member_value:
            member_value = False
            continue
        if not found.body and opening in _THREAD_STARTER_OPENINGS and (
                starter := vocab.THREAD_STARTER.match(text)) is not None:
            found.propose("republisher", starter.group("name"), f"{line.origin}: thread starter",
                          resolver.THREAD_START)
            if starter.group("date") and is_date_line(starter.group("date")):
                found.propose("republished", starter.group("date"), f"{line.origin}{THREAD_START}",
                              resolver.THREAD_START)
            continue
        if not found.body and opening in _THREAD_START_OPENINGS and (start := vocab.THREAD_START_DATE.match(text)) and (
                is_date_line(start.group("date"))):
            found.propose("republished", start.group("date"), f"{line.origin}{THREAD_START}", resolver.THREAD_START)
            continue
        if not found.body and index and len(text) <= 40 and vocab.MEMBER_RANK.match(text) and (
                not found.count("republisher", resolver.PRINTED_REPUBLISHER)):
            poster_name(found, member_name(lines[index - 1:index]))  # a post's header: the member over their rank
            continue
        if opening in _MEMBER_META_OPENINGS and (member := rules.MEMBER_META.match(text)) is not None:
            member_value = member.end() == len(text) and not text.endswith(":")
            if not found.count("republisher", resolver.PRINTED_REPUBLISHER):  # the first post's member wins
                poster_name(found, member_name(lines[max(0, index - 3):index]))
            if found.body:
                ended = True  # a member's details under a post: a reply follows
            member_row = index
            continue
        if "ollow" in text and not found.has("republisher") and slight(found.body):
            if rules.FOLLOWER_COUNT.match(text):
                poster_name(found, profile_name(lines[max(0, index - 3):index]))
            elif rules.FOLLOW_BUTTON.match(text) and index:
                poster_name(found, account_name(lines[index - 1]))
        if text[:1] == "@" and index and not found.has("republisher") and not found.body and rules.HANDLE.match(
                text):
            poster_name(found, account_name(lines[index - 1], "display name above the @handle"))
        if folded == folded_title:
            quoting_outlet(line, found, is_outlet)
            if started and not slight(found.body) and not (
                    title_ahead and prose_words(lines[index + 1:]) > sum(len(p.split()) for p in found.body)):
                ended = True  # the headline again under a whole story: a link card or a teaser follows
                continue
            was_skipping = skipping
            # The headline stands above the story: prose above its first printing, when more prose follows
            # it, was the site's blurb or a teaser, not the story.
            restart = title_ahead and bool(found.body)
            started, skipping, title_ahead = True, False, False
            if slight(found.body) or restart:
                found.restart()  # prose above the headline was a tagline or a teaser, not the story
                ended = found.ended = False
            if was_skipping and index and is_date_line(above := lines[index - 1].text) and (
                    not _masthead_widget(lines, index - 1, hints.site)) and not rules.FURNITURE.match(above):
                # A stamp printed just above the headline belongs to the story's header, as one below it.
                stamp_over_headline(lines, index - 1, found, is_outlet, story=line.in_body or hints.outlet_page)
            continue
        if folded and titled(folded, folded_title):
            quoting_outlet(line, found, is_outlet)
            lead_time(line, found)
            continue  # "Thread: Headline", "08:25 am - Headline": a header, not the story's start
        if skipping:
            if line.in_body and not hints.outlet_page and folds[min(index + 1, len(lines) - 1)] != folded_title and (
                    is_date_line(text)) and not _masthead_widget(lines, index, hints.site):
                # Inside the post's own container, above its headline (not just above it: that stamp is the
                # story header's, read with the headline): the post header's date, and its poster.
                stamp_over_headline(lines, index, found, is_outlet)
            continue
        story = (started and line.in_body) or hints.outlet_page
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        credited, paragraphs = found.proposed.get("outlet", 0), len(found.body)
        kept = len(found.candidates)
        if read_credit(line, found, is_outlet, story, following):
            if ended and found.body and _credited(found.candidates[:kept]):
                # Under the story's end (teasers, "more news", replies) a credit row is another story's: the
                # story's own credit, printed above, stands.
                _drop_outlets(found, kept)
            if found.body:
                teaser_stamps(found, kept, lines, index, ended)
            # A bare date next stands beside the credit when it names an outlet (not a commenter's login).
            # (A paper run on after a byline's name is read as a listed agency's signature is: no stamp row.)
            last = next(c for c in reversed(found.candidates) if c.role == "outlet") if (
                found.proposed.get("outlet", 0) > credited) else None
            found.after_credit = last is not None and outlet_like(last.value, is_outlet) and (
                RUN_ON_PAPER not in last.why)
            if paragraphs and not found.body:
                ended = False  # a byline under a teaser: the story starts here, below any earlier break
            continue
        if found.after_credit and is_date_line(text):
            found.propose("stamp", text, f"{line.origin}: stamp beside the outlet's name", resolver.BESIDE_CREDIT)
            found.after_credit = False
            continue
        if found.after_credit and _stacked_name(text, found):
            continue  # the outlet's name under the byline that credited it ("By A" / "Outlet" / date): its stamp next
        found.after_credit = False
        if text[-1:] in _READ_ON_ENDS and _mentions_read_on(text[-READ_ON_CHARS:]) and (
                link := GLUED_READ_ON.search(text, max(0, len(text) - READ_ON_CHARS))):
            text = text[:link.start()]  # a link on glued after the paragraph's last sentence: the sentence stays
        if rules.FURNITURE.match(text):
            # A site's rights notice under the story closes it too (a bare "© Name" may be a photo's credit inside it)
            resumes = found.body and not ended and _INLINE_RELATED.match(text) and _story_resumes(lines, index)
            if resumes:  # a box of links inside the story: its headlines are skipped, the story goes on under it
                skip_to = resumes
            ended = ended or bool(found.body and (rules.STORY_END.match(text) or site_rights_notice(text)) and not (
                resumes))
            continue
        if found.body and text[:1] in _DASHES and "(@" in text and EMBED_SIGNATURE.match(text):
            # An embedded post's signature ("— Name (@handle) December 20, 2025"): the post's text above it is no
            # paragraph of the story, and the date is the post's, not the page's.
            if found.origins[-1] == lines[index - 1].origin:
                found.body.pop()
                found.origins.pop()
            continue
        if endings.closes_story(text):
            ended = ended or bool(found.body and line.in_body)  # a post footer, a syndication note: story over
            continue
        ended = ended or found.ended
        if is_date_line(text):
            if not started and not found.body and _masthead_widget(lines, index, hints.site):
                continue  # today's date in the site's masthead: the day of the capture, no stamp
            if not found.body and member_row is not None and index - member_row <= POST_DATE_REACH:
                # The post date is the date nearest the poster: just under the member's details.
                found.propose("republished", text, f"{line.origin}: post date under the poster", resolver.POST_HEADER)
                continue
            if any(c.role == "republished" and c.why.endswith(THREAD_START) and folded == fold_text(c.value)
                   for c in found.candidates):
                continue  # the post's date printed again over the post (a thread header, then the post)
            if found.body and not ended and credits_outlet(following, is_outlet):
                # A stamp just above the outlet's credit under the story is the outlet's (the original
                # stamp is the date nearest the credit).
                found.propose("stamp", text, f"{line.origin}: stamp above the outlet's credit", resolver.BESIDE_CREDIT)
            elif found.body and not slight(found.body) and not ended:
                # A date under a whole story is the post's own stamp or a comment's: the story is over.
                ended = True
                if not hints.outlet_page and not teaser_pairs(lines, index):
                    found.propose("republished", text, f"{line.origin}: post date under the post", resolver.POST_BELOW)
            elif title_ahead:
                # Above the headline: the post's own date, not the story's (the one nearest the post wins).
                header_date(line, found, False, above_headline=True)
                propose_poster(lines, index, found)
            elif found.body and slight(found.body) and not found.stamped(prose=False) and (
                    found.origins[-1] != lines[index - 1].origin):
                # Under a blog's tagline and its menus, above the story's byline and stamps: the post's date header
                # (a date right under a short line is that line's).
                header_date(line, found, False)
                propose_poster(lines, index, found)
            elif not found.body and not login_over_stamp(lines, index, found) and (
                    not recency_pair(lines, index, found)):
                header_date(line, found, story)
                if not story:
                    propose_poster(lines, index, found)
        elif is_prose(text) and line.in_body and not ended:
            found.keep(text, line.origin)
            started = True
    propose_clocks(lines, found, title)
    poster_rows(printed, lines, found, is_outlet, hints.outlet_page)
    vet_posters(lines, found, is_outlet, hints.site)
    creditmodel.propose_into(found, lines, title, hints.site, is_outlet)
    tagged_names(lines, found)
    return _page(found, title, hints, is_outlet, lines)


# The lower-case first characters of the matches of the anchored patterns the walk tries on every line ("" stands
# for a non-ASCII or empty first character, on which the pattern is always tried).
_THREAD_STARTER_OPENINGS = frozenset(("t", "s", "o", ""))  # thread starter, started by, original poster, op, topic
_THREAD_START_OPENINGS = frozenset(("s", "t", "d", ""))  # start date, started, thread started, date posted
# joined, join date, member since, messages, posts, points, location, reputation, rank, reaction score
_MEMBER_META_OPENINGS = frozenset(("j", "m", "p", "l", "r", ""))
# The patterns behind each set of openings (tests/test_extract_gates.py checks that every match opens so).
OPENING_GATES = ((vocab.THREAD_STARTER, _THREAD_STARTER_OPENINGS), (vocab.THREAD_START_DATE, _THREAD_START_OPENINGS),
                 (rules.MEMBER_META, _MEMBER_META_OPENINGS))


def _stacked_name(text: str, found: Found) -> bool:
    """The line is the name a byline's reading credited just above it, printed under the byline."""
    last = next((c for c in reversed(found.candidates) if c.role == "outlet"), None)
    return last is not None and STACKED_OUTLET in last.why and fold_text(text) == fold_text(last.value)


def _credited(candidates: Sequence[Candidate]) -> bool:
    return any(c.role == "outlet" and c.score >= resolver.CREDIT_ROW for c in candidates)


def _drop_outlets(found: Found, kept: int) -> None:
    dropped = sum(c.role == "outlet" for c in found.candidates[kept:])
    found.candidates[kept:] = [c for c in found.candidates[kept:] if c.role != "outlet"]
    found.proposed["outlet"] -= dropped


def _masthead_widget(lines: Sequence[Line], index: int, site: str | None = None) -> bool:
    """A date in the site's masthead: the next line is site chrome (login, menu, sections, a news ticker) or the
    site's own name (today's date printed over the masthead)."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if site and len(site) >= 4 and fold_text(following) == fold_text(site):
        return True
    return bool(vocab.CHROME_LINE.match(following) or vocab.BREADCRUMB.match(following)
                or vocab.TICKER.match(following)) and (
        not is_date_line(following))


# A link on to the rest of the story glued after a paragraph's last sentence ("… a source said. Read the rest of this
# entry »", "… on Monday. Continue reading →"): the link is the page's, the sentence the story's.
GLUED_READ_ON = re.compile(r"(?<=[.!?\"”’)])\s+(?:read (?:the )?(?:rest|more|full (?:story|article|text))"
                           r"(?: of (?:this|the) (?:entry|article|story|post))?|continue reading(?: [^.!?]{1,60})?|"
                           r"read on)\s*(?:»|›|→|>>|\.\.\.|…)?$", re.I)
# How a line ending with such a link ends, and how far from its end the link starts.
_READ_ON_ENDS = frozenset("»›→>.…eEgGnN")
READ_ON_CHARS = 90


def _mentions_read_on(tail: str) -> bool:
    """A cheap test that spares most lines GLUED_READ_ON: the words its links hold."""
    return "ead " in tail or "EAD " in tail or "ontinue" in tail or "ONTINUE" in tail


# A related-list head inside the story ("RELATED:", "See also"): a box of one or two links the story runs on under.
_INLINE_RELATED = re.compile(rf"^(?:{vocab.RELATED_LIST_HEADS}|{vocab.SIDE_LIST_HEADS})$", re.I)
# How many link lines such a box holds, and how many of the story's paragraphs must follow it (each ending a sentence,
# of at least RESUME_WORDS words) for the head to be a box inside the story rather than the list under it.
INLINE_LINKS = 2
RESUME_PARAGRAPHS = 2
RESUME_WORDS = 15


def _story_resumes(lines: Sequence[Line], index: int) -> int:
    """Under the related-list head at ``index``, at most INLINE_LINKS short lines (its links' headlines), then
    RESUME_PARAGRAPHS paragraphs of the story's prose in a row: the story goes on under an inline box, at the index
    returned (0: it does not)."""
    at = index + 1
    while at < len(lines) and at <= index + INLINE_LINKS and not _resumed_paragraph(lines[at]):
        at += 1
    following = lines[at:at + RESUME_PARAGRAPHS]
    resumes = len(following) == RESUME_PARAGRAPHS and all(_resumed_paragraph(line) for line in following)
    return at if resumes else 0


def _resumed_paragraph(line: Line) -> bool:
    text = line.text
    return line.in_body and text[-1:] in ".!?\"”’»" and len(text.split(maxsplit=RESUME_WORDS)) > RESUME_WORDS and (
        is_prose(text))


# An embedded social post's signature line: a dash, the account's name, its handle in brackets, the post's date.
EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@[\w.]{1,30}\)\s+\S.{3,40}$")
_DASHES = frozenset("—–-")


def _captions_over_credits(found: Found, lines: Sequence[Line]) -> None:
    """A paragraph of the run right over a photographer's credit line ("Tara Whitlock for NPR") is
    that photo's caption, not the story's: it leaves the run (a run of one paragraph stays as it is)."""
    if len(found.body) < 2:
        return
    kept = set(found.origins)
    captions = {line.origin for line, under in pairwise(lines) if line.origin in kept and len(
        under.text) <= PHOTOGRAPHER_CHARS and _credits_a_photo(under.text) and len(
        line.text.split(maxsplit=CAPTION_WORDS)) <= CAPTION_WORDS}
    if captions and len(captions) < len(found.body):
        found.body[:], found.origins[:] = zip(*[(text, origin) for text, origin in zip(found.body, found.origins,
                                                                                          strict=True)
                                                if origin not in captions], strict=True)


def _credits_a_photo(text: str) -> bool:
    return " for " in text and bool(vocab.PHOTOGRAPHER_LINE.match(text))


# A photographer's credit line is short; a caption has at most CAPTION_WORDS words.
PHOTOGRAPHER_CHARS = 70
CAPTION_WORDS = 60


def _page(found: Found, title: str, hints: Hints, is_outlet: IsOutlet, lines: Sequence[Line] = ()) -> Page:
    credit_frame(found, is_outlet)  # a translator's frame naming the outlet, which the span may cut as a lead-in
    _captions_over_credits(found, lines)
    span = resolve_span(found.body, found.origins, title)
    found.body = list(span.body)
    body = strip_datelines(found, is_outlet)
    spelled_codes(lines, found, is_outlet)  # (after the datelines' credits are read)
    if body:
        body[-1] = endings.without_outlet_tail(endings.without_end_marker(body[-1]), is_outlet)
    for names in hints.bylines:
        found.metadata("byline", names, resolver.META_BYLINE)
    if hints.outlet_page and not found.has("byline", "desk byline"):
        # On the outlet's own page no one reposted the story: a "By" line under it signs the story.
        for box in [c for c in found.candidates if c.role == "republisher" and c.why.endswith(AUTHOR_BOX)][:1]:
            found.candidates.append(box._replace(role="byline", score=resolver.PRINTED_BYLINE,
                                                 why=f"{box.why} on the outlet's own page"))
    for outlet in hints.outlets:
        found.metadata("outlet", outlet, resolver.META_OUTLET)
    found.metadata("source url", hints.source_url, resolver.META_URL)
    for stamp in hints.dates:
        found.metadata(stamp.role, stamp, resolver.META_STAMP)
    found.metadata("republished", hints.republished, resolver.META_POST)
    found.metadata("republisher", hints.republisher, resolver.META_REPUBLISHER)
    not_the_headline(found, hints.title.value if hints.title else title)
    chosen = resolver.resolve(found.candidates, outlet_page=hints.outlet_page,
                              site=(hints.site or "", hints.page_title or ""))
    via, source_url = original_from_footer(chosen, hints.via)
    if chosen.own_story and via is not None:
        # The outlet's own page (a credit names the site itself): its address is the story's, no repost's.
        via, source_url = None, source_url or via
    return Page(
        title=hints.title or Clue(title, "page title"),
        body=tuple(body),
        outlets=chosen.outlets,
        bylines=chosen.bylines,
        dates=chosen.dates,
        republisher=None if hints.outlet_page or chosen.own_story else chosen.republisher,
        republished=None if hints.outlet_page or chosen.own_story else chosen.republished,
        source_url=source_url,
        via=via,
        links=hints.links,
        site=hints.site,
        page_zone=hints.page_zone,
        body_origin=span.why,
    )
