"""The default build (the shipped config and articles) read by real feed readers over HTTP: every entry opens."""

from __future__ import annotations

import http.server
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from feeder.config import load_config
from feeder.pipeline import run_once
from feeder.serve import make_server
from feeder.validate import validate_feed
from tests.conftest import ROOT

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TIMEOUT = 20


def is_web_link(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@pytest.fixture(scope="module")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped config.toml and articles/, built as a new user would."""
    root = tmp_path_factory.mktemp("default")
    shutil.copytree(ROOT / "articles", root / "articles")
    shutil.copy(ROOT / "config.toml", root / "config.toml")
    config = load_config(root / "config.toml")
    report = run_once(config, now=NOW)
    assert report.entries == len(list((root / "articles").iterdir())) - len(report.rejected)
    return config.output_folder


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The standard library's static file server (as ``python -m http.server``), without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=["feeder serve", "a plain static server"])
def feed_url(request: pytest.FixtureRequest, default_build: Path) -> Iterator[str]:
    if request.param == "feeder serve":
        handle = make_server(default_build, port=0)
        thread = threading.Thread(target=handle.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"{handle.url}feed.atom"
        finally:
            handle.shutdown()
            thread.join(TIMEOUT)
        return
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(default_build)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.atom"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)



def test_feedparser_gets_a_link_for_the_feed_and_every_entry(feed_url: str, socket_timeout: None) -> None:
    parsed = feedparser.parse(feed_url)
    assert parsed.status == 200 and parsed.bozo == 0, parsed.get("bozo_exception")
    assert is_web_link(parsed.feed.link) and parsed.feed.link.endswith("/index.html")
    assert len(parsed.entries) == 10
    for entry in parsed.entries:
        assert is_web_link(entry.link), (entry.title, entry.link)
        assert not entry.link.startswith("tag:")


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat is not installed (.ci/run installs it)")
def test_newsboat_subscribes_and_every_item_has_a_link(feed_url: str, tmp_path: Path) -> None:
    (tmp_path / "urls").write_text(feed_url + "\n", encoding="utf-8")
    (tmp_path / "config").write_text("", encoding="utf-8")
    done = subprocess.run(["newsboat", "-u", str(tmp_path / "urls"), "-c", str(tmp_path / "cache.db"),
                           "-C", str(tmp_path / "config"), "-x", "reload"], capture_output=True, text=True,
                          timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "TERM": "dumb"})
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "cache.db") as db:
        feeds = db.execute("SELECT rssurl, url FROM rss_feed").fetchall()
        items = db.execute("SELECT title, url FROM rss_item").fetchall()
    assert feeds == [(feed_url, "http://localhost:8080/index.html")]
    assert len(items) == 10
    assert all(is_web_link(url) for _title, url in items), items


@pytest.mark.skipif(shutil.which("sfeed") is None, reason="sfeed is not installed (.ci/run installs it)")
def test_sfeed_gives_every_entry_a_link(default_build: Path) -> None:
    data = (default_build / "feed.atom").read_bytes()
    done = subprocess.run(["sfeed"], input=data, capture_output=True, timeout=60, check=True)
    rows = [line.split(b"\t") for line in done.stdout.splitlines()]
    assert len(rows) == 10
    for row in rows:
        title, link = row[1].decode(), row[2].decode()
        assert is_web_link(link), (title, link)
        assert "localhost:8080/\t" not in link and not link.endswith(("china-daily.com.cn/", "news.cn/english/"))


def test_every_published_atom_document_validates_clean(default_build: Path) -> None:
    for path in default_build.rglob("*.atom"):
        findings = validate_feed(path.read_bytes(), now=NOW)
        assert not findings, (path.name, findings)


def test_the_stylesheet_makes_the_feed_a_readable_page(default_build: Path) -> None:
    """What a browser shows for feed.atom (its xml-stylesheet applied), without a browser: lxml's XSLT."""
    document = etree.parse(str(default_build / "feed.atom"))
    instruction = document.getroot().getprevious()
    assert instruction is not None and instruction.target == "xml-stylesheet"
    assert 'href="feed.xsl"' in instruction.text
    transform = etree.XSLT(etree.parse(str(default_build / "feed.xsl")))
    page = str(transform(document))
    assert "copy this URL into" in page and "http://localhost:8080/feed.atom" in page
    parsed = feedparser.parse((default_build / "feed.atom").read_bytes())
    for entry in parsed.entries:
        assert etree.HTML(page).xpath("//h2/a[@href=$link]", link=entry.link), entry.title
    assert page.count("Originally published by") >= 9
    assert "<script" not in page
