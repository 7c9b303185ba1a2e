"""The one exception tree of feeder; every error names the file or key at fault.

    FeederError
    ├── ConfigError          config.toml is missing, unreadable or invalid (all problems listed)
    ├── InputError           one article file cannot be used; the run goes on without it
    │   ├── UnreadableFile   the file cannot be opened or read (permissions, vanished, too large)
    │   ├── UndecodableFile  the bytes are not text in any encoding we accept (binary, NUL bytes)
    │   └── NotAnArticle     text, but no article: empty, a bot wall, no headline or no body
    ├── PublishError         a feed could not be written to its folder
    ├── StateError           the state database cannot be used (damaged, locked, unwritable); says what to do
    └── AlreadyRunning       another feeder holds the state folder

Third-party errors are caught where their library is imported and re-raised as one of
these, with the original chained as ``__cause__``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


class FeederError(Exception):
    """Base of every error feeder raises on purpose."""


class ConfigError(FeederError):
    """The configuration is wrong; ``problems`` lists every problem with its dotted key."""

    def __init__(self, path: Path | str, problems: Sequence[str]) -> None:
        self.path = str(path)
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{self.path}: invalid configuration:\n{listed}")


class InputError(FeederError):
    """One input file was rejected; ``reason`` is a one-line explanation."""

    def __init__(self, path: Path | str, reason: str) -> None:
        # Undecodable bytes in a file name become \xNN escapes, so the message prints anywhere.
        self.path = os.fsencode(path).decode("utf-8", "backslashreplace")
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnreadableFile(InputError):
    """The file could not be read from disk."""


class UndecodableFile(InputError):
    """The file's bytes are not text."""


class NotAnArticle(InputError):
    """The file is text but holds no publishable article."""


class PublishError(FeederError):
    """A feed document could not be written."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot publish: {reason}")


REBUILD_HINT = ("the feeds are derived data and the inbox is the source of truth: move the state folder "
                "aside and run `feeder build` to rebuild it from the inbox")


class StateError(FeederError):
    """The state database cannot be used; the message says what happened and what to do."""

    def __init__(self, path: Path | str, reason: str, *, hint: str = REBUILD_HINT) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: state database: {reason}; {hint}")


class AlreadyRunning(FeederError):
    """Another feeder process holds the state folder."""
