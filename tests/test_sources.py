"""The outlet registry: packaged data that validates, lookups by any printed form, unknown outlets, config."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from feeder.atom import ATOM, FeedMeta, render_atom, render_rss
from feeder.config import load_config
from feeder.records import Article, Entry, Outlet
from feeder.sources import BUILTIN, DATA_FILE, build_registry, check_outlets, fold, printed_name, slug
from feeder.store import article_from_json, article_to_json
from feeder.validate import validate_feed
from tests.conftest import write_config

REGISTRY = build_registry()
DATA = tomllib.loads(resources.files("feeder").joinpath(DATA_FILE).read_text(encoding="utf-8"))

# The eight outlets feeder shipped with, exactly as they were before the registry became data.
BUILTIN_EIGHT = (
    Outlet("china-daily", "China Daily", "https://www.chinadaily.com.cn/", "Asia/Shanghai",
           ("China Daily", "chinadaily", "chinadaily.com.cn", "China Daily Global", "China Daily Asia",
            "China Daily USA", "China Daily Website", "中国日报", "中国日报网"),
           ("chinadaily.com.cn", "chinadailyasia.com", "chinadailyhk.com")),
    Outlet("xinhua", "Xinhua", "http://www.news.cn/english/", "Asia/Shanghai",
           ("Xinhua", "Xinhua News Agency", "Xinhuanet", "xinhuanet.com", "news.cn", "Xinhua News", "XINHUA",
            "新华社", "新华网", "新华通讯社"), ("xinhuanet.com", "news.cn"), agency=True),
    Outlet("global-times", "Global Times", "https://www.globaltimes.cn/", "Asia/Shanghai",
           ("Global Times", "globaltimes.cn", "Global Times Online", "环球时报", "环球网"), ("globaltimes.cn",)),
    Outlet("peoples-daily", "People's Daily", "http://en.people.cn/", "Asia/Shanghai",
           ("People's Daily", "People's Daily Online", "People’s Daily", "People’s Daily Online", "Peoples Daily",
            "en.people.cn", "people.cn", "人民日报", "人民网"), ("people.cn", "people.com.cn")),
    Outlet("cgtn", "CGTN", "https://www.cgtn.com/", "Asia/Shanghai",
           ("CGTN", "cgtn.com", "China Global Television Network", "CGTN Digital", "中国国际电视台"), ("cgtn.com",)),
    Outlet("reuters", "Reuters", "https://www.reuters.com/", "UTC",
           ("Reuters", "reuters.com", "Thomson Reuters", "REUTERS", "路透社", "ロイター"), ("reuters.com",),
           agency=True),
    Outlet("ap", "AP", "https://apnews.com/", "America/New_York",
           ("AP", "Associated Press", "The Associated Press", "apnews.com", "AP News", "美联社"),
           ("apnews.com", "ap.org"), agency=True),
    Outlet("afp", "AFP", "https://www.afp.com/", "Europe/Paris",
           ("AFP", "Agence France-Presse", "Agence France Presse", "afp.com", "法新社"), ("afp.com",), agency=True),
)

# The shared contract with the people who label test sets: canonical name, other printed forms, home zone.
CONTRACT = (
    ("UPI", ("United Press International",), "America/New_York"),
    ("Kyodo News", ("Kyodo",), "Asia/Tokyo"),
    ("Yonhap", ("Yonhap News Agency",), "Asia/Seoul"),
    ("TASS", ("ITAR-TASS",), "Europe/Moscow"),
    ("RIA Novosti", ("RIA",), "Europe/Moscow"),
    ("dpa", ("Deutsche Presse-Agentur", "DPA"), "Europe/Berlin"),
    ("EFE", ("Agencia EFE",), "Europe/Madrid"),
    ("ANSA", (), "Europe/Rome"),
    ("PTI", ("Press Trust of India",), "Asia/Kolkata"),
    ("ANI", ("Asian News International",), "Asia/Kolkata"),
    ("IANS", ("Indo-Asian News Service",), "Asia/Kolkata"),
    ("Bernama", (), "Asia/Kuala_Lumpur"),
    ("Antara", ("Antara News",), "Asia/Jakarta"),
    ("Anadolu Agency", ("AA", "Anadolu"), "Europe/Istanbul"),
    ("APP", ("Associated Press of Pakistan",), "Asia/Karachi"),
    ("AAP", ("Australian Associated Press",), "Australia/Sydney"),
    ("Bloomberg", ("Bloomberg News",), "America/New_York"),
    ("China News Service", ("Chinanews", "CNS", "ECNS"), "Asia/Shanghai"),
    ("Shanghai Daily", (), "Asia/Shanghai"),
    ("South China Morning Post", ("SCMP",), "Asia/Hong_Kong"),
    ("The Straits Times", ("Straits Times",), "Asia/Singapore"),
    ("The Korea Herald", ("Korea Herald",), "Asia/Seoul"),
    ("The Japan Times", ("Japan Times",), "Asia/Tokyo"),
    ("The Hindu", (), "Asia/Kolkata"),
    ("The Times of India", ("Times of India", "TOI"), "Asia/Kolkata"),
    ("Dawn", (), "Asia/Karachi"),
    ("Vietnam News Agency", ("VNA",), "Asia/Ho_Chi_Minh"),
    ("Philippine News Agency", ("PNA",), "Asia/Manila"),
    ("KUNA", ("Kuwait News Agency",), "Asia/Kuwait"),
    ("WAM", ("Emirates News Agency",), "Asia/Dubai"),
    ("MENA", ("Middle East News Agency",), "Africa/Cairo"),
    ("IRNA", ("Islamic Republic News Agency",), "Asia/Tehran"),
    ("Prensa Latina", (), "America/Havana"),
    ("Agência Brasil", ("Agencia Brasil",), "America/Sao_Paulo"),
    ("BBC", ("BBC News",), "Europe/London"),
    ("The Guardian", ("Guardian",), "Europe/London"),
    ("CNN", (), "America/New_York"),
    ("Al Jazeera", (), "Asia/Qatar"),
)


# ------------------------------------------------------------------ the data

def test_the_packaged_data_is_sound() -> None:
    assert check_outlets(DATA) == []
    assert len(BUILTIN) == len(DATA) >= 150
    assert sum(o.agency for o in BUILTIN) >= 100
    assert len({o.country for o in BUILTIN}) >= 90


@pytest.mark.parametrize("outlet", BUILTIN, ids=lambda o: o.key)
def test_every_entry_is_complete(outlet: Outlet) -> None:
    ZoneInfo(outlet.zone)  # raises for a zone that does not exist
    assert outlet.homepage is not None
    home = urlsplit(outlet.homepage)
    assert home.scheme in ("http", "https") and home.hostname
    assert outlet.domains and outlet.country and len(outlet.country) == 2
    assert DATA[outlet.key]["sources"].strip()
    assert REGISTRY.for_url(outlet.homepage) is outlet  # the homepage is on one of its own domains
    assert outlet.key == slug(outlet.key)


def test_no_name_alias_code_or_domain_belongs_to_two_outlets() -> None:
    owners: dict[str, set[str]] = {}
    for outlet in BUILTIN:
        codes = {fold(c) for c in outlet.codes}
        for name in {fold(n) for n in (outlet.name, outlet.key, *outlet.aliases)} | codes:
            owners.setdefault(name, set()).add(outlet.key)
        for domain in outlet.domains:
            owners.setdefault(f"domain:{domain}", set()).add(outlet.key)
    assert {name: keys for name, keys in owners.items() if len(keys) > 1} == {}
    names = [fold(o.name) for o in BUILTIN]
    assert len(names) == len(set(names))


def test_ambiguous_abbreviations_name_no_outlet() -> None:
    for printed in ("CNA", "APS", "BNA", "ABC", "RSS", "The Times", "The Telegraph", "The Star", "Daily News"):
        assert REGISTRY.named(printed) is None, printed


def test_check_outlets_names_every_problem() -> None:
    good = DATA["kyodo-news"]
    table = {
        "kyodo-news": good,
        "Bad Key": {**good, "name": "Other"},
        "twin": {**good, "name": "Twin", "aliases": ["Kyodo"], "domains": ["kyodonews.net"], "codes": []},
        "broken": {"name": "Broken", "domains": ["WWW.X.COM"], "homepage": "/news", "zone": "Mars/Base",
                   "country": "jp", "sources": "x", "codes": ["A-A", "xyz"], "aliases": ["XYZ"], "colour": "red"},
    }
    problems = check_outlets(table)
    for expected in ("Bad Key: a key is lower-case", "broken.zone: unknown time zone 'Mars/Base'",
                     "broken.homepage: must be an absolute http(s) URL", "broken.country: must be an ISO",
                     "broken.domains: 'WWW.X.COM'", "broken.codes: 'A-A'", "broken.codes: 'xyz' is also an alias",
                     "broken.colour: unknown field"):
        assert any(p.startswith(expected) for p in problems), (expected, problems)
    claims = check_outlets({"kyodo-news": good, "twin": table["twin"]})
    assert "twin: name 'kyodo' is also claimed by kyodo-news" in claims
    assert "twin: domain 'kyodonews.net' is also claimed by kyodo-news" in claims


# ------------------------------------------------------------------ the built-in eight and the contract

@pytest.mark.parametrize("before", BUILTIN_EIGHT, ids=lambda o: o.key)
def test_the_built_in_eight_behave_as_before(before: Outlet) -> None:
    now = REGISTRY.outlets[before.key]
    for field in ("key", "name", "homepage", "zone", "aliases", "domains", "rights", "feed_id", "agency"):
        assert getattr(now, field) == getattr(before, field), field
    assert now.codes == ()
    for alias in (before.name, before.key, *before.aliases):
        assert REGISTRY.named(alias) is now
    for domain in before.domains:
        assert REGISTRY.for_url(f"https://www.{domain}/a/b.html") is now


@pytest.mark.parametrize(("canonical", "printed", "zone"), CONTRACT, ids=[row[0] for row in CONTRACT])
def test_the_shared_canonical_names(canonical: str, printed: tuple[str, ...], zone: str) -> None:
    outlet = REGISTRY.named(canonical)
    assert outlet is not None and outlet.name == canonical and outlet.zone == zone
    for form in printed:
        assert REGISTRY.named(form) is outlet, form


# ------------------------------------------------------------------ lookups

@pytest.mark.parametrize(("printed", "key"), [
    ("The Associated Press", "ap"), ("associated press", "ap"), ("XINHUA", "xinhua"),
    ("Xinhua News Agency", "xinhua"), ("xinhua news agency", "xinhua"), ("(Xinhua)", "xinhua"),
    ("Kyodo.", "kyodo-news"), ("KYODO NEWS", "kyodo-news"), ("the japan times", "japan-times"),
    ("ITAR TASS", "tass"), ("Deutsche Presse Agentur", "dpa"), ("Agencia Brasil", "agencia-brasil"),
    ("Agência Brasil", "agencia-brasil"), ("South China Morning Post", "scmp"), ("scmp", "scmp"),
    ("People’s Daily", "peoples-daily"), ("中新社", "china-news-service"), ("Focus Taiwan", "central-news-agency"),
    ("Press Trust of India", "pti"), ("ANSA", "ansa"), ("Agence France Presse", "afp"),
])
def test_names_and_aliases_ignore_case_and_punctuation(printed: str, key: str) -> None:
    found = REGISTRY.named(printed)
    assert found is not None and found.key == key


@pytest.mark.parametrize(("printed", "key"), [
    ("AA", "anadolu"), ("(AA)", "anadolu"), ("AA.", "anadolu"), ("APP", "app"), ("PA", "pa-media"),
    ("TOI", "times-of-india"), ("CNS", "china-news-service"), ("RIA", "ria-novosti"), ("WAM", "wam"),
    ("MENA", "mena"), ("KUNA", "kuna"), ("VNA", "vietnam-news-agency"), ("PNA", "philippine-news-agency"),
])
def test_codes_match_as_printed_in_capitals(printed: str, key: str) -> None:
    found = REGISTRY.named(printed)
    assert found is not None and found.key == key


@pytest.mark.parametrize("printed", ["aa", "Aa", "app", "App", "pa", "Pa", "map", "Map", "spa", "tap", "wam",
                                     "Mena", "kuna", "ani", "Ani", "toi", "rt", "Tt", "smh"])
def test_codes_in_other_cases_are_words_not_outlets(printed: str) -> None:
    assert REGISTRY.named(printed) is None


@pytest.mark.parametrize(("url", "key"), [
    ("https://en.yna.co.kr/view/AEN2026", "yonhap"), ("https://www.aa.com.tr/en/world/x/123", "anadolu"),
    ("http://WWW.BBC.CO.UK/news/world", "bbc"), ("https://timesofindia.indiatimes.com/india/x.cms", "times-of-india"),
    ("https://economictimes.indiatimes.com/news/x.cms", "economic-times"),
    ("https://english.kyodonews.net/n", "kyodo-news"), ("https://www.ecns.cn/news/2026/x.shtml", "china-news-service"),
    ("https://focustaiwan.tw/politics/1", "central-news-agency"),
])
def test_domains_match_with_subdomains_and_www(url: str, key: str) -> None:
    found = REGISTRY.for_url(url)
    assert found is not None and found.key == key
    assert REGISTRY.named(urlsplit(url).hostname or "") is found  # a bare host in a credit row


def test_a_host_that_only_ends_like_a_domain_is_not_it() -> None:
    assert REGISTRY.for_url("https://notreuters.com/x") is None
    assert REGISTRY.for_url("https://indiatimes.com/x") is None  # the group's portal, not one of its papers


# ------------------------------------------------------------------ outlets the registry does not know

def test_an_unknown_outlet_is_credited_as_printed() -> None:
    outlet = REGISTRY.credit("Source: The Foo Valley Herald.")
    assert outlet == Outlet(key="foo-valley-herald", name="The Foo Valley Herald", homepage=None, zone="UTC",
                            feed_id="tag:feeder.invalid,2026:outlet:foo-valley-herald")
    bare = REGISTRY.credit("(Foo Valley Herald)")
    assert bare is not None and (bare.key, bare.name) == ("foo-valley-herald", "Foo Valley Herald")  # one key
    assert REGISTRY.credit("Courtesy of “Foo Valley Herald”") == bare
    assert REGISTRY.credit("By Foo Valley Herald") != bare  # a byline is not a credit label
    assert REGISTRY.credit("[Agência Foo]") == REGISTRY.unknown("Agência Foo")
    assert REGISTRY.unknown("Agência Foo").key == "agencia-foo"
    assert REGISTRY.credit("来源：新浪财经").name == "新浪财经"  # type: ignore[union-attr]
    assert REGISTRY.credit("新浪财经").key.startswith("outlet-")  # type: ignore[union-attr]


def test_a_known_outlet_wins_over_the_printed_form() -> None:
    assert REGISTRY.credit("Source: Kyodo") is REGISTRY.outlets["kyodo-news"]
    assert REGISTRY.credit("(AA)") is REGISTRY.outlets["anadolu"]
    assert REGISTRY.credit("Source: www.aa.com.tr") is REGISTRY.outlets["anadolu"]


def test_an_ambiguous_abbreviation_is_credited_as_printed() -> None:
    outlet = REGISTRY.credit("CNA")
    assert outlet is not None and outlet.name == "CNA" and outlet.homepage is None and outlet.key == "cna"


def test_a_printed_name_that_slugs_like_a_known_key_gets_its_own_key() -> None:
    clash = REGISTRY.unknown("Ap")
    assert clash.key.startswith("ap-") and clash.name == "Ap"


@pytest.mark.parametrize("printed", ["", "   ", "Source:", "()", "staff writer", "by our reporter", "12:30", "--",
                                     "http://example.com/a", "news@example.com", "A" * 81,
                                     "One Two Three Four Five Six Seven Eight Nine Ten Eleven"])
def test_text_that_is_no_name_credits_nothing(printed: str) -> None:
    assert REGISTRY.credit(printed) is None


def test_the_configured_default_zone_and_id_base_apply(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, extra='[defaults]\ntimezone = "Asia/Manila"\n'))
    outlet = config.registry.credit("Manila Foo Tribune")
    assert outlet is not None and outlet.zone == "Asia/Manila"
    assert outlet.feed_id == "tag:feeder.test,2026:outlet:manila-foo-tribune"
    assert config.registry.credit("Manila Foo Tribune", zone="UTC").zone == "UTC"  # type: ignore[union-attr]


@given(st.text(max_size=120))
def test_printed_name_and_slug_never_fail(text: str) -> None:
    name = printed_name(text)
    if name is not None:
        assert name == name.strip() and 0 < len(name) <= 80
        assert printed_name(name) == name  # cleaning is idempotent
        key = slug(name)
        assert key and key == key.strip("-") and all(c.isascii() and (c.isalnum() or c == "-") for c in key)


# ------------------------------------------------------------------ rendering an unknown outlet

def _entry(outlet: Outlet) -> Entry:
    when = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    article = Article(path="a.txt", digest="0" * 64, title="Harbour reopens", body=("The harbour reopened.",),
                      outlet=outlet, source_url=None, authors=(), republisher="Some Blog", published=None,
                      updated=None, republished=None, via=None, story_key="k")
    return Entry(id="tag:feeder.test,2026:entry:1", article=article, updated=when, published=when)


META = FeedMeta("tag:feeder.test,2026:feed", "Test", "feeder tests", "http://localhost/feed.atom", "en")


def test_an_unknown_outlet_renders_a_complete_source_without_a_link() -> None:
    outlet = REGISTRY.credit("Foo Valley Herald")
    assert outlet is not None
    data = render_atom([_entry(outlet)], META, empty_updated=datetime(2026, 1, 1, tzinfo=UTC))
    assert validate_feed(data, now=datetime(2026, 3, 2, tzinfo=UTC)) == ()
    parsed = feedparser.parse(data)
    source = parsed.entries[0].source
    assert source.id == "tag:feeder.invalid,2026:outlet:foo-valley-herald"
    assert source.title == "Foo Valley Herald" and source.updated == "2026-03-01T08:00:00+00:00"
    assert "links" not in source  # feedparser copies the id into source.link; the document has no link
    assert etree.fromstring(data).find(f"{{{ATOM}}}entry/{{{ATOM}}}source/{{{ATOM}}}link") is None
    assert parsed.entries[0].author == "Foo Valley Herald"
    assert b"Foo Valley Herald" in render_rss([_entry(outlet)], META, empty_updated=datetime(2026, 1, 1, tzinfo=UTC))


def test_a_known_outlet_still_renders_its_homepage() -> None:
    data = render_atom([_entry(REGISTRY.outlets["kyodo-news"])], META, empty_updated=datetime(2026, 1, 1, tzinfo=UTC))
    assert validate_feed(data, now=datetime(2026, 3, 2, tzinfo=UTC)) == ()
    assert feedparser.parse(data).entries[0].source.link == "https://english.kyodonews.net/"


def test_an_unknown_outlet_survives_the_store() -> None:
    outlet = REGISTRY.credit("Foo Valley Herald")
    assert outlet is not None
    article = _entry(outlet).article
    assert article_from_json(article_to_json(article), REGISTRY).outlet == outlet


# ------------------------------------------------------------------ config

def test_config_overrides_and_extends_any_entry(tmp_path: Path) -> None:
    extra = ('[outlets.kyodo-news]\ntimezone = "UTC"\naliases = ["Kyodo Tsushin"]\nrights = "excerpt"\n'
             '[outlets.foo-valley-herald]\nname = "Foo Valley Herald"\nhomepage = "https://foo.example/"\n'
             'timezone = "America/Chicago"\ndomains = ["foo.example"]\n')
    registry = load_config(write_config(tmp_path, extra=extra)).registry
    kyodo = registry.outlets["kyodo-news"]
    assert (kyodo.zone, kyodo.rights, kyodo.name, kyodo.homepage) == ("UTC", "excerpt", "Kyodo News",
                                                                      "https://english.kyodonews.net/")
    assert registry.named("Kyodo Tsushin") is kyodo and registry.named("Kyodo") is kyodo
    herald = registry.credit("Source: Foo Valley Herald")
    assert herald is registry.outlets["foo-valley-herald"] and herald.zone == "America/Chicago"
    assert registry.for_url("https://www.foo.example/x") is herald
    assert REGISTRY.outlets["kyodo-news"].zone == "Asia/Tokyo"  # the packaged registry is untouched
