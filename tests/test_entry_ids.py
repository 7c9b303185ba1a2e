"""Entry ids and learned-line hashes of the labelled corpus never change when extraction changes.

Published ids are forever: a reader sees a changed id as a new story. The ids below were computed
before extraction v2 and are pinned here; regenerate them never, fix the code instead.
"""

from __future__ import annotations

import json

import pytest

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.learn import line_hash
from tests.conftest import ROOT

PINNED = ROOT / "tests" / "fixtures" / "ids" / "labelled_entry_ids.json"
LABELLED = ("scenarios", "corpus")


def _pinned() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(PINNED.read_text(encoding="utf-8"))
    return data


def test_every_accepted_labelled_case_is_pinned() -> None:
    pinned = _pinned()
    for folder in LABELLED:
        for expected in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.json")):
            if json.loads(expected.read_text(encoding="utf-8")).get("status") == "ok":
                assert f"{folder}/{expected.stem}" in pinned


@pytest.mark.parametrize("case", sorted(_pinned()))
def test_entry_id_is_unchanged(case: str, config: Config) -> None:
    folder, stem = case.split("/")
    path = next(p for p in (ROOT / "tests" / "fixtures" / folder).glob(stem + ".*") if p.suffix != ".json")
    pinned = _pinned()[case]
    record = inspect_record(path, config)
    assert record["id"] == pinned["id"]
    assert [line_hash(p) for p in record["body"][:2]] == pinned["line_hashes"]
