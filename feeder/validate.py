"""Check an Atom document against RFC 4287 and RFC 5005 and report findings with line numbers.

Errors are the RFCs' MUSTs; warnings are SHOULDs and habits that make feed readers trip
(missing self link, relative links with no xml:base, scripts in content, implausible dates).
The document is parsed with lxml with entity resolution, DTD loading and network access off:
entity declarations are reported, never expanded. Any bytes give a tuple of findings and
never an exception. The module never reads the clock: pass ``now`` to check future dates.

Choices where the brief left room (see tests/validate/README.md):
- A missing xml:lang is not reported. Readers fall back to the HTTP Content-Language or
  their own default and do not trip on it; the W3C validator also treats it as info only.
- An entry with neither content nor summary is a warning ("entry-missing-text"): RFC 4287
  only calls a summary "advisable" there. The summary is an error only where the RFC says
  MUST (content with src, or Base64 media content).
- A feed with no author and no entries is valid: RFC 4287 asks for a feed author only
  "unless all of the atom:feed element's child atom:entry elements" have one, which
  holds for no entries (the W3C validator agrees).
- Same id and same updated on two entries is an error ("duplicate-entry"), stricter than
  RFC 4287's SHOULD and the W3C validator's warning: readers keep one of them at random.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from types import MappingProxyType
from typing import Literal

from lxml import etree

Severity = Literal["error", "warning"]
Element = etree._Element

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
HISTORY = "http://purl.org/syndication/history/1.0"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based line in the document (0 if not applicable)
    severity: Severity
    code: str  # stable kebab-case code, e.g. "entry-missing-author"
    message: str  # one line: what is wrong AND what to change


# ---------------------------------------------------------------- rules as data

ONE, OPTIONAL = (1, 1), (0, 1)
_FEED_SINGLES = ("generator", "icon", "logo", "rights", "subtitle")

# Children that may appear a bounded number of times, per container kind.
CARDINALITY: Mapping[str, Mapping[str, tuple[int, int]]] = {
    "feed": {"id": ONE, "title": ONE, "updated": ONE, **dict.fromkeys(_FEED_SINGLES, OPTIONAL)},
    "entry": {"id": ONE, "title": ONE, "updated": ONE,
              **dict.fromkeys(("content", "published", "rights", "source", "summary"), OPTIONAL)},
    "source": dict.fromkeys((*_FEED_SINGLES, "id", "title", "updated"), OPTIONAL),
    "person": {"name": ONE, "uri": OPTIONAL, "email": OPTIONAL},
}
# Children that may repeat freely, per container kind.
REPEATABLE: Mapping[str, frozenset[str]] = {
    "feed": frozenset({"author", "category", "contributor", "link", "entry"}),
    "entry": frozenset({"author", "category", "contributor", "link"}),
    "source": frozenset({"author", "category", "contributor", "link"}),
    "person": frozenset(),
}
KINDS: Mapping[str, str] = {"feed": "feed", "entry": "entry", "source": "source",
                            "author": "person", "contributor": "person"}
# What to put in a missing required child.
HINTS: Mapping[str, str] = {
    "id": "a permanent absolute IRI (tag:, urn:uuid: or https:)",
    "title": "a human-readable title",
    "updated": "an RFC 3339 timestamp such as 2024-05-01T12:00:00Z",
    "name": "the person's or organisation's name",
}
TEXT_TYPES = frozenset({"text", "html", "xhtml"})
TEXT_CONSTRUCTS = frozenset({"title", "subtitle", "summary", "rights"})
HISTORY_RELS = frozenset({"first", "last", "next", "previous", "prev-archive", "next-archive"})
SOURCE_CREDIT = ("id", "title", "updated")  # a link too when the origin has a homepage; some credits have none
UNSAFE_TAGS = frozenset({"script", "iframe", "object", "embed", "style", "form"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "poster",
                       "background", "cite", "lowsrc", "dynsrc"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
OLDEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)


def _missing_rules() -> dict[str, tuple[Severity, str]]:
    return {f"{kind}-missing-{child}": ("error", f"atom:{kind} lacks its required atom:{child}")
            for kind, table in CARDINALITY.items() for child, (low, _) in table.items() if low}


_RULES: dict[str, tuple[Severity, str]] = {
    "xml-not-well-formed": ("error", "the bytes are not well-formed XML"),
    "xml-entity-declaration": ("error", "a DOCTYPE declares entities (never expanded: XXE risk)"),
    "xml-entity-reference": ("error", "an entity reference that readers cannot resolve"),
    "root-not-atom": ("error", "the root element is neither atom:feed nor atom:entry"),
    **_missing_rules(),
    "entry-missing-author": ("error", "entry has no author, and neither feed nor source has one"),
    "duplicate-element": ("error", "an element allowed at most once appears again"),
    "unknown-element": ("error", "an Atom-namespace element where RFC 4287 allows none"),
    "source-contains-entry": ("error", "atom:source contains an atom:entry"),
    "duplicate-alternate-link": ("error", "two alternate links share type and hreflang"),
    "link-missing-href": ("error", "atom:link without an href attribute"),
    "category-missing-term": ("error", "atom:category without a term attribute"),
    "invalid-date": ("error", "a date is not an RFC 3339 date-time with Z or offset"),
    "invalid-id": ("error", "atom:id is not an absolute IRI"),
    "invalid-iri": ("error", "an href, src, uri, icon or logo is not a valid IRI reference"),
    "invalid-email": ("error", "atom:email is not an e-mail address"),
    "duplicate-entry": ("error", "two entries share both id and updated"),
    "invalid-text-type": ("error", "text construct type is not text, html or xhtml"),
    "xhtml-missing-div": ("error", "type=\"xhtml\" without exactly one xhtml:div child"),
    "unescaped-markup": ("error", "child elements inside text or html content (not escaped)"),
    "invalid-content-type": ("error", "atom:content type is not text/html/xhtml or a MIME type"),
    "content-src-not-empty": ("error", "atom:content with src is not empty"),
    "invalid-base64": ("error", "non-text, non-XML content is not Base64"),
    "entry-missing-summary": ("error", "content with src or Base64 content but no summary"),
    "entry-missing-alternate": ("error", "entry without content has no alternate link"),
    "archive-and-complete": ("error", "fh:archive and fh:complete in one document"),
    "complete-with-paging-links": ("error", "fh:complete feed with archive or paging links"),
    "feed-missing-self": ("warning", "feed has no rel=\"self\" link"),
    "source-incomplete": ("warning", "atom:source lacks id, title or updated"),
    "date-too-old": ("warning", "a date before 1990"),
    "date-in-future": ("warning", "a date more than a day after now"),
    "updated-before-published": ("warning", "entry updated is earlier than published"),
    "feed-updated-stale": ("warning", "feed updated is older than its newest entry"),
    "duplicate-entry-id": ("warning", "two entries share an id (with different updated)"),
    "relative-href": ("warning", "a relative reference with no absolute xml:base"),
    "unsafe-markup": ("warning", "script-capable markup in html or xhtml text"),
    "entry-missing-text": ("warning", "entry has neither content nor summary"),
    "archive-missing-current": ("warning", "fh:archive document without a current link"),
    "archive-not-linked": ("warning", "fh:archive document without prev/next-archive links"),
}
CODES: Mapping[str, str] = MappingProxyType({code: text for code, (_, text) in _RULES.items()})

# ------------------------------------------------------------------ public API


def validate_feed(data: bytes, *, now: datetime | None = None) -> tuple[Finding, ...]:
    """Findings for one Atom document, sorted by line, then code; never raises.

    ``now`` (aware; a naive value is read as UTC) enables the "date-in-future" check;
    without it that check is skipped, since this module never reads the clock.
    """
    declared = list(_entity_declarations(data))
    root = _parse(data)
    if isinstance(root, Finding):
        return _sorted([*declared, root])
    declared = declared or list(_dtd_fallback(root))
    return _sorted([*declared, *_document_findings(root, _aware(now))])


def validate_structure(data: bytes, *, now: datetime | None = None) -> tuple[Finding, ...]:
    """The publishing gate for a document whose entries were each validated when they were stored.

    The whole document must parse; its feed element and metadata (the entries taken out) and
    its entry ids must pass. Entries are not walked again: a backfill's archive pages then cost
    a parse each, not a second validation of every entry.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return validate_feed(data, now=now)
    if not _is_atom(root, "feed"):
        return validate_feed(data, now=now)
    duplicates = list(_check_entry_ids(root))
    for entry in _atom_children(root, "entry"):
        root.remove(entry)
    skeleton = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return _sorted([*duplicates, *validate_feed(skeleton, now=now)])


def is_absolute_iri(value: str) -> bool:
    """Whether an id or href passes the IRI rules of the full validation as an absolute reference."""
    return _is_absolute(value)


def is_rfc3339(text: str) -> bool:
    """Whether a date text passes the date rule of the full validation (no warning checks)."""
    return _parse_date(text) is not None


def has_errors(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    """True if any finding is an error (or, with strict, a warning)."""
    return any(f.severity == "error" or strict for f in findings)


def format_finding(name: str, f: Finding) -> str:
    """One line in the style of compilers: NAME:LINE: error [code] message."""
    return f"{name}:{f.line}: {f.severity} [{f.code}] {f.message}"


# -------------------------------------------------------------- small helpers


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(set(findings), key=lambda f: (f.line, f.code, f.message)))


def _finding(where: Element | int, code: str, message: str) -> Finding:
    line = where if isinstance(where, int) else _line(where)
    return Finding(line, _RULES[code][0], code, " ".join(message.split()))


def _line(el: Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 0


def _text(el: Element) -> str:
    return "".join(t for t in el.itertext() if isinstance(t, str))


def _show(value: str, limit: int = 60) -> str:
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= limit else flat[:limit] + "...")


def _aware(now: datetime | None) -> datetime | None:
    if now is None or now.tzinfo is not None:
        return now
    return now.replace(tzinfo=UTC)


def _local(el: Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _is_atom(el: Element, *names: str) -> bool:
    return isinstance(el.tag, str) and el.tag in {f"{{{ATOM}}}{n}" for n in names}


def _elements(el: Element) -> list[Element]:
    return [child for child in el if isinstance(child.tag, str)]


def _atom_children(el: Element, name: str | None = None) -> list[Element]:
    # lxml filters by tag in C: this is the validator's innermost loop.
    return list(el.iterchildren(f"{{{ATOM}}}{name or '*'}"))


def _value(el: Element) -> str:
    return _text(el).strip()


def _rel(link: Element) -> str:
    return (link.get("rel") or "alternate").strip()


def _rels(el: Element) -> set[str]:
    return {_rel(link) for link in _atom_children(el, "link")}


# ----------------------------------------------------------- parse and guard


def _parse(data: bytes) -> Element | Finding:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return _finding(max(exc.lineno or 1, 1), "xml-not-well-formed",
                        f"XML is not well-formed: {_show(str(exc.msg), 120)}; "
                        "fix the markup so any XML parser accepts the document")


_ENTITY_DECL = re.compile(r"<!ENTITY\s+(?:%\s*)?([^\s>]*)")
_SNIFF = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
          (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))


def _sniff_text(data: bytes) -> str:
    """Decoded text good enough to find declarations and count lines."""
    codec = next((c for prefix, c in _SNIFF if data.startswith(prefix)), "latin-1")
    return data.decode(codec, errors="replace")


def _entity_declarations(data: bytes) -> Iterator[Finding]:
    text = _sniff_text(data)
    start = text.find("<!DOCTYPE")
    if start < 0:
        return
    end = text.find("]>", start)
    for match in _ENTITY_DECL.finditer(text, start, end if end > 0 else len(text)):
        yield _finding(text.count("\n", 0, match.start()) + 1, "xml-entity-declaration",
                       f"DOCTYPE declares entity {_show(match.group(1))}; entities are not "
                       "expanded here and many readers refuse them: remove the DOCTYPE "
                       "and write characters directly or as &#NNN; references")


def _entity_references(root: Element) -> Iterator[Finding]:
    for node in root.iter(etree.Entity):
        yield _finding(node, "xml-entity-reference",
                       f"entity reference {_show(str(node.text))} cannot be resolved without "
                       "a DTD; write the character itself or a numeric reference like &#160;")


def _dtd_fallback(root: Element) -> Iterator[Finding]:
    """Entities the text scan could not see (an unusual encoding)."""
    dtd = root.getroottree().docinfo.internalDTD
    entities = [] if dtd is None else list(dtd.iterentities())  # type: ignore[attr-defined]
    if entities:
        yield _finding(1, "xml-entity-declaration",
                       "DOCTYPE declares entities; remove the DOCTYPE and write "
                       "characters directly or as numeric references")


# --------------------------------------------------------------- whole document


def _document_findings(root: Element, now: datetime | None) -> Iterator[Finding]:
    yield from _entity_references(root)
    if not _is_atom(root, "feed", "entry"):
        yield _root_finding(root)
        return
    for check in _ROOT_CHECKS[_local(root)]:
        yield from check(root)
    for el in _walk(root):
        for element_check in _ELEMENT_CHECKS.get(_local(el), ()):
            yield from element_check(el, now)


def _root_finding(root: Element) -> Finding:
    tag = etree.QName(root)
    where = f" in namespace {tag.namespace}" if tag.namespace else " in no namespace"
    return _finding(root, "root-not-atom",
                    f"root element is <{tag.localname}>{where}; an Atom document's root is "
                    f"<feed xmlns=\"{ATOM}\"> (or a lone <entry> in that namespace)")


def _walk(el: Element) -> Iterator[Element]:
    """Atom elements reachable through the containers that RFC 4287 allows."""
    yield el
    kind = KINDS.get(_local(el))
    if kind is None:
        return
    for child in _atom_children(el):
        if _allowed(kind, _local(child)):
            yield from _walk(child)


def _allowed(kind: str, name: str) -> bool:
    return name in CARDINALITY[kind] or name in REPEATABLE[kind]


# ------------------------------------------------------------ container checks


def _check_children(el: Element, now: datetime | None) -> Iterator[Finding]:
    kind = KINDS[_local(el)]
    for child in _atom_children(el):
        if not _allowed(kind, _local(child)):
            yield _unknown_child(el, child)
    for name, (low, high) in CARDINALITY[kind].items():
        found = _atom_children(el, name)
        if len(found) < low:
            yield _finding(el, f"{kind}-missing-{name}",
                           f"atom:{_local(el)} has no atom:{name}; add one with {HINTS[name]}")
        for extra in found[high:]:
            yield _finding(extra, "duplicate-element",
                           f"atom:{_local(el)} has more than one atom:{name}; keep only one")


def _unknown_child(parent: Element, child: Element) -> Finding:
    if _local(parent) == "source" and _local(child) == "entry":
        return _finding(child, "source-contains-entry",
                        "atom:source contains an atom:entry; a source carries only feed "
                        "metadata, so remove the entry")
    return _finding(child, "unknown-element",
                    f"atom:{_local(child)} is not allowed in atom:{_local(parent)}; fix the "
                    "name or move it, or use your own namespace for extensions")


def _check_alternates(el: Element, now: datetime | None) -> Iterator[Finding]:
    seen: set[tuple[str | None, str | None]] = set()
    for link in _atom_children(el, "link"):
        if _rel(link) != "alternate":
            continue
        key = (link.get("type"), link.get("hreflang"))
        if key in seen:
            yield _finding(link, "duplicate-alternate-link",
                           f"second alternate link with type={key[0]!r} hreflang={key[1]!r}; "
                           "keep one, or give it another type, hreflang or rel")
        seen.add(key)


def _check_source(el: Element, now: datetime | None) -> Iterator[Finding]:
    missing = [name for name in SOURCE_CREDIT if not _atom_children(el, name)]
    if missing:
        names = ", ".join(f"atom:{name}" for name in missing)
        yield _finding(el, "source-incomplete",
                       f"atom:source lacks {names}; copy them from the original feed so "
                       "readers can credit the origin")


# ------------------------------------------------------------------ feed level


def _check_feed_metadata(feed: Element) -> Iterator[Finding]:
    if "self" not in _rels(feed):
        yield _finding(feed, "feed-missing-self",
                       "feed has no <link rel=\"self\" href=\"...\"/>; add one with the "
                       "feed's own URL so readers can subscribe to the right address")


def _check_feed_authors(feed: Element) -> Iterator[Finding]:
    if not _atom_children(feed, "author"):
        for entry in _atom_children(feed, "entry"):
            yield from _check_entry_author(entry)


def _check_entry_author(entry: Element) -> Iterator[Finding]:
    sources = _atom_children(entry, "source")
    if _atom_children(entry, "author") or any(_atom_children(s, "author") for s in sources):
        return
    yield _finding(entry, "entry-missing-author",
                   "entry has no atom:author and the feed has none either; add "
                   "<author><name>...</name></author> to the entry or the feed")


def _check_entry_ids(feed: Element) -> Iterator[Finding]:
    seen: dict[str, set[str]] = {}
    for entry in _atom_children(feed, "entry"):
        ids = _atom_children(entry, "id")
        if not ids or not _value(ids[0]):
            continue
        key, updated = _value(ids[0]), _first_value(entry, "updated")
        if key in seen:
            yield _duplicate_id(ids[0], key, updated in seen[key])
        seen.setdefault(key, set()).add(updated)


def _first_value(el: Element, name: str) -> str:
    found = _atom_children(el, name)
    return _value(found[0]) if found else ""


def _duplicate_id(el: Element, key: str, same_updated: bool) -> Finding:
    if same_updated:
        return _finding(el, "duplicate-entry",
                        f"another entry has id {_show(key)} and the same updated; give each "
                        "entry its own id, or drop the repeated copy")
    return _finding(el, "duplicate-entry-id",
                    f"id {_show(key)} appears on more than one entry (versions of one entry); "
                    "keep only the newest version unless you mean to publish history")


def _check_stale(feed: Element) -> Iterator[Finding]:
    updated = _atom_children(feed, "updated")
    feed_date = _parse_date(_value(updated[0])) if updated else None
    entry_dates = [_parse_date(_first_value(e, "updated")) for e in _atom_children(feed, "entry")]
    newest = max((d for d in entry_dates if d is not None), default=None)
    if feed_date is not None and newest is not None and feed_date < newest:
        yield _finding(updated[0], "feed-updated-stale",
                       f"feed updated is older than the newest entry ({newest.isoformat()}); "
                       "set the feed's updated to at least that time")


# -------------------------------------------------------------------- RFC 5005


def _history_flags(feed: Element) -> dict[str, Element]:
    return {etree.QName(el).localname: el for el in _elements(feed)
            if etree.QName(el).namespace == HISTORY}


def _check_history(feed: Element) -> Iterator[Finding]:
    flags, rels = _history_flags(feed), _rels(feed)
    if "complete" in flags:
        yield from _check_complete(feed, flags)
    elif "archive" in flags:
        yield from _check_archive(flags["archive"], rels)


def _check_complete(feed: Element, flags: dict[str, Element]) -> Iterator[Finding]:
    if "archive" in flags:
        yield _finding(flags["complete"], "archive-and-complete",
                       "fh:complete in an fh:archive document; an archive is one page of a "
                       "series, so remove fh:complete (or fh:archive)")
    for link in _atom_children(feed, "link"):
        if _rel(link) in HISTORY_RELS:
            yield _finding(link, "complete-with-paging-links",
                           f"rel={_rel(link)!r} link in an fh:complete feed; a complete feed "
                           "has no other pages, so remove the link or fh:complete")


def _check_archive(archive: Element, rels: set[str]) -> Iterator[Finding]:
    if "current" not in rels:
        yield _finding(archive, "archive-missing-current",
                       "fh:archive document has no rel=\"current\" link; add one pointing to "
                       "the subscription feed")
    if not rels & {"prev-archive", "next-archive"}:
        yield _finding(archive, "archive-not-linked",
                       "fh:archive document has no prev-archive or next-archive link; unless "
                       "it is the only archive page, link its neighbours (RFC 5005 section 4)")


# ------------------------------------------------------------------ entry level


def _check_entry_text(entry: Element, now: datetime | None) -> Iterator[Finding]:
    contents = _atom_children(entry, "content")
    has_summary = bool(_atom_children(entry, "summary"))
    if contents and _needs_summary(contents[0]) and not has_summary:
        yield _finding(entry, "entry-missing-summary",
                       "entry content is remote (src) or Base64 media but there is no "
                       "atom:summary; add a summary readers can show")
    if not contents:
        yield from _check_contentless(entry, has_summary)


def _check_contentless(entry: Element, has_summary: bool) -> Iterator[Finding]:
    if not has_summary:
        yield _finding(entry, "entry-missing-text",
                       "entry has neither atom:content nor atom:summary; add one so readers "
                       "have text to show")
    if "alternate" not in _rels(entry):
        yield _finding(entry, "entry-missing-alternate",
                       "entry has no atom:content and no alternate link; add content or "
                       "<link rel=\"alternate\" href=\"...\"/>")


def _needs_summary(content: Element) -> bool:
    return content.get("src") is not None or _is_base64_type(content.get("type") or "text")


def _check_published_order(entry: Element, now: datetime | None) -> Iterator[Finding]:
    updated = _parse_date(_first_value(entry, "updated"))
    published = _parse_date(_first_value(entry, "published"))
    if updated is not None and published is not None and updated < published:
        yield _finding(_atom_children(entry, "updated")[0], "updated-before-published",
                       "entry updated is earlier than its published date; set updated to "
                       "the last change, which is never before first publication")


# ------------------------------------------------------------------------ dates

_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)")


def _parse_date(text: str) -> datetime | None:
    """RFC 3339 date-time as Atom requires it (upper-case T and Z, offset present)."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    try:
        zone = _offset(match.group(8))
        # A leap second (60) is legal in RFC 3339; datetime cannot hold it.
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=zone)
    except ValueError:
        return None


def _offset(text: str) -> timezone:
    if text == "Z":
        return UTC
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _check_date(el: Element, now: datetime | None) -> Iterator[Finding]:
    text = _value(el)
    date = _parse_date(text)
    if date is None:
        yield _finding(el, "invalid-date",
                       f"atom:{_local(el)} {_show(text)} is not an RFC 3339 date-time; write "
                       "it like 2024-05-01T12:00:00Z or 2024-05-01T20:00:00+08:00")
    elif date < OLDEST_PLAUSIBLE:
        yield _finding(el, "date-too-old",
                       f"atom:{_local(el)} {_show(text)} is before 1990; check the year and "
                       "the source of this timestamp")
    elif now is not None and date > now + FUTURE_SLACK:
        yield _finding(el, "date-in-future",
                       f"atom:{_local(el)} {_show(text)} is more than a day in the future; "
                       "check the time zone offset of this timestamp")


# ------------------------------------------------------------------------- IRIs

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_BAD = re.compile(r"[\x00-\x20\x7f-\x9f\"<>\\^`{|}]|%(?![0-9A-Fa-f]{2})")


def _is_iri_reference(value: str) -> bool:
    return _IRI_BAD.search(value) is None and value.count("#") <= 1


def _is_absolute(value: str) -> bool:
    return _SCHEME.match(value) is not None and _is_iri_reference(value)


def _has_absolute_base(el: Element) -> bool:
    chain = [el, *el.iterancestors()]
    return any(_is_absolute(node.get(XML_BASE) or "") for node in chain)


def _iri_findings(el: Element, value: str, where: str) -> Iterator[Finding]:
    if not _is_iri_reference(value):
        yield _finding(el, "invalid-iri",
                       f"{where} {_show(value)} is not a valid IRI reference; percent-encode "
                       "spaces and characters such as < > \" { } | \\ ^ `")
    elif not _is_absolute(value) and not _has_absolute_base(el):
        yield _finding(el, "relative-href",
                       f"{where} {_show(value)} is relative and no xml:base says relative "
                       "to what; write an absolute URL or add xml:base on an ancestor")


def _check_id(el: Element, now: datetime | None) -> Iterator[Finding]:
    text = _value(el)
    if not _is_absolute(text):
        yield _finding(el, "invalid-id",
                       f"atom:id {_show(text)} is not an absolute IRI; use a permanent "
                       "identifier such as tag:example.org,2024:post-1 or urn:uuid:...")


def _check_link(el: Element, now: datetime | None) -> Iterator[Finding]:
    href = el.get("href")
    if href is None:
        yield _finding(el, "link-missing-href",
                       "atom:link has no href attribute; add href with the target URL")
    else:
        yield from _iri_findings(el, href, f"link rel={_rel(el)!r} href")


def _check_iri_text(el: Element, now: datetime | None) -> Iterator[Finding]:
    yield from _iri_findings(el, _value(el), f"atom:{_local(el)}")


def _check_generator(el: Element, now: datetime | None) -> Iterator[Finding]:
    uri = el.get("uri")
    if uri is not None:
        yield from _iri_findings(el, uri, "atom:generator uri")


def _check_category(el: Element, now: datetime | None) -> Iterator[Finding]:
    if el.get("term") is None:
        yield _finding(el, "category-missing-term",
                       "atom:category has no term attribute; add term=\"...\" (label is "
                       "only the human-readable form)")
    scheme = el.get("scheme")
    if scheme is not None and not _is_iri_reference(scheme):
        yield _finding(el, "invalid-iri",
                       f"category scheme {_show(scheme)} is not a valid IRI; percent-encode it")


_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+")


def _check_email(el: Element, now: datetime | None) -> Iterator[Finding]:
    text = _value(el)
    if _EMAIL.fullmatch(text) is None:
        yield _finding(el, "invalid-email",
                       f"atom:email {_show(text)} is not an address like name@example.org; "
                       "put only the address there (a name goes in atom:name)")


# ------------------------------------------------------------- text and content


def _check_text(el: Element, now: datetime | None) -> Iterator[Finding]:
    kind = el.get("type") or "text"
    if kind not in TEXT_TYPES:
        yield _finding(el, "invalid-text-type",
                       f"atom:{_local(el)} type={kind!r} is not allowed; use \"text\", "
                       "\"html\" or \"xhtml\" (MIME types are only for atom:content)")
    else:
        yield from _body_findings(el, kind)


def _body_findings(el: Element, kind: str) -> Iterator[Finding]:
    if kind == "xhtml":
        yield from _xhtml_findings(el)
        return
    yield from _no_children(el, kind)
    if kind == "html":
        yield from _unsafe_html(el)


def _no_children(el: Element, kind: str) -> Iterator[Finding]:
    children = _elements(el)
    if children:
        yield _finding(children[0], "unescaped-markup",
                       f"atom:{_local(el)} type={kind!r} contains element "
                       f"<{_local(children[0])}>; escape the markup (&lt;{_local(children[0])}&gt;) and use "
                       "type=\"html\", or use type=\"xhtml\" with one xhtml:div")


def _xhtml_findings(el: Element) -> Iterator[Finding]:
    children = _elements(el)
    div = children[0] if len(children) == 1 else None
    stray = (el.text or "").strip() or (div is not None and (div.tail or "").strip())
    if div is None or div.tag != f"{{{XHTML}}}div" or stray:
        yield _finding(el, "xhtml-missing-div",
                       f"atom:{_local(el)} type=\"xhtml\" must hold exactly one "
                       f"<div xmlns=\"{XHTML}\"> and nothing else; wrap the markup in it")
    else:
        yield from _unsafe_xhtml(el, div)


def _check_content(el: Element, now: datetime | None) -> Iterator[Finding]:
    kind, src = el.get("type") or "text", el.get("src")
    if src is not None:
        yield from _check_src_content(el, kind, src)
    elif kind in TEXT_TYPES:
        yield from _body_findings(el, kind)
    elif not _is_media_type(kind):
        yield _bad_content_type(el, kind)
    elif kind.lower().startswith("text/"):
        yield from _no_children(el, kind)
    elif _is_base64_type(kind):
        yield from _check_base64(el, kind)


def _check_src_content(el: Element, kind: str, src: str) -> Iterator[Finding]:
    if el.get("type") is not None and not _is_media_type(kind):
        yield _bad_content_type(el, kind)
    if _elements(el) or (el.text or "").strip():
        yield _finding(el, "content-src-not-empty",
                       "atom:content with src must be empty; move the text to atom:summary "
                       "or drop the src attribute")
    yield from _iri_findings(el, src, "atom:content src")


def _bad_content_type(el: Element, kind: str) -> Finding:
    return _finding(el, "invalid-content-type",
                    f"atom:content type={kind!r} is not allowed here; use \"text\", \"html\", "
                    "\"xhtml\" or a single (not multipart) MIME type such as image/png "
                    "(only a MIME type with src)")


_MEDIA_TYPE = re.compile(r"[\w!#$&^.+-]+/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=\S+)*")


def _is_media_type(kind: str) -> bool:
    composite = kind.lower().startswith(("multipart/", "message/"))
    return _MEDIA_TYPE.fullmatch(kind) is not None and not composite


def _is_xml_type(kind: str) -> bool:
    base = kind.split(";")[0].strip().lower()
    return base.endswith(("/xml", "+xml"))


def _is_base64_type(kind: str) -> bool:
    lower = kind.lower()
    return "/" in lower and not lower.startswith("text/") and not _is_xml_type(lower)


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _check_base64(el: Element, kind: str) -> Iterator[Finding]:
    if _elements(el) or not _is_base64("".join((el.text or "").split())):
        yield _finding(el, "invalid-base64",
                       f"atom:content type={kind!r} must be Base64-encoded data; encode it, "
                       "or link it with src=\"...\" and leave the element empty")


# ------------------------------------------------------------------ unsafe markup

Attrs = list[tuple[str, str | None]]


class _TagCollector(HTMLParser):
    """Start tags of an escaped HTML fragment, with their line in the fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, Attrs]] = []

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))


def _html_tags(text: str) -> list[tuple[int, str, Attrs]]:
    collector = _TagCollector()
    try:
        collector.feed(text)
        collector.close()
    except (AssertionError, ValueError):  # old html.parser versions assert on odd input
        pass
    return collector.tags


def _unsafe_reasons(tag: str, attrs: Attrs) -> Iterator[str]:
    if tag.lower() in UNSAFE_TAGS:
        yield f"a <{tag}> element"
    for name, value in attrs:
        lower = name.lower()
        if lower.startswith("on"):
            yield f"an {name} event attribute on <{tag}>"
        elif lower in URL_ATTRS and _unsafe_url(value or ""):
            yield f"a {(value or '').strip()[:20]!r} URL in {name} on <{tag}>"


def _unsafe_url(value: str) -> bool:
    squeezed = "".join(ch for ch in value if ch > " ").lower()
    return squeezed.startswith(UNSAFE_SCHEMES)


def _unsafe_finding(line: int, el: Element, reason: str) -> Finding:
    return _finding(line, "unsafe-markup",
                    f"atom:{_local(el)} contains {reason}; readers strip or block it, so "
                    "remove it (link to the original page for interactive content)")


# Markup that cannot carry anything unsafe: attribute-free tags none of UNSAFE_TAGS, and links to
# http(s) addresses. A fragment made only of these (and escaped text, where "<" never appears)
# needs no HTML parser; anything else, however slight, goes through it.
_HARMLESS_MARKUP = re.compile(
    r"</?(?:p|em|strong|b|i|u|br|blockquote|q|cite|ul|ol|li|h[1-6]|hr|small|sup|sub)\s*/?>"
    r'|<a href="https?://[^"<>]*">|</a>', re.I)


def _unsafe_html(el: Element) -> Iterator[Finding]:
    text = _text(el)
    if "<" not in _HARMLESS_MARKUP.sub("", text):
        return
    base = _line(el) or 1
    for line, tag, attrs in _html_tags(text):
        for reason in _unsafe_reasons(tag, attrs):
            yield _unsafe_finding(base + line - 1, el, reason)


def _unsafe_xhtml(el: Element, div: Element) -> Iterator[Finding]:
    for node in div.iter(etree.Element):
        attrs: Attrs = [(etree.QName(k).localname, str(v)) for k, v in node.attrib.items()]
        for reason in _unsafe_reasons(etree.QName(node).localname, attrs):
            yield _unsafe_finding(_line(node), el, reason)


# -------------------------------------------------------------- dispatch tables

RootCheck = Callable[[Element], Iterator[Finding]]
ElementCheck = Callable[[Element, datetime | None], Iterator[Finding]]

_ROOT_CHECKS: Mapping[str, tuple[RootCheck, ...]] = {
    "feed": (_check_feed_metadata, _check_feed_authors, _check_entry_ids, _check_stale,
             _check_history),
    "entry": (_check_entry_author,),
}
_ELEMENT_CHECKS: Mapping[str, tuple[ElementCheck, ...]] = {
    "feed": (_check_children, _check_alternates),
    "entry": (_check_children, _check_alternates, _check_entry_text, _check_published_order),
    "source": (_check_children, _check_alternates, _check_source),
    "author": (_check_children,),
    "contributor": (_check_children,),
    **dict.fromkeys(TEXT_CONSTRUCTS, (_check_text,)),
    "content": (_check_content,),
    "updated": (_check_date,),
    "published": (_check_date,),
    "id": (_check_id,),
    "link": (_check_link,),
    "category": (_check_category,),
    "icon": (_check_iri_text,),
    "logo": (_check_iri_text,),
    "uri": (_check_iri_text,),
    "generator": (_check_generator,),
    "email": (_check_email,),
}
