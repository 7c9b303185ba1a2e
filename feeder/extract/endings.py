"""Lines that close a story on many sites: post-meta footers, syndication notes, contributor lines, promo boxes,
the heads of readers' comments and replies.

Each table describes a class of page text printed under a story by blog platforms, portals and feed
tools, never one page's wording. A line of these is not story text; under the story it ends it.
"""

from __future__ import annotations

from collections.abc import Callable

from feeder.extract import lazy_re as re
from feeder.extract import vocab

# A blog platform's footer under a post: the categories and tags it was filed under.
POST_META_FOOTER = r"(?:posted|filed) (?:in|under)\b.{0,160}|tagged\s*:?\s.{0,120}"
# A portal's note that the story came unedited from a syndicated feed.
SYNDICATION_NOTE = (r"\(?\s*this (?:story|article|report|content) (?:has not been|was not|is not|has been|was|is)"
                    r" (?:edited|auto-generated|generated|published|posted|reproduced|sourced)\b.{0,200}")
# A paper's note on where the story was printed ("This article appeared on p14 of the Main section …", "A version
# of this article appears in print on …"), or when an agency first sent it.
PRINT_NOTE = (r"(?:this|a version of this) (?:story|article|report) (?:first )?(?:appeared|appears|was published)"
              r" (?:on|in)\b.{0,200}|"
              # an agency's note under its story naming itself and the day it was first sent ("This report by The
              # Canadian Press was first published Dec. 13, 2024.")
              r"this (?:story|article|report) by [^.]{2,60}? was (?:first|originally) published (?:on )?"
              r"[\w ,.]{3,24}\d{4}\.?")
# "Associated Press writer X in Y contributed to this report.": a credit line, not an author.
CONTRIBUTOR_LINE = (r"(?:[\w.'’-]+\s){0,8}(?:writers?|reporters?|correspondents?|staff)\s.{0,160}?"
                    r"contributed (?:to )?(?:this|the) (?:report|story|article)\.?")
# A feed tool's footer on a republished post: "The post X appeared first on Site.", as WordPress prints it in
# English, Spanish, Portuguese, French, German and Italian (the line reader closes a story on the English one;
# the HTML reader takes the first link of any as the original's address).
FEED_FOOTER_LEAD = r"(?:the post|la entrada|o post|l['’]article|der beitrag|il post)"
FEED_FOOTER = (FEED_FOOTER_LEAD + r" .{3,300} (?:appeared first on|se publicó primero en|apareceu primeiro em|"
               r"est apparu en premier sur|erschien zuerst auf|è apparso per la prima volta su) .{2,100}")
# The footer in any of those languages as a whole line: a feed's excerpt may stand above the whole story with
# it (extract/span.py starts the story below it there).
FEED_FOOTER_ANY = re.compile(rf"^(?:{FEED_FOOTER})$", re.I)
# A provider's promotion under a syndicated story, and a newsletter box's call to subscribe.
PROMO = (r"more (?:stories|articles|news|reports) like this (?:are|is) available (?:on|at) \S+|"
         r"(?:enter|type|leave) your e-?mail(?: address)? (?:to|for|and)\b.{0,120}|"
         # a site's call to follow it on social networks ("Follow X on Twitter and Facebook to join …")
         r"follow \S.{0,60}? on (?:" + vocab.SOCIAL_NETWORKS + r")\b.{0,120}")

# A blog platform's post footer and credit line in the languages its themes ship in ("Posted by X at 20:15",
# "Powered by Blogger", a feed link "Subscribe to: Post Comments (Atom)").
PLATFORM_FOOTER = (r"(?:投稿者|投稿人|dicatat oleh|diposkan oleh|publicado por|eingestellt von|publié par|"
                   r"pubblicato da)"
                   r"\s*[:：]?\s*\S.{0,100}|"
                   r"(?:[^.]{0,60}\.\s)?(?:powered by|dikuasakan oleh|diberdayakan oleh|con la tecnología de|"
                   r"con tecnología de|bereitgestellt von|fourni par|tecnologia do)\s+\S.{0,60}|"
                   r".{0,80}\((?:atom|rss)\)")
# A sponsor's note under an agency story ("… coverage receives support through …"), a cache site's notice.
SUPPORT_NOTE = r".{0,200}\breceives? (?:support|funding) (?:from|through)\b.{0,400}"

# A newsletter's footer: why the reader got the mail, and how to stop it (anywhere in the line).
MAIL_FOOTER = re.compile(r"\byou(?:'re| are) receiving (?:this|it)\b|"
                         r"\byou received this (?:e-?mail|newsletter|message)\b|\bunsubscribe\b", re.I)

# A cache or mirror site's notice that the page is its copy (anywhere in the line).
CACHE_NOTICE = re.compile(r"\bthis is (?:a )?cached (?:page|copy|version)\b", re.I)

# An agency's end-of-story marker glued after the last sentence: "(end)", "(END)", "Endit", "ENDS", "-0-", "+++",
# and the desk's initials in brackets as Indonesian and Malaysian papers sign off ("(kes)(+)", "(rin)", "(*)")
# (the sentence's stop comes first, so a story's own word "ends" never matches).
GLUED_END_MARKER = re.compile(r"(?<=[.!?\"”’)])\s*(?:\((?i:end|ends|endit)\)|(?i:endit(?:em)?)|END|ENDS|End|-0-|\+{3}|"
                              r"(?:\((?:[a-z]{2,4}|[*+])\)\s?){1,3})\s*$")


# A sign-off glued after the last sentence: the desk's slug of initials and office codes between slashes
# ("(MAL/PIA5/Camarines Sur)", "(ai/jpn)"), the reporter's name after a dash ("… in a pool of blood. -- Name
# Surname"), a source label and the outlet it names ("… to them. SOURCE: Outlet").
GLUED_SIGNOFF = re.compile(r"(?<=[.!?\"”’)])\s*(?:\((?:[\w]{1,12}/){1,4}[\w .]{1,30}\)|"
                           r"(?i:source)\s*[:：]\s*[A-Z][\w .'’&-]{1,40})\s*$")
# A name after a dash glued after the last sentence ("… for good. — Valley Echo"): a reporter's or an outlet's
# sign-off. Nothing reads it as a credit or a byline here, so it stays in the body (where the reader sees who
# signed), and only the test whether the paragraph ends a sentence looks past it.
GLUED_DASHED_NAME = re.compile(r"(?<=[.!?\"”’)])\s*[–—]\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}\s*$")
# How far from the paragraph's end a glued sign-off starts.
SIGNOFF_CHARS = 60


def without_end_marker(text: str, dashed_name: bool = False) -> str:
    """The last paragraph without an agency's end marker or a sign-off glued after its last sentence (and, with
    ``dashed_name``, without a name glued after a dash)."""
    for _ in range(2):  # a sign-off and an end marker may both be glued on ("… (MAL/PIA5) Enditem")
        marker = GLUED_END_MARKER.search(text, max(0, len(text) - 20)) if text[-1:] in ")tTSDdmM-+" else None
        signoff = marker or GLUED_SIGNOFF.search(text, max(0, len(text) - SIGNOFF_CHARS)) or (
            GLUED_DASHED_NAME.search(text, max(0, len(text) - SIGNOFF_CHARS)) if dashed_name else None)
        if signoff is None or signoff.start() == 0:
            break
        text = text[: signoff.start()].rstrip()
    return text


# An outlet's name or code glued after the last sentence, bare, in brackets or set off by dashes ("… il Partito
# democratico. (ANSA).", "… fügte die Regierungschefin hinzu. dpa", "… Ruler of Dubai. - Emirates News Agency, WAM -"):
# the agency's sign-off, a credit the credit readers take, no story text.
_GLUED_NAME = re.compile(r"(?<=[.!?\"”’])\s+(?:[-–—]\s*)?(?:\((?P<bracketed>[^()]{2,40})\)|"
                         r"(?P<bare>[A-Za-z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}(?:, [A-Z][\w&'’.-]*){0,1}))"
                         r"\s*[-–—]?\s*\.?\s*$")


def without_outlet_tail(text: str, is_outlet: Callable[[str], bool]) -> str:
    """The last paragraph without an outlet's name or code glued after its last sentence (only names the registry
    knows, each part of "Name, CODE": a word after a sentence is otherwise the story's)."""
    found = _GLUED_NAME.search(text, max(0, len(text) - SIGNOFF_CHARS))
    if found is None or found.start() == 0:
        return text
    name = (found.group("bracketed") or found.group("bare")).strip()
    if not (is_outlet(name) or all(is_outlet(part.strip()) for part in name.split(","))):
        return text
    return text[: found.start()].rstrip()


# An opinion page's disclaimer: the piece's views are not the site's ("This column does not necessarily reflect
# the opinion of …", "The views expressed in this article are the author's own …").
OPINION_DISCLAIMER = (r"(?:this|the) (?:column|article|op-?ed|opinion|piece|commentary|blog|post|content|story)s? "
                      r"(?:does|do) not necessarily (?:reflect|represent)\b.{0,200}|"
                      r"(?:the )?(?:views?|opinions?) expressed\b.{0,160}?\b(?:do|does) not necessarily\b.{0,200}|"
                      r"(?:the )?(?:views?|opinions?) expressed\b.{0,160}?\bare (?:those of the (?:authors?|writers?)|"
                      r"the (?:author|writer)['’]s own|solely)\b.{0,200}")
# A translator's note in brackets on its own line ("(English translation by X volunteers)", "[Translated by X]").
TRANSLATION_NOTE = r"[(\[]\s*(?:[\w-]+ ){0,2}translat(?:ed|ion)\b[^()\[\]]{2,100}[)\]]\.?"
STORY_CLOSER = re.compile(rf"^(?:{POST_META_FOOTER}|{SYNDICATION_NOTE}|{CONTRIBUTOR_LINE}|{FEED_FOOTER}|{PROMO}|"
                          rf"{PRINT_NOTE}|{OPINION_DISCLAIMER}|{TRANSLATION_NOTE})$", re.I)
PLATFORM_CLOSER = re.compile(rf"^(?:{PLATFORM_FOOTER}|{SUPPORT_NOTE})$", re.I)
# A note on the writer under the story ("Lena Ortiz is a freelance journalist based in Quito.", "The author is a senior
# fellow at …", "About the author: …", "El autor es …"): who wrote it, not what happened. extract/span.py weighs it at
# the bottom of the run only (a story's own sentence about a reporter stands inside it).
AUTHOR_BIO = re.compile(
    r"^(?:[*—–-]\s*)?(?:(?i:about the (?:author|writer)s?)\s*[:：.-]|"
    r"(?i:the (?:author|writer|columnist)s? (?:is|are|was|has been|teaches|works|lives|writes)\b)|"
    r"(?i:(?:el autor|la autora|l['’]auteur|l['’]autrice|der autor|die autorin|o autor|a autora) (?:es|est|ist|é)\b)|"
    r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3},? (?:is|was|has been) (?:a|an|the)\s(?:[\w'’,-]+\s){0,5}?"
    r"(?i:journalist|reporter|writer|correspondent|editor|columnist|contributor|author|blogger|freelancer|"
    r"photographer|commentator|analyst|fellow)s?\b)")
# A writer's note is short.
AUTHOR_BIO_WORDS = 60
# Longer lines are paragraphs: the closers are short.
MAX_CLOSER_CHARS = 360


# How the closers above open (all but the contributor line, which names its writer first): a cheap test
# that spares most lines, story paragraphs included, the patterns.
_OPENING = re.compile(r"[(\[]?\s*(?:posted|filed|tagged|this|a version|the post|more|enter|type|leave|follow|"
                      r"the views?|the opinions?|views|opinions|\w+ translat|translat)", re.I)
# Substrings one of PLATFORM_CLOSER's lines holds: the same cheap test for those.
_PLATFORM_HINTS = ("投稿", "oleh", "por ", "von ", "par ", " da ", "owered", "ecnolog", "(atom)", "(Atom)", "(rss)",
                   "(RSS)", "upport", "unding")


def closes_story(text: str) -> bool:
    """A line of the classes above: furniture under (or around) the story, never its text."""
    if len(text) > MAX_CLOSER_CHARS:
        return False
    if (_OPENING.match(text) or "ontributed" in text) and STORY_CLOSER.match(text):
        return True
    if any(hint in text for hint in _PLATFORM_HINTS) and PLATFORM_CLOSER.match(text):
        return True
    if "ached" in text and CACHE_NOTICE.search(text):
        return True
    return ("eceiv" in text or "nsubscribe" in text or "NSUBSCRIBE" in text) and MAIL_FOOTER.search(text) is not None


# The head of a reader's comment or a reply under a story, as comment and forum software prints it: a reply's
# number and header ("2 posted on 03/16/2015 2:41:10 AM PDT by Name"), a comment block's head, a forum's reply
# and quote heads, and, when the page prints it more than once, the commenter's name and a verb of saying alone
# on its line or with the comment's text run on after it ("Name says: Finally!"). (extract/span.py cuts on these
# only where they run to the end of the story's run: a vox-pop prints "Name says: <words>" inside the story.)
REPLY_HEADER = re.compile(r"^#?\d{1,5}\.?\s+(?:posted|replied|written|wrote) (?:on|at)\s.{4,60}?\bby\s+\S|"
                          # a blog theme's comment block head ("3 thoughts on “Headline”", "One response to …")
                          r"^(?:\d{1,5}|one|two|three) (?:thoughts?|responses?|repl(?:y|ies)|comments?) (?:on|to)\s*"
                          r"[“\"«„].{2,200}$|"
                          # forum software's reply and quote heads ("Reply #3 on: March 5, 2019", "Quote from: X on
                          # …", "On 5 March 2019, Name wrote:")
                          r"^reply #\d{1,5} on\s*:|^quote from\s*:\s*\S|^on [^,]{4,40}, [^,]{2,40} wrote\s*:$",
                          re.I)
# (a name: capitalised words, not a pronoun or an article; the comment's text may follow on the same line)
COMMENT_HEAD = re.compile(r"^(?!(?:The|A|An|He|She|It|They|We|I|This|That)\b)[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
                          r" (?:says|wrote|writes|replied|dice|dit|schreibt|disse)\s*[:：](?:\s|$)")
# A widget's reaction count under a post or a reply ("2 people like this."): furniture wherever it stands, though
# no head of what follows (story text may follow it, where a capture took a widget from inside the story).
REACTION_COUNT = re.compile(r"^\d{1,6} (?:people|persons?|users?|members?|readers?) (?:like|liked|likes|found) this\b"
                            r".{0,20}$", re.I)
# A page's counter widget: how often the page was read, how many are on the site ("This news has been read 6808
# times!", "There are currently 0 users online.", "Views: 1,204", "Hits: 87"). The page itself is the subject (a
# story's "The clip has been viewed 3 million times." counts something else), and the line is short.
PAGE_COUNTER = re.compile(r"^(?:this (?:news|article|story|post|page|item|entry|report) has been (?:read|viewed|seen|"
                          r"visited) [\d,.]{1,12} times?|there (?:are|is) currently [\d,.]{1,9} (?:users?|guests?|"
                          r"members?|visitors?)(?: and [\d,.]{1,9} (?:users?|guests?|members?|visitors?))? online|"
                          r"(?:views|hits|reads|visits|page ?views)\s*[:：]\s*[\d,.]{1,12}|"
                          r"[\d,.]{1,12} (?:views|hits|reads))\s*[.!]?$", re.I)
# Longer lines are a reply's own words, not its head.
MAX_HEAD_CHARS = 200


def opens_thread(text: str, repeated_heads: bool) -> bool:
    """A line that heads a comment or a reply under the story (a "Name says:" head only where the page prints
    several: one alone may be the story's own lead-in to a quotation)."""
    return (len(text) <= MAX_HEAD_CHARS and bool(REPLY_HEADER.match(text))) or (
        repeated_heads and bool(COMMENT_HEAD.match(text)))
