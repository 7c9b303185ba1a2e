"""Boilerplate, credit and dateline rules as data: compiled patterns that the extractors apply."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from feeder.extract import lazy_re as re
from feeder.extract import vocab

# Characters that IGNORECASE matches to an ASCII letter but str.lower() does not lower to it
# (dotted and dotless I, long s): a text holding one is always handed to the pattern.
_CASE_TWINS = ("\u0130", "\u0131", "\u017f")


class Gated:
    """A compiled pattern behind a cheap test that proves when it cannot match.

    Every match of ``pattern`` contains one of ``needles`` (lower case, compared with the lowered
    text when they have letters) or a match of ``probe``, so a text without them is answered
    without running the pattern: most lines of a page are paragraphs on which the pattern would
    scan and fail. The answers are the pattern's own.
    """

    __slots__ = ("_cased", "_plain", "pattern", "probe")

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...] = (),
                 probe: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.probe = probe  # instead of needles: a pattern that finds a part of every match quickly
        self._plain = tuple(n for n in needles if n.lower() == n.upper())  # no letters: compared as printed
        self._cased = tuple(n for n in needles if n.lower() != n.upper())

    def could_match(self, text: str) -> bool:
        # map() over str.__contains__ keeps the loops in C: this runs on every line of every page.
        if self.probe is not None:
            return self.probe.search(text) is not None
        if any(map(text.__contains__, self._plain)):
            return True
        if not self._cased:
            return False
        if not text.isascii() and any(map(text.__contains__, _CASE_TWINS)):
            return True
        return any(map(text.lower().__contains__, self._cased))

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.could_match(text) else None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.could_match(text) else None


class Lines:
    """A whole-line pattern made of a common part and gated parts: it matches when one part does.

    The gated parts are alternatives that scan the whole line (".* »"); on a long line (a paragraph) they
    run only when it holds their needle. The answer is the whole alternation's (callers test truth); the
    alternation itself is never compiled (its parts are, and compiling the tables twice cost every run).
    """

    __slots__ = ("_short", "common", "gated", "parts")

    # A line shorter than this is page furniture often: its answer is kept.
    LONG = 100

    def __init__(self, common: str, gated: tuple[tuple[str, tuple[str, ...]], ...], flags: re.RegexFlag) -> None:
        self.parts = (common, *(part for part, _ in gated))  # the alternation's alternatives, in its order
        self.common = re.compile(f"^(?:{common})$", flags)
        self.gated = tuple(Gated(re.compile(f"^(?:{part})$", flags), needles) for part, needles in gated)
        # A site's short lines (its furniture) repeat on every page: their answers are kept.
        self._short = lru_cache(maxsize=8192)(self._parts_match)

    def match(self, text: str) -> re.Match[str] | None:
        return self._short(text) if len(text) < self.LONG else self._parts_match(text)

    def _parts_match(self, text: str) -> re.Match[str] | None:
        found = self.common.match(text)
        if found is None:
            for part in self.gated:
                if part.could_match(text) and (found := part.pattern.match(text)) is not None:
                    break
        return found


# Whole lines that are page furniture (ads, widgets, share and comment blocks, navigation): the vocabulary's
# named tables, one per class of page text. A new alternative goes into the table of its class.
FURNITURE_TABLES = (
    vocab.AD_SLOT_PLACEHOLDER, vocab.SITE_LINKS, vocab.SIDEBAR_WIDGET_TITLES, vocab.SHARE_BUTTONS,
    vocab.SUBSCRIBE_PROMPTS, vocab.RELATED_LIST_HEADS, vocab.SIDE_LIST_HEADS, vocab.READ_ON_LINKS,
    vocab.TAXONOMY_LABELS, vocab.COMMENT_BLOCK_HEADS, vocab.FORUM_POST_CONTROLS, vocab.LIKE_WIDGET, vocab.BLOG_PAGER,
    vocab.PAGINATION, vocab.SITE_FOOTER, vocab.ENGAGEMENT_COUNT, vocab.SEPARATOR_RULE, vocab.MEDIA_LABELS,
)
# The furniture tables as one whole-line pattern, with two shapes that scan the whole line gated behind their needles.
FURNITURE = Lines("|".join(FURNITURE_TABLES), (
    # a link on to the next post or page ("Older entries »", "Leave a comment »"); a French paragraph that closes
    # a quotation ends its sentence first (". »")
    (r".*[^.!?…] »", (" »",)),
    (r"(?:[^|]{1,40}\|){2,}[^|.!?]{1,40}", ("|",)),  # a row of menu items
), re.I)

# Lines after which the story is over (comment blocks, related lists, blog footers), of the same named tables.
STORY_END_TABLES = (
    vocab.COMMENT_BLOCK_HEADS, vocab.RELATED_LIST_HEADS, vocab.BLOG_PAGER, vocab.SHARE_HEAD, vocab.READ_MORE,
    vocab.AUTHOR_CARD, vocab.SEPARATOR_RULE, vocab.SIGNATURE_DASHES, vocab.ENGAGEMENT_COUNT_UNDER_POST,
)
# The story-end tables as one whole-line pattern.
STORY_END = re.compile(f"^(?:{'|'.join(STORY_END_TABLES)})$", re.I)

# The characters of a line's head read for a badge of where a site was seen (vocab.SEEN_ELSEWHERE).
PROMOTION_HEAD = 48
# A line that points elsewhere (vocab.POINTS_ELSEWHERE, vocab.SEEN_ELSEWHERE): the outlet on it is where to go,
# advertise, follow, watch, listen or subscribe, or a badge of where the site was seen, never a credit. The credit
# rules (credit_lines) and the credit model (creditmodel) read this one table.
PROMOTION_LINE = re.compile(
    rf"^\W{{0,3}}(?:{vocab.POINTS_ELSEWHERE})\b|^.{{0,{PROMOTION_HEAD - 8}}}?{vocab.SEEN_ELSEWHERE}", re.I | re.S)


@lru_cache(maxsize=8192)
def promotion_line(text: str) -> bool:
    """Whether PROMOTION_LINE matches the line; kept per text, as the credit rules and the credit model both ask
    about the same lines and a site's furniture repeats on every page."""
    return PROMOTION_LINE.match(text) is not None


# Credit and stamp lines that are about the story rather than part of it.
SOURCE_LINE = re.compile(
    r"^(?:(?:source|sources|publication|from|via|courtesy(?: of)?|credit|fonte|fuente|quelle|sumber|kaynak|bron|"
    r"источник|来源|消息来源|出处|出典|稿源)\s*[:：]|"
    r"(?:syndicated|republished|reprinted|adapted|reposted|reblogged|cross-?posted|shared)"
    r"\s+from|originally published (?:by|in)|"
    r"read (?:more|the (?:full|original|whole|rest of the) (?:story|article|report))\s+(?:at|on|in))"
    # The label ends where a word does: "Read more International News" names no outlet "ternational News".
    r"(?!(?<=\w)\w)\s*(.+)$", re.I)
# "Published on Example Weekly: 5 March 2021 09:10 GMT": the republisher's own stamp.
PUBLISHED_ON_SITE = re.compile(
    r"^(?:published|posted|added|shared|republished)\s+(?:on|to|at|in)\s+(?P<site>[^:]{2,60}?)\s*[:：]\s*(?P<date>.+)$",
    re.I)
# Editor credit lines: the editor who handled the copy ("Editor: Li Wen", "(Edited by …)", "责任编辑 …"), never
# the story's author.
EDITOR_LINE = re.compile(
    r"^[(\[]?(?:(?:chief |executive |responsible |web |copy |managing )?editors?|edited by|"
    r"editor in charge|责任编辑)(?!(?<=\w)\w)\s*[:：]?\s*\S.{0,80}$", re.I)
# Photo credits and captions: every shape names a photo, image, picture or video ("Pic" too), or has a slash
# ("(Name/Agency)").
PHOTO_LINE = Gated(re.compile(
    # a credit label opening the line: "Photo: Name", "File photo by Name", "Pic: Agency", "Images/Agency"
    r"^(?:(?:file |cover |top |main )?(?:photo|photos|photograph|image|picture|video|pic)s?"
    r"(?:\s+by|\s+credit)?\s*[:：/]|photo by\b).{0,200}$"
    # a caption saying what the photo shows: "Photo shows …", "A photo taken on …", "Picture of …"
    r"|^(?:photo|file photo|a photo|this photo|the photo|picture)\s+(?:shows|taken|of)\b.{0,300}$"
    # a caption closed by its bracketed credit: "… (AP Photo/Name)", "… [Photo: Agency]", "File photo (Pic: Site)"
    r"|^.{0,400}[\[(](?:[\w'’ ]{0,30}\s)?(?:photo|photos|image|file photo|video|pic)\s*(?:/|:|by)[^\])]{1,60}[\])]\s*$"
    # a caption closed by "(Name/Agency)"
    r"|^.{0,300}\((?:[\w'’ .]{2,40})/(?:[\w'’ .]{2,40})\)\s*$"
    # a caption closed by an unbracketed credit label: "… on Monday. Photo: Agency"
    r"|^.{10,300}[.!?]?\s(?:photos?|image|file photo|pictures?|pic)\s*[:/]\s*[\w'’ ./-]{1,40}\)?$"
    # a caption closed by "/ Name" or "/Name"
    r"|^.{10,300}\s/\s?[A-Z][\w'’ .]{1,30}$"
    # a caption closed by an agency's photo credit in capitals: "… Kim Jong Il. AFP Photo via Site.", "XINHUA PHOTO"
    r"|^(?:.{0,200}[.!?]\s+)?(?-i:[A-Z][A-Z&.-]{1,9}\s+(?:Photo|PHOTO|Pic|PIC)"
    r"(?:\s+(?:via|by)\s+[A-Z][\w&'’ .-]{1,40})?)\.?$", re.I), ("/", "photo", "image", "pic", "video"))
# "… Narendra Modi (Source: Agency/Agency)", "… on Monday. [Photo: Agency]": the credit that closes a photo's caption.
CAPTION_CREDIT = re.compile(
    r"[(\[]\s*(?:(?:photo|image|picture|video|pic)s?\s*(?:by|credit)?|source|credit|courtesy)\s*[:：]\s*[^()\[\]]{1,60}"
    r"[)\]]$|[(\[][^()\[\]/]{1,40}/[^()\[\]/]{1,40}[)\]]$", re.I)
# A photo's credit in brackets closing a line, in either order: "(AFP Photo)", "(Photo: Reuters)", "[Xinhua photo]".
PHOTO_CREDIT_CLOSE = re.compile(
    r"[(\[]\s*(?:(?:[A-Z][\w&.'’-]{1,15}\s+){1,2}(?i:photos?|pic|image|file photo)|(?i:photos?|pic|image|picture)"
    r"\s*(?:[:/]|(?i:by|credit)\b)[^()\[\]]{1,40})\s*[)\]]$")
# Wire reporting credits on a line of their own ("Reporting by A in B; Editing by C", "Compiled by …").
REPORTING_LINE = re.compile(
    r"^\(?(?:(?:additional )?reporting by|writing by|compiled by)\s+([^;)]+)(?:[;)].*)?$", re.I)
# Byline labels before the names: "By …", "Written by …", "Posted by …", "Author: …".
BYLINE = re.compile(r"^(?:by\s*:?|written by|posted by|author\s*[:：])\s+(.{2,120})$", re.I)
# "By Xiong Yaqin (People's Daily) 09:13, March 11, 2021": names, outlet, stamp in one line.
BYLINE_OUTLET = re.compile(r"^by\s+(?P<names>[^()]{2,80}?)\s*\((?P<outlet>[^()]{2,40})\)\s*[,|·-]?\s*(?P<date>.*)$",
                           re.I)
# What a person does to put someone else's story on their page: post, share, clip, curate, save, pin.
REPOST_VERB = (r"(?:posted|sent|shared|submitted|reblogged|reposted|republished|added|curated|clipped|saved|"
               r"pinned|bookmarked|collected|created|scooped)")
# "Posted by X on March 5", "Shared by X · 2 days": the repost verb's person, then maybe the post's date.
POSTED_BY = re.compile(
    rf"^{REPOST_VERB} by\s*:?\s+(.+?)(?:\s*(?:·|•|\||,|\s-\s|\bon\b|\bat\b)\s*(.+))?$", re.I)
# "Posted on March 5 by X", "Saved: 2021-03-05": the repost verb's date, then maybe its person.
POSTED_ON = re.compile(rf"^{REPOST_VERB}\s*:?\s+(?!by\b)(?:on\s+)?(.+?)(?:\s+by\s+(.+))?$", re.I)
# "Created by", "🕒 Created", "Posted:": a property label whose value stands on the next line.
LABEL_ONLY = re.compile(rf"^[^\w(\[]{{0,3}}\s*{REPOST_VERB}(?:\s+by)?\s*:?$", re.I)
# "kim_l wrote 2021-03-09 10:47 pm", "[profile] kim wrote on March 9": a journal entry's writer and time.
WROTE_ON = re.compile(r"^(?:\[[^\]]{1,30}\]\s*)?(?P<name>[^\s\[\]]{2,40}) wrote(?: on| at)?\s*:?\s+(?P<date>.+)$", re.I)
# "Xinhua, 5 Mar 2021 21:40": an outlet and its stamp in one field.
OUTLET_STAMP = re.compile(r"^(?P<outlet>[^,|·]{2,40}),\s*(?P<date>.+)$")
# "riverfan » Wed Mar 03, 2021 4:12 pm": a name with a date after a separator.
NAME_THEN_DATE = re.compile(r"^(?P<name>.+?)(?:\s*(?:»|·|•|\||–|—)|\s-|,)\s*(?P<date>.+?)"
                            r"(?:\s+in\s+[A-Z][\w'’ &-]{1,40})?$")  # "in Forum": where a forum post was filed
# "All times are UTC+09:00": the zone the page states for its own times.
PAGE_ZONE = re.compile(
    r"\b(?:all )?times?\s+(?:are|shown|in|are in)\s+(?:in\s+)?((?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d{2})?)", re.I)
# "Original: https://…" in a text dump: the original article's address.
# A bilingual label ("原文 Original: …", "来源 Source: …") names the same thing twice.
ORIGINAL_URL = re.compile(
    r"^(?:(?:原文链接|原文地址|原文|来源|出处)\s*[:：]\s*|(?:(?:原文链接|原文|来源|出处)\s*)?"
    r"(?:original(?: story| article| link)?|source|via|read (?:more|the original)(?: at)?|originally published at)"
    r"\s*[:：]?\s*)(https?://\S+)$", re.I)
# Text around a link that makes it a credit to the original, not a mention in the story.
CREDIT_LINK = re.compile(
    r"(?:read|view|see)\s+(?:the\s+)?(?:original|full|more)|original\s+(?:story|article|link|source|post)|"
    r"(?:source|via|credit|original)\s*:\s*$|originally published|"
    r"(?:syndicated|republished|reposted|reblogged|cross-?posted|shared) from|"
    r"原文链接|原文|来源|出典|出处|출처", re.I)
# A link whose own words credit the original ("View original on Reuters", "Original article").
ORIGINAL_LINK_TEXT = re.compile(r"^(?:(?:read|view|see|open)\s+(?:the\s+)?)?original\b", re.I)
# "From: Ana Lima <ana@example.org>": the sender of a mail archive page.
MAIL_FROM = re.compile(r"^from\s*:\s*(?P<name>[^<>()@]{2,60}?)\s*(?:<[^>]*>|\([^)]*\))\s*$", re.I)
# A member's join date as a forum prints it after "Joined" or "Member since": "Nov 17, 2017", "March 2019", "2015".
_MEMBER_SINCE = (r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+|"
                 r"[A-Za-z]{3,9}\.?,?\s+)?(?:19|20)\d\d|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# Forum member details (XenForo, vBulletin, phpBB profile boxes); the short line just above them is the member's
# name. A detail is its label alone, with a colon, or with its value run on without one ("Joined Nov 17, 2017",
# "Messages 24,463"); the match ends at the label, so a label alone on its line says its value is the next line.
MEMBER_META = re.compile(
    r"^(?:(?:join(?:ed| date)|member since|posts|messages|location|reputation|rank|reaction score|points)\s*(?::|$)"
    rf"|(?:join(?:ed| date)|member since)(?=\s+(?:{_MEMBER_SINCE})$)"
    r"|(?:posts|messages|reputation|reaction score|points)(?=\s+[\d.,]+\s*[km]?$))", re.I)
# "@ana@social.example.org", "@riverfan": an account handle on its own line; the display name is above it.
HANDLE = re.compile(r"^@[\w.\-]{2,32}(?:@[\w.\-]{3,80})?$")
# A login as platforms print it: one word of letters, digits, dots, dashes and underscores.
USERNAME = re.compile(r"^[\w.\-]{3,32}$")
# A follow button beside an account's name ("Follow", "+ Follow", "关注 Follow") on a social post.
FOLLOW_BUTTON = re.compile(r"^\+?\s*(?:关注\s*)?follow$", re.I)
# "【Headline】": Chinese social posts set the headline of a shared story in lenticular brackets.
BRACKETED_HEADLINE = re.compile(r"^【(?P<headline>[^【】]{10,200})】$")
# "2,318 followers" on a profile card above a post; the person's name stands a line or two above it.
FOLLOWER_COUNT = re.compile(r"^[\d.,]+\s*[km]?\s+(?:followers|connections|subscribers)$", re.I)
# A person's name as printed on a profile card: two to four capitalised words.
PERSON_NAME = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
# "Mara Olsen (AFP)", "Li Wen and Zhao Lei (Xinhua)": a byline without "By", the outlet in brackets.
NAMES_OUTLET = Gated(re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})*)"
    r"\s*[(（]\s*(?P<outlet>[^()（）]{2,40}?)\s*[)）]$"), (")", "）"))

# Words that make a byline a desk rather than a person: "China Daily Web", "CGTN Digital desk".
DESK_WORDS = re.compile(r"\s+(?:digital|web|online|desk|staff|staff reporter|staff writer|newsroom|team|news|"
                        r"reporters?|correspondents?|editors?)\b.*$", re.I)
# "Associated Press Writer", "AFP Correspondents": the role printed after the outlet that ends a byline.
BYLINE_ROLE = re.compile(r"\s+(?:staff\s+)?(?:writers?|correspondents?|reporters?)$", re.I)
# Labels of a date stamp: published, updated, modified, date, time, release (English), and the European
# languages' labels of vocab.PUBLISHED_LABELS and vocab.UPDATED_LABELS; the rest of the line is the stamp.
STAMP_LABEL = re.compile(
    r"^(?:last\s+|originally\s+|first\s+)?(?P<label>updated|update|published|modified|release[sd]?|date|time|"
    + "|".join(re.escape(w) for w in sorted((*vocab.PUBLISHED_LABELS, *vocab.UPDATED_LABELS), key=len, reverse=True))
    + r")(?:\b|(?<=[^\x00-\x7f]))\s*(?:on|at)?\s*[:：]?\s*(?P<rest>.+)$", re.I)

# "(China Daily) Text", "BEIJING, March 2 (Xinhua) -- Text", "NEW YORK (AP) — Text".
DATELINE_OPEN = re.compile(r"^\(\s*(?P<outlet>[^()]{2,40}?)\s*\)\s*(?:[-–—:]+\s*)?")
# The date of a dateline: "Dec 29", "Dec 29, 2018", "29 December 2018"; with a year it is the story's stamp.
DATELINE_DATE = (r"(?P<date>[A-Z][a-z]{2,9}(?:\.\s*|\s+)\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
                 r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,9}\.?(?:,?\s+(?:19|20)\d\d)?)")
# "BEIJING, March 2 (Xinhua) --", "NEW YORK (AP) —": a dateline's place (and date) and the agency's token, before
# the dash that opens the story.
DATELINE_CITY = Gated(re.compile(
    r"^(?P<city>[A-Z](?:[^\W\d_]|[ .'’/-]){1,40}?(?:\s*\[[A-Z][A-Za-z .]{1,25}\])?(?:,\s*[A-Z][A-Za-z .]{1,25}?)?"
    r"(?:,\s*" + DATELINE_DATE + r")?),?\s*(?P<token>\(\s*(?P<outlet>[^()]{2,40}?)\s*\))"
    r"(?=\s*(?:--|—|–|-|:|_)\s)"), ("(",))  # ("_": old wire dash) tried on first paragraphs: most have no bracket
# "ASTANA, December 15 (Agency)": a dateline alone on its line, the story's credit line (the date tells it
# from a byline "Name Surname (Agency)").
DATELINE_LINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}?,\s*" + DATELINE_DATE + r"\s*\(\s*(?P<outlet>[^()]{2,40}?)\s*\)$")
# "BERLIN, August 24. /TASS/. Text", "Harare | AFP | Text": an agency's code between slashes or bars
# after the dateline's place (and date); the token stays in the story as printed.
DATELINE_MARKED = Gated(re.compile(
    r"^[A-Z][A-Za-z .,'’-]{1,40}?(?:\s+\d{1,2})?\.?\s*(?:/(?P<slashed>[A-Za-z][\w-]{1,20})/|"
    r"\|\s*(?P<barred>[A-Za-z][\w-]{1,20})\s*\|)"), ("/", "|"))  # tried on first paragraphs: most have neither
# "... last sentence. (Xinhua)" or "... last sentence.(Xinhua)" at the end of the story.
TRAILING_CREDIT = re.compile(r"\s*[(（]\s*(?P<outlet>[^()（）]{2,40}?)\s*[)）]\s*$")
# "... last sentence. — AFP", "... last sentence./IANS": an agency's name or code after the last sentence.
TRAILING_DASH_CREDIT = re.compile(r"(?<=[.!?\"”’])\s*(?:[-–—]+|/)\s*(?P<outlet>[A-Z][\w.&'’ -]{1,38}?)\.?\s*$")
# "... last sentence. (Reporting by A in B; Editing by C)": the story's reporters, glued to its end.
TRAILING_REPORTING = re.compile(
    r"\s*[(\[]\s*(?:additional )?(?:reporting|writing) by\s+(?P<names>[^;)\]]+)(?:;[^)\]]*)?[)\]]\s*$", re.I)

# Forum markup left in a text dump ("[i]Source: Xinhua [/i]", "[quote=name]"): tags, never text.
BBCODE_TAG = re.compile(r"\[/?(?:b|i|u|s|em|strong|quote|url|img|size|color|colour|font|center|left|right|"
                        r"indent|spoiler|code|sub|sup|hr)(?:=[^\]]{0,80})?\]", re.I)

# A line is a date when it is short and mostly a date.
DATE_HINT = Gated(re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|\b\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\b\d{1,2}\.\d{1,2}\.\d{4}\b)",
    re.I,
), probe=re.compile(r"\d"))  # every shape it knows has a digit
# The longest line read as a date line: a longer one is a sentence that mentions a date.
MAX_DATE_LINE = 90
# "0 comments", "12 Comments", "No comments", "Comments (3)": a post footer's comment counter after its time.
COMMENT_COUNT = re.compile(r"\s+(?:(?:\d+|no)\s+comments?|comments?\s*\(\d+\))\s*$", re.I)
# A time of day alone ("7:45 PM", "21.40"): completes a day-only post date printed elsewhere.
TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?$", re.I)

# Title suffix separators, tried from the right.
TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ", " » ", " ~ ", " : ")

# Prose: a body paragraph has enough words, or ends a sentence.
MIN_PROSE_WORDS = 8
class Lazy:
    """A pattern compiled when it is first used: one that most pages never need (an ASCII page has no CJK
    character to look for) costs nothing to a run that does not use it (a cron run extracts one file)."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text)

    def findall(self, text: str) -> list[str]:
        return self.pattern.findall(text)


class AtEnd:
    """A pattern that can match only at a text's end (a character class before ``$``, which may stand before a
    final newline): searched from the last characters it can span, not tried at every position of a paragraph.
    The matches are the pattern's own."""

    __slots__ = ("pattern", "reach")

    def __init__(self, pattern: re.Pattern[str], reach: int) -> None:
        self.pattern = pattern
        self.reach = reach  # the characters a match spans, with the newline ``$`` may stand before

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text, len(text) - self.reach)


# What a sentence ends with: end punctuation, a closing quotation mark or bracket, a colon before a quotation.
SENTENCE_END = AtEnd(re.compile(r"[.!?。！？\"”’'):]$"), 2)


# Every pattern that can make a line a credit, stamp, byline, editor or photo line (credit_lines.py's read_credit
# and _byline): a line none of them matches, and without a "|" field separator, can only be an outlet's
# bare name there. Add a pattern here when those functions test a new one.
CREDIT_SHAPES = (EDITOR_LINE, PHOTO_LINE, MAIL_FROM, ORIGINAL_URL, REPORTING_LINE, SOURCE_LINE, PUBLISHED_ON_SITE,
                 STAMP_LABEL, WROTE_ON, POSTED_BY, POSTED_ON, OUTLET_STAMP, NAMES_OUTLET, BYLINE_OUTLET, BYLINE,
                 DATELINE_LINE)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One alternation that matches (at a text's start) where one of the patterns does; truth only, so
    named groups become plain ones. Each keeps its own IGNORECASE as a scoped flag."""
    if any(p.flags & ~(re.I | re.U) for p in patterns):
        raise ValueError("only IGNORECASE can be scoped into one alternation")
    return re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{_NAMED_GROUP.sub('(?:', p.pattern)})"
                               for p in patterns))


# The plain patterns as one alternation (one call instead of a dozen), the gated ones behind their tests.
_CREDIT_PLAIN = _any_of([p for p in CREDIT_SHAPES if not isinstance(p, Gated)])
_CREDIT_GATED = tuple(p for p in CREDIT_SHAPES if isinstance(p, Gated))


@lru_cache(maxsize=8192)
def credit_shaped(text: str) -> bool:
    """Whether a credit, stamp or byline pattern matches the line; cached, as a site's lines repeat."""
    return "|" in text or _CREDIT_PLAIN.match(text) is not None or any(p.match(text) for p in _CREDIT_GATED)
