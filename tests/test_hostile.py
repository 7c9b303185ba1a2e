"""Hostile and broken input: nothing crashes, nothing unsafe gets through, nothing is lost.

Every hostile file is made at test time (tests/hostile/inputs.py) beside a good story, each of
a bounded size (the work of a pass is bounded by the inputs, never by a clock: a wall-clock
budget fails on a loaded machine). A pass over the inbox must publish the good story, reject or safely
publish each hostile file (each case says which is right), leave every input untouched, and
write a feed that feedparser reads without complaint and that carries no script-capable
markup or URL. The findings these tests exposed are in /tmp/hostile-findings/ (all fixed by
391d38c); a case that fails because of a new product bug gets ``finding="NN: ..."`` in
tests/hostile/inputs.py, an xfail(strict) mark, until the product is fixed.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from feeder.atom import FeedMeta, render_atom, render_rss
from feeder.config import Config, load_config
from feeder.errors import InputError
from feeder.pipeline import inspect_file, run_once
from feeder.records import Article, Entry, RunReport
from tests.conftest import write_config
from tests.hostile import strategies
from tests.hostile.checks import (
    ILLEGAL_XML,
    entry_content,
    entry_with,
    feed_dates,
    feed_problems,
    parse_feed_xml,
    snapshot,
)
from tests.hostile.inputs import (
    AP_FIXTURE,
    CASES,
    GOOD_FIXTURE,
    HEADLINE,
    MAX_FILE_BYTES,
    SECRET,
    Case,
    control_chars,
)

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PROPERTY = settings(deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ROOT = os.geteuid() == 0
# The first and last story paragraphs of the good story, and its credit.
GOOD_PARAGRAPHS = ("A growing number of young people who left Guizhou", "Sellers need help with branding",
                   "Tang Yuwen")


# ------------------------------------------------------------------ set-up


def hostile_config(folder: Path) -> Config:
    """The test config with input.max_file_bytes set, and a folder outside the inbox for link targets."""
    # Hostile pages name no outlet; they are published as the site's own so the checks see their entries.
    path = write_config(folder, extra="require_outlet = false")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('folder = "inbox"', f'folder = "inbox"\nmax_file_bytes = {MAX_FILE_BYTES}', 1),
                    encoding="utf-8")
    (folder / "outside").mkdir()
    config = load_config(path)
    assert config.max_file_bytes == MAX_FILE_BYTES
    return config


def put_good_story(config: Config) -> Path:
    target = config.input_folder / GOOD_FIXTURE.name
    shutil.copy(GOOD_FIXTURE, target)
    return target


def runnable(case: Case) -> bool:
    return not ("needs-non-root" in case.marks and ROOT)


def case_param(case: Case) -> object:
    marks: list[pytest.MarkDecorator] = []
    if case.finding:
        marks.append(pytest.mark.xfail(strict=True, reason=case.finding))
    if not runnable(case):
        marks.append(pytest.mark.skip(reason="running as root: chmod 000 does not stop reading "
                                             "(the fifo case covers an unreadable inbox item)"))
    return pytest.param(case, id=case.id, marks=marks)


def feed_bytes(config: Config, report: RunReport) -> bytes:
    assert not getattr(report, "refused", ()), f"the publishing gate refused the feed: {report.refused}"
    target = config.output_folder / config.feed.filename
    assert target.is_file(), "run_once wrote no feed"
    return target.read_bytes()


def assert_feed_invariants(report: RunReport, data: bytes, before: Mapping[str, object],
                           after: Mapping[str, object]) -> None:
    """What holds for every pass, whatever the inbox held."""
    assert after == before, "an input file or link was changed, moved or added"
    for rejection in report.rejected:
        assert rejection.reason.strip() and "\n" not in rejection.reason, rejection
        assert os.path.lexists(rejection.path), f"a rejected file is gone: {rejection.path!r}"
    good = [e for e in parse_feed_xml(data).iterfind("{http://www.w3.org/2005/Atom}entry")
            if (e.findtext("{http://www.w3.org/2005/Atom}title") or "") == HEADLINE]
    assert len(good) == 1, "the good story is published once"
    content = entry_content(good[0])
    assert all(text in content for text in GOOD_PARAGRAPHS), "the good story lost a paragraph"
    assert feed_problems(data) == []
    assert SECRET not in data.decode("utf-8")
    latest = NOW + timedelta(days=1)
    assert all(d <= latest for d in feed_dates(data)), "a date in the future is published"


def assert_case(case: Case, target: Path, report: RunReport, data: bytes, *, whole_feed: bool) -> None:
    """The case's own expectation: rejected under its path, or its story published safely."""
    rejected = [r for r in report.rejected if os.path.normpath(r.path) == os.path.normpath(str(target))]
    entry = entry_with(data, case.label) if case.label else None
    if case.expect == "rejected":
        assert rejected, f"{target.name!r} is not reported as rejected"
    elif case.expect == "published":
        assert not rejected, f"{target.name!r} was rejected: {rejected[0].reason}"
        assert entry is not None, f"the story of {target.name!r} is not in the feed"
    else:
        assert rejected or entry is not None, f"{target.name!r} was neither rejected nor published"
    if entry is not None:
        content = entry_content(entry)
        for text in case.must_contain:
            assert text in content, f"{text!r} was lost from {target.name!r}"
    where = data.decode("utf-8") if whole_feed or entry is None else etree.tostring(entry, encoding="unicode")
    for text in case.must_not_contain:
        assert text not in where, f"{text!r} from {target.name!r} reached the feed"


def assert_no_validator_findings(data: bytes) -> None:
    validate = pytest.importorskip("feeder.validate")
    assert validate.validate_feed(data, now=NOW) == ()


# ------------------------------------------------------------------ one hostile file beside a good story


@pytest.mark.parametrize("case", [case_param(c) for c in CASES])
def test_hostile_file_beside_a_good_story(case: Case, tmp_path: Path) -> None:
    config = hostile_config(tmp_path)
    outside = tmp_path / "outside"
    put_good_story(config)
    target = case.make(config.input_folder, outside)
    before = snapshot(config.input_folder, outside)
    report = run_once(config, now=NOW)
    data = feed_bytes(config, report)
    assert_feed_invariants(report, data, before, snapshot(config.input_folder, outside))
    assert_case(case, target, report, data, whole_feed=True)
    assert_no_validator_findings(data)


def test_whole_hostile_inbox_in_one_pass(tmp_path: Path) -> None:
    config = hostile_config(tmp_path)
    outside = tmp_path / "outside"
    put_good_story(config)
    cases = [c for c in CASES if runnable(c)]
    targets = {c.id: c.make(config.input_folder, outside) for c in cases}
    before = snapshot(config.input_folder, outside)
    report = run_once(config, now=NOW)
    data = feed_bytes(config, report)
    assert_feed_invariants(report, data, before, snapshot(config.input_folder, outside))
    for case in cases:
        assert_case(case, targets[case.id], report, data, whole_feed=False)
    assert_no_validator_findings(data)


# ------------------------------------------------------------------ properties over the whole pipeline


def _inspect_bytes(config: Config, data: bytes, suffix: str) -> None:
    path = config.input_folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    try:
        result = inspect_file(path, config, inbox=config.input_folder)
    except InputError as exc:
        assert exc.reason.strip()
    else:
        assert isinstance(result, Article)
        assert result.title.strip() and result.body


@pytest.fixture(scope="module")
def fuzz_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return hostile_config(tmp_path_factory.mktemp("fuzz"))


@settings(PROPERTY, max_examples=150)
@given(data=strategies.text_inputs())
def test_any_bytes_as_text_file_give_an_article_or_an_input_error(fuzz_config: Config, data: bytes) -> None:
    _inspect_bytes(fuzz_config, data, ".txt")


@settings(PROPERTY, max_examples=150)
@given(data=strategies.html_inputs(), suffix=st.sampled_from((".html", ".htm")))
@example(data=b'<?xml version="1.0"?><rss><p>Officials said the service works.</p></rss>', suffix=".html")
@example(data=b"https://www.chinadaily.com.cn/a/202103/03/story.html", suffix=".html")
def test_any_bytes_as_html_file_give_an_article_or_an_input_error(fuzz_config: Config, data: bytes,
                                                                 suffix: str) -> None:
    _inspect_bytes(fuzz_config, data, suffix)


@settings(PROPERTY, max_examples=30)
@given(files=strategies.inbox_files())
@example(files=[(".txt", control_chars())])
def test_a_pass_over_fuzzed_files_always_writes_a_readable_feed(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = hostile_config(Path(folder))
        put_good_story(config)
        for n, (suffix, data) in enumerate(files):
            (config.input_folder / f"fuzzed-{n}{suffix}").write_bytes(data)
        report = run_once(config, now=NOW)
        data = feed_bytes(config, report)
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert feed_problems(data) == []
        assert any(e.title == HEADLINE for e in parsed.entries)


# ------------------------------------------------------------------ XML safety of rendering

ILLEGAL = ("\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\ud800", "\udfff", "\udce9",
           "\ufffe", "\uffff")


@pytest.fixture(scope="module")
def good_article(tmp_path_factory: pytest.TempPathFactory) -> Article:
    config = hostile_config(tmp_path_factory.mktemp("render"))
    return inspect_file(put_good_story(config), config)


def poisoned(article: Article, bad: str) -> Entry:
    """The article with ``bad`` in every string that reaches the feed: text, names and URLs."""
    changed = dataclasses.replace(
        article, title=f"Head{bad}line {bad}", body=(f"First{bad} paragraph.", f"{bad}Second paragraph{bad}"),
        authors=(f"Zhang{bad} Yi",), republisher=f"Net{bad}Sherpa",
        source_url=f"https://www.chinadaily.com.cn/a/{bad}1.html", via=f"https://blog.example/{bad}post")
    when = article.published.value if article.published else NOW
    return Entry(id="tag:feeder.test,2026:entry:x", article=changed, updated=when, published=when,
                 vias=(f"https://blog.example/{bad}post",))


def render_both(entries: list[Entry]) -> tuple[bytes, bytes]:
    meta = FeedMeta("tag:feeder.test,2026:feed", "Test feed", "feeder tests",
                    "http://localhost:8080/feed.atom", "en")
    return render_atom(entries, meta, empty_updated=NOW), render_rss(entries, meta, empty_updated=NOW)


def assert_clean_xml(data: bytes) -> None:
    text = data.decode("utf-8")
    assert ILLEGAL_XML.search(text) is None, "a character illegal in XML reached the output"
    parse_feed_xml(data)
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")


@pytest.mark.parametrize("bad", ILLEGAL, ids=lambda c: f"U+{ord(c):04X}")
def test_characters_illegal_in_xml_never_crash_rendering_nor_reach_the_output(good_article: Article,
                                                                              bad: str) -> None:
    atom, rss = render_both([poisoned(good_article, bad)])
    assert_clean_xml(atom)
    assert_clean_xml(rss)


@settings(PROPERTY, max_examples=60)
@given(title=st.text(st.characters(exclude_categories=()), min_size=1, max_size=40),
       body=st.lists(st.text(st.characters(exclude_categories=()), min_size=1, max_size=80), min_size=1,
                     max_size=3))
@example(title="\ufffe", body=["\x00"])
def test_any_unicode_title_and_body_render_to_well_formed_xml(good_article: Article, title: str,
                                                             body: list[str]) -> None:
    changed = dataclasses.replace(good_article, title=title, body=tuple(body))
    when = good_article.published.value if good_article.published else NOW
    atom, rss = render_both([Entry("tag:feeder.test,2026:entry:y", changed, when, when)])
    assert_clean_xml(atom)
    assert_clean_xml(rss)


# ------------------------------------------------------------------ time sanity: DST gap and overlap

AP_STAMP = "July 14, 2021 11:20 AM"
NEW_YORK_CASES = {
    # 02:30 does not exist on 2021-03-14 in New York: either side of the gap is an answer.
    "March 14, 2021 2:30 AM": {"2021-03-14T06:30:00+00:00", "2021-03-14T07:30:00+00:00"},
    # 01:30 happens twice on 2021-11-07 in New York (EDT, then EST).
    "November 7, 2021 1:30 AM": {"2021-11-07T05:30:00+00:00", "2021-11-07T06:30:00+00:00"},
}


def _ap_story(config: Config, stamp: str) -> Path:
    text = AP_FIXTURE.read_text(encoding="utf-8")
    assert AP_STAMP in text
    path = config.input_folder / AP_FIXTURE.name
    path.write_text(text.replace(AP_STAMP, stamp), encoding="utf-8")
    return path


@pytest.mark.parametrize("stamp", sorted(NEW_YORK_CASES))
def test_dst_gap_and_overlap_resolve_deterministically(stamp: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    outputs: list[bytes] = []
    published: list[str] = []
    try:
        for n, machine_zone in enumerate(("UTC", "Asia/Shanghai", "America/Los_Angeles")):
            monkeypatch.setenv("TZ", machine_zone)
            time.tzset()
            folder = tmp_path / f"run{n}"
            folder.mkdir()
            config = hostile_config(folder)
            path = _ap_story(config, stamp)
            first, second = inspect_file(path, config), inspect_file(path, config)
            assert first.published is not None and first.published == second.published
            published.append(first.published.value.isoformat())
            assert first.published.value.astimezone(UTC).isoformat() in NEW_YORK_CASES[stamp]
            run_once(config, now=NOW)
            outputs.append((config.output_folder / config.feed.filename).read_bytes())
    finally:
        monkeypatch.undo()
        time.tzset()
    assert len(set(published)) == 1, "the machine's zone changed the reading"
    assert len(set(outputs)) == 1, "the same input gave different feeds"
    parsed = feedparser.parse(outputs[0])
    assert parsed.bozo == 0
    assert {e.published for e in parsed.entries if "schooner" in e.title} == {published[0]}
