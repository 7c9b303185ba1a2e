"""Failure classes seen on unfamiliar page templates, each pinned by a small invented page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feeder.cli import inspect_record
from feeder.config import Config

STORY = ("Harbour pilots in the northern port have started guiding cargo ships with a shared digital chart "
         "that updates tide and wind readings every minute, the port authority said on Tuesday.")
MORE = ("The chart replaces paper tables that pilots had carried on board for decades, and the authority "
        "said it expects fewer delays when fog settles over the channel in the winter months ahead.")


def inspect(tmp_path: Path, config: Config, name: str, text: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return inspect_record(path, config)


def test_furniture_classed_wrapper_around_the_post_body_is_kept(tmp_path: Path, config: Config) -> None:
    # Blogger themes wrap the whole post list in class="widget Blog"; only its sidebar siblings are widgets.
    page = f"""<html><head><title>Pilots get a digital chart</title></head><body>
    <div class="header"><h1>Quay Notes</h1><p>Letters and news from the waterfront, gathered by hand.</p></div>
    <div class="widget Blog"><article><h3 class="post-title">Pilots get a digital chart</h3>
    <div class="post-body"><p>By ANA TORRES</p><p>{STORY}</p><p>{MORE}</p><p>Source: Reuters</p></div></article></div>
    <div class="widget Profile"><p>I write about ships and the people who steer them through our harbour.</p></div>
    </body></html>"""
    record = inspect(tmp_path, config, "widget_blog.html", page)
    assert record["body"] == [STORY, MORE]
    assert record["authors"] == ["Ana Torres"]
