"""The feeds server over a real local socket, read by real clients: feedparser, http.client, a raw socket."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from pathlib import Path

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeder.atom import write_atomic
from feeder.config import load_config
from feeder.pages import MANIFEST
from feeder.pipeline import run_once
from feeder.serve import ServerHandle, accepts_gzip, make_server, request_parts
from tests.conftest import ROOT, scenario_inputs, write_config

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
FIXTURES = ROOT / "tests" / "serve"
TIMEOUT = 5.0
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass(frozen=True)
class Published:
    folder: Path
    stories: int


def published_folder(root: Path) -> Published:
    """Real feeds (Atom, RSS, per outlet, RFC 5005 archives), fixture feeds, and traps not to serve."""
    config = load_config(write_config(root, max_entries=10, output="rss = true\nper_outlet = true"))
    for path in scenario_inputs():
        shutil.copy(path, config.input_folder / path.name)
    report = run_once(config, now=NOW)
    feeds = config.output_folder
    assert (feeds / "feed.rss").is_file() and (feeds / "archive" / "feed-1.atom").is_file()
    shutil.copy(FIXTURES / "hostile-content.atom", feeds / "hostile.atom")
    shutil.copy(FIXTURES / "minimal.rss", feeds / "news.rss")
    (feeds / "archive" / "2021").mkdir(parents=True)
    shutil.copy(feeds / "feed.atom", feeds / "archive" / "2021" / "03.atom")
    (feeds / ".feed.atom.abcd1234.tmp").write_bytes(b"half-written")
    (feeds / "notes.txt").write_text("not a feed", encoding="utf-8")
    (feeds / "feed.atom~").write_bytes(b"editor backup")
    outside = root / "outside"
    outside.mkdir()
    (outside / "leak.atom").write_text("<secret/>", encoding="utf-8")
    (feeds / "linked.atom").symlink_to(feeds / "feed.atom")
    (feeds / "secret.atom").symlink_to(root / "config.toml")
    (feeds / "archive" / "linked").symlink_to(outside, target_is_directory=True)
    # The fixture documents are published too; the symlinks are listed to show that listing is not enough.
    with (feeds / MANIFEST).open("a", encoding="utf-8") as listed:
        listed.write("hostile.atom\nnews.rss\narchive/2021/03.atom\nlinked.atom\nsecret.atom\n"
                     "archive/linked/leak.atom\n")
    return Published(feeds, report.entries)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    return published_folder(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def feeds(published: Published) -> Path:
    return published.folder


def _start(folder: Path) -> Iterator[ServerHandle]:
    handle = make_server(folder, port=0)
    thread = threading.Thread(target=handle.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield handle
    finally:
        handle.shutdown()
        thread.join(TIMEOUT)
        assert not thread.is_alive()


@pytest.fixture(scope="module")
def server(feeds: Path) -> Iterator[ServerHandle]:
    yield from _start(feeds)



def request(server: ServerHandle, path: str, method: str = "GET", headers: dict[str, str] | None = None,
            body: bytes | None = None) -> Reply:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        conn.close()


def raw_exchange(server: ServerHandle, data: bytes) -> bytes:
    """What the server sends back before it closes.

    A server that refuses a request it cannot parse may close while the rest of it is still arriving
    (a 70 KB request line); the kernel then resets the connection, and what the server sent before may
    be lost with it. That is a refusal too: the reply counts as empty, and the tests still check that
    the server lives on."""
    chunks: list[bytes] = []
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        try:
            sock.sendall(data)
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            return b"".join(chunks) if b"".join(chunks).startswith(b"HTTP/1.") else b""
    return b"".join(chunks)


# --- feed documents ------------------------------------------------------------------------------


def test_feedparser_gets_the_feed_then_304(server: ServerHandle, feeds: Path, socket_timeout: None) -> None:
    url = f"http://127.0.0.1:{server.port}/feed.atom"
    first = feedparser.parse(url)
    assert first.status == 200
    assert first.bozo == 0, first.get("bozo_exception")
    assert first.headers["content-type"] == ATOM_TYPE
    assert first.etag and first.modified
    assert first.headers["cache-control"] == "max-age=300"
    expected = feedparser.parse((feeds / "feed.atom").read_bytes())
    assert [e.title for e in first.entries] == [e.title for e in expected.entries]
    assert len(first.entries) == 10
    again = feedparser.parse(url, etag=first.etag, modified=first.modified)
    assert again.status == 304
    assert not again.entries
    by_date = feedparser.parse(url, modified=first.modified)
    assert by_date.status == 304


def test_feed_headers_validators_and_head(server: ServerHandle, feeds: Path) -> None:
    data = (feeds / "feed.atom").read_bytes()
    got = request(server, "/feed.atom")
    assert got.status == 200 and got.body == data
    assert got.headers["content-type"] == ATOM_TYPE
    assert re.fullmatch(r'"[0-9a-f]{32}"', got.headers["etag"])
    assert got.headers["last-modified"] == formatdate((feeds / "feed.atom").stat().st_mtime, usegmt=True)
    assert got.headers["vary"] == "Accept-Encoding"
    head = request(server, "/feed.atom", "HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-length"] == str(len(data))
    assert head.headers["etag"] == got.headers["etag"]


def test_if_none_match_list_weak_and_precedence(server: ServerHandle) -> None:
    etag = request(server, "/feed.atom").headers["etag"]
    listed = request(server, "/feed.atom", headers={"If-None-Match": f'"nope", W/{etag}'})
    assert listed.status == 304 and listed.body == b""
    assert listed.headers["etag"] == etag
    future = formatdate(NOW.timestamp() + 10 * 365 * 86400, usegmt=True)
    stale_tag = request(server, "/feed.atom", headers={"If-None-Match": '"nope"', "If-Modified-Since": future})
    assert stale_tag.status == 200, "If-Modified-Since is ignored when If-None-Match is present"
    assert request(server, "/feed.atom", headers={"If-Modified-Since": future}).status == 304
    assert request(server, "/feed.atom", headers={"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"}
                   ).status == 200
    assert request(server, "/feed.atom", headers={"If-Modified-Since": "garbage"}).status == 200


def test_gzip_variant_has_its_own_etag(server: ServerHandle, feeds: Path) -> None:
    plain = request(server, "/feed.atom")
    packed = request(server, "/feed.atom", headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert packed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(packed.body) == (feeds / "feed.atom").read_bytes()
    assert packed.headers["etag"] == plain.headers["etag"][:-1] + '-gzip"'
    assert packed.headers["vary"] == "Accept-Encoding"
    again = request(server, "/feed.atom", headers={"Accept-Encoding": "gzip",
                                                     "If-None-Match": packed.headers["etag"]})
    assert again.status == 304
    other = request(server, "/feed.atom", headers={"Accept-Encoding": "gzip",
                                                    "If-None-Match": plain.headers["etag"]})
    assert other.status == 200, "an identity ETag does not validate the gzip variant"
    refused = request(server, "/feed.atom", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers and refused.body == plain.body


@pytest.mark.parametrize(("header", "expected"), [
    ("gzip", True), ("gzip, deflate", True), ("GZIP;q=0.5", True), ("*", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip;q=0.000", False), ("*;q=0", False), ("deflate, br", False), ("", False),
    ("gzip;q=nonsense", False), ("gzip;q=2", False), (";;,,", False), ("*, gzip;q=0", False),
])
def test_accept_encoding(header: str, expected: bool) -> None:
    assert accepts_gzip([header]) is expected


def test_rss_and_archives_are_served_with_their_types(server: ServerHandle, feeds: Path) -> None:
    for path in ("/news.rss", "/feed.rss"):
        rss = request(server, path)
        assert rss.status == 200 and rss.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert feedparser.parse(request(server, "/feed.rss").body).version == "rss20"
    assert request(server, "/archive/feed-1.atom").headers["content-type"] == ATOM_TYPE
    archived = request(server, "/archive/2021/03.atom")
    assert archived.status == 200 and archived.headers["content-type"] == ATOM_TYPE
    assert archived.body == (feeds / "archive" / "2021" / "03.atom").read_bytes()


def test_a_rewritten_feed_is_served_fresh(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    write_atomic(feeds / "feed.atom", (FIXTURES / "hostile-content.atom").read_bytes())
    write_atomic(feeds / MANIFEST, b"feed.atom\n")
    for handle in _start(feeds):
        before = request(handle, "/feed.atom")
        write_atomic(feeds / "feed.atom", (FIXTURES / "minimal.rss").read_bytes())
        after = request(handle, "/feed.atom", headers={"If-None-Match": before.headers["etag"]})
        assert after.status == 200 and after.body == (FIXTURES / "minimal.rss").read_bytes()


# --- what is refused -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/../config.toml", "/%2e%2e/config.toml", "/%2E%2E/config.toml", "/..%2fconfig.toml",
    "/..%2f..%2fetc/passwd", "/%252e%252e/config.toml", "/%252e%252e%252fconfig.toml",
    "/..\\config.toml", "/%5c..%5cconfig.toml", "/feed.atom%5c", "//etc/passwd", "/etc/passwd",
    "/config.toml", "http://127.0.0.1/feed.atom", "/feed.atom/", "/./feed.atom", "/archive/../feed.atom",
    "/.feed.atom.abcd1234.tmp", "/%2efeed.atom.abcd1234.tmp", "/feed.atom~", "/notes.txt",
    "/linked.atom", "/secret.atom", "/archive/linked/leak.atom", "/archive", "/archive/", "/archive/2021",
    "/feed.atom%00", "/%ff.atom", "/%c0%ae%c0%ae/config.toml", "/nothing.atom", "/view", "/view/",
    "/view/../config.toml", "/view/%2e%2e/config.toml", "/view/linked.atom", "/view/secret.atom",
    "/view/.feed.atom.abcd1234.tmp", "/view/notes.txt", "/view/archive/linked/leak.atom",
    "/" + "a/" * 40 + "x.atom", "/" + "x" * 300 + ".atom",
])
def test_anything_but_a_published_document_is_404(server: ServerHandle, path: str) -> None:
    got = request(server, path)
    assert got.status == 404, path
    assert b"secret" not in got.body and b"[feed]" not in got.body and b"<feed" not in got.body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "BREW"])
def test_other_methods_are_405(server: ServerHandle, method: str) -> None:
    got = request(server, "/feed.atom", method, body=b"x=1" if method in ("POST", "PUT") else None)
    assert got.status == 405
    assert got.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("raw", [
    b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET /feed.atom HTTP/9.9\r\n\r\n", b"\x00\xff\xfe\r\n\r\n",
    b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", b"GET /feed.atom HTTP/1.0\r\nBad Header\r\n\r\n",
    b"GET /\x1b[31m.atom HTTP/1.0\r\n\r\n", b"GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
])
def test_weird_requests_get_an_error_and_the_server_lives_on(server: ServerHandle, raw: bytes) -> None:
    reply = raw_exchange(server, raw)
    if reply.startswith(b"HTTP/1."):
        assert int(reply.split(b" ", 2)[1]) in (200, 400, 404, 414, 431, 505)
    else:  # http.server answers requests it cannot parse HTTP/0.9 style: a bare body, no status line
        assert reply in (b"", b"Bad Request\n", b"HTTP Version Not Supported\n"), reply[:80]
    assert request(server, "/feed.atom").status == 200


def test_keep_alive_connection_serves_several_requests(server: ServerHandle) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        for path in ("/feed.atom", "/", "/nothing.atom", "/view/feed.atom"):
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status in (200, 404)
    finally:
        conn.close()


def test_request_parts_never_escape(server: ServerHandle) -> None:
    assert request_parts("/") == ()
    assert request_parts("/feed.atom?cache=1") == ("feed.atom",)
    assert request_parts("/archive/2021/03.atom") == ("archive", "2021", "03.atom")


@given(st.text(max_size=60))
def test_request_parts_yield_only_plain_names(target: str) -> None:
    parts = request_parts("/" + target)
    assert parts is None or all(p and not p.startswith(".") and "/" not in p and "\\" not in p for p in parts)


# --- pages --------------------------------------------------------------------------------------


def test_root_is_the_published_index_with_a_policy(server: ServerHandle, feeds: Path) -> None:
    got = request(server, "/")
    assert got.status == 200 and got.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in got.headers["content-security-policy"]
    assert got.body == (feeds / "index.html").read_bytes()
    assert request(server, "/index.html").body == got.body
    page = request(server, "/feed.html")
    assert page.status == 200 and "Originally published by" in page.text
    missing = request(server, "/entries/0000.html")
    assert missing.status == 404 and missing.body == (feeds / "404.html").read_bytes()
    assert request(server, "/feed.xsl").headers["content-type"] == "text/xsl; charset=utf-8"
    sheet = request(server, "/site.css")  # the pages' one style sheet, allowed by their policy ('self')
    assert sheet.status == 200 and sheet.headers["content-type"] == "text/css; charset=utf-8"
    assert sheet.body == (feeds / "site.css").read_bytes() and b"prefers-color-scheme" in sheet.body
    # 'self' for site.css; inline for entry pages published before it (their own meta policy narrows it)
    assert "style-src 'self' 'unsafe-inline'" in got.headers["content-security-policy"]


def test_pages_etag_and_304(server: ServerHandle) -> None:
    first = request(server, "/feed.html")
    assert first.headers["etag"] and first.headers["last-modified"]
    again = request(server, "/feed.html", headers={"If-None-Match": first.headers["etag"]})
    assert again.status == 304 and again.body == b""
    index = request(server, "/")
    assert request(server, "/", headers={"If-None-Match": index.headers["etag"]}).status == 304
    head = request(server, "/feed.html", "HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["content-length"] == str(len(first.body))


@pytest.mark.parametrize("form", [
    "%a, %d %b %Y %H:%M:%S GMT",  # IMF-fixdate
    "%A, %d-%b-%y %H:%M:%S GMT",  # RFC 850
    "%a %b %e %H:%M:%S %Y",  # asctime
])
def test_if_modified_since_in_every_http_date_form(server: ServerHandle, feeds: Path, form: str) -> None:
    mtime = datetime.fromtimestamp((feeds / "feed.atom").stat().st_mtime, UTC)
    later, earlier = mtime + timedelta(days=1), mtime - timedelta(days=1)
    assert request(server, "/feed.atom", headers={"If-Modified-Since": later.strftime(form)}).status == 304
    assert request(server, "/feed.atom", headers={"If-Modified-Since": earlier.strftime(form)}).status == 200


def test_http_09_is_refused(server: ServerHandle) -> None:
    reply = raw_exchange(server, b"GET /feed.atom\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400 "), reply[:80]
    assert b"<feed" not in reply
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"GET /feed.atom\r\n")  # an HTTP/0.9 client waits for the body: none comes
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):
            sock.recv(65536)


def test_a_hard_link_or_an_unlisted_file_is_not_served(server: ServerHandle, feeds: Path, tmp_path: Path) -> None:
    copy = tmp_path / "passwd-copy"
    copy.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    os.link(copy, feeds / "hardlinked.atom")
    (feeds / "unlisted.atom").write_bytes((feeds / "feed.atom").read_bytes())
    with (feeds / MANIFEST).open("a", encoding="utf-8") as listed:
        listed.write("hardlinked.atom\n")
    try:
        assert request(server, "/hardlinked.atom").status == 404
        assert request(server, "/unlisted.atom").status == 404
    finally:
        (feeds / "hardlinked.atom").unlink()
        (feeds / "unlisted.atom").unlink()


def test_empty_folder_index_says_what_to_do(tmp_path: Path) -> None:
    for handle in _start(tmp_path / "not-yet-built"):
        got = request(handle, "/")
        assert got.status == 200 and "No feeds are published yet" in got.text
        assert request(handle, "/feed.atom").status == 404


# --- lifecycle -----------------------------------------------------------------------------------


def test_shutdown_before_and_after_serving_returns(tmp_path: Path) -> None:
    handle = make_server(tmp_path, port=0)
    handle.shutdown()
    handle.serve_forever()  # returns at once: already shut down
    handle.shutdown()
    with pytest.raises(ValueError):
        make_server(tmp_path, port=0, cache_control="max-age=1\r\nSet-Cookie: x=1")


def test_serve_logs_requests_and_stops_on_sigterm(feeds: Path) -> None:
    code = ("import sys; from pathlib import Path; from feeder.serve import serve; "
            "raise SystemExit(serve(Path(sys.argv[1]), '127.0.0.1', 0, 'no-cache'))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(feeds)], stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "error"})
    try:
        assert proc.stderr is not None
        started = proc.stderr.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", started).group(1))  # type: ignore[union-attr]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        try:
            # h11 answers 400 to a control character in a field; obs-text (0x80-0xFF) still needs escaping
            conn.request("GET", "/feed.atom", headers={"User-Agent": "test\x85agent"})
            response = conn.getresponse()
            response.read()
            assert response.getheader("Cache-Control") == "no-cache"
        finally:
            conn.close()
        logged = proc.stderr.readline()
        assert '"GET /feed.atom HTTP/1.1" 200' in logged and "test\\x85agent" in logged
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=TIMEOUT)
        if proc.stderr:
            proc.stderr.close()


def test_a_client_hanging_up_mid_response_is_no_traceback(server: ServerHandle,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
            sock.sendall(b"GET /feed.atom HTTP/1.1\r\nHost: x\r\n\r\n")
    assert request(server, "/feed.atom").status == 200
    assert "Traceback" not in capfd.readouterr().err
