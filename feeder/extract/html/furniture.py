"""Removing what is no story: hidden elements, and furniture named by its class or id."""

from __future__ import annotations

from dataclasses import dataclass

from feeder.extract import lazy_re as re
from feeder.extract import rules
from feeder.extract.html.container import STORY_CONTAINER_WORDS, is_story_container
from feeder.extract.html.tree import (
    UNSEEN,
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    ProcessingInstruction,
    Tag,
    decompose_where,
    elements,
    ids_inside,
    text_of,
    words_of,
)

# What parsing left of the unseen elements (those inside a <form>), and forms and footers: a <form> is furniture
# unless it wraps a post, a <footer> unless it closes an <article>.
DROP_TAGS = frozenset((*UNSEEN, "form", "footer"))


# Class and id words of furniture containers (share rows, related lists, sidebars, ads, menus, footers,
# capture-day date widgets, a media player's running time: "duration", "ytp-time-duration"); some are one
# platform's own class names: Jetpack "sharedaddy"/"jp-relatedposts", AdSense "adsbygoogle", Blogger
# "blog-pager"/"feed-links", WordPress "screen-reader-text"/"skip-link"/"tagcloud".
FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|social|related|recommend\w*|comments?|respond|"
    r"sidebar|widgets?|advert\w*|ads?|adsbygoogle|ad-?slot|banner|promo\w*|subscribe|newsletter|"
    r"footer|navbar|nav|navigation|menu|breadcrumbs?|popular|trending|cookie\w*|modal|popup|"
    r"signup|jp-relatedposts|post-navigation|pagination|author-box|author-bio|tagcloud|"
    r"blog-pager|feed-links|skip-link|screen-reader-text|today|current-date|ticker|"
    r"top-bar|topbar|masthead|duration)(?:$|[\s_-])", re.I)


_ISO_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_FULL_STAMP = re.compile(r"\d{4}.{0,12}\d{1,2}:\d{2}")


def drop_hidden(soup: BeautifulSoup) -> None:
    """Remove what a reader never sees as story text: scripts, forms (not a post wrapped in one), media,
    navigation, HTML comments."""
    tags = elements(soup)
    in_article = ids_inside(tags, "article")
    # A <footer> inside an <article> is the post's own meta row ("Submitted by X on <time>"), not the site's.
    decompose_where(soup, lambda t: t.name in DROP_TAGS and not (t.name == "footer" and id(t) in in_article) and not (
        t.name == "form" and _holds_prose(t)), tags)
    for node in [n for n in soup.descendants if isinstance(n, Comment | Declaration | Doctype |
                                                           ProcessingInstruction)]:
        node.extract()


# Words of one paragraph from which a <form> is a post's wrapper (some forum themes put every post in one).
FORM_PROSE_WORDS = 20


def _holds_prose(form: Tag) -> bool:
    return any(len(text_of(p).split()) >= FORM_PROSE_WORDS for p in elements(form) if p.name == "p")


def drop_furniture(soup: BeautifulSoup, post: Tag | None, tags: list[Tag], story: StoryRegions) -> list[Tag]:
    """Remove furniture-classed elements (tags: the tree's elements, in document order, unchanged since), and
    show each stamp's machine-readable form; the tree's elements after."""
    kept = set(story.kept)
    if post is not None:  # a thread's first post holds the story, whatever its wrappers' classes say
        kept.update(id(t) for t in (*elements(post), post, *post.parents))
    decompose_where(soup, lambda t: _is_furniture(t, kept), tags)
    tags = elements(soup)
    in_p, in_time = ids_inside(tags, "p"), ids_inside(tags, "time")
    rebuilt = False  # an element was replaced by a string: the list of elements is walked again
    # a <time> inside a <time> is skipped: setting .string costs a walk to the root in bs4
    for time in (t for t in tags if t.name == "time" and t.has_attr("datetime") and id(t) not in in_time):
        stamp = time.get("datetime")
        if isinstance(stamp, str) and _ISO_WITH_TIME.match(stamp.strip()) and id(time) not in in_p:
            rebuilt = rebuilt or _holds_elements(time)
            time.string = stamp.strip()  # the machine-readable stamp carries the time and offset
    for tag in story.dated:
        if tag.attrs is None or tag.decomposed:
            continue  # dropped with the furniture around it
        machine = tag.get("datetime")
        if isinstance(machine, str) and _ISO_WITH_TIME.match(machine.strip()):
            continue  # the machine-readable stamp, with its offset, beats a tooltip in local time
        full = tag.get("title")
        if isinstance(full, str) and _FULL_STAMP.search(full) and rules.DATE_HINT.search(full):
            rebuilt = rebuilt or _holds_elements(tag)
            tag.string = full.strip()  # "18:42" shown, "15.09.2021 18:42:11 UTC+03:00" in the tooltip
    return elements(soup) if rebuilt else tags


def _holds_elements(tag: Tag) -> bool:
    return any(isinstance(child, Tag) for child in tag.contents)


@dataclass(frozen=True, slots=True)
class StoryRegions:
    """Ids of the elements holding the <h1> or the story container (never furniture, never another post's
    region, whatever their class names: "content-sidebar-wrap" wraps the story), and the date elements with a
    title attribute."""

    kept: frozenset[int]
    dated: tuple[Tag, ...]


def story_regions(tags: list[Tag]) -> StoryRegions:
    """The StoryRegions of a tree (tags: its elements in document order), in one pass from the leaves
    (tag.find() is O(depth))."""
    kept: set[int] = set()
    dated: list[Tag] = []
    for tag in reversed(tags):
        parent = tag.parent
        if parent is None:
            continue
        if tag.name == "h1" or id(tag) in kept:
            kept.add(id(parent))
        elif is_story_container(tag) and words_of(tag) >= STORY_CONTAINER_WORDS:  # not a snippet card
            kept.update((id(tag), id(parent)))
        if tag.attrs and "title" in tag.attrs and "date" in str(tag.get("class")):
            dated.append(tag)
    return StoryRegions(frozenset(kept), tuple(dated))


def _is_furniture(tag: Tag, kept: set[int]) -> bool:
    if tag.name in ("body", "html", "article", "main") or tag.attrs is None:
        return False
    classes = tag.get("class")
    names = list(classes) if isinstance(classes, list) else [str(classes or "")]
    words = " ".join([*names, str(tag.get("id") or "")]).strip()
    return bool(words) and bool(FURNITURE_ATTR.search(words)) and id(tag) not in kept and (
        not meta_row_with_share(tag, words))


# A post's meta row that also holds the share buttons ("author_share", "post-meta-share"): named for both and
# holding words besides links, it is the row of the byline and the stamp (the buttons in it are links the line
# reader leaves out); the share buttons' own box ("author_share_right", links only) stays furniture.
META_ROW_ATTR = re.compile(r"(?:^|[\s_-])(?:author|byline|meta|date|time|posted)(?:$|[\s_-])", re.I)
SHARE_WORDS = frozenset({"share", "sharing", "social"})


def meta_row_with_share(tag: Tag, words: str) -> bool:
    """A meta row whose only furniture word is a share or social one (words: its class words)."""
    found = [m.group(0).strip(" _-\t\n").lower() for m in FURNITURE_ATTR.finditer(words)]
    if not found or not SHARE_WORDS.issuperset(found) or not META_ROW_ATTR.search(words):
        return False
    linked = sum(len(text_of(a).split()) for a in elements(tag) if a.name == "a")
    return len(text_of(tag).split()) > linked
