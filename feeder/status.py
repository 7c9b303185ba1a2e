"""What ``feeder status`` says: the last pass, the feeds with their entry counts, the rejected files."""

from __future__ import annotations

from datetime import UTC, datetime

from feeder.atom import previous_entries
from feeder.config import Config
from feeder.publish import documents
from feeder.store import Store


def describe(config: Config) -> str:
    """A readable report of the state folder; reads the store and the published files only."""
    store = Store.open(config.state_folder)
    try:
        return "\n".join(_lines(config, store))
    finally:
        store.close()


def _lines(config: Config, store: Store) -> list[str]:
    run = store.last_run()
    lines = [f"config: {config.path}", f"inbox: {config.input_folder}"]
    if run is None:
        return [*lines, "no pass has run yet: run `feeder build` or `feeder run`"]
    lines.append(f"last pass: {run.finished}: {run.new} new, {run.updated} updated, {run.unchanged} unchanged, "
                 f"{run.rejected} rejected, {len(run.feeds)} feed files written")
    lines.append(f"stories in the store: {store.count_entries()}")
    lines.append("feeds:")
    for document in documents(config, store, now=datetime(1970, 1, 1, tzinfo=UTC)):
        if document.path.exists():
            count = len(previous_entries(document.path)) if document.kind == "atom" else None
            size = document.path.stat().st_size
            shown = f"{count} entries, " if count is not None else ""
            lines.append(f"  {document.path} ({shown}{size} bytes)")
        else:
            lines.append(f"  {document.path} (not written yet)")
    rejected = store.rejections()
    lines.append(f"rejected files: {len(rejected)}")
    lines.extend(f"  {path}: {reason}" for path, reason in rejected)
    return lines
