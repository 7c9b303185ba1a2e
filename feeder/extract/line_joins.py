"""Re-cut lines before reading them: a label with its value on the next line, a run-together meta row as fields."""

from __future__ import annotations

from collections.abc import Sequence

from feeder.extract import lazy_re as re
from feeder.extract import posters, rules, vocab  # posters as a module: posters -> clocks -> here at import
from feeder.extract.dates import DateHit, find_dates
from feeder.extract.shapes import Line, is_date_line, is_prose

_TRAILING_LABEL = re.compile(rf"\s(?:{vocab.FIELD_LABELS})\s*[:：]$", re.I)


def label_at_end(lines: Sequence[Line]) -> list[Line]:
    """A wrapped credit row ("By A and B Source:" / "Global Times Published: …"): a short line that
    ends with a field's label continues with that field's value on the next line."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last is not None and len(last.text) <= 120 and len(line.text) <= 120 and (
                (last.text.endswith((":", "：")) and _TRAILING_LABEL.search(last.text))
                or _time_of(last.text, line.text)):
            joined[-1] = Line(f"{last.text} {line.text}", last.origin, last.in_body)
        else:
            joined.append(line)
    return joined


def _time_of(date_text: str, text: str) -> bool:
    """A time alone on the line under a stamp that printed only its day ("Published: 2019/10/26" / "0:28:40")."""
    # (A time opens on a digit: the cheap test spares most lines the pattern.)
    return text[:1].isdigit() and bool(rules.TIME_ONLY.match(text)) and not re.search(r"\d[:.]\d\d", date_text) and (
        rules.STAMP_LABEL.search(date_text) is not None or _TRAILING_STAMP.search(date_text) is not None)


_TRAILING_STAMP = re.compile(r"(?:published|updated|posted)\s*(?:on|at)?\s*[:：]?\s*\S.{4,30}$", re.I)


def labelled_lines(lines: list[Line]) -> list[Line]:
    """A property label alone on its line ("Original:", "Created by") read with the value on the next line."""
    joined: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if following and len(text) <= 30 and len(following) <= 200 and (
                (text.endswith((":", "：")) and len(text.split()) <= 3) or (
                    _may_end_label(text) and rules.LABEL_ONLY.match(text))) and (
                not rules.FURNITURE.match(text)):  # "Quote:", "Tags:" head a block, not one value
            label = _LEADING_ICON.sub("", text)
            joined.append(Line(f"{label} {following}", line.origin, line.in_body))
            skip = True
        else:
            joined.append(line)
    return joined


_LEADING_ICON = re.compile(r"^[^\w(\[]+")
# The last letters of the words rules.LABEL_ONLY ends on: a repost verb (posted, sent, …) or "by".
_LABEL_ENDINGS = frozenset(("y", *(verb[-1:] for verb in
                                   rules.REPOST_VERB.removeprefix("(?:").removesuffix(")").split("|"))))


def _may_end_label(text: str) -> bool:
    """Whether the line may be a property label alone (rules.LABEL_ONLY): after its colon and spaces it ends on
    one of the labels' last letters, or on a non-ASCII one (IGNORECASE folds some onto ASCII letters)."""
    last = text.rstrip().removesuffix(":").rstrip()[-1:]
    return not last.isascii() or not last or last.lower() in _LABEL_ENDINGS


# The lower-case first letters of a leading label: "By" and the field labels (a flat list of words).
LABEL_OPENINGS = frozenset(("b", *(label[:1].lower() for label in vocab.FIELD_LABELS.split("|"))))


def _may_open_label(text: str) -> bool:
    """Whether the line may open with a byline or a field label (vocab.LEADING_LABEL): its first letter is one
    of theirs, or not ASCII (IGNORECASE folds some non-ASCII letters onto ASCII ones)."""
    first = text[:1]
    return not first.isascii() or first.lower() in LABEL_OPENINGS or not first


_EMPTY_FIELD = re.compile(rf"^(?:{vocab.FIELD_LABELS})\s*[:：]\s*$", re.I)


def segments(line: Line) -> list[Line]:
    """A short meta row "Xinhua, 5 Mar 2021 21:40 · Shared on 6 Mar 2021 by x" read as its parts."""
    if len(line.text) > _GLUED_STAMP_MIN and rules.STAMP_LABEL.match(line.text) and (glued := _glued_stamp(line)):
        return glued
    if len(line.text) < 200 and _may_open_label(line.text) and vocab.LEADING_LABEL.match(line.text) and (
            "|" not in line.text) and (
            len(fields := vocab.NEXT_LABEL.split(line.text)) > 1):
        # Several labels run together on one credit row: read it as the fields of a "|" row (a label with no
        # value, "Author:" over an empty name, is left out).
        kept = [f for f in fields if not _EMPTY_FIELD.match(f)] or fields
        return [Line(" | ".join(kept), line.origin, line.in_body)]
    if "·" not in line.text and "•" not in line.text:
        return [line]
    parts = [p.strip() for p in re.split(r"\s[·•]\s", line.text)]
    if len(parts) < 2 or len(line.text) > 200 or not any(is_date_line(p) for p in parts):
        return [line]
    return [Line(p, f"{line.origin} part {n}", line.in_body) for n, p in enumerate(parts, 1) if p]


# A labelled stamp glued before the story's first sentence by a capture that lost the line break ("Published time:
# 16 Nov, 2017 18:51 A German court has ruled …"): the stamp and the paragraph are read as two lines.
_GLUED_STAMP_MIN = 80
_SENTENCE_AFTER = re.compile(r"^\s+(?=[A-Z\"“‘(])(?=(?:\S+\s+){7})")


def _glued_stamp(line: Line) -> list[Line] | None:
    hit = next((h for h in find_dates(line.text) if h.year is not None and h.trap is None), None)
    if hit is None or hit.label is None or hit.start > 40:
        return None
    rest = line.text[hit.end:]
    if not _SENTENCE_AFTER.match(rest) or not rules.SENTENCE_END.search(rest.rstrip()):
        return None
    return [Line(line.text[:hit.end], f"{line.origin} part 1", line.in_body),
            Line(rest.strip(), f"{line.origin} part 2", line.in_body)]


# A stamp glued after a headline's words by a capture that lost the line break: "Headline 15:53 (20:53 GMT)" (a
# clock time, its zone's time in brackets), "Headline - 10/03/2016 MAP" (a dash or bar, a full date, an outlet's
# code). The headline has at least this many words before it.
GLUED_HEAD_WORDS = 5
_GLUED_TIME = re.compile(r"(?<=[^\W\d])\s+(?P<stamp>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
                         r"(?:\s*\(\d{1,2}[:.]\d{2}\s*(?:GMT|UTC)\))?)$", re.I)
# A preposition before the time makes it the headline's own ("… closes at 17:30", "… hasta las 23:30"): "at",
# "until" and "from" in English, French, Spanish, German, Portuguese, Italian and Indonesian (extract/clocks.py too).
TIME_OWNED = re.compile(r"(?i:\b(?:at|by|until|till|from|to|before|after|à|a las|um|às|alle|pukul|"
                        r"(?:hasta|desde) las|jusqu['’]à|dès|bis|ab|até|desde|fino alle|dalle|sampai|hingga|sejak)"
                        r"\s*$)")
_GLUED_DATE_SEPARATOR = re.compile(r"\s[-–—|]\s*$")
_CODE_AFTER = re.compile(r"^(?:\s+[A-Z]{2,6})?\s*$")


def glued_stamps(lines: Sequence[Line]) -> list[Line]:
    """Above the story's first paragraph, a headline-shaped line ending in a glued stamp is read as two lines: the
    headline, then its stamp row (one line is one thing: a headline never ends on the site's clock)."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        cut = _glued_stamp_at(line.text)
        if cut is None and is_prose(line.text):
            return out + list(lines[index:])  # the story has started: nothing below it is cut
        if cut is None:
            out.append(line)
        else:
            out += [Line(line.text[:cut].rstrip(" -–—|"), line.origin, line.in_body),
                    Line(line.text[cut:].strip(), f"{line.origin} part 2", line.in_body)]
    return out


def _glued_stamp_at(text: str) -> int | None:
    """Where a stamp glued after a headline's words starts, or None."""
    if not 20 <= len(text) <= 240 or not (text[-1:].isalnum() or text[-1:] == ")") or text[:1].isdigit():
        return None
    if not any(map(str.isdigit, text[-30:])):
        by = _GLUED_BY.search(text) if " by " in text[-40:].lower() else None
        return _glued_poster_at(text, by, ()) if by is not None else None
    if (m := _GLUED_TIME.search(text)) is not None:
        head = text[:m.start()]
        return m.start("stamp") if not TIME_OWNED.search(head) and _headline_words(head) else None
    hits = [h for h in find_dates(text) if h.year is not None and h.trap is None]
    if (by := _GLUED_BY.search(text)) is not None:
        return _glued_poster_at(text, by, hits)
    if not hits or not _CODE_AFTER.match(text[hits[-1].end:]):
        return None
    head = text[:hits[-1].start]
    sep = _GLUED_DATE_SEPARATOR.search(head)
    if sep is not None:
        return hits[-1].start if _headline_words(head[:sep.start()]) else None
    return _glued_date_at(text, hits[-1].start) if hits[-1].end == len(text.rstrip()) else None


# A theme's meta row glued after a headline's words: "Headline by admin", "Headline June 9, 2024 by ridgewatcher",
# "Headline Posted on 9 June 2024 by admin", "Headline June 9, 2024". "by" and a name end a headline's words too
# ("… fires started by lightning"): the row is read off only after the post's date, or for a site's own account.
_GLUED_BY = re.compile(r"\s(?i:by)\s+(?P<name>\S+(?:\s+\S+)?)$")
# The accounts a blog or CMS theme posts under when no person signs: "by admin", "by webmaster".
SITE_ACCOUNTS = re.compile(r"(?i:admin|administrator|site\s?admin|webmaster|editor|moderator|news\s?desk)")
# A theme's verb before the post's date ("Posted on 9 June 2024"), part of the glued row.
_POSTED_ON = re.compile(r"\s(?i:(?:posted|published|submitted|written|updated)(?:\s+on)?)\s*$")
# A word before a date that makes it the headline's own ("… planting day for October 12, 2024", "… set on …").
DATE_OWNED = re.compile(r"(?i:\b(?:on|for|by|until|till|from|since|before|after|of|to|at|in|and|or|between|"
                        r"due|dated|through|date|today)\s*,?\s*$)")  # (a masthead's "… Today" over the day's date)


def _glued_poster_at(text: str, by: re.Match[str], hits: Sequence[DateHit]) -> int | None:
    """Where a poster's row glued after a headline starts: at the post's date right before "by" and a poster's
    name, or at "by" before a site's account."""
    name = by.group("name")
    dated = [h for h in hits if not text[h.end:by.start()].strip()]
    if dated and posters.poster_shaped(name):
        return _glued_date_at(text, dated[-1].start)
    if SITE_ACCOUNTS.fullmatch(name) and _headline_words(text[:by.start()]) and _headline_head(text[:by.start()]):
        return by.start() + 1
    return None


def _glued_date_at(text: str, start: int) -> int | None:
    """Where a post's date glued after a headline's words starts (with a theme's "Posted on" before it), unless
    a word of the headline owns the date."""
    head = text[:start]
    if (posted := _POSTED_ON.search(head)) is not None:
        start, head = posted.start() + 1, head[:posted.start()]
    return start if _headline_words(head) and not DATE_OWNED.search(head) and _headline_head(head) else None


# What a headline's words before a glued row never hold: a separator of a meta row or a breadcrumb.
_ROW_SEPARATORS = re.compile(r"[/|»«·•]")


def _headline_head(head: str) -> bool:
    """The words before a glued row are a headline's: not a meta row of their own (a byline, a field's label, a
    poster's verb, a thread's header: "By A (Outlet)", "Posted on May 14, 2024", "Thread starter X Start date"), no
    separator between fields, no date of their own."""
    if _ROW_SEPARATORS.search(head) or posters.opens_a_row(head) or vocab.LEADING_LABEL.match(head):
        return False
    return not any(hit.year is not None for hit in find_dates(head)) if any(map(str.isdigit, head)) else True


def _headline_words(head: str) -> bool:
    """Enough words before the stamp for a headline, and none of them closing a sentence."""
    return len(head.split()) >= GLUED_HEAD_WORDS and not head.rstrip().endswith((".", ":", ";", ","))
