"""Cross-document boilerplate: paragraphs that recur in different stories of one site are furniture.

Learned from the inbox itself and kept in the store between runs. A paragraph is removed only
when it occurs in at least two different stories of the same site, so text that occurs in
one file only is never removed, and the same story seen twice does not teach anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from feeder.fold import fold_text
from feeder.records import Article
from feeder.store import Store


def line_hash(paragraph: str) -> str:
    return hashlib.sha1(fold_text(paragraph).encode(), usedforsecurity=False).hexdigest()[:20]


def body_hashes(article: Article) -> tuple[str, ...]:
    """The learning keys of the article's paragraphs (empty when it has no site to learn for).

    Pure, so a backfill computes them in the worker processes, beside the extraction.
    """
    return tuple(map(line_hash, article.body)) if article.site is not None else ()


def learn(store: Store, article: Article, hashes: Sequence[str] | None = None) -> tuple[Article, list[int]]:
    """Record the article's paragraphs for its site; return it without the site's known furniture,
    and the other stories (by number) that still carry a paragraph this article has just shown to be furniture.

    Only a paragraph seen in exactly one other story becomes furniture here, so each earlier
    story is cleaned once, when its furniture is first learned: a site's thousandth story does
    not revisit the other 999.
    """
    if article.site is None:
        return article, []
    hashes = body_hashes(article) if hashes is None else hashes
    story = store.story_number(article.story_key)
    others = store.other_stories(article.site, hashes, excluding=story)
    store.add_site_lines(article.site, story, hashes)
    # With this story's lines added, a line held by any other story is in two: furniture.
    furniture = set(others)
    newly = sorted({keys[0] for keys in others.values() if len(keys) == 1})
    return _without(article, hashes, furniture), newly


def strip_learned(store: Store, article: Article) -> Article:
    """The article without paragraphs its site repeats across stories (never emptied entirely)."""
    if article.site is None:
        return article
    hashes = body_hashes(article)
    return _without(article, hashes, store.repeated_lines(article.site, hashes))


def _without(article: Article, hashes: Sequence[str], furniture: set[str]) -> Article:
    if not furniture:
        return article
    body = tuple(p for p, h in zip(article.body, hashes, strict=True) if h not in furniture)
    if not body or len(body) == len(article.body):
        return article
    note = ("body", f"{len(article.body) - len(body)} paragraph(s) removed: learned as furniture of "
                    f"{article.site} (they recur in other stories of that site)")
    return replace(article, body=body, provenance=(*article.provenance, note))
