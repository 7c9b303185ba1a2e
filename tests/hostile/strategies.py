"""Hypothesis strategies for hostile input files: raw bytes, text- and HTML-shaped noise, mutated fixtures."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import SCENARIOS

FIXTURES: tuple[Path, ...] = tuple(sorted(p for p in SCENARIOS.iterdir() if p.suffix in (".txt", ".html")))
TEXT_FIXTURES = tuple(p for p in FIXTURES if p.suffix == ".txt")
HTML_FIXTURES = tuple(p for p in FIXTURES if p.suffix == ".html")

# Pieces that steer the extractors into their interesting branches.
TEXT_TOKENS = (
    "\n", "\n\n", " ", "By ", "By ZHANG YI and LI WEI", "Source: ", " | ", "Updated: 2021-03-03 09:41",
    "Updated: 2099-01-01 10:00", "March 14, 2021 2:30 AM", "November 7, 2021 1:30 AM EST", "GMT+8",
    "CST", "(China Daily) ", "BEIJING, March 2 (Xinhua) -- ", "NEW YORK (AP) — ", "(Xinhua)",
    "Reporting by ", "Posted by NetSherpa at 7:45 PM", "No comments:", "Post a Comment",
    "Just a moment...", "Officials said the new service would reach every county by the end of the year.",
    "新华社北京3月2日电", "2021年3月2日 16:05", "\x00", "\x01", "\x1b[31m", "\x7f", "\ufffe", "\uffff",
    "\u2028", "\u202e", "\ufeff", "\r", "\r\n", "\t", "\x0b", "\x0c", "\u00a0", "’", "—", "&amp;",
    "<script>alert(1)</script>", "javascript:alert(1)", "data:text/html,x", "]]>", "\ud800",
)
HTML_TOKENS = (
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>", "</title>", "<h1>", "</h1>",
    "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<br>", "<article>", "</article>",
    '<div class="entry-content">', '<div class="share ad">', "<main>", "<a href=\"javascript:alert(1)\">",
    '<a href="https://www.chinadaily.com.cn/a/1.html">', "</a>", "<img src=x onerror=alert(1)>",
    "<script>", "</script>", '<script type="application/ld+json">', "<iframe src=//evil>", "<svg onload=x>",
    '<meta property="og:site_name" content="China Daily">', '<meta charset="gbk">',
    '<meta charset="utf-7">', '<meta charset="x-no-such">', '<link rel="canonical" href="data:x">',
    '{"@type": "NewsArticle", "headline": "H", "datePublished": "2021-03-02T10:00:00Z", "author": ',
    '{"name": "ANITA BRESLIN"}', '"@graph": [', "[[[[[[[[", "]}", '<?xml version="1.0"?>',
    "<!DOCTYPE html>", '<!DOCTYPE x [<!ENTITY a "&b;&b;">]>', "&a;", "<!--", "-->", "<![CDATA[",
    "&#0;", "&#x1;", "&#xfffe;", "&#x110000;", "&#55296;", "&nbsp;", "&lt;script&gt;", "<", ">", "&",
    "<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li></ul>", "<p style='x'>",
    '<a href="http://[oops/">', '<link rel="canonical" href="https://[::1">', '<a href="https://x:99999/">',
    '<meta property="og:url" content="http://xn--/">', "<a href='https://www.chinadaily.com.cn/a/\x01.html'>",
)
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "gb18030", "cp1252", "latin-1", "utf-8-sig")


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


@st.composite
def shaped_text(draw: st.DrawFn, tokens: tuple[str, ...]) -> bytes:
    """Bytes that are text-like: tokens and arbitrary characters, in one of the encodings feeder meets."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(tokens), st.text(max_size=20)), max_size=60))
    return _encode("".join(pieces), draw(st.sampled_from(ENCODINGS)))


@st.composite
def mutated(draw: st.DrawFn, fixtures: tuple[Path, ...]) -> bytes:
    """A real scenario file with a few byte-level edits: flips, splices of hostile tokens, cuts."""
    data = bytearray(draw(st.sampled_from(fixtures)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(("flip", "insert", "delete", "truncate", "duplicate")))
        if kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            token = draw(st.sampled_from(TEXT_TOKENS + HTML_TOKENS))
            data[at:at] = _encode(token, "utf-8")
        elif kind == "delete":
            del data[at: at + draw(st.integers(1, 200))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at: at + draw(st.integers(1, 400))]
    return bytes(data)


def text_inputs() -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2048), shaped_text(TEXT_TOKENS), mutated(TEXT_FIXTURES))


def html_inputs() -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2048), shaped_text(HTML_TOKENS + TEXT_TOKENS), mutated(HTML_FIXTURES))


def inbox_files() -> st.SearchStrategy[list[tuple[str, bytes]]]:
    """A few (suffix, bytes) files for one inbox."""
    one = st.one_of(st.tuples(st.just(".txt"), text_inputs()), st.tuples(st.sampled_from((".html", ".htm")),
                                                                          html_inputs()))
    return st.lists(one, min_size=1, max_size=4)
