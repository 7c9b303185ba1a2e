"""Command line: ``feeder build|inspect|validate``; the only module that prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from feeder import __version__
from feeder.config import Config, load_config
from feeder.errors import ConfigError, FeederError, InputError
from feeder.normalize import entry_id
from feeder.pipeline import inspect_file, run_once
from feeder.records import Article, Stamp

DEFAULT_CONFIG = "config.toml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"feeder: {exc}", file=sys.stderr)
        return 2
    except FeederError as exc:
        print(f"feeder: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feeder", description=__doc__)
    parser.add_argument("--version", action="version", version=f"feeder {__version__}")
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help="one pass: read the inbox, write the feed")
    build.add_argument("-c", "--config", default=DEFAULT_CONFIG, help="config file (default: %(default)s)")
    build.set_defaults(func=_build)
    inspect = sub.add_parser("inspect", help="show what feeder extracts from files; writes nothing")
    inspect.add_argument("files", nargs="+", type=Path)
    inspect.add_argument("-c", "--config", default=None, help="config file (default: built-in settings)")
    inspect.add_argument("--json", action="store_true", help="one JSON object per line per file")
    inspect.set_defaults(func=_inspect)
    return parser


def _build(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    report = run_once(config, now=datetime.now(UTC).replace(microsecond=0))
    for rejection in report.rejected:
        print(f"rejected: {rejection.path}: {rejection.reason}", file=sys.stderr)
    target = config.output_folder / config.feed.filename
    state = "written" if report.feeds else "unchanged"
    print(f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
          f"{len(report.rejected)} rejected; {report.entries} entries in {target} ({state})")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    config = load_config(args.config) if args.config else _builtin_config()
    for path in args.files:
        record = inspect_record(path, config)
        print(json.dumps(record, ensure_ascii=False) if args.json else _table(record))
    return 0


def _builtin_config() -> Config:
    """Settings for inspecting files without a config: the shipped config when present, else defaults."""
    if Path(DEFAULT_CONFIG).is_file():
        return load_config(DEFAULT_CONFIG)
    from feeder.config import parse_config

    return parse_config({"feed": {"id_base": "tag:feeder.invalid,2026:", "title": "inspect",
                                  "author": "feeder", "base_url": "http://localhost/"}},
                        Path.cwd() / "inspect.toml")


def inspect_record(path: Path, config: Config) -> dict[str, Any]:
    """The ``inspect --json`` contract: stable keys, extended only with new ones."""
    try:
        article = inspect_file(path, config)
    except InputError as exc:
        return {"path": str(path), "status": "rejected", "error": str(exc), "title": None,
                "source": None, "authors": [], "republisher": None, "published": None,
                "updated": None, "body": [], "id": None, "republished": None, "via": None,
                "provenance": {}}
    return article_record(article, config.feed.id_base)


def article_record(article: Article, id_base: str) -> dict[str, Any]:
    outlet = article.outlet
    return {
        "path": article.path, "status": "ok", "error": None, "title": article.title,
        "source": {"name": outlet.name, "url": article.source_url} if outlet else None,
        "authors": list(article.authors), "republisher": article.republisher,
        "published": _iso(article.published), "updated": _iso(article.updated),
        "body": list(article.body), "id": entry_id(id_base, article.story_key),
        "republished": _iso(article.republished), "via": article.via,
        "provenance": dict(article.provenance),
    }


def _iso(stamp: Stamp | None) -> str | None:
    return stamp.value.isoformat() if stamp else None


def _table(record: dict[str, Any]) -> str:
    lines = [f"{record['path']}: {record['status']}"]
    if record["error"]:
        return f"{record['path']}: rejected: {record['error']}"
    provenance = record["provenance"]
    source = record["source"]
    rows = [("title", record["title"]), ("source", source and f"{source['name']} {source['url'] or ''}"),
            ("authors", ", ".join(record["authors"]) or "-"), ("republisher", record["republisher"]),
            ("published", record["published"]), ("updated", record["updated"]),
            ("republished", record["republished"]), ("via", record["via"]), ("id", record["id"]),
            ("body", f"{len(record['body'])} paragraphs")]
    for name, value in rows:
        lines.append(f"  {name:<12} {value if value is not None else '-'}")
        if name in provenance:
            lines.append(f"  {'':<12}   from: {provenance[name]}")
    return "\n".join(lines)
