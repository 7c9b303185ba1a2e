"""Where the story stands: a named content container, else the element densest in prose."""

from __future__ import annotations

from feeder.extract import rules
from feeder.extract.html.tree import NavigableString, Tag, elements, post_key, text_of, words_of

# Story containers, most specific first: schema.org articleBody, WordPress ".entry-content", Blogger ".post-body",
# common theme classes (".post-content", ".article-body", ".story-body"…), the tagDiv Newspaper theme's
# ".td-post-content", Drupal 7/8 ".field-name-body"/".field--name-body", then the generic <article> and <main>.
CONTENT_SELECTORS = ("[itemprop=articleBody]", ".entry-content", ".post-body", ".post-content",
                     ".article-body", ".article-content", ".story-body", ".story-content",
                     "#articleBody", ".td-post-content", ".content-body", ".field-name-body", ".field--name-body",
                     "article", "main")


# The named story containers (not the generic <article>/<main>): a furniture-sounding wrapper around one
# of them ("widget Blog" on Blogger themes) is layout, not furniture. Checked by hand in the one tree pass.
STORY_CLASSES = frozenset(s[1:] for s in CONTENT_SELECTORS if s.startswith("."))
# Words from which a named content container holds a story, not a snippet card with a content class.
STORY_CONTAINER_WORDS = 50


def is_story_container(tag: Tag) -> bool:
    if not tag.attrs:
        return False
    classes = tag.get("class")
    return (isinstance(classes, list) and not STORY_CLASSES.isdisjoint(classes)) or (
        "articleBody" in (tag.get("id"), tag.get("itemprop")))


def story_container(tags: list[Tag]) -> Tag | None:
    """The element holding the story (tags: the tree's elements in document order): the first element each of
    CONTENT_SELECTORS picks (as select_one would, in one pass), the first of those in their order that holds a
    paragraph; else the densest block of prose."""
    firsts: dict[int, Tag] = {}
    for tag in tags:
        for rank in _ranks(tag):
            firsts.setdefault(rank, tag)
    for rank in sorted(firsts):
        if firsts[rank].find("p"):
            return firsts[rank]
    densest = densest_block(tags)
    return _with_sibling_blocks(_block_of(densest)) if densest is not None else None


def _block_of(densest: Tag) -> Tag:
    """The block a run of inline prose stands for: an inline element that is all its parent holds (a label's text,
    `<td><span id="lblDetail">story</span></td>`) is read as that parent, the line the page prints."""
    parent = densest.parent
    if densest.name in _INLINE_CANDIDATES and isinstance(parent, Tag) and parent.name not in ("body", "html") and (
            text_of(parent) == text_of(densest)):
        return parent
    return densest


_INLINE_CANDIDATES = frozenset({"font", "a", "span"})


# Sibling blocks, each holding prose, from which a story is split into one block per paragraph (editors that
# wrap every paragraph in its own component): the story is their parent.
MIN_SPLIT_BLOCKS = 3


def _with_sibling_blocks(densest: Tag) -> Tag:
    """The densest block, or the parent of the repeated blocks it is one of when each holds a paragraph."""
    for node in (densest, *densest.parents):
        parent = node.parent
        key = post_key(node)
        if parent is None or parent.name in ("body", "html"):
            break
        if key is None:
            continue
        blocks = [c for c in parent.children if isinstance(c, Tag) and post_key(c) == key]
        # (counted only where enough blocks repeat: a deep chain of single wrappers stays linear)
        if len(blocks) >= MIN_SPLIT_BLOCKS and sum(
                1 for b in blocks if words_of(b) >= rules.MIN_PROSE_WORDS) >= MIN_SPLIT_BLOCKS:
            return parent
    return densest


GENERIC_CONTAINERS = ("article", "main")
# Share of an <article>'s prose that its densest block must hold to stand for it: the header above it (an
# excerpt repeating the description, a caption) is then no part of the story.
NARROW_SHARE = 0.9


def narrowed(container: Tag, tags: list[Tag], densest: Tag | None) -> Tag:
    """The block inside a generic <article>/<main> that holds nearly all of its prose, else the container."""
    if densest is None or densest is container:
        return container
    inner = sum(prose_score(t) for t in (densest, *elements(densest)) if t.name in _CANDIDATES)
    whole = sum(prose_score(t) for t in (container, *tags) if t.name in _CANDIDATES)
    return densest if inner >= NARROW_SHARE * whole else container


def densest_block(tags: list[Tag]) -> Tag | None:
    """The element with the most prose directly inside it."""
    best: tuple[int, Tag | None] = (0, None)
    for tag in (t for t in tags if t.name in _CANDIDATES):
        score = prose_score(tag)
        if score > best[0]:
            best = (score, tag)
    return best[1]


_CANDIDATES = frozenset({"div", "blockquote", "section", "article", "td", "main", "body", "font", "a", "span"})


def _selector_ranks(form: str) -> dict[str, int]:
    """Ranks in CONTENT_SELECTORS of its selectors of one simple form: "[itemprop=", ".", "#", or a name."""
    found: dict[str, int] = {}
    for rank, selector in enumerate(CONTENT_SELECTORS):
        if form and selector.startswith(form):
            found.setdefault(selector[len(form):].rstrip("]"), rank)
        elif not form and selector[:1].isalpha():
            found.setdefault(selector, rank)
    return found


_BY_ITEMPROP = _selector_ranks("[itemprop=")
_BY_CLASS = _selector_ranks(".")
_BY_ID = _selector_ranks("#")
_BY_NAME = _selector_ranks("")


def _ranks(tag: Tag) -> list[int]:
    """The ranks of the CONTENT_SELECTORS a tag matches."""
    found = [_BY_NAME[tag.name]] if tag.name in _BY_NAME else []
    attrs = tag.attrs
    if not attrs:
        return found
    classes = attrs.get("class")
    if isinstance(classes, list):
        found.extend(_BY_CLASS[c] for c in classes if c in _BY_CLASS)
    for value, table in ((attrs.get("id"), _BY_ID), (attrs.get("itemprop"), _BY_ITEMPROP)):
        if isinstance(value, str) and value in table:
            found.append(table[value])
    return found


def prose_score(tag: Tag) -> int:
    """Characters of prose directly inside: text runs and <p> children, not nested containers."""
    total = 0
    for child in tag.children:
        if isinstance(child, NavigableString):
            text = str(child).strip()
        elif isinstance(child, Tag) and child.name in ("p", "br", "span", "a", "em", "strong", "b", "i"):
            text = text_of(child) if child.name == "p" else ""
        else:
            continue
        total += len(text) if len(text.split()) >= 8 else 0
    return total
