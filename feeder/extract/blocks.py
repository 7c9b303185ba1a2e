"""Cut a text dump into blocks: unwrap hard-wrapped captures, then describe each line by its features."""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from feeder.extract import lazy_re as re
from feeder.extract import rules, vocab

# A capture is hard-wrapped when its long lines stop near one width: how many lines must do so.
MIN_WRAPPED_LINES = 6
# Lines within this share of the wrap width count as "stopped by the wrap".
WRAP_FILL = 0.6
# Widths a capture is wrapped at: a phone's narrow column up to a mail client's.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 28, 100
# Slack for a wrapper that breaks a little early (hyphens, double spaces).
WRAP_SLACK = 2
# A wrapped capture has few lines running past its width (an address, a table row): a page whose
# paragraphs run on past the "width" read from its short lines (menus, headlines) is not wrapped.
MAX_OVERFLOW_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Features:
    """What one line of a dump looks like, in numbers a detector can weigh."""

    index: int
    words: int
    chars: int
    end_punct: bool  # ends a sentence or a label (. ! ? : ;)
    caps_share: float  # share of letters in upper case
    cjk: bool
    link: bool  # an address or a domain
    chrome: bool  # platform chrome: navigation, account, share, ad words


@lru_cache(maxsize=2)
def squeezed(text: str) -> tuple[str, ...]:
    """Each line of a dump with its runs of spaces collapsed, blank lines empty. Cached: extraction and
    the non-article checks after it read the same dump's lines."""
    return tuple(squeeze(line) for line in text.split("\n"))


def squeeze(line: str) -> str:
    """The line with its runs of spaces collapsed and its ends trimmed, as " ".join(line.split()) gives it.

    Every whitespace character but the space is unprintable, so a printable line without a double space
    only needs its ends trimmed: two scans in C instead of a list of its words.
    """
    return line.strip(" ") if line.isprintable() and "  " not in line else " ".join(line.split())


def words_up_to(paragraphs: Iterable[str], cap: int) -> int:
    """How many words the paragraphs hold, counted up to ``cap`` (a long story is not split to the end)."""
    words = 0
    for paragraph in paragraphs:
        words += len(paragraph.split())
        if words >= cap:
            return cap
    return words


def wrap_width(lines: Sequence[str]) -> int | None:
    """The column a hard-wrapped capture stops at, or None when its lines are not wrapped.

    Wrapped prose: most lines of at least half the widest line stop within a few columns of one
    width (32-40 on a phone, 72-80 in mail), and the next line carries on the same paragraph.
    """
    lengths = [len(x.rstrip()) for x in lines if x.strip()]
    if len(lengths) < MIN_WRAPPED_LINES * 2:
        return None
    # The width is read from lines carried on by the next one (a long address or header line alone is not)
    carried_on = sorted([n for line, following in itertools.pairwise(lines)
                         if following.strip() and 0 < (n := len(line.rstrip())) <= MAX_WRAP_WIDTH])
    if len(carried_on) < MIN_WRAPPED_LINES:
        return None
    width = carried_on[int(len(carried_on) * 0.9) - 1]
    if width < MIN_WRAP_WIDTH:
        return None
    carried = 0
    for line, following in itertools.pairwise(lines):
        n = len(line.rstrip())
        if n >= width * WRAP_FILL and following.strip() and n + 1 + len(following.split()[0]) > width - WRAP_SLACK:
            carried += 1
    long_lines = sum(width * WRAP_FILL <= n <= width for n in lengths)
    overflow = sum(n > width + WRAP_SLACK for n in lengths)
    if overflow >= long_lines * MAX_OVERFLOW_SHARE or _whole_paragraphs(lines, width) >= MIN_WHOLE_PARAGRAPHS:
        return None
    return width if carried >= MIN_WRAPPED_LINES and carried * 2 >= long_lines else None


# Paragraphs printed whole on one line, twice the width or more, that say the capture is not wrapped at that width
# (its short lines are comments, menus and stamps that happen to stop near one column).
MIN_WHOLE_PARAGRAPHS = 2


def _whole_paragraphs(lines: Sequence[str], width: int) -> int:
    return sum(len(x) > 2 * width and x.rstrip().endswith((".", "!", "?", '"', "”")) and x.count(" ") >= 10
               for x in lines)


def unwrap(lines: Sequence[str], width: int) -> list[tuple[str, int]]:
    """Join the lines of each wrapped paragraph: (text, first line number) pairs.

    A line was broken by the wrapper when the next line's first word would not have fitted on it;
    labels, bylines and dates on the next line start a block of their own.
    """
    joined: list[tuple[str, int]] = []
    previous = ""
    for number, raw in enumerate(lines, 1):
        text = squeeze(raw)
        if joined and text and previous and _broken(previous, text, width):
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        else:
            joined.append((text, number))
        previous = text
    return joined


def _broken(line: str, following: str, width: int) -> bool:
    if len(line) + 1 + len(following.split()[0]) <= width - WRAP_SLACK:
        return False
    if mid_sentence(line) and not vocab.LABEL_PREFIX.match(following):
        return True  # "… the official on" / "September 22 while …": a date opening the next line goes on the sentence
    if vocab.STARTS_BLOCK.match(following) or line.endswith(":"):
        return False
    return not vocab.STARTS_BLOCK.match(line) or _opens_prose(line, width)


# Words a sentence does not end on (nor a headline): a line ending on one was cut mid-sentence.
FUNCTION_WORDS = frozenset(("a", "an", "the", "to", "of", "in", "on", "at", "for", "from", "by", "with", "and",
                            "or", "but", "that", "which", "who", "as", "is", "are", "was", "were", "be", "been",
                            "has", "have", "had", "will", "would", "its", "their", "his", "her", "our", "than",
                            "into", "about"))
# Words after a block's opener ("(Agency) --", "Q:") from which a wrapped line carries prose on.
PROSE_AFTER_OPENER = 4


def mid_sentence(line: str) -> bool:
    """The line stops where no sentence stops: on a comma or a word like "the", "of", "been"."""
    words = line.split()
    return bool(words) and (line.endswith(",") or words[-1].casefold() in FUNCTION_WORDS)


def _opens_prose(line: str, width: int) -> bool:
    """A wrapped paragraph that opens like a block ("(Bloomberg) -- Japan's …", "GT: What would you …"): the
    opener is a dateline's token or a speaker's label, not a field label, and prose fills the line after it."""
    if len(line) < width * WRAP_FILL or "|" in line or vocab.LEADING_LABEL.match(line):
        return False
    opener = _OPENER.match(line)
    return opener is not None and len(line[opener.end():].split()) >= PROSE_AFTER_OPENER


_OPENER = re.compile(r"^(?:\(\s*[A-Z][^()]{0,40}\)\s*(?:--|—|–|-)?|[A-Z][\w'’ ]{0,24}\s*:)\s")


# The measures of a line, in one place for every reader of them (the line walk, headlines, the line model).
CJK = rules.Lazy(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # searched in non-ASCII text only
LINK = re.compile(r"https?://|www\.|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)
END_PUNCT = (".", "!", ":", ";", ",", "。", "！", "：")  # a line ending on one ends a sentence or a label
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()


def caps_share(text: str) -> float:
    """Share of the letters in upper case (an ASCII line counted by bytes.translate, in C)."""
    if text.isascii():
        data = text.encode()
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        return (len(data) - len(data.translate(None, _ASCII_UPPER))) / letters if letters else 0.0
    letters_only = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters_only) / len(letters_only) if letters_only else 0.0


def describe(index: int, text: str) -> Features:
    """The features of one line."""
    return Features(
        index=index, words=len(text.split()), chars=len(text),
        end_punct=text.rstrip().endswith(END_PUNCT), caps_share=caps_share(text),
        cjk=not text.isascii() and bool(CJK.search(text)), link=bool(LINK.search(text)),
        chrome=bool(vocab.CHROME_LINE.match(text)),
    )
