"""The page's text as lines in document order, each marked in or out of the story's body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from feeder.extract import lazy_re as re
from feeder.extract import rules
from feeder.extract.html.container import GENERIC_CONTAINERS, densest_block, narrowed
from feeder.extract.html.headings import MAX_HEADLINE_WORDS
from feeder.extract.html.marks import Marks, account_row, page_marks
from feeder.extract.html.tree import INLINE, NavigableString, Tag, elements, text_of
from feeder.extract.lines import IsOutlet, Line, is_date_line, is_prose
from feeder.extract.span import OPENS_WITH_DATELINE

# Block-level elements: a line of the page is cut at each of them.
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
                   "dt", "dd", "pre", "address", "div", "cite", "section", "article", "header",
                   "main", "ul", "ol", "table", "tr", "td", "th", "figure", "tbody", "dl", "center"})


@dataclass(frozen=True, slots=True)
class Inside:
    """Is a line in the body: ids of the container's elements and of the story block's."""

    wide: set[int]
    narrow: set[int]
    row: set[int]

    def __call__(self, tag: int, text: str) -> bool:
        return tag not in self.row and (tag in self.narrow or (tag in self.wide and not is_prose(text)))


def body_regions(container: Tag | None, marks: Marks, outlet_page: bool,
                 is_outlet: IsOutlet = lambda _: False) -> tuple[Inside, Marks, set[int]]:
    """Which elements hold the body, the marks of the page's own post (outside the story's prose), and the
    blocks that close the story (where a credit to the original stands).

    A line is in the body when it is inside the story's block, or a short line (a byline, a stamp) in
    the container around it; prose outside the story's block (an excerpt) is not, nor are captions, nor
    the row of the account that posted the page (its name and post date).
    """
    if container is None:
        return Inside(set(), set(), set()), page_marks(marks, None), set()
    inside = elements(container)
    block = densest_block(inside) or container  # the element holding the story's prose
    story = narrowed(container, inside, block) if container.name in GENERIC_CONTAINERS else container
    own = page_marks(marks, block)
    wide = {id(t) for t in inside} | {id(container)}
    narrow = wide if story is container else {id(t) for t in elements(story)} | {id(story)}
    if (quoted := quoted_story(story, is_outlet)) is not None:
        narrow = {id(t) for t in elements(quoted)} | {id(quoted)}
    row = set() if outlet_page else account_row(own)
    narrow = narrow | _lead_paragraphs(container)
    return Inside(wide, narrow, row | _captions(inside) | _highlights(inside) | _standfirsts(inside)), own, (
        _closing_credits(block))


# Share of the post's prose words a <blockquote> must hold to be the story the post pasted, and the story's
# paragraphs it must hold: the poster's own words before and after it (a comment, "read more at the link") are
# then no part of the story (issue 12 class 6); a pull quote or a quoted passage inside a story holds far less.
QUOTED_STORY_SHARE = 0.6
QUOTED_STORY_PARAGRAPHS = 2
# ... and the evidence that it is a pasted story, not a blog's own post quoting a letter, a speech or a book at
# length: a credit inside or right around the quote (a dateline opening it, a byline over it, a credit line or a
# pointer to the original closing it or under it), or the quote holding this share of the post's prose (the
# poster's words a line or two). Without either, the post's own words around the quote are its story too.
QUOTED_STORY_ALONE = 0.85


def quoted_story(story: Tag, is_outlet: IsOutlet = lambda _: False) -> Tag | None:
    """The <blockquote> of a post holding the story it quotes, or None (no such quote: the post is the story)."""
    tags = elements(story)
    if not any(t.name == "blockquote" for t in tags):
        return None  # (most posts quote nothing: their paragraphs are not read again)
    words: dict[int, int] = {}
    total = 0
    quotes: list[Tag] = []
    inside: dict[int, Tag] = {}
    for tag in tags:  # document order: a parent before its children
        parent = tag.parent
        if tag.name == "blockquote" and (parent is None or id(parent) not in inside):
            quotes.append(tag)
            inside[id(tag)] = tag
        elif parent is not None and id(parent) in inside:
            inside[id(tag)] = inside[id(parent)]
        if tag.name == "p" and is_prose(text := text_of(tag)):
            count = len(text.split())
            total += count
            if id(tag) in inside:
                quote = inside[id(tag)]
                words[id(quote)] = words.get(id(quote), 0) + count
                words[-id(quote)] = words.get(-id(quote), 0) + 1
    for quote in quotes:
        held = words.get(id(quote), 0)
        if held >= QUOTED_STORY_SHARE * total and words.get(-id(quote), 0) >= QUOTED_STORY_PARAGRAPHS and (
                held < total) and (held >= QUOTED_STORY_ALONE * total or _credited_quote(quote, is_outlet)):
            return quote
    return None


# A credit line is short: a name, a label and a name, a pointer to where the story came from.
QUOTE_CREDIT_WORDS = 10
# A poster's pointer to the original under a pasted story ("Read the rest over at the agency's site.", "You can read
# more at the link.", "Full story at …"): the quote is the story the link holds.
QUOTE_POINTER = re.compile(r"\b(?:read|see|more|full (?:story|article|report)|rest of (?:the )?(?:story|article))\b"
                           r"[^.!?]{0,30}?\b(?:at|on|over at|via|from)\s+(?:the |this |that )?\S", re.I)
# Dashes, brackets and a closing stop around a bare credit ("— Reuters", "(Yonhap)", "Reuters.").
_CREDIT_DRESS = " \t-–—()[].,:"


def _credited_quote(quote: Tag, is_outlet: IsOutlet) -> bool:
    """The quote's own evidence of a pasted story: its first paragraph opens with a dateline or is a byline, or its
    last block, or the block right under or over it, is a credit line or a pointer to the original."""
    paragraphs = [text for t in elements(quote) if t.name in ("p", "div") and (text := text_of(t)) and not (
        any(isinstance(c, Tag) and c.name in ("p", "div") for c in t.children))]
    if paragraphs and (OPENS_WITH_DATELINE.match(paragraphs[0]) or rules.BYLINE.match(paragraphs[0])):
        return True
    around = [paragraphs[-1]] if paragraphs else []
    around += [text_of(t) for t in (_sibling_block(quote, "next"), _sibling_block(quote, "previous")) if t is not None]
    return any(_credit_line(text, is_outlet) for text in around)


def _sibling_block(tag: Tag, direction: str) -> Tag | None:
    """The nearest element beside the tag (over it or under it) holding text."""
    for node in (tag.next_siblings if direction == "next" else tag.previous_siblings):
        if isinstance(node, Tag) and text_of(node):
            return node
        if isinstance(node, NavigableString) and node.strip():
            return None  # text between them: no block stands right beside the quote
    return None


def _credit_line(text: str, is_outlet: IsOutlet) -> bool:
    """A short line crediting a story: an outlet the registry knows (bare, bracketed or after a dash), a labelled
    source ("Source: …", "via …"), or a pointer to the original."""
    if len(text.split(maxsplit=QUOTE_CREDIT_WORDS)) > QUOTE_CREDIT_WORDS:
        return False
    return is_outlet(text.strip(_CREDIT_DRESS)) or bool(rules.SOURCE_LINE.match(text) or rules.ORIGINAL_URL.match(text)
                                                        or QUOTE_POINTER.search(text))


# A paragraph's class naming it the story's lead ("lead", "article-lead", "story__intro"): news CMSs print the
# first paragraph so, in bold above the block that holds the rest of the story.
_LEAD_CLASS = re.compile(r"^(?:[\w]+[-_]{1,2})*(?:lead|intro)$", re.I)


def _lead_paragraphs(container: Tag) -> set[int]:
    """Ids of a lead paragraph (and its inline elements) printed just above the story's container, beside it."""
    found: set[int] = set()
    seen = 0
    for tag in container.previous_siblings:  # nearest first: only the few blocks above it are read
        if not isinstance(tag, Tag):
            continue
        if tag.name == "p" and any(_LEAD_CLASS.match(c) for c in tag.get("class") or ()) and is_prose(text_of(tag)):
            found.update(id(t) for t in (tag, *elements(tag)))
        seen += 1
        if seen == LEAD_SIBLINGS:
            break
    return found


# How many blocks above the story's container may hold its lead (a photo may stand between them).
LEAD_SIBLINGS = 3


# Items, each of a headline's words, from which a list above the story's first paragraph is its highlights.
MIN_HIGHLIGHTS = 3
HIGHLIGHT_WORDS = 4


# Headline-shaped headings inside the story's container above its first paragraph: the story's deck (a subtitle),
# not its text.
_DECKS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _headline_shaped(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_HEADLINE_WORDS and not text.rstrip().endswith((".", "!", "?", "…"))


def _highlights(tags: list[Tag]) -> set[int]:
    """Ids of the lists of headline-like items above the story's first paragraph (the bullet highlights of an
    AMP or curation page): a summary of the story, not its text. A list of short fields (a byline, a stamp,
    a category) is left to the line reader."""
    found: set[int] = set()
    for tag in tags:  # document order
        if tag.name == "p" and is_prose(text_of(tag)):
            break
        if tag.name in _DECKS and _headline_shaped(text_of(tag)):
            found.update(id(t) for t in (tag, *elements(tag)))  # a subtitle (deck) over the story
        elif tag.name in ("ul", "ol") and id(tag) not in found:
            items = [text_of(c) for c in tag.children if isinstance(c, Tag) and c.name == "li"]
            if len(items) >= MIN_HIGHLIGHTS and all(
                    HIGHLIGHT_WORDS <= len(item.split()) <= MAX_HEADLINE_WORDS and not is_date_line(item)
                    for item in items):
                found.update(id(t) for t in (tag, *elements(tag)))
    return found


# Class and id words of a story's standfirst, deck or kicker, as news themes name them in several languages
# ("standfirst", "article-dek", "subtitle", "sapo", "chapeau", "bajada", "entradilla"), and of a photo's caption:
# the summary or label over the story, or what a picture shows, never the story's text.
STANDFIRST_ATTR = re.compile(r"(?:^|[\s_-])(?:standfirst|dek|deck|strapline|subtitle|sub-?headline|subhead|sapo|"
                             r"chapeau|chapo|bajada|entradilla|kicker|overline|"
                             # a photo's caption outside <figure> ("wp-caption-text", "image-caption", "img-caption")
                             r"captions?|legend|pie-?de-?foto)(?:$|[\s_-])", re.I)
# A standfirst is short: a block with more words holds the story itself.
STANDFIRST_WORDS = 60


def _standfirsts(tags: list[Tag]) -> set[int]:
    """Ids of the standfirst, deck, kicker and caption blocks (and everything inside them)."""
    found: set[int] = set()
    for tag in tags:  # document order: a parent before its children
        if id(tag) in found:
            continue
        classes = tag.get("class") if tag.attrs else None
        words = " ".join([*(classes if isinstance(classes, list) else []), str(tag.get("id") or "")])
        if words.strip() and STANDFIRST_ATTR.search(words) and len(
                text_of(tag).split(maxsplit=STANDFIRST_WORDS)) <= STANDFIRST_WORDS:
            found.update(id(t) for t in (tag, *elements(tag)))
    return found


# The blocks at the end of a story that may credit its original, and how short such a credit line is.
CLOSING_BLOCKS = 2
CLOSING_CREDIT_WORDS = 20


def _closing_credits(block: Tag) -> set[int]:
    """Ids of the links that credit the original from a short line closing the story ("Originally posted
    on <a>Outlet</a> on …"): the one link of one of its last blocks; a closing sentence of the story that
    links a report it mentions is no credit."""
    found: set[int] = set()
    seen = 0
    for child in reversed(block.contents):  # from the end: only the last few are read
        if not isinstance(child, Tag) or child.name in INLINE or not (text := text_of(child)):
            continue
        links = [t for t in elements(child) if t.name == "a"]
        if len(links) == 1 and len(text.split()) <= CLOSING_CREDIT_WORDS and not rules.SENTENCE_END.search(text):
            found.add(id(links[0]))
        seen += 1
        if seen == CLOSING_BLOCKS:
            break
    return found


def page_lines(root: Tag, inside: Inside) -> Iterator[Line]:
    """Each block of text once, in document order; inline runs split on <br>. Linear in the page size."""
    count = 0
    blocky = _block_map(root)
    stack: list[tuple[Iterator[Any], Tag]] = [(iter(root.children), root)]
    run: list[str] = []
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        tag = child if isinstance(child, Tag) else None
        separate = tag is not None and (tag.name in BLOCKS or _is_meta_span(tag) or id(tag) in blocky)
        if child is None or separate:
            yield from _flush(run, owner, inside, count)
            count, run = count + len(run) + 1, []
        if child is None:
            stack.pop()
        elif tag is not None and id(tag) in blocky:
            stack.append((iter(tag.children), tag))  # holds blocks (even an inline <a> or <font> does)
        elif tag is not None and (tag.name in BLOCKS or _is_meta_span(tag)):
            for text in _block_texts(tag):
                yield Line(text, f"<{tag.name}> block {count}", inside(id(tag), text))
        elif tag is not None and tag.name == "br":
            run.append("\n")
        elif isinstance(child, Tag | NavigableString):
            run.append(child.get_text(" ") if isinstance(child, Tag) else str(child))


def _block_map(root: Tag) -> set[int]:
    """Ids of the elements that contain a block element or a <br>, computed in one pass from the leaves."""
    blocky: set[int] = set()
    for tag in reversed(elements(root)):
        parent = tag.parent
        if parent is not None and (tag.name in BLOCKS or tag.name == "br" or id(tag) in blocky):
            blocky.add(id(parent))
    return blocky


def _flush(run: list[str], owner: Tag, inside: Inside, count: int) -> Iterator[Line]:
    for n, piece in enumerate(re.split(r"\n", "".join(run))):
        text = " ".join(piece.split())
        if text:
            yield Line(text, f"<{owner.name}> text {count + n + 1}", inside(id(owner), text))


def _is_meta_span(tag: Tag) -> bool:
    """A classed <span> directly in a container (byline, stamp, badge) is a line of its own."""
    return tag.name == "span" and bool(tag.get("class")) and isinstance(tag.parent, Tag) and (
        tag.parent.name not in ("p", "li", "a", "em", "strong", "h1", "h2", "h3"))


def _block_texts(tag: Tag) -> list[str]:
    """A block's text; a block made only of several inline elements (meta rows) gives one each."""
    parts = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    if len(parts) > 1 and all(isinstance(c, Tag) and c.name in ("span", "div", "time", "a", "small")
                              for c in parts):
        return [t for t in (" ".join(c.get_text(" ").split()) for c in parts) if t]
    text = text_of(tag)
    return [text] if text else []


# Blocks beside the story: a photo's caption and credit (<figure>, <figcaption>), a collapsed note (<details>:
# shown only when a reader opens it, a clipper's or editor's notes, never the story's text).
ASIDE_BLOCKS = frozenset({"figure", "figcaption", "details"})


def _captions(tags: list[Tag]) -> set[int]:
    """Ids of the elements inside ASIDE_BLOCKS."""
    found: set[int] = set()
    for tag in tags:  # document order: a parent before its children
        if tag.name in ASIDE_BLOCKS or (tag.parent is not None and id(tag.parent) in found):
            found.add(id(tag))
    return found
