"""Invariants every published feed must keep, however hostile the inbox: well-formed, readable, inert."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import feedparser
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
# Characters that XML 1.0 forbids (lone surrogates and the two non-characters included).
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
UNSAFE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style",
                         "form", "base", "link", "meta", "svg", "math", "template"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "cite",
                       "lowsrc", "dynsrc", "srcset", "xlink:href", "uri"})
MARKUP_TYPES = frozenset({"html", "xhtml"})


def unsafe_url(value: str) -> bool:
    """True for a URL a browser would run or render inline (browsers ignore blanks and controls in schemes)."""
    folded = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return folded.startswith(UNSAFE_SCHEMES)


class _Tags(HTMLParser):
    """Every start tag and attribute in an HTML fragment, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSAFE_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in URL_ATTRS and value and unsafe_url(value):
                self.problems.append(f"{name}={value[:40]!r} on <{tag}>")

    handle_startendtag = handle_starttag


def html_problems(fragment: str) -> list[str]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.problems


def parse_feed_xml(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    return etree.fromstring(data, parser)


def feed_problems(data: bytes) -> list[str]:
    """What makes a feed unreadable or unsafe: illegal characters, bad XML, bozo, script-capable markup."""
    problems: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"feed is not UTF-8: {exc}"]
    if (bad := ILLEGAL_XML.search(text)) is not None:
        problems.append(f"character illegal in XML 1.0 at {bad.start()}: {bad.group()!r}")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        problems.append("feed carries a DOCTYPE or entity declaration")
    try:
        root = parse_feed_xml(data)
    except etree.XMLSyntaxError as exc:
        return [*problems, f"feed is not well-formed XML: {exc}"]
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"feedparser bozo: {parsed.get('bozo_exception')!r}")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name in URL_ATTRS and unsafe_url(str(value)):
                problems.append(f"line {el.sourceline}: {el.tag} {name}={value[:40]!r}")
        if el.get("type") == "html":
            problems.extend(f"line {el.sourceline}: {p}" for p in html_problems(el.text or ""))
        elif el.get("type") == "xhtml":
            fragment = etree.tostring(el, encoding="unicode")
            problems.extend(f"line {el.sourceline}: {p}" for p in html_problems(fragment))
    return problems


def entries(data: bytes) -> list[etree._Element]:
    return list(parse_feed_xml(data).iterfind(f"{ATOM}entry"))


def entry_title(entry: etree._Element) -> str:
    return entry.findtext(f"{ATOM}title") or ""


def entry_content(entry: etree._Element) -> str:
    return entry.findtext(f"{ATOM}content") or ""


def entry_with(data: bytes, token: str) -> etree._Element | None:
    """The entry whose title has token as a word of its own (hx-xss is not hx-xssvia), if there is one."""
    word = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
    return next((e for e in entries(data) if word.search(entry_title(e))), None)


def feed_dates(data: bytes) -> list[datetime]:
    """Every atom:updated and atom:published in the document, parsed."""
    root = parse_feed_xml(data)
    return [datetime.fromisoformat(el.text.strip()) for el in root.iter(f"{ATOM}updated", f"{ATOM}published")
            if el.text]


def snapshot(*folders: Path) -> dict[str, tuple[object, ...]]:
    """Type, mode, size, mtime and content hash (or link target) of everything below folders, links unfollowed."""
    found: dict[str, tuple[object, ...]] = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            for name in [*dirs, *files]:
                path = os.path.join(root, name)
                found[path] = _describe(path)
    return found


def _describe(path: str) -> tuple[object, ...]:
    info = os.lstat(path)
    base = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), info.st_size, info.st_mtime_ns)
    if stat.S_ISLNK(info.st_mode):
        return (*base, os.readlink(path))
    if stat.S_ISREG(info.st_mode) and os.access(path, os.R_OK):
        with open(path, "rb") as handle:
            return (*base, hashlib.sha256(handle.read()).hexdigest())
    return base
