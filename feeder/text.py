"""Text that is safe to publish and to show: no characters XML 1.0 forbids, printable names and log lines."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Control characters other than tab/newline/return, lone surrogates, and the non-characters
# U+FFFE/U+FFFF are not allowed in XML 1.0: lxml refuses them, and readers would choke.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """The text without characters XML 1.0 cannot carry (they are dropped, never a crash)."""
    return " ".join(_NOT_XML.sub(" ", value).split()) if _NOT_XML.search(value) else value


def display_path(path: Path | str) -> str:
    """A file name as UTF-8 text even when the bytes are not: undecodable bytes become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# What a terminal or a log reader would act on: C0/C1 controls (newline, carriage return, escape
# sequences), DEL, and the Unicode line and paragraph separators and bidi overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> str:
    """Text safe on one log or status line: control characters become visible escapes (``\\n``,
    ``\\x1b``), so a file name or page text can never start a forged line or drive the terminal."""
    text = display_path(value) if isinstance(value, Path) else str(value)
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
