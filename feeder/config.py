"""Read config.toml into a frozen Config, naming every problem by its dotted key."""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feeder.errors import ConfigError
from feeder.records import Outlet

if TYPE_CHECKING:  # the outlet registry is built (and its module imported) on first use: a quiet pass never needs it
    from feeder.sources import Registry


@dataclass(frozen=True)
class FeedSettings:
    """Identity and presentation of the published feed."""

    id_base: str
    title: str
    subtitle: str | None
    author: str
    base_url: str
    filename: str
    home: str | None
    language: str
    max_entries: int
    require_outlet: bool = True  # a page naming no outlet is held back (the feed promises credits)


@dataclass(frozen=True)
class Schedule:
    """When the daemon runs a pass: a crontab expression, else every ``interval_seconds``."""

    cron: str | None
    interval_seconds: int
    misfire_grace_seconds: int


@dataclass(frozen=True)
class DatePolicy:
    """Which original dates are believable, and what to do with the rest."""

    future_tolerance_hours: int
    oldest_year: int
    implausible: str  # "fallback": ignore the date (the republication date stands in); "reject": skip the file


@dataclass(frozen=True)
class ServeSettings:
    """The HTTP server for the feeds folder; ``enabled`` makes ``feeder run`` serve too."""

    enabled: bool
    host: str
    port: int
    cache_control: str


@dataclass(frozen=True)
class Config:
    """Everything a pass needs, validated; paths are absolute."""

    path: Path
    input_folder: Path
    max_file_bytes: int
    output_folder: Path
    state_folder: Path
    feed: FeedSettings
    default_zone: str
    outlets: tuple[Outlet, ...]
    per_outlet: bool = False
    rss: bool = False
    schedule: Schedule = field(default_factory=lambda: Schedule(None, 900, 300))
    dates: DatePolicy = field(default_factory=lambda: DatePolicy(48, 1990, "fallback"))
    serve: ServeSettings = field(default_factory=lambda: ServeSettings(False, "127.0.0.1", 8080, "max-age=300"))
    settle_seconds: float = 3.0  # a file changed more recently than this is left for a later pass
    # False: inbox files are never rewritten in place, so a cron pass may skip a folder whose own stat is
    # unchanged (as the daemon's scans do while they watch events); a rewrite anyway is read within the hour
    in_place_rewrites: bool = True

    @cached_property
    def registry(self) -> Registry:
        from feeder.sources import build_registry

        return build_registry(self.outlets, default_zone=self.default_zone, id_base=self.feed.id_base)

    @property
    def feed_id(self) -> str:
        return self.feed.id_base + "feed"

    @property
    def self_url(self) -> str:
        return self.feed.base_url + self.feed.filename


Check = Callable[[Any], str | None]  # returns a problem, or None when the value is fine


# C0 and C1 control characters (newlines included): a one-line setting never needs them, and
# they would forge log lines or break the feed's XML.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _is_str(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip():
        return "must be a non-empty string"
    if _CONTROL.search(v):
        return "must be one line of text without control characters"
    return None


def _is_int(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and v > 0
    return None if ok else "must be a positive whole number"


def _int_up_to(top: int, unit: str = "") -> Check:
    """A positive whole number no larger than ``top`` (bounds keep dates and timers computable)."""
    def check(v: Any) -> str | None:
        if _is_int(v):
            return f"must be a whole number from 1 to {top:,}{unit}"
        return None if v <= top else f"must be at most {top:,}{unit} (got {v:,})"
    return check


def _is_year(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 1000 <= v <= 9999
    return None if ok else "must be a four-digit year such as 1990"


def _is_zone(v: Any) -> str | None:
    if _is_str(v):
        return "must be an IANA time zone name such as 'Asia/Shanghai'"
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone {v!r}: use an IANA name such as 'Asia/Shanghai' or 'UTC'"
    return None


def _is_url(v: Any) -> str | None:
    if _is_str(v) or urlsplit(v).scheme not in ("http", "https") or not urlsplit(v).netloc:
        return "must be an absolute http(s) URL"
    return None


def _is_base_url(v: Any) -> str | None:
    return _is_url(v) or (None if v.endswith("/") else "must end with '/'")


def _is_id_base(v: Any) -> str | None:
    if _is_str(v) or ":" not in v:
        return "must be an absolute IRI prefix such as 'tag:example.org,2026:'"
    return None


def _is_str_list(v: Any) -> str | None:
    ok = isinstance(v, list) and all(_is_str(x) is None for x in v)
    return None if ok else "must be a list of non-empty one-line strings"


def _is_rights(v: Any) -> str | None:
    return None if v in ("full", "excerpt") else "must be 'full' or 'excerpt'"


def _is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _is_filename(v: Any) -> str | None:
    if _is_str(v) or any(c in v for c in "/\\\0") or v.startswith(".") or len(v.encode()) > 200:
        return "must be a plain file name such as 'feed.atom' (no folder separators, no leading dot)"
    return None


def _is_policy(v: Any) -> str | None:
    return None if v in ("fallback", "reject") else "must be 'fallback' or 'reject'"


def _is_settle(v: Any) -> str | None:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and 0 <= v <= 3600
    return None if ok else "must be a number of seconds from 0 to 3600"


def _is_port(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536
    return None if ok else "must be a port number from 1 to 65535"


def _is_header(v: Any) -> str | None:
    if _is_str(v) or any(c in v for c in "\r\n\0"):
        return "must be a one-line header value such as 'max-age=300'"
    return None


MAX_INTERVAL = 366 * 24 * 3600  # a year: longer timers are a typo, and huge ones overflow the scheduler

# section -> key -> (check, default); a default of ... means the key is required.
SCHEMA: Mapping[str, Mapping[str, tuple[Check, Any]]] = {
    "input": {"folder": (_is_str, "articles"), "max_file_bytes": (_int_up_to(2**31, " bytes"), 5_000_000),
              "settle_seconds": (_is_settle, 3), "in_place_rewrites": (_is_bool, True)},
    "output": {"folder": (_is_str, "feeds"), "state": (_is_str, ".feeder-state"),
               "per_outlet": (_is_bool, False), "rss": (_is_bool, False)},
    "schedule": {"cron": (_is_str, None), "interval_seconds": (_int_up_to(MAX_INTERVAL, " seconds"), 900),
                 "misfire_grace_seconds": (_int_up_to(MAX_INTERVAL, " seconds"), 300)},
    "feed": {
        "id_base": (_is_id_base, ...),
        "title": (_is_str, ...),
        "subtitle": (_is_str, None),
        "author": (_is_str, ...),
        "base_url": (_is_base_url, ...),
        "filename": (_is_filename, "feed.atom"),
        "home": (_is_url, None),
        "language": (_is_str, "en"),
        "max_entries": (_int_up_to(100_000), 100),
        "require_outlet": (_is_bool, True),
    },
    "defaults": {"timezone": (_is_zone, "UTC")},
    "dates": {"future_tolerance_hours": (_int_up_to(24 * 366 * 10, " hours"), 48), "oldest_year": (_is_year, 1990),
              "implausible": (_is_policy, "fallback")},
    "serve": {"enabled": (_is_bool, False), "host": (_is_str, "127.0.0.1"), "port": (_is_port, 8080),
              "cache_control": (_is_header, "max-age=300")},
}

OUTLET_SCHEMA: Mapping[str, Check] = {
    "name": _is_str,
    "homepage": _is_url,
    "timezone": _is_zone,
    "aliases": _is_str_list,
    "domains": _is_str_list,
    "rights": _is_rights,
    "feed_id": _is_str,
    "agency": _is_bool,
}


def load_config(path: Path | str) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem found."""
    path = Path(path).resolve()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, [f"cannot read the file: {exc.strerror or exc}"]) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"not valid TOML: {exc}"]) from exc
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    """Validate parsed TOML; relative paths resolve against the config file's folder."""
    problems: list[str] = []
    sections = {name: _section(data, name, keys, problems) for name, keys in SCHEMA.items()}
    outlets = _outlets(data.get("outlets", {}), problems)
    for unknown in sorted(set(data) - set(SCHEMA) - {"outlets"}):
        problems.append(f"{unknown}: unknown section (known: {', '.join([*SCHEMA, 'outlets'])})")
    if problems:
        raise ConfigError(path, problems)
    root = path.parent
    return Config(
        path=path,
        input_folder=(root / sections["input"]["folder"]).resolve(),
        max_file_bytes=sections["input"]["max_file_bytes"],
        settle_seconds=float(sections["input"]["settle_seconds"]),
        in_place_rewrites=sections["input"]["in_place_rewrites"],
        output_folder=(root / sections["output"]["folder"]).resolve(),
        state_folder=(root / sections["output"]["state"]).resolve(),
        feed=FeedSettings(**sections["feed"]),
        default_zone=sections["defaults"]["timezone"],
        outlets=outlets,
        per_outlet=sections["output"]["per_outlet"],
        rss=sections["output"]["rss"],
        schedule=Schedule(**sections["schedule"]),
        serve=ServeSettings(**sections["serve"]),
        dates=DatePolicy(**sections["dates"]),
    )


def _section(data: Mapping[str, Any], name: str, keys: Mapping[str, tuple[Check, Any]],
             problems: list[str]) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        problems.append(f"{name}: must be a table ([{name}])")
        return {}
    for unknown in sorted(set(table) - set(keys)):
        problems.append(f"{name}.{unknown}: unknown key (known: {', '.join(keys)})")
    values: dict[str, Any] = {}
    for key, (check, default) in keys.items():
        if key not in table:
            if default is ...:
                problems.append(f"{name}.{key}: required")
            values[key] = default
        elif (problem := check(table[key])) is not None:
            problems.append(f"{name}.{key}: {problem}")
        else:
            values[key] = table[key]
    return values


def _outlets(table: Any, problems: list[str]) -> tuple[Outlet, ...]:
    if not isinstance(table, dict):
        problems.append("outlets: must be a table of outlets ([outlets.KEY])")
        return ()
    if not table:
        return ()
    # the packaged registry is read only when the config adds to it (a quiet pass never needs it)
    from feeder.sources import builtin_outlets

    builtin = {o.key: o for o in builtin_outlets()}
    found: list[Outlet] = []
    for key, entry in table.items():
        outlet = _outlet(key, entry, builtin.get(key), problems)
        if outlet is not None:
            found.append(outlet)
    return tuple(found)


def _outlet(key: str, entry: Any, base: Outlet | None, problems: list[str]) -> Outlet | None:
    where = f"outlets.{key}"
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a table")
        return None
    before = len(problems)
    for name in sorted(set(entry) - set(OUTLET_SCHEMA)):
        problems.append(f"{where}.{name}: unknown key (known: {', '.join(OUTLET_SCHEMA)})")
    for name, check in OUTLET_SCHEMA.items():
        if name in entry and (problem := check(entry[name])) is not None:
            problems.append(f"{where}.{name}: {problem}")
    if base is None:
        for name in ("name", "homepage", "timezone"):
            if name not in entry:
                problems.append(f"{where}.{name}: required for an outlet that is not built in")
    if len(problems) > before:
        return None
    return _merge_outlet(key, entry, base)


def _merge_outlet(key: str, entry: Mapping[str, Any], base: Outlet | None) -> Outlet:
    """A config entry changes the fields it names; aliases and domains add to the built-in ones."""
    start = base or Outlet(key=key, name=entry["name"], homepage=entry["homepage"],
                           zone=entry["timezone"])
    return replace(
        start,
        name=entry.get("name", start.name),
        homepage=entry.get("homepage", start.homepage),
        zone=entry.get("timezone", start.zone),
        aliases=tuple(dict.fromkeys((*start.aliases, *entry.get("aliases", ())))),
        domains=tuple(dict.fromkeys((*start.domains, *entry.get("domains", ())))),
        rights=entry.get("rights", start.rights),
        feed_id=entry.get("feed_id", start.feed_id),
        agency=entry.get("agency", start.agency),
    )


def interval_problem(seconds: float) -> str | None:
    """Why a pass interval (``run --every``) is unusable, or None: it must be finite, positive, at most a year."""
    if not math.isfinite(seconds) or seconds <= 0:
        return f"must be a positive number of seconds (got {seconds})"
    if seconds > MAX_INTERVAL:
        return f"must be at most {MAX_INTERVAL:,} seconds (a year)"
    return None


def check_paths(config: Config, *, publishing: bool = True) -> None:
    """Raise ConfigError naming each configured path a pass cannot use: the inbox must be a readable
    folder; the feeds and state folders are created when absent and must be writable folders."""
    problems = [f"input.folder: {p}" for p in [_folder_problem(config.input_folder, write=False)] if p]
    if publishing:
        for key, folder in (("output.folder", config.output_folder), ("output.state", config.state_folder)):
            if problem := _folder_problem(folder, write=True):
                problems.append(f"{key}: {problem}")
    if problems:
        raise ConfigError(config.path, problems)


def _folder_problem(folder: Path, *, write: bool) -> str | None:
    if not folder.exists():
        if not write:
            return f"{folder} does not exist: create it or fix the path"
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            return f"{folder} cannot be created: {exc.strerror or exc}"
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    mode = os.R_OK | os.X_OK | (os.W_OK if write else 0)
    if not os.access(folder, mode):
        return f"{folder} is not {'writable' if write else 'readable'} by this user"
    return None
