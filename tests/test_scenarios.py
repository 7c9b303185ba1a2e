"""Every scenario fixture extracts to exactly the fields in the JSON beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeder.cli import inspect_record
from feeder.config import Config
from tests.conftest import scenario_inputs

CONTRACT = {"path", "status", "error", "title", "source", "authors", "republisher", "published",
            "updated", "body", "id"}


@pytest.mark.parametrize("path", scenario_inputs(), ids=lambda p: p.name)
def test_scenario_matches_expected_json(path: Path, config: Config) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(path, config)
    assert set(record) >= CONTRACT
    if expected["status"] == "rejected":
        assert record["status"] == "rejected"
        assert record["error"] and path.name in record["error"]
        assert path.exists(), "a rejected file is kept"
        return
    assert record["error"] is None
    for key, value in expected.items():
        assert record[key] == value, f"{path.name}: {key}"


def test_corpus_is_large_and_varied() -> None:
    inputs = scenario_inputs()
    assert len(inputs) >= 20
    assert {p.suffix for p in inputs} >= {".txt", ".html"}
    outlets = set()
    for p in inputs:
        expected = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        if expected.get("source"):
            outlets.add(expected["source"]["name"])
    assert len(outlets) >= 6
