"""The static pages beside the feeds: a permanent page per entry, nothing runs or loads, article text escaped."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeder.config import Config, load_config
from feeder.layout import entry_path
from feeder.pages import MANIFEST, SITE_CSS, FeedRef, Site, entry_page, read_manifest
from feeder.pipeline import run_once
from feeder.records import Article, Entry, Outlet, Stamp
from tests.conftest import scenario_inputs, write_config

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


class Page(HTMLParser):
    """Every tag with its attributes, the text, and the links with their text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._link: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "a":
            self._link = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            href = next(a.get("href") or "" for t, a in reversed(self.tags) if t == "a")
            self.links.append((href, " ".join("".join(self._link).split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        if self._link is not None:
            self._link.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def assert_self_contained(page: Page) -> None:
    """No script, no request to anywhere but the site's own style sheet, links only to pages (never loaded)."""
    names = {t for t, _ in page.tags}
    assert not names & {"script", "iframe", "img", "svg", "object", "embed", "form", "base", "video", "audio"}
    assert not page.find("style")
    sheets = page.find("link", rel="stylesheet")
    assert len(sheets) == 1 and (sheets[0]["href"] or "").endswith(SITE_CSS)
    assert page.find("meta", charset="utf-8") and page.find("meta", name="viewport")
    policy = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert policy and "default-src 'none'" in (policy[0]["content"] or "")
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on") or k in ("style", "src")]
        if tag == "link":
            assert attrs["rel"] in ("alternate", "stylesheet"), attrs  # autodiscovery and site.css: no font or icon
        href = attrs.get("href")
        if href is not None:
            relative = not href.startswith("//") and ":" not in href.split("/")[0]
            assert relative or href.startswith(("http:", "https:")), href


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """Every scenario, two stories per feed page (so a dozen archive pages), per outlet feeds and RSS."""
    root = tmp_path_factory.mktemp("site")
    config = load_config(write_config(root, max_entries=2, output="rss = true\nper_outlet = true"))
    for path in scenario_inputs():
        shutil.copy(path, config.input_folder / path.name)
    run_once(config, now=NOW)
    return config


def test_every_entry_has_its_permanent_page_with_credit_and_links(site: Config) -> None:
    feeds = site.output_folder
    seen = 0
    for archive in [*sorted((feeds / "archive").glob("feed-*.atom")), feeds / "feed.atom"]:
        for entry in feedparser.parse(archive.read_bytes()).entries:
            page = read_page(feeds / entry_path(entry.id))
            assert_self_contained(page)
            assert " ".join(entry.title.split()) in page.text
            assert "Originally published by" in page.text or "Published by" in page.text
            hrefs = {href for href, _ in page.links}
            for link in entry.links:
                if link.rel in ("alternate", "via") and not link.href.startswith(site.feed.base_url):
                    assert link.href in hrefs, (entry.title, link.href)
            seen += 1
    assert seen >= 20


def test_entry_links_open_the_original_else_the_blog_else_the_entry_page(site: Config) -> None:
    parsed = feedparser.parse((site.output_folder / "archive" / "feed-1.atom").read_bytes())
    for entry in parsed.entries:
        alternate = next(link.href for link in entry.links if link.rel == "alternate")
        assert alternate.startswith(("http://", "https://"))
        if alternate.startswith(site.feed.base_url):
            assert alternate == site.feed.base_url + entry_path(entry.id)
            assert not [link for link in entry.links if link.rel == "via"]


def test_index_lists_feeds_with_autodiscovery_and_archives_in_numeric_order(site: Config) -> None:
    page = read_page(site.output_folder / "index.html")
    assert_self_contained(page)
    assert page.find("h1") and "Test feed" in page.text
    atom = {a["href"] for a in page.find("link", rel="alternate", type="application/atom+xml")}
    rss = {a["href"] for a in page.find("link", rel="alternate", type="application/rss+xml")}
    published = {p.name for p in site.output_folder.glob("*.atom")}
    assert atom == published and "feed.atom" in atom
    assert rss == {p.name for p in site.output_folder.glob("*.rss")}
    subscribe = [href for href, text in page.links if text == "Subscribe (Atom)"]
    assert subscribe[0] == "feed.atom" and set(subscribe) == published
    archives = [int(m.group(1)) for href, _ in page.links if (m := re.fullmatch(r"archive/feed-(\d+)\.html", href))]
    assert len(archives) >= 10
    assert archives == sorted(archives, reverse=True), "newest archive page first, in numeric order"
    assert "Older entries" in page.text


def test_following_the_pages_reaches_every_story(site: Config) -> None:
    feeds = site.output_folder
    titles = set()
    pages = [feeds / "feed.html", *(feeds / "archive").glob("feed-*.html")]
    for path in pages:
        page = read_page(path)
        assert_self_contained(page)
        for href, text in page.links:
            if "entries/" in href:
                assert (path.parent / href).resolve().is_file(), href
                titles.add(text)
    stories = {e.title for p in [feeds / "feed.atom", *(feeds / "archive").glob("*.atom")]
               for e in feedparser.parse(p.read_bytes()).entries}
    assert {" ".join(t.split()) for t in stories} <= titles


def test_every_published_path_is_listed_and_exists(site: Config) -> None:
    listed = read_manifest((site.output_folder / MANIFEST).read_bytes())
    on_disk = {p.relative_to(site.output_folder).as_posix() for p in site.output_folder.rglob("*")
               if p.is_file() and p.name != MANIFEST}
    assert listed == on_disk
    assert {"index.html", "404.html", "feed.xsl", "site.css", "feed.atom", "feed.rss", "feed.html"} <= listed


def test_an_unchanged_pass_touches_no_page(site: Config) -> None:
    before = {p: p.stat().st_mtime_ns for p in site.output_folder.rglob("*") if p.is_file()}
    report = run_once(site, now=NOW)
    assert report.feeds == ()
    assert {p: p.stat().st_mtime_ns for p in site.output_folder.rglob("*") if p.is_file()} == before


def test_not_found_page_is_a_real_page(site: Config) -> None:
    page = read_page(site.output_folder / "404.html")
    assert_self_contained(page)
    assert "Page not found" in page.text and ("/index.html", "front page") in page.links


STORY = Article(
    path="x.txt", digest="d", title="Title", body=("First paragraph.", "Second paragraph."),
    outlet=Outlet("xinhua", "Xinhua", "http://www.news.cn/english/", "Asia/Shanghai"),
    source_url="https://www.news.cn/story.html", authors=("Li Wei",), republisher="A Blog",
    published=Stamp(datetime(2021, 3, 1, 8, 0, tzinfo=UTC), "test", True), updated=None, republished=None,
    via="https://blog.example.org/post", story_key="k")
SITE = Site("Site", "en", "http://localhost:8080/")
FEED = FeedRef("Feed", None, "feed.atom", None, "feed.html", 1)


@given(st.lists(st.sampled_from([*"<>&\"'/ =ab", "<script>", "</p>", "javascript:", "<img src=x>"]),
                min_size=1, max_size=20).map("".join))
def test_article_text_is_escaped_never_passed_through(hostile: str) -> None:
    article = replace(STORY, title=hostile, body=(hostile, "ok"), authors=(hostile,), republisher=hostile)
    data = entry_page(SITE, Entry("tag:x,2026:entry:1", article, STORY.published.value, None,  # type: ignore[union-attr]
                                  ("https://blog.example.org/post",)), FEED).decode()
    page = Page(data)
    assert not {t for t, _ in page.tags} & {"script", "img"}
    assert hostile.replace("\n", " ").split()[0] in page.text if hostile.split() else True
    body = data[data.index("<main>"):]
    assert "<script" not in body and "<img" not in body


@given(st.lists(st.sampled_from([*"<>&\"'ab é\n", "&amp;", "\u2028"]), max_size=40).map("".join) | st.text(max_size=40))
def test_escaping_is_html_escape(text: str) -> None:
    """The shortcut past ``html.escape`` when nothing needs escaping gives exactly its result."""
    import html

    from feeder.atom import escape_attribute, escape_text

    assert escape_text(text) == html.escape(text, quote=False)
    assert escape_attribute(text) == html.escape(text, quote=True)


def test_the_list_of_published_paths_follows_adds_edits_and_retractions(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """After every pass the list names exactly the entries' pages and the other documents, sorted, as
    a list rebuilt from every entry id would; a pass that only added entries builds it from the list
    before and the entries written since (no look at every id)."""
    from os import utime

    from feeder.cli import main
    from feeder.store import Store
    from tests.stories import write_story

    path = write_config(tmp_path, max_entries=2)
    config = load_config(path)
    files = [write_story(config.input_folder, n) for n in range(1, 6)]
    every_id: list[bool] = []
    entry_ids = Store.entry_ids

    def spy(self: Store, *, written_after: int | None = None) -> list[str]:
        every_id.append(written_after is None)
        return entry_ids(self, written_after=written_after)

    monkeypatch.setattr(Store, "entry_ids", spy)

    def check(clock: datetime) -> list[bool]:
        every_id.clear()
        run_once(config, now=clock)
        data = (config.output_folder / MANIFEST).read_text(encoding="utf-8")
        lines = data.splitlines()[1:]
        store = Store.open(config.state_folder)
        try:
            pages = {entry_path(eid) for eid in entry_ids(store)}
            head = data.splitlines()[0]
            assert head.startswith(f"# feeder: {store.count_entries()} entries")
        finally:
            store.close()
        assert lines == sorted(set(lines)) and {p for p in lines if p.startswith("entries/")} == pages
        on_disk = {p.relative_to(config.output_folder).as_posix() for p in config.output_folder.rglob("*")
                   if p.is_file() and p.name != MANIFEST}
        assert set(lines) == on_disk  # pages of retracted entries are not on disk either
        return list(every_id)

    assert check(NOW) == [True]  # a first build lists every id
    files += [write_story(config.input_folder, n) for n in (6, 7, 8)]
    assert check(datetime(2026, 11, 28, tzinfo=UTC)) == [False]  # added: the list before and the new ones
    files[2].write_text(files[2].read_text(encoding="utf-8").replace("Ningbo", "Ningbo's", 1), encoding="utf-8")
    utime(files[2], ns=(1, 10**18))
    assert check(datetime(2026, 11, 29, tzinfo=UTC)) == [False]  # edited: the same list, built again
    assert main(["retract", str(files[0]), "-c", str(path)]) == 0
    write_story(config.input_folder, 9)
    assert check(datetime(2026, 11, 30, tzinfo=UTC)) == [False, True]  # one removed: every id again
    assert check(datetime(2026, 12, 1, tzinfo=UTC)) == []  # unchanged: not built at all


def test_archive_pages_on_disk_as_planned_are_left_out_and_still_listed(tmp_path: Path) -> None:
    """A pass leaves out of its plan the archive pages already written as planned (``agrees``): what it
    then finds to write is what the whole plan would give, and the list of published paths is the
    same bytes, after an archive page was deleted and another rewritten by hand."""
    from feeder.pipeline import _disagrees, _Recorded
    from feeder.publish import documents
    from feeder.store import Store
    from tests.stories import write_story

    config = load_config(write_config(tmp_path, max_entries=2))
    for n in range(1, 10):
        write_story(config.input_folder, n)
    run_once(config, now=NOW)
    archive = config.output_folder / "archive"
    (archive / "feed-2.html").unlink()
    (archive / "feed-3.atom").write_bytes((archive / "feed-3.atom").read_bytes() + b"\n")
    store = Store.open(config.state_folder)
    try:
        recorded = _Recorded(store, config)

        def plan(skipping: bool) -> tuple[list[tuple[str, str]], bytes, int]:
            planned = list(documents(config, store, now=NOW, recorded=recorded.get,
                                     agrees=recorded.agrees if skipping else None))
            pending = [(str(d.path), d.signature) for d in planned if _disagrees(d, recorded.get(str(d.path)))]
            return pending, planned[-1].render(), len(planned)

        whole, skipping = plan(False), plan(True)
    finally:
        store.close()
    assert skipping[:2] == whole[:2]
    assert {Path(path).name for path, _ in whole[0]} >= {"feed-2.html", "feed-3.atom"}
    assert skipping[2] < whole[2]  # the pages on disk as planned were not made documents of
    assert len(list(archive.glob("*.html"))) >= 3
