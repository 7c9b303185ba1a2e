"""The README's commands work as written: the two opening commands and the crontab line."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, write_config
from tests.stories import write_story

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    return re.findall(r"```(?:sh|ini)?\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_two_commands() -> None:
    first, second = _blocks()[:2]
    assert "feeder build" in first and "pip install" in first
    assert "pytest" in second and "pip install" in second
    ci = (ROOT / ".ci" / "run").read_text()
    assert second.strip() in ci, ".ci/run runs exactly the README's test command"


def test_crontab_line_runs_as_written(tmp_path: Path) -> None:
    line = next(b for b in _blocks() if b.startswith("*/15")).strip()
    command = line.split(None, 5)[5]  # after the five schedule fields
    workdir, rest = re.match(r"cd (\S+) && (.*) >> (\S+) 2>&1$", command).group(1, 2)  # type: ignore[union-attr]
    argv = shlex.split(rest)
    assert workdir == "/srv/feeder" and argv[0] == ".venv/bin/feeder"
    write_config(tmp_path)
    write_story(tmp_path / "inbox", 1)
    done = subprocess.run([sys.executable, "-m", "feeder", *argv[1:]], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "feeds" / "feed.atom").exists()
    assert "pass finished: 1 new" in done.stderr
