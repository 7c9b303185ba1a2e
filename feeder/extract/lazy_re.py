"""The ``re`` module for the extraction rules, with ``compile`` deferred to a pattern's first use.

Extraction's modules build about 390 patterns when they are imported, and ``re`` compiles them in
Python (0.1-0.2 s of CPU): a pass that reads one new file (a cron ``feeder build``) runs about 130
of them. Each module imports this module as ``re``; ``compile`` returns a ``LazyPattern`` that
compiles at the first search, match or other use, with the compiled pattern's own answers. After
that each method is found bound in the object's own ``__dict__``: a call costs what a call of the
compiled pattern costs.
"""

from __future__ import annotations

import re as _re
import weakref
from re import *  # noqa: F403  (the module's whole interface: flags, escape, sub, Match, Pattern ...)
from typing import Any, cast


class _Compiles:
    """A pattern method or attribute: reading it compiles the pattern and keeps the compiled pattern's
    attribute in the object's ``__dict__`` (a non-data descriptor: the instance's own attribute wins from
    then on, so each name is looked up here once)."""

    __slots__ = ("name",)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, lazy: LazyPattern | None, owner: type | None = None) -> Any:
        if lazy is None:
            return self
        value = lazy.__dict__[self.name] = getattr(lazy.compiled(), self.name)
        return value


class LazyPattern:
    """A ``re.Pattern`` compiled on first use (see the module's docstring); ``pattern`` is the source."""

    search = _Compiles()
    match = _Compiles()
    fullmatch = _Compiles()
    finditer = _Compiles()
    findall = _Compiles()
    sub = _Compiles()
    subn = _Compiles()
    split = _Compiles()
    scanner = _Compiles()
    flags = _Compiles()  # the compiled flags: inline flags and UNICODE included
    groups = _Compiles()
    groupindex = _Compiles()

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: _re.Pattern[str] | None = None
        _LIVE.add(self)

    def compiled(self) -> _re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _re.compile(self.pattern, self._flags)
        return self._compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


# Every pattern not yet collected: a backfill compiles them all before it forks its readers, once,
# instead of once in each reader. Weak: a pattern made inside a function goes when it is done with.
_LIVE: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def compile_all() -> None:
    """Compile every pattern made so far (before forking worker processes, which inherit them)."""
    for pattern in list(_LIVE):
        pattern.compiled()


def compile(pattern: str | _re.Pattern[str], flags: int = 0) -> _re.Pattern[str]:  # type: ignore[no-redef]
    """``re.compile``, compiled on first use (typed as the pattern it stands for)."""
    if not isinstance(pattern, str):
        return pattern
    return cast(_re.Pattern[str], LazyPattern(pattern, int(flags)))
