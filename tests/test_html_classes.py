"""HTML failure classes (forum threads, markup bylines and stamps, headlines that name the site), each pinned
by a small invented page in tests/fixtures/html_classes with the expected `inspect --json` fields beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeder.cli import inspect_record
from feeder.config import Config

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html_classes"
PAGES = sorted(FIXTURES.glob("*.html"))


def test_every_page_has_its_expectation() -> None:
    assert PAGES
    assert all(page.with_suffix(".json").is_file() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_extracts_as_labelled(page: Path, config: Config) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected
