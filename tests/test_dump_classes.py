"""Text-dump failure classes (headlines under site chrome, stamps and credits in new shapes, non-articles),
each pinned by a small invented dump in tests/fixtures/dump_classes with the expected `inspect --json` fields
beside it; a rejected page's expectation may name the kind of wall (``reason``) its rejection must give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeder.cli import inspect_record
from feeder.config import Config

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dump_classes"
DUMPS = sorted(FIXTURES.glob("*.txt"))


def test_every_dump_has_its_expectation() -> None:
    assert DUMPS
    assert all(dump.with_suffix(".json").is_file() for dump in DUMPS)


@pytest.mark.parametrize("dump", DUMPS, ids=[p.stem for p in DUMPS])
def test_dump_extracts_as_labelled(dump: Path, config: Config) -> None:
    expected = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))
    reason = expected.pop("reason", None)
    record = inspect_record(dump, config)
    assert {key: record[key] for key in expected} == expected
    if reason is not None:
        assert f": {reason} (" in record["error"]
