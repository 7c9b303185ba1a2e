"""Non-articles: pages that stand in for the story (bot walls, consent and login walls, paywalls,
geoblocks, error pages), told apart from a story that only mentions such words.

The phrases are grouped by the kind of wall they belong to, so a rejection names its kind.
Matched against lower-cased text: long alternations run several times faster without re.I, and a
phrase that opens with plain words (not a group) is found at the speed of a substring scan.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from feeder.extract import lazy_re as re
from feeder.extract.blocks import words_up_to
from feeder.extract.rules import Lazy

# Phrases of pages that stand in place of a story, by kind of wall (the kind names the rejection's reason).
WALLS: dict[str, tuple[str, ...]] = {
    "bot wall": (
        r"just a moment\.*", r"checking your browser", r"verify (?:that )?you are (?:a )?human",
        r"are you a (?:robot|human)", r"automated (?:program|software|queries|traffic|access)",
        r"unusual traffic", r"captcha", r"security check", r"ddos protection by", r"request unsuccessful",
        r"attention required!? \| cloudflare", r"access denied",
        r"javascript is (?:required|disabled)", r"enable javascript and cookies",
        # (not a video player's notice to a reader without scripts: "… please enable JavaScript, and consider …")
        r"please enable javascript(?!,? and consider upgrading)",
        r"access to this page has been denied", r"(?:confirm|prove) (?:that )?you(?:'re|’re| are) not a robot",
        r"(?:you are|you're|you’re) using automation tools",
        r"(?:verify|verifying|checking) (?:that )?(?:your browser|you are|you're) (?:is )?(?:not a|a human|human)",
    ),
    "consent wall": (
        r"we and our \d+ (?:partners|vendors)", r"manage (?:cookie|privacy) (?:settings|preferences|options)",
        r"before you continue", r"we value your privacy", r"accept all cookies", r"reject all cookies",
    ),
    "login or paywall": (
        r"sign ?in to (?:continue|read|keep reading|view)", r"log ?in to (?:continue|read|keep reading|view)",
        r"subscribe (?:now )?to (?:continue|read|keep)",
        r"this (?:article|content|story) is (?:for|available to|only for|reserved for) (?:subscribers|members)",
        r"already a subscriber", r"to continue reading", r"create a free account to (?:continue|read)",
        r"you have reached your (?:free )?(?:article )?limit", r"subscribers only",
        # archives and paywalls that sell a trial: "Start a free trial to see this page"
        r"(?:start|begin|sign up for|get) (?:a|your) (?:free )?trial to (?:see|view|read|continue|access|unlock)",
        r"(?:subscribe|sign up|register|log ?in|sign ?in)(?: now| today| for free)? to (?:see|view|unlock|access) "
        r"(?:this|the full|the rest|the whole)",
        r"you must be (?:logged in|signed in|a member|a subscriber|registered) to (?:view|read|access|see)",
        r"(?:^|\n)members only[.!:]",
        r"become a (?:member|subscriber)(?: today| now)? to (?:read|continue|access|unlock)",
        r"to read the (?:full|whole|rest of the|complete) (?:story|article)[, ]+(?:please )?"
        r"(?:subscribe|log ?in|sign ?in)",
        r"(?:only|exclusively) available (?:to|for) (?:subscribers|members|premium)",
        r"subscribe (?:now|today) for (?:just|only)",
        # a priced pitch standing where the rest of the story would be: "Unlock this article … for $2.99 a month".
        # It opens its own line, addresses the reader about the site's stories and prices a subscription period, so
        # a story's own sentence ("the deal unlocks about $1 billion", "unlimited access to 60 museums for €65")
        # and a headline ("EU leaders unlock €50bn") are not one.
        r"(?:^|\n)(?:get |enjoy |gain |start |try )?(?:unlock|unlimited access|full access|all access)(?: to)? "
        r"(?:this|the (?:full|rest|whole)|every|all (?:of )?our|our)\b[^.!?\n]{0,60}?(?:[$£€¥₹]\s?\d[\d.,]*|"
        r"\d+(?:\.\d\d)?\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|cents?)\b)\s?(?:a|an|per|/|each) ?"
        r"(?:day|week|month|year|wk|mo|yr)\b",
    ),
    # A sign-in form standing where the story would be (its menus and teasers are no story either).
    "login page": (
        r"forgot (?:your )?(?:password|username)", r"(?:don't|don’t|do not) have an account",
        r"(?:log|sign) ?in to your (?:[\w.&'’-]+ ){0,4}account", r"(?:reset|recover) your password",
    ),
    "geoblock": (
        r"not available in your (?:region|country|location|area)", r"unavailable in your (?:region|country)",
        r"cannot be (?:shown|viewed|displayed|accessed) in (?:your|the) country",
        r"not available (?:in|from) (?:the )?(?:country|region) you are", r"licensing restrictions",
    ),
    "rate limit block": (
        r"rate limit exceeded", r"too many requests",
        r"exceeded (?:the|our|this|your) .{0,20}(?:rate|request|traffic) limit",
    ),
    "error page": (
        r"404\b.{0,20}not found", r"page not found", r"the page you (?:requested|are looking for)",
        r"this page (?:does not|doesn't) exist", r"article (?:has been|was) (?:removed|deleted)",
        r"page (?:has been|was) (?:removed|deleted)", r"story (?:has been|was) (?:removed|deleted)",
        r"no longer available", r"500 internal server error", r"service unavailable",
        # a CMS's own words for a missing page: "The page 'x' could not be located on this server"
        r"could not be (?:found|located) on this server", r"(?:was|were) not found on this server",
        r"the (?:page|resource|document|url) you (?:asked|searched|were looking) for",
        r"403 forbidden", r"(?:don't|don’t|do not) have permission to access", r"this page (?:isn't|isn’t|is not) "
        r"available", r"the link you followed may be broken", r"sorry, (?:but )?something went wrong",
        r"(?:error|http) 5\d\d\b", r"temporarily unable to service", r"page can(?:'|’)?t be found",
        r"nothing was found at this location", r"404 error", r"error 404",
        r"not a valid (?:resource|page|url|address)", r"the requested (?:page|url|resource|document) "
        r"(?:was not found|could not be found|does not exist|is not available)",
    ),
    # An auto-summary page whose "story" is a summarizer's reply to its operator: it could not open the link it
    # was given and asks for more (then a "read the full story at Outlet" pointer): the summarizer speaking in the
    # first person to a "you", in the languages such pages are made in.
    "summarizer's reply": (
        r"(?:i|i'm|i am) (?:don't|do not|can't|cannot|am unable to|unable to|am not able to|not able to) "
        r"(?:have )?(?:access|open|browse|visit|read|reach)(?: to)? (?:external|the link|that link|links|the url"
        r"|urls|websites|web pages|the internet|content)",
        r"the (?:link|url|article) you (?:provided|shared|sent|gave me|pasted)", r"as an ai(?: language model)?\b",
        r"(?:el|este) enlace que me (?:has|ha|habéis) (?:facilitado|proporcionado|enviado|pasado|compartido)",
        r"no tengo acceso a (?:contenidos|internet|enlaces|páginas|sitios)",
        r"(?:le|ce) lien que vous m(?:'|’)avez (?:fourni|donné|envoyé|transmis)",
        r"je n(?:'|’)ai pas accès (?:à|aux) (?:internet|des contenus|des liens|des sites|ce lien)",
        r"ich habe keinen zugriff auf (?:externe|das internet|links|webseiten|den link)",
        r"não tenho acesso a (?:conteúdos|internet|links|páginas|sites)",
        r"o link que (?:você )?me (?:enviou|forneceu|passou)",
        r"non ho accesso a (?:contenuti|internet|link|siti)", r"il link che mi hai (?:fornito|inviato|dato)",
    ),
}
# A story this long is published even when a wall phrase shows around it (a soft paywall note).
MIN_STORY_WORDS = 150
# A shorter story stands beside wall words in the page's chrome (a login box, a sidebar) or in one of its own
# sentences below its first paragraph ("did not explain why the article was removed") when it has this many
# paragraphs ending a sentence and the sentences holding wall words are at most this share of its words: a wall's
# notice is the page's main content, a story's paragraphs are.
STORY_PARAGRAPHS = 3
# The most of such a story's words the sentences holding wall words may make (a third).
WALL_SHARE = 0.34
# ... and at least this many words outside those sentences (an error page's advice to search is shorter).
MIN_SHORT_STORY_WORDS = 60
_SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[\"”’')]*|$)")
_ENDS_SENTENCE = re.compile(r"[.!?。！？][\"”’')]*$")
# Wall words only below the story (not right under it) leave a story of any length standing (1), or only one long
# enough (0: MIN_SHORT_STORY_WORDS); bench/fit_walls.py sweeps it.
BELOW_STORY = 1
# Where the wall is looked for in the raw file (markup included): its top.
HEAD_CHARS = 3000


def wall_kind(head: str, body: Sequence[str], title: str = "") -> tuple[str, str] | None:
    """(kind, phrase) when the page is a wall rather than a story, else None.

    A wall phrase near the top with little story, or a story whose own paragraphs are the wall's
    message (the notice read as prose), leaves nothing to publish. A short story stands beside wall words
    elsewhere (a login box, a sentence of its own) unless they are its headline or its first paragraph.
    """
    words = words_up_to(body, MIN_STORY_WORDS * 2)
    if words >= MIN_STORY_WORDS * 2:
        return None  # a wall's notice is short: a long story is published whatever its top says
    head_wall = _find(html.unescape(head[:HEAD_CHARS]).lower())  # markup's "site&#8217;s" reads as printed
    if head_wall is None and _find("\n".join(body).lower()) is None:
        return None
    walled = [(p, found) for p in body if (found := _find(p.lower())) is not None]
    story_words = words - sum(len(p.split()) for p, _ in walled)
    if story_words >= MIN_STORY_WORDS:
        return None
    cut = _cut_off(head, body)
    if cut is None and _find(title.lower()) is None and body and _find(body[0].lower()) is None and _story_stands(
            _above_closing_wall(body, {p for p, _ in walled}), [p for p, _ in walled], words,
            not walled and _below_story(head, body)):
        return None
    return cut or head_wall or (walled[0][1] if walled else None)


# A teaser: a paragraph an index page cut off with an ellipsis, with or without its link on ("… the peaceful...",
# "… the UN said… more", "… in the afternoon [...]").
_CUT_TEASER = re.compile(r"(?<![.!?。！？])\s*(?:\.{3}|…|\[(?:…|\.{3})\])\s*(?:\(?(?:read )?more\)?\.?|»|›)?$", re.I)
# The link that opens the whole story under its teaser, alone on its line.
_READ_ON = re.compile(r"(?:read more|more|continue reading|read on|read the full (?:story|article))\s*[»›→>]*\.?",
                      re.I)
# A page of story teasers has at least this many of them ...
MIN_TEASERS = 3
# A "Read more" line closes the story the walk reads, so on a page of teasers over their links on it reads one teaser
# (and its headline at most).
READ_ON_BODY = 2
# How a teaser's line ends (a cheap test before the pattern).
_CUT_ENDS = ("...", "…", "]", "more", "More", "MORE", "more)", "More)", "more.", "More.", "»", "›")
# ... and they make at least this share of its paragraphs that end a sentence or are cut (a story quoting a few
# trailing-off remarks, or a related list under a long story, stays far below).
TEASER_SHARE = 0.6
_ENDS_OR_CUT = re.compile(r"[.!?。！？…»›][\"”’')\]]*$|\bmore$", re.I)


def teaser_list(lines: Sequence[str], body: Sequence[str]) -> bool:
    """A section, tag, archive or issue page rather than a story: the story read from it is a run of other
    stories' teasers, cut off with an ellipsis; or (a dump's ``lines``) its first paragraph is one of several
    teasers each over its own link on ("Read more")."""
    cut = sum(1 for p in body if p.rstrip().endswith(_CUT_ENDS) and _CUT_TEASER.search(p.rstrip()))
    if cut >= MIN_TEASERS and cut >= TEASER_SHARE * sum(1 for p in body if _ENDS_OR_CUT.search(p.rstrip())):
        return True
    if not body or not lines or len(body) > READ_ON_BODY:
        return False
    teasers = [lines[i - 1] for i in range(1, len(lines)) if len(lines[i]) <= 30 and lines[i][:1] in "RrMmCc" and (
        _READ_ON.fullmatch(lines[i])) and len(lines[i - 1].split()) > 8]
    first = " ".join(body[0].split()[-6:])
    return len(teasers) >= MIN_TEASERS and any(first in teaser for teaser in teasers) and (
        len(teasers) >= TEASER_SHARE * sum(1 for line in lines if _ENDS_OR_CUT.search(line) and len(line.split()) > 8))


def _above_closing_wall(body: Sequence[str], walled: set[str]) -> Sequence[str]:
    """The story's paragraphs above the wall that closes it: a paywall's block read as its last paragraphs
    ("Subscribe to continue reading" over the pitch) marks where the story was cut off, so only the paragraphs
    above it are the story's (a wall sentence inside the story, with paragraphs under it, stays its own)."""
    end = len(body)
    while end and body[end - 1] in walled:
        end -= 1
    return body[:end]


# How far past the story's last paragraph a paywall's opening line is looked for (markup included).
CUT_REACH = 400
_TAG = re.compile(r"<[^>]*>")


def _cut_off(head: str, body: Sequence[str]) -> tuple[str, str] | None:
    """A paywall's line right after the story's last paragraph ("Subscribe to continue reading"): the page
    stops the story there, so a short story above it is a teaser, not the story (a promo further down, after
    the story's own credit line or another block, is the site's chrome)."""
    if not body:
        return None
    tail = " ".join(body[-1].split()[-6:])
    if len(tail) < 20:
        return None
    text = html.unescape(head) if "<" in head else head
    at = text.rfind(tail)
    if at < 0:
        return None
    after = _TAG.sub("\n", text[at + len(tail):at + len(tail) + CUT_REACH])
    following = next((line.strip() for line in after.split("\n") if line.strip()), "")
    found = _find(following.lower())
    return found if found is not None and found[0] == "login or paywall" else None


def _story_stands(body: Sequence[str], walled: Sequence[str], words: int, below: bool = False) -> bool:
    """A short story is the page's main content though wall words show: it has several paragraphs ending a
    sentence, and the sentences holding wall words (none when they are only in the chrome) are a small share.
    Wall words only below the story, and not right under it (a comment form's check, a promo after its credit),
    are the chrome's whatever the story's length."""
    if sum(1 for p in body if _ENDS_SENTENCE.search(p.rstrip())) < STORY_PARAGRAPHS:
        return False
    wall_words = sum(map(_wall_words, walled))
    return wall_words <= WALL_SHARE * words and (below or words - wall_words >= MIN_SHORT_STORY_WORDS)


def _below_story(head: str, body: Sequence[str]) -> bool:
    """Every wall phrase in the capture's top stands below the story's last paragraph."""
    text = html.unescape(head[:HEAD_CHARS]).lower()
    tail = " ".join(body[-1].split()[-6:]).lower()
    at = text.rfind(tail) if len(tail) >= 20 else -1
    return bool(BELOW_STORY) and at >= 0 and _find(text[:at + len(tail)]) is None


def _wall_words(paragraph: str) -> int:
    """The words of a paragraph's sentences that hold wall words (the whole paragraph when the phrase runs
    across its sentences: "404. Not found")."""
    held = [sentence for sentence in _SENTENCE.findall(paragraph) if _find(sentence.lower()) is not None]
    return sum(len(sentence.split()) for sentence in held) if held else len(paragraph.split())


def _literal_first(phrase: str) -> list[str]:
    """A phrase opening on a group of plain alternatives, "(?:log|sign) ?in to …", as one phrase per
    alternative ("log ?in to …", "sign ?in to …"): each opens with plain words, so each is found at the speed
    of a substring scan. Other phrases stay whole."""
    if not phrase.startswith("(?:"):
        return [phrase]
    end = phrase.find(")")
    group, rest = phrase[3:end], phrase[end + 1:]
    if "(" in group or rest[:1] in ("?", "*", "+", "{"):
        return [phrase]
    return [alternative + rest for alternative in group.split("|")]


# Each phrase alone, in the alternation's order. A phrase that opens with plain words is searched at
# the C speed of a substring scan, where the one alternation tries every phrase at every position.
_PHRASES = tuple((kind, literal) for kind, phrases in WALLS.items() for phrase in phrases
                 for literal in _literal_first(phrase))

_SPECIAL = frozenset("\\()[]{}.*+?|^$")
_QUANTIFIERS = frozenset("?*+{")


def _required_prefix(pattern: str) -> str:
    """The plain words a phrase opens with, which every match of it contains (empty when it opens on
    syntax): the character before a quantifier may be absent, so it is left out."""
    for index, char in enumerate(pattern):
        if char in _SPECIAL:
            return pattern[:index - 1] if char in _QUANTIFIERS else pattern[:index]
    return pattern


# Each phrase behind its opening words: a text without them is spared the pattern (str.__contains__ scans
# a page several times faster than the pattern's own search does), and a phrase is compiled only when a text
# first holds its opening words (most pages never hold most of them).
_GATED = tuple((kind, Lazy(phrase), _required_prefix(phrase)) for kind, phrase in _PHRASES)


def _find(text: str) -> tuple[str, str] | None:
    """The alternation's own answer: the leftmost phrase, the first in order among those starting there."""
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern, opening in _GATED:
        if opening and opening not in text:
            continue
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[1].start()):
            best = kind, m
    return None if best is None else (best[0], best[1].group(0))
