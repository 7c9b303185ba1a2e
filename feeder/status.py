"""What ``feeder status`` says: the last pass and how it ended, each feed, the files kept out of the feeds."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from feeder.config import Config
from feeder.editorial import held_files
from feeder.errors import FeederError
from feeder.records import RunReport
from feeder.store import Store
from feeder.text import printable

PASS_FILE = "last-pass.json"  # in the state folder: written at a pass's start and end, read by status


def pass_started(config: Config, started: datetime) -> None:
    _write_pass(config, {"started": started.isoformat(), "finished": None, "outcome": "running"})


def pass_finished(config: Config, started: datetime, finished: datetime, report: RunReport) -> None:
    _write_pass(config, {
        "started": started.isoformat(), "finished": finished.isoformat(),
        "outcome": "refused" if report.refused else "ok",
        "error": "; ".join(report.refused) or None,
        "counts": {"new": report.new, "updated": report.updated, "unchanged": report.unchanged,
                   "merged": report.merged, "rejected": len(report.rejected), "held": len(report.held)},
        "entries": report.entries, "feeds_written": list(report.feeds)})


def pass_failed(config: Config, started: datetime, finished: datetime, error: BaseException) -> None:
    message = str(error) if isinstance(error, FeederError) else f"{type(error).__name__}: {error}"
    _write_pass(config, {"started": started.isoformat(), "finished": finished.isoformat(),
                         "outcome": "failed", "error": " ".join(message.split())})


def _write_pass(config: Config, record: dict[str, Any]) -> None:
    """Replace the record atomically; a state folder we cannot write only costs the status report."""
    try:
        config.state_folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=config.state_folder, prefix=".last-pass.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(temporary, config.state_folder / PASS_FILE)
    except OSError:
        pass


def last_pass(config: Config) -> dict[str, Any] | None:
    try:
        found = json.loads((config.state_folder / PASS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def report(config: Config) -> dict[str, Any]:
    """The status as data (the ``--json`` contract): config, inbox, last pass, feeds, rejected and held files."""
    found: dict[str, Any] = {"config": str(config.path), "inbox": str(config.input_folder),
                             "last_pass": last_pass(config), "stories": 0, "feeds": [], "rejected": [],
                             "held": []}
    store = Store.open_existing(config.state_folder)
    if store is None:
        return found
    try:
        found["stories"] = store.count_entries()
        found["last_pass"] = found["last_pass"] or _from_store(store)
        found["feeds"] = _feeds(config, store)
        found["rejected"] = _current(store.rejections())
        found["held"] = _current(held_files(store))
    finally:
        store.close()
    return found


def _from_store(store: Store) -> dict[str, Any] | None:
    """The last committed pass as the store recorded it (passes run through the library, not the CLI)."""
    run = store.last_run()
    if run is None:
        return None
    return {"started": run.started, "finished": run.finished, "outcome": "ok", "error": None,
            "counts": {"new": run.new, "updated": run.updated, "unchanged": run.unchanged, "merged": 0,
                       "rejected": run.rejected, "held": 0},
            "feeds_written": list(run.feeds)}


def _current(files: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Only files still in the inbox: a rejection ends when its file is fixed (re-read) or removed."""
    return [{"path": path, "reason": reason} for path, reason in files if Path(path).exists()]


def _feeds(config: Config, store: Store) -> list[dict[str, Any]]:
    # Here, not at the top: every pass notes its start and end through this module, and only
    # `feeder status` reads the feeds back (a quiet pass imports no renderer).
    from feeder.atom import previous_entries
    from feeder.publish import documents

    feeds = []
    for document in documents(config, store, now=datetime(1970, 1, 1, tzinfo=UTC)):
        if document.path.parent != config.output_folder or document.kind not in ("atom", "rss"):
            continue  # archive pages and HTML pages: the operator watches the feeds
        feed: dict[str, Any] = {"path": str(document.path), "written": document.path.exists(),
                                "entries": None, "newest": None, "bytes": None}
        if feed["written"]:
            feed["bytes"] = document.path.stat().st_size
            if document.kind == "atom":
                entries = previous_entries(document.path)
                feed["entries"] = len(entries)
                feed["newest"] = _newest(entries, store, config)
        feeds.append(feed)
    return feeds


def _newest(entries: dict[str, str], store: Store, config: Config) -> dict[str, str] | None:
    if not entries:
        return None
    eid, updated = max(entries.items(), key=lambda item: (_moment(item[1]), item[0]))
    stored = store.entry(eid, config.registry)
    return {"id": eid, "updated": updated, "title": stored.article.title if stored else ""}


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def describe(config: Config) -> str:
    """A readable report; every name and title is escaped so it stays on its own line."""
    return "\n".join(_lines(report(config)))


def _lines(found: dict[str, Any]) -> list[str]:
    lines = [f"config: {printable(found['config'])}", f"inbox: {printable(found['inbox'])}"]
    last = found["last_pass"]
    if last is None:
        return [*lines, "no pass has run yet: run `feeder build` or `feeder run`"]
    lines.append(_pass_line(last))
    lines.append(f"stories in the store: {found['stories']}")
    lines.append("feeds:")
    for feed in found["feeds"]:
        if not feed["written"]:
            lines.append(f"  {printable(feed['path'])} (not written yet)")
            continue
        count = f"{feed['entries']} entries, " if feed["entries"] is not None else ""
        newest = feed["newest"]
        latest = f", newest {newest['updated']}: {printable(newest['title'])}" if newest else ""
        lines.append(f"  {printable(feed['path'])} ({count}{feed['bytes']} bytes{latest})")
    for key, title in (("rejected", "rejected files"), ("held", "held back")):
        lines.append(f"{title}: {len(found[key])}")
        lines.extend(f"  {printable(f['path'])}: {printable(f['reason'])}" for f in found[key])
    return lines


def _pass_line(last: dict[str, Any]) -> str:
    if last["outcome"] == "running":
        return (f"last pass: started {last['started']}, not finished (running now, or stopped before it "
                "finished; the next pass converges)")
    if last["outcome"] == "failed":
        return f"last pass: FAILED at {last['finished']} (started {last['started']}): {printable(last['error'])}"
    counts = last["counts"]
    line = (f"last pass: finished {last['finished']} (started {last['started']}): {counts['new']} new, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, {counts['merged']} merged, "
            f"{counts['rejected']} rejected, {counts['held']} held back, "
            f"{len(last['feeds_written'])} feed files written")
    if last["outcome"] == "refused":
        line += f"; NOT PUBLISHED (the gate refused): {printable(last['error'])}"
    return line
