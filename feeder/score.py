"""Score extraction against a labelled corpus: per-field accuracy of ``inspect --json`` against expected JSON.

Figures are kept per input kind (text dump or HTML page), false credits (a wrong outlet or a wrong
person named, which misleads a reader more than naming none) are counted apart from omissions, and
each miss says which candidate won (its provenance) and which value was right.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feeder.articles import SUFFIXES

FIELDS = ("status", "title", "source", "authors", "republisher", "published", "updated", "republished",
          "via", "body")
# The fields that name someone: a value where the label has another (or none) is a false credit.
CREDIT_FIELDS = ("source", "authors", "republisher")
Inspect = Callable[[Path], dict[str, Any]]


@dataclass
class Score:
    """Right and total counts per field and per (kind, field), false credits, and the misses to show."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)  # "txt right", "txt total", …
    false_credits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    files: int = 0

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 0.0

    def kind_accuracy(self, kind: str) -> tuple[int, int]:
        counts = self.by_kind.get(kind, Counter())
        return counts["right"], counts["total"]


def labelled(folders: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(input file, expected JSON) pairs found in the folders, in name order."""
    for folder in folders:
        for path in sorted(folder.iterdir()):
            expected = path.with_suffix(".json")
            if path.suffix.lower() in SUFFIXES and expected.is_file():
                yield path, expected


def input_kind(path: Path) -> str:
    return "html" if path.suffix.lower() in (".html", ".htm") else "txt"


def false_credit(name: str, expected: Any, got: Any) -> str | None:
    """What a credit field names that the label does not: a wrong outlet or person, never an omission."""
    if name == "source":
        want = (expected or {}).get("name")
        have = (got or {}).get("name") if isinstance(got, dict) else None
        return have if have is not None and have != want else None
    if name == "authors":
        wrong = [a for a in (got or []) if a not in (expected or [])]
        return ", ".join(wrong) or None
    if name == "republisher":
        return got if got is not None and got != expected else None
    return None


def score(pairs: Iterable[tuple[Path, Path]], inspect: Inspect) -> Score:
    """Compare each field the expected JSON names; a rejected case counts only its status."""
    result = Score()
    for path, expected_path in pairs:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        result.files += 1
        try:
            got = inspect(path)
        except Exception as exc:  # a crash is a finding to report, not a reason to stop scoring
            result.crashes.append(f"{path}: {type(exc).__name__}: {exc}")
            got = {}
        _compare(result, path, expected, got)
    return result


def _compare(result: Score, path: Path, expected: dict[str, Any], got: dict[str, Any]) -> None:
    kind = result.by_kind.setdefault(input_kind(path), Counter())
    provenance = got.get("provenance") or {}
    for name in FIELDS:
        if name not in expected:
            continue
        result.total[name] += 1
        kind["total"] += 1
        if got.get(name) == expected[name]:
            result.right[name] += 1
            kind["right"] += 1
            continue
        if name in CREDIT_FIELDS and (wrong := false_credit(name, expected[name], got.get(name))):
            result.false_credits.append(f"{path.name}: {name}: named {wrong!r}")
        why = provenance.get(name) or ("rejected: " + str(got.get("error")) if name == "status" else "no candidate")
        result.misses.append(f"{path.name}: {name}: expected {json.dumps(expected[name])[:160]}, "
                             f"got {json.dumps(got.get(name))[:160]} (won by: {str(why)[:160]})")


def table(result: Score) -> str:
    lines = ["| field | right | total | accuracy |", "|---|---:|---:|---:|"]
    for name in FIELDS:
        if result.total[name]:
            lines.append(f"| {name} | {result.right[name]} | {result.total[name]} | "
                         f"{result.right[name] / result.total[name]:.1%} |")
    for kind in sorted(result.by_kind):
        right, total = result.kind_accuracy(kind)
        lines.append(f"| *{kind} inputs* | {right} | {total} | {right / total if total else 0:.1%} |")
    right, total = sum(result.right.values()), sum(result.total.values())
    lines.append(f"| **all fields** | {right} | {total} | **{result.accuracy:.1%}** |")
    lines.append(f"| false credits (wrong outlet or person named) | {len(result.false_credits)} | "
                 f"{result.files} files | |")
    return "\n".join(lines)
