"""Text that is safe to publish: no characters XML 1.0 forbids, and printable file names."""

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
