"""Serve the published feeds folder over HTTP, as static files: only the documents feeder listed as published.

Library choice: uvicorn (h11) for HTTP/1.1 and connection handling; this module is an ASGI app of
about a hundred lines that keeps only the HTTP concerns: media types, strong ETags and
Last-Modified with 304s, gzip, HEAD, 404/405, and which paths may be served. Pages are rendered
at publish time (feeder/pages.py), so nothing here parses or rewrites a document, and nginx,
caddy or an object store can serve the same folder.

What may be served: the paths listed in ``.published`` (written by each pass beside the
documents), as regular files with a single link, opened segment by segment with ``O_NOFOLLOW``
from the folder, so a symlink, a hard link to another file, a dot file, a temporary file or
anything else placed in the folder is 404. ``/`` is ``index.html``.

Two guards around uvicorn's h11 protocol keep the server answering when clients misbehave: a
request's head must arrive within about ``HEAD_TIMEOUT`` seconds of the connection or of the previous
response (slowloris), and open connections are capped below the process's file limit; at the
cap, the connection that has waited longest without a complete request is closed so that a new
client is still answered. Requests h11 cannot parse (HTTP/0.9 among them) get a 400.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import logging
import os
import random
import re
import resource
import signal
import socket
import stat
import sys
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, replace
from datetime import UTC
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import unquote_to_bytes

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from feeder.pages import INDEX, MANIFEST, NOT_FOUND, read_manifest

logger = logging.getLogger(__name__)

ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
MEDIA_TYPES = {".atom": ATOM_TYPE, ".rss": RSS_TYPE, ".html": HTML_TYPE, ".xsl": "text/xsl; charset=utf-8",
               ".xml": "application/xml; charset=utf-8", ".css": "text/css; charset=utf-8"}
FEED_TYPES = (ATOM_TYPE, RSS_TYPE)
# Pages link site.css ('self'); entry pages published before it carry their style sheet inline
# (an entry page is rewritten only when its story changes), so the header allows both: each
# page's own meta policy (pages.POLICY: 'self' only, or the older 'unsafe-inline') narrows it.
PAGE_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'"

SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}")  # no leading dot: no "..", no dotfiles
UNSAFE_NAME = re.compile(r"\.(?:tmp|part|swp|bak)$|~$", re.IGNORECASE)  # editor and writer leftovers
MAX_DEPTH = 8
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
CACHED_DOCUMENTS = 512
ETAG = re.compile(r'(?:W/)?"[^"]*"')
QVALUE = re.compile(r"0(?:\.\d{0,3})?|1(?:\.0{0,3})?")
HEAD_TIMEOUT = 10.0  # seconds for a request head to arrive
SPARE_FILES = 32  # descriptors kept free for the listening socket, the event loop and opening documents
# asyncio accepts up to ``backlog`` connections per wake-up before any of them is seen by the cap,
# so the listen backlog is also how far past the cap a burst can go: the cap leaves room for it.
ACCEPT_BATCH = 128
MAX_HEAD_BYTES = 16 * 1024

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


@dataclass(frozen=True)
class Resource:
    """Bytes ready to send, both plain and gzipped, with their validators."""

    body: bytes
    gzipped: bytes
    content_type: str
    digest: str
    mtime: float | None

    @property
    def etag(self) -> str:
        return f'"{self.digest}"'

    @property
    def etag_gzip(self) -> str:
        return f'"{self.digest}-gzip"'


def make_resource(body: bytes, content_type: str, mtime: float | None) -> Resource:
    digest = hashlib.sha256(body).hexdigest()[:32]
    return Resource(body, gzip.compress(body, mtime=0), content_type, digest, mtime)


# --- which paths exist ---------------------------------------------------------------------------


def request_parts(target: str) -> tuple[str, ...] | None:
    """The path segments of a request target, or None when it is anything but plain safe names."""
    path = target.partition("?")[0]
    if not path.startswith("/") or "#" in path:
        return None
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "%" in decoded or "\\" in decoded:
        return None  # double encoding or Windows separators: never a name we publish
    if decoded == "/":
        return ()
    parts = tuple(decoded[1:].split("/"))
    if len(parts) > MAX_DEPTH or not all(_safe_name(p) for p in parts):
        return None
    return parts


def _safe_name(name: str) -> bool:
    return SAFE_NAME.fullmatch(name) is not None and UNSAFE_NAME.search(name) is None


def open_no_follow(root: Path, parts: tuple[str, ...]) -> int | None:
    """A read-only descriptor for root/parts, opened without following any symlink; None if not a plain file.

    A plain file is a regular file with one link: a hard link to a file elsewhere is not served.
    """
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        for name in parts[:-1]:
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder)
            os.close(folder)
            folder = inner
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or info.st_size > MAX_DOCUMENT_BYTES:
        os.close(fd)
        return None
    return fd


StatKey = tuple[int, int, int, int]  # (device, inode, mtime_ns, size)


class Site:
    """The published folder: its list of published paths and their bytes, re-read when a file changes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._listed: tuple[StatKey | None, frozenset[str]] = (None, frozenset())
        self._cache: OrderedDict[str, tuple[StatKey, Resource]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, target: str) -> Resource | None:
        """The resource a request target names, or None (404)."""
        parts = request_parts(target)
        if parts is None:
            return None
        parts = parts or (INDEX,)
        if "/".join(parts) not in self.published():
            return None
        return self._read(parts)

    def not_found(self) -> Resource:
        page = self._read((NOT_FOUND,)) if NOT_FOUND in self.published() else None
        return page or make_resource(FALLBACK_404, HTML_TYPE, None)

    def published(self) -> frozenset[str]:
        fd = open_no_follow(self.root, (MANIFEST,))
        if fd is None:
            return frozenset()
        with os.fdopen(fd, "rb") as handle:
            key = _stat_key(os.fstat(handle.fileno()))
            if key != self._listed[0]:
                self._listed = (key, read_manifest(handle.read()))
        return self._listed[1]

    def _read(self, parts: tuple[str, ...]) -> Resource | None:
        fd = open_no_follow(self.root, parts)
        if fd is None:
            return None
        path = "/".join(parts)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            key = _stat_key(info)
            with self._lock:
                cached = self._cache.get(path)
                if cached and cached[0] == key:
                    self._cache.move_to_end(path)
                    return cached[1]
            found = make_resource(handle.read(), _media_type(path), info.st_mtime)
        with self._lock:
            self._cache[path] = (key, found)
            while len(self._cache) > CACHED_DOCUMENTS:
                self._cache.popitem(last=False)
        return found

    def index_placeholder(self) -> Resource:
        return make_resource(EMPTY_INDEX, HTML_TYPE, None)


def _stat_key(info: os.stat_result) -> StatKey:
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)


def _media_type(path: str) -> str:
    return MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")


# --- HTTP ----------------------------------------------------------------------------------------


def accepts_gzip(values: list[str]) -> bool:
    """Whether Accept-Encoding header values allow gzip (q-values honoured, ``*`` counts)."""
    weights: dict[str, bool] = {}
    for item in ",".join(values).split(","):
        name, *params = (p.strip() for p in item.split(";"))
        if not name:
            continue
        ok = True
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                ok = QVALUE.fullmatch(value.strip()) is not None and float(value) > 0
        weights[name.lower()] = ok
    for name in ("gzip", "x-gzip", "*"):
        if name in weights:
            return weights[name]
    return False


def not_modified(headers: dict[str, list[str]], etag: str, mtime: float | None) -> bool:
    """RFC 9110 conditional GET: If-None-Match (weak comparison) wins; If-Modified-Since only without it.

    If-Modified-Since is read in all three HTTP date forms (IMF-fixdate, RFC 850, asctime; all GMT).
    """
    tags = headers.get("if-none-match")
    if tags:
        joined = ",".join(tags)
        if joined.strip() == "*":
            return True
        return any(t.removeprefix("W/") == etag for t in ETAG.findall(joined))
    since = headers.get("if-modified-since")
    if not since or mtime is None:
        return False
    try:
        when = parsedate_to_datetime(since[0])
    except (TypeError, ValueError, IndexError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # asctime dates carry no zone; HTTP dates are GMT
    return int(mtime) <= when.timestamp()


def wants_page(values: list[str]) -> bool:
    """A browser navigating to a feed (it asks for HTML and names no feed type), not a feed reader.

    Chromium shows ``application/atom+xml`` as plain text; as ``application/xml`` it applies the
    document's xml-stylesheet. Readers name a feed type (or only XML) and get the feed's own type.
    """
    accept = ",".join(values).lower()
    return "text/html" in accept and "atom+xml" not in accept and "rss+xml" not in accept


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class App:
    """The ASGI application: GET and HEAD of published documents, everything else 404 or 405."""

    def __init__(self, site: Site, cache_control: str) -> None:
        self.site = site
        self.cache_control = cache_control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return  # lifespan is off; websockets are not served
        headers: dict[str, list[str]] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        method = scope["method"]
        target = scope["raw_path"].decode("latin-1")
        if scope.get("http_version") in ("1.0", "1.1"):
            status, length = await self._answer(method, target, headers, send)
        else:  # h11 reads any HTTP/x.y; only 1.0 and 1.1 are spoken here
            status, length = await _send(send, 505, [("connection", "close"), ("content-type", "text/plain")],
                                         b"HTTP Version Not Supported\n", head=False)
        logger.info('%s - "%s %s HTTP/%s" %d %d "%s"', scope["client"][0] if scope.get("client") else "-",
                    _printable(method), _printable(target), scope.get("http_version", "1.1"), status, length,
                    _printable(",".join(headers.get("user-agent", []))))

    async def _answer(self, method: str, target: str, headers: dict[str, list[str]], send: Send) -> tuple[int, int]:
        if method not in ("GET", "HEAD"):
            body = b"Only GET and HEAD are allowed.\n"
            return await _send(send, 405, [("allow", "GET, HEAD"), ("content-type", "text/plain; charset=utf-8")],
                               body, head=False)
        found = self.site.lookup(target)
        if found is None and request_parts(target) == () and not self.site.published():
            found = self.site.index_placeholder()  # nothing published yet: say what to do
        if found is None:
            page = self.site.not_found()
            return await _send(send, 404, self._headers(page, page.body, page.etag), page.body, head=method == "HEAD")
        packed = accepts_gzip(headers.get("accept-encoding", []))
        body, etag = (found.gzipped, found.etag_gzip) if packed else (found.body, found.etag)
        extra = [("content-encoding", "gzip")] if packed else []
        if found.content_type in FEED_TYPES and wants_page(headers.get("accept", [])):
            found = replace(found, content_type=MEDIA_TYPES[".xml"])  # so the browser applies feed.xsl
        if not_modified(headers, etag, found.mtime):
            return await _send(send, 304, self._validators(found, etag), b"", head=True)
        return await _send(send, 200, self._headers(found, body, etag) + extra, body, head=method == "HEAD")

    def _validators(self, found: Resource, etag: str) -> list[tuple[str, str]]:
        vary = "Accept, Accept-Encoding" if found.content_type == MEDIA_TYPES[".xml"] else "Accept-Encoding"
        headers = [("etag", etag), ("cache-control", self.cache_control), ("vary", vary)]
        if found.mtime is not None:
            headers.append(("last-modified", formatdate(found.mtime, usegmt=True)))
        return headers

    def _headers(self, found: Resource, body: bytes, etag: str) -> list[tuple[str, str]]:
        headers = [*self._validators(found, etag), ("content-type", found.content_type),
                   ("content-length", str(len(body))), ("x-content-type-options", "nosniff")]
        if found.content_type == HTML_TYPE:
            headers.append(("content-security-policy", PAGE_POLICY))
        return headers


async def _send(send: Send, status: int, headers: list[tuple[str, str]], body: bytes, *, head: bool
                ) -> tuple[int, int]:
    if not any(name == "content-length" for name, _ in headers):
        headers = [*headers, ("content-length", str(len(body)))]
    await send({"type": "http.response.start", "status": status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]})
    await send({"type": "http.response.body", "body": b"" if head else body})
    return status, 0 if head else len(body)


FALLBACK_404 = (b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>'
                b"<body><h1>Not found</h1><p>Nothing is published at this address.</p></body></html>\n")
EMPTY_INDEX = (b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Feeds</title></head><body>'
               b"<h1>Feeds</h1><p>No feeds are published yet: add articles to the inbox and run "
               b"<code>feeder build</code>.</p></body></html>\n")


# --- connection guards ---------------------------------------------------------------------------


class GuardedH11(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head and a cap on open connections.

    ``waiting`` holds the connections in the order they started waiting for a request head (a
    connection that is busy is dropped from it lazily), so the one to close at the cap is found at
    once: a burst of a thousand connections costs a thousand steps, not a million.
    """

    head_timeout = HEAD_TIMEOUT
    max_connections = 1000
    waiting: OrderedDict[GuardedH11, None]  # one per server: make_server() gives each its own subclass

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()
        if len(self.connections) > self.max_connections:
            self._evict()

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self.waiting.pop(self, None)
        self.waiting[self] = None
        # Spread over +-25 %: connections opened in one burst do not all close, and reconnect, at once.
        self._deadline = self.loop.call_later(self.head_timeout * random.uniform(0.75, 1.25), self._expire)

    def _waiting(self) -> bool:
        """No complete request head since the connection opened or the last response ended."""
        return self.conn.their_state is h11.IDLE and self.conn.our_state is h11.IDLE

    def _expire(self) -> None:
        if self._waiting() and not self.transport.is_closing():
            self.transport.close()

    def _evict(self) -> None:
        while self.waiting:
            oldest = next(iter(self.waiting))
            if oldest is not self and oldest._waiting() and not oldest.transport.is_closing():
                oldest.transport.close()
                return
            del self.waiting[oldest]  # busy, closing, or the newcomer itself: not a candidate
        self.transport.close()  # every other connection is busy: this one waits its turn elsewhere

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self.waiting.pop(self, None)
        super().connection_lost(exc)


def connection_cap() -> int:
    """Open connections allowed: the file limit less what the process needs besides connections."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 10_000
    return max(16, soft - ACCEPT_BATCH - SPARE_FILES)


# --- lifecycle -----------------------------------------------------------------------------------


class ServerHandle:
    """A bound server: ``serve_forever()`` in one thread, ``shutdown()`` from another (or before)."""

    def __init__(self, server: uvicorn.Server, sock: socket.socket) -> None:
        self._server = server
        self._sock = sock
        self._lock = threading.Lock()
        self._serving = False
        self._closed = False
        self._done = threading.Event()
        self._address = sock.getsockname()

    @property
    def host(self) -> str:
        return str(self._address[0])

    @property
    def port(self) -> int:
        return int(self._address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until shutdown(); ``poll_interval`` is kept for callers of the earlier server (uvicorn polls)."""
        with self._lock:
            if self._closed:
                return
            self._serving = True
        try:
            self._server.run(sockets=[self._sock])
        finally:
            self._done.set()

    def shutdown(self) -> None:
        """Stop serving and close the socket; idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            serving = self._serving
        self._server.should_exit = True
        if serving:
            self._done.wait(30)
        self._sock.close()

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


def make_server(feeds: Path, *, host: str = "127.0.0.1", port: int = 8080,
                cache_control: str = "max-age=300") -> ServerHandle:
    """A server bound to host:port (0 picks a free port) for the feeds folder; OSError if it cannot bind."""
    if any(c in cache_control for c in "\r\n\0"):
        raise ValueError(f"cache_control must be one header line, not {cache_control!r}")
    logging.getLogger("uvicorn").setLevel(logging.WARNING)  # its start/stop chatter; feeder logs what it serves
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(ACCEPT_BATCH)
    sock.set_inheritable(True)
    protocol = type("GuardedH11", (GuardedH11,), {"max_connections": connection_cap(), "waiting": OrderedDict()})
    config = uvicorn.Config(App(Site(Path(feeds).resolve()), cache_control), http=protocol, lifespan="off",
                            ws="none", log_config=None, access_log=False, server_header=False,
                            timeout_keep_alive=5, timeout_graceful_shutdown=2, backlog=ACCEPT_BATCH,
                            h11_max_incomplete_event_size=MAX_HEAD_BYTES, proxy_headers=False)
    return ServerHandle(uvicorn.Server(config), sock)


def serve(feeds: Path, host: str = "127.0.0.1", port: int = 8080, cache_control: str = "max-age=300") -> int:
    """Serve until SIGINT or SIGTERM, logging one line per request to stderr; returns 0. Main thread only."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s")
    handle = make_server(feeds, host=host, port=port, cache_control=cache_control)
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    worker = threading.Thread(target=handle.serve_forever, name="feeder-serve", daemon=True)
    try:
        logger.info("serving %s at %s (Ctrl-C to stop)", Path(feeds).resolve(), handle.url)
        worker.start()
        stop.wait()
        logger.info("stopping")
    finally:
        handle.shutdown()
        worker.join(timeout=10)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
