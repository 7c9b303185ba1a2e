"""The pass: inbox files -> Articles -> Entries -> feed bytes -> feeds/; the only module that knows the stage order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from feeder.articles import discover, read_article
from feeder.atom import previous_entries, render_atom, write_atomic
from feeder.config import Config
from feeder.errors import InputError
from feeder.extract import extract
from feeder.normalize import entry_id, normalize
from feeder.records import Article, Entry, Rejection, RunReport

Result = Article | Rejection


def inspect_file(path: Path, config: Config, *, inbox: Path | None = None) -> Article:
    """Read, extract and normalize one file; raise InputError naming the file when it is rejected."""
    raw = read_article(path, inbox=inbox, max_bytes=config.max_file_bytes)
    page = extract(raw, config.registry)
    return normalize(raw, page, config.registry, config.default_zone)


def read_inbox(config: Config) -> Iterator[Result]:
    """One result per article file in the inbox, in a stable order; a bad file never stops the rest."""
    for path in discover(config.input_folder):
        try:
            yield inspect_file(path, config, inbox=config.input_folder)
        except InputError as exc:
            yield Rejection(str(path), exc.reason)


def to_entries(articles: Iterable[Article], id_base: str, fallback: dict[str, datetime]) -> list[Entry]:
    """One Entry per story: files carrying the same story merge, listing every republishing page."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.story_key, []).append(article)
    return [_merge(entry_id(id_base, key), group, fallback) for key, group in sorted(groups.items())]


def _merge(eid: str, group: list[Article], fallback: dict[str, datetime]) -> Entry:
    best = max(group, key=lambda a: (a.published is not None, len(a.authors), len(a.body), a.path))
    vias = tuple(sorted({a.via for a in group if a.via}))
    updated = max(_updated(a, fallback) for a in group)
    published = best.published.value if best.published else None
    return Entry(id=eid, article=best, updated=max(updated, published or updated),
                 published=published, vias=vias)


def _updated(article: Article, fallback: dict[str, datetime]) -> datetime:
    stamp = article.updated or article.published or article.republished
    return stamp.value if stamp else fallback[article.path]


def file_times(articles: Iterable[Article]) -> dict[str, datetime]:
    """When each file was last modified: the date of last resort for a story with no date at all."""
    return {a.path: datetime.fromtimestamp(Path(a.path).stat().st_mtime, UTC).replace(microsecond=0)
            for a in articles if not (a.updated or a.published or a.republished)}


def run_once(config: Config, *, now: datetime) -> RunReport:
    """One pass over the inbox: publish the feed when its bytes change; report what happened."""
    results = list(read_inbox(config))
    articles = [r for r in results if isinstance(r, Article)]
    rejected = tuple(r for r in results if isinstance(r, Rejection))
    entries = to_entries(articles, config.feed.id_base, file_times(articles))
    entries = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)[: config.feed.max_entries]
    target = config.output_folder / config.feed.filename
    before = previous_entries(target)
    feed = render_atom(entries, feed_id=config.feed_id, title=config.feed.title,
                       author=config.feed.author, self_url=config.self_url,
                       language=config.feed.language, subtitle=config.feed.subtitle,
                       home=config.feed.home, empty_updated=now)
    written = write_atomic(target, feed)
    new = sum(1 for e in entries if e.id not in before)
    changed = sum(1 for e in entries if e.id in before and before[e.id] != e.updated.isoformat())
    return RunReport(new=new, updated=changed, unchanged=len(entries) - new - changed,
                     rejected=rejected, feeds=(str(target),) if written else (), entries=len(entries))
