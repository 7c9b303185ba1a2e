"""Command line: `feeder build|run|status|inspect|retract|correct|serve|score|validate`; the only module that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from feeder import __version__
from feeder.config import Config, check_paths, interval_problem, load_config
from feeder.console import FORMATS, LEVELS, configure_logging, progress_display
from feeder.errors import ConfigError, FeederError, InputError
from feeder.lock import InstanceLock
from feeder.records import Article, Stamp
from feeder.text import display_path, printable

DEFAULT_CONFIG = "config.toml"
EXIT_CODES = "exit codes: 0 done; 1 the work failed (a feed not written, a file missing); 2 wrong config or usage"

DESCRIPTION = """feeder republishes news stories found on blogs and portals as an Atom feed that credits the
original outlet. It reads article files (text dumps, saved HTML pages) from an inbox folder,
extracts the real headline, body, outlet, authors and dates, and writes valid Atom to a feeds folder.

example:
  feeder build -c config.toml        one pass: inbox in, feeds out
  feeder run -c config.toml          the daemon: a pass on the configured schedule

""" + EXIT_CODES

# command -> (what it does, one example, its exit codes)
HELP = {
    "build": ("One pass: read new and changed files from the inbox, publish the feeds, print a summary "
              "(new, updated, unchanged, merged into existing stories, rejected, held back).",
              "feeder build -c config.toml",
              "0 published (or nothing to do); 1 a feed could not be written or the gate refused one, "
              "or another feeder is working on the state; 2 wrong config or a missing/unwritable folder"),
    "run": ("The daemon: a pass on the configured schedule ([schedule] cron or interval) until SIGTERM/SIGINT; "
            "SIGHUP re-reads the config (a bad one is refused and the running one kept).",
            "feeder run -c /srv/feeder/config.toml --log-level info",
            "0 stopped by a signal (or --once succeeded); 1 another feeder holds the state, or --once failed; "
            "2 wrong config or option"),
    "status": ("The last pass (started, finished or failed, with its error), each feed's entry count and newest "
               "entry, and the files currently kept out of the feeds (rejected, held back).",
               "feeder status -c config.toml --json",
               "0 reported; 2 wrong config"),
    "inspect": ("What feeder extracts from each file and where each field came from; writes nothing.",
                "feeder inspect articles/story.txt --json",
                "0 every file was read (a rejected article is a result, not an error); 1 a file is missing "
                "or unreadable; 2 wrong config"),
    "retract": ("Withdraw a published entry: it leaves every feed and page at the next pass, the current feed "
                "carries an RFC 6721 deleted-entry marker, and the story is never published again.",
                "feeder retract articles/story.txt --reason 'wrong outlet; the story is a press release'",
                "0 recorded; 1 no such entry or file; 2 wrong config"),
    "correct": ("Override extracted fields of a published entry; the override wins over every later "
                "extraction of its file and bumps the entry's updated time at the next pass.",
                "feeder correct articles/story.txt --title 'The right headline' --author 'Li Wei'",
                "0 recorded; 1 no such entry or file; 2 wrong config or value"),
    "serve": ("Serve the feeds folder over HTTP for feed readers (ETag/304, gzip) and browsers (HTML views).",
              "feeder serve -c config.toml --port 8080",
              "0 stopped by a signal; 1 cannot listen; 2 wrong config, port, or no feeds folder yet"),
    "score": ("Per-field extraction accuracy over labelled folders (NAME.txt|html beside NAME.json).",
              "feeder score tests/fixtures/heldout4",
              "0 scored; 1 a folder is missing, holds no labelled files, or a file crashed extraction"),
    "validate": ("Check Atom documents (files or URLs) against RFC 4287 and RFC 5005.",
                 "feeder validate feeds/feed.atom --strict",
                 "0 no errors; 1 errors (with --strict, warnings too); 2 unreadable input"),
}


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line naming the option, with where to look (not argparse's usage block)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except ConfigError as exc:
        _say_config_error(exc)
        return 2
    except FeederError as exc:
        _say(" ".join(str(exc).split()))
        return 1
    except BrokenPipeError:  # `feeder status | head`: the reader left; that is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a file or folder the system refused: say which, without a traceback
        where = f"{display_path(exc.filename)}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        return 1


def _say(message: str) -> None:
    print(f"feeder: {printable(message)}", file=sys.stderr)


def _say_config_error(exc: ConfigError) -> None:
    if len(exc.problems) == 1:
        _say(f"{exc.path}: {exc.problems[0]}")
        return
    print(f"feeder: {printable(exc.path)}: {len(exc.problems)} problems in the configuration:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  - {printable(problem)}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="feeder", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"feeder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    build = _command(sub, "build")
    _config_option(build)
    _log_options(build, level="warning")
    build.set_defaults(func=_build)
    run = _command(sub, "run")
    _config_option(run)
    run.add_argument("--once", action="store_true", help="run a single pass and exit (for cron)")
    run.add_argument("--every", type=_seconds, metavar="SECONDS", help="override the schedule with an interval")
    run.add_argument("--serve", action="store_true", help="also serve the feeds over HTTP ([serve] settings)")
    _log_options(run, level="info")
    run.set_defaults(func=_run)
    serve = _command(sub, "serve")
    _config_option(serve)
    serve.add_argument("--host", default=None, help="address to bind (default: [serve] host, 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=None, help="0 for any free port (default: [serve] port, 8080)")
    serve.set_defaults(func=_serve)
    status = _command(sub, "status")
    _config_option(status)
    status.add_argument("--json", action="store_true", help="one JSON object, for monitoring")
    status.set_defaults(func=_status)
    inspect = _command(sub, "inspect")
    inspect.add_argument("files", nargs="+", type=Path, metavar="FILE")
    inspect.add_argument("-c", "--config", default=None, help="config file (default: ./config.toml if present)")
    inspect.add_argument("--json", action="store_true", help="one JSON object per line per file")
    inspect.set_defaults(func=_inspect)
    retract = _command(sub, "retract")
    retract.add_argument("target", metavar="ID_OR_FILE", help="an entry id, or an inbox file that carried it")
    retract.add_argument("--reason", default=None, type=_one_line,
                         help="why (kept in the state, shown in the deleted-entry marker)")
    _config_option(retract)
    retract.set_defaults(func=_retract)
    correct = _command(sub, "correct")
    correct.add_argument("target", metavar="ID_OR_FILE", help="an entry id, or an inbox file that carried it")
    correct.add_argument("--title", type=_one_line, help="the headline")
    correct.add_argument("--author", action="append", type=_one_line, dest="authors", metavar="NAME",
                         help="an author (repeat for several; --author '' for none: the outlet is credited)")
    correct.add_argument("--source", type=_one_line, metavar="OUTLET", help="the outlet, by name or alias")
    correct.add_argument("--published", type=_moment, metavar="RFC3339",
                         help="the original publication time with its offset, e.g. 2026-03-02T09:30:00+08:00")
    _config_option(correct)
    correct.set_defaults(func=_correct)
    score = _command(sub, "score")
    score.add_argument("folders", nargs="*", type=Path, metavar="FOLDER",
                       default=[Path("tests/fixtures/scenarios"), Path("tests/fixtures/corpus")])
    score.add_argument("-c", "--config", default=None, help="config file (default: ./config.toml if present)")
    score.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    score.set_defaults(func=_score)
    validate = _command(sub, "validate")
    validate.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument("--json", action="store_true", help="one JSON object per document")
    validate.set_defaults(func=_validate)
    return parser


SUMMARY = {"build": "one pass: read the inbox, write the feeds", "run": "the daemon: a pass on a schedule",
           "serve": "serve the feeds folder over HTTP", "status": "the last pass, the feeds, the files left out",
           "inspect": "what feeder extracts from files; writes nothing",
           "retract": "withdraw a published entry for good", "correct": "override fields of a published entry",
           "score": "extraction accuracy over labelled folders", "validate": "check Atom documents (RFC 4287/5005)"}


def _command(sub: Any, name: str) -> argparse.ArgumentParser:
    what, example, codes = HELP[name]
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=SUMMARY[name], description=textwrap.fill(what, 100),
        epilog=f"example:\n  {example}\n\n" + textwrap.fill(f"exit codes: {codes}", 100, subsequent_indent="  "),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-c", "--config", default=DEFAULT_CONFIG, help="config file (default: %(default)s)")


def _log_options(parser: argparse.ArgumentParser, *, level: str) -> None:
    parser.add_argument("--log-level", choices=LEVELS, default=level, help="least severe events logged "
                        "(default: %(default)s; debug adds the scheduler's own lines)")
    parser.add_argument("--log-format", choices=FORMATS, default="auto",
                        help="text (with timestamps), journal (no timestamps, syslog priorities), json (one object "
                        "per line); auto: journal when stderr is journald (JOURNAL_STREAM), else text")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if problem := interval_problem(value):
        raise argparse.ArgumentTypeError(problem)
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number from 0 (any free port) to 65535")
    return int(text)


def _one_line(text: str) -> str:
    if printable(text) != text:
        raise argparse.ArgumentTypeError(f"{printable(text)!r} has control characters; give one line of text")
    return " ".join(text.split())


def _moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an RFC 3339 time such as 2026-03-02T09:30:00+08:00") \
            from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no UTC offset; add one, e.g. +08:00 or Z")
    return value


def _pass_config(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    check_paths(config)
    return config


def _build(args: argparse.Namespace) -> int:
    from feeder.daemon import one_pass, summary

    configure_logging(args.log_level, args.log_format)
    config = _pass_config(args)
    with InstanceLock(config.state_folder), progress_display() as progress:
        report = one_pass(config, progress)
    target = config.output_folder / config.feed.filename
    print(f"{summary(report)}; {printable(target)} {'written' if report.feeds else 'unchanged'}")
    for refusal in report.refused:  # also logged; the summary must not hide why nothing was published
        print(f"not published: {printable(refusal)}", file=sys.stderr)
    return 1 if report.refused else 0


def _run(args: argparse.Namespace) -> int:
    from feeder.daemon import run_daemon

    if args.once:
        return _build(args)
    configure_logging(args.log_level, args.log_format)
    config = _pass_config(args)
    with progress_display() as progress:
        return run_daemon(config, every=args.every, progress=progress, serve=args.serve or config.serve.enabled)


def _serve(args: argparse.Namespace) -> int:
    from feeder.serve import serve

    config = load_config(args.config)
    if not config.output_folder.is_dir():
        what = "is a file, not a folder" if config.output_folder.exists() else "does not exist"
        raise ConfigError(config.path, [f"output.folder: {config.output_folder} {what}: "
                                        "run `feeder build` first, or fix the path"])
    host = args.host or config.serve.host
    port = args.port if args.port is not None else config.serve.port
    configure_logging("info", "auto")  # request lines escaped like every other log line
    try:
        return serve(config.output_folder, host, port, config.serve.cache_control)
    except OSError as exc:
        _say(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        return 1


def _status(args: argparse.Namespace) -> int:
    from feeder.status import describe, report

    config = load_config(args.config)
    print(json.dumps(report(config), ensure_ascii=False, indent=2) if args.json else describe(config))
    return 0


def _editorial_store(args: argparse.Namespace) -> tuple[Config, Any]:
    from feeder.store import Store

    config = _pass_config(args)
    store = Store.open_existing(config.state_folder)
    if store is None:
        raise FeederError(f"{config.state_folder}: no state yet: run `feeder build` first; "
                          "only published entries can be retracted or corrected")
    return config, store


def _retract(args: argparse.Namespace) -> int:
    from feeder.daemon import now_utc
    from feeder.editorial import retract

    config, store = _editorial_store(args)
    try:
        with InstanceLock(config.state_folder):
            now = now_utc()
            eid = retract(store, config, args.target, args.reason, now,
                          read=lambda path: _inspect_file(path, config, now=now))
    finally:
        store.close()
    print(f"retracted {printable(eid)}: it leaves the feeds at the next pass (feeder build, or the daemon's next tick)")
    return 0


def _correct(args: argparse.Namespace) -> int:
    from feeder.daemon import now_utc
    from feeder.editorial import Correction, correct

    config = load_config(args.config)
    source = None
    if args.source is not None:
        outlet = config.registry.named(args.source)
        if outlet is None:
            raise ConfigError(config.path, [f"--source: {args.source!r} is not a known outlet; add it under "
                                            "[outlets.KEY] in the config, or use a known name"])
        source = outlet.key
    authors = None if args.authors is None else tuple(a for a in args.authors if a)
    correction = Correction(title=args.title, authors=authors, source=source, published=args.published)
    if correction == Correction():
        raise ConfigError(config.path, ["correct: give at least one of --title, --author, --source, --published"])
    config, store = _editorial_store(args)
    try:
        with InstanceLock(config.state_folder):
            now = now_utc()
            eid = correct(store, config, args.target, correction, now,
                          read=lambda path: _inspect_file(path, config, now=now))
    finally:
        store.close()
    print(f"corrected {printable(eid)}: the override applies from the next pass on")
    return 0


def _score(args: argparse.Namespace) -> int:
    from feeder.score import labelled, score, table

    config = load_config(args.config) if args.config else _builtin_config()
    for folder in args.folders:
        if not folder.is_dir():
            _say(f"{display_path(folder)}: no such folder")
            return 1
        if next(labelled([folder]), None) is None:
            _say(f"{display_path(folder)}: no labelled files (NAME.txt or NAME.html with NAME.json beside it)")
            return 1
    result = score(labelled(args.folders), lambda path: inspect_record(path, config))
    print(table(result))
    print(f"{sum(result.total.values())} fields in {len(args.folders)} folders; {len(result.crashes)} crashes")
    # Without -v only the figures print: a set held out for development must be
    # measurable without showing which pages it misses.
    for line in (result.misses if args.verbose else []) + result.crashes:
        print(f"  {printable(line)}")
    if args.verbose:
        for line in result.false_credits:
            print(f"  false credit: {printable(line)}")
    elif result.misses:
        print(f"{len(result.misses)} misses, {len(result.false_credits)} false credits: -v lists them")
    return 0 if not result.crashes else 1


def _validate(args: argparse.Namespace) -> int:
    from feeder.validate import format_finding, has_errors, validate_feed

    worst = 0
    for target in args.targets:
        try:
            data = _fetch(target)
        except OSError as exc:
            print(f"{printable(target)}: cannot read: {printable(exc)}", file=sys.stderr)
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


def _inspect_file(path: Path, config: Config, *, now: datetime | None) -> Article:
    """``pipeline.inspect_file``, imported when a file is read: extraction (bs4, the rules) is most of
    the start-up time of a command that reads no file."""
    from feeder.pipeline import inspect_file

    return inspect_file(path, config, now=now)


def _entry_id(id_base: str, story_key: str) -> str:
    from feeder.normalize import entry_id

    return entry_id(id_base, story_key)


def _fetch(target: str) -> bytes:
    if target.startswith(("http://", "https://")):
        import urllib.request  # only for a URL: its import costs more than a pass's start

        with urllib.request.urlopen(target, timeout=30) as response:
            return bytes(response.read())
    return Path(target).read_bytes()


def _inspect(args: argparse.Namespace) -> int:
    config = load_config(args.config) if args.config else _builtin_config()
    from feeder.daemon import now_utc

    missing = 0
    for path in args.files:
        if not path.is_file():
            _say(f"{display_path(path)}: {'not a file' if path.exists() else 'no such file'}")
            missing += 1
            continue
        record = inspect_record(path, config, now_utc())
        print(json.dumps(record, ensure_ascii=False) if args.json else _table(record))
    return 1 if missing else 0


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
        article, notes = _as_published(_inspect_file(path, config, now=now), config)
    except InputError as exc:
        return {"path": display_path(path), "status": "rejected", "error": str(exc), "title": None,
                "source": None, "authors": [], "republisher": None, "published": None,
                "updated": None, "body": [], "id": None, "republished": None, "via": None,
                "provenance": {}, "notes": []}
    return {**article_record(article, config.feed.id_base), "notes": notes}


def _as_published(article: Article, config: Config) -> tuple[Article, list[str]]:
    """Apply what the state knows (learned boilerplate, the editor's corrections) and say what a pass would
    do with the story beyond extracting it (held back for want of an outlet, retracted)."""
    from feeder.editorial import Editorial
    from feeder.learn import strip_learned
    from feeder.records import Rejection
    from feeder.store import Store

    store = Store.open_existing(config.state_folder)
    if store is None:
        editorial = Editorial({}, {}, config.feed.require_outlet)
    else:
        try:
            article = strip_learned(store, article)
            editorial = Editorial.load(store, config)
        finally:
            store.close()
    eid = _entry_id(config.feed.id_base, article.story_key)
    verdict = editorial.review(article, eid, config)
    if isinstance(verdict, Rejection):
        return _corrected_anyway(article, eid, editorial, config), [f"held back from the feeds: {verdict.reason}"]
    return verdict, []


def _corrected_anyway(article: Article, eid: str, editorial: Any, config: Config) -> Article:
    from feeder.editorial import corrected

    found = editorial.corrections.get(eid)
    return corrected(article, found[0], config) if found else article


def article_record(article: Article, id_base: str) -> dict[str, Any]:
    outlet = article.outlet
    return {
        "path": article.path, "status": "ok", "error": None, "title": article.title,
        "source": {"name": outlet.name, "url": article.source_url} if outlet else None,
        "authors": list(article.authors), "republisher": article.republisher,
        "published": _iso(article.published), "updated": _iso(article.updated),
        "body": list(article.body), "id": _entry_id(id_base, article.story_key),
        "republished": _iso(article.republished), "via": article.via,
        "provenance": dict(article.provenance),
    }


def _iso(stamp: Stamp | None) -> str | None:
    return stamp.value.isoformat() if stamp else None


def _table(record: dict[str, Any]) -> str:
    lines = [f"{printable(record['path'])}: {record['status']}"]
    if record["error"]:
        return f"{printable(record['path'])}: rejected: {printable(record['error'])}"
    provenance = record["provenance"]
    source = record["source"]
    rows = [("title", record["title"]), ("source", source and f"{source['name']} {source['url'] or ''}"),
            ("authors", ", ".join(record["authors"]) or "-"), ("republisher", record["republisher"]),
            ("published", record["published"]), ("updated", record["updated"]),
            ("republished", record["republished"]), ("via", record["via"]), ("id", record["id"]),
            ("dates", "implausible dates ignored" if "dates" in provenance else "plausible"),
            ("body", f"{len(record['body'])} paragraphs")] + [("note", note) for note in record.get("notes", [])]
    for name, value in rows:
        lines.append(f"  {name:<12} {printable(value) if value is not None else '-'}")
        if name in provenance:
            lines.append(f"  {'':<12}   from: {printable(provenance[name])}")
    return "\n".join(lines)
