"""The learned line scorer: trained deterministically by one command, shipped, loadable, never raising."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.extract import linemodel

ROOT = Path(__file__).resolve().parent.parent

STORY = """Harbour Gazette | Home | World | Sport | Login
Port authority approves new ferry terminal for the east quay
By Mara Lindqvist
March 3, 2021
The port authority on Wednesday approved plans for a new ferry terminal on the east quay, ending a long dispute.
The terminal will handle up to four ferries at once and is expected to open in the spring of 2024, officials said.
Residents had objected to the increase in traffic, but the final plan moves the car park away from the houses.
Share this article
Related stories
Comments (3)"""


def test_training_is_one_deterministic_command(tmp_path: Path) -> None:
    written = []
    for name in ("first.json", "second.json"):
        out = tmp_path / name
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_lines.py"), "--out", str(out)],
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        written.append(out.read_bytes())
    assert written[0] == written[1]
    model = linemodel.model_from(json.loads(written[0]))
    assert (len(model.body), len(model.headline)) == (len(linemodel.FEATURE_NAMES), len(linemodel.HEADLINE_NAMES))


def test_shipped_model_loads_and_fits_the_features() -> None:
    model = linemodel.shipped()
    assert (len(model.body), len(model.headline)) == (len(linemodel.FEATURE_NAMES), len(linemodel.HEADLINE_NAMES))
    assert any(model.body) and any(model.headline)


def test_a_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="other features"):
        linemodel.model_from({"features": ["bias"], "headline features": ["bias"], "body": [0.0], "headline": [0.0]})


def test_scores_a_plain_story_page() -> None:
    lines = STORY.splitlines()
    scores = linemodel.score_lines(lines)
    assert [s.index for s in scores] == list(range(len(lines)))
    assert all(s.body > 0.5 for s in scores[4:7])
    assert all(s.body < 0.5 for s in scores[:4] + scores[7:])
    assert max(scores, key=lambda s: s.headline).index == 1
    assert linemodel.story_lines(scores) == [4, 5, 6]
    assert linemodel.headline_line(scores) == 1


def test_the_story_run_is_the_best_contiguous_run() -> None:
    assert linemodel.body_span([0.1, 0.9, 0.8, 0.2, 0.9, 0.1]) == (1, 4)
    assert linemodel.body_span([0.9, 0.1, 0.1, 0.1, 0.1, 0.6]) == (0, 0)
    assert linemodel.body_span([0.2, 0.3]) == (0, -1)


def test_no_lines_no_scores() -> None:
    assert linemodel.score_lines([]) == []
    assert linemodel.story_lines([]) == []
    assert linemodel.headline_line([]) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=40))
def test_scoring_never_raises_on_arbitrary_lines(lines: list[str]) -> None:
    scores = linemodel.score_lines(lines)
    assert len(scores) == len(lines)
    assert all(0.0 <= s.body <= 1.0 and 0.0 <= s.headline <= 1.0 for s in scores)
    chosen = linemodel.story_lines(scores)
    assert chosen == sorted(set(chosen)) and all(0 <= i < len(lines) for i in chosen)
    top = linemodel.headline_line(scores)
    assert (top is None) == (not lines) and (top is None or top < len(lines))
