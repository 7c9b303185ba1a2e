"""Fit the headline detector's weights on the labelled text dumps, cross-validated across sets.

    python bench/fit_headline.py

For every weight setting on a small grid, counts the text dumps of each labelled set whose
extracted headline is the labelled one. Each set in turn is held out: the setting that does best
on the other sets is scored on it (leave-one-set-out), so a weight that only fits one set shows.
Deterministic: no randomness, the grid and the files are walked in order.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from feeder.articles import read_article
from feeder.errors import FeederError
from feeder.extract import extract, headline
from feeder.records import RawArticle
from feeder.sources import build_registry

ROOT = Path(__file__).resolve().parent.parent
# The labelled sets the fit reads. heldout4 and blind20 stay untouched (never fitted on). The shipped weights were
# fitted on the first twelve; blind8, blind10, blind11, blind15, blind16, blind17, blind18 and blind19 joined the list
# later (DIGEST, added with blind16 and blind17, is not on the grid).
SETS = ("scenarios", "corpus", "heldout", "heldout2", "heldout3", "blind5", "blind6", "blind7", "blind9", "blind12",
        "blind8", "blind10", "blind15", "blind16", "blind17", "blind18", "blind19", "blind21")
GRID = {"ECHOED": (2.0, 3.0, 4.0), "ANCHORED": (1.0, 2.0, 3.0), "SLUG": (1.0, 1.5, 2.5),
        "SHAPE": (0.0, 0.5, 1.0), "STORY": (0.0, 1.0, 2.0), "MIN_SCORE": (1.0, 2.0, 3.0), "MENU_LINES": (3, 5, 8)}


def cases(name: str) -> Iterator[tuple[RawArticle, str]]:
    for path in sorted((ROOT / "tests" / "fixtures" / name).glob("*.txt")):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if expected.get("status") == "ok":
            yield read_article(path, inbox=path.parent, max_bytes=10_000_000), expected["title"]


def right(setting: dict[str, float | int], data: list[tuple[RawArticle, str]]) -> int:
    for key, value in setting.items():
        setattr(headline, key, value)
    registry, count = build_registry(), 0
    for raw, title in data:
        try:
            page = extract(raw, registry)
        except FeederError:
            continue
        count += page.title is not None and page.title.value == title
    return count


def main() -> None:
    data = {name: list(cases(name)) for name in SETS}
    current = {key: getattr(headline, key) for key in GRID}
    settings = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    table = [(setting, {name: right(setting, data[name]) for name in SETS}) for setting in settings]
    print("| held out | dumps | best elsewhere: right | shipped weights: right |")
    print("|---|---:|---:|---:|")
    shipped = next((counts for setting, counts in table if setting == current), None)
    for held in SETS:
        best = max(table, key=lambda row: (sum(v for k, v in row[1].items() if k != held), -len(str(row[0]))))
        print(f"| {held} | {len(data[held])} | {best[1][held]} | {shipped[held] if shipped else '-'} |")
    overall = max(table, key=lambda row: sum(row[1].values()))
    print(f"\nbest overall: {overall[0]} -> {sum(overall[1].values())} of {sum(len(d) for d in data.values())}")
    ties = sum(sum(counts.values()) == sum(overall[1].values()) for _, counts in table)
    shipped_right = sum(shipped.values()) if shipped else "-"
    print(f"shipped: {current} -> {shipped_right}; {ties} of {len(table)} settings tie best")
    for key, value in current.items():
        setattr(headline, key, value)


if __name__ == "__main__":
    main()
