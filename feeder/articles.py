"""Find article files in the inbox and read them into decoded RawArticles."""

from __future__ import annotations

import codecs
import hashlib
import marshal
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import count
from operator import itemgetter
from pathlib import Path
from typing import Protocol

from feeder.errors import NotAnArticle, UndecodableFile, UnreadableFile
from feeder.records import Kind, RawArticle
from feeder.text import display_path

SUFFIXES: dict[str, Kind] = {".txt": "text", ".html": "html", ".htm": "html"}

# The HTML prescan, reduced to what saved pages carry: <meta charset> or http-equiv content.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class Listing:
    """One inbox folder's article files as a scan found them: (name, size, mtime_ns) in listing
    order, and a digest of that list (None when the folder could not be listed to its end).

    ``stamp`` is the folder's own stat taken before it was listed (None if it could not be
    stat'ed) and ``subfolders`` its subfolders' paths. A folder whose stamp matched a trusted one
    (see ``list_inbox``) was not listed: ``files`` is empty, ``skipped`` True, and ``digest`` the
    digest recorded with that stamp.
    """

    folder: str
    files: list[tuple[str, int, int]]
    digest: str | None
    stamp: str | None = None
    subfolders: tuple[str, ...] = ()
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class FolderStamp:
    """What a pass recorded of a folder whose every file the state knew as listed: its stat, its
    listing's digest and its subfolders (adding, removing or renaming an entry changes the stat)."""

    stamp: str
    digest: str
    subfolders: tuple[str, ...]


def folder_stamp(info: os.stat_result) -> str:
    """A folder's stat as recorded: mtime and ctime (both move when an entry is added, removed or
    renamed) and the inode (a folder replaced by another)."""
    return f"{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"


def list_inbox(folder: Path, trusted: Mapping[str, FolderStamp] | None = None) -> list[Listing]:
    """Every folder below (and with) ``folder``, with its article files and their stat.

    Every pass lists the whole inbox (100,000 files and more), so the loop does only what each
    file needs: one stat, relative to the open folder, with no pathlib and no sort. A file that
    vanishes or cannot be stat'ed is listed with size and mtime -1 (read, then reported). A folder
    whose own stat equals its ``trusted`` stamp (by display path) has had no entry added, removed
    or renamed since: it is not listed at all (no stat of its files; a file rewritten in place is
    found by the daemon's filesystem events, and by the periodic pass that trusts no stamp:
    ``pipeline.VERIFY_EVERY_NS``).
    """
    trusted = trusted or {}
    listings: list[Listing] = []
    stack = [os.fspath(folder)]
    while stack:
        here = stack.pop()
        try:
            handle = os.open(here, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            listings.append(Listing(here, [], None))
            continue
        try:
            listings.append(_list_folder(here, handle, trusted))
        finally:
            os.close(handle)
        stack.extend(listings[-1].subfolders)
    return listings


def _list_folder(here: str, handle: int, trusted: Mapping[str, FolderStamp]) -> Listing:
    try:
        stamp: str | None = folder_stamp(os.fstat(handle))  # before listing: a change while listing shows next time
    except OSError:
        stamp = None
    known = trusted.get(display_path(here)) if trusted and stamp is not None else None
    if known is not None and known.stamp == stamp:
        return Listing(here, [], known.digest, stamp, known.subfolders, skipped=True)
    files, subfolders, complete = scan_folder(here, handle)
    return Listing(here, files, _digest(files) if complete else None, stamp if complete else None,
                   tuple(subfolders))


def scan_folder(here: str, handle: int) -> tuple[list[tuple[str, int, int]], list[str], bool]:
    """The article files (name, size, mtime_ns) and the subfolders (paths) of the open folder
    ``here``, and whether it was listed to its end."""
    files: list[tuple[str, int, int]] = []
    subfolders: list[str] = []
    add = files.append
    try:
        with os.scandir(handle) as listing:  # by descriptor: each entry's stat is relative to the folder
            for entry in listing:
                name = entry.name
                if name[0] == ".":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(os.path.join(here, name))
                elif name.endswith(_ENDINGS) or name.lower().endswith(_ENDINGS):
                    try:
                        info = entry.stat()
                    except OSError:
                        add((name, -1, -1))
                    else:
                        add((name, info.st_size, info.st_mtime_ns))
    except OSError:
        return files, subfolders, False
    return files, subfolders, True


def _digest(files: list[tuple[str, int, int]]) -> str:
    # marshal version 2 writes no back-references: equal lists give equal bytes
    return hashlib.blake2b(marshal.dumps(files, 2), digest_size=16).hexdigest()


CHUNK = 128  # files per chunk of a folder's listing marks (``listing_marks``)
Marks = list[tuple[str, str]]  # (the name ending a chunk of a listing, the chunk's digest), in listing order


def listing_marks(files: list[tuple[str, int, int]], chunk: int | None = None) -> Marks:
    """The listing cut into chunks of ``CHUNK`` files, each with its digest: kept with a large
    folder's digest, they let the next scan of a changed folder find its unchanged chunks by
    their last names (a listing keeps its order when an entry is added or removed) without
    asking the state about each file."""
    size = chunk or CHUNK
    return [(files[end - 1][0], _digest(files[start:end]))
            for start, end in ((start, min(start + size, len(files))) for start in range(0, len(files), size))]


def outside_marks(files: list[tuple[str, int, int]], marks: Marks, chunk: int | None = None
                  ) -> tuple[list[tuple[str, int, int]], Marks]:
    """The files not in a chunk found intact (a run of the listing ending at a marked name, after
    the previous marked name found, with the digest recorded for that chunk), and the marks of
    the listing as it is now: the intact chunks' as recorded, the runs between them cut anew."""
    size = chunk or CHUNK
    where: dict[str, int] | None = None  # every name's place, made only if a marked name is not near
    outside: list[tuple[str, int, int]] = []
    renewed: Marks = []
    start = 0
    for name, digest in marks:
        # a chunk is ``size`` files (the last ones of a run fewer, a few more where files were added
        # since): the marked name is looked for there first (names in a folder are unique)
        full = start + size - 1
        end = full + 1 if full < len(files) and files[full][0] == name else next(
            (at + 1 for at in range(start, min(len(files), start + 2 * size)) if files[at][0] == name), 0)
        if not end:
            where = where if where is not None else dict(zip(map(itemgetter(0), files), count()))
            end = where.get(name, -1) + 1
        if end <= start:
            continue  # gone (or out of order): its files are compared with the next chunk's
        run = files[start:end]
        if _digest(run) == digest:
            renewed.append((name, digest))
        else:
            outside.extend(run)
            renewed.extend(listing_marks(run, chunk))
        start = end
    outside.extend(files[start:])
    renewed.extend(listing_marks(files[start:], chunk))
    return outside, renewed


class KeptMarks(Protocol):
    """The marks recorded with a folder's digest (``get``), and where a scan notes the marks of its
    listing as it is now (``renew``), to be kept if the pass records that listing's digest."""

    def get(self, listing: Listing, digest: str) -> Marks | None: ...

    def renew(self, listing: Listing, marks: Marks) -> None: ...


class KnownFiles(Protocol):
    """What the state knows of inbox files: (size, mtime_ns) by display path."""

    def file_stats(self, under: str | None = None) -> Mapping[str, tuple[int, int]]: ...

    def file_stat(self, path: str) -> tuple[int, int] | None: ...


FEW = 8  # a folder with fewer than 1/FEW of its files to check asks the state file by file


def changed_files(folder: Path, listings: Iterable[Listing], digests: Mapping[str, str], state: KnownFiles,
                  marks: KeptMarks | None = None) -> list[tuple[str, int, int, bool]]:
    """(path, size, mtime_ns, known) of each listed file that the state does not know with that
    size and mtime, in scan order: a folder's files by name, then its subfolders, likewise;
    ``known`` says whether the state knows the file at all (a pass asks it nothing of a new one).

    ``digests`` (folder -> digest, by display path) are those of folders whose every file the
    state knew exactly as listed after an earlier pass: a folder listed with the same digest is
    unchanged without a look at its files, and one listed otherwise is compared only outside the
    chunks of that listing it still holds intact (``marks``: those recorded with its digest).
    """
    found: list[tuple[str, int, int, bool]] = []
    for listing in listings:
        recorded = digests.get(display_path(listing.folder))
        if listing.skipped or not listing.files or (listing.digest is not None and recorded == listing.digest):
            continue
        kept = marks.get(listing, recorded) if marks is not None and recorded is not None else None
        files = listing.files
        if kept is not None and marks is not None:
            files, renewed = outside_marks(listing.files, kept)
            marks.renew(listing, renewed)
        if len(files) * FEW < len(listing.files):
            found.extend(_unknown(listing.folder, files, state.file_stat))
        else:
            stats = state.file_stats(listing.folder)
            found.extend(_unknown(listing.folder, files, stats.get))
    root = os.fspath(folder)
    return sorted(found, key=lambda item: _scan_order(root, item[0]))


def _unknown(folder: str, files: Iterable[tuple[str, int, int]], known: Callable[[str], tuple[int, int] | None]
             ) -> Iterator[tuple[str, int, int, bool]]:
    for name, size, mtime in files:
        path = os.path.join(folder, name)
        stat_pair = (size, mtime)
        # state keys are display paths; they differ only for undecodable names
        if (had := known(path)) != stat_pair and (shown := known(display_path(path))) != stat_pair:
            yield path, size, mtime, had is not None or shown is not None


_ENDINGS = tuple(SUFFIXES)


def changed_among(folder: Path, paths: Iterable[Path], known: Callable[[str], tuple[int, int] | None]
                  ) -> list[tuple[str, int, int, bool]]:
    """Like ``changed_files``, for the given paths only (those filesystem events named): a pass
    after an event costs what the event's files cost, whatever the size of the inbox."""
    root = os.fspath(folder)
    found = []
    for path in sorted({os.fspath(p) for p in paths}):
        relative = os.path.relpath(path, root)
        parts = relative.split(os.sep)
        if parts[0] == ".." or any(part.startswith(".") for part in parts) or not path.lower().endswith(_ENDINGS):
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue  # gone again: a removed file keeps its entry
        stats = (info.st_size, info.st_mtime_ns)
        if not stat.S_ISREG(info.st_mode):
            continue
        if (had := known(path)) != stats and (shown := known(display_path(path))) != stats:
            found.append((path, *stats, had is not None or shown is not None))
    return sorted(found, key=lambda item: _scan_order(root, item[0]))


def _scan_order(root: str, path: str) -> tuple[tuple[int, str], ...]:
    """Sort key of a path in scan order: at each level a folder's files (0) come before its subfolders (1)."""
    *folders, name = os.path.relpath(path, root).split(os.sep)
    return (*((1, part) for part in folders), (0, name))


def read_article(path: Path, *, inbox: Path | None = None, max_bytes: int = 5_000_000) -> RawArticle:
    """Read and decode one file; raise an InputError naming the file and the problem."""
    data = _read_bytes(path, inbox, max_bytes)
    if not data.strip():
        raise NotAnArticle(path, "empty file: nothing to publish")
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    text, encoding = decode(data, kind, path)
    return RawArticle(path=path, kind=kind, text=text.replace("\r\n", "\n").replace("\r", "\n"),
                      encoding=encoding, digest=hashlib.sha256(data).hexdigest(), size=len(data))


def _read_bytes(path: Path, inbox: Path | None, max_bytes: int) -> bytes:
    try:
        if inbox is not None and path.is_symlink() and not _inside(path.resolve(), inbox.resolve()):
            raise UnreadableFile(path, "symbolic link to a file outside the inbox: not followed")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(path, "not a regular file")
        if info.st_size > max_bytes:
            raise UnreadableFile(
                path, f"file is {info.st_size} bytes, over the limit of {max_bytes} "
                      "(input.max_file_bytes)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file: {exc.strerror or exc}") from exc
    except RuntimeError as exc:  # a symbolic link loop
        raise UnreadableFile(path, f"cannot resolve the file: {exc}") from exc
    if len(data) > max_bytes:
        raise UnreadableFile(path, f"file grew over the limit of {max_bytes} bytes while read")
    return data


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def decode(data: bytes, kind: Kind, path: Path) -> tuple[str, str]:
    """Bytes to text: a BOM, then a declared charset, then UTF-8, then GB18030 or cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path), encoding
    if b"\x00" in data:
        raise UndecodableFile(path, "binary data (NUL bytes): not a text or HTML article")
    declared = _declared(data) if kind == "html" else None
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return _check_text(data.decode(encoding), path), encoding
        except UnicodeDecodeError:
            continue
    return _guess_legacy(data, path)


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # Pages labelled GBK or GB2312 are routinely GB18030 in practice (a superset of both).
    return "gb18030" if name in ("gbk", "gb2312") else name


def _guess_legacy(data: bytes, path: Path) -> tuple[str, str]:
    try:
        text = data.decode("gb18030")
        if len(_CJK.findall(text)) * 4 >= len(re.findall(r"[^\x00-\x7f]", text)):
            return _check_text(text, path), "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        return _check_text(data.decode("cp1252"), path), "cp1252"
    except UnicodeDecodeError:
        return _check_text(data.decode("latin-1"), path), "latin-1"


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return _check_text(data.decode(encoding), path)
    except UnicodeDecodeError as exc:
        raise UndecodableFile(path, f"invalid {encoding} text at byte {exc.start}") from exc


def _check_text(text: str, path: Path) -> str:
    """Refuse decoded text that is mostly control characters: that is binary, not prose."""
    if len(_CONTROL.findall(text)) * 20 > len(text):
        raise UndecodableFile(path, "binary data (control characters): not a text or HTML article")
    return text
