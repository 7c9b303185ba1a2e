"""A forum thread: the first post that holds the story, without the replies and signatures."""

from __future__ import annotations

from feeder.extract import lazy_re as re
from feeder.extract.html.container import densest_block, is_story_container
from feeder.extract.html.furniture import FURNITURE_ATTR
from feeder.extract.html.tree import Tag, attr_words, decompose_where, elements, post_key, words_of

# A forum thread: sibling posts (the same element and first class), each with its poster's name or its time.
POST_MARK_ATTR = re.compile(r"author|user|member|poster|profile|creator|(?:^|[\s_-])(?:date|time)", re.I)
SIGNATURE_ATTR = re.compile(r"signature", re.I)
# Words the first post must hold to be the thread's story; a shorter one only introduces a longer post.
MIN_FIRST_POST_WORDS = 60


def first_post(tags: list[Tag]) -> Tag | None:
    """The post holding a forum thread's story (the first one, with its paste), without the replies
    and signatures around it; None when the page's prose is not in a thread of posts."""
    if any(is_story_container(t) for t in tags):
        return None  # a named story container holds the story (in a thread, the first post's)
    best = densest_block(tags)
    posts = _thread_posts(best) if best is not None else []
    if not posts:
        return None
    first = posts[0] if words_of(posts[0]) >= MIN_FIRST_POST_WORDS else _holding(posts, best)
    for other in posts:
        if other is not first:
            other.decompose()
    decompose_where(first, lambda t: bool(SIGNATURE_ATTR.search(attr_words(t))))
    return first


def _holding(posts: list[Tag], node: Tag | None) -> Tag:
    """The post that holds node (the densest prose), else the first."""
    ancestors = {id(a) for a in node.parents} | {id(node)} if node is not None else set()
    return next((p for p in posts if id(p) in ancestors), posts[0])


def _thread_posts(best: Tag) -> list[Tag]:
    """The sibling posts around the densest block: the nearest ancestor repeated as its own siblings."""
    for node in (best, *best.parents):
        parent = node.parent
        key = post_key(node)
        if parent is None or key is None:
            continue
        posts = [c for c in parent.children if isinstance(c, Tag) and post_key(c) == key]
        # Layout columns and widget lists repeat too; the furniture ones (a sidebar beside the content) are
        # no posts, and a post names its poster or its time.
        if len(posts) >= 2 and all(_marked_post(p) for p in posts[:2]) and not any(
                FURNITURE_ATTR.search(attr_words(p)) for p in posts):
            return posts
    return []


def _marked_post(post: Tag) -> bool:
    """A post names its poster or its time: a <time>, or an element classed for either."""
    return any(t.name == "time" or POST_MARK_ATTR.search(attr_words(t)) for t in elements(post))
