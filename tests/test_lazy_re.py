"""Extraction's patterns compiled on first use (feeder/extract/lazy_re.py) answer as compiled ones do."""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re

from hypothesis import given
from hypothesis import strategies as st

import feeder.extract
from feeder.extract import lazy_re

PATTERNS = (r"\b(?P<word>[A-Z][a-z]+)\b", r"(?i)by\s+(\w+)", r"^\d{4}-\d{2}$", r"[,;]\s*", r"(a)|(b)")


def test_every_extraction_pattern_compiles() -> None:
    """A pattern compiled on first use would raise only when a page reaches it: compile them all here."""
    for module in pkgutil.walk_packages(feeder.extract.__path__, "feeder.extract."):
        importlib.import_module(module.name)
    lazy = [obj for obj in gc.get_objects() if isinstance(obj, lazy_re.LazyPattern)]
    assert len(lazy) > 300
    for pattern in lazy:
        assert isinstance(pattern.compiled(), re.Pattern), pattern


def test_a_pattern_is_compiled_on_first_use_only() -> None:
    pattern = lazy_re.compile(r"(?i)credit: (\w+)")
    assert isinstance(pattern, lazy_re.LazyPattern)
    assert pattern._compiled is None and pattern.pattern == r"(?i)credit: (\w+)"
    assert pattern.flags == re.compile(r"(?i)credit: (\w+)").flags  # inline and implied flags included
    assert pattern._compiled is not None
    assert lazy_re.compile(pattern) is pattern


@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.I, re.M]), st.text("abAB ,;-0123456789\n"))
def test_answers_are_the_compiled_patterns(source: str, flags: int, text: str) -> None:
    lazy, compiled = lazy_re.compile(source, flags), re.compile(source, flags)
    for found, expected in ((lazy.search(text), compiled.search(text)), (lazy.match(text), compiled.match(text)),
                            (lazy.fullmatch(text), compiled.fullmatch(text))):
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("x", text) == compiled.sub("x", text) and lazy.split(text) == compiled.split(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_compile_all_compiles_every_live_pattern() -> None:
    made = [lazy_re.compile(rf"x{n}\d") for n in range(3)]
    lazy_re.compile_all()
    assert all(isinstance(p, lazy_re.LazyPattern) and p._compiled is not None for p in made)
