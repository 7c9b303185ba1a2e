"""Hostile inbox files, made at test time beside a good story, each with what feeder must do with it.

Each Case makes one item in the inbox and says what is right for it:
- "rejected": the file is in report.rejected under its own path, with a one-line reason;
- "published": its story is in the feed (found by the label in its headline), safely;
- "either": rejected, or published safely; the run must not care which.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tests.conftest import SCENARIOS

Expect = Literal["rejected", "published", "either"]

GOOD_FIXTURE = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
GOOD_TEXT = GOOD_FIXTURE.read_text(encoding="utf-8")
HEADLINE = "Rural e-commerce hubs draw young returnees back to Guizhou villages"
AP_FIXTURE = SCENARIOS / "blogger_ap_summer_time_no_zone.txt"
BOT_WALL = SCENARIOS / "bot_wall_cloudflare.html"
MAX_FILE_BYTES = 4_000_000
BIG = 3_000_000  # a multi-megabyte single line, under the configured limit
SECRET = "HX-SECRET-OUTSIDE-THE-INBOX-9f3c"
PROSE = "Officials said the new service would reach every county in the province by the end of the year."


def variant(label: str, text: str = GOOD_TEXT) -> str:
    """The good story as another story: its own headline (``HEADLINE label``) and paragraphs.

    Paragraphs shared by two stories of one blog would be learned as that blog's furniture.
    """
    lines = [f"{line} Filed as {label}." if len(line) > 100 and HEADLINE not in line else line
             for line in text.split("\n")]
    return "\n".join(lines).replace(HEADLINE, f"{HEADLINE} {label}")


def paragraphs(label: str, count: int = 3) -> str:
    return "".join(f"<p>{PROSE} Paragraph {n} of {label}.</p>" for n in range(count))


def with_line(text: str, marker: str, line: str) -> str:
    """text with ``line`` inserted as a paragraph before the paragraph starting with marker."""
    return text.replace(marker, f"{line}\n\n{marker}", 1)


def page(title: str, body: str, head: str = "", prolog: str = "", *, bare: bool = False) -> str:
    """A saved blog page: headline and story in a <div> (``bare``: straight under <body>)."""
    story = f"<h1>{title}</h1>{body}" if bare else f"<div><h1>{title}</h1>{body}</div>"
    return f"{prolog}<html><head><title>{title} - Hostile Blog</title>{head}</head><body>{story}</body></html>"


Make = Callable[[Path, Path], Path]  # (inbox, outside folder) -> the inbox path feeder will see


@dataclass(frozen=True)
class Case:
    id: str
    make: Make
    expect: Expect
    label: str | None = None  # a token in the headline of the story when published
    must_contain: tuple[str, ...] = ()  # text the published entry's content must carry
    must_not_contain: tuple[str, ...] = ()  # text the feed (all cases at once: the case's entry) may not carry
    finding: str | None = None  # "NN: ..." while a product bug makes this case fail
    marks: tuple[str, ...] = field(default=())


def _bytes(name: str, data: bytes | Callable[[], bytes]) -> Make:
    def make(inbox: Path, outside: Path) -> Path:
        path = inbox / name
        path.write_bytes(data() if callable(data) else data)
        return path
    return make


def _text(name: str, text: str) -> Make:
    return _bytes(name, text.encode("utf-8"))


# ------------------------------------------------------------------ generators for big or odd inputs


def random_binary() -> bytes:
    return random.Random(20260101).randbytes(8192)


def binary_without_nul() -> bytes:
    return bytes(b or 1 for b in random.Random(7).randbytes(8192))


def control_chars() -> bytes:
    text = variant("hx-control").replace(f"{HEADLINE} hx-control", f"{HEADLINE} \x08hx-control\x1b[0m")
    text = with_line(text, "Wu Zhenhai", "The shops \x1b[31mship\x1b[0m orders \x07daily and \x01parcels "
                                         "reach \x7fcities in two days, the department said.")
    return text.encode("utf-8")


def xml_nonchars() -> bytes:
    text = variant("hx-nonchar").replace(f"{HEADLINE} hx-nonchar", f"{HEADLINE} \ufffehx-nonchar\uffff")
    return with_line(text, "Wu Zhenhai", f"Sellers \ufffe said \uffff {PROSE}").encode("utf-8")


def utf16_with_nul() -> bytes:
    text = with_line(variant("hx-utf16nul"), "Wu Zhenhai", f"A stray\x00 NUL. {PROSE}")
    return b"\xff\xfe" + text.encode("utf-16-le")


def nul_in_text() -> bytes:
    return with_line(variant("hx-nul"), "Wu Zhenhai", f"A stray\x00 NUL. {PROSE}").encode("utf-8")


def invalid_utf8() -> bytes:
    data = variant("hx-badutf8").encode("utf-8")
    return data.replace(b"312 county-level", b"312 \xff\xfe\xc3\x28 county-level \xed\xa0\x80\x81\x8d", 1)


def deep_html(label: str = "hx-deep", tag: str = "<div>", end: str = "</div>", depth: int = 20_000) -> bytes:
    return page(f"Deeply nested page {label}", tag * depth + paragraphs(label) + end * depth).encode()


def deep_furniture_html() -> bytes:
    nested = '<div class="post ad-slot">' * 20_000 + "<p>Sponsored</p>" + "</div>" * 20_000
    return page("Nested furniture hx-deepads", f"<div>{paragraphs('hx-deepads')}</div>{nested}").encode()


def inline_wrapped_html() -> bytes:
    """Story paragraphs inside an inline element: an HTML5 block link (or an old <font>) around the story."""
    story = paragraphs("hx-inline")
    return page("Story inside a link hx-inline", f'<a href="https://blog.example/post">{story}</a>').encode()


def deep_time_stamps_html() -> bytes:
    """20,000 nested <time datetime> elements (each one once walked up to the root to find a <p>)."""
    stamps = '<time datetime="2021-03-03T10:00:00+08:00">' * 20_000 + "then" + "</time>" * 20_000
    return page("Nested stamps hx-deeptime", f"{paragraphs('hx-deeptime')}<div>{stamps}</div>").encode()


def nonchar_in_url_html() -> bytes:
    """An outlet's page whose canonical URL carries U+FFFE (valid UTF-8, illegal in XML)."""
    head = ('<meta property="og:site_name" content="China Daily">'
            '<link rel="canonical" href="https://www.chinadaily.com.cn/a/\ufffe1.html">')
    return page("Non-character in a URL hx-urlnonchar", paragraphs("hx-urlnonchar"), head=head).encode()


def many_paragraphs_html() -> bytes:
    return page("Three thousand paragraphs hx-manyp", f"<div>{paragraphs('hx-manyp', 3_000)}</div>").encode()


def link_farm_html() -> bytes:
    """A tag cloud: twenty thousand links in one element, beside the story."""
    cloud = " ".join(f'<a href="https://hostile.example/tag/{n}">tag{n}</a>' for n in range(20_000))
    return page("Link farm hx-linkfarm", f"{paragraphs('hx-linkfarm')}<div>{cloud}</div>").encode()


def json_ld_array_html() -> bytes:
    ld = '<script type="application/ld+json">[' + ",".join(["0"] * 1_000_000) + "]</script>"
    return page("Huge JSON-LD hx-jsonld", paragraphs("hx-jsonld"), head=ld).encode()


def big_line_text() -> bytes:
    return ("story " * (BIG // 6)).encode()


def big_line_html() -> bytes:
    return page("One huge line hx-bigline", f"<p>{'story ' * (BIG // 6)}ends.</p>").encode()


def oversize() -> bytes:
    return variant("hx-oversize").encode() + b" " * (MAX_FILE_BYTES + 1 - len(GOOD_TEXT.encode()))


def entity_bomb(prolog: bool) -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
    doctype = f"<!DOCTYPE lolz [{entities}]>"
    label = "hx-bombxml" if prolog else "hx-bomb"
    body = f"<p>The laughs of {label} start here &lol9; and {PROSE}</p><p>{PROSE} {label} &lol8;&lol7;</p>"
    return (('<?xml version="1.0" encoding="utf-8"?>' if prolog else "") + doctype
            + page(f"Billion laughs page {label}", body)).encode()


def xss_inline() -> bytes:
    body = (
        f'<p>Officials opened a bridge<script>alert("s1")</script> on Monday. {PROSE} (hx-xss)</p>'
        f'<p>The bridge <img src="x" onerror="alert(\'s2\')"> cost three billion yuan, '
        f'<a href="javascript:alert(\'s3\')" onclick="alert(\'s4\')">officials</a> said. {PROSE}</p>'
        f'<p>Residents<iframe src="https://evil.example/frame"></iframe> welcomed the '
        f'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">shorter</a> commute, '
        f'<svg onload="alert(\'s5\')"><circle r="1"/></svg>the city said. {PROSE}</p>'
        f'<p onmouseover="alert(\'s6\')">Traffic <object data="javascript:alert(\'s7\')"></object>'
        f'<embed src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"><style>p{{x:expression(alert(1))}}</style>'
        f' will ease, <b style="background:url(javascript:alert(1))">planners</b> said. {PROSE}</p>'
    )
    return page("Bridge opens after four years hx-xss", body).encode()


def xss_outlet_link() -> bytes:
    """An outlet's own page whose canonical URL is a javascript: URL."""
    head = ('<meta property="og:site_name" content="China Daily">'
            '<link rel="canonical" href="javascript:alert(document.cookie)//www.chinadaily.com.cn/a/1.html">')
    return page("Canonical script link hx-xsscanon", paragraphs("hx-xsscanon"), head=head).encode()


def xss_via_link() -> bytes:
    """A blog page whose og:url is a data: URL (it would become the entry's rel=via link)."""
    head = '<meta property="og:url" content="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'
    credit = '<p>Read the original at <a href="https://www.chinadaily.com.cn/a/2.html">China Daily</a>.</p>'
    body = paragraphs("hx-xssvia") + credit
    return page("Data via link hx-xssvia", body, head=head).encode()


def malformed_link() -> bytes:
    """A link that urllib cannot split (an unclosed IPv6 bracket), in the story and as the canonical URL."""
    head = '<link rel="canonical" href="https://[2001:db8::1/story.html">'
    body = f'{paragraphs("hx-badlink")}<p>More at <a href="http://[oops/">the archive</a> of the blog.</p>'
    return page("Malformed link hx-badlink", body, head=head).encode()


def body_paragraphs() -> bytes:
    """The plainest page there is: <h1> and <p> elements straight under <body>."""
    return page("Paragraphs under body hx-bare", paragraphs("hx-bare"), bare=True).encode()


def space_in_og_url() -> bytes:
    """A blog page whose og:url has a raw space (it would become the entry's rel=via link)."""
    head = '<meta property="og:url" content="https://hostile.example/2021/03/bridge story.html">'
    return page("Space in the page URL hx-space", paragraphs("hx-space"), head=head).encode()


def unknown_zone() -> bytes:
    return variant("hx-etzone").replace("Updated: 2021-03-03 09:41", "Updated: 2021-03-03 09:41 ET").encode()


def xss_text() -> bytes:
    line = ('Markup as text: <script>alert("t1")</script> <iframe src="javascript:alert(2)"></iframe> '
            '<img src=x onerror=alert(3)> <a href="data:text/html,x">link</a> must stay inert text.')
    return with_line(variant("hx-xsstext"), "Wu Zhenhai", line).encode()


def far_future() -> bytes:
    return variant("hx-future").replace("Updated: 2021-03-03 09:41", "Updated: 2099-01-01 10:00").encode()


# ------------------------------------------------------------------ special inbox items


def symlink_outside(inbox: Path, outside: Path) -> Path:
    secret = outside / "secret.txt"
    secret.write_text(variant("hx-secret", GOOD_TEXT.replace("A growing number", f"{SECRET} A growing number")),
                      encoding="utf-8")
    link = inbox / "link-outside.txt"
    link.symlink_to(secret)
    return link


def symlink_loop(inbox: Path, outside: Path) -> Path:
    (inbox / "loop-b.txt").symlink_to(inbox / "loop-a.txt")
    (inbox / "loop-a.txt").symlink_to(inbox / "loop-b.txt")
    return inbox / "loop-a.txt"


def symlink_dangling(inbox: Path, outside: Path) -> Path:
    link = inbox / "dangling.txt"
    link.symlink_to(inbox / "no-such-file.txt")
    return link


def fifo(inbox: Path, outside: Path) -> Path:
    path = inbox / "pipe.txt"
    os.mkfifo(path)
    return path


def unreadable(inbox: Path, outside: Path) -> Path:
    path = inbox / "no-permission.txt"
    path.write_text(variant("hx-noperm"), encoding="utf-8")
    path.chmod(0)
    return path


def directory_named_txt(inbox: Path, outside: Path) -> Path:
    folder = inbox / "folder.txt"
    folder.mkdir()
    inner = folder / "inside.txt"
    inner.write_text(variant("hx-indir"), encoding="utf-8")
    return inner


def odd_name(name: str, label: str) -> Make:
    return _text(name, variant(label))


def latin1_name(inbox: Path, outside: Path) -> Path:
    raw = os.path.join(os.fsencode(inbox), b"latin1-caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(variant("hx-latin1name").encode())
    return Path(os.fsdecode(raw))


# Findings these cases exposed (/tmp/hostile-findings/), all fixed by 391d38c; the cases now guard them:
# 01 characters XML forbids, 02 deep nesting, 03 bs4 warnings, 04 JSON-LD array, 05 javascript:/data:
# URLs, 06 symlink loop, 07 non-UTF-8 file names, 08 far-future dates, 09 paragraphs under <body>,
# 10 malformed URLs, 11 unknown zone names, 12 paragraphs in inline elements, 13 invalid IRIs blocking
# the feed, 14 many links in one element. A case that a new bug breaks gets finding="NN: ..." (an
# xfail(strict) mark) until the product is fixed.

CASES: tuple[Case, ...] = (
    Case("binary", _bytes("binary.txt", random_binary), "rejected"),
    Case("binary-no-nul-html", _bytes("binary.html", binary_without_nul), "rejected"),
    Case("empty", _bytes("empty.txt", b""), "rejected"),
    Case("blank", _bytes("blank.html", b" \n\r\n\t \n"), "rejected"),
    # README: NUL bytes mean binary; the file is reported, never half-published.
    Case("nul-in-text", _bytes("nul.txt", nul_in_text), "rejected"),
    # A few stray control characters do not make prose binary (articles._check_text tolerates
    # them): the story is published and the characters are not.
    Case("control-chars", _bytes("control.txt", control_chars), "published", "hx-control",
         must_contain=("Sellers need help",)),
    Case("xml-nonchars", _bytes("nonchar.txt", xml_nonchars), "published", "hx-nonchar"),
    # UTF-16 U+0000: rejecting it as binary or publishing without it are both fine.
    Case("utf16-nul", _bytes("utf16.txt", utf16_with_nul), "either", "hx-utf16nul"),
    Case("invalid-utf8", _bytes("badutf8.txt", invalid_utf8), "published", "hx-badutf8",
         must_contain=("Sellers need help",)),
    Case("deep-nesting", _bytes("deep.html", deep_html), "published", "hx-deep",
         must_contain=("Paragraph 2 of hx-",)),
    Case("inline-wrapper", _bytes("inline.html", inline_wrapped_html), "published", "hx-inline",
         must_contain=("Paragraph 2 of hx-",)),
    Case("deep-nesting-inline", _bytes("deepspan.html", lambda: deep_html("hx-deepspan", "<span>", "</span>")),
         "published", "hx-deepspan", must_contain=("Paragraph 2 of hx-",)),
    Case("deep-time-stamps", _bytes("deeptime.html", deep_time_stamps_html), "published", "hx-deeptime",
         must_contain=("Paragraph 2 of hx-deeptime.",)),
    Case("deep-furniture", _bytes("deepads.html", deep_furniture_html), "published", "hx-deepads",
         must_contain=("Paragraph 2 of hx-",)),
    Case("many-paragraphs", _bytes("manyp.html", many_paragraphs_html), "published", "hx-manyp",
         must_contain=("Paragraph 2999 of hx-manyp.",)),
    Case("link-farm", _bytes("linkfarm.html", link_farm_html), "published", "hx-linkfarm",
         must_contain=("Paragraph 2 of hx-linkfarm.",)),
    Case("json-ld-array", _bytes("jsonld.html", json_ld_array_html), "published", "hx-jsonld"),
    # A text dump is headline line + story lines: one line alone has no story.
    Case("big-line-text", _bytes("bigline.txt", big_line_text), "rejected"),
    Case("big-line-html", _bytes("bigline.html", big_line_html), "published", "hx-bigline",
         must_contain=("story ends.",)),
    Case("entity-bomb", _bytes("bomb.html", lambda: entity_bomb(False)), "published", "hx-bomb",
         must_not_contain=("lollollol",)),
    Case("entity-bomb-xml-prolog", _bytes("bombxml.html", lambda: entity_bomb(True)), "published",
         "hx-bombxml", must_not_contain=("lollollol",)),
    Case("url-only-html", _text("saved.html", "https://www.chinadaily.com.cn/a/202103/03/story.html"),
         "rejected"),
    Case("xss-inline", _bytes("xss.html", xss_inline), "published", "hx-xss",
         must_contain=("three billion yuan",),
         must_not_contain=("alert(", "javascript:", "data:text", "onerror", "<script", "<iframe")),
    Case("xss-outlet-canonical", _bytes("xsscanon.html", xss_outlet_link), "published", "hx-xsscanon",
         must_not_contain=("javascript:",)),
    Case("xss-via-og-url", _bytes("xssvia.html", xss_via_link), "published", "hx-xssvia",
         must_not_contain=("data:text",)),
    Case("malformed-link", _bytes("badlink.html", malformed_link), "published", "hx-badlink",
         must_contain=("Paragraph 2 of hx-badlink.",)),
    Case("paragraphs-under-body", _bytes("bare.html", body_paragraphs), "published", "hx-bare",
         must_contain=("Paragraph 2 of hx-bare.",)),
    Case("space-in-og-url", _bytes("spaceurl.html", space_in_og_url), "published", "hx-space",
         must_contain=("Paragraph 2 of hx-space.",)),
    Case("unknown-zone-abbreviation", _bytes("etzone.txt", unknown_zone), "published", "hx-etzone"),
    Case("nonchar-in-url", _bytes("urlnonchar.html", nonchar_in_url_html), "published", "hx-urlnonchar",
         must_contain=("Paragraph 2 of hx-urlnonchar.",)),
    Case("xss-as-text", _bytes("xsstext.txt", xss_text), "published", "hx-xsstext",
         must_contain=("must stay inert text",)),
    Case("symlink-outside", symlink_outside, "rejected", must_not_contain=(SECRET, "hx-secret")),
    Case("symlink-loop", symlink_loop, "rejected"),
    Case("symlink-dangling", symlink_dangling, "rejected"),
    Case("bot-wall", _bytes("botwall.html", BOT_WALL.read_bytes()), "rejected"),
    Case("far-future-date", _bytes("future.txt", far_future), "either", "hx-future"),
    Case("name-spaces", odd_name("  spaced   name .txt", "hx-spaces"), "published", "hx-spaces"),
    Case("name-unicode", odd_name("新闻 ünïcødé ✓ 🗞.txt", "hx-unicode"), "published", "hx-unicode"),
    Case("name-quotes", odd_name("it's \"quoted\" `name`.txt", "hx-quotes"), "published", "hx-quotes"),
    Case("name-newline", odd_name("new\nline\r.txt", "hx-newline"), "published", "hx-newline"),
    Case("name-markup", odd_name("<img src=x onerror=alert(1)>&amp;.txt", "hx-markupname"), "published",
         "hx-markupname"),
    Case("name-upper-suffix", odd_name("SHOUTING.TXT", "hx-upper"), "published", "hx-upper"),
    Case("name-dash", odd_name("-rf --force.txt", "hx-dash"), "published", "hx-dash"),
    Case("name-latin1-bytes", latin1_name, "published", "hx-latin1name"),
    Case("fifo", fifo, "rejected"),
    Case("unreadable", unreadable, "rejected", marks=("needs-non-root",)),
    Case("directory-named-txt", directory_named_txt, "published", "hx-indir"),
    Case("oversize", _bytes("oversize.txt", oversize), "rejected"),
)
