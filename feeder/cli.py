"""Command line: ``feeder build|run|status|inspect|validate``; the only module that prints."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from feeder import __version__
from feeder.config import Config, load_config
from feeder.errors import ConfigError, FeederError, InputError
from feeder.lock import InstanceLock
from feeder.normalize import entry_id
from feeder.pipeline import inspect_file
from feeder.records import Article, RunReport, Stamp
from feeder.text import display_path
from feeder.validate import format_finding, has_errors, validate_feed

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
    except BrokenPipeError:  # `feeder status | head`: the reader left; that is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feeder", description=__doc__)
    parser.add_argument("--version", action="version", version=f"feeder {__version__}")
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help="one pass: read the inbox, write the feeds")
    _config_option(build)
    build.set_defaults(func=_build)
    run = sub.add_parser("run", help="the daemon: a pass on the configured schedule until stopped")
    _config_option(run)
    run.add_argument("--once", action="store_true", help="run a single pass and exit (for cron)")
    run.add_argument("--every", type=float, metavar="SECONDS", help="override the schedule with an interval")
    run.add_argument("--serve", action="store_true", help="also serve the feeds over HTTP ([serve] settings)")
    run.set_defaults(func=_run)
    serve = sub.add_parser("serve", help="serve the published feeds over HTTP (feeds and pages, as published)")
    _config_option(serve)
    serve.add_argument("--host", default=None, help="address to bind (default: [serve] host, 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default: [serve] port, 8080)")
    serve.set_defaults(func=_serve)
    status = sub.add_parser("status", help="the last pass, the feeds and the rejected files")
    _config_option(status)
    status.set_defaults(func=_status)
    inspect = sub.add_parser("inspect", help="show what feeder extracts from files; writes nothing")
    inspect.add_argument("files", nargs="+", type=Path)
    inspect.add_argument("-c", "--config", default=None, help="config file (default: ./config.toml if present)")
    inspect.add_argument("--json", action="store_true", help="one JSON object per line per file")
    inspect.set_defaults(func=_inspect)
    score = sub.add_parser("score", help="per-field extraction accuracy over labelled folders")
    score.add_argument("folders", nargs="*", type=Path,
                       default=[Path("tests/fixtures/scenarios"), Path("tests/fixtures/corpus")])
    score.add_argument("-c", "--config", default=None, help="config file (default: ./config.toml if present)")
    score.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    score.set_defaults(func=_score)
    validate = sub.add_parser("validate", help="check Atom documents against RFC 4287 and RFC 5005")
    validate.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument("--json", action="store_true", help="one JSON object per document")
    validate.set_defaults(func=_validate)
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-c", "--config", default=DEFAULT_CONFIG, help="config file (default: %(default)s)")


def _logging() -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s feeder %(levelname)s %(message)s")


def _build(args: argparse.Namespace) -> int:
    from feeder.daemon import one_pass

    config = load_config(args.config)
    with InstanceLock(config.state_folder):
        report = one_pass(config) if args.command == "run" else _quiet_pass(config)
    target = config.output_folder / config.feed.filename
    state = "written" if report.feeds else "unchanged"
    print(f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
          f"{len(report.rejected)} rejected; {report.entries} entries; {target} {state}")
    return 1 if report.refused else 0


def _quiet_pass(config: Config) -> RunReport:
    from feeder.daemon import now_utc
    from feeder.pipeline import run_once, settle_cut

    report = run_once(config, now=now_utc(), settled_before=settle_cut(config, time.time_ns()))
    for rejection in report.rejected:
        print(f"rejected: {rejection.path}: {rejection.reason}", file=sys.stderr)
    for refusal in report.refused:
        print(f"not published: {refusal}", file=sys.stderr)
    return report


def _run(args: argparse.Namespace) -> int:
    from feeder.daemon import run_daemon, terminal_progress

    _logging()
    if args.once:
        return _build(args)
    config = load_config(args.config)
    return run_daemon(config, every=args.every, progress=terminal_progress(),
                      serve=args.serve or config.serve.enabled)


def _serve(args: argparse.Namespace) -> int:
    from feeder.serve import serve

    config = load_config(args.config)
    host = args.host or config.serve.host
    port = args.port if args.port is not None else config.serve.port
    try:
        return serve(config.output_folder, host, port, config.serve.cache_control)
    except OSError as exc:
        print(f"feeder: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _status(args: argparse.Namespace) -> int:
    from feeder.status import describe

    print(describe(load_config(args.config)))
    return 0


def _score(args: argparse.Namespace) -> int:
    from feeder.score import labelled, score, table

    config = load_config(args.config) if args.config else _builtin_config()
    folders = [f for f in args.folders if f.is_dir()]
    result = score(labelled(folders), lambda path: inspect_record(path, config))
    print(table(result))
    print(f"{sum(result.total.values())} fields in {len(folders)} folders; {len(result.crashes)} crashes")
    for line in (result.misses if args.verbose else result.misses[:20]) + result.crashes:
        print(f"  {line}")
    for line in result.false_credits:
        print(f"  false credit: {line}")
    return 0 if not result.crashes else 1


def _validate(args: argparse.Namespace) -> int:
    worst = 0
    for target in args.targets:
        try:
            data = _fetch(target)
        except OSError as exc:
            print(f"{target}: cannot read: {exc}", file=sys.stderr)
            worst = 2
            continue
        findings = validate_feed(data)
        failed = has_errors(findings, strict=args.strict)
        if args.json:
            print(json.dumps({"target": target, "valid": not failed,
                              "findings": [asdict(f) for f in findings]}))
        else:
            for finding in findings:
                print(format_finding(target, finding))
            errors = sum(f.severity == "error" for f in findings)
            print(f"{target}: {errors} errors, {len(findings) - errors} warnings")
        worst = max(worst, 1 if failed else 0)
    return worst


def _fetch(target: str) -> bytes:
    if target.startswith(("http://", "https://")):
        with urllib.request.urlopen(target, timeout=30) as response:
            return bytes(response.read())
    return Path(target).read_bytes()


def _inspect(args: argparse.Namespace) -> int:
    config = load_config(args.config) if args.config else _builtin_config()
    from feeder.daemon import now_utc

    for path in args.files:
        record = inspect_record(path, config, now_utc())
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


def inspect_record(path: Path, config: Config, now: datetime | None = None) -> dict[str, Any]:
    """The ``inspect --json`` contract: stable keys, extended only with new ones."""
    try:
        article = _learned(inspect_file(path, config, now=now), config)
    except InputError as exc:
        return {"path": display_path(path), "status": "rejected", "error": str(exc), "title": None,
                "source": None, "authors": [], "republisher": None, "published": None,
                "updated": None, "body": [], "id": None, "republished": None, "via": None,
                "provenance": {}}
    return article_record(article, config.feed.id_base)


def _learned(article: Article, config: Config) -> Article:
    """Apply the boilerplate learned by earlier passes, when there is a state folder."""
    from feeder.learn import strip_learned
    from feeder.store import Store

    store = Store.open_existing(config.state_folder)
    if store is None:
        return article
    try:
        return strip_learned(store, article)
    finally:
        store.close()


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
            ("dates", "implausible dates ignored" if "dates" in provenance else "plausible"),
            ("body", f"{len(record['body'])} paragraphs")]
    for name, value in rows:
        lines.append(f"  {name:<12} {value if value is not None else '-'}")
        if name in provenance:
            lines.append(f"  {'':<12}   from: {provenance[name]}")
    return "\n".join(lines)
