"""Operating feeder day to day: checked settings, escaped reports, a status that tells the truth."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeder.cli import main
from feeder.config import interval_problem, load_config
from feeder.console import configure_logging, journald_is_stderr
from feeder.errors import ConfigError
from tests.conftest import write_config
from tests.stories import write_story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


# ------------------------------------------------------------------ validated input everywhere

def test_every_bad_value_is_named_at_once(tmp_path: Path) -> None:
    path = write_config(tmp_path, extra='subtitle = "line one\\nline two\\u001b[31m"\nfilename = "feed\\u0000.atom"')
    path.write_text(path.read_text() + "[dates]\nfuture_tolerance_hours = 1e11\noldest_year = 12\n"
                    "[schedule]\ninterval_seconds = 100000000000\n[outlets.kyodo]\nname = \"Kyodo\\u0007\"\n"
                    "homepage = \"https://english.kyodonews.net/\"\ntimezone = \"Asia/Tokyo\"\n"
                    "aliases = [\"Kyodo\\n\"]\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    problems = "\n".join(raised.value.problems)
    for key in ("feed.subtitle: must be one line of text without control characters",
                "feed.filename: must be a plain file name",
                "dates.future_tolerance_hours: must be a whole number from 1 to 87,840 hours",
                "dates.oldest_year: must be a four-digit year",
                "schedule.interval_seconds: must be at most 31,622,400 seconds",
                "outlets.kyodo.name: must be one line of text", "outlets.kyodo.aliases: must be a list"):
        assert key in problems, key
    assert len(raised.value.problems) == 7


@pytest.mark.parametrize("name", ["sub/feed.atom", "..\\\\feed.atom", ".hidden.atom"])
def test_feed_filename_without_separators(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigError, match=r"feed\.filename"):
        load_config(write_config(tmp_path, extra=f'filename = "{name}"'))


def test_huge_whole_future_tolerance_is_refused_not_a_traceback(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(tmp_path)
    path.write_text(path.read_text() + "[dates]\nfuture_tolerance_hours = 100000000000\n")
    assert main(["build", "-c", str(path)]) == 2
    err = capsys.readouterr().err
    assert "dates.future_tolerance_hours: must be at most 87,840 hours" in err and "Traceback" not in err


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -1.0, 0.0, 1e12])
def test_intervals_must_be_positive_and_finite(seconds: float) -> None:
    assert interval_problem(seconds) is not None
    assert interval_problem(0.5) is None


def test_require_outlet_must_be_a_boolean(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"feed\.require_outlet: must be true or false"):
        load_config(write_config(tmp_path, extra='require_outlet = "no"'))


# ------------------------------------------------------------------ safe reporting

def _forged_name(folder: Path) -> Path:
    """An empty file whose name would start a fake log line if printed raw."""
    path = folder / "x.txt\n2026-11-27T12:00:00+00:00 feeder info: pass finished: all good.txt"
    path.write_text("")
    return path


def test_a_file_name_with_a_newline_cannot_forge_log_lines(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    _forged_name(tmp_path / "inbox")
    assert main(["build", "-c", str(config), "--log-level", "info"]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert not any(line.startswith("2026-11-27T12:00:00") for line in lines), err
    assert any("x.txt\\n2026-11-27T12:00:00+00:00 feeder info: pass finished" in line for line in lines)
    assert main(["status", "-c", str(config)]) == 0
    out = capsys.readouterr().out
    assert not any(line.startswith("2026-11-27") for line in out.splitlines())
    assert "x.txt\\n2026" in out


def test_json_log_lines_are_one_object_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    _forged_name(tmp_path / "inbox")
    write_story(tmp_path / "inbox", 1)
    assert main(["build", "-c", str(config), "--log-level", "info", "--log-format", "json"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert {e["level"] for e in events} >= {"info", "warning"}
    assert any(e["message"].startswith("rejected ") and "\n" in e["message"] for e in events)
    assert any(e["message"].startswith("pass finished: 1 new") for e in events)


def test_journal_format_has_priorities_and_no_timestamps(tmp_path: Path) -> None:
    out = tmp_path / "log"
    with out.open("w") as stream:
        configure_logging("info", "journal", stream)
        logging.getLogger("feeder").warning("rejected %s: %s", "a\nb.txt", "empty")
        logging.getLogger("apscheduler.scheduler").info("Job executed successfully")
    assert out.read_text() == "<4>rejected a\\nb.txt: empty\n"



def test_journald_is_detected_from_journal_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with (tmp_path / "log").open("w") as stream:
        status = Path(stream.name).stat()
        monkeypatch.setenv("JOURNAL_STREAM", f"{status.st_dev}:{status.st_ino}")
        assert journald_is_stderr(stream)
        monkeypatch.setenv("JOURNAL_STREAM", f"{status.st_dev}:{status.st_ino + 1}")
        assert not journald_is_stderr(stream)


# ------------------------------------------------------------------ status that tells the truth

def test_status_json_reports_feeds_with_counts_and_newest(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    write_story(tmp_path / "inbox", 1)
    write_story(tmp_path / "inbox", 2)
    assert main(["build", "-c", str(config)]) == 0
    capsys.readouterr()
    assert main(["status", "-c", str(config), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["last_pass"]["outcome"] == "ok" and status["last_pass"]["counts"]["new"] == 2
    (feed,) = status["feeds"]
    assert feed["path"].endswith("feed.atom") and feed["entries"] == 2
    assert feed["newest"]["title"] == "Ningbo port logistics update number 2"
    assert status["rejected"] == [] and status["held"] == []


def test_status_shows_a_failed_pass_with_its_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    write_story(tmp_path / "inbox", 1)
    assert main(["build", "-c", str(config)]) == 0
    # The feeds folder becomes a file: the next pass fails while publishing.
    feeds = tmp_path / "feeds"
    for path in sorted(feeds.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    feeds.rmdir()
    feeds.write_text("")
    loaded = load_config(config)
    from feeder.daemon import one_pass

    with pytest.raises(ConfigError):
        one_pass(loaded)
    capsys.readouterr()
    assert main(["status", "-c", str(config)]) == 0
    out = capsys.readouterr().out
    assert "last pass: FAILED at" in out and "output.folder" in out and "is a file" in out


def test_status_lists_only_current_rejections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    fixed = tmp_path / "inbox" / "fixed.txt"
    removed = tmp_path / "inbox" / "removed.txt"
    fixed.write_text("")
    removed.write_text("")
    assert main(["build", "-c", str(config)]) == 0
    capsys.readouterr()
    assert main(["status", "-c", str(config)]) == 0
    assert "rejected files: 2" in capsys.readouterr().out
    from tests.stories import story_text

    fixed.write_text(story_text(5))
    removed.unlink()
    assert main(["build", "-c", str(config)]) == 0
    capsys.readouterr()
    assert main(["status", "-c", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rejected"] == []


def test_status_before_any_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "-c", str(write_config(tmp_path))]) == 0
    assert "no pass has run yet" in capsys.readouterr().out


# ------------------------------------------------------------------ progress

def test_progress_without_a_terminal_logs_a_line_every_tenth(caplog: pytest.LogCaptureFixture) -> None:
    from feeder.console import Progress

    progress = Progress(terminal=False)
    with caplog.at_level(logging.INFO, logger="feeder"):
        for done in range(1, 2001):
            progress(done, 2000)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("progress: ")]
    assert len(lines) == 10 and lines[-1].startswith("progress: 2000/2000 files (100%)")
    assert all("files/s, about" in line for line in lines)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="feeder"):
        for done in range(1, 31):
            progress(done, 30)
    assert not [r for r in caplog.records if r.getMessage().startswith("progress: ")], "a short pass: summary only"


def test_progress_lines_show_at_builds_default_level(tmp_path: Path) -> None:
    from feeder.console import Progress

    out = tmp_path / "log"
    with out.open("w") as stream:
        configure_logging("warning", "text", stream)
        logging.getLogger("feeder").info("pass started")  # below the level: not shown
        progress = Progress(terminal=False)
        for done in range(1, 201):
            progress(done, 200)
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and all(" feeder info: progress: " in line for line in lines)


def test_progress_on_a_terminal_draws_a_bar_with_rate_and_eta(capsys: pytest.CaptureFixture[str]) -> None:
    from feeder.console import Progress

    progress = Progress(terminal=True)
    for done in range(1, 51):
        progress(done, 50)
    err = capsys.readouterr().err
    assert "/50 [" in err and "<" in err and " files/s]" in err  # done/total [elapsed<left, rate]
