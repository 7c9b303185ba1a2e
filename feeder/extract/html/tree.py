"""The parsed page: the one module that imports BeautifulSoup, and the cheap walks over its elements."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

__all__ = [
    "INLINE",
    "BeautifulSoup",
    "Comment",
    "Declaration",
    "Doctype",
    "NavigableString",
    "ProcessingInstruction",
    "Tag",
    "attr_words",
    "decompose_where",
    "elements",
    "ids_inside",
    "parse",
    "post_key",
    "text_of",
    "words_of",
]


def parse(text: str) -> BeautifulSoup:
    """The document tree of a saved page (lxml's parser, which mends broken markup as browsers do)."""
    with warnings.catch_warnings():
        # bs4 warns about markup that looks like a file name or URL; a page is a page.
        warnings.simplefilter("ignore")
        return BeautifulSoup(text, "lxml")


def elements(root: Tag) -> list[Tag]:
    """The elements below root in document order.

    Walking ``descendants`` is a plain linked-list walk; ``find_all(True)`` does the same walk
    through bs4's filter machinery, several times slower, and this module needs it often.
    """
    return [node for node in root.descendants if isinstance(node, Tag)]


def decompose_where(root: Tag, doomed: Callable[[Tag], bool], tags: list[Tag] | None = None) -> None:
    """Remove every element ``doomed`` picks, with what is inside it.

    The elements inside a removed one are skipped without being touched: bs4 wipes them, and any
    attribute read on a wiped element turns into a search of the tree.
    """
    gone: set[int] = set()
    for tag, parent in [(t, id(t.parent)) for t in (elements(root) if tags is None else tags)]:
        if parent in gone:
            gone.add(id(tag))
        elif doomed(tag):
            gone.add(id(tag))
            tag.decompose()


def words_of(tag: Tag) -> int:
    return len(tag.get_text(" ").split())


def ids_inside(tags: list[Tag], name: str) -> set[int]:
    """Ids of the elements inside a <name>, in one pass from the root (find_parent() is O(depth))."""
    found: set[int] = set()
    for tag in tags:  # document order: a parent before its children
        parent = tag.parent
        if parent is not None and (parent.name == name or id(parent) in found):
            found.add(id(tag))
    return found


def post_key(tag: Tag) -> tuple[str, str] | None:
    classes = tag.get("class") if tag.attrs else None
    return (tag.name, classes[0]) if isinstance(classes, list) and classes else None


def attr_words(tag: Tag) -> str:
    """A tag's class, id and data-role, as one string of words."""
    if not tag.attrs:
        return ""
    classes = tag.get("class")
    names = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    return f"{names} {tag.get('id') or ''} {tag.get('data-role') or ''}"


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


INLINE = frozenset({"span", "a", "strong", "b", "em", "i", "small", "time", "abbr", "cite", "font"})
