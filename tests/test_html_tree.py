"""The page tree feeder builds (lxml's parse, bs4 fed from it without the unseen elements) is the tree bs4 builds
from the markup itself once the hidden elements are dropped, and the head it reads is what bs4's tree says."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.articles import decode
from feeder.extract.html.furniture import drop_hidden
from feeder.extract.html.meta import json_ld, meta_tags
from feeder.extract.html.tree import Head, elements, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRAINING = ("scenarios", "corpus", "heldout", "heldout2", "heldout3", "blind5", "blind6", "blind7", "html_classes")
PAGES = sorted(p for name in TRAINING for p in (FIXTURES / name).glob("*.html"))


def _bs4(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return BeautifulSoup(text, "lxml")


def _nodes(soup: BeautifulSoup) -> list[tuple[Any, ...]]:
    """Every node in document order: elements with their attributes, strings with their type and text. Blank
    strings at the very end and outside the document element are left out: lxml's tree has none there."""
    found = [(n.name, sorted((k, str(v)) for k, v in n.attrs.items())) if isinstance(n, Tag) else (
        type(n).__name__, str(n)) for n in soup.descendants if isinstance(n, Tag) or n.parent is not soup or n.strip()]
    while found and found[-1][0] == "NavigableString" and not found[-1][1].strip():
        found.pop()
    return found


def _head_of(soup: BeautifulSoup) -> Head:
    """What the head says, read from bs4's whole tree as extraction read it before the tree was pruned."""
    tags = elements(soup)
    return Head(metas=tuple({k: str(v) for k, v in t.attrs.items()} for t in tags if t.name == "meta"),
                links=tuple({k: " ".join(v) if isinstance(v, list) else v for k, v in t.attrs.items()}
                            for t in tags if t.name == "link"),
                title=str(soup.title.string) if soup.title and soup.title.string else None,
                json_ld=tuple(t.string or "" for t in tags
                              if t.name == "script" and t.get("type") == "application/ld+json"),
                text=soup.get_text(" "))


def _assert_same(text: str) -> None:
    expected = _bs4(text)
    head = _head_of(expected)
    drop_hidden(expected)
    soup, got = parse(text)
    drop_hidden(soup)
    assert _nodes(soup) == _nodes(expected)
    assert meta_tags(got) == meta_tags(head)
    assert json_ld(got) == json_ld(head)
    assert got.text.split() == head.text.split()


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_a_labelled_page_gives_the_tree_bs4_gives(page: Path) -> None:
    _assert_same(decode(page.read_bytes(), "html", page)[0])


TAGS = ("p", "div", "span", "a", "b", "form", "footer", "article", "script", "style", "template", "nav", "aside",
        "img", "svg", "noscript", "textarea", "meta", "link", "title", "pre", "li", "time")
_pieces = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t} class='c'>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(("word ", "  ", "\n", "times are in GMT+8 ", "&amp; ", "<!-- note -->", "<!DOCTYPE html>",
                     "<?php x ?>", "<br>", '<script type="application/ld+json">{"@type": "Article"}</script>',
                     '<meta name="author" content="A B">', '<link rel="canonical" href="https://x.example/a b">')),
    st.text(alphabet="ab <>&\"'/=\n", max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_any_markup_gives_the_tree_bs4_gives(text: str) -> None:
    _assert_same(text)


@pytest.mark.parametrize("markup", [
    "<div>" * 300 + "<p>Text below three hundred elements.</p>" + "</div>" * 300,  # deeper than libxml2 builds
    "<p>A cached copy:</p>\n<!DOCTYPE html>\n<html><body><p>The pasted page.</p></body></html>",  # a second doctype
    "<form class='c'><template class='c'><textarea class='c'><p class='c'>",  # a template's strings: no page text
    "<p>Before<template>kept aside<!-- note --></template>after</p>",
    "",
    "   ",
])
def test_markup_lxml_builds_differently_gives_the_tree_bs4_gives(markup: str) -> None:
    _assert_same(markup)
