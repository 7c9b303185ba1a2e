"""Tests for feeder.validate: the corpus in tests/validate/, hostile XML, and properties."""

from __future__ import annotations

import json
import re
import time
from dataclasses import FrozenInstanceError
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeder import validate as validate_module
from feeder.validate import CODES, Finding, format_finding, has_errors, validate_feed

CORPUS = Path(__file__).resolve().parent / "validate"
VALID = sorted((CORPUS / "valid").glob("*.atom"))
BROKEN = sorted((CORPUS / "broken").glob("*.atom"))
# The corpus is checked at a fixed "now" so that date-in-future.atom is stable.
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def check(data: bytes, now: datetime | None = NOW) -> tuple[Finding, ...]:
    findings = validate_feed(data, now=now)
    assert_well_behaved(findings)
    return findings


def assert_well_behaved(findings: object) -> None:
    """Shape every answer must have, whatever the input."""
    assert isinstance(findings, tuple)
    assert all(isinstance(f, Finding) for f in findings)
    keys = [(f.line, f.code) for f in findings]
    assert keys == sorted(keys)
    for f in findings:
        assert f.code in CODES, f.code
        assert f.severity in ("error", "warning")
        assert f.line >= 0
        assert f.message and "\n" not in f.message and "\r" not in f.message


def expected(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(path.with_suffix(".expected.json").read_text())
    return rows


def as_rows(findings: tuple[Finding, ...]) -> list[dict[str, object]]:
    return [{"line": f.line, "severity": f.severity, "code": f.code} for f in findings]


# ------------------------------------------------------------------- corpus


def test_corpus_size() -> None:
    assert len(BROKEN) >= 32
    assert len(VALID) >= 8


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_feed_has_no_findings(path: Path) -> None:
    findings = check(path.read_bytes())
    assert [format_finding(path.name, f) for f in findings] == []


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_feed_has_exactly_expected_findings(path: Path) -> None:
    assert as_rows(check(path.read_bytes())) == expected(path)


def test_every_broken_feed_has_an_expectation_and_a_fault() -> None:
    for path in BROKEN:
        rows = expected(path)
        assert rows, f"{path.name} expects no findings: it belongs in valid/"
        assert all(row["code"] in CODES for row in rows), path.name


def test_every_code_is_exercised_by_the_corpus() -> None:
    used = {row["code"] for path in BROKEN for row in expected(path)}
    assert set(CODES) - used == set()


def test_codes_are_kebab_case_with_one_line_descriptions() -> None:
    for code, text in CODES.items():
        assert code == code.lower() and " " not in code and "_" not in code
        assert text and "\n" not in text


# ------------------------------------------------------------- hostile XML

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE feed [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title></feed>
"""

QUADRATIC = (b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY big "' + b"x" * 50_000 + b'">]>\n'
             b'<feed xmlns="http://www.w3.org/2005/Atom"><title>' + b"&big;" * 20_000
             + b"</title></feed>\n")


def timed(data: bytes) -> tuple[tuple[Finding, ...], float]:
    start = time.perf_counter()
    findings = check(data)
    return findings, time.perf_counter() - start


@pytest.mark.parametrize("bomb", [BILLION_LAUGHS, QUADRATIC], ids=["billion-laughs", "quadratic"])
def test_entity_bombs_are_reported_not_expanded(bomb: bytes) -> None:
    findings, seconds = timed(bomb)
    assert seconds < 2
    assert "xml-entity-declaration" in {f.code for f in findings}
    assert has_errors(findings)
    assert all(len(f.message) < 400 and "lollol" not in f.message for f in findings)


def test_billion_laughs_declaration_lines() -> None:
    lines = [f.line for f in check(BILLION_LAUGHS) if f.code == "xml-entity-declaration"]
    assert lines == list(range(3, 13))


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>\n').encode()
    findings = check(data)
    assert {f.code for f in findings} >= {"xml-entity-declaration", "xml-entity-reference"}
    assert not any("TOP-SECRET" in f.message for f in findings)


def test_external_parameter_entity_is_not_fetched() -> None:
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY % remote SYSTEM '
            b'"http://127.0.0.1:9/evil.dtd"> %remote;]>\n'
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>\n')
    findings, seconds = timed(data)
    assert seconds < 2
    assert [f.line for f in findings if f.code == "xml-entity-declaration"] == [2]


def test_utf16_entity_declaration_is_seen() -> None:
    text = '<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE feed [<!ENTITY a "b">]>\n<x/>\n'
    codes = [(f.line, f.code) for f in check(text.encode("utf-16"))]
    assert (2, "xml-entity-declaration") in codes


# ------------------------------------------------------------ public API

MINIMAL = (CORPUS / "valid" / "minimal.atom").read_bytes()


def test_not_well_formed_gives_one_finding_with_the_parser_line() -> None:
    findings = check(b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<id>\n</feed>')
    assert [(f.line, f.severity, f.code) for f in findings] == [(4, "error", "xml-not-well-formed")]


@pytest.mark.parametrize("data", [b"", b"\x00", b"not xml", b"\xff\xfe\x00<", b"<?xml?>"])
def test_junk_is_one_not_well_formed_finding(data: bytes) -> None:
    assert [f.code for f in check(data)] == ["xml-not-well-formed"]


def test_has_errors_and_strict() -> None:
    warning = Finding(3, "warning", "feed-missing-self", "m")
    error = Finding(4, "error", "invalid-date", "m")
    assert not has_errors([])
    assert not has_errors([warning])
    assert has_errors([warning], strict=True)
    assert has_errors(iter([warning, error]))


def test_format_finding() -> None:
    f = Finding(12, "error", "entry-missing-author", "entry has no author; add one")
    line = "feed.atom:12: error [entry-missing-author] entry has no author; add one"
    assert format_finding("feed.atom", f) == line


def test_finding_is_frozen() -> None:
    f = Finding(1, "error", "invalid-date", "m")
    with pytest.raises(FrozenInstanceError):
        f.line = 2  # type: ignore[misc]


def feed_with_feed_updated(value: str) -> bytes:
    marker = b"  <updated>2024-05-01T12:00:00Z</updated>\n  <author>"
    assert marker in MINIMAL
    return MINIMAL.replace(marker, f"  <updated>{value}</updated>\n  <author>".encode())


def test_future_check_needs_now() -> None:
    future = feed_with_feed_updated("2099-01-01T00:00:00Z")
    assert check(future, now=None) == ()
    assert [f.code for f in check(future, now=NOW)] == ["date-in-future"]
    naive_now = datetime(2025, 1, 1)  # noqa: DTZ001 - a naive now is read as UTC
    assert [f.code for f in check(future, now=naive_now)] == ["date-in-future"]


def test_module_never_reads_the_clock() -> None:
    source = Path(validate_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"\.(now|today|utcnow)\(|\btime\.(time|monotonic)\(", source)


def test_future_slack_is_one_day() -> None:
    assert check(feed_with_feed_updated("2025-01-01T23:00:00Z")) == ()
    assert [f.code for f in check(feed_with_feed_updated("2025-01-02T00:00:01Z"))] == ["date-in-future"]


def feed_with_entry_updated(value: str) -> bytes:
    marker = b"    <updated>2024-05-01T12:00:00Z</updated>"
    assert marker in MINIMAL
    return MINIMAL.replace(marker, f"    <updated>{value}</updated>".encode())


@pytest.mark.parametrize("value", [
    "2024-01-01T00:00:00Z", "2016-12-31T23:59:60Z", "2024-01-01T00:00:00.5+05:30",
    "2024-02-29T00:00:00-00:00", " 2024-01-01T00:00:00Z\n",
])
def test_valid_dates(value: str) -> None:
    assert "invalid-date" not in {f.code for f in check(feed_with_entry_updated(value))}


@pytest.mark.parametrize("value", [
    "2024-01-01", "2024-01-01t00:00:00z", "2024-01-01 00:00:00Z", "2023-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00+24:00",
    "2024-01-01T00:00:00+0500", "0000-01-01T00:00:00Z", "",
])
def test_invalid_dates(value: str) -> None:
    assert "invalid-date" in {f.code for f in check(feed_with_entry_updated(value))}


def test_entry_author_may_come_from_its_source() -> None:
    data = (CORPUS / "valid" / "republished.atom").read_bytes()
    without_feed_author = data.replace(b"  <author><name>Republisher</name></author>\n", b"")
    assert check(without_feed_author) == ()  # entry 1 has an author, entry 2's source has one
    source_author = b"<author><name>Valley Times newsroom</name></author>"
    no_source_author = without_feed_author.replace(source_author, b"")
    second_entry = without_feed_author.split(b"\n").index(b"  <entry>", 12) + 1
    codes = [(f.line, f.code) for f in check(no_source_author)]
    assert codes == [(second_entry, "entry-missing-author")]


# -------------------------------------------------------------- properties

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_give_findings_not_exceptions(data: bytes) -> None:
    assert_well_behaved(validate_feed(data))


SEEDS = [path.read_bytes() for path in VALID] + [path.read_bytes() for path in BROKEN]


@st.composite
def mutated_feeds(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        if action == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        else:
            chunk = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(SNIPPETS)))
            data[at:at + (len(chunk) if action == "replace" else 0)] = chunk
    return bytes(data)


SNIPPETS = [b"<", b">", b"&", b"&amp;", b'"', b"</entry>", b"<entry>", b"<content type='xhtml'>",
            b"<div xmlns='http://www.w3.org/1999/xhtml'>", b"]]>", b"<![CDATA[", b"\xc3", b"\x00",
            b"xml:base='/x/'", b"<source>", b"<fh:archive/>", b"&lt;script&gt;", b"T99:99:99Z"]


@PROPERTY_SETTINGS
@given(mutated_feeds(), st.sampled_from([None, NOW]))
def test_mutated_feeds_give_findings_not_exceptions(data: bytes, now: datetime | None) -> None:
    assert_well_behaved(validate_feed(data, now=now))


@PROPERTY_SETTINGS
@given(st.text(max_size=300), st.sampled_from(["html", "text", "xhtml", "image/png", "text/plain"]))
def test_any_content_text_is_checked_without_exceptions(body: str, kind: str) -> None:
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "]]&gt;")
    cleaned = "".join(ch for ch in escaped if ch in "\t\n\r" or ch >= " ")
    data = MINIMAL.replace(b"<content>Plain text content is enough for an entry.</content>",
                           f'<content type="{kind}">{cleaned}</content>'.encode())
    assert_well_behaved(validate_feed(data))


HARMLESS = "<p>Text &amp; more.</p><p><em>Originally published by AP</em> <a href=\"https://apnews.com/x\">AP</a></p>"


@pytest.mark.parametrize("unsafe", [
    '<p onclick="steal()">x</p>', '<a href="javascript:alert(1)">x</a>',
    '<a href="https://x.example" onmouseover="y">x</a>', '<a href="jav&#x61;script:alert(1)">x</a>',
    "<script>alert(1)</script>", "<SCRIPT>x</SCRIPT>", '<a href=" javascript:x">x</a>',
    '<img src="data:text/html,x">', "<iframe src=x>", '<p style="x" onload="y">',
])
def test_unsafe_markup_is_found_beside_harmless_tags(unsafe: str) -> None:
    """The shortcut for fragments of plain tags must never hide a tag it does not know."""
    escaped = (HARMLESS + unsafe).replace("&", "&amp;").replace("<", "&lt;")
    data = MINIMAL.replace(b"<content>Plain text content is enough for an entry.</content>",
                           f'<content type="html">{escaped}</content>'.encode())
    assert "unsafe-markup" in [f.code for f in check(data)]


def test_harmless_markup_alone_has_no_finding() -> None:
    escaped = HARMLESS.replace("&", "&amp;").replace("<", "&lt;")
    data = MINIMAL.replace(b"<content>Plain text content is enough for an entry.</content>",
                           f'<content type="html">{escaped}</content>'.encode())
    assert [f.code for f in check(data) if f.code == "unsafe-markup"] == []
