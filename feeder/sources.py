"""The registry of outlets: canonical names, homepages, time zones and aliases, from packaged data and config."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feeder.errors import ConfigError
from feeder.records import Outlet

DATA_FILE = "data/outlets.toml"  # inside the feeder package
COUNTRIES_FILE = "data/countries.txt"  # the world's country names in English, one a line
DEFAULT_ID_BASE = "tag:feeder.invalid,2026:"  # atom:source ids of unknown outlets when no config names one
_FOLD = re.compile(r"[^\w.]+")


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Fold a name for alias matching: case, curly quotes, spaces and punctuation do not count.

    Cached: extraction asks about the same printed names (and a site's furniture lines) on every page."""
    return _FOLD.sub("", name.replace("’", "'").casefold().removeprefix("the "))


def host_of(url: str) -> str:
    """The lower-cased host of a URL, without a leading "www."; empty for a malformed URL."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[oops": a page can carry any junk in a link
        return ""
    return host.removeprefix("www.")


def clean_url(url: str | None) -> str | None:
    """An absolute http(s) URL fit for a feed link, or None: junk, scripts and data: URLs go."""
    if not url:
        return None
    url = url.strip().replace(" ", "%20")
    # ASCII controls and URL-unsafe marks; lone surrogates, U+FFFE and U+FFFF, which XML cannot carry
    if re.search(r"[\x00-\x1f\x7f<>\"\\^`{|}\ud800-\udfff\ufffe\uffff]", url) or not host_of(url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


_CODE_EDGES = " \t\r\n()[]{}（）【】.,;:·•|/-–—"  # what may surround a code printed as a credit: "(AA)", "— PA."
_LABEL = re.compile(r"^(?:(?:source|sources|from|via|courtesy(?: of)?|credit|credits)(?:\s*[:：]\s*|\s+)"
                    r"|(?:来源|消息来源|出处|出典|稿源)\s*[:：]?\s*)", re.IGNORECASE)
_WRAPPERS = " \t\r\n\"'“”‘’«»()[]{}（）【】「」《》<>"
_TRAILING = _WRAPPERS + ".,;:!?·•|/\\-–—*_~"
# "the" in lower case before a name is the credit sentence's article ("Printed in the Upland Chronicle"), not
# the name's own "The".
_SENTENCE_ARTICLE = re.compile(r"^the\s+(?=[A-Z])")
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.IGNORECASE)
# A stamp's field label run on after the name ("CGTN Updated: ..." with its colon lost): not part of the name.
_FIELD_LABEL_TAIL = re.compile(r"\s+(?:updated|published|posted|last updated|date)$", re.I)
# A site's section headings, printed where a credit row's outlet field stands: a section, never an outlet.
_SECTION_NAME = re.compile(
    r"^(?:press releases?|news releases?|(?:latest|top|breaking|local|world|business)\s+news|news|"
    r"top stories|announcements?|uncategori[sz]ed|general|blog|opinion|"
    r"\d+\s+(?:comments?|responses?|replies|views|shares|likes))$", re.I)  # and a counter beside them
# An outlet's edition printed after its name by feed readers and aggregators ("Agência Brasil - English").
_EDITION_TAIL = re.compile(
    r"\s+(?:[-–—|]\s+)?(?:english|english edition|international|edición en español|en español|"
    r"edition|world|world news|top news|top stories)\s*$", re.I)
# A generic word for what the outlet is, printed after its name or code ("BERNAMA News Agency").
_GENERIC_TAIL = re.compile(r"\s+(?:news\s+agency|news\s+service|press\s+agency|wire\s+service)\s*$", re.I)
# A place after the outlet's name, set off by a mark ("Agence France-Presse . Miami", "Gulf Wire, Dubai").
_PLACE_TAIL = re.compile(r"^(?P<head>\S.{1,58}?)(?:\s+[.·|/–—-]\s+|\s*,\s*)"
                         r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})$")
# Two agency tokens joined without a space, the wire's first ("efe-epa", "AFP/Getty").
_JOINT_TOKEN = re.compile(r"^([A-Za-z]{2,8})[-/]([A-Za-z]{2,6})$")
# What a credit's place may print and no outlet's name is: the language a story was written or translated in
# ("Originally published in Spanish"), a month or a weekday ("first published in March").
_NOT_AN_OUTLET = re.compile(
    r"^(?:the\s+)?(?:english|spanish|portuguese|french|german|italian|dutch|russian|ukrainian|polish|turkish|arabic|"
    r"persian|farsi|urdu|hindi|bengali|bangla|tamil|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|"
    r"indonesian|malay|filipino|tagalog|swahili|amharic|hausa|greek|hebrew|romanian|hungarian|czech|serbian|"
    r"croatian|catalan|basque|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
MAX_PRINTED_NAME = 80  # longer than any outlet's name: a sentence, not a credit
MAX_PRINTED_WORDS = 10


@cache
def _country_names() -> frozenset[str]:
    from importlib import resources  # here: read once, on the first credit asked about
    text = resources.files("feeder").joinpath(COUNTRIES_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


def is_country(name: str) -> bool:
    """Whether a printed name is a country's ("Printed in Germany", "made in the USA"): a place, never an outlet."""
    key = " ".join(name.split()).casefold()
    return key in _country_names() or key.removeprefix("the ") in _country_names()


@lru_cache(maxsize=8192)
def printed_name(text: str) -> str | None:
    """The outlet name a credit prints, cleaned: no "Source:" label, brackets, quotes or end punctuation.

    None when what is left cannot be a name: empty, too long, no letter, lower case words
    ("staff writer"), an address or a link, a language, a country, a month or a weekday.
    Kept per text: the credit model asks about each name-shaped span, and a site prints the same names on every page.
    """
    name = " ".join(text.split())
    for _ in range(3):  # "(Source: Kyodo)", "Source: (Kyodo)."
        name = _LABEL.sub("", name.strip(_WRAPPERS)).rstrip(_TRAILING).lstrip(_TRAILING)
        name = _FIELD_LABEL_TAIL.sub("", name)
        name = _SENTENCE_ARTICLE.sub("", name)
    if not name or _SECTION_NAME.match(name) or _NOT_AN_OUTLET.match(name) or is_country(name):
        return None
    if len(name) > MAX_PRINTED_NAME or len(name.split()) > MAX_PRINTED_WORDS:
        return None
    if "@" in name or "://" in name or not any(ch.isalpha() for ch in name):
        return None
    # a proper name has a capital, or is written in a script without case (中新社), or is a domain
    if not any(ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper()) for ch in name) \
            and not _DOMAIN.match(name):
        return None
    return name


def slug(name: str) -> str:
    """A file-name-safe key for a printed outlet name: ASCII, lower case, hyphens; "The" dropped."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-").removeprefix("the-")[:60].strip("-")
    return key or f"outlet-{hashlib.sha256(name.encode()).hexdigest()[:10]}"  # 中新社: no ASCII to keep


# How many answers of Registry.named are kept (then they are forgotten at once: bounded memory).
_NAMED_KEPT = 8192


@dataclass(frozen=True)
class Registry:
    """Outlets by key, with indexes by folded alias, by exactly printed code and by domain."""

    outlets: Mapping[str, Outlet]
    by_alias: Mapping[str, Outlet]
    by_domain: Mapping[str, Outlet]
    by_code: Mapping[str, Outlet]
    default_zone: str = "UTC"  # the zone of an outlet credited only by its printed name
    id_base: str = DEFAULT_ID_BASE  # prefix of the atom:source id of such an outlet
    # Answers of named(), by printed text: extraction asks about a site's same lines on every page.
    _named: dict[str, Outlet | None] = field(default_factory=dict, init=False, compare=False, repr=False)
    # The aliases that mix initials and words, in parts (see alias_parts), listed when first needed.
    # by the first word they ask for: a capital (an alias opening on initials) or a folded word.
    _spelled: list[Mapping[str, tuple[tuple[tuple[str, ...], Outlet], ...]]] = field(
        default_factory=list, init=False, compare=False, repr=False)

    def named(self, text: str) -> Outlet | None:
        """The outlet this name, alias, code or domain denotes, if any."""
        if text in self._named:
            return self._named[text]
        if len(self._named) >= _NAMED_KEPT:
            self._named.clear()
        found = self._named[text] = self._lookup(text)
        return found

    def _lookup(self, text: str) -> Outlet | None:
        key = fold(text)
        found = self.by_alias.get(key)
        if found is None and key.endswith("."):  # "Kyodo." at the end of a sentence
            found = self.by_alias.get(key.rstrip("."))
        if found is None and len(text) < 16:
            found = self.by_code.get(text.strip(_CODE_EDGES))
        if found is None and (edition := _EDITION_TAIL.search(text)) and edition.start() > 0:
            found = self.by_alias.get(fold(text[:edition.start()]))  # "Agência Brasil - English"
        if found is None and (tail := _GENERIC_TAIL.search(text)) and tail.start() > 0:
            found = self.by_alias.get(fold(text[:tail.start()])) or self.by_code.get(text[:tail.start()].strip())
        if found is None and (placed := _PLACE_TAIL.match(text.strip())) and not self.named(placed.group("place")):
            found = self.named(placed.group("head"))  # "Agence France-Presse . Miami": the outlet, then its desk's city
        if found is None and (joint := _JOINT_TOKEN.match(text.strip())):
            # "efe-epa": a wire's token joined to its photo partner's code; the wire is the credit
            wire = self.by_alias.get(fold(joint.group(1))) or self.by_code.get(joint.group(1))
            found = wire if wire is not None and wire.agency else None
        if found is None and "." in text and " " not in text.strip() and len(text) < 80:
            return self.for_url(f"http://{text.strip().lower()}")  # "chinadaily.com.cn" in a credit row
        if found is None and " " in text.strip():
            found = self._expanded(text)
        return found

    def _expanded(self, text: str) -> Outlet | None:
        """The one outlet whose alias the printed name spells out ("South Africa News Agency" for "SAnews"), see
        expands(); None when no alias or the aliases of two outlets are spelled out."""
        words = [w.strip(_WORD_EDGES) for w in text.split()]
        words = [w for w in words if w]
        if not 2 <= len(words) <= MAX_PRINTED_WORDS:
            return None
        if not self._spelled:
            self._spelled.append(_spelled_aliases(self.outlets.values()))
        asked = (*self._spelled[0].get(words[0][:1], ()), *self._spelled[0].get(words[0].casefold(), ()))
        found = {o.key: o for parts, o in asked if expands(words, parts)}
        return next(iter(found.values())) if len(found) == 1 else None

    def for_url(self, url: str) -> Outlet | None:
        """The outlet that owns this URL's host (or a parent domain of it)."""
        host = host_of(url)
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            _, _, host = host.partition(".")
        return None

    def credit(self, printed: str, zone: str | None = None) -> Outlet | None:
        """The outlet a credit names: a known one, else one credited by its printed name; None if not a name.

        An unknown outlet is keyed by the slug of its name, has no homepage, and reads unzoned times
        in ``zone`` (the configured default zone when not given).
        """
        found = self.named(printed)
        if found is not None:
            return found
        name = printed_name(printed)
        if name is None:
            return None
        return self.named(name) or self.unknown(name, zone)

    def unknown(self, name: str, zone: str | None = None) -> Outlet:
        """An outlet the registry does not know, credited by ``name`` exactly as given."""
        key = slug(name)
        if key in self.outlets:  # a printed name that slugs like a known key but is not its alias
            key = f"{key}-{hashlib.sha256(name.encode()).hexdigest()[:6]}"
        return Outlet(key=key, name=name, homepage=None, zone=zone or self.default_zone,
                      feed_id=self.source_id(key))

    def source_id(self, key: str) -> str:
        """The permanent atom:source id of an outlet that has no homepage."""
        return f"{self.id_base}outlet:{key}"


_WORD_EDGES = "\"'“”‘’()[]{},;:.·•|/"
# An alias read in parts: a run of capitals (initials) and the words around it ("SAnews": "SA", "news";
# "NZ Herald": "NZ", "Herald").
_ALIAS_PART = re.compile(r"[A-Z]{2,}(?=[a-z]{3})|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")
# Words for what an outlet is, which a printed full name may add after its alias's words ("SA news" + "Agency").
_KIND_WORDS = frozenset(("agency", "service", "agence", "agencia", "agência", "agenzia"))


def alias_parts(alias: str) -> tuple[str, ...] | None:
    """An alias as a country's initials and words when it mixes them ("SAnews" -> ("SA", "news")); None for any
    other alias (a plain name, a code alone, a domain): initials alone fit too many names to be spelled out."""
    if "." in alias or "@" in alias:
        return None
    parts = tuple(_ALIAS_PART.findall(alias))
    initials = [p for p in parts if p.isupper()]
    words = [p for p in parts if not p.isupper()]
    return parts if len(initials) == 1 and words and len(parts) >= 2 else None


def expands(words: list[str], parts: tuple[str, ...]) -> bool:
    """Whether the printed words spell out an alias's parts: its run of capitals the initials of as many words
    that name a country ("South Africa", "South African" for "SA"), each other part the word itself (any case),
    then nothing but words for what an outlet is ("Agency")."""
    i = 0
    for part in parts:
        if part.isupper():
            run = words[i:i + len(part)]
            if len(part) < 2 or len(run) < len(part) or "".join(w[0] for w in run) != part:
                return False
            place = " ".join(run)
            if not (is_country(place) or (place.endswith("n") and is_country(place.removesuffix("n")))):
                return False
            i += len(part)
        else:
            if i >= len(words) or words[i].casefold() != part.casefold():
                return False
            i += 1
    return all(w.casefold() in _KIND_WORDS for w in words[i:])


def _spelled_aliases(outlets: Iterable[Outlet]) -> dict[str, tuple[tuple[tuple[str, ...], Outlet], ...]]:
    """Every alias of the outlets that mixes initials and words, in parts, with its outlet, by the first word a
    printed name must open with: the first initial (an alias opening on initials), else the folded word."""
    out: dict[str, list[tuple[tuple[str, ...], Outlet]]] = {}
    for outlet in outlets:
        for alias in (outlet.name, *outlet.aliases):
            if (parts := alias_parts(alias)) is not None:
                first = parts[0][:1] if parts[0].isupper() else parts[0].casefold()
                out.setdefault(first, []).append((parts, outlet))
    return {first: tuple(found) for first, found in out.items()}


def source_id(outlet: Outlet) -> str:
    """The atom:source id that credits an outlet: its feed_id, else its homepage."""
    return outlet.feed_id or outlet.homepage or f"{DEFAULT_ID_BASE}outlet:{outlet.key}"


def build_registry(overrides: Iterable[Outlet] = (), *, default_zone: str = "UTC",
                   id_base: str = DEFAULT_ID_BASE) -> Registry:
    """Packaged outlets, with config entries replacing (same key) or adding to them."""
    outlets = {o.key: o for o in builtin_outlets()}
    outlets.update((o.key, o) for o in overrides)
    by_alias: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    by_code: dict[str, Outlet] = {}
    for outlet in outlets.values():
        codes = {fold(code) for code in outlet.codes}
        for alias in (outlet.name, outlet.key, *outlet.aliases):
            if fold(alias) not in codes:  # "APP" and key "app" match only as printed: "app" is a word
                by_alias[fold(alias)] = outlet
        for code in outlet.codes:
            by_code[code] = outlet
        for domain in outlet.domains:
            by_domain[domain.lower().removeprefix("www.")] = outlet
    return Registry(outlets, by_alias, by_domain, by_code, default_zone, id_base)


# ------------------------------------------------------------------ the packaged data

_FIELDS: Mapping[str, type[Any]] = {"name": str, "aliases": list, "codes": list, "domains": list, "homepage": str,
                               "zone": str, "country": str, "agency": bool, "sources": str, "rights": str,
                               "feed_id": str}
_REQUIRED = ("name", "domains", "homepage", "zone", "country", "sources")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_outlets(table: Mapping[str, Any]) -> list[str]:
    """Every problem in a parsed outlet table, each naming its key; empty when the data is sound."""
    problems: list[str] = []
    for key, entry in table.items():
        if not isinstance(entry, dict):
            problems.append(f"{key}: must be a table")
            continue
        problems.extend(_check_entry(key, entry))
    if not problems:
        problems.extend(_check_claims(table))
    return problems


def _check_entry(key: str, entry: Mapping[str, Any]) -> list[str]:
    problems = [f"{key}.{name}: required" for name in _REQUIRED if name not in entry]
    if not _KEY.match(key):
        problems.append(f"{key}: a key is lower-case letters, digits and single hyphens")
    sound: dict[str, Any] = {}  # the fields of the right type, whose values can be checked further
    for name, value in entry.items():
        kind = _FIELDS.get(name)
        if kind is None:
            problems.append(f"{key}.{name}: unknown field (known: {', '.join(_FIELDS)})")
        elif not isinstance(value, kind) or (isinstance(value, list) and not all(isinstance(v, str) and v
                                                                                for v in value)):
            problems.append(f"{key}.{name}: must be a {'list of strings' if kind is list else kind.__name__}")
        else:
            sound[name] = value
    if "zone" in sound:
        try:
            ZoneInfo(sound["zone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"{key}.zone: unknown time zone {sound['zone']!r}")
    if "homepage" in sound:
        home = urlsplit(sound["homepage"])
        if home.scheme not in ("http", "https") or not home.hostname:
            problems.append(f"{key}.homepage: must be an absolute http(s) URL")
    if "country" in sound and not re.fullmatch(r"[A-Z]{2}", sound["country"]):
        problems.append(f"{key}.country: must be an ISO 3166-1 alpha-2 code such as 'JP'")
    if sound.get("rights", "full") not in ("full", "excerpt"):
        problems.append(f"{key}.rights: must be 'full' or 'excerpt'")
    for domain in sound.get("domains", ()):
        if not _DOMAIN.match(domain) or domain != domain.lower() or domain.startswith("www."):
            problems.append(f"{key}.domains: {domain!r} is not a lower-case host name without 'www.'")
    aliases = {fold(a) for a in sound.get("aliases", ())}
    for code in sound.get("codes", ()):
        if not code.isalnum():
            problems.append(f"{key}.codes: {code!r} must be letters and digits only, as printed")
        if fold(code) in aliases:
            problems.append(f"{key}.codes: {code!r} is also an alias, which would match it in any case")
    return problems


def _check_claims(table: Mapping[str, Any]) -> list[str]:
    """No folded name, alias, code or domain may belong to two outlets."""
    problems: list[str] = []
    claims: dict[str, str] = {}
    for key, entry in table.items():
        codes = {fold(code) for code in entry.get("codes", ())}
        names = {fold(n) for n in (entry["name"], key, *entry.get("aliases", ()))} - codes
        for what, values in (("name", names), ("code", codes),
                             ("domain", {f"domain:{d}" for d in entry["domains"]})):
            for value in values:
                owner = claims.setdefault(value, key)
                if owner != key:
                    problems.append(f"{key}: {what} {value.removeprefix('domain:')!r} is also claimed by {owner}")
    return problems


def _outlet(key: str, entry: Mapping[str, Any]) -> Outlet:
    return Outlet(key=key, name=entry["name"], homepage=entry["homepage"], zone=entry["zone"],
                  aliases=tuple(entry.get("aliases", ())), domains=tuple(entry["domains"]),
                  rights=entry.get("rights", "full"), feed_id=entry.get("feed_id"),
                  agency=entry.get("agency", False), codes=tuple(entry.get("codes", ())),
                  country=entry["country"])


def load_outlets() -> tuple[Outlet, ...]:
    """The outlets in the packaged data file; a broken file is a ConfigError listing every problem."""
    from importlib import resources  # here: a pass that reads no file never loads the registry

    source = resources.files("feeder").joinpath(DATA_FILE)
    try:
        table = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(source), [f"cannot read the outlet registry: {exc}"]) from exc
    problems = check_outlets(table)
    if problems:
        raise ConfigError(str(source), problems)
    return tuple(_outlet(key, entry) for key, entry in table.items())


@cache
def builtin_outlets() -> tuple[Outlet, ...]:
    """The packaged outlets, read and checked on first use (a pass that reads no file never needs them)."""
    return load_outlets()


def __getattr__(name: str) -> Any:
    if name == "BUILTIN":  # the packaged outlets, as a module constant loaded when first asked for
        return builtin_outlets()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
