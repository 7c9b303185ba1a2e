"""Cost of the date finder per line: medians for lines without a digit, with digits but no date, and with a date.

    python bench/dates.py [--repeat 200]

The extractor calls ``find_dates`` on every line of every page, so a line without a date must
cost next to nothing. The lines are every non-empty line of the text dumps under tests/fixtures
(the date shapes table aside) (real page shapes, with their story paragraphs). Each line is timed over
``--repeat`` calls of the finder without its cache (process CPU time, best of 5 rounds, to keep a busy
machine's noise out); the table gives the median and the mean per call in each group, in microseconds,
and the median ratio to ``str.split()`` of the same line (a yardstick that moves with the machine's load).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from feeder.extract.dates import find_dates

# find_dates keeps a cache of the lines it read (extraction asks twice of a stamp): the bench times the finder itself.
_FINDER: Callable[[str], object] = getattr(find_dates, "__wrapped__", find_dates)
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
_DIGIT = re.compile(r"\d")


def lines() -> list[str]:
    found: list[str] = []
    for path in sorted(FIXTURES.rglob("*.txt")):
        if path.parent.name == "dates":
            continue  # the date shapes table: every line a date
        found.extend(line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip())
    return found


def per_call(work: Callable[[], object], repeat: int) -> float:
    """Best of five rounds of ``repeat`` calls, in microseconds per call."""
    return min(timeit.repeat(work, number=repeat, repeat=5, timer=time.process_time)) / repeat * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    groups: dict[str, list[tuple[int, float, float]]] = {"no digit": [], "digits, no date": [], "with a date": []}
    for line in lines():
        group = "with a date" if find_dates(line) else "digits, no date" if _DIGIT.search(line) else "no digit"
        groups[group].append((len(line), per_call(lambda line=line: _FINDER(line), args.repeat),
                              per_call(line.split, args.repeat)))
    print(f"{'lines':<16} {'count':>6} {'chars (median)':>15} {'median µs':>10} {'mean µs':>8} {'× split()':>10}")
    for name, timings in groups.items():
        if timings:
            ratio = statistics.median(cost / split for _, cost, split in timings)
            print(f"{name:<16} {len(timings):>6} {statistics.median(n for n, _, _ in timings):>15.0f} "
                  f"{statistics.median(t for _, t, _ in timings):>10.2f} "
                  f"{statistics.fmean(t for _, t, _ in timings):>8.2f} {ratio:>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
