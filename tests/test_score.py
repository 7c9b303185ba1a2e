"""feeder score: per-kind figures, false credits apart from omissions, and the winner of each miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from feeder.score import false_credit, score, table


def test_false_credit_names_a_wrong_outlet_or_person_never_an_omission() -> None:
    assert false_credit("source", {"name": "Xinhua", "url": None}, {"name": "AP", "url": None}) == "AP"
    assert false_credit("source", {"name": "Xinhua", "url": None}, None) is None
    assert false_credit("source", None, {"name": "AP", "url": None}) == "AP"
    assert false_credit("authors", ["Li Ming"], ["Li Ming", "Blog Admin"]) == "Blog Admin"
    assert false_credit("authors", ["Li Ming"], []) is None
    assert false_credit("republisher", None, "Jo") == "Jo"
    assert false_credit("republisher", "Jo", None) is None


def test_score_counts_per_kind_and_says_which_candidate_won(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        (tmp_path / name).with_suffix(".json").write_text(json.dumps(
            {"status": "ok", "title": "Right", "source": {"name": "Xinhua", "url": None}}), encoding="utf-8")

    def inspect(path: Path) -> dict[str, Any]:
        wrong = path.suffix == ".txt"
        return {"status": "ok", "title": "Menu" if wrong else "Right",
                "source": {"name": "AP" if wrong else "Xinhua", "url": None},
                "provenance": {"title": "line 1: first line"}}

    result = score([(p, p.with_suffix(".json")) for p in sorted(tmp_path.glob("*.[th]*[lt]"))], inspect)
    assert result.kind_accuracy("html") == (3, 3)
    assert result.kind_accuracy("txt") == (1, 3)
    assert result.false_credits == ["a.txt: source: named 'AP'"]
    assert any("won by: line 1: first line" in miss for miss in result.misses)
    assert "| *txt inputs* | 1 | 3 | 33.3% |" in table(result)
