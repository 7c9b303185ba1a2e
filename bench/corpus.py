"""A deterministic corpus of scraped article files (Blogger text dumps, WordPress/portal/outlet HTML) for benchmarks.

Story ``i`` depends only on (seed, i), so a corpus of 10,000 is the first 10,000 files of one of 100,000, and
files added to a history are the next indices. All words come from the fixed vocabulary below; no real text.
"""

from __future__ import annotations

import html
import json
import random
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

# The config of a bench workspace: the corpus in inbox/, feeds and state beside it.
CONFIG = """\
[input]
folder = "inbox"
[output]
folder = "feeds"
state = "state"
[feed]
id_base = "tag:feeder.bench,2026:"
title = "Bench feed"
author = "feeder bench"
base_url = "http://localhost:8080/"
max_entries = 100
"""

NOUNS = (
    "port", "harbour", "bridge", "railway", "orchard", "factory", "market", "school", "clinic", "museum",
    "library", "reservoir", "highway", "airport", "village", "county", "district", "province", "festival",
    "exhibition", "forest", "wetland", "river", "canal", "mountain", "valley", "island", "coastline", "farm",
    "greenhouse", "warehouse", "terminal", "ferry", "tram", "subway", "bus", "bicycle", "drone", "robot",
    "battery", "turbine", "panel", "grid", "pipeline", "bakery", "tea", "rice", "cotton", "timber", "copper",
    "steel", "glass", "paper", "ceramics", "silk", "noodle", "dumpling", "orange", "apple", "mushroom",
    "bamboo", "panda", "crane", "turtle", "dolphin", "falcon", "tiger", "elephant", "salmon", "oyster",
    "theatre", "stadium", "park", "garden", "plaza", "tower", "lighthouse", "monastery", "temple", "palace",
    "archive", "laboratory", "observatory", "satellite", "telescope", "rocket", "vaccine", "hospital",
    "pharmacy", "startup", "cooperative", "exporter", "shipyard", "quarry", "vineyard", "dairy", "fishery",
    "kiln", "loom", "marathon", "regatta", "choir", "orchestra", "academy", "hostel", "campsite", "glacier",
)
VERBS = (
    "opens", "expands", "restores", "upgrades", "launches", "tests", "reopens", "doubles", "trims", "adds",
    "builds", "plans", "welcomes", "records", "unveils", "revives", "connects", "extends", "funds", "rebuilds",
)
PAST = (
    "said", "reported", "announced", "added", "noted", "estimated", "confirmed", "explained", "expected",
    "recorded", "planned", "completed", "approved", "opened", "measured", "counted", "delivered", "tested",
)
ADJECTIVES = (
    "new", "small", "large", "rural", "coastal", "northern", "southern", "eastern", "western", "local",
    "regional", "electric", "quiet", "busy", "historic", "modern", "seasonal", "public", "private", "young",
    "elderly", "remote", "central", "early", "late", "annual", "digital", "green", "second", "third",
)
FILLERS = (
    "the", "a", "of", "in", "for", "with", "on", "and", "to", "from", "by", "near", "after", "before",
    "about", "across", "more", "than", "most", "some", "many", "several", "each", "every", "this", "that",
    "their", "its", "residents", "officials", "visitors", "workers", "farmers", "engineers", "students",
    "drivers", "families", "researchers", "volunteers", "traders", "operators", "planners", "managers",
    "year", "month", "week", "season", "spring", "summer", "autumn", "winter", "morning", "night",
    "percent", "kilometres", "tonnes", "hectares", "hours", "days", "routes", "shifts", "orders", "visits",
)
PLACES = (
    "Ningbo", "Guizhou", "Kunming", "Harbin", "Chengdu", "Wuhan", "Xiamen", "Qingdao", "Lhasa", "Urumqi",
    "Hainan", "Yunnan", "Fujian", "Gansu", "Shaanxi", "Hebei", "Lyon", "Marseille", "Chicago", "Denver",
    "Boston", "Seattle", "Mumbai", "Sydney", "Nairobi", "Lima", "Santiago", "Hanoi", "Jakarta", "Manila",
)
CITIES = {  # datelines, per outlet
    "china-daily": ("BEIJING", "SHANGHAI", "GUANGZHOU", "HANGZHOU"),
    "xinhua": ("BEIJING", "NANNING", "HAIKOU", "LANZHOU", "KUNMING"),
    "global-times": ("BEIJING", "SHENZHEN"),
    "peoples-daily": ("BEIJING", "XI'AN"),
    "cgtn": ("BEIJING", "HARBIN"),
    "reuters": ("HONG KONG", "SINGAPORE", "LONDON", "MUMBAI", "TOKYO"),
    "ap": ("NEW YORK", "BOSTON", "DENVER", "CHICAGO", "PHOENIX"),
    "afp": ("PARIS", "LYON", "SYDNEY", "GENEVA", "DAKAR"),
}
CN_FAMILY = ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
             "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao")
CN_GIVEN = ("Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Hao", "Ying", "Jun", "Xin", "Yuwen", "Haoran",
            "Jiayi", "Mingyue", "Zhenhai", "Xiaomei", "Wenjing", "Qiaoyun", "Kairui", "Ruifang")
WEST_GIVEN = ("Maria", "Daniel", "Ethan", "Claire", "Nora", "Martin", "Priya", "Anita", "Henri", "Sofia",
              "Lucas", "Amara", "Tomas", "Ingrid", "Rafael", "Leila", "Oscar", "Helen", "Jonas", "Camille")
WEST_FAMILY = ("Okafor", "Reyes", "Marlowe", "Delmas", "Whitfield", "Quinn", "Breslin", "Lemaire", "Novak",
               "Harcourt", "Vasseur", "Alvarado", "Lindqvist", "Moreau", "Tanaka", "Osei", "Petrov", "Duarte",
               "Fischer", "Nakamura")
OUTLETS = ("china-daily", "xinhua", "global-times", "peoples-daily", "cgtn", "reuters", "ap", "afp")
HOSTS = {"china-daily": "https://www.chinadaily.com.cn/a/", "xinhua": "http://www.news.cn/english/",
         "global-times": "https://www.globaltimes.cn/page/", "peoples-daily": "http://en.people.cn/n3/",
         "cgtn": "https://news.cgtn.com/news/", "reuters": "https://www.reuters.com/article/",
         "ap": "https://apnews.com/article/", "afp": "https://www.afp.com/en/news/"}
NAMES = {"china-daily": "China Daily", "xinhua": "Xinhua", "global-times": "Global Times",
         "peoples-daily": "People's Daily", "cgtn": "CGTN", "reuters": "Reuters", "ap": "AP", "afp": "AFP"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
BLOGS = 40  # republishing sites; each carries many stories, as real ones do
# Story i is stamped START + 17*i minutes (+ jitter): distinct and in order. The files print the wall-clock
# fields only, read as the outlet's local time.
START = datetime(2019, 1, 1, 6, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Site:
    """A republishing site: a Blogger/WordPress blog or a news portal."""

    name: str
    host: str
    handle: str
    signature: tuple[str, ...]  # the site's own repeated lines (learned as furniture by feeder)


@dataclass(frozen=True)
class Story:
    index: int
    outlet: str
    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]
    stamp: datetime  # the outlet's local time
    city: str
    site: Site
    slug: str


def _sentence(rng: random.Random, words: int) -> str:
    pool = [*FILLERS, *FILLERS, *NOUNS, *ADJECTIVES]
    body = [rng.choice((*NOUNS, *ADJECTIVES)), *(rng.choice(pool) for _ in range(words - 1))]
    body.insert(rng.randrange(2, words), rng.choice(PAST))
    return " ".join(body).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    target, out = rng.randint(40, 90), []
    while sum(len(s.split()) for s in out) < target - 8:
        out.append(_sentence(rng, rng.randint(8, 18)))
    if rng.random() < 0.25:
        speaker = f"{rng.choice(WEST_GIVEN)} {rng.choice(WEST_FAMILY)}"
        out.append(f"\u201c{_sentence(rng, rng.randint(6, 12))[:-1]},\u201d said {speaker}.")
    return " ".join(out)


def _person(rng: random.Random, outlet: str) -> str:
    if outlet in ("china-daily", "xinhua", "global-times", "peoples-daily", "cgtn"):
        return f"{rng.choice(CN_FAMILY)} {rng.choice(CN_GIVEN)}"
    return f"{rng.choice(WEST_GIVEN)} {rng.choice(WEST_FAMILY)}"


def _title(rng: random.Random, index: int) -> str:
    """Distinct by construction: three noun slots spell the index in base len(NOUNS)."""
    k = len(NOUNS)
    code = (index * 7919 + 4241) % k**3  # a bijection on 0..k**3-1 (7919 is prime), so neighbours differ
    a, b, c = NOUNS[code % k], NOUNS[code // k % k], NOUNS[code // k // k]
    return (f"{rng.choice(PLACES)} {a} {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} {b} "
            f"as {c} {rng.choice(FILLERS[28:43])} return")


def site(number: int, seed: int, furnished: float = 0.5) -> Site:
    rng = random.Random(f"site:{seed}:{number}")
    words = [rng.choice(NOUNS).capitalize() for _ in range(2)]
    name = f"{words[0]} {words[1]} {rng.choice(('Notes', 'Digest', 'Journal', 'Ledger', 'Bulletin'))}"
    host = f"{words[0].lower()}{words[1].lower()}{number}.example.com"
    lines = ()
    if number < furnished * BLOGS:  # sites that carry their own furniture, as the boilerplate fixtures do
        lines = (f"{name} is reader-supported: {_sentence(rng, 12)}", f"Sponsored: {_sentence(rng, 14)}")
    return Site(name, host, f"{rng.choice(WEST_GIVEN).lower()}_{rng.randint(1, 99)}", lines)


def story(index: int, seed: int, furnished: float = 0.5) -> Story:
    rng = random.Random(f"story:{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    title = _title(rng, index)
    paragraphs = tuple(_paragraph(rng) for _ in range(rng.randint(4, 10)))
    authors = tuple(_person(rng, outlet) for _ in range(rng.choice((0, 1, 1, 1, 2))))
    if outlet in ("ap", "afp", "reuters", "peoples-daily", "china-daily") and not authors:
        authors = (_person(rng, outlet),)
    if outlet in ("xinhua", "cgtn"):
        authors = ()  # agency copy: no person byline
    stamp = START + timedelta(minutes=17 * index + rng.randrange(17))
    slug = "-".join(title.lower().split()[:6]) + f"-{index}"
    return Story(index, outlet, title, paragraphs, authors, stamp, rng.choice(CITIES[outlet]),
                 site(rng.randrange(BLOGS), seed, furnished), slug)


# --- the outlets' credit lines: (lines before the story, dateline prefix, lines after) ----------------------

def _month_day(t: datetime) -> str:
    return f"{MONTHS[t.month - 1]} {t.day}"


def _ampm(t: datetime) -> str:
    return t.strftime("%I:%M %p")


def credit(s: Story) -> tuple[list[str], str, list[str]]:
    t, by = s.stamp, " and ".join(s.authors)
    match s.outlet:
        case "china-daily" if s.index % 2:
            return [f"By {by.upper()} | chinadaily.com.cn | Updated: {t:%Y-%m-%d %H:%M}"], "", []
        case "china-daily":  # the seed shape: dateline, and the credit's outlet field lost
            return [], "(China Daily) ", [f"Source: By {by} | | Updated: {t:%Y-%m-%d %H:%M}"]
        case "xinhua":
            editor = _person(random.Random(s.index), "xinhua")
            return ([], f"{s.city}, {_month_day(t)} (Xinhua) -- ",
                    [f"Source: Xinhua| {t:%Y-%m-%d %H:%M:%S}|Editor: {editor}"])
        case "global-times":
            head = [f"By {by}"] if s.authors else []
            return [*head, f"Published: {t:%b %d, %Y} {_ampm(t)}"], "", ["Source: Global Times"]
        case "peoples-daily":
            return [f"By {by} (People's Daily) {t:%H:%M}, {MONTHS[t.month - 1]} {t:%d, %Y}"], "", []
        case "cgtn":
            return [f"Updated {t:%H:%M, %d-%b-%Y}", "CGTN"], "", []
        case "reuters":
            return ([f"By {by}", f"{_month_day(t)}, {t.year} {_ampm(t)} UTC"], f"{s.city} (Reuters) - ",
                    [f"Reporting by {by}; Editing by {_person(random.Random(s.index), 'reuters')}"])
        case "ap":
            return [f"By {by.upper()}", f"{_month_day(t)}, {t.year} {_ampm(t)}"], f"{s.city} (AP) \u2014 ", []
        case _:
            names = " and ".join(f"{a.split()[0]} {a.split()[1].upper()}" for a in s.authors)
            return ([f"By {names}", f"Published: {t.day} {MONTHS[t.month - 1]} {t.year} {t:%H:%M}"],
                    f"{s.city} (AFP) - ", ["Source: AFP"])


def _with_signature(s: Story) -> list[str]:
    """Story paragraphs with the site's own lines placed between them, as the boilerplate fixtures do."""
    body = list(s.paragraphs)
    rng = random.Random(f"place:{s.index}")
    for line in s.site.signature:
        body.insert(rng.randrange(2, len(body) + 1), line)
    return body


# --- the file shapes ----------------------------------------------------------------------------------------

def blogger_text(s: Story) -> str:
    """A Blogger page saved as text: header furniture, blog date, repeated headline, credit, footer."""
    head, dateline, tail = credit(s)
    body = _with_signature(s)
    body[0] = dateline + body[0]
    posted = s.stamp + timedelta(days=1)
    blocks = [f"{s.title} - {s.site.name}\n", f"By {s.site.handle}", "test banner", "Post Top Ad",
              "Responsive Ads Here", f"{MONTHS[posted.month - 1]} {posted.day}, {posted.year}", s.title,
              *(["\n".join(head)] if head else []), *body, *tail,
              "Labels: News, World", "No comments:", "Post a Comment",
              "Newer Post Older Post Home\nSubscribe to: Post Comments (Atom)", "Post Top Ad\nResponsive Ads Here"]
    return "\n\n".join(blocks) + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _menu(items: tuple[str, ...]) -> str:
    return "".join(f'<li class="menu-item"><a href="/{i.lower()}/">{i}</a></li>' for i in items)


SCRIPTS = ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
           "gtag('js',new Date());gtag('config','UA-000000-1');</script>\n"
           "<script src=\"/wp-includes/js/jquery/jquery.min.js?ver=3.5.1\"></script>\n")


def wordpress_html(s: Story) -> str:
    """A WordPress theme page: head meta, nav, entry content with the credit, share, related, comments, sidebar."""
    head, dateline, tail = credit(s)
    body = _with_signature(s)
    body[0] = dateline + body[0]
    url = f"https://{s.site.host}/{s.stamp:%Y/%m/%d}/{s.slug}/"
    posted = (s.stamp + timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    original = f"{HOSTS[s.outlet]}{s.stamp:%Y%m%d}/{s.slug}.html"
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in [*head, *body, *tail])
    related = "".join(f'<li><a href="/{s.index - n}/">{_e(_title(random.Random(n), s.index + n))}</a></li>'
                      for n in range(1, 4))
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(s.title)} &#8211; {_e(s.site.name)}</title>
<link rel="canonical" href="{url}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{_e(s.title)}" />
<meta property="og:url" content="{url}" />
<meta property="og:site_name" content="{_e(s.site.name)}" />
<meta property="article:published_time" content="{posted}" />
<meta name="author" content="{_e(s.site.handle)}" />
<meta name="generator" content="WordPress 6.1" />
<link rel='stylesheet' href='/wp-content/themes/newsup/style.css?ver=1.2' type='text/css' media='all' />
{SCRIPTS}</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
 <div class="site-branding"><p class="site-title"><a href="/" rel="home">{_e(s.site.name)}</a></p>
 <p class="site-description">News from around the world, curated</p></div>
 <nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button>
 <ul id="primary-menu" class="menu">{_menu(("Home", "World", "Business", "Tech", "About", "Contact"))}</ul></nav>
</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{s.index}" class="post-{s.index} post type-post status-publish hentry">
 <header class="entry-header">
  <h1 class="entry-title">{_e(s.title)}</h1>
  <div class="entry-meta"><span class="posted-on">Posted on <a href="{url}" rel="bookmark">
   <time class="entry-date published" datetime="{posted}">{_month_day(s.stamp)}, {s.stamp.year}</time></a></span>
   <span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{s.site.handle}/">{
   _e(s.site.handle)}</a></span></span></div>
 </header>
 <div class="entry-content">
{paras}
<p>Read the original at <a href="{original}" target="_blank" rel="noopener">{_e(NAMES[s.outlet])}</a>.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li class="share-twitter"><a href="{url}?share=twitter">Twitter</a></li>
<li class="share-facebook"><a href="{url}?share=facebook">Facebook</a></li></ul></div>
<div class="sharedaddy sd-like"><h3 class="sd-title">Like this:</h3><span class="loading">Loading...</span></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<ul>{related}</ul></div>
 </div>
 <footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/world/">World</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><a href="/{s.index - 1}/" rel="prev">Previous</a>
<a href="/{s.index + 1}/" rel="next">Next</a></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-comment"><label for="comment">Comment</label>
<textarea id="comment" name="comment"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p>
</form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" method="get" class="search-form" action="/">
<input type="search" class="search-field" placeholder="Search &hellip;" name="s" /></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{related}</ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>
<li><a href="/{s.stamp:%Y/%m}/">{MONTHS[s.stamp.month - 1]} {s.stamp.year}</a></li></ul></section>
<section class="widget widget_text"><h2 class="widget-title">Subscribe</h2>
<div class="textwidget"><p>Get new posts by email. No spam, unsubscribe at any time.</p></div></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; {s.stamp.year} {_e(s.site.name)}.
All rights reserved. <a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer>
</div>
<script src="/wp-includes/js/wp-embed.min.js?ver=6.1"></script>
</body>
</html>
"""


def portal_html(s: Story) -> str:
    """A news portal reprint: ticker, ad slots, the outlet's credit badge, tags, share row, most read, footer."""
    head, dateline, tail = credit(s)
    body = _with_signature(s)
    body[0] = dateline + body[0]
    url = f"https://www.{s.site.host}/news/{s.stamp:%Y/%m/%d}/{s.slug}.html"
    lines = head if s.outlet in ("china-daily", "peoples-daily", "cgtn") else [
        *([f"By {' and '.join(s.authors)}"] if s.authors else []),
        f"{NAMES[s.outlet]} | Updated: {s.stamp:%Y-%m-%d %H:%M}"]
    badge = "".join(f'<div class="credit">{_e(line)}</div>' for line in lines)
    added = s.stamp + timedelta(hours=3)
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in [*body, *tail])
    most = "".join(f"<li><a href=\"/news/{n}\">{_e(_title(random.Random(n), n))}</a></li>" for n in range(3))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_e(s.title)} | {_e(s.site.name)}</title>
<link rel="canonical" href="{url}">
<meta property="og:url" content="{url}">
<meta property="og:title" content="{_e(s.title)}">
<meta property="og:site_name" content="{_e(s.site.name)}">
<link rel="stylesheet" href="/static/css/portal.min.css?v=20210301">
<script async src="https://securepubads.example.net/tag/js/gpt.js"></script>
{SCRIPTS}</head>
<body class="story-page">
<div class="top-bar"><a href="/login">Log in</a> <a href="/newsletter">Newsletter</a></div>
<header class="masthead"><a class="brand" href="/">{_e(s.site.name)}</a>
<ul class="sections">{_menu(("China", "Asia", "World", "Business", "Tech", "Sport"))}</ul></header>
<div class="ticker"><strong>Breaking:</strong> <a href="/news/1">{_e(_title(random.Random(7), s.index + 7))}</a></div>
<div class="ad-slot leaderboard">Advertisement</div>
<div class="layout"><div class="col-main">
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ol>
<h1 class="story-title">{_e(s.title)}</h1>
<div class="story-meta">{badge}
<div class="added">Added to {_e(s.site.name)}: {added.day} {MONTHS[added.month - 1]} {added.year},
{added:%H:%M} GMT</div></div>
<div class="story-body">
{paras}
<div class="ad-slot inarticle">Advertisement</div>
</div>
<div class="story-tags">Tags: <a href="/tag/world">world</a> <a href="/tag/{s.outlet}">{s.outlet}</a></div>
<div class="share-row">Share: <a href="#">WhatsApp</a> <a href="#">Facebook</a> <a href="#">X</a></div>
<section class="more-from"><h3>More from {_e(NAMES[s.outlet])}</h3><ul>{most}</ul></section>
</div>
<aside class="col-side"><h3>Most Read</h3><ol>{most}</ol>
<div class="newsletter-box"><h4>Subscribe to our morning briefing</h4>
<form><input type="email"><button>Sign up</button></form></div>
</aside></div>
<footer class="site-footer"><p>{_e(s.site.name)} aggregates news from wire services and partner publications.</p>
<p>&copy; {s.stamp.year} {_e(s.site.name)} &middot; <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""


def outlet_html(s: Story) -> str:
    """The outlet's own page: JSON-LD NewsArticle, canonical URL on the outlet's domain, byline, read-next."""
    _, dateline, tail = credit(s)
    body = list(s.paragraphs)
    body[0] = dateline + body[0]
    url = f"{HOSTS[s.outlet]}{s.stamp:%Y%m%d}/{s.slug}.html"
    offset = {"reuters": "+00:00", "ap": "-05:00", "afp": "+01:00"}.get(s.outlet, "+08:00")
    published = s.stamp.strftime("%Y-%m-%dT%H:%M:%S") + offset
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.title, "url": url,
          "datePublished": published, "dateModified": published,
          "author": [{"@type": "Person", "name": a} for a in s.authors] or {"@type": "Organization",
                                                                           "name": NAMES[s.outlet]},
          "publisher": {"@type": "Organization", "name": NAMES[s.outlet]}}
    paras = "\n".join(f'<p class="paragraph">{_e(p)}</p>' for p in [*body, *tail])
    byline = f'<div class="byline">By {_e(", ".join(s.authors))}</div>' if s.authors else ""
    read_next = "".join(f"<li><a href=\"{HOSTS[s.outlet]}{n}\">{_e(_title(random.Random(n), n))}</a></li>"
                        for n in range(3))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>{_e(s.title)} | {_e(NAMES[s.outlet])}</title>
<link rel="canonical" href="{url}"/>
<meta property="og:site_name" content="{_e(NAMES[s.outlet])}"/>
<meta property="og:type" content="article"/>
<meta property="og:title" content="{_e(s.title)}"/>
<meta property="og:url" content="{url}"/>
<script type="application/ld+json">{json.dumps(ld)}</script>
{SCRIPTS}</head>
<body>
<header class="site-header"><a class="site-header__logo" href="/">{_e(NAMES[s.outlet])}</a>
<nav class="site-header__nav"><ul>{_menu(("World", "Business", "Markets", "Technology", "Sports"))}</ul></nav>
<a href="/account/sign-in/">Sign In</a></header>
<main id="main-content"><article class="article">
<div class="article-header"><h1 class="headline">{_e(s.title)}</h1>{byline}
<time datetime="{published}">{_month_day(s.stamp)}, {s.stamp.year} {_ampm(s.stamp)}</time></div>
<div class="article-body">
{paras}
</div></article>
<aside class="read-next"><h2>Read Next</h2><ul>{read_next}</ul></aside></main>
<footer class="site-footer"><p>&copy; {s.stamp.year} {_e(NAMES[s.outlet])}. All Rights Reserved.</p></footer>
</body>
</html>
"""


HTML_SHAPES = (wordpress_html, wordpress_html, portal_html, outlet_html)


@dataclass(frozen=True)
class Spec:
    """What a corpus is made of, besides its size: the text share, the share of sites with own furniture, the seed."""

    text_share: float = 0.7
    furnished: float = 0.5
    seed: int = 1

    @property
    def label(self) -> str:
        return f"text{round(self.text_share * 100)}-furn{round(self.furnished * 100)}-seed{self.seed}"


def render(index: int, spec: Spec) -> tuple[str, str]:
    """File name and content of story ``index``: a text dump with probability ``text_share``, else a page."""
    s = story(index, spec.seed, spec.furnished)
    rng = random.Random(f"shape:{spec.seed}:{index}")
    stem = f"{index:06d}-{s.slug[:40].rstrip('-')}"
    if rng.random() < spec.text_share:
        return f"{stem}.txt", blogger_text(s)
    return f"{stem}.html", rng.choice(HTML_SHAPES)(s)


def write_files(folder: Path, indices: range, spec: Spec) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in indices:
        name, text = render(index, spec)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def corpus(out: Path, n: int, spec: Spec) -> Path:
    """The inbox folder of an n-file corpus, generated once and cached under out/ by (n, spec)."""
    folder = out / "corpus" / f"n{n}-{spec.label}"
    done = folder / "COMPLETE"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_files(folder / "inbox", range(n), spec)
        done.write_text(f"{n} files\n", encoding="utf-8")
    return folder / "inbox"
