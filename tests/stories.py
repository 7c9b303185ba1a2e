"""Generate distinct, valid article files in the seed's shape for daemon and crash tests."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """{title} - Harbour Ledger


By quaywatcher

Post Top Ad

Responsive Ads Here

March {day}, 2021

{title}

(China Daily) Port authorities in the city of Ningbo reported item {n} in a series of logistics updates, \
saying container throughput rose for the {n}th week as exporters cleared a backlog of orders.

Officials said crane crews would keep working extra shifts for batch {n}, and that truck queues at the main \
gate had shortened to under an hour for most drivers on weekdays.

Analysts expect freight rates to ease later in the year as more empty containers return from overseas \
markets, the report number {n} added.

Source: By Lin Haoran | | Updated: 2021-03-{day:02d} {hour:02d}:{minute:02d}

No comments:

Post a Comment
"""


def story_text(n: int) -> str:
    """The n-th story: its own headline and stamp, so each file is a distinct entry."""
    day, hour, minute = 1 + n % 28, n % 24, n % 60
    return TEMPLATE.format(title=f"Ningbo port logistics update number {n}", n=n, day=day, hour=hour,
                           minute=minute)


def write_story(folder: Path, n: int) -> Path:
    path = folder / f"story-{n:04d}.txt"
    path.write_text(story_text(n), encoding="utf-8")
    return path
