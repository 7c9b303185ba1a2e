"""Where each published document lives and what settings shape them all: checked before anything is rendered."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from feeder import __version__

if TYPE_CHECKING:
    from feeder.config import Config

# Kept apart from the renderers (atom, publish, pages) so that a pass with nothing to write checks its
# documents without importing lxml, feedgen or the rendering modules.
ENTRY_FOLDER = "entries"
ARCHIVE_FOLDER = "archive"  # RFC 5005 archive pages, beside the feeds
STYLESHEET = "feed.xsl"  # published beside the feeds; browsers apply it, readers ignore it


def entry_path(entry_id: str) -> str:
    """The permanent page of an entry, relative to the feeds folder: derived from its id alone."""
    return f"{ENTRY_FOLDER}/{hashlib.sha256(entry_id.encode()).hexdigest()[:24]}.html"


def fingerprint(config: Config) -> str:
    """What, besides the entries, shapes every document: the feed and outlet settings and feeder's version."""
    settings = repr((config.feed, config.outlets, config.per_outlet, config.rss, __version__))
    return hashlib.sha256(settings.encode()).hexdigest()[:16]
