"""Atheris harness: bytes -> inbox file -> read + extract + normalize -> render, or bytes -> strings -> render.

Not run in CI (atheris is not a project dependency). See tests/fuzz/README.md.

    .venv/bin/pip install atheris                       # into your venv only
    .venv/bin/python tests/fuzz/fuzz_inspect.py seed /tmp/feeder-corpus
    .venv/bin/python tests/fuzz/fuzz_inspect.py /tmp/feeder-corpus -max_len=65536 \\
        -max_total_time=600 -runs=200000 -artifact_prefix=/tmp/feeder-fuzz-

The first input byte picks the target: even -> the rest is a file (.txt, .html or .htm by the
second byte) given to feeder.pipeline.inspect_file, and a returned Article is rendered; odd ->
the rest is split into a title, a body and an author that are rendered directly (lone
surrogates included). An Article or feeder.errors.InputError is fine; so is a document that
is well-formed XML with no character XML 1.0 forbids. Anything else is a crash.

Known findings (see /tmp/hostile-findings/) are counted instead of stopping the run when
FEEDER_FUZZ_KNOWN=1 (the default), so the run keeps looking for new ones: the first hit of
each is printed when it happens, and the counts every 10,000 inputs and at the end ("known
findings: ..." lines on stderr). FEEDER_FUZZ_KNOWN=0 stops at the first of them too.
"""

from __future__ import annotations

import atexit
import collections
import dataclasses
import os
import re
import sys
import tempfile
import warnings
from datetime import UTC, datetime
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["feeder"]):
    from feeder.atom import FeedMeta, render_atom, render_rss
    from feeder.config import load_config
    from feeder.errors import InputError
    from feeder.pipeline import inspect_file
    from feeder.records import Article, Entry

from lxml import etree  # noqa: E402

from tests.conftest import SCENARIOS, write_config  # noqa: E402

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SUFFIXES = (".txt", ".html", ".htm")
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
META = FeedMeta("tag:feeder.test,2026:feed", "Fuzz feed", "fuzz", "http://localhost:8080/feed.atom", "en")
# (finding, exception type name, text in its message): what a run may hit before those are fixed.
KNOWN = (
    ("01", "ValueError", "All strings must be XML compatible"),
    ("01", "ValueError", "Required fields not set"),
    ("01", "UnicodeEncodeError", "surrogates not allowed"),
    ("01", "XmlProblem", "character illegal in XML"),
    ("03", "XMLParsedAsHTMLWarning", ""),
    ("03", "MarkupResemblesLocatorWarning", ""),
    ("10", "ValueError", "Invalid IPv6 URL"),
    ("10", "ValueError", "Port out of range"),
    ("11", "UnknownTimezoneWarning", ""),
)
HITS: collections.Counter[str] = collections.Counter()
FIRST: dict[str, str] = {}
EXECS = [0]


class XmlProblem(Exception):
    """The rendered document is not XML a reader can take."""


def _setup() -> tuple[Path, object, Article]:
    folder = Path(tempfile.mkdtemp(prefix="feeder-fuzz-"))
    config = load_config(write_config(folder))
    base = SCENARIOS / "blogger_chinadaily_lost_outlet_field.txt"
    good = config.input_folder / base.name
    good.write_bytes(base.read_bytes())
    article = inspect_file(good, config)
    good.unlink()
    return config.input_folder, config, article


INBOX, CONFIG, BASE = _setup()


def _check_xml(data: bytes) -> None:
    text = data.decode("utf-8")
    if (bad := ILLEGAL_XML.search(text)) is not None:
        raise XmlProblem(f"character illegal in XML 1.0 in the output: {bad.group()!r}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    etree.fromstring(data, parser)


def _render(article: Article) -> None:
    when = article.published.value if article.published else NOW
    entry = Entry("tag:feeder.test,2026:entry:fuzz", article, when, when, (article.via,) if article.via else ())
    _check_xml(render_atom([entry], META, empty_updated=NOW))
    _check_xml(render_rss([entry], META, empty_updated=NOW))


def _file_target(fdp: atheris.FuzzedDataProvider) -> None:
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = INBOX / f"fuzzed{suffix}"
    path.write_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()))
    try:
        article = inspect_file(path, CONFIG, inbox=INBOX)  # type: ignore[arg-type]
    except InputError:
        return
    assert article.title.strip() and article.body, "an Article without headline or body"
    _render(article)


def _string_target(fdp: atheris.FuzzedDataProvider) -> None:
    title = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(1, 80)) or "t"
    author = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40))
    body = fdp.ConsumeUnicode(fdp.remaining_bytes()) or "b"
    _render(dataclasses.replace(BASE, title=title, body=(body,), authors=(author,) if author else ()))


def _known(exc: BaseException) -> str | None:
    name, text = type(exc).__name__, str(exc)
    return next((f for f, kind, part in KNOWN if name == kind and part in text), None)


def test_one_input(data: bytes) -> None:
    EXECS[0] += 1
    if EXECS[0] % 10_000 == 0:
        _report()
    fdp = atheris.FuzzedDataProvider(data)
    target = _string_target if fdp.ConsumeIntInRange(0, 255) % 2 else _file_target
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as under pytest: a warning is a failure
        try:
            target(fdp)
        except Exception as exc:
            finding = _known(exc) if os.environ.get("FEEDER_FUZZ_KNOWN", "1") == "1" else None
            if finding is None:
                raise
            finding += " via strings" if target is _string_target else " via a file"
            HITS[finding] += 1
            if finding not in FIRST:
                FIRST[finding] = f"{type(exc).__name__}: {str(exc)[:100]}"
                print(f"known finding {finding} first hit at input {EXECS[0]}: {FIRST[finding]}",
                      file=sys.stderr)


def _report() -> None:
    print(f"known findings after {EXECS[0]} inputs (finding: inputs that hit it): {dict(sorted(HITS.items()))}",
          file=sys.stderr)


def seed(folder: Path) -> None:
    """A seed corpus: every scenario fixture as a file input and as strings to render."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, path in enumerate(sorted(SCENARIOS.iterdir())):
        if path.suffix in (".txt", ".html"):
            which = SUFFIXES.index(path.suffix)
            (folder / f"file-{n:02d}").write_bytes(bytes([0, which]) + path.read_bytes())
            (folder / f"strings-{n:02d}").write_bytes(bytes([1]) + path.read_bytes()[:2000])


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "seed":
        seed(Path(sys.argv[2]))
        return
    atexit.register(_report)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
