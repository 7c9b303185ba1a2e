"""Headless Chromium shows the headline and the credit line of each kind of page, on a phone and a desktop.

The default build is served by `feeder serve`; for the index, a feed page, an entry page and the
feed document itself (styled by its XSLT), at 400 and 1280 px wide: the headline and the credit
line are displayed inside the first screen, nothing overflows sideways, and a screenshot is taken
(set FEEDER_SCREENSHOTS to a folder to keep them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeder.config import load_config
from feeder.pipeline import run_once
from feeder.serve import make_server
from tests.conftest import ROOT

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency: pip install -e '.[test]'")
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="chromium and chromium-driver are not installed (.ci/run installs them)")

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
WIDTHS = (400, 1280)
HEIGHT = 900
STORY = "Drones sow rice seeds on Guizhou terraces as farmers age"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "articles", folder / "articles")
        shutil.copy(ROOT / "config.toml", folder / "config.toml")
        config = load_config(folder / "config.toml")
        run_once(config, now=NOW)
        handle = make_server(config.output_folder, port=0)
        thread = threading.Thread(target=handle.serve_forever, daemon=True)
        thread.start()
        try:
            yield handle.url
        finally:
            handle.shutdown()
            thread.join(30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


PAGES = {
    "index": ("index.html", "h2 a", ".credit"),
    "feed page": ("feed.html", "h2 a", ".credit"),
    "entry page": (None, "h1", ".credit"),
    "styled feed": ("feed.atom", "h2 a", ".credit"),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_headline_and_credit_are_visible(site: str, browser: object, name: str, width: int,
                                         tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    path, headline_css, credit_css = PAGES[name]
    if path is None:  # the entry page of the first story, found from the feed page as a reader would
        driver.get(site + "feed.html")  # type: ignore[attr-defined]
        link = driver.find_element(By.LINK_TEXT, STORY).get_attribute("href")  # type: ignore[attr-defined]
        assert link and link.startswith(site + "entries/") and link.endswith(".html")
        url = link
    else:
        url = site + path
    driver.set_window_size(width, HEIGHT)  # type: ignore[attr-defined]
    driver.get(url)  # type: ignore[attr-defined]
    viewport = driver.execute_script("return [window.innerWidth, window.innerHeight, "  # type: ignore[attr-defined]
                                     "document.documentElement.scrollWidth]")
    inner_width, inner_height, scroll_width = viewport
    assert scroll_width <= inner_width, f"{name} overflows sideways at {width} px"
    if not url.endswith(".atom"):  # the pages' shared style sheet (site.css) is loaded and applied
        assert driver.execute_script(  # type: ignore[attr-defined]
            "return getComputedStyle(document.body).maxWidth") == "704px", f"{name}: site.css not applied"
    for css in (headline_css, credit_css):
        element = driver.find_element(By.CSS_SELECTOR, css)  # type: ignore[attr-defined]
        assert element.is_displayed(), (name, css)
        box = element.rect
        assert element.text.strip(), (name, css)
        assert box["y"] >= 0 and box["y"] + min(box["height"], 40) <= inner_height, (name, css, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= inner_width + 1, (name, css, box)
    credit = driver.find_element(By.CSS_SELECTOR, credit_css).text  # type: ignore[attr-defined]
    assert "published by" in credit.lower(), credit
    keep = os.environ.get("FEEDER_SCREENSHOTS")
    target = Path(keep) if keep else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    shot = target / f"{name.replace(' ', '-')}-{width}.png"
    assert driver.save_screenshot(str(shot))  # type: ignore[attr-defined]
    assert shot.stat().st_size > 5000, "a blank screenshot"
