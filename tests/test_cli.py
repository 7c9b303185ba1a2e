"""The command line as users call it: exit codes, one JSON line per file, every config problem named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from feeder.cli import main
from tests.conftest import SCENARIOS, write_config

VALID = Path(__file__).parent / "validate" / "valid"
BROKEN = Path(__file__).parent / "validate" / "broken"


def test_inspect_json_is_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    files = [SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt", SCENARIOS / "empty_file.txt"]
    assert main(["inspect", "--json", *map(str, files)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    ok, rejected = (json.loads(line) for line in lines)
    assert ok["status"] == "ok" and ok["error"] is None and ok["id"].startswith("tag:")
    assert rejected["status"] == "rejected" and "empty_file.txt" in rejected["error"]
    assert set(ok) == set(rejected)


def test_inspect_table_shows_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt")]) == 0
    out = capsys.readouterr().out
    assert "from: dateline of the first paragraph" in out
    assert "zone assumed: Asia/Shanghai" in out


def test_build_prints_a_summary_and_keeps_rejected_files(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    for name in ("blogger_chinadaily_lost_outlet_field.txt", "bot_wall_cloudflare.html"):
        shutil.copy(SCENARIOS / name, tmp_path / "inbox" / name)
    assert main(["build", "-c", str(config)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 new, 0 updated, 0 unchanged, 0 merged into existing stories, 1 rejected")
    assert captured.err.count("bot_wall_cloudflare.html: bot wall") == 1, "each rejected file is reported once"
    assert (tmp_path / "inbox" / "bot_wall_cloudflare.html").exists()


def test_build_counts_a_second_page_of_the_same_story_as_merged(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    story = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
    shutil.copy(story, tmp_path / "inbox" / "first.txt")
    assert main(["build", "-c", str(config)]) == 0
    shutil.copy(story, tmp_path / "inbox" / "second-blog.txt")
    assert main(["build", "-c", str(config)]) == 0
    assert "0 new, 0 updated, 1 unchanged, 1 merged into existing stories" in capsys.readouterr().out.splitlines()[-1]


def test_bad_config_names_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[feed]\ntitle = ""\nbase_url = "ftp://x"\ncolour = "red"\n[defaults]\ntimezone = "Mars/Base"\n'
                    '[outlets.kyodo]\nname = "Kyodo"\n[extras]\n')
    assert main(["build", "-c", str(path)]) == 2
    err = capsys.readouterr().err
    for expected in ("feed.id_base: required", "feed.title: must be a non-empty string",
                     "feed.base_url: must be an absolute http(s) URL", "feed.colour: unknown key",
                     "defaults.timezone: unknown time zone 'Mars/Base'", "outlets.kyodo.homepage: required",
                     "outlets.kyodo.timezone: required", "extras: unknown section", "feed.author: required"):
        assert expected in err


def test_missing_config_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-c", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert "nope.toml" in err and err.count("\n") == 1


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    valid = sorted(VALID.glob("*.atom"))[0]
    broken = sorted(BROKEN.glob("*.atom"))[0]
    assert main(["validate", str(valid)]) == 0
    assert main(["validate", str(valid), str(broken)]) == 1
    assert main(["validate", str(tmp_path / "missing.atom")]) == 2
    out = capsys.readouterr().out
    assert f"{broken}:" in out and "error [" in out


def test_validate_strict_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    warned = BROKEN / "feed-missing-self.atom"
    assert main(["validate", str(warned)]) == 0
    assert main(["validate", "--strict", str(warned)]) == 1
    capsys.readouterr()
    assert main(["validate", "--json", str(warned)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["valid"] is True
    assert record["findings"][0]["code"] == "feed-missing-self"


# --------------------------------------------------------- user mistakes: one line, the right exit code

def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1, captured.err
    return captured.err


def test_missing_inbox_is_a_config_error_naming_key_and_path(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    (tmp_path / "inbox").rmdir()
    assert main(["build", "-c", str(config)]) == 2
    err = _one_line_error(capsys)
    assert "input.folder" in err and str(tmp_path / "inbox") in err and "does not exist" in err
    assert not (tmp_path / "feeds" / "feed.atom").exists(), "no empty feed is published"


def test_inbox_that_is_a_file_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    (tmp_path / "inbox").rmdir()
    (tmp_path / "inbox").write_text("not a folder")
    assert main(["run", "--once", "-c", str(config)]) == 2
    assert "input.folder" in _one_line_error(capsys)


def test_feeds_path_that_is_a_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    (tmp_path / "feeds").write_text("a file where the feeds folder should be")
    assert main(["build", "-c", str(config)]) == 2
    err = _one_line_error(capsys)
    assert "output.folder" in err and "is a file, not a folder" in err


def test_unusable_state_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    (tmp_path / "blocker").write_text("a file")
    config.write_text(config.read_text().replace('state = "state"', 'state = "blocker/state"'))
    assert main(["build", "-c", str(config)]) == 2
    err = _one_line_error(capsys)
    assert "output.state" in err and "blocker" in err and "cannot be created" in err


def test_inspect_of_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
    assert main(["inspect", "--json", str(tmp_path / "gone.txt"), str(good)]) == 1
    captured = capsys.readouterr()
    assert "gone.txt: no such file" in captured.err and captured.err.count("\n") == 1
    assert json.loads(captured.out)["status"] == "ok", "the other files are still inspected"


def test_score_of_a_folder_without_labels_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.txt").write_text("a page without its expected JSON")
    assert main(["score", str(tmp_path)]) == 1
    assert "no labelled files" in _one_line_error(capsys)
    assert main(["score", str(tmp_path / "missing")]) == 1
    assert "no such folder" in _one_line_error(capsys)


def test_score_lists_misses_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
    (tmp_path / good.name).write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    expected = json.loads(good.with_suffix(".json").read_text(encoding="utf-8"))
    expected["title"] = "A headline the page does not print"
    (tmp_path / good.with_suffix(".json").name).write_text(json.dumps(expected), encoding="utf-8")
    assert main(["score", str(tmp_path)]) == 0
    quiet = capsys.readouterr().out
    assert "| title | 0 | 1 |" in quiet and "A headline the page does not print" not in quiet
    assert "1 misses, 0 false credits: -v lists them" in quiet
    assert main(["score", "-v", str(tmp_path)]) == 0
    assert "A headline the page does not print" in capsys.readouterr().out


def test_serve_of_a_missing_feeds_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    assert main(["serve", "-c", str(config)]) == 2
    err = _one_line_error(capsys)
    assert "output.folder" in err and "feeder build" in err


@pytest.mark.parametrize("argv", [["serve", "--port", "99999"], ["serve", "--port", "http"],
                                  ["run", "--every", "-1"], ["run", "--every", "nan"], ["run", "--every", "inf"],
                                  ["run", "--every", "0"], ["build", "--log-level", "loud"],
                                  ["correct", "x", "--published", "2026-03-02 09:30"],
                                  ["correct", "x", "--title", "two\nlines"]])
def test_a_wrong_option_is_one_line_and_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = _one_line_error(capsys)
    assert err.startswith(f"feeder {argv[0]}: ") and "--help" in err


# ------------------------------------------------------------------------------------- help

def test_help_says_what_each_command_does_with_an_example_and_exit_codes(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert top.startswith("usage: feeder") and "Atom feed" in top and "example:" in top and "exit codes:" in top
    for command in ("build", "run", "status", "inspect", "retract", "correct", "serve", "score", "validate"):
        assert command in top
        with pytest.raises(SystemExit) as stopped:
            main([command, "--help"])
        assert stopped.value.code == 0
        text = capsys.readouterr().out
        assert "example:\n  feeder " + command in text, command
        assert "exit codes: 0" in text, command


def test_license_and_changelog_ship_with_the_source() -> None:
    root = Path(__file__).resolve().parent.parent
    assert (root / "LICENSE").read_text().startswith("MIT License")
    assert 'license = { text = "MIT" }' in (root / "pyproject.toml").read_text()
    changelog = (root / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog and "Keep a Changelog" in changelog
