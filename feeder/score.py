"""Score extraction against a labelled corpus: per-field accuracy of ``inspect --json`` against expected JSON."""

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
Inspect = Callable[[Path], dict[str, Any]]


@dataclass
class Score:
    """Right and total counts per field, and the misses to show."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 0.0


def labelled(folders: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(input file, expected JSON) pairs found in the folders, in name order."""
    for folder in folders:
        for path in sorted(folder.iterdir()):
            expected = path.with_suffix(".json")
            if path.suffix.lower() in SUFFIXES and expected.is_file():
                yield path, expected


def score(pairs: Iterable[tuple[Path, Path]], inspect: Inspect) -> Score:
    """Compare each field the expected JSON names; a rejected case counts only its status."""
    result = Score()
    for path, expected_path in pairs:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            got = inspect(path)
        except Exception as exc:  # a crash is a finding to report, not a reason to stop scoring
            result.crashes.append(f"{path}: {type(exc).__name__}: {exc}")
            got = {}
        for name in FIELDS:
            if name not in expected:
                continue
            result.total[name] += 1
            if got.get(name) == expected[name]:
                result.right[name] += 1
            else:
                result.misses.append(f"{path.name}: {name}: expected {json.dumps(expected[name])[:160]}, "
                                     f"got {json.dumps(got.get(name))[:160]}")
    return result


def table(result: Score) -> str:
    lines = ["| field | right | total | accuracy |", "|---|---:|---:|---:|"]
    for name in FIELDS:
        if result.total[name]:
            lines.append(f"| {name} | {result.right[name]} | {result.total[name]} | "
                         f"{result.right[name] / result.total[name]:.1%} |")
    right, total = sum(result.right.values()), sum(result.total.values())
    lines.append(f"| **all fields** | {right} | {total} | **{result.accuracy:.1%}** |")
    return "\n".join(lines)
