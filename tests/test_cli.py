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
    assert captured.out.startswith("1 new, 0 updated, 0 unchanged, 1 rejected")
    assert "bot_wall_cloudflare.html: bot wall" in captured.err
    assert (tmp_path / "inbox" / "bot_wall_cloudflare.html").exists()


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
    assert "nope.toml" in capsys.readouterr().err


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
