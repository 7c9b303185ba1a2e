"""Loose text comparison for identities: the folding behind entry ids and learned-furniture hashes.

Entry ids and the hashes of learned site furniture are stored and published, so this folding
must never change: it lives outside extraction, which changes often, and a test pins the ids it
gives the labelled corpus (tests/test_entry_ids.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["fold_text"]

_NON_WORD = re.compile(r"\W+")


@lru_cache(maxsize=4096)
def fold_text(text: str) -> str:
    """Text compared loosely: case-folded words only. Cached: one line is folded several times per page."""
    return _NON_WORD.sub(" ", text.casefold()).strip()
