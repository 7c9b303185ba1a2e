"""The marks of each large inbox folder's listing, kept in files beside the state: a scan of a changed
folder compares only the chunks of it that changed (``articles.outside_marks``).

A folder's marks are written (atomically, without a fsync) after the pass that recorded its
listing's digest in the state, and read only with that digest: a file the state no longer backs
(a killed pass, a power cut, forgotten files) is not used, and the folder is compared file by
file as without marks.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

from feeder import articles
from feeder.articles import Listing, Marks, listing_marks
from feeder.text import display_path

FOLDER = "listings"  # in the state folder
KEEP_FROM = 1000  # files in a folder from which its marks are kept (below, the state answers as fast)


class FolderMarks:
    """The marks kept in a state folder."""

    def __init__(self, state_folder: Path) -> None:
        self.folder = state_folder / FOLDER
        self._renewed: dict[str, Marks] = {}  # folder -> the marks of its listing, from its intact chunks

    def get(self, listing: Listing, digest: str) -> Marks | None:
        """The marks recorded with ``digest`` (the one the state holds) for the listing's folder, if any."""
        if len(listing.files) < KEEP_FROM:
            return None
        try:
            data = (self.folder / _file_name(listing.folder)).read_bytes()
            body, check = data[:-CHECK_BYTES], data[-CHECK_BYTES:]
            if _check(body) != check:
                return None
            folder, recorded, marks = marshal.loads(body)
        except (OSError, ValueError, EOFError, TypeError):
            return None  # none kept, or torn: compared file by file
        if folder != display_path(listing.folder) or recorded != digest or not _well_formed(marks):
            return None
        return list(marks)

    def renew(self, listing: Listing, marks: Marks) -> None:
        """Note the marks of the listing as it is now (``articles.outside_marks``): ``keep`` writes
        them instead of cutting the whole listing again, unless they grew too many."""
        self._renewed[listing.folder] = marks

    def keep(self, listings: Iterable[Listing], digests: Mapping[str, str], renewed: Iterable[str]) -> None:
        """After a scan's pass: write the marks of each large folder whose listing's digest the state
        now holds (``digests``), when it was ``renewed`` by this pass or has none kept; drop the
        files of folders no longer in the inbox."""
        renewed = set(renewed)
        wanted: set[str] = set()
        for listing in listings:
            name = _file_name(listing.folder)
            wanted.add(name)
            shown = display_path(listing.folder)
            if (listing.skipped or len(listing.files) < KEEP_FROM or listing.digest is None
                    or digests.get(shown) != listing.digest):
                continue
            if shown in renewed or not (self.folder / name).exists():
                marks = self._renewed.get(listing.folder)
                if marks is None or len(marks) * articles.CHUNK > 2 * (len(listing.files) + articles.CHUNK):
                    marks = listing_marks(listing.files)  # short runs left by many small changes: cut anew
                self._write(name, marshal.dumps((shown, listing.digest, marks), 2))
        self._prune(wanted)

    def _write(self, name: str, body: bytes) -> None:
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(exist_ok=True)
            temporary.write_bytes(body + _check(body))
            os.replace(temporary, self.folder / name)
        except OSError:
            temporary.unlink(missing_ok=True)  # only the next scan of this folder is slower

    def _prune(self, wanted: set[str]) -> None:
        try:
            with os.scandir(self.folder) as entries:
                gone = [entry.path for entry in entries if entry.name not in wanted]
        except OSError:
            return
        for path in gone:
            with suppress(OSError):
                os.unlink(path)


CHECK_BYTES = 16


def _check(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=CHECK_BYTES).digest()


def _file_name(folder: str) -> str:
    return hashlib.blake2b(display_path(folder).encode(), digest_size=16).hexdigest()


def _well_formed(marks: object) -> bool:
    return isinstance(marks, list) and all(
        isinstance(mark, tuple) and len(mark) == 2 and all(isinstance(part, str) for part in mark) for mark in marks)
