"""Load figures for `feeder serve` on loopback: concurrent clients, slowloris under a file limit, HTTP checks.

    python bench/serve_load.py [--clients 200] [--requests 10] [--slow 1100] [--nofile 1024] [--hold 25] [--repeat 3]

Builds the shipped articles with the shipped config in a temporary folder, starts `feeder serve`
in its own process with RLIMIT_NOFILE set to --nofile, and measures:
1. --clients threads at once, each fetching feed.atom --requests times on a new connection:
   errors and the median / 95th percentile latency;
2. --slow slowloris connections (a request head that never ends, a header line every 2 s,
   reconnecting when the server closes one) held for --hold seconds, while a probe client
   fetches feed.atom twice a second: probe errors, the median and worst probe latency, and how
   many probes took 1 s or more;
3. conditional GET (ETag, If-Modified-Since in the three HTTP date forms), gzip and HTTP/0.9.
Each of 1 and 2 is run --repeat times; the table gives medians (the machine is shared).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEEDER = [sys.executable, "-m", "feeder"]


def build(folder: Path) -> Path:
    shutil.copytree(ROOT / "articles", folder / "articles")
    shutil.copy(ROOT / "config.toml", folder / "config.toml")
    subprocess.run([*FEEDER, "build", "-c", str(folder / "config.toml")], check=True, capture_output=True, cwd=ROOT)
    return folder / "config.toml"


@contextmanager
def server(config: Path, nofile: int) -> Iterator[int]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    proc = subprocess.Popen([*FEEDER, "serve", "-c", str(config), "--port", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, preexec_fn=limit, cwd=ROOT)
    try:
        assert proc.stderr is not None
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stderr.readline())
        assert found, "feeder serve did not start"
        drain = threading.Thread(target=lambda: [None for _ in proc.stderr or ()], daemon=True)
        drain.start()  # the request log must not fill the pipe
        yield int(found.group(1))
    finally:
        proc.terminate()
        proc.wait(30)


def fetch(port: int, path: str = "/feed.atom", headers: dict[str, str] | None = None, timeout: float = 30
          ) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def concurrent(port: int, clients: int, requests: int) -> tuple[int, int, list[float]]:
    """(requests, errors, latencies) with ``clients`` threads released at once."""
    start = threading.Barrier(clients)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client() -> None:
        start.wait()
        for _ in range(requests):
            began = time.perf_counter()
            try:
                ok = fetch(port)[0] == 200
            except OSError:
                ok = False
            with lock:
                latencies.append(time.perf_counter() - began)
                errors[0] += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return clients * requests, errors[0], latencies


def open_slow(port: int) -> socket.socket | None:
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /feed.atom HTTP/1.1\r\nHost: localhost\r\n")
        return sock
    except OSError:
        return None


def attacker(port: int, count: int, stop: EventType, report: Queue[tuple[int, int]]) -> None:
    """In its own process (so that it never holds the probe's interpreter): open, drip, reconnect."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (count + 256, max(count + 256, resource.getrlimit(
        resource.RLIMIT_NOFILE)[1])))
    socks = [open_slow(port) for _ in range(count)]
    reconnects = 0
    while not stop.wait(2.0):
        for i, sock in enumerate(socks):
            try:
                if sock is None:
                    raise OSError
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                if sock is not None:
                    sock.close()
                socks[i] = open_slow(port)
                reconnects += 1
    report.put((sum(1 for s in socks if s is not None), reconnects))
    for sock in socks:
        if sock is not None:
            sock.close()


def slowloris(port: int, count: int, hold: float) -> dict[str, float]:
    """Hold ``count`` unfinished request heads open while a probe fetches the feed; the probe's figures."""
    context = get_context("spawn")
    stop, report = context.Event(), context.Queue()
    process = context.Process(target=attacker, args=(port, count, stop, report))
    process.start()
    time.sleep(min(5.0, hold / 3))  # let the connections pile up before probing
    probes: list[float] = []
    failed = 0
    deadline = time.monotonic() + hold
    while time.monotonic() < deadline:
        began = time.perf_counter()
        try:
            ok = fetch(port, timeout=10)[0] == 200
        except OSError:
            ok = False
        probes.append(time.perf_counter() - began)
        failed += not ok
        time.sleep(0.5)
    stop.set()
    open_now, reconnects = report.get(timeout=60)
    process.join(60)
    return {"probes": len(probes), "failed": failed, "median": statistics.median(probes), "worst": max(probes),
            "slow": sum(1 for p in probes if p >= 1.0), "reconnects": reconnects, "open": open_now}


def http_checks(port: int) -> list[tuple[str, bool]]:
    status, headers, body = fetch(port)
    etag, modified = headers["etag"], headers["last-modified"]
    mtime = datetime.strptime(modified, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=UTC) + timedelta(seconds=1)
    forms = {"IMF-fixdate": "%a, %d %b %Y %H:%M:%S GMT", "RFC 850": "%A, %d-%b-%y %H:%M:%S GMT",
             "asctime": "%a %b %e %H:%M:%S %Y"}
    checks = [("200 with ETag and Last-Modified", status == 200 and bool(etag and modified)),
              ("If-None-Match -> 304", fetch(port, headers={"If-None-Match": etag})[0] == 304)]
    for name, form in forms.items():
        checks.append((f"If-Modified-Since ({name}) -> 304",
                       fetch(port, headers={"If-Modified-Since": mtime.strftime(form)})[0] == 304))
    _, zipped_headers, zipped = fetch(port, headers={"Accept-Encoding": "gzip"})
    checks.append(("gzip: same bytes, own ETag", zipped_headers.get("content-encoding") == "gzip"
                   and gzip.decompress(zipped) == body and zipped_headers["etag"] != etag))
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /feed.atom\r\n\r\n")
        reply = sock.recv(65536)
    checks.append(("HTTP/0.9 request refused (400, no document)", reply.startswith(b"HTTP/1.1 400") and b"<feed"
                   not in reply))
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--slow", type=int, default=1100)
    parser.add_argument("--nofile", type=int, default=1024)
    parser.add_argument("--hold", type=float, default=25.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(hard, args.slow + args.clients + 256),) * 2)
    with tempfile.TemporaryDirectory() as tmp:
        config = build(Path(tmp))
        loads, sieges = [], []
        with server(config, args.nofile) as port:
            checks = http_checks(port)
            for _ in range(args.repeat):
                loads.append(concurrent(port, args.clients, args.requests))
                sieges.append(slowloris(port, args.slow, args.hold))
    print(f"feeder serve on loopback, server RLIMIT_NOFILE={args.nofile}, {args.repeat} run(s), medians\n")
    print("| measurement | value |\n|---|---:|")
    print(f"| {args.clients} concurrent clients x {args.requests} requests: errors (per run) | "
          f"{', '.join(str(e) for _, e, _ in loads)} |")
    all_latencies = [statistics.median(lat) for _, _, lat in loads]
    p95 = [statistics.quantiles(lat, n=20)[-1] for _, _, lat in loads]
    print(f"| … median latency | {statistics.median(all_latencies) * 1000:.1f} ms |")
    print(f"| … 95th percentile latency | {statistics.median(p95) * 1000:.1f} ms |")
    for key, label in (("probes", "probes"), ("failed", "probe errors"), ("slow", "probes taking >= 1 s"),
                       ("open", "attacker sockets open at the end"), ("reconnects", "slow reconnects")):
        print(f"| {args.slow} slowloris: {label} (per run) | {', '.join(str(int(s[key])) for s in sieges)} |")
    print(f"| … probe median latency | {statistics.median(s['median'] for s in sieges) * 1000:.1f} ms |")
    print(f"| … probe worst latency | {statistics.median(s['worst'] for s in sieges) * 1000:.1f} ms |")
    print("\n| HTTP check | result |\n|---|---|")
    for name, ok in checks:
        print(f"| {name} | {'pass' if ok else 'FAIL'} |")
    failed = any(e for _, e, _ in loads) or any(s["failed"] or s["slow"] for s in sieges) or not all(
        ok for _, ok in checks)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
