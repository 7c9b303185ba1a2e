"""Extract a Page from a saved HTML page: metadata from meta tags and JSON-LD, text from the main content.

This is the only module that imports BeautifulSoup.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from feeder.extract import rules
from feeder.extract.dates import find_dates
from feeder.extract.lines import (
    Hints,
    IsOutlet,
    Line,
    headline_above_byline,
    is_date_line,
    is_prose,
    read_lines,
    split_title,
)
from feeder.fold import fold_text
from feeder.records import Clue, DateClue, DateRole, Page
from feeder.sources import host_of

# Elements that never hold story text: scripts, styles, forms and controls, navigation, media and the head.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "svg", "button", "input",
             "select", "textarea", "nav", "aside", "footer", "object", "embed", "canvas", "video",
             "audio", "picture", "img", "link", "meta", "head")
# Class and id words of furniture containers (share rows, related lists, sidebars, ads, menus, footers,
# capture-day date widgets); some are one platform's own class names: Jetpack "sharedaddy"/"jp-relatedposts",
# AdSense "adsbygoogle", Blogger "blog-pager"/"feed-links", WordPress "screen-reader-text"/"skip-link"/"tagcloud".
FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|social|related|recommend\w*|comments?|respond|"
    r"sidebar|widgets?|advert\w*|ads?|adsbygoogle|ad-?slot|banner|promo\w*|subscribe|newsletter|"
    r"footer|navbar|nav|navigation|menu|breadcrumbs?|popular|trending|cookie\w*|modal|popup|"
    r"signup|jp-relatedposts|post-navigation|pagination|author-box|author-bio|tagcloud|"
    r"blog-pager|feed-links|skip-link|screen-reader-text|today|current-date|ticker|"
    r"top-bar|topbar|masthead)(?:$|[\s_-])", re.I)
# Block-level elements: a line of the page is cut at each of them.
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
                   "dt", "dd", "pre", "address", "div", "cite", "section", "article", "header",
                   "main", "ul", "ol", "table", "tr", "td", "th", "figure", "tbody", "dl", "center"})
# Story containers, most specific first: schema.org articleBody, WordPress ".entry-content", Blogger ".post-body",
# common theme classes (".post-content", ".article-body", ".story-body"…), the tagDiv Newspaper theme's
# ".td-post-content", Drupal 7/8 ".field-name-body"/".field--name-body", then the generic <article> and <main>.
CONTENT_SELECTORS = ("[itemprop=articleBody]", ".entry-content", ".post-body", ".post-content",
                     ".article-body", ".article-content", ".story-body", ".story-content",
                     "#articleBody", ".td-post-content", ".content-body", ".field-name-body", ".field--name-body",
                     "article", "main")
# The named story containers (not the generic <article>/<main>): a furniture-sounding wrapper around one
# of them ("widget Blog" on Blogger themes) is layout, not furniture. Checked by hand in the one tree pass.
STORY_CLASSES = frozenset(s[1:] for s in CONTENT_SELECTORS if s.startswith("."))
# Words from which a named content container holds a story, not a snippet card with a content class.
STORY_CONTAINER_WORDS = 50
_ISO_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_FULL_STAMP = re.compile(r"\d{4}.{0,12}\d{1,2}:\d{2}")
# The account that posted the page, named by the markup: "user-name", "author__name", Telegram's "from_name".
ACCOUNT_NAME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:user|author|profile|account|channel|from)[-_]{0,2}name(?:$|[\s_-])", re.I)
# A page title that is no headline: the question on a Q&A page, a two-word export or app name.
GENERIC_TITLE_WORDS = 2
# schema.org types (JSON-LD "@type") of a page that carries one story or post.
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                           "AnalysisNewsArticle", "WebPage", "OpinionNewsArticle",
                           "DiscussionForumPosting", "SocialMediaPosting"})


def extract_html(text: str, is_outlet: IsOutlet, outlet_url: IsOutlet) -> Page | None:
    """The Page in a saved HTML document, or None when it has no title at all."""
    with warnings.catch_warnings():
        # bs4 warns about markup that looks like a file name or URL; a page is a page.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "lxml")
    meta = _meta(soup)
    ld = _json_ld(soup)
    zone = rules.PAGE_ZONE.search(soup.get_text(" "))
    _drop_hidden(soup)
    tags = _tags(soup)
    post = _first_post(tags)
    if post is not None:
        tags = _tags(soup)  # replies were removed: walk the tree again
    marks = _marks(tags)
    _drop_furniture(soup, post, tags)
    container = (_densest(_tags(post)) or post) if post is not None else _container(soup)
    title = _headline(soup, meta, ld, is_outlet, container)
    if not title:
        return None
    # A thread's title names the thread; a story pasted in its first post opens with its own headline.
    lead = _lead_bold(container) if container is not None and (post or _not_a_headline(title)) else None
    outlet_page = _outlet_page(meta, ld, is_outlet, outlet_url)
    inside, own, closing = _body_regions(container, marks, outlet_page)
    lines = list(_lines(soup.body or soup, inside))
    title, lines, feed_stamp = _unglued_feed_stamp(title, lines)
    if lead is None and post is not None:
        lead = _opening_headline(lines)
    if lead is None and container is not None and _only_a_date(title):
        lead = _heading_inside(container)  # a daily post titled by its date: the story has its own heading
    if lead is None and (above := headline_above_byline(lines, title)) is not None and above != title:
        lead = above  # <title> named the container (an email's subject, a document's name), not the story
    hints = _hints(soup, meta, ld, lead or title, is_outlet, outlet_url, own, closing, outlet_page)
    # A headline inside the content (a quoted story) has the post's own header above it: read that too.
    hints = replace(hints, page_zone=zone.group(1) if zone else None, skip_before_title=lead is None,
                    dates=hints.dates + ((feed_stamp,) if feed_stamp else ()))
    return read_lines(lines, lead or title, hints, is_outlet)


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    tags = _tags(soup)
    for tag in (t for t in tags if t.name == "meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.lower().strip(), " ".join(content.split()))
    for tag in (t for t in tags if t.name == "link" and t.has_attr("rel")):
        href = tag.get("href")
        if "canonical" in (tag.get("rel") or []) and isinstance(href, str):
            found.setdefault("canonical", href.strip())
    if soup.title and soup.title.string:
        found.setdefault("title", " ".join(soup.title.string.split()))
    return found


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (looking inside @graph and lists)."""
    for script in (t for t in _tags(soup) if t.name == "script" and t.get("type") == "application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if ARTICLE_TYPES.intersection(k for k in kinds if isinstance(k, str)):
                return item
    return {}


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    stack = deque([data])
    while stack:
        item = stack.popleft()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])


def _tags(root: Tag) -> list[Tag]:
    """The elements below root in document order.

    Walking ``descendants`` is a plain linked-list walk; ``find_all(True)`` does the same walk
    through bs4's filter machinery, several times slower, and this module needs it often.
    """
    return [node for node in root.descendants if isinstance(node, Tag)]


def _decompose(root: Tag, doomed: Callable[[Tag], bool], tags: list[Tag] | None = None) -> None:
    """Remove every element ``doomed`` picks, with what is inside it.

    The elements inside a removed one are skipped without being touched: bs4 wipes them, and any
    attribute read on a wiped element turns into a search of the tree.
    """
    gone: set[int] = set()
    for tag, parent in [(t, id(t.parent)) for t in (_tags(root) if tags is None else tags)]:
        if parent in gone:
            gone.add(id(tag))
        elif doomed(tag):
            gone.add(id(tag))
            tag.decompose()


def _drop_hidden(soup: BeautifulSoup) -> None:
    """Remove what a reader never sees as story text: scripts, forms (not a post wrapped in one), media,
    navigation, HTML comments."""
    tags = _tags(soup)
    in_article = _inside(tags, "article")
    # A <footer> inside an <article> is the post's own meta row ("Submitted by X on <time>"), not the site's.
    _decompose(soup, lambda t: t.name in DROP_TAGS and not (t.name == "footer" and id(t) in in_article) and not (
        t.name == "form" and _holds_prose(t)), tags)
    for node in [n for n in soup.descendants if isinstance(n, Comment | Declaration | Doctype |
                                                           ProcessingInstruction)]:
        node.extract()


# Words of one paragraph from which a <form> is a post's wrapper (some forum themes put every post in one).
FORM_PROSE_WORDS = 20


def _holds_prose(form: Tag) -> bool:
    return any(len(_text(p).split()) >= FORM_PROSE_WORDS for p in _tags(form) if p.name == "p")


def _drop_furniture(soup: BeautifulSoup, post: Tag | None, tags: list[Tag]) -> None:
    """Remove furniture-classed elements (tags: the tree's elements, in document order, unchanged since)."""
    kept, dated = _kept(tags)
    if post is not None:  # a thread's first post holds the story, whatever its wrappers' classes say
        kept.update(id(t) for t in (*_tags(post), post, *post.parents))
    _decompose(soup, lambda t: _is_furniture(t, kept), tags)
    tags = _tags(soup)
    in_p, in_time = _inside(tags, "p"), _inside(tags, "time")
    # a <time> inside a <time> is skipped: setting .string costs a walk to the root in bs4
    for time in (t for t in tags if t.name == "time" and t.has_attr("datetime") and id(t) not in in_time):
        stamp = time.get("datetime")
        if isinstance(stamp, str) and _ISO_WITH_TIME.match(stamp.strip()) and id(time) not in in_p:
            time.string = stamp.strip()  # the machine-readable stamp carries the time and offset
    for tag in dated:
        if tag.attrs is None or tag.decomposed:
            continue  # dropped with the furniture around it
        machine = tag.get("datetime")
        if isinstance(machine, str) and _ISO_WITH_TIME.match(machine.strip()):
            continue  # the machine-readable stamp, with its offset, beats a tooltip in local time
        full = tag.get("title")
        if isinstance(full, str) and _FULL_STAMP.search(full) and rules.DATE_HINT.search(full):
            tag.string = full.strip()  # "18:42" shown, "15.09.2021 18:42:11 UTC+03:00" in the tooltip


def _kept(tags: list[Tag]) -> tuple[set[int], list[Tag]]:
    """Ids of the elements never dropped as furniture (holding the <h1> or the story container), and the
    date elements with a title attribute; one pass from the leaves (tag.find() is O(depth))."""
    kept: set[int] = set()
    dated: list[Tag] = []
    for tag in reversed(tags):
        parent = tag.parent
        if parent is None:
            continue
        if tag.name == "h1" or id(tag) in kept:
            kept.add(id(parent))
        elif _is_story_container(tag) and _text_words(tag) >= STORY_CONTAINER_WORDS:  # not a snippet card
            kept.update((id(tag), id(parent)))
        if tag.attrs and "title" in tag.attrs and "date" in str(tag.get("class")):
            dated.append(tag)
    return kept, dated


def _is_story_container(tag: Tag) -> bool:
    if not tag.attrs:
        return False
    classes = tag.get("class")
    return (isinstance(classes, list) and not STORY_CLASSES.isdisjoint(classes)) or (
        "articleBody" in (tag.get("id"), tag.get("itemprop")))


def _text_words(tag: Tag) -> int:
    return len(tag.get_text(" ").split())


def _inside(tags: list[Tag], name: str) -> set[int]:
    """Ids of the elements inside a <name>, in one pass from the root (find_parent() is O(depth))."""
    found: set[int] = set()
    for tag in tags:  # document order: a parent before its children
        parent = tag.parent
        if parent is not None and (parent.name == name or id(parent) in found):
            found.add(id(tag))
    return found


def _is_furniture(tag: Tag, kept: set[int]) -> bool:
    if tag.name in ("body", "html", "article", "main") or tag.attrs is None:
        return False
    classes = tag.get("class")
    names = list(classes) if isinstance(classes, list) else [str(classes or "")]
    words = " ".join([*names, str(tag.get("id") or "")]).strip()
    return bool(words) and bool(FURNITURE_ATTR.search(words)) and id(tag) not in kept


# A forum thread: sibling posts (the same element and first class), each with its poster's name or its time.
POST_MARK_ATTR = re.compile(r"author|user|member|poster|profile|creator|(?:^|[\s_-])(?:date|time)", re.I)
SIGNATURE_ATTR = re.compile(r"signature", re.I)
# Words the first post must hold to be the thread's story; a shorter one only introduces a longer post.
MIN_FIRST_POST_WORDS = 60


def _first_post(tags: list[Tag]) -> Tag | None:
    """The post holding a forum thread's story (the first one, with its paste), without the replies
    and signatures around it; None when the page's prose is not in a thread of posts."""
    if any(_is_story_container(t) for t in tags):
        return None  # a named story container holds the story (in a thread, the first post's)
    best = _densest(tags)
    posts = _thread_posts(best) if best is not None else []
    if not posts:
        return None
    first = posts[0] if _text_words(posts[0]) >= MIN_FIRST_POST_WORDS else _holding(posts, best)
    for other in posts:
        if other is not first:
            other.decompose()
    _decompose(first, lambda t: bool(SIGNATURE_ATTR.search(_attr_words(t))))
    return first


def _holding(posts: list[Tag], node: Tag | None) -> Tag:
    """The post that holds node (the densest prose), else the first."""
    ancestors = {id(a) for a in node.parents} | {id(node)} if node is not None else set()
    return next((p for p in posts if id(p) in ancestors), posts[0])


def _thread_posts(best: Tag) -> list[Tag]:
    """The sibling posts around the densest block: the nearest ancestor repeated as its own siblings."""
    for node in (best, *best.parents):
        parent = node.parent
        key = _post_key(node)
        if parent is None or key is None:
            continue
        posts = [c for c in parent.children if isinstance(c, Tag) and _post_key(c) == key]
        # Layout columns and widget lists repeat too; the furniture ones (a sidebar beside the content) are
        # no posts, and a post names its poster or its time.
        if len(posts) >= 2 and all(_marked_post(p) for p in posts[:2]) and not any(
                FURNITURE_ATTR.search(_attr_words(p)) for p in posts):
            return posts
    return []


def _post_key(tag: Tag) -> tuple[str, str] | None:
    classes = tag.get("class") if tag.attrs else None
    return (tag.name, classes[0]) if isinstance(classes, list) and classes else None


def _marked_post(post: Tag) -> bool:
    """A post names its poster or its time: a <time>, or an element classed for either."""
    return any(t.name == "time" or POST_MARK_ATTR.search(_attr_words(t)) for t in _tags(post))


def _attr_words(tag: Tag) -> str:
    """A tag's class, id and data-role, as one string of words."""
    if not tag.attrs:
        return ""
    classes = tag.get("class")
    names = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    return f"{names} {tag.get('id') or ''} {tag.get('data-role') or ''}"


# Regions whose names and dates belong to other posts or to the site: comments, replies, sidebars,
# related and popular lists, today's-date widgets, menus.
OTHER_POSTS_ATTR = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|respond|repl(?:y|ies)|sidebar|related|recommend\w*|popular|trending|"
    r"today|current-date|ticker|breadcrumbs?|menu|nav\w*|widget-area|footer-widgets?|share|sharing|"
    r"social)(?:$|[\s_-])", re.I)
# Theme classes naming the account that posted the page ("post-author", "entry-author"); a "byline" class
# is left to the text reader: portals print the story's own byline in it.
AUTHOR_ATTR = re.compile(r"(?:^|[\s_-])(?:author|creator|poster|writer)(?:$|[\s_-])", re.I)
UPDATED_ATTR = re.compile(r"updated|modified", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HATOM_DATE = re.compile(r"published|updated")
_PROPERTY_DATE = re.compile(r"date(?:Published|Modified|Created)|dc:(?:date|created|issued|modified)")
_NAME_LABEL = re.compile(r"^(?:(?:posted|written|published|submitted)\s+)?by\s+|^(?:author|autor|auteur)\s*[:：]\s*",
                         re.I)
_SEVERAL_NAMES = re.compile(r",|&|\band\b|\bund\b|\bet\b|\by\b|、", re.I)
# An author's name, as printed: a few words, no digits.
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class _Marks:
    """Bylines and stamps the markup names (microdata, hCard/hAtom, rel=author, RDFa), read before furniture goes."""

    authors: tuple[tuple[Tag, Clue], ...] = ()
    dates: tuple[tuple[Tag, DateClue], ...] = ()


def _marks(tags: list[Tag]) -> _Marks:
    """One pass from the root (tags in document order), skipping the regions of other posts and of the site."""
    other: set[int] = set()
    authors: list[tuple[int, int, Tag, str]] = []
    dates: list[tuple[Tag, DateClue]] = []
    for n, tag in enumerate(tags):
        parent = tag.parent
        if parent is not None and id(parent) in other:
            other.add(id(tag))
            continue
        attrs = tag.attrs
        if not attrs:
            continue
        words = _attr_words(tag)
        if tag.name not in ("body", "html") and OTHER_POSTS_ATTR.search(words):  # body classes name the layout
            other.add(id(tag))
        elif (tag.name in _MARKED or not _PLAIN_ATTRS.issuperset(attrs) or AUTHOR_ATTR.search(words)
              or "fn" in words.split()) and len(authors) + len(dates) < MAX_MARKS:
            _mark(tag, n, words, authors, dates)
    authors.sort(key=lambda found: found[:2])
    return _Marks(tuple((t, Clue(name, f"markup: {_describe(t)}")) for _, _, t, name in authors), tuple(dates))


# Marked names and stamps read on one page: a page's own post has a few; the bound keeps hostile nesting linear.
MAX_MARKS = 40
# Elements and attributes that may mark a byline or a stamp; an element with only plain ones is skipped fast.
_MARKED = frozenset({"time", "abbr"})
_PLAIN_ATTRS = frozenset({"class", "id", "style", "href", "src", "alt", "title", "target", "lang", "dir",
                          "width", "height", "data-role"})


def _mark(tag: Tag, n: int, words: str, authors: list[tuple[int, int, Tag, str]],
          dates: list[tuple[Tag, DateClue]]) -> None:
    if (rank := _author_rank(tag, words)) is not None and (name := _marked_name(tag)):
        authors.append((rank, n, tag, name))
    elif (clue := _marked_date(tag, words)) is not None:
        dates.append((tag, clue))


def _author_rank(tag: Tag, words: str) -> int | None:
    """How plainly the markup says "this is the author's name": microdata, rel=author, hCard, a class."""
    prop = tag.get("itemprop")
    if prop == "name" and isinstance(tag.parent, Tag) and tag.parent.get("itemprop") == "author":
        return 0
    if prop == "author":
        return 1
    if tag.name == "a" and "author" in (tag.get("rel") or ()):
        return 2
    classes = tag.get("class")
    if isinstance(classes, list) and "fn" in classes:
        return 3
    return 4 if AUTHOR_ATTR.search(words) else None


def _marked_name(tag: Tag) -> str | None:
    name = _NAME_LABEL.sub("", _text(tag)).strip(" ,;:|·-–—")
    words = name.split()
    # Several people ("A and B", "A, B") are the story's byline as a portal prints it, not the posting account.
    if _SEVERAL_NAMES.search(name) or not 1 <= len(words) <= MAX_NAME_WORDS or len(name) > 60 or (
            any(c.isdigit() for c in name) or not name[:1].isalpha()):
        return None
    return name


def _marked_date(tag: Tag, words: str) -> DateClue | None:
    """A machine-readable stamp: <time datetime>, hAtom <abbr class=published title>, microdata or RDFa dates."""
    attrs = tag.attrs
    prop = f"{attrs.get('itemprop') or ''} {attrs.get('property') or ''}" if (
        "itemprop" in attrs or "property" in attrs) else ""
    if tag.name == "time":
        value = attrs.get("datetime")
    elif tag.name == "abbr" and _HATOM_DATE.search(words):
        value = attrs.get("title")
    elif prop and _PROPERTY_DATE.search(prop):
        value = attrs.get("content") or attrs.get("datetime")
    else:
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        return None
    role: DateRole = "updated" if UPDATED_ATTR.search(f"{words} {prop}") else "published"
    return DateClue(value.strip(), f"markup: {_describe(tag)}", role)


def _describe(tag: Tag) -> str:
    found = [f"<{tag.name}"] + [f'{k}="{" ".join(v) if isinstance(v, list) else v}"'
                                for k, v in tag.attrs.items() if k in ("class", "itemprop", "rel", "property")]
    return " ".join(found) + ">"


def _headline(soup: BeautifulSoup, meta: Mapping[str, str], ld: Mapping[str, Any],
              is_outlet: IsOutlet, container: Tag | None) -> str | None:
    """The story's headline: a heading that og:title, JSON-LD or <title> names; else og:title, <h1>, <title>."""
    tags = [t for t in _tags(soup) if t.name in ("h1", "h2", "h3")]
    headings = [_text(h) for h in tags]
    folded = {fold_text(h): h for h in headings if h}
    page_title = meta.get("title") or ""
    head = split_title(page_title, headings, is_outlet)[0] if page_title else ""
    og = meta.get("og:title") or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
    og = split_title(og, headings, is_outlet)[0] if og else None
    for candidate in (og, head):
        if candidate and fold_text(candidate) in folded:
            return _unless_a_name(folded[fold_text(candidate)], tags, meta, is_outlet, container)
    h1 = next((t for t in tags if t.name == "h1"), None)
    found = og or (_text(h1) if isinstance(h1, Tag) else None) or head or None
    return _unless_a_name(found, tags, meta, is_outlet, container) if found else None


# An RSS item's pubDate glued to the end of its title by a feed-fed theme ("...influenceThu, 03 Oct 2024
# 11:26:50 GMT"): the feed's stamp of the original item, not part of the headline.
_GLUED_FEED_STAMP = re.compile(
    r"(?<=\S)\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})?"
    r" (?:GMT|UTC|[+-]\d{4}))$")


def _unglued_feed_stamp(title: str, lines: list[Line]) -> tuple[str, list[Line], DateClue | None]:
    """The headline without a feed stamp glued to it, and that stamp as the original item's."""
    found = _GLUED_FEED_STAMP.search(title)
    if found is None:
        return title, lines, None
    head = title[:found.start()].rstrip()
    lines = [replace(line, text=head) if line.text.strip() == title.strip() else line for line in lines]
    return head, lines, DateClue(found.group(1), "feed stamp glued to the headline", "published")


# A title ending on a preposition or article ("NRI in News from"): a feed's or section's label whose
# variable part was left out, never a story's headline.
_DANGLING = re.compile(r"\s(?:from|of|in|on|at|by|for|to|with|the|a|an|and)$", re.I)
# The words a date printed as a title may hold besides numbers: a month and a weekday.
DATE_TITLE_WORDS = 2
# A story's headline has a few words; a shorter heading above the story is a section's or a widget's.
MIN_HEADLINE_WORDS = 4
_TITLE_PARTS = re.compile(r"\s+(?:[|·»«~–—]|-|::)\s+")


def _unless_a_name(title: str, headings: list[Tag], meta: Mapping[str, str], is_outlet: IsOutlet,
                   container: Tag | None) -> str:
    """The headline, unless the title found names the site or an outlet (a blog's name in its <h1>, an
    aggregator's "CHINA DAILY" over an item): then the heading that is another part of the <title>, else
    the last heading above the story."""
    names = _site_names(headings, meta)
    if not _is_a_name(title, names, is_outlet) and not _DANGLING.search(title):
        return title
    parts = {fold_text(p) for p in _TITLE_PARTS.split(meta.get("title", ""))}
    texts = [(h, _text(h)) for h in headings]
    for _, text in texts:
        if fold_text(text) in parts and not _is_a_name(text, names, is_outlet) and len(text.split()) >= 2 and (
                not _DANGLING.search(text)):
            return text
    above = _above(headings, container)
    found = next((text for heading, text in reversed(texts) if id(heading) in above and (
        len(text.split()) >= MIN_HEADLINE_WORDS) and not _is_a_name(text, names, is_outlet)), None)
    inside = _heading_inside(container) if container is not None and _DANGLING.search(title) else None
    return found or inside or title


def _site_names(headings: list[Tag], meta: Mapping[str, str]) -> set[str]:
    """The site's name as the page prints it: og:site_name, and headings that link to the site's home."""
    names = {fold_text(meta.get("og:site_name", ""))}
    names.update(fold_text(_text(h)) for h in headings if _links_home(h))
    return names - {""}


def _links_home(heading: Tag) -> bool:
    for a in (t for t in (heading, *_tags(heading)) if t.name == "a"):
        href = a.get("href")
        if "home" in (a.get("rel") or ()) or (isinstance(href, str) and re.fullmatch(
                r"(?:https?://[^/?#]+)?/?(?:index\.\w+)?", href.strip())):
            return True
    return False


def _is_a_name(text: str, names: set[str], is_outlet: IsOutlet) -> bool:
    return fold_text(text) in names or (len(text) <= 60 and is_outlet(text))


def _above(headings: list[Tag], container: Tag | None) -> set[int]:
    """Ids of the headings that stand before the story container in the document."""
    if container is None:
        return set()
    inside = {id(t) for t in _tags(container)}
    found: set[int] = set()
    for heading in headings:
        if id(heading) in inside:
            break
        found.add(id(heading))
    return found


def _only_a_date(title: str) -> bool:
    """A title that is a date and nothing else ("24th of February 2011", "Monday, March 1, 2021")."""
    hits = find_dates(title)
    return bool(hits) and len(re.sub(r"[\W\d_]+|\b(?:of|the|de|on)\b", " ", title).split()) <= DATE_TITLE_WORDS


def _heading_inside(container: Tag) -> str | None:
    """The first headline-shaped heading inside the story container."""
    for heading in container.find_all(["h1", "h2", "h3", "h4"]):
        text = _text(heading)
        if MIN_HEADLINE_WORDS <= len(text.split()) <= MAX_HEADLINE_WORDS and not text.endswith("."):
            return text
    return None


def _not_a_headline(title: str) -> bool:
    return title.rstrip().endswith("?") or len(title.split()) <= GENERIC_TITLE_WORDS


def _opening_headline(lines: list[Line]) -> str | None:
    """A pasted story's headline: the first line of the post's story block (after a "X wrote:" citation),
    headline-shaped (a few words, no end punctuation) and followed by prose."""
    body = [x.text for x in lines if x.in_body and not x.text.endswith((":", "："))][:2]
    if len(body) < 2:
        return None
    first, following = body
    words = len(first.split())
    if not MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS or first.endswith((".", "!", "?", ";", "…")) or (
            is_date_line(first) or not is_prose(following)):
        return None
    return first


# A headline is at most this long; a longer opening line is the story's first sentence.
MAX_HEADLINE_WORDS = 25


def _lead_bold(container: Tag) -> str | None:
    """A quoted or shared story's headline: the bold line the story container opens with."""
    bold = container.find(["b", "strong"])
    if not isinstance(bold, Tag):
        return None
    text = _text(bold)
    words = len(text.split())
    opens = _text(container).startswith(text)
    if not opens or not 4 <= words <= 25 or text.endswith(".") or text.lower().startswith("by "):
        return None
    return text


def _container(soup: BeautifulSoup) -> Tag | None:
    """The element holding the story: a known content class, else the densest block of prose."""
    tags = _tags(soup)
    for selector in CONTENT_SELECTORS:
        found = next((t for t in tags if _selected(t, selector)), None)
        if found is not None and found.find("p"):
            return found
    densest = _densest(tags)
    return _with_sibling_blocks(densest) if densest is not None else None


# Sibling blocks, each holding prose, from which a story is split into one block per paragraph (editors that
# wrap every paragraph in its own component): the story is their parent.
MIN_SPLIT_BLOCKS = 3


def _with_sibling_blocks(densest: Tag) -> Tag:
    """The densest block, or the parent of the repeated blocks it is one of when each holds a paragraph."""
    for node in (densest, *densest.parents):
        parent = node.parent
        key = _post_key(node)
        if parent is None or parent.name in ("body", "html"):
            break
        if key is None:
            continue
        blocks = [c for c in parent.children if isinstance(c, Tag) and _post_key(c) == key]
        # (counted only where enough blocks repeat: a deep chain of single wrappers stays linear)
        if len(blocks) >= MIN_SPLIT_BLOCKS and sum(
                1 for b in blocks if _text_words(b) >= rules.MIN_PROSE_WORDS) >= MIN_SPLIT_BLOCKS:
            return parent
    return densest


_GENERIC_CONTAINERS = ("article", "main")
# Share of an <article>'s prose that its densest block must hold to stand for it: the header above it (an
# excerpt repeating the description, a caption) is then no part of the story.
NARROW_SHARE = 0.9


def _narrowed(container: Tag, tags: list[Tag], densest: Tag | None) -> Tag:
    """The block inside a generic <article>/<main> that holds nearly all of its prose, else the container."""
    if densest is None or densest is container:
        return container
    inner = sum(_prose_score(t) for t in (densest, *_tags(densest)) if t.name in _CANDIDATES)
    whole = sum(_prose_score(t) for t in (container, *tags) if t.name in _CANDIDATES)
    return densest if inner >= NARROW_SHARE * whole else container


def _densest(tags: list[Tag]) -> Tag | None:
    """The element with the most prose directly inside it."""
    best: tuple[int, Tag | None] = (0, None)
    for tag in (t for t in tags if t.name in _CANDIDATES):
        score = _prose_score(tag)
        if score > best[0]:
            best = (score, tag)
    return best[1]


_CANDIDATES = frozenset({"div", "blockquote", "section", "article", "td", "main", "body", "font", "a", "span"})


def _selected(tag: Tag, selector: str) -> bool:
    """Does the tag match one of CONTENT_SELECTORS' simple forms: [attr=value], .class, #id, or a name?

    A first match in document order is what select_one gives, at a fraction of soupsieve's cost.
    """
    if selector.startswith("["):
        attr, _, value = selector[1:-1].partition("=")
        return tag.get(attr) == value
    if selector.startswith("."):
        classes = tag.get("class")
        return isinstance(classes, list) and selector[1:] in classes
    if selector.startswith("#"):
        return tag.get("id") == selector[1:]
    return tag.name == selector


def _prose_score(tag: Tag) -> int:
    """Characters of prose directly inside: text runs and <p> children, not nested containers."""
    total = 0
    for child in tag.children:
        if isinstance(child, NavigableString):
            text = str(child).strip()
        elif isinstance(child, Tag) and child.name in ("p", "br", "span", "a", "em", "strong", "b", "i"):
            text = _text(child) if child.name == "p" else ""
        else:
            continue
        total += len(text) if len(text.split()) >= 8 else 0
    return total


@dataclass(frozen=True, slots=True)
class _Inside:
    """Is a line in the body: ids of the container's elements and of the story block's."""

    wide: set[int]
    narrow: set[int]
    row: set[int]

    def __call__(self, tag: int, text: str) -> bool:
        return tag not in self.row and (tag in self.narrow or (tag in self.wide and not is_prose(text)))


def _body_regions(container: Tag | None, marks: _Marks, outlet_page: bool) -> tuple[_Inside, _Marks, set[int]]:
    """Which elements hold the body, the marks of the page's own post (outside the story's prose), and the
    blocks that close the story (where a credit to the original stands).

    A line is in the body when it is inside the story's block, or a short line (a byline, a stamp) in
    the container around it; prose outside the story's block (an excerpt) is not, nor are captions, nor
    the row of the account that posted the page (its name and post date).
    """
    if container is None:
        return _Inside(set(), set(), set()), _page_marks(marks, None), set()
    inside = _tags(container)
    block = _densest(inside) or container  # the element holding the story's prose
    story = _narrowed(container, inside, block) if container.name in _GENERIC_CONTAINERS else container
    own = _page_marks(marks, block)
    wide = {id(t) for t in inside} | {id(container)}
    narrow = wide if story is container else {id(t) for t in _tags(story)} | {id(story)}
    row = set() if outlet_page else _account_row(own)
    return _Inside(wide, narrow, row | _captions(inside)), own, _closing_credits(block)


# The blocks at the end of a story that may credit its original, and how short such a credit line is.
CLOSING_BLOCKS = 2
CLOSING_CREDIT_WORDS = 20


def _closing_credits(block: Tag) -> set[int]:
    """Ids of the links that credit the original from a short line closing the story ("Originally posted
    on <a>Outlet</a> on …"): the one link of one of its last blocks; a closing sentence of the story that
    links a report it mentions is no credit."""
    found: set[int] = set()
    seen = 0
    for child in reversed(block.contents):  # from the end: only the last few are read
        if not isinstance(child, Tag) or child.name in _INLINE or not (text := _text(child)):
            continue
        links = [t for t in _tags(child) if t.name == "a"]
        if len(links) == 1 and len(text.split()) <= CLOSING_CREDIT_WORDS and not rules.SENTENCE_END.search(text):
            found.add(id(links[0]))
        seen += 1
        if seen == CLOSING_BLOCKS:
            break
    return found


def _lines(root: Tag, inside: _Inside) -> Iterator[Line]:
    """Each block of text once, in document order; inline runs split on <br>. Linear in the page size."""
    count = 0
    blocky = _block_map(root)
    stack: list[tuple[Iterator[Any], Tag]] = [(iter(root.children), root)]
    run: list[str] = []
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        tag = child if isinstance(child, Tag) else None
        separate = tag is not None and (tag.name in BLOCKS or _is_meta_span(tag) or id(tag) in blocky)
        if child is None or separate:
            yield from _flush(run, owner, inside, count)
            count, run = count + len(run) + 1, []
        if child is None:
            stack.pop()
        elif tag is not None and id(tag) in blocky:
            stack.append((iter(tag.children), tag))  # holds blocks (even an inline <a> or <font> does)
        elif tag is not None and (tag.name in BLOCKS or _is_meta_span(tag)):
            for text in _block_texts(tag):
                yield Line(text, f"<{tag.name}> block {count}", inside(id(tag), text))
        elif tag is not None and tag.name == "br":
            run.append("\n")
        elif isinstance(child, Tag | NavigableString):
            run.append(child.get_text(" ") if isinstance(child, Tag) else str(child))


def _block_map(root: Tag) -> set[int]:
    """Ids of the elements that contain a block element or a <br>, computed in one pass from the leaves."""
    blocky: set[int] = set()
    for tag in reversed(_tags(root)):
        parent = tag.parent
        if parent is not None and (tag.name in BLOCKS or tag.name == "br" or id(tag) in blocky):
            blocky.add(id(parent))
    return blocky


def _flush(run: list[str], owner: Tag, inside: _Inside, count: int) -> Iterator[Line]:
    for n, piece in enumerate(re.split(r"\n", "".join(run))):
        text = " ".join(piece.split())
        if text:
            yield Line(text, f"<{owner.name}> text {count + n + 1}", inside(id(owner), text))


def _is_meta_span(tag: Tag) -> bool:
    """A classed <span> directly in a container (byline, stamp, badge) is a line of its own."""
    return tag.name == "span" and bool(tag.get("class")) and isinstance(tag.parent, Tag) and (
        tag.parent.name not in ("p", "li", "a", "em", "strong", "h1", "h2", "h3"))


def _block_texts(tag: Tag) -> list[str]:
    """A block's text; a block made only of several inline elements (meta rows) gives one each."""
    parts = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    if len(parts) > 1 and all(isinstance(c, Tag) and c.name in ("span", "div", "time", "a", "small")
                              for c in parts):
        return [t for t in (" ".join(c.get_text(" ").split()) for c in parts) if t]
    text = _text(tag)
    return [text] if text else []


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


# Distinct links to outlets' pages from which a post is a list of links (a roundup), not one republished story.
ROUNDUP_LINKS = 3


def _page_marks(marks: _Marks, story: Tag | None) -> _Marks:
    """The marked names and stamps of the page's own post: outside the story's prose (the post's header and
    footer), where a republisher signs and dates the post; a byline inside the story is read as text."""
    if not marks.authors and not marks.dates:
        return marks
    inside = {id(t) for t in _tags(story)} | {id(story)} if story is not None else set()
    authors = tuple(a for a in marks.authors if id(a[0]) not in inside or a[0].get("itemprop") in ("name", "author"))
    dates = sorted((d for d in marks.dates if id(d[0]) not in inside), key=lambda d: d[1].role != "published")
    return _Marks(authors[:1], tuple(dates))


def _captions(tags: list[Tag]) -> set[int]:
    """Ids of the elements inside a <figure> or <figcaption>: a photo's caption and credit, not the story."""
    found: set[int] = set()
    for tag in tags:  # document order: a parent before its children
        if tag.name in ("figure", "figcaption") or (tag.parent is not None and id(tag.parent) in found):
            found.add(id(tag))
    return found


_INLINE = frozenset({"span", "a", "strong", "b", "em", "i", "small", "time", "abbr", "cite", "font"})
# Words in the meta row around a posting account's name ("Posted by X at 4:03 AM | 2 comments").
MAX_ROW_WORDS = 40


def _account_row(marks: _Marks) -> set[int]:
    """Ids of the block around the posting account's marked name: its meta row, where the post date
    stands beside it (the post date is the date nearest the republisher)."""
    if not marks.authors:
        return set()
    tag = marks.authors[0][0]
    while isinstance(tag.parent, Tag) and tag.parent.name in _INLINE:
        tag = tag.parent
    row = tag.parent
    if not isinstance(row, Tag) or row.name in ("body", "html") or row.decomposed or (
            _text_words(row) > MAX_ROW_WORDS):
        return set()
    return {id(row), *(id(t) for t in _tags(row))}


def _outlet_page(meta: Mapping[str, str], ld: Mapping[str, Any], is_outlet: IsOutlet, outlet_url: IsOutlet) -> bool:
    """The page is the outlet's own: its URL is on the outlet's site, or its site name is an outlet's."""
    own = meta.get("og:url") or meta.get("canonical") or _str(ld.get("url"))
    site = meta.get("og:site_name") or _name(ld.get("publisher"))
    return bool(own and outlet_url(own)) or bool(site and is_outlet(site))


def _hints(soup: BeautifulSoup, meta: Mapping[str, str], ld: Mapping[str, Any], title: str,
           is_outlet: IsOutlet, outlet_url: IsOutlet, marks: _Marks, closing: set[int], outlet_page: bool) -> Hints:
    own = meta.get("og:url") or meta.get("canonical") or _str(ld.get("url"))
    canonical = meta.get("canonical")
    site = meta.get("og:site_name") or _name(ld.get("publisher"))
    links = tuple(dict.fromkeys(_links(soup, closing)))
    outlets = [Clue(site, "meta og:site_name / JSON-LD publisher")] if outlet_page and site else []
    if outlet_page and own and not outlets:
        outlets.append(Clue(own, "URL of the outlet's page"))
    # A republished page may name the original as its canonical URL, else link to it.
    original = canonical if canonical and outlet_url(canonical) and not outlet_page else None
    linked = [link for link in links if outlet_url(link)]
    # One link to an outlet's story may be the original; several are a post's list of reading, not a credit.
    original = original or (linked[0] if 0 < len(linked) < ROUNDUP_LINKS else None)
    if original and not outlet_page:
        outlets.append(Clue(original, "link to the outlet's site"))
    dates = _ld_dates(meta, ld) or tuple(d for _, d in marks.dates)
    people = tuple(p for p in _authors(meta, ld) if not _names_the_site(p.value, meta)) or tuple(
        a for _, a in marks.authors if not _names_the_site(a.value, meta))
    account = people[0] if people else _classed_account(soup)
    # An aggregator's JSON-LD describing the original (its publisher an outlet, the page not the outlet's):
    # the author it names wrote the story; the page's own poster is not in it.
    publisher = _name(ld.get("publisher"))
    original_ld = not outlet_page and bool(publisher) and is_outlet(publisher or "") and any(
        p.origin == "JSON-LD author" for p in people)
    if original_ld:
        account = _classed_account(soup)
    suffix = split_title(meta["title"], [], is_outlet)[1] if meta.get("title") else None
    return Hints(
        site=meta.get("og:site_name") or suffix or (host_of(own) if own else None),
        skip_before_title=True,
        title=Clue(title, "headline (<h1>, og:title, JSON-LD or <title>)"),
        page_title=meta.get("title"),
        outlet_page=outlet_page,
        outlets=tuple(outlets),
        bylines=people if outlet_page or original_ld else (),
        dates=dates if outlet_page else (),
        republisher=None if outlet_page else account,
        republished=None if outlet_page or not dates else Clue(dates[0].value, dates[0].origin),
        source_url=Clue(own, "URL of the outlet's page") if outlet_page and own else (
            Clue(original, "link to the original article") if original else None),
        via=None if outlet_page or not own else Clue(own, "URL of the republishing page"),
        links=links,
    )


def _ld_dates(meta: Mapping[str, str], ld: Mapping[str, Any]) -> tuple[DateClue, ...]:
    pairs = (("published", _str(ld.get("datePublished")), "JSON-LD datePublished"),
             ("published", meta.get("article:published_time"), "meta article:published_time"),
             ("updated", _str(ld.get("dateModified")), "JSON-LD dateModified"),
             ("updated", meta.get("article:modified_time"), "meta article:modified_time"))
    return tuple(DateClue(value, origin, role) for role, value, origin in pairs  # type: ignore[arg-type]
                 if value)


_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/?$")  # lower case: "J.Smith" is a person
_TITLE_SEGMENTS = re.compile(r"\s*(?:[|_·»~–—]|\s-\s|::)\s*")


def _names_the_site(name: str, meta: Mapping[str, str]) -> bool:
    """An "author" that is the site itself: its og:site_name, the last segment of its <title>, or a
    domain name ("example.com" is an address, never a person)."""
    folded = fold_text(name)
    if not folded:
        return False
    if _DOMAIN.match(name.strip()):
        return True
    if fold_text(meta.get("og:site_name", "")) == folded:
        return True
    segments = _TITLE_SEGMENTS.split(meta.get("title", ""))
    return len(segments) > 1 and fold_text(segments[-1]) == folded


def _authors(meta: Mapping[str, str], ld: Mapping[str, Any]) -> tuple[Clue, ...]:
    raw = ld.get("author")
    names = [_name(a) for a in (raw if isinstance(raw, list) else [raw])]
    found = [Clue(n, "JSON-LD author") for n in names if n]
    if not found:
        found = [Clue(meta[key], f"meta {key}") for key in ("author", "article:author", "byl", "dc.creator")
                 if key in meta and not meta[key].startswith("http")][:1]
    return tuple(found)


def _classed_account(soup: BeautifulSoup) -> Clue | None:
    found = soup.find(class_=ACCOUNT_NAME_CLASS)
    name = _text(found) if isinstance(found, Tag) else ""
    return Clue(name, "account name (class naming a user or author name)") if 2 <= len(name) <= 60 else None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _links(soup: BeautifulSoup, closing: set[int]) -> Iterator[str]:
    """Links that credit an original ("Read the original at …", "Source: …", the one link of a short line
    closing the story), not mentions in a story."""
    contexts: dict[int, str] = {}
    for a in (t for t in _tags(soup) if t.name == "a" and t.has_attr("href")):
        href = a["href"]
        if not isinstance(href, str) or not href.startswith(("http://", "https://")):
            continue
        before = a.previous_sibling
        lead = " ".join(str(before).split())[-60:] if isinstance(before, NavigableString) else ""
        parent = a.parent if isinstance(a.parent, Tag) else a
        if id(parent) not in contexts:  # once per parent: a list of many links stays linear
            contexts[id(parent)] = _text(parent)
        context = contexts[id(parent)]
        if rules.CREDIT_LINK.search(lead) or rules.CREDIT_LINK.search(context[:80]) or (
                rules.ORIGINAL_LINK_TEXT.match(_text(a))) or (
                len(context) <= len(_text(a)) + 3) or id(a) in closing:
            yield href.strip()

