"""The parsed page: the one module that imports BeautifulSoup and lxml, and the cheap walks over its elements."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from lxml import etree

from feeder.extract import lazy_re as re

__all__ = [
    "INLINE",
    "UNSEEN",
    "BeautifulSoup",
    "Comment",
    "Declaration",
    "Doctype",
    "Head",
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


# Elements whose text a reader never sees as the story, dropped wherever they stand (furniture.DROP_TAGS adds
# the two it keeps in some places: a <form> wrapping a post, a <footer> inside an <article>).
UNSEEN = ("script", "style", "noscript", "template", "iframe", "svg", "button", "input", "select", "textarea",
          "nav", "aside", "object", "embed", "canvas", "video", "audio", "picture", "img", "link", "meta", "head")
# The ones whose strings bs4's get_text() leaves out: code and templates, never shown as text.
_NOT_TEXT = ("script", "style", "template")
_DOCTYPE = re.compile(r"<!doctype", re.I)
_TOO_DEEP = etree.XPath("boolean(" + "/*" * 250 + ")")


@dataclass(frozen=True, slots=True)
class Head:
    """What the whole document says before anything is dropped: the attributes of each <meta> and <link>,
    the first <title>'s string, the JSON-LD scripts, and all its text as bs4's get_text(" ") reads it."""

    metas: tuple[Mapping[str, str], ...] = ()
    links: tuple[Mapping[str, str], ...] = ()
    title: str | None = None
    json_ld: tuple[str, ...] = ()
    text: str = ""


def parse(text: str) -> tuple[BeautifulSoup, Head]:
    """The document tree of a saved page, without its UNSEEN elements, and what its head said.

    lxml parses the page in C, as bs4's own "lxml" builder has it do; bs4 then builds its tree (one Python
    object per node, the most costly part of reading a page) from the events of lxml's tree, skipping the
    unseen elements: scripts, menus and media are often half of a page's elements.
    """
    root = None if _doctype_inside(text) else _lxml_tree(text)
    if root is None:  # bs4 alone reads it, and the head is read from its whole tree
        soup = _soup(text, None)
        return soup, _head_of(soup)
    head = Head(metas=tuple(_attributes(e) for e in root.iter("meta")),
                links=tuple(_attributes(e) for e in root.iter("link")),
                title=_string(next(root.iter("title"), None)),
                json_ld=tuple(str(e.text or "") for e in root.iter("script") if e.get("type") == "application/ld+json"))
    _unmark_code(root)
    head = replace(head, text=" ".join(map(str, _page_text(root))))
    return _soup("", _Replay(root)), head


def _page_text(root: etree._Element) -> list[str]:
    """The page's strings as bs4's get_text gives them: a <template>'s content is no text of the page (bs4
    keeps it as template strings, which get_text leaves out)."""
    if next(root.iter("template"), None) is None:
        return [str(t) for t in root.itertext()]
    found: list[str] = []

    def walk(element: etree._Element) -> None:
        if isinstance(element.tag, str) and element.tag != "template":
            found.append(element.text or "")
            for child in element:
                walk(child)
                found.append(child.tail or "")
    walk(root)
    return [t for t in found if t]


def _lxml_tree(text: str) -> etree._Element | None:
    parser = etree.HTMLParser(recover=True)  # as bs4's "lxml" builder makes it
    try:
        parser.feed(text)
        root = parser.close()
    except (etree.LxmlError, ValueError):  # markup lxml cannot take as one document
        return None
    # libxml2 builds no tree deeper than 256 elements (bs4, fed as it parses, has no such bound): a tree that
    # deep may have lost what was below.
    return None if root is None or _TOO_DEEP(root) else root


def _doctype_inside(text: str) -> bool:
    """A doctype after the document's start (a pasted page's): lxml's tree keeps none where bs4's tree kept a
    node between the strings around it, so only bs4's own parse gives the same strings."""
    first = _DOCTYPE.search(text)
    return first is not None and (bool(text[:first.start()].strip()) or _DOCTYPE.search(text, first.end()) is not None)


def _head_of(soup: BeautifulSoup) -> Head:
    tags = elements(soup)
    return Head(metas=tuple(_bs4_attributes(t) for t in tags if t.name == "meta"),
                links=tuple(_bs4_attributes(t) for t in tags if t.name == "link"),
                title=str(soup.title.string) if soup.title and soup.title.string else None,
                json_ld=tuple(t.string or "" for t in tags
                              if t.name == "script" and t.get("type") == "application/ld+json"),
                text=soup.get_text(" "))


def _bs4_attributes(tag: Tag) -> dict[str, str]:
    return {k: " ".join(v) if isinstance(v, list) else str(v) for k, v in tag.attrs.items()}


def _soup(text: str, builder: _Replay | None) -> BeautifulSoup:
    with warnings.catch_warnings():
        # bs4 warns about markup that looks like a file name or URL; a page is a page.
        warnings.simplefilter("ignore")
        return BeautifulSoup(text, "lxml") if builder is None else BeautifulSoup(text, builder=builder)


_UNSEEN = frozenset(UNSEEN)


class _Replay(LXMLTreeBuilder):
    """bs4's lxml builder fed the events of a tree lxml has built, as lxml's parser feeds it while parsing;
    an unseen element (outside a <form>, which furniture reads whole) is skipped with what is inside it."""

    def __init__(self, root: etree._Element) -> None:
        super().__init__()
        self.root = root

    def feed(self, markup: object) -> None:
        """The events lxml's parser sends the builder (start, data, end, comment), from the tree. lxml's HTML
        parser names no namespace, so each start goes to bs4 as the builder's own start() hands it on."""
        soup = self.soup
        assert soup is not None  # bs4 sets it before feeding
        prefixes = self.active_namespace_prefixes[-1]
        attributes = self.attribute_dict_class
        forms = 0
        skipped = False
        walk = etree.iterwalk(self.root, events=("start", "end", "comment"))
        for event, node in walk:
            if event == "start":
                if node.tag in _UNSEEN and not forms:
                    walk.skip_subtree()
                    soup.endData()  # the strings before and after it stay apart, as when bs4 removed it
                    skipped = True
                    continue
                forms += node.tag == "form"
                soup.handle_starttag(node.tag, None, None, attributes(node.attrib), namespaces=prefixes)
                if node.text:
                    soup.handle_data(node.text)
                continue
            if event == "comment":
                self.comment(node.text or "")
            elif skipped:
                skipped = False
            else:
                forms -= node.tag == "form"
                soup.endData()
                soup.handle_endtag(node.tag)
            if node.tail and node is not self.root:
                soup.handle_data(node.tail)


def _unmark_code(root: etree._Element) -> None:
    """Replace scripts, styles and templates by empty comments: bs4's get_text() never reads their strings, and
    furniture drops them. A comment keeps the strings around each apart, as bs4 did when it removed one. (A
    template inside a <form> stays: its paragraphs count when furniture asks whether the form wraps a post.)"""
    for element in list(root.iter(*_NOT_TEXT)):
        parent = element.getparent()
        if parent is None or (element.tag == "template" and next(element.iterancestors("form"), None) is not None):
            continue
        mark = etree.Comment("")
        mark.tail = element.tail
        parent.replace(element, mark)


def _attributes(element: etree._Element) -> dict[str, str]:
    return {str(name): str(value) for name, value in element.attrib.items()}


def _string(element: etree._Element | None) -> str | None:
    """An element's one string, as bs4's ``.string``: its text when it has no child element."""
    if element is None or len(element):
        return None
    return None if element.text is None else str(element.text)


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
