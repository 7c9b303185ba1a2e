"""The registry of outlets: canonical names, homepages, time zones and aliases, built in and from config."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from feeder.records import Outlet

BUILTIN: tuple[Outlet, ...] = (
    Outlet(
        key="china-daily",
        name="China Daily",
        homepage="https://www.chinadaily.com.cn/",
        zone="Asia/Shanghai",
        aliases=("China Daily", "chinadaily", "chinadaily.com.cn", "China Daily Global",
                 "China Daily Asia", "China Daily USA", "China Daily Website", "中国日报", "中国日报网"),
        domains=("chinadaily.com.cn", "chinadailyasia.com", "chinadailyhk.com"),
    ),
    Outlet(
        key="xinhua",
        name="Xinhua",
        homepage="http://www.news.cn/english/",
        zone="Asia/Shanghai",
        aliases=("Xinhua", "Xinhua News Agency", "Xinhuanet", "xinhuanet.com", "news.cn",
                 "Xinhua News", "XINHUA", "新华社", "新华网", "新华通讯社"),
        domains=("xinhuanet.com", "news.cn"),
        agency=True,
    ),
    Outlet(
        key="global-times",
        name="Global Times",
        homepage="https://www.globaltimes.cn/",
        zone="Asia/Shanghai",
        aliases=("Global Times", "globaltimes.cn", "Global Times Online", "环球时报", "环球网"),
        domains=("globaltimes.cn",),
    ),
    Outlet(
        key="peoples-daily",
        name="People's Daily",
        homepage="http://en.people.cn/",
        zone="Asia/Shanghai",
        aliases=("People's Daily", "People's Daily Online", "People’s Daily", "People’s Daily Online",
                 "Peoples Daily", "en.people.cn", "people.cn", "人民日报", "人民网"),
        domains=("people.cn", "people.com.cn"),
    ),
    Outlet(
        key="cgtn",
        name="CGTN",
        homepage="https://www.cgtn.com/",
        zone="Asia/Shanghai",
        aliases=("CGTN", "cgtn.com", "China Global Television Network", "CGTN Digital", "中国国际电视台"),
        domains=("cgtn.com",),
    ),
    Outlet(
        key="reuters",
        name="Reuters",
        homepage="https://www.reuters.com/",
        zone="UTC",
        aliases=("Reuters", "reuters.com", "Thomson Reuters", "REUTERS", "路透社", "ロイター"),
        domains=("reuters.com",),
        agency=True,
    ),
    Outlet(
        key="ap",
        name="AP",
        homepage="https://apnews.com/",
        zone="America/New_York",
        aliases=("AP", "Associated Press", "The Associated Press", "apnews.com", "AP News", "美联社"),
        domains=("apnews.com", "ap.org"),
        agency=True,
    ),
    Outlet(
        key="afp",
        name="AFP",
        homepage="https://www.afp.com/",
        zone="Europe/Paris",
        aliases=("AFP", "Agence France-Presse", "Agence France Presse", "afp.com", "法新社"),
        domains=("afp.com",),
        agency=True,
    ),
)

_FOLD = re.compile(r"[^\w.]+")


def fold(name: str) -> str:
    """Fold a name for alias matching: case, curly quotes, spaces and punctuation do not count."""
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


@dataclass(frozen=True)
class Registry:
    """Outlets by key, with indexes by folded alias and by domain."""

    outlets: Mapping[str, Outlet]
    by_alias: Mapping[str, Outlet]
    by_domain: Mapping[str, Outlet]

    def named(self, text: str) -> Outlet | None:
        """The outlet this name or alias denotes, if any."""
        found = self.by_alias.get(fold(text))
        if found is None and "." in text and " " not in text.strip() and len(text) < 80:
            return self.for_url(f"http://{text.strip().lower()}")  # "chinadaily.com.cn" in a credit row
        return found

    def for_url(self, url: str) -> Outlet | None:
        """The outlet that owns this URL's host (or a parent domain of it)."""
        host = host_of(url)
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            _, _, host = host.partition(".")
        return None


def build_registry(overrides: Iterable[Outlet] = ()) -> Registry:
    """Built-in outlets, with config entries replacing (same key) or adding to them."""
    outlets = {o.key: o for o in BUILTIN}
    outlets.update((o.key, o) for o in overrides)
    by_alias: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for outlet in outlets.values():
        for alias in (outlet.name, outlet.key, *outlet.aliases):
            by_alias[fold(alias)] = outlet
        for domain in outlet.domains:
            by_domain[domain.lower().removeprefix("www.")] = outlet
    return Registry(outlets, by_alias, by_domain)
